-- wijkdesk schema: the commitments, load and cadence reports' figures kept, not counted.
--
-- At a million signals (200,000 commitments, 20,000 organisations) the commitments
-- report read every commitment with its organisation, signal and moves (0.4 s), the
-- load report every signal of the last 90 days (0.2 s), and cadence narrowed to a
-- service tested every organisation's signals and commitments (0.8 s). Their counts
-- are now kept here by triggers, in the write's own transaction, as report_cube
-- (schema/016) keeps the loop report's. Nothing depends on today: an open commitment
-- is kept with the due date in force, and "overdue" is worked out on the report day;
-- the load window is a range of kept days.
--
-- report_ledger: commitments per promise day (the first due date, which the report's
-- period applies to), organisation, owning service, theme of the signal they came
-- from, outcome, and for open ones the due date in force; with how many of them moved
-- later, how often and by how many days. cut: a bit mask of what is summed over
-- (1 organisation, 2 service, 4 theme, 8 promise day), a summed column holding 0 or ''.
-- The outcome that does not depend on today: kept_on_time, kept_late (kept after the
-- promise), broken, withdrawn, open.
--
-- report_load: signals of an organisation per day received, owning service and theme;
-- cut 1 service summed, 2 theme summed.
--
-- org_reach: per organisation, how many of its signals and commitments each service
-- owns (kind 1, value the service's id) and how many of its signals are on each theme
-- (kind 2, value the theme): whether an organisation belongs in a report narrowed to a
-- service or theme is one lookup.

-- Kept on commitment, so that every figure follows from the row alone (OLD and NEW in
-- the triggers, whatever order triggers run in): the theme of its signal, and its
-- moves to a later date (how many, and the days in all).
ALTER TABLE commitment ADD COLUMN signal_theme TEXT;
ALTER TABLE commitment ADD COLUMN later_moves INTEGER NOT NULL DEFAULT 0;
ALTER TABLE commitment ADD COLUMN later_days INTEGER NOT NULL DEFAULT 0;

CREATE TABLE report_ledger (
    cut     INTEGER NOT NULL,
    a       TEXT NOT NULL,
    org     INTEGER NOT NULL,
    service INTEGER NOT NULL,
    theme   TEXT NOT NULL,
    outcome TEXT NOT NULL,
    due     TEXT NOT NULL,
    n       INTEGER NOT NULL,
    moved   INTEGER NOT NULL,
    moves   INTEGER NOT NULL,
    days    INTEGER NOT NULL,
    PRIMARY KEY (cut, a, org, service, theme, outcome, due)
) STRICT, WITHOUT ROWID;

CREATE TABLE report_load (
    cut     INTEGER NOT NULL,
    a       TEXT NOT NULL,
    org     INTEGER NOT NULL,
    service INTEGER NOT NULL,
    theme   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (cut, a, org, service, theme)
) STRICT, WITHOUT ROWID;

CREATE TABLE org_reach (
    org_id INTEGER NOT NULL,
    kind   INTEGER NOT NULL,
    value  ANY NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (org_id, kind, value)
) STRICT, WITHOUT ROWID;

-- The loop report's moved signals (schema/009) are grouped by service and organisation
-- and narrowed by the day received, district and theme: with those in the index it
-- answers alone, instead of reading each of 80,000 moved signals from the table at a
-- million (0.7 s).
DROP INDEX signal_moved;
CREATE INDEX signal_moved ON signal(owner_org_id, org_id, received_on, due_moves, due_moved_days, district, theme)
 WHERE due_moves > 0;

CREATE TABLE ledger_cut (cut INTEGER PRIMARY KEY) STRICT;
INSERT INTO ledger_cut (cut) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15);

-- back-fill: begin (src/store/bulk.rs runs this part again after a bulk load)
UPDATE commitment SET
    signal_theme = (SELECT s.theme FROM signal s WHERE s.id = commitment.signal_id),
    later_moves = (SELECT count(*) FROM commitment_move m
                    WHERE m.commitment_id = commitment.id AND m.new_due > m.old_due),
    later_days = coalesce((SELECT sum(CAST(julianday(m.new_due) - julianday(m.old_due) AS INTEGER))
                             FROM commitment_move m
                            WHERE m.commitment_id = commitment.id AND m.new_due > m.old_due), 0);

CREATE TEMP VIEW ledger_fact (org, service, theme, a, outcome, due, moved, moves, days) AS
    SELECT org_id, coalesce(owner_org_id, 0), coalesce(signal_theme, ''), coalesce(first_due, due),
           CASE state WHEN 'kept' THEN iif(resolved_on > coalesce(first_due, due), 'kept_late', 'kept_on_time')
                      ELSE state END,
           iif(state = 'open', due, ''), later_moves > 0, later_moves, later_days
      FROM commitment;

INSERT INTO report_ledger (cut, a, org, service, theme, outcome, due, n, moved, moves, days)
SELECT 0, a, org, service, theme, outcome, due, count(*), sum(moved), sum(moves), sum(days)
  FROM ledger_fact
 GROUP BY a, org, service, theme, outcome, due;

INSERT INTO report_ledger (cut, a, org, service, theme, outcome, due, n, moved, moves, days)
SELECT c.cut, iif(c.cut & 8, '', q.a), iif(c.cut & 1, 0, q.org), iif(c.cut & 2, 0, q.service),
       iif(c.cut & 4, '', q.theme), q.outcome, q.due, sum(q.n), sum(q.moved), sum(q.moves), sum(q.days)
  FROM report_ledger q JOIN ledger_cut c ON c.cut > 0
 WHERE q.cut = 0
 GROUP BY c.cut, 2, 3, 4, 5, q.outcome, q.due;

