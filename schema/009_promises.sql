-- wijkdesk schema: the first due date is the promise.
--
-- A signal's feedback due date and a commitment's due date may move (with a reason when
-- later), but the first one is what the organisation was promised: reports measure
-- against it, so that no ordinary edit improves a figure. Every move is kept with the
-- old and new date, who and why. Merged signals stay owed their answer, and count as
-- open in the loop figures until they have it. A broken commitment says what went wrong
-- and how it is prevented next time, as two answers.

ALTER TABLE signal ADD COLUMN first_due TEXT;            -- the promise: the first feedback due date
ALTER TABLE signal ADD COLUMN due_moves INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signal ADD COLUMN due_moved_days INTEGER NOT NULL DEFAULT 0;

CREATE TABLE signal_due_move (
    id        INTEGER PRIMARY KEY,
    signal_id INTEGER NOT NULL REFERENCES signal(id),
    old_due   TEXT,
    new_due   TEXT NOT NULL,
    reason    TEXT NOT NULL,
    moved_by  TEXT NOT NULL,
    moved_at  TEXT NOT NULL
);
CREATE INDEX signal_due_move_s ON signal_due_move(signal_id);

-- Records made before: the first due date from the audit trail where it is there
-- (the creation row, else the earliest change of the date), else the date now.
UPDATE signal SET first_due = coalesce(
    (SELECT json_extract(a.changes, '$.feedback_due[1]') FROM audit a
      WHERE a.record = 'S-' || signal.id AND a.action = 'create' ORDER BY a.id LIMIT 1),
    (SELECT json_extract(a.changes, '$.feedback_due[0]') FROM audit a
      WHERE a.record = 'S-' || signal.id AND json_extract(a.changes, '$.feedback_due[0]') IS NOT NULL
      ORDER BY a.id LIMIT 1),
    feedback_due);

-- Moves made by triage before reasons were kept, from the audit trail.
INSERT INTO signal_due_move (signal_id, old_due, new_due, reason, moved_by, moved_at)
SELECT CAST(substr(a.record, 3) AS INTEGER), json_extract(a.changes, '$.feedback_due[0]'),
       json_extract(a.changes, '$.feedback_due[1]'), '(moved before reasons were kept)', a.username, a.at
  FROM audit a
 WHERE a.record LIKE 'S-%' AND a.action IN ('triage', 'update')
   AND json_extract(a.changes, '$.feedback_due[1]') IS NOT NULL
   AND json_extract(a.changes, '$.feedback_due[0]') IS NOT NULL
 ORDER BY a.id;
UPDATE signal SET
    due_moves = (SELECT count(*) FROM signal_due_move m WHERE m.signal_id = signal.id AND m.new_due > m.old_due),
    due_moved_days = coalesce((SELECT sum(CAST(julianday(m.new_due) - julianday(m.old_due) AS INTEGER))
                                 FROM signal_due_move m WHERE m.signal_id = signal.id AND m.new_due > m.old_due), 0)
 WHERE id IN (SELECT signal_id FROM signal_due_move);

-- A signal added by any route keeps its first due date.
CREATE TRIGGER signal_first_due AFTER INSERT ON signal
WHEN new.first_due IS NULL AND new.feedback_due IS NOT NULL BEGIN
    UPDATE signal SET first_due = new.feedback_due WHERE id = new.id;
END;

-- Feedback is measured against the promise: whichever feedback comes first (also when
-- it is recorded later, back-dated), it is compared with the first due date.
DROP TRIGGER feedback_due_then;
CREATE TRIGGER feedback_due_then AFTER INSERT ON feedback BEGIN
    UPDATE feedback SET due_then = (SELECT coalesce(s.first_due, s.feedback_due) FROM signal s WHERE s.id = new.signal_id)
     WHERE id = new.id AND due_then IS NULL;
END;
UPDATE feedback SET due_then = (SELECT s.first_due FROM signal s WHERE s.id = feedback.signal_id)
 WHERE id IN (SELECT (SELECT f.id FROM feedback f WHERE f.signal_id = s.id ORDER BY f.given_on, f.id LIMIT 1)
                FROM signal s WHERE s.first_due IS NOT NULL)
   AND due_then IS NOT (SELECT s.first_due FROM signal s WHERE s.id = feedback.signal_id);

-- Without feedback, a signal is measured against its promise, not its date now.
DROP INDEX signal_loop_due;
ALTER TABLE signal DROP COLUMN loop_due;
ALTER TABLE signal ADD COLUMN loop_due TEXT GENERATED ALWAYS AS
    (CASE WHEN first_feedback_on IS NULL THEN coalesce(first_due, feedback_due) ELSE first_feedback_due END) VIRTUAL;

-- Merged signals count too: their organisation is owed its answer. "Open" in the
-- figures is owing an answer: an open state, or merged and not yet answered.
CREATE INDEX signal_loop_due ON signal(loop_feedback, loop_due, district, theme, owner_org_id, org_id)
    WHERE loop_due IS NOT NULL;
DROP INDEX signal_loop_days;
CREATE INDEX signal_loop_days ON signal(loop_days, received_on, district, theme, owner_org_id, org_id)
    WHERE first_feedback_on IS NOT NULL;
DROP INDEX signal_loop_answered;
CREATE INDEX signal_loop_answered ON signal(answered_on, district, theme, owner_org_id, org_id)
    WHERE answered_on IS NOT NULL;
DROP INDEX signal_loop_open;
CREATE INDEX signal_loop_open ON signal(district, theme, received_on, owner_org_id, org_id)
    WHERE (state IN ('new', 'triaged', 'in_progress') OR (state = 'merged' AND answered_on IS NULL));
-- Signals whose due date moved, for the moves per service and organisation.
CREATE INDEX signal_moved ON signal(owner_org_id, org_id, due_moves, due_moved_days) WHERE due_moves > 0;

-- Commitments: the promise, and the second half of an acknowledgement.
ALTER TABLE commitment ADD COLUMN first_due TEXT;
ALTER TABLE commitment ADD COLUMN prevention TEXT;     -- broken: how it is prevented next time
UPDATE commitment SET first_due = coalesce(
    (SELECT json_extract(a.changes, '$.due[1]') FROM audit a
      WHERE a.record = 'C-' || commitment.id AND a.action = 'create' ORDER BY a.id LIMIT 1),
    (SELECT m.old_due FROM commitment_move m WHERE m.commitment_id = commitment.id ORDER BY m.id LIMIT 1),
    due);
CREATE TRIGGER commitment_first_due AFTER INSERT ON commitment
WHEN new.first_due IS NULL BEGIN
    UPDATE commitment SET first_due = new.due WHERE id = new.id;
END;

-- Search finds both answers of a broken commitment.
DROP TRIGGER search_commitment_update;
CREATE TRIGGER search_commitment_update AFTER UPDATE OF text, acknowledgement, prevention, reason ON commitment BEGIN
    DELETE FROM search WHERE rowid = (6 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((6 << 40) - NEW.id, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.prevention, NEW.reason));
END;
