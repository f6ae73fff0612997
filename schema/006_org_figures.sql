-- wijkdesk schema: each organisation's list figures kept up to date in the write's
-- own transaction, so the Organisations screen reads them in one join instead of
-- counting an organisation's signals, commitments and contacts per row (about 1 ms
-- per organisation at 100,000 signals).
--
-- open_signals     signals in state new, triaged or in_progress
-- open_commitments commitments in state open
-- last_contact     the last held meeting it attended, or the last feedback on its signals
--
-- Load (meetings and signals in the last 90 days) depends on today, so it is still
-- counted per shown row, on the index below.

CREATE TABLE org_figures (
    org_id           INTEGER PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
    open_signals     INTEGER NOT NULL DEFAULT 0,
    open_commitments INTEGER NOT NULL DEFAULT 0,
    last_contact     TEXT
);

-- Every contact an organisation had, for recomputing last_contact after a change
-- that can lower it (rare: a meeting's status or date, attendance, a moved signal).
CREATE VIEW org_contact (org_id, day) AS
    SELECT mo.org_id, substr(m.starts_at, 1, 10)
      FROM meeting_org mo JOIN meeting m ON m.id = mo.meeting_id
     WHERE m.status IN ('held', 'final') AND coalesce(mo.attended, 1) = 1
    UNION ALL
    SELECT s.org_id, f.given_on
      FROM feedback f JOIN signal s ON s.id = f.signal_id;

INSERT INTO org_figures (org_id, open_signals, open_commitments, last_contact)
SELECT o.id,
       (SELECT count(*) FROM signal s WHERE s.org_id = o.id AND s.state IN ('new', 'triaged', 'in_progress')),
       (SELECT count(*) FROM commitment c WHERE c.org_id = o.id AND c.state = 'open'),
       (SELECT max(day) FROM org_contact k WHERE k.org_id = o.id)
  FROM organisation o;

-- Signals of one organisation by date: its load in one range scan (replaces org_id alone).
DROP INDEX signal_org;
CREATE INDEX signal_org ON signal(org_id, received_on);

CREATE TRIGGER org_figures_new_org AFTER INSERT ON organisation BEGIN
    INSERT INTO org_figures (org_id) VALUES (new.id);
END;

-- Signals -----------------------------------------------------------------------

CREATE TRIGGER org_figures_signal_insert AFTER INSERT ON signal
WHEN new.org_id IS NOT NULL AND new.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE org_figures SET open_signals = open_signals + 1 WHERE org_id = new.org_id;
END;

CREATE TRIGGER org_figures_signal_state AFTER UPDATE OF state, org_id ON signal BEGIN
    UPDATE org_figures SET open_signals = open_signals - 1
     WHERE org_id = old.org_id AND old.state IN ('new', 'triaged', 'in_progress');
    UPDATE org_figures SET open_signals = open_signals + 1
     WHERE org_id = new.org_id AND new.state IN ('new', 'triaged', 'in_progress');
END;

-- A signal moved to another organisation takes its feedback along.
CREATE TRIGGER org_figures_signal_moved AFTER UPDATE OF org_id ON signal
WHEN old.org_id IS NOT new.org_id BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (old.org_id, new.org_id);
END;

CREATE TRIGGER org_figures_signal_delete AFTER DELETE ON signal BEGIN
    UPDATE org_figures SET open_signals = open_signals - 1
     WHERE org_id = old.org_id AND old.state IN ('new', 'triaged', 'in_progress');
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = old.org_id;
END;

-- Commitments -------------------------------------------------------------------

CREATE TRIGGER org_figures_commitment_insert AFTER INSERT ON commitment
WHEN new.state = 'open' BEGIN
    UPDATE org_figures SET open_commitments = open_commitments + 1 WHERE org_id = new.org_id;
END;

CREATE TRIGGER org_figures_commitment_state AFTER UPDATE OF state, org_id ON commitment BEGIN
    UPDATE org_figures SET open_commitments = open_commitments - 1
     WHERE org_id = old.org_id AND old.state = 'open';
    UPDATE org_figures SET open_commitments = open_commitments + 1
     WHERE org_id = new.org_id AND new.state = 'open';
END;

CREATE TRIGGER org_figures_commitment_delete AFTER DELETE ON commitment
WHEN old.state = 'open' BEGIN
    UPDATE org_figures SET open_commitments = open_commitments - 1 WHERE org_id = old.org_id;
END;

-- Contacts: feedback and held meetings --------------------------------------------

-- New feedback can only raise the last contact: no recount needed.
CREATE TRIGGER org_figures_feedback_insert AFTER INSERT ON feedback BEGIN
    UPDATE org_figures SET last_contact = max(coalesce(last_contact, ''), new.given_on)
     WHERE org_id = (SELECT org_id FROM signal WHERE id = new.signal_id);
END;

CREATE TRIGGER org_figures_feedback_change AFTER UPDATE OF given_on, signal_id ON feedback BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN ((SELECT org_id FROM signal WHERE id = old.signal_id),
                      (SELECT org_id FROM signal WHERE id = new.signal_id));
END;

CREATE TRIGGER org_figures_feedback_delete AFTER DELETE ON feedback BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = (SELECT org_id FROM signal WHERE id = old.signal_id);
END;

CREATE TRIGGER org_figures_meeting_change AFTER UPDATE OF status, starts_at ON meeting BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (SELECT org_id FROM meeting_org WHERE meeting_id = new.id);
END;

-- An organisation joining a meeting can only raise its last contact.
CREATE TRIGGER org_figures_meeting_org_insert AFTER INSERT ON meeting_org BEGIN
    UPDATE org_figures
       SET last_contact = nullif(max(coalesce(last_contact, ''), coalesce(
             (SELECT substr(m.starts_at, 1, 10) FROM meeting m
               WHERE m.id = new.meeting_id AND m.status IN ('held', 'final')
                 AND coalesce(new.attended, 1) = 1), '')), '')
     WHERE org_id = new.org_id;
END;

CREATE TRIGGER org_figures_meeting_org_change AFTER UPDATE ON meeting_org BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (old.org_id, new.org_id);
END;

CREATE TRIGGER org_figures_meeting_org_delete AFTER DELETE ON meeting_org BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = old.org_id;
END;
