-- The figure-keeping triggers leave the stored schema: every connection parses the
-- whole stored schema when it opens, and these 70 triggers (32 KB of SQL) were most
-- of what a start of the screens spent before its first frame, for connections that
-- mostly only read. They are now made by each connection that writes, as TEMP
-- triggers from schema/kept_figures.sql (src/store/figures.rs), just before its first
-- write. Triggers that keep the base tables' own facts (first due dates, feedback
-- facts, a signal's theme on its commitments, moved promises) stay stored.
--
-- What is kept here is a guard per table and kind of change: a write from a
-- connection that has not made the triggers (another program, a forgotten path)
-- fails with "no such function: wijkdesk_keeps_figures" instead of leaving the kept
-- figures behind the data.
--
-- Written to be run again: the tests replay an older migration on existing data and
-- then this one, as an upgrade from that version would.
DROP TRIGGER IF EXISTS main.search_org_insert;
DROP TRIGGER IF EXISTS main.search_org_update;
DROP TRIGGER IF EXISTS main.search_org_delete;
DROP TRIGGER IF EXISTS main.search_person_insert;
DROP TRIGGER IF EXISTS main.search_person_update;
DROP TRIGGER IF EXISTS main.search_person_delete;
DROP TRIGGER IF EXISTS main.search_signal_insert;
DROP TRIGGER IF EXISTS main.search_signal_update;
DROP TRIGGER IF EXISTS main.search_signal_delete;
DROP TRIGGER IF EXISTS main.search_feedback_insert;
DROP TRIGGER IF EXISTS main.search_feedback_update;
DROP TRIGGER IF EXISTS main.search_feedback_delete;
DROP TRIGGER IF EXISTS main.search_commitment_insert;
DROP TRIGGER IF EXISTS main.search_commitment_delete;
DROP TRIGGER IF EXISTS main.search_action_insert;
DROP TRIGGER IF EXISTS main.search_action_update;
DROP TRIGGER IF EXISTS main.search_action_delete;
DROP TRIGGER IF EXISTS main.search_meeting_insert;
DROP TRIGGER IF EXISTS main.search_meeting_update;
DROP TRIGGER IF EXISTS main.search_meeting_delete;
DROP TRIGGER IF EXISTS main.search_agenda_insert;
DROP TRIGGER IF EXISTS main.search_agenda_update;
DROP TRIGGER IF EXISTS main.search_agenda_delete;
DROP TRIGGER IF EXISTS main.search_minute_insert;
DROP TRIGGER IF EXISTS main.search_minute_update;
DROP TRIGGER IF EXISTS main.search_minute_delete;
DROP TRIGGER IF EXISTS main.org_figures_new_org;
DROP TRIGGER IF EXISTS main.org_figures_signal_insert;
DROP TRIGGER IF EXISTS main.org_figures_signal_state;
DROP TRIGGER IF EXISTS main.org_figures_signal_delete;
DROP TRIGGER IF EXISTS main.org_figures_commitment_insert;
DROP TRIGGER IF EXISTS main.org_figures_commitment_state;
DROP TRIGGER IF EXISTS main.org_figures_commitment_delete;
DROP TRIGGER IF EXISTS main.org_figures_feedback_insert;
DROP TRIGGER IF EXISTS main.org_figures_feedback_change;
DROP TRIGGER IF EXISTS main.org_figures_feedback_delete;
DROP TRIGGER IF EXISTS main.org_figures_meeting_change;
DROP TRIGGER IF EXISTS main.org_figures_meeting_org_insert;
DROP TRIGGER IF EXISTS main.org_figures_meeting_org_change;
DROP TRIGGER IF EXISTS main.org_figures_meeting_org_delete;
DROP TRIGGER IF EXISTS main.open_signal_days_insert;
DROP TRIGGER IF EXISTS main.open_signal_days_update;
DROP TRIGGER IF EXISTS main.open_signal_days_delete;
DROP TRIGGER IF EXISTS main.search_commitment_update;
DROP TRIGGER IF EXISTS main.org_figures_last_meeting_change;
DROP TRIGGER IF EXISTS main.org_figures_last_meeting_org_insert;
DROP TRIGGER IF EXISTS main.org_figures_last_meeting_org_change;
DROP TRIGGER IF EXISTS main.org_figures_last_meeting_org_delete;
DROP TRIGGER IF EXISTS main.report_cube_signal_insert;
DROP TRIGGER IF EXISTS main.report_cube_signal_delete;
DROP TRIGGER IF EXISTS main.report_cube_signal_update;
DROP TRIGGER IF EXISTS main.org_figures_signal_moved;
DROP TRIGGER IF EXISTS main.org_names_generation_insert;
DROP TRIGGER IF EXISTS main.org_names_generation_delete;
DROP TRIGGER IF EXISTS main.org_names_generation_update;
DROP TRIGGER IF EXISTS main.report_ledger_insert;
DROP TRIGGER IF EXISTS main.report_ledger_delete;
DROP TRIGGER IF EXISTS main.report_ledger_update;
DROP TRIGGER IF EXISTS main.report_load_signal_insert;
DROP TRIGGER IF EXISTS main.report_load_signal_delete;
DROP TRIGGER IF EXISTS main.report_load_signal_update;
DROP TRIGGER IF EXISTS main.org_reach_commitment_insert;
DROP TRIGGER IF EXISTS main.org_reach_commitment_delete;
DROP TRIGGER IF EXISTS main.org_reach_commitment_update;
DROP TRIGGER IF EXISTS main.open_signal_total_insert;
DROP TRIGGER IF EXISTS main.open_signal_total_update;
DROP TRIGGER IF EXISTS main.open_signal_total_delete;
DROP TRIGGER IF EXISTS main.open_commitment_total_insert;
DROP TRIGGER IF EXISTS main.open_commitment_total_update;
DROP TRIGGER IF EXISTS main.open_commitment_total_delete;

