-- The kept figures: the search index, each organisation's figures, the inbox's and
-- the tracker's counts and the reports' kept counts, kept by these triggers as rows
-- change; after them, the base tables' own kept facts. Not part of the stored schema
-- (see schema/025_figures_kept_by_writers.sql and 026):
-- src/store/figures.rs makes them as TEMP triggers on each connection before it first
-- writes. Each adds what a row's new values count and takes off what its old values
-- counted, so the order in which they fire does not change the figures
-- (tests/store_kept_figures.rs compares them with a fresh count after every kind of
-- change).

CREATE TEMP TRIGGER search_org_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((2 << 40) - NEW.id, NEW.name,
            concat_ws(' ', NEW.short_name, NEW.district, replace(NEW.neighbourhoods, ',', ' '), NEW.email, NEW.notes));
END;

CREATE TEMP TRIGGER search_org_update AFTER UPDATE OF name, short_name, district, neighbourhoods, email, notes ON organisation BEGIN
    DELETE FROM search WHERE rowid = (2 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((2 << 40) - NEW.id, NEW.name,
            concat_ws(' ', NEW.short_name, NEW.district, replace(NEW.neighbourhoods, ',', ' '), NEW.email, NEW.notes));
    -- People are found by their organisation's name too.
    DELETE FROM search WHERE rowid IN (SELECT (3 << 40) - id FROM person WHERE org_id = NEW.id);
    INSERT INTO search (rowid, title, body)
    SELECT (3 << 40) - p.id, p.name,
           concat_ws(' ', p.role, NEW.name, NEW.short_name, p.email, p.username,
                     replace(p.districts, ',', ' '), replace(p.themes, ',', ' '), p.notes)
      FROM person p WHERE p.org_id = NEW.id AND p.erased_at IS NULL;
END;

CREATE TEMP TRIGGER search_org_delete AFTER DELETE ON organisation BEGIN
    DELETE FROM search WHERE rowid = (2 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_person_insert AFTER INSERT ON person WHEN NEW.erased_at IS NULL BEGIN
    INSERT INTO search (rowid, title, body)
    SELECT (3 << 40) - NEW.id, NEW.name,
           concat_ws(' ', NEW.role,
                     (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = NEW.org_id),
                     NEW.email, NEW.username, replace(NEW.districts, ',', ' '), replace(NEW.themes, ',', ' '), NEW.notes);
END;

CREATE TEMP TRIGGER search_person_update
AFTER UPDATE OF name, org_id, role, email, username, districts, themes, notes, erased_at ON person BEGIN
    DELETE FROM search WHERE rowid = (3 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    SELECT (3 << 40) - NEW.id, NEW.name,
           concat_ws(' ', NEW.role,
                     (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = NEW.org_id),
                     NEW.email, NEW.username, replace(NEW.districts, ',', ' '), replace(NEW.themes, ',', ' '), NEW.notes)
     WHERE NEW.erased_at IS NULL;
END;

CREATE TEMP TRIGGER search_person_delete AFTER DELETE ON person BEGIN
    DELETE FROM search WHERE rowid = (3 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_signal_insert AFTER INSERT ON signal BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((4 << 40) - NEW.id, NEW.title, concat_ws(' ', NEW.body, NEW.expectation, NEW.theme, NEW.neighbourhood));
END;

CREATE TEMP TRIGGER search_signal_update AFTER UPDATE OF title, body, expectation, theme, neighbourhood ON signal BEGIN
    DELETE FROM search WHERE rowid = (4 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((4 << 40) - NEW.id, NEW.title, concat_ws(' ', NEW.body, NEW.expectation, NEW.theme, NEW.neighbourhood));
END;

CREATE TEMP TRIGGER search_signal_delete AFTER DELETE ON signal BEGIN
    DELETE FROM search WHERE rowid = (4 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search (rowid, title, body) VALUES ((5 << 40) - NEW.id, '', NEW.text);
END;

CREATE TEMP TRIGGER search_feedback_update AFTER UPDATE OF text ON feedback BEGIN
    DELETE FROM search WHERE rowid = (5 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body) VALUES ((5 << 40) - NEW.id, '', NEW.text);
END;

CREATE TEMP TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM search WHERE rowid = (5 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_commitment_insert AFTER INSERT ON commitment BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((6 << 40) - NEW.id, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.reason));
END;

CREATE TEMP TRIGGER search_commitment_delete AFTER DELETE ON commitment BEGIN
    DELETE FROM search WHERE rowid = (6 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_action_insert AFTER INSERT ON action BEGIN
    INSERT INTO search (rowid, title, body) VALUES ((7 << 40) - NEW.id, NEW.text, coalesce(NEW.reason, ''));
END;

CREATE TEMP TRIGGER search_action_update AFTER UPDATE OF text, reason ON action BEGIN
    DELETE FROM search WHERE rowid = (7 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body) VALUES ((7 << 40) - NEW.id, NEW.text, coalesce(NEW.reason, ''));
END;

CREATE TEMP TRIGGER search_action_delete AFTER DELETE ON action BEGIN
    DELETE FROM search WHERE rowid = (7 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((8 << 40) - NEW.id, NEW.title,
            concat_ws(' ', NEW.kind, NEW.location, NEW.district,
                      (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = NEW.id)));
END;

CREATE TEMP TRIGGER search_meeting_update AFTER UPDATE OF title, kind, location, district ON meeting BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((8 << 40) - NEW.id, NEW.title,
            concat_ws(' ', NEW.kind, NEW.location, NEW.district,
                      (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = NEW.id)));
END;

CREATE TEMP TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER search_agenda_insert AFTER INSERT ON agenda_item BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - NEW.meeting_id;
    INSERT INTO search (rowid, title, body)
    SELECT (8 << 40) - m.id, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id = NEW.meeting_id;
END;

CREATE TEMP TRIGGER search_agenda_update AFTER UPDATE OF title, meeting_id ON agenda_item BEGIN
    DELETE FROM search WHERE rowid IN ((8 << 40) - OLD.meeting_id, (8 << 40) - NEW.meeting_id);
    INSERT INTO search (rowid, title, body)
    SELECT (8 << 40) - m.id, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id IN (OLD.meeting_id, NEW.meeting_id);
END;

CREATE TEMP TRIGGER search_agenda_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - OLD.meeting_id;
    INSERT INTO search (rowid, title, body)
    SELECT (8 << 40) - m.id, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id = OLD.meeting_id;
END;

CREATE TEMP TRIGGER search_minute_insert AFTER INSERT ON minute BEGIN
    INSERT INTO search (rowid, title, body) VALUES ((9 << 40) - NEW.id, '', NEW.text);
END;

CREATE TEMP TRIGGER search_minute_update AFTER UPDATE OF text ON minute BEGIN
    DELETE FROM search WHERE rowid = (9 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body) VALUES ((9 << 40) - NEW.id, '', NEW.text);
END;

CREATE TEMP TRIGGER search_minute_delete AFTER DELETE ON minute BEGIN
    DELETE FROM search WHERE rowid = (9 << 40) - OLD.id;
END;

CREATE TEMP TRIGGER org_figures_new_org AFTER INSERT ON organisation BEGIN
    INSERT INTO org_figures (org_id) VALUES (new.id);
END;

CREATE TEMP TRIGGER org_figures_signal_insert AFTER INSERT ON signal
WHEN new.org_id IS NOT NULL AND new.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE org_figures SET open_signals = open_signals + 1 WHERE org_id = new.org_id;
END;

CREATE TEMP TRIGGER org_figures_signal_state AFTER UPDATE OF state, org_id ON signal BEGIN
    UPDATE org_figures SET open_signals = open_signals - 1
     WHERE org_id = old.org_id AND old.state IN ('new', 'triaged', 'in_progress');
    UPDATE org_figures SET open_signals = open_signals + 1
     WHERE org_id = new.org_id AND new.state IN ('new', 'triaged', 'in_progress');
END;

CREATE TEMP TRIGGER org_figures_signal_delete AFTER DELETE ON signal BEGIN
    UPDATE org_figures SET open_signals = open_signals - 1
     WHERE org_id = old.org_id AND old.state IN ('new', 'triaged', 'in_progress');
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = old.org_id;
END;

CREATE TEMP TRIGGER org_figures_commitment_insert AFTER INSERT ON commitment
WHEN new.state = 'open' BEGIN
    UPDATE org_figures SET open_commitments = open_commitments + 1 WHERE org_id = new.org_id;
END;

CREATE TEMP TRIGGER org_figures_commitment_state AFTER UPDATE OF state, org_id ON commitment BEGIN
    UPDATE org_figures SET open_commitments = open_commitments - 1
     WHERE org_id = old.org_id AND old.state = 'open';
    UPDATE org_figures SET open_commitments = open_commitments + 1
     WHERE org_id = new.org_id AND new.state = 'open';
END;

CREATE TEMP TRIGGER org_figures_commitment_delete AFTER DELETE ON commitment
WHEN old.state = 'open' BEGIN
    UPDATE org_figures SET open_commitments = open_commitments - 1 WHERE org_id = old.org_id;
END;

CREATE TEMP TRIGGER org_figures_feedback_insert AFTER INSERT ON feedback BEGIN
    UPDATE org_figures SET last_contact = max(coalesce(last_contact, ''), new.given_on)
     WHERE org_id = (SELECT org_id FROM signal WHERE id = new.signal_id);
END;

CREATE TEMP TRIGGER org_figures_feedback_change AFTER UPDATE OF given_on, signal_id ON feedback BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN ((SELECT org_id FROM signal WHERE id = old.signal_id),
                      (SELECT org_id FROM signal WHERE id = new.signal_id));
END;

CREATE TEMP TRIGGER org_figures_feedback_delete AFTER DELETE ON feedback BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = (SELECT org_id FROM signal WHERE id = old.signal_id);
END;

CREATE TEMP TRIGGER org_figures_meeting_change AFTER UPDATE OF status, starts_at ON meeting BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (SELECT org_id FROM meeting_org WHERE meeting_id = new.id);
END;

CREATE TEMP TRIGGER org_figures_meeting_org_insert AFTER INSERT ON meeting_org BEGIN
    UPDATE org_figures
       SET last_contact = nullif(max(coalesce(last_contact, ''), coalesce(
             (SELECT substr(m.starts_at, 1, 10) FROM meeting m
               WHERE m.id = new.meeting_id AND m.status IN ('held', 'final')
                 AND coalesce(new.attended, 1) = 1), '')), '')
     WHERE org_id = new.org_id;
END;

CREATE TEMP TRIGGER org_figures_meeting_org_change AFTER UPDATE ON meeting_org BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (old.org_id, new.org_id);
END;

CREATE TEMP TRIGGER org_figures_meeting_org_delete AFTER DELETE ON meeting_org BEGIN
    UPDATE org_figures SET last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = old.org_id;
END;

CREATE TEMP TRIGGER open_signal_days_insert AFTER INSERT ON signal
WHEN new.state IN ('new', 'triaged', 'in_progress') BEGIN
    INSERT INTO open_signal_days (due, n) VALUES (coalesce(new.feedback_due, ''), 1)
        ON CONFLICT (due) DO UPDATE SET n = n + 1;
END;

CREATE TEMP TRIGGER open_signal_days_update AFTER UPDATE OF state, feedback_due ON signal BEGIN
    UPDATE open_signal_days SET n = n - 1
     WHERE due = coalesce(old.feedback_due, '') AND old.state IN ('new', 'triaged', 'in_progress');
    INSERT INTO open_signal_days (due, n)
    SELECT coalesce(new.feedback_due, ''), 1 WHERE new.state IN ('new', 'triaged', 'in_progress')
        ON CONFLICT (due) DO UPDATE SET n = n + 1;
END;

CREATE TEMP TRIGGER open_signal_days_delete AFTER DELETE ON signal
WHEN old.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE open_signal_days SET n = n - 1 WHERE due = coalesce(old.feedback_due, '');
END;

CREATE TEMP TRIGGER search_commitment_update AFTER UPDATE OF text, acknowledgement, prevention, reason ON commitment BEGIN
    DELETE FROM search WHERE rowid = (6 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((6 << 40) - NEW.id, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.prevention, NEW.reason));
END;

CREATE TEMP TRIGGER org_figures_last_meeting_change AFTER UPDATE OF status, starts_at ON meeting BEGIN
    UPDATE org_figures SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (SELECT org_id FROM meeting_org WHERE meeting_id = new.id);
END;

CREATE TEMP TRIGGER org_figures_last_meeting_org_insert AFTER INSERT ON meeting_org BEGIN
    UPDATE org_figures
       SET last_meeting = nullif(max(coalesce(last_meeting, ''), coalesce(
             (SELECT substr(m.starts_at, 1, 10) FROM meeting m
               WHERE m.id = new.meeting_id AND m.status IN ('held', 'final')
                 AND coalesce(new.attended, 1) = 1), '')), '')
     WHERE org_id = new.org_id;
END;

CREATE TEMP TRIGGER org_figures_last_meeting_org_change AFTER UPDATE ON meeting_org BEGIN
    UPDATE org_figures SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (old.org_id, new.org_id);
END;

CREATE TEMP TRIGGER org_figures_last_meeting_org_delete AFTER DELETE ON meeting_org BEGIN
    UPDATE org_figures SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = old.org_id;
END;

CREATE TEMP TRIGGER report_cube_signal_insert AFTER INSERT ON signal BEGIN
    INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
    SELECT f.kind, c.cut,
           iif(c.cut & 1, '', f.district), iif(c.cut & 2, '', f.theme), iif(c.cut & 4, 0, f.service),
           f.a, f.b, f.n
      FROM (
            SELECT 1 AS kind, coalesce(new.district, '') AS district, coalesce(new.theme, '') AS theme, coalesce(new.owner_org_id, 0) AS service, new.loop_due AS a, new.loop_feedback AS b, 1 AS n WHERE new.loop_due IS NOT NULL
            UNION ALL
            SELECT 2, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, new.loop_days, 1 WHERE new.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 7, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), substr(new.received_on, 1, 8) || '01', new.loop_days, 1 WHERE new.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 3, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, 0, 1 WHERE new.state IN ('new', 'triaged', 'in_progress') OR (new.state = 'merged' AND new.answered_on IS NULL)
            UNION ALL
            SELECT 4, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, 0, 1
            UNION ALL
            SELECT 5, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.answered_on, 0, 1 WHERE new.answered_on IS NOT NULL
            UNION ALL
            SELECT 6, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.feedback_due, new.received_on, 1 WHERE new.state IN ('new', 'triaged', 'in_progress') AND new.feedback_due IS NOT NULL
           ) f JOIN report_cut c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER report_cube_signal_delete AFTER DELETE ON signal BEGIN
    INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
    SELECT f.kind, c.cut,
           iif(c.cut & 1, '', f.district), iif(c.cut & 2, '', f.theme), iif(c.cut & 4, 0, f.service),
           f.a, f.b, f.n
      FROM (
            SELECT 1 AS kind, coalesce(old.district, '') AS district, coalesce(old.theme, '') AS theme, coalesce(old.owner_org_id, 0) AS service, old.loop_due AS a, old.loop_feedback AS b, -1 AS n WHERE old.loop_due IS NOT NULL
            UNION ALL
            SELECT 2, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, old.loop_days, -1 WHERE old.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 7, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), substr(old.received_on, 1, 8) || '01', old.loop_days, -1 WHERE old.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 3, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, 0, -1 WHERE old.state IN ('new', 'triaged', 'in_progress') OR (old.state = 'merged' AND old.answered_on IS NULL)
            UNION ALL
            SELECT 4, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, 0, -1
            UNION ALL
            SELECT 5, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.answered_on, 0, -1 WHERE old.answered_on IS NOT NULL
            UNION ALL
            SELECT 6, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.feedback_due, old.received_on, -1 WHERE old.state IN ('new', 'triaged', 'in_progress') AND old.feedback_due IS NOT NULL
           ) f JOIN report_cut c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER report_cube_signal_update
AFTER UPDATE OF state, district, theme, owner_org_id, received_on, feedback_due, first_due, first_feedback_on, first_feedback_due, answered_on ON signal
WHEN old.state IS NOT new.state OR old.district IS NOT new.district OR old.theme IS NOT new.theme OR old.owner_org_id IS NOT new.owner_org_id OR old.received_on IS NOT new.received_on OR old.feedback_due IS NOT new.feedback_due OR old.first_due IS NOT new.first_due OR old.first_feedback_on IS NOT new.first_feedback_on OR old.first_feedback_due IS NOT new.first_feedback_due OR old.answered_on IS NOT new.answered_on
BEGIN
    INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
    SELECT f.kind, c.cut,
           iif(c.cut & 1, '', f.district), iif(c.cut & 2, '', f.theme), iif(c.cut & 4, 0, f.service),
           f.a, f.b, f.n
      FROM (
            SELECT 1 AS kind, coalesce(old.district, '') AS district, coalesce(old.theme, '') AS theme, coalesce(old.owner_org_id, 0) AS service, old.loop_due AS a, old.loop_feedback AS b, -1 AS n WHERE old.loop_due IS NOT NULL
            UNION ALL
            SELECT 2, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, old.loop_days, -1 WHERE old.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 7, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), substr(old.received_on, 1, 8) || '01', old.loop_days, -1 WHERE old.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 3, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, 0, -1 WHERE old.state IN ('new', 'triaged', 'in_progress') OR (old.state = 'merged' AND old.answered_on IS NULL)
            UNION ALL
            SELECT 4, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, 0, -1
            UNION ALL
            SELECT 5, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.answered_on, 0, -1 WHERE old.answered_on IS NOT NULL
            UNION ALL
            SELECT 6, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.feedback_due, old.received_on, -1 WHERE old.state IN ('new', 'triaged', 'in_progress') AND old.feedback_due IS NOT NULL
            UNION ALL
            SELECT 1 AS kind, coalesce(new.district, '') AS district, coalesce(new.theme, '') AS theme, coalesce(new.owner_org_id, 0) AS service, new.loop_due AS a, new.loop_feedback AS b, 1 AS n WHERE new.loop_due IS NOT NULL
            UNION ALL
            SELECT 2, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, new.loop_days, 1 WHERE new.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 7, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), substr(new.received_on, 1, 8) || '01', new.loop_days, 1 WHERE new.first_feedback_on IS NOT NULL
            UNION ALL
            SELECT 3, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, 0, 1 WHERE new.state IN ('new', 'triaged', 'in_progress') OR (new.state = 'merged' AND new.answered_on IS NULL)
            UNION ALL
            SELECT 4, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, 0, 1
            UNION ALL
            SELECT 5, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.answered_on, 0, 1 WHERE new.answered_on IS NOT NULL
            UNION ALL
            SELECT 6, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.feedback_due, new.received_on, 1 WHERE new.state IN ('new', 'triaged', 'in_progress') AND new.feedback_due IS NOT NULL
           ) f JOIN report_cut c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER org_figures_signal_moved AFTER UPDATE OF org_id ON signal
WHEN old.org_id IS NOT new.org_id BEGIN
    UPDATE org_figures SET last_contact = (
        SELECT max(day) FROM (
            SELECT substr(m.starts_at, 1, 10) AS day
              FROM meeting_org mo JOIN meeting m ON m.id = mo.meeting_id
             WHERE mo.org_id = org_figures.org_id AND m.status IN ('held', 'final')
               AND coalesce(mo.attended, 1) = 1
            UNION ALL
            SELECT f.given_on FROM signal s JOIN feedback f ON f.signal_id = s.id
             WHERE s.org_id = org_figures.org_id))
     WHERE org_id IN (old.org_id, new.org_id);
END;

CREATE TEMP TRIGGER org_names_generation_insert AFTER INSERT ON organisation BEGIN
    UPDATE org_names_generation SET n = n + 1;
END;

CREATE TEMP TRIGGER org_names_generation_delete AFTER DELETE ON organisation BEGIN
    UPDATE org_names_generation SET n = n + 1;
END;

CREATE TEMP TRIGGER org_names_generation_update AFTER UPDATE OF name, short_name ON organisation
WHEN OLD.name IS NOT NEW.name COLLATE BINARY
  OR OLD.short_name IS NOT NEW.short_name COLLATE BINARY BEGIN
    UPDATE org_names_generation SET n = n + 1;
END;

CREATE TEMP TRIGGER report_ledger_insert AFTER INSERT ON commitment BEGIN
    INSERT INTO report_ledger (cut, a, org, service, theme, outcome, due, n, moved, moves, days)
    SELECT c.cut, iif(c.cut & 8, '', f.a), iif(c.cut & 1, 0, f.org), iif(c.cut & 2, 0, f.service),
           iif(c.cut & 4, '', f.theme), f.outcome, f.due, f.n, f.moved, f.moves, f.days
      FROM (SELECT new.org_id AS org, coalesce(new.owner_org_id, 0) AS service, coalesce(new.signal_theme, '') AS theme,
                   coalesce(new.first_due, new.due) AS a,
                   CASE new.state WHEN 'kept' THEN iif(new.resolved_on > coalesce(new.first_due, new.due), 'kept_late', 'kept_on_time')
                                  ELSE new.state END AS outcome,
                   iif(new.state = 'open', new.due, '') AS due, 1 AS n,
                   new.later_moves > 0 AS moved, new.later_moves AS moves, new.later_days AS days) f
      JOIN ledger_cut c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n, moved = moved + excluded.moved,
           moves = moves + excluded.moves, days = days + excluded.days;
END;

CREATE TEMP TRIGGER report_ledger_delete AFTER DELETE ON commitment BEGIN
    INSERT INTO report_ledger (cut, a, org, service, theme, outcome, due, n, moved, moves, days)
    SELECT c.cut, iif(c.cut & 8, '', f.a), iif(c.cut & 1, 0, f.org), iif(c.cut & 2, 0, f.service),
           iif(c.cut & 4, '', f.theme), f.outcome, f.due, f.n, f.moved, f.moves, f.days
      FROM (SELECT old.org_id AS org, coalesce(old.owner_org_id, 0) AS service, coalesce(old.signal_theme, '') AS theme,
                   coalesce(old.first_due, old.due) AS a,
                   CASE old.state WHEN 'kept' THEN iif(old.resolved_on > coalesce(old.first_due, old.due), 'kept_late', 'kept_on_time')
                                  ELSE old.state END AS outcome,
                   iif(old.state = 'open', old.due, '') AS due, -1 AS n,
                   -(old.later_moves > 0) AS moved, -old.later_moves AS moves, -old.later_days AS days) f
      JOIN ledger_cut c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n, moved = moved + excluded.moved,
           moves = moves + excluded.moves, days = days + excluded.days;
END;

CREATE TEMP TRIGGER report_ledger_update
AFTER UPDATE OF org_id, owner_org_id, signal_theme, first_due, due, state, resolved_on, later_moves, later_days ON commitment
WHEN old.org_id IS NOT new.org_id OR old.owner_org_id IS NOT new.owner_org_id OR old.signal_theme IS NOT new.signal_theme
  OR old.first_due IS NOT new.first_due OR old.due IS NOT new.due OR old.state IS NOT new.state
  OR old.resolved_on IS NOT new.resolved_on OR old.later_moves IS NOT new.later_moves OR old.later_days IS NOT new.later_days
BEGIN
    INSERT INTO report_ledger (cut, a, org, service, theme, outcome, due, n, moved, moves, days)
    SELECT c.cut, iif(c.cut & 8, '', f.a), iif(c.cut & 1, 0, f.org), iif(c.cut & 2, 0, f.service),
           iif(c.cut & 4, '', f.theme), f.outcome, f.due, f.n, f.moved, f.moves, f.days
      FROM (SELECT old.org_id AS org, coalesce(old.owner_org_id, 0) AS service, coalesce(old.signal_theme, '') AS theme,
                   coalesce(old.first_due, old.due) AS a,
                   CASE old.state WHEN 'kept' THEN iif(old.resolved_on > coalesce(old.first_due, old.due), 'kept_late', 'kept_on_time')
                                  ELSE old.state END AS outcome,
                   iif(old.state = 'open', old.due, '') AS due, -1 AS n,
                   -(old.later_moves > 0) AS moved, -old.later_moves AS moves, -old.later_days AS days
            UNION ALL
            SELECT new.org_id, coalesce(new.owner_org_id, 0), coalesce(new.signal_theme, ''),
                   coalesce(new.first_due, new.due),
                   CASE new.state WHEN 'kept' THEN iif(new.resolved_on > coalesce(new.first_due, new.due), 'kept_late', 'kept_on_time')
                                  ELSE new.state END,
                   iif(new.state = 'open', new.due, ''), 1,
                   new.later_moves > 0, new.later_moves, new.later_days) f
      JOIN ledger_cut c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n, moved = moved + excluded.moved,
           moves = moves + excluded.moves, days = days + excluded.days;
END;

CREATE TEMP TRIGGER report_load_signal_insert AFTER INSERT ON signal
WHEN new.org_id IS NOT NULL BEGIN
    INSERT INTO report_load (cut, a, org, service, theme, n)
    SELECT c.cut, new.received_on, new.org_id, iif(c.cut & 1, 0, coalesce(new.owner_org_id, 0)),
           iif(c.cut & 2, '', coalesce(new.theme, '')), 1
      FROM (SELECT 0 AS cut UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) c
     WHERE new.received_on IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO org_reach (org_id, kind, value, n)
    SELECT new.org_id, 1, new.owner_org_id, 1 WHERE new.owner_org_id IS NOT NULL
    UNION ALL
    SELECT new.org_id, 2, new.theme, 1 WHERE new.theme IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER report_load_signal_delete AFTER DELETE ON signal
WHEN old.org_id IS NOT NULL BEGIN
    INSERT INTO report_load (cut, a, org, service, theme, n)
    SELECT c.cut, old.received_on, old.org_id, iif(c.cut & 1, 0, coalesce(old.owner_org_id, 0)),
           iif(c.cut & 2, '', coalesce(old.theme, '')), -1
      FROM (SELECT 0 AS cut UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) c
     WHERE old.received_on IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO org_reach (org_id, kind, value, n)
    SELECT old.org_id, 1, old.owner_org_id, -1 WHERE old.owner_org_id IS NOT NULL
    UNION ALL
    SELECT old.org_id, 2, old.theme, -1 WHERE old.theme IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER report_load_signal_update
AFTER UPDATE OF org_id, owner_org_id, theme, received_on ON signal
WHEN old.org_id IS NOT new.org_id OR old.owner_org_id IS NOT new.owner_org_id
  OR old.theme IS NOT new.theme OR old.received_on IS NOT new.received_on
BEGIN
    INSERT INTO report_load (cut, a, org, service, theme, n)
    SELECT c.cut, f.a, f.org, iif(c.cut & 1, 0, f.service), iif(c.cut & 2, '', f.theme), f.n
      FROM (SELECT old.received_on AS a, old.org_id AS org, coalesce(old.owner_org_id, 0) AS service,
                   coalesce(old.theme, '') AS theme, -1 AS n
             WHERE old.org_id IS NOT NULL AND old.received_on IS NOT NULL
            UNION ALL
            SELECT new.received_on, new.org_id, coalesce(new.owner_org_id, 0), coalesce(new.theme, ''), 1
             WHERE new.org_id IS NOT NULL AND new.received_on IS NOT NULL) f
      JOIN (SELECT 0 AS cut UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) c
     WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO org_reach (org_id, kind, value, n)
    SELECT old.org_id, 1, old.owner_org_id, -1 WHERE old.org_id IS NOT NULL AND old.owner_org_id IS NOT NULL
    UNION ALL
    SELECT old.org_id, 2, old.theme, -1 WHERE old.org_id IS NOT NULL AND old.theme IS NOT NULL
    UNION ALL
    SELECT new.org_id, 1, new.owner_org_id, 1 WHERE new.org_id IS NOT NULL AND new.owner_org_id IS NOT NULL
    UNION ALL
    SELECT new.org_id, 2, new.theme, 1 WHERE new.org_id IS NOT NULL AND new.theme IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER org_reach_commitment_insert AFTER INSERT ON commitment
WHEN new.owner_org_id IS NOT NULL BEGIN
    INSERT INTO org_reach (org_id, kind, value, n) VALUES (new.org_id, 1, new.owner_org_id, 1)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER org_reach_commitment_delete AFTER DELETE ON commitment
WHEN old.owner_org_id IS NOT NULL BEGIN
    INSERT INTO org_reach (org_id, kind, value, n) VALUES (old.org_id, 1, old.owner_org_id, -1)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER org_reach_commitment_update AFTER UPDATE OF org_id, owner_org_id ON commitment
WHEN old.org_id IS NOT new.org_id OR old.owner_org_id IS NOT new.owner_org_id BEGIN
    INSERT INTO org_reach (org_id, kind, value, n)
    SELECT old.org_id, 1, old.owner_org_id, -1 WHERE old.owner_org_id IS NOT NULL
    UNION ALL
    SELECT new.org_id, 1, new.owner_org_id, 1 WHERE new.owner_org_id IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TEMP TRIGGER open_signal_total_insert AFTER INSERT ON signal
WHEN new.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE open_signal_total SET n = n + 1;
END;

CREATE TEMP TRIGGER open_signal_total_update AFTER UPDATE OF state ON signal
WHEN (old.state IN ('new', 'triaged', 'in_progress'))
  IS NOT (new.state IN ('new', 'triaged', 'in_progress')) BEGIN
    UPDATE open_signal_total
       SET n = n + CASE WHEN new.state IN ('new', 'triaged', 'in_progress') THEN 1 ELSE -1 END;
END;

CREATE TEMP TRIGGER open_signal_total_delete AFTER DELETE ON signal
WHEN old.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE open_signal_total SET n = n - 1;
END;

CREATE TEMP TRIGGER open_commitment_total_insert AFTER INSERT ON commitment
WHEN new.state = 'open' BEGIN
    UPDATE open_commitment_total SET n = n + 1;
END;

CREATE TEMP TRIGGER open_commitment_total_update AFTER UPDATE OF state ON commitment
WHEN (old.state = 'open') IS NOT (new.state = 'open') BEGIN
    UPDATE open_commitment_total
       SET n = n + CASE WHEN new.state = 'open' THEN 1 ELSE -1 END;
END;

CREATE TEMP TRIGGER open_commitment_total_delete AFTER DELETE ON commitment
WHEN old.state = 'open' BEGIN
    UPDATE open_commitment_total SET n = n - 1;
END;


-- The base tables' own facts, kept as rows change (schema/026): each sets a column
-- from the row's own values, recounts it from the rows it is made of, or adds and
-- takes off as the figures do, so these too give the same result in whatever order
-- they fire.

CREATE TEMP TRIGGER signal_feedback_facts_insert AFTER INSERT ON feedback BEGIN
    UPDATE signal SET
        first_feedback_on = (SELECT f.given_on FROM feedback f WHERE f.signal_id = signal.id
                              ORDER BY f.given_on, f.id LIMIT 1),
        first_feedback_due = (SELECT f.due_then FROM feedback f WHERE f.signal_id = signal.id
                               ORDER BY f.given_on, f.id LIMIT 1),
        answered_on = (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = signal.id AND f.is_final = 1),
        last_feedback_on = (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = signal.id)
     WHERE id = NEW.signal_id;
END;

CREATE TEMP TRIGGER signal_feedback_facts_update
AFTER UPDATE OF signal_id, given_on, is_final, due_then ON feedback BEGIN
    UPDATE signal SET
        first_feedback_on = (SELECT f.given_on FROM feedback f WHERE f.signal_id = signal.id
                              ORDER BY f.given_on, f.id LIMIT 1),
        first_feedback_due = (SELECT f.due_then FROM feedback f WHERE f.signal_id = signal.id
                               ORDER BY f.given_on, f.id LIMIT 1),
        answered_on = (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = signal.id AND f.is_final = 1),
        last_feedback_on = (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = signal.id)
     WHERE id IN (OLD.signal_id, NEW.signal_id);
END;

CREATE TEMP TRIGGER signal_feedback_facts_delete AFTER DELETE ON feedback BEGIN
    UPDATE signal SET
        first_feedback_on = (SELECT f.given_on FROM feedback f WHERE f.signal_id = signal.id
                              ORDER BY f.given_on, f.id LIMIT 1),
        first_feedback_due = (SELECT f.due_then FROM feedback f WHERE f.signal_id = signal.id
                               ORDER BY f.given_on, f.id LIMIT 1),
        answered_on = (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = signal.id AND f.is_final = 1),
        last_feedback_on = (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = signal.id)
     WHERE id = OLD.signal_id;
END;

CREATE TEMP TRIGGER signal_first_due AFTER INSERT ON signal
WHEN new.first_due IS NULL AND new.feedback_due IS NOT NULL BEGIN
    UPDATE signal SET first_due = new.feedback_due WHERE id = new.id;
END;

CREATE TEMP TRIGGER feedback_due_then AFTER INSERT ON feedback BEGIN
    UPDATE feedback SET due_then = (SELECT coalesce(s.first_due, s.feedback_due) FROM signal s WHERE s.id = new.signal_id)
     WHERE id = new.id AND due_then IS NULL;
END;

CREATE TEMP TRIGGER commitment_first_due AFTER INSERT ON commitment
WHEN new.first_due IS NULL BEGIN
    UPDATE commitment SET first_due = new.due WHERE id = new.id;
END;

CREATE TEMP TRIGGER commitment_signal_theme_insert AFTER INSERT ON commitment
WHEN new.signal_id IS NOT NULL BEGIN
    UPDATE commitment SET signal_theme = (SELECT theme FROM signal WHERE id = new.signal_id)
     WHERE id = new.id;
END;

CREATE TEMP TRIGGER commitment_signal_theme_change AFTER UPDATE OF signal_id ON commitment
WHEN old.signal_id IS NOT new.signal_id BEGIN
    UPDATE commitment SET signal_theme = (SELECT theme FROM signal WHERE id = new.signal_id)
     WHERE id = new.id;
END;

CREATE TEMP TRIGGER signal_theme_to_commitments AFTER UPDATE OF theme ON signal
WHEN old.theme IS NOT new.theme BEGIN
    UPDATE commitment SET signal_theme = new.theme WHERE signal_id = new.id;
END;

CREATE TEMP TRIGGER signal_gone_from_commitments AFTER DELETE ON signal BEGIN
    UPDATE commitment SET signal_theme = NULL WHERE signal_id = old.id AND signal_theme IS NOT NULL;
END;

CREATE TEMP TRIGGER commitment_later_insert AFTER INSERT ON commitment_move
WHEN new.new_due > new.old_due BEGIN
    UPDATE commitment SET later_moves = later_moves + 1,
           later_days = later_days + CAST(julianday(new.new_due) - julianday(new.old_due) AS INTEGER)
     WHERE id = new.commitment_id;
END;

CREATE TEMP TRIGGER commitment_later_delete AFTER DELETE ON commitment_move
WHEN old.new_due > old.old_due BEGIN
    UPDATE commitment SET later_moves = later_moves - 1,
           later_days = later_days - CAST(julianday(old.new_due) - julianday(old.old_due) AS INTEGER)
     WHERE id = old.commitment_id;
END;

CREATE TEMP TRIGGER commitment_later_update AFTER UPDATE OF commitment_id, old_due, new_due ON commitment_move BEGIN
    UPDATE commitment SET later_moves = later_moves - 1,
           later_days = later_days - CAST(julianday(old.new_due) - julianday(old.old_due) AS INTEGER)
     WHERE id = old.commitment_id AND old.new_due > old.old_due;
    UPDATE commitment SET later_moves = later_moves + 1,
           later_days = later_days + CAST(julianday(new.new_due) - julianday(new.old_due) AS INTEGER)
     WHERE id = new.commitment_id AND new.new_due > new.old_due;
END;


-- The inbox's names on an open signal (schema/028): its organisation's name and its
-- owner as every list shows them, read afresh from the row's own ids through
-- `signal_row`, a TEMP view of the lists' row (ROW_SELECT in src/store/signals.rs)
-- that src/store/figures.rs makes with these triggers; NULL once the signal is closed.
CREATE TEMP TRIGGER inbox_names_signal_insert AFTER INSERT ON signal
WHEN new.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE signal SET (inbox_org, inbox_owner) = (SELECT org, owner FROM signal_row WHERE id = new.id)
     WHERE id = new.id;
END;

CREATE TEMP TRIGGER inbox_names_signal_update
AFTER UPDATE OF state, org_id, owner_person_id, owner_org_id ON signal BEGIN
    UPDATE signal SET (inbox_org, inbox_owner) = (
        SELECT CASE WHEN state IN ('new', 'triaged', 'in_progress') THEN org END,
               CASE WHEN state IN ('new', 'triaged', 'in_progress') THEN owner END
          FROM signal_row WHERE id = new.id)
     WHERE id = new.id;
END;

CREATE TEMP TRIGGER inbox_names_org_update AFTER UPDATE OF name, short_name ON organisation BEGIN
    UPDATE signal SET (inbox_org, inbox_owner) = (SELECT org, owner FROM signal_row WHERE id = signal.id)
     WHERE state IN ('new', 'triaged', 'in_progress') AND (org_id = new.id OR owner_org_id = new.id);
END;

CREATE TEMP TRIGGER inbox_names_person_update AFTER UPDATE OF name ON person BEGIN
    UPDATE signal SET inbox_owner = (SELECT owner FROM signal_row WHERE id = signal.id)
     WHERE state IN ('new', 'triaged', 'in_progress') AND owner_person_id = new.id;
END;