DROP VIEW temp.ledger_fact;

INSERT INTO report_load (cut, a, org, service, theme, n)
SELECT c.cut, s.received_on, s.org_id, iif(c.cut & 1, 0, coalesce(s.owner_org_id, 0)),
       iif(c.cut & 2, '', coalesce(s.theme, '')), count(*)
  FROM signal s JOIN (SELECT 0 AS cut UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) c
 WHERE s.org_id IS NOT NULL AND s.received_on IS NOT NULL
 GROUP BY c.cut, 2, 3, 4, 5;

INSERT INTO org_reach (org_id, kind, value, n)
SELECT org_id, 1, service, count(*) FROM (
    SELECT org_id, owner_org_id AS service FROM signal WHERE org_id IS NOT NULL AND owner_org_id IS NOT NULL
    UNION ALL
    SELECT org_id, owner_org_id FROM commitment WHERE owner_org_id IS NOT NULL)
 GROUP BY org_id, service;

INSERT INTO org_reach (org_id, kind, value, n)
SELECT org_id, 2, theme, count(*) FROM signal
 WHERE org_id IS NOT NULL AND theme IS NOT NULL
 GROUP BY org_id, theme;
-- back-fill: end

-- A commitment's kept columns ------------------------------------------------------

CREATE TRIGGER commitment_signal_theme_insert AFTER INSERT ON commitment
WHEN new.signal_id IS NOT NULL BEGIN
    UPDATE commitment SET signal_theme = (SELECT theme FROM signal WHERE id = new.signal_id)
     WHERE id = new.id;
END;

CREATE TRIGGER commitment_signal_theme_change AFTER UPDATE OF signal_id ON commitment
WHEN old.signal_id IS NOT new.signal_id BEGIN
    UPDATE commitment SET signal_theme = (SELECT theme FROM signal WHERE id = new.signal_id)
     WHERE id = new.id;
END;

CREATE TRIGGER signal_theme_to_commitments AFTER UPDATE OF theme ON signal
WHEN old.theme IS NOT new.theme BEGIN
    UPDATE commitment SET signal_theme = new.theme WHERE signal_id = new.id;
END;

CREATE TRIGGER signal_gone_from_commitments AFTER DELETE ON signal BEGIN
    UPDATE commitment SET signal_theme = NULL WHERE signal_id = old.id AND signal_theme IS NOT NULL;
END;

CREATE TRIGGER commitment_later_insert AFTER INSERT ON commitment_move
WHEN new.new_due > new.old_due BEGIN
    UPDATE commitment SET later_moves = later_moves + 1,
           later_days = later_days + CAST(julianday(new.new_due) - julianday(new.old_due) AS INTEGER)
     WHERE id = new.commitment_id;
END;

CREATE TRIGGER commitment_later_delete AFTER DELETE ON commitment_move
WHEN old.new_due > old.old_due BEGIN
    UPDATE commitment SET later_moves = later_moves - 1,
           later_days = later_days - CAST(julianday(old.new_due) - julianday(old.old_due) AS INTEGER)
     WHERE id = old.commitment_id;
END;

CREATE TRIGGER commitment_later_update AFTER UPDATE OF commitment_id, old_due, new_due ON commitment_move BEGIN
    UPDATE commitment SET later_moves = later_moves - 1,
           later_days = later_days - CAST(julianday(old.new_due) - julianday(old.old_due) AS INTEGER)
     WHERE id = old.commitment_id AND old.new_due > old.old_due;
    UPDATE commitment SET later_moves = later_moves + 1,
           later_days = later_days + CAST(julianday(new.new_due) - julianday(new.old_due) AS INTEGER)
     WHERE id = new.commitment_id AND new.new_due > new.old_due;
END;

-- report_ledger -------------------------------------------------------------------
-- A commitment's facts leave with the old values and come back with the new ones,
-- taken from OLD and NEW only (never read back), in every cut.

CREATE TRIGGER report_ledger_insert AFTER INSERT ON commitment BEGIN
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

CREATE TRIGGER report_ledger_delete AFTER DELETE ON commitment BEGIN
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

CREATE TRIGGER report_ledger_update
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

-- report_load and org_reach from signals --------------------------------------------

CREATE TRIGGER report_load_signal_insert AFTER INSERT ON signal
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

CREATE TRIGGER report_load_signal_delete AFTER DELETE ON signal
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

CREATE TRIGGER report_load_signal_update
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

-- org_reach from commitments --------------------------------------------------------

CREATE TRIGGER org_reach_commitment_insert AFTER INSERT ON commitment
WHEN new.owner_org_id IS NOT NULL BEGIN
    INSERT INTO org_reach (org_id, kind, value, n) VALUES (new.org_id, 1, new.owner_org_id, 1)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER org_reach_commitment_delete AFTER DELETE ON commitment
WHEN old.owner_org_id IS NOT NULL BEGIN
    INSERT INTO org_reach (org_id, kind, value, n) VALUES (old.org_id, 1, old.owner_org_id, -1)
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER org_reach_commitment_update AFTER UPDATE OF org_id, owner_org_id ON commitment
WHEN old.org_id IS NOT new.org_id OR old.owner_org_id IS NOT new.owner_org_id BEGIN
    INSERT INTO org_reach (org_id, kind, value, n)
    SELECT old.org_id, 1, old.owner_org_id, -1 WHERE old.owner_org_id IS NOT NULL
    UNION ALL
    SELECT new.org_id, 1, new.owner_org_id, 1 WHERE new.owner_org_id IS NOT NULL
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