CREATE TRIGGER IF NOT EXISTS keep_figures_action_insert BEFORE INSERT ON action BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_action_update BEFORE UPDATE ON action BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_action_delete BEFORE DELETE ON action BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_agenda_item_insert BEFORE INSERT ON agenda_item BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_agenda_item_update BEFORE UPDATE ON agenda_item BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_agenda_item_delete BEFORE DELETE ON agenda_item BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_commitment_insert BEFORE INSERT ON commitment BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_commitment_update BEFORE UPDATE ON commitment BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_commitment_delete BEFORE DELETE ON commitment BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_feedback_insert BEFORE INSERT ON feedback BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_feedback_update BEFORE UPDATE ON feedback BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_feedback_delete BEFORE DELETE ON feedback BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_meeting_insert BEFORE INSERT ON meeting BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_meeting_update BEFORE UPDATE ON meeting BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_meeting_delete BEFORE DELETE ON meeting BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_meeting_org_insert BEFORE INSERT ON meeting_org BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_meeting_org_update BEFORE UPDATE ON meeting_org BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_meeting_org_delete BEFORE DELETE ON meeting_org BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_minute_insert BEFORE INSERT ON minute BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_minute_update BEFORE UPDATE ON minute BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_minute_delete BEFORE DELETE ON minute BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_organisation_insert BEFORE INSERT ON organisation BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_organisation_update BEFORE UPDATE ON organisation BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_organisation_delete BEFORE DELETE ON organisation BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_person_insert BEFORE INSERT ON person BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_person_update BEFORE UPDATE ON person BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_person_delete BEFORE DELETE ON person BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_signal_insert BEFORE INSERT ON signal BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_signal_update BEFORE UPDATE ON signal BEGIN SELECT wijkdesk_keeps_figures(); END;
CREATE TRIGGER IF NOT EXISTS keep_figures_signal_delete BEFORE DELETE ON signal BEGIN SELECT wijkdesk_keeps_figures(); END;
