-- The inbox's names kept on its rows. A page of the inbox read its rows from two
-- indexes (027) but each row's organisation, owner and owner's organisation from
-- their tables: at a million signals, 20,000 organisations and 40,000 people, the
-- first screenful read about 50 pages for names alone, half a millisecond of every
-- start. While a signal is open it carries its organisation's name and its owner as
-- the inbox shows them; closed, both are NULL. The triggers of schema/kept_figures.sql
-- keep them as signals, organisations and people change, and the kept-figures test
-- compares them with the names read afresh after every kind of change.
DROP TRIGGER IF EXISTS keep_figures_signal_update;
ALTER TABLE signal ADD COLUMN inbox_org TEXT;
ALTER TABLE signal ADD COLUMN inbox_owner TEXT;
UPDATE signal SET (inbox_org, inbox_owner) = (
    SELECT o.name,
           coalesce(p.name, '') || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ' (' ELSE '' END
             || coalesce(coalesce(so.short_name, so.name), '')
             || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ')' ELSE '' END
      FROM signal s
      LEFT JOIN organisation o ON o.id = s.org_id
      LEFT JOIN person p ON p.id = s.owner_person_id
      LEFT JOIN organisation so ON so.id = s.owner_org_id
     WHERE s.id = signal.id)
 WHERE state IN ('new', 'triaged', 'in_progress');
CREATE TRIGGER keep_figures_signal_update BEFORE UPDATE ON signal BEGIN SELECT wijkdesk_keeps_figures(); END;

DROP INDEX signal_open_due;
DROP INDEX signal_open_received;
CREATE INDEX signal_open_due ON signal(feedback_due, received_on, id,
        state, org_id, owner_person_id, owner_org_id, theme, district, title, inbox_org, inbox_owner)
    WHERE state IN ('new', 'triaged', 'in_progress');
CREATE INDEX signal_open_received ON signal(received_on, id,
        feedback_due, state, org_id, owner_person_id, owner_org_id, theme, district, title, inbox_org, inbox_owner)
    WHERE state IN ('new', 'triaged', 'in_progress');
