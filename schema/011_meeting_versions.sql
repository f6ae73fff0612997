-- wijkdesk schema: a version on the meeting's own lists, as on every other editable
-- record. An agenda item renamed, moved or deleted, and an attendance mark, name the
-- version the editor read; a change made meanwhile by someone else is a conflict,
-- never a silent overwrite. (Minutes lines carry a version since 001.)

ALTER TABLE agenda_item ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meeting_org ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meeting_person ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
