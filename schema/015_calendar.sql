-- wijkdesk schema: meetings in other people's calendars.
--
-- installation   one row: a random id made once per database, so that a meeting's
--                calendar UID (M-4.<uuid>@wijkdesk) is the same in every export from
--                this database and never collides with a meeting of another one.
--                A database from before gets its id here, on migration.
CREATE TABLE installation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    uuid       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
INSERT INTO installation (id, uuid, created_at)
SELECT 1,
       substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
       substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM (SELECT lower(hex(randomblob(16))) AS h);

-- sequence          the iCalendar SEQUENCE: raised by every change of the meeting's
--                   time, place, status or invitation list (RFC 5546), so a calendar
--                   that receives it again replaces the older copy. It continues
--                   from what exports wrote before (version - 1).
-- cancelled_at      when the meeting was called off (UTC); the status column stays
--                   'planned', so a cancelled meeting never counts as held for the
--                   cadence (schema/013) and no trigger needs to change.
-- cancel_reason     the reason given, if any.
-- invited_sequence  the SEQUENCE the last invitations (or the cancellation) carried;
--                   NULL: none went out. Lower than sequence: an update is owed.
ALTER TABLE meeting ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meeting ADD COLUMN cancelled_at TEXT;
ALTER TABLE meeting ADD COLUMN cancel_reason TEXT;
ALTER TABLE meeting ADD COLUMN invited_sequence INTEGER;
UPDATE meeting SET sequence = max(version - 1, 0);

-- The outbox carries meeting mail too: invitations (with their calendar part),
-- cancellations and minutes (with the Markdown attached). A table cannot lose a
-- NOT NULL in place, so it is rebuilt; nothing refers to it.
--
-- kind         'feedback' (signal_id set) or 'invite', 'cancel', 'minutes' (meeting_id set)
-- calendar     the iCalendar text of an invitation or cancellation, as composed
-- sequence     the SEQUENCE that calendar carries
-- attachment_name, attachment   the file attached (the minutes' .md)
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL DEFAULT 'feedback',
    signal_id       INTEGER REFERENCES signal(id),
    meeting_id      INTEGER REFERENCES meeting(id),
    is_final        INTEGER NOT NULL CHECK (is_final IN (0, 1)),
    text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
    next_due        TEXT,
    to_addr         TEXT NOT NULL,
    also_to         TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    sender_name     TEXT,
    message_id      TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'draft')),
    error           TEXT,
    draft_path      TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    feedback_id     INTEGER REFERENCES feedback(id),
    calendar        TEXT,
    sequence        INTEGER,
    attachment_name TEXT,
    attachment      TEXT,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (signal_id IS NOT NULL OR meeting_id IS NOT NULL)
);
INSERT INTO outbox_new (id, kind, signal_id, is_final, text, next_due, to_addr, also_to, subject,
                        sender_name, message_id, status, error, draft_path, attempts, feedback_id,
                        created_by, created_at, updated_at)
SELECT id, 'feedback', signal_id, is_final, text, next_due, to_addr, also_to, subject,
       sender_name, message_id, status, error, draft_path, attempts, feedback_id,
       created_by, created_at, updated_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_status ON outbox(status, id);
CREATE INDEX outbox_signal ON outbox(signal_id, id);
CREATE INDEX outbox_meeting ON outbox(meeting_id, id);

-- The Meetings list's two segments (schema/007): a cancelled meeting leaves the
-- planned ones and stands, by its date, among those that are over.
DROP INDEX meeting_planned;
DROP INDEX meeting_done;
CREATE INDEX meeting_planned ON meeting(starts_at, id) WHERE status = 'planned' AND cancelled_at IS NULL;
CREATE INDEX meeting_done ON meeting(starts_at, id) WHERE status IN ('held', 'final') OR cancelled_at IS NOT NULL;
