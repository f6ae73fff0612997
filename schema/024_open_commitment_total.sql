-- wijkdesk schema: the open commitments kept as one running total, for the tracker
-- tab's count of those past their due date. The tab summed the commitments report's
-- kept counts (schema/022) for every due date in the past, about 2,000 rows at a
-- million signals, on every first frame and every refresh after another user's write;
-- now it reads the total and takes off the due dates from today on: a few hundred rows
-- at most.

CREATE TABLE open_commitment_total (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    n   INTEGER NOT NULL
);

INSERT INTO open_commitment_total (one, n)
SELECT 1, count(*) FROM commitment WHERE state = 'open';

CREATE TRIGGER open_commitment_total_insert AFTER INSERT ON commitment
WHEN new.state = 'open' BEGIN
    UPDATE open_commitment_total SET n = n + 1;
END;

CREATE TRIGGER open_commitment_total_update AFTER UPDATE OF state ON commitment
WHEN (old.state = 'open') IS NOT (new.state = 'open') BEGIN
    UPDATE open_commitment_total
       SET n = n + CASE WHEN new.state = 'open' THEN 1 ELSE -1 END;
END;

CREATE TRIGGER open_commitment_total_delete AFTER DELETE ON commitment
WHEN old.state = 'open' BEGIN
    UPDATE open_commitment_total SET n = n - 1;
END;
