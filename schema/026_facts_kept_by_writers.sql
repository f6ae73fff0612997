-- The triggers that keep the base tables' own facts (a signal's and a promise's
-- first due date, a signal's feedback facts, a feedback's due date then, a signal's
-- theme on its commitments, a promise's moves) leave the stored schema as the kept
-- figures' did in schema/025: they too were parsed by every connection that opens,
-- and are now made by each writing connection from schema/kept_figures.sql. The
-- moves of a promise get the guards the other tables have.
--
-- Written to be run again, as schema/025 is.
DROP TRIGGER IF EXISTS main.signal_feedback_facts_insert;
DROP TRIGGER IF EXISTS main.signal_feedback_facts_update;
DROP TRIGGER IF EXISTS main.signal_feedback_facts_delete;
DROP TRIGGER IF EXISTS main.signal_first_due;
DROP TRIGGER IF EXISTS main.feedback_due_then;
DROP TRIGGER IF EXISTS main.commitment_first_due;
DROP TRIGGER IF EXISTS main.commitment_signal_theme_insert;
DROP TRIGGER IF EXISTS main.commitment_signal_theme_change;
DROP TRIGGER IF EXISTS main.signal_theme_to_commitments;
DROP TRIGGER IF EXISTS main.signal_gone_from_commitments;
DROP TRIGGER IF EXISTS main.commitment_later_insert;
DROP TRIGGER IF EXISTS main.commitment_later_delete;
DROP TRIGGER IF EXISTS main.commitment_later_update;

CREATE TRIGGER IF NOT EXISTS keep_figures_commitment_move_insert BEFORE INSERT ON commitment_move BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_commitment_move_update BEFORE UPDATE ON commitment_move BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_commitment_move_delete BEFORE DELETE ON commitment_move BEGIN SELECT wijkdesk_keeps_figures(); END;
