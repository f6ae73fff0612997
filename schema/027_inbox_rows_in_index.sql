-- The inbox's rows read from its two indexes alone. Each index holds, after its
-- order, every column of a signal the inbox shows and narrows by, so that a page of
-- the inbox reads a few index pages instead of one table page per row: at a million
-- signals the first screenful read 39 pages of the signal table for 33 rows (each
-- page read costs a system call and a fresh page of memory). Only open signals are
-- in them, so they stay small (about 20,000 entries at a million).
DROP INDEX IF EXISTS signal_open_due;
DROP INDEX IF EXISTS signal_open_received;
CREATE INDEX signal_open_due ON signal(feedback_due, received_on, id,
        state, org_id, owner_person_id, owner_org_id, theme, district, title)
    WHERE state IN ('new', 'triaged', 'in_progress');
CREATE INDEX signal_open_received ON signal(received_on, id,
        feedback_due, state, org_id, owner_person_id, owner_org_id, theme, district, title)
    WHERE state IN ('new', 'triaged', 'in_progress');
