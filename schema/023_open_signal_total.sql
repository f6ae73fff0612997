-- wijkdesk schema: the inbox tab's open signals kept as one running total beside the
-- per-day counts (schema/008). The tab summed every feedback day with something open
-- on every first frame and every refresh after another user's write: about 2,000 days
-- at a million signals, a city's years of history. Now it reads the total and takes off
-- the days from today on (and the signals without a date): a few dozen rows.

CREATE TABLE open_signal_total (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    n   INTEGER NOT NULL
);

INSERT INTO open_signal_total (one, n)
SELECT 1, count(*) FROM signal WHERE state IN ('new', 'triaged', 'in_progress');

CREATE TRIGGER open_signal_total_insert AFTER INSERT ON signal
WHEN new.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE open_signal_total SET n = n + 1;
END;

CREATE TRIGGER open_signal_total_update AFTER UPDATE OF state ON signal
WHEN (old.state IN ('new', 'triaged', 'in_progress'))
  IS NOT (new.state IN ('new', 'triaged', 'in_progress')) BEGIN
    UPDATE open_signal_total
       SET n = n + CASE WHEN new.state IN ('new', 'triaged', 'in_progress') THEN 1 ELSE -1 END;
END;

CREATE TRIGGER open_signal_total_delete AFTER DELETE ON signal
WHEN old.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE open_signal_total SET n = n - 1;
END;
