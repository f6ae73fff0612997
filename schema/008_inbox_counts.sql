-- wijkdesk schema: the inbox tab's counts (open signals, and how many of them are past
-- their feedback date) kept per feedback day by triggers, in the write's own
-- transaction. Counting 50,000 open signals on an index took 5-10 ms on every first
-- frame and every refresh; summing a few hundred days takes a fraction of that.
-- '' stands for "no feedback date".

CREATE TABLE open_signal_days (
    due TEXT PRIMARY KEY,
    n   INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO open_signal_days (due, n)
SELECT coalesce(feedback_due, ''), count(*) FROM signal
 WHERE state IN ('new', 'triaged', 'in_progress')
 GROUP BY 1;

CREATE TRIGGER open_signal_days_insert AFTER INSERT ON signal
WHEN new.state IN ('new', 'triaged', 'in_progress') BEGIN
    INSERT INTO open_signal_days (due, n) VALUES (coalesce(new.feedback_due, ''), 1)
        ON CONFLICT (due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_signal_days_update AFTER UPDATE OF state, feedback_due ON signal BEGIN
    UPDATE open_signal_days SET n = n - 1
     WHERE due = coalesce(old.feedback_due, '') AND old.state IN ('new', 'triaged', 'in_progress');
    INSERT INTO open_signal_days (due, n)
    SELECT coalesce(new.feedback_due, ''), 1 WHERE new.state IN ('new', 'triaged', 'in_progress')
        ON CONFLICT (due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_signal_days_delete AFTER DELETE ON signal
WHEN old.state IN ('new', 'triaged', 'in_progress') BEGIN
    UPDATE open_signal_days SET n = n - 1 WHERE due = coalesce(old.feedback_due, '');
END;
