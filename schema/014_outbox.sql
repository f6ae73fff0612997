-- Feedback sent by e-mail: every message wijkdesk composed, with what was typed, so a
-- message the server refused or could not reach is never lost and can be retried.
-- status: 'sending' (handed to the transport), 'sent', 'failed' (error holds the
-- server's answer), 'draft' (written as an .eml file, path in draft_path).
-- Only a 'sent' row has a feedback row (feedback_id): a failed send is no feedback.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    signal_id   INTEGER NOT NULL REFERENCES signal(id),
    is_final    INTEGER NOT NULL CHECK (is_final IN (0, 1)),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    next_due    TEXT,
    to_addr     TEXT NOT NULL,
    also_to     TEXT NOT NULL DEFAULT '',             -- final feedback: merged organisations (Bcc), comma-separated
    subject     TEXT NOT NULL,
    sender_name TEXT,
    message_id  TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'draft')),
    error       TEXT,
    draft_path  TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    feedback_id INTEGER REFERENCES feedback(id),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX outbox_status ON outbox(status, id);
CREATE INDEX outbox_signal ON outbox(signal_id, id);
