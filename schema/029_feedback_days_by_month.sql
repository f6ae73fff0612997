-- wijkdesk schema: days to first feedback kept per month as well as per day.
--
-- The loop report's median of days to first feedback summed report_cube's kind 2 rows
-- (received_on, days) over its period: at a million signals 112,000 rows for all time,
-- grouped by a temporary b-tree, a third of the Reports screen's wait. Kind 7 holds the
-- same counts per month received (a: the month's first day), about 7,000 rows for all
-- time: the report reads the months wholly inside its period from kind 7 and only the
-- days before and after them from kind 2.
--
-- kind  a                  b                  counted: signals that …
--  7    received month     loop_days          have had feedback (days to the first)
--
-- Kept by the triggers of schema/kept_figures.sql beside kind 2, in every cut. A bulk
-- load (src/store/bulk.rs) runs this back-fill again after schema/016's.

INSERT INTO report_cube (kind, cut, district, theme, service, a, b, n)
SELECT 7, cut, district, theme, service, substr(a, 1, 8) || '01', b, sum(n)
  FROM report_cube
 WHERE kind = 2
 GROUP BY cut, district, theme, service, substr(a, 1, 8) || '01', b;
