-- wijkdesk schema: the loop report's figures kept, not counted.
--
-- At a million signals the loop report's GROUP BY scans of the schema/004 indexes read
-- every signal (0.7 s on the command line, 1.4 s for the Reports screen). The same
-- counts are now kept per day in report_cube, by triggers on signal, in the write's
-- own transaction: one row per kind of fact, day (and a second value), and district,
-- theme and owning service, in every combination of those three given or summed over
-- ("cuts"), so that each report filter reads one narrow range of the primary key.
-- Nothing here depends on today: overdue, "decided" and age are worked out from the
-- per-day counts when the report is made, so the figures never freeze.
--
-- kind  a (day)          b                  counted: signals that …
--  1    loop_due         loop_feedback      have a due date their first feedback is measured against
--  2    received_on      loop_days          have had feedback (days to the first)
--  3    received_on      0                  owe an answer (open, or merged and unanswered)
--  4    received_on      0                  all (received per week)
--  5    answered_on      0                  have had their first final feedback
--  6    feedback_due     received_on        are in the inbox with a due date (past due today)
--
-- cut: a bit mask of the dimensions summed over (1 district, 2 theme, 4 service); a
-- summed dimension holds '' (or 0). A signal without a district, theme or service
-- holds '' (0) in a dimension it is counted in, which is never a filter's value.
-- An organisation filter is not kept here: the report reads that organisation's few
-- signals on signal_org instead.

CREATE TABLE report_cube (
    kind     INTEGER NOT NULL,
    cut      INTEGER NOT NULL,
    district TEXT NOT NULL COLLATE NOCASE,
    theme    TEXT NOT NULL,
    service  INTEGER NOT NULL,
    a        TEXT NOT NULL,
    b        ANY NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (kind, cut, district, theme, service, a, b)
) STRICT, WITHOUT ROWID;

CREATE TABLE report_cut (cut INTEGER PRIMARY KEY) STRICT;
INSERT INTO report_cut (cut) VALUES (0), (1), (2), (3), (4), (5), (6), (7);

-- The facts of every signal as (kind, a, b), for the back-fill: the rules of the table
-- above, word for word the conditions the report's queries on signal used (and the
-- triggers below apply to OLD and NEW).
CREATE VIEW signal_cube_fact (id, district, theme, service, kind, a, b) AS
    SELECT id, coalesce(district, ''), coalesce(theme, ''), coalesce(owner_org_id, 0), 1, loop_due, loop_feedback
      FROM signal WHERE loop_due IS NOT NULL
    UNION ALL
    SELECT id, coalesce(district, ''), coalesce(theme, ''), coalesce(owner_org_id, 0), 2, received_on, loop_days
      FROM signal WHERE first_feedback_on IS NOT NULL
    UNION ALL
    SELECT id, coalesce(district, ''), coalesce(theme, ''), coalesce(owner_org_id, 0), 3, received_on, 0
      FROM signal WHERE state IN ('new', 'triaged', 'in_progress') OR (state = 'merged' AND answered_on IS NULL)
    UNION ALL
    SELECT id, coalesce(district, ''), coalesce(theme, ''), coalesce(owner_org_id, 0), 4, received_on, 0
      FROM signal
    UNION ALL
    SELECT id, coalesce(district, ''), coalesce(theme, ''), coalesce(owner_org_id, 0), 5, answered_on, 0
      FROM signal WHERE answered_on IS NOT NULL
    UNION ALL
    SELECT id, coalesce(district, ''), coalesce(theme, ''), coalesce(owner_org_id, 0), 6, feedback_due, received_on
      FROM signal WHERE state IN ('new', 'triaged', 'in_progress') AND feedback_due IS NOT NULL;

-- Back-fill: the finest cut first, then every other cut summed from it (a few hundred
-- thousand rows rather than a million signals eight times).
INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
SELECT kind, 0, district, theme, service, a, b, count(*)
  FROM signal_cube_fact
 GROUP BY kind, district, theme, service, a, b;

INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
SELECT q.kind, c.cut,
       iif(c.cut & 1, '', q.district), iif(c.cut & 2, '', q.theme), iif(c.cut & 4, 0, q.service),
       q.a, q.b, sum(q.n)
  FROM report_cube q JOIN report_cut c ON c.cut > 0
 WHERE q.cut = 0
 GROUP BY q.kind, c.cut, 3, 4, 5, q.a, q.b;

DROP VIEW signal_cube_fact;

-- Keeping it: a signal's facts leave with their old values and come back with the new
-- ones (n - 1 and n + 1 per cut); rows left at 0 are skipped by the report. The facts
-- are taken from OLD and NEW, never read back from the table, so that the result does
-- not depend on the order in which this and the other triggers on signal run.
CREATE TRIGGER report_cube_signal_insert AFTER INSERT ON signal BEGIN
    INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
    SELECT f.kind, c.cut,
           iif(c.cut & 1, '', f.district), iif(c.cut & 2, '', f.theme), iif(c.cut & 4, 0, f.service),
           f.a, f.b, f.n
      FROM (
            SELECT 1 AS kind, coalesce(new.district, '') AS district, coalesce(new.theme, '') AS theme, coalesce(new.owner_org_id, 0) AS service, new.loop_due AS a, new.loop_feedback AS b, 1 AS n WHERE new.loop_due IS NOT NULL
            UNION ALL
            SELECT 2, coalesce(new.district, ''), coalesce(new.theme, ''), coalesce(new.owner_org_id, 0), new.received_on, new.loop_days, 1 WHERE new.first_feedback_on IS NOT NULL
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

CREATE TRIGGER report_cube_signal_delete AFTER DELETE ON signal BEGIN
    INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
    SELECT f.kind, c.cut,
           iif(c.cut & 1, '', f.district), iif(c.cut & 2, '', f.theme), iif(c.cut & 4, 0, f.service),
           f.a, f.b, f.n
      FROM (
            SELECT 1 AS kind, coalesce(old.district, '') AS district, coalesce(old.theme, '') AS theme, coalesce(old.owner_org_id, 0) AS service, old.loop_due AS a, old.loop_feedback AS b, -1 AS n WHERE old.loop_due IS NOT NULL
            UNION ALL
            SELECT 2, coalesce(old.district, ''), coalesce(old.theme, ''), coalesce(old.owner_org_id, 0), old.received_on, old.loop_days, -1 WHERE old.first_feedback_on IS NOT NULL
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

CREATE TRIGGER report_cube_signal_update
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
