-- wijkdesk schema, version 4: the reports at city scale.
--
-- "Feedback on time" needs each signal's first feedback: when it came and the due date
-- in force then. Looking that up per signal (three subqueries on feedback for each of
-- 100,000 signals) took a quarter of a second, so those facts are now kept on the signal
-- itself, recomputed by the triggers below whenever its feedback changes. Three
-- generated columns state the loop report's per-signal rules once (the same rules as
-- `LoopSignal` in src/domain/report/feedback_loop.rs), and covering indexes on them let
-- every figure be counted by one index scan with a streaming GROUP BY, filters included.

-- Facts from a signal's feedback, kept by the triggers below.
ALTER TABLE signal ADD COLUMN first_feedback_on TEXT;   -- the first feedback's day
ALTER TABLE signal ADD COLUMN first_feedback_due TEXT;  -- the due date in force then (its due_then)
ALTER TABLE signal ADD COLUMN answered_on TEXT;         -- the first final feedback's day
ALTER TABLE signal ADD COLUMN last_feedback_on TEXT;    -- the latest feedback's day (cadence)

UPDATE signal SET
    first_feedback_on = (SELECT f.given_on FROM feedback f WHERE f.signal_id = signal.id
                          ORDER BY f.given_on, f.id LIMIT 1),
    first_feedback_due = (SELECT f.due_then FROM feedback f WHERE f.signal_id = signal.id
                           ORDER BY f.given_on, f.id LIMIT 1),
    answered_on = (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = signal.id AND f.is_final = 1),
    last_feedback_on = (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = signal.id)
 WHERE id IN (SELECT signal_id FROM feedback);

-- The due date the first feedback is measured against: the one in force when it came,
-- else (no feedback yet) the signal's due date now.
ALTER TABLE signal ADD COLUMN loop_due TEXT GENERATED ALWAYS AS
    (CASE WHEN first_feedback_on IS NULL THEN feedback_due ELSE first_feedback_due END) VIRTUAL;
-- How the first feedback went: 0 none yet, 1 on or before loop_due, 2 after it.
ALTER TABLE signal ADD COLUMN loop_feedback INTEGER GENERATED ALWAYS AS
    (CASE WHEN first_feedback_on IS NULL THEN 0
          WHEN first_feedback_on <= first_feedback_due THEN 1
          ELSE 2 END) VIRTUAL;
-- Whole days from receiving to the first feedback (never below zero).
ALTER TABLE signal ADD COLUMN loop_days INTEGER GENERATED ALWAYS AS
    (max(0, CAST(julianday(first_feedback_on) - julianday(received_on) AS INTEGER))) VIRTUAL;

-- Recomputed from scratch for the signals a change touches: correct whatever order the
-- other feedback triggers (due_then, search, organisation figures) run in.
CREATE TRIGGER signal_feedback_facts_insert AFTER INSERT ON feedback BEGIN
    UPDATE signal SET
        first_feedback_on = (SELECT f.given_on FROM feedback f WHERE f.signal_id = signal.id
                              ORDER BY f.given_on, f.id LIMIT 1),
        first_feedback_due = (SELECT f.due_then FROM feedback f WHERE f.signal_id = signal.id
                               ORDER BY f.given_on, f.id LIMIT 1),
        answered_on = (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = signal.id AND f.is_final = 1),
        last_feedback_on = (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = signal.id)
     WHERE id = NEW.signal_id;
END;

CREATE TRIGGER signal_feedback_facts_update
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

CREATE TRIGGER signal_feedback_facts_delete AFTER DELETE ON feedback BEGIN
    UPDATE signal SET
        first_feedback_on = (SELECT f.given_on FROM feedback f WHERE f.signal_id = signal.id
                              ORDER BY f.given_on, f.id LIMIT 1),
        first_feedback_due = (SELECT f.due_then FROM feedback f WHERE f.signal_id = signal.id
                               ORDER BY f.given_on, f.id LIMIT 1),
        answered_on = (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = signal.id AND f.is_final = 1),
        last_feedback_on = (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = signal.id)
     WHERE id = OLD.signal_id;
END;

-- One index per way the loop report counts, each ending in the filter columns
-- (district, theme, owning service, organisation) so that a filtered report never
-- reads the table. The reports name them with INDEXED BY.

-- Feedback on time, in total and per month: by outcome, then by the due date.
CREATE INDEX signal_loop_due ON signal(loop_feedback, loop_due, district, theme, owner_org_id, org_id)
    WHERE state != 'merged' AND loop_due IS NOT NULL;
-- Days to first feedback: by the days, with the day received for the period.
CREATE INDEX signal_loop_days ON signal(loop_days, received_on, district, theme, owner_org_id, org_id)
    WHERE state != 'merged' AND first_feedback_on IS NOT NULL;
-- Open signals by district and theme, with the day received for their age.
CREATE INDEX signal_loop_open ON signal(district, theme, received_on, owner_org_id, org_id)
    WHERE state IN ('new', 'triaged', 'in_progress');
-- Signals received per week (and the load report's signals in its window).
CREATE INDEX signal_received ON signal(received_on, state, district, theme, owner_org_id, org_id);
-- Signals answered (first final feedback) per week.
CREATE INDEX signal_loop_answered ON signal(answered_on, district, theme, owner_org_id, org_id)
    WHERE state != 'merged' AND answered_on IS NOT NULL;
-- Cadence: an organisation's latest feedback in one seek; theme and service narrow it.
CREATE INDEX signal_org_feedback ON signal(org_id, last_feedback_on, theme, owner_org_id);
