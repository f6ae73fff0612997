-- wijkdesk schema, version 1.
-- Dates are ISO text: 'YYYY-MM-DD'; moments are 'YYYY-MM-DDTHH:MM:SS' (UTC for audit,
-- local wall-clock time for meeting starts). Every editable record has a version that
-- an update must name, so that no edit silently overwrites another.

CREATE TABLE organisation (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    short_name       TEXT COLLATE NOCASE,
    kind             TEXT NOT NULL CHECK (kind IN ('residents', 'service', 'partner')),
    district         TEXT,
    neighbourhoods   TEXT NOT NULL DEFAULT '',        -- comma-separated
    email            TEXT,
    cadence_per_year INTEGER NOT NULL DEFAULT 2 CHECK (cadence_per_year >= 0),
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    org_id      INTEGER REFERENCES organisation(id),
    role        TEXT NOT NULL DEFAULT '',
    email       TEXT,
    phone       TEXT,
    username    TEXT UNIQUE,                         -- OS login of staff: "mine"
    districts   TEXT NOT NULL DEFAULT '',            -- comma-separated, who-does-what
    themes      TEXT NOT NULL DEFAULT '',            -- comma-separated, who-does-what
    notes       TEXT NOT NULL DEFAULT '',
    erased_at   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX person_org ON person(org_id);

CREATE TABLE meeting (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind              TEXT NOT NULL DEFAULT 'overleg',
    starts_at         TEXT NOT NULL,
    ends_at           TEXT,
    location          TEXT NOT NULL DEFAULT '',
    district          TEXT,
    status            TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'final')),
    chair_id          INTEGER REFERENCES person(id),
    minute_taker_id   INTEGER REFERENCES person(id),
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_start ON meeting(starts_at);

CREATE TABLE meeting_org (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    org_id     INTEGER NOT NULL REFERENCES organisation(id),
    attended   INTEGER,                              -- NULL unknown, 0 absent, 1 present
    PRIMARY KEY (meeting_id, org_id)
);
CREATE INDEX meeting_org_org ON meeting_org(org_id);

CREATE TABLE meeting_person (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person(id),
    attended   INTEGER,
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE agenda_item (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL
);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE signal (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body            TEXT NOT NULL DEFAULT '',
    org_id          INTEGER REFERENCES organisation(id),
    district        TEXT,
    neighbourhood   TEXT,
    theme           TEXT,
    state           TEXT NOT NULL DEFAULT 'new'
                    CHECK (state IN ('new', 'triaged', 'in_progress', 'answered', 'closed', 'declined', 'merged')),
    owner_person_id INTEGER REFERENCES person(id),
    owner_org_id    INTEGER REFERENCES organisation(id),
    expectation     TEXT,
    received_on     TEXT NOT NULL,
    feedback_due    TEXT,
    merged_into     INTEGER REFERENCES signal(id),
    meeting_id      INTEGER REFERENCES meeting(id),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
-- The inbox: open signals, overdue feedback first, then by age.
CREATE INDEX signal_open_due ON signal(feedback_due, received_on, id)
    WHERE state IN ('new', 'triaged', 'in_progress');
-- Keyset pages of the inbox: each segment (overdue / not) is one range scan.
CREATE INDEX signal_open_received ON signal(received_on, id)
    WHERE state IN ('new', 'triaged', 'in_progress');
CREATE INDEX signal_state ON signal(state);
CREATE INDEX signal_org ON signal(org_id);
CREATE INDEX signal_owner ON signal(owner_person_id);

CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    signal_id   INTEGER NOT NULL REFERENCES signal(id),
    is_final    INTEGER NOT NULL CHECK (is_final IN (0, 1)),
    channel     TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'meeting', 'letter')),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    given_on    TEXT NOT NULL,
    given_by    TEXT NOT NULL,
    next_due    TEXT,                                 -- interim: when the next news is due
    created_at  TEXT NOT NULL
);
CREATE INDEX feedback_signal ON feedback(signal_id, given_on);

CREATE TABLE commitment (
    id              INTEGER PRIMARY KEY,
    text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
    org_id          INTEGER NOT NULL REFERENCES organisation(id),
    owner_person_id INTEGER REFERENCES person(id),
    owner_org_id    INTEGER REFERENCES organisation(id),
    due             TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept', 'broken', 'withdrawn')),
    resolved_on     TEXT,
    acknowledgement TEXT,                              -- broken: what went wrong, how it is prevented
    reason          TEXT,                              -- withdrawn: why
    signal_id       INTEGER REFERENCES signal(id),
    meeting_id      INTEGER REFERENCES meeting(id),
    agenda_item_id  INTEGER REFERENCES agenda_item(id),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX commitment_open_due ON commitment(due, id) WHERE state = 'open';
CREATE INDEX commitment_org ON commitment(org_id);
CREATE INDEX commitment_signal ON commitment(signal_id);

CREATE TABLE commitment_move (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitment(id),
    old_due       TEXT NOT NULL,
    new_due       TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    moved_by      TEXT NOT NULL,
    moved_at      TEXT NOT NULL
);
CREATE INDEX commitment_move_c ON commitment_move(commitment_id);

CREATE TABLE action (
    id              INTEGER PRIMARY KEY,
    text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner_person_id INTEGER REFERENCES person(id),
    owner_org_id    INTEGER REFERENCES organisation(id),
    due             TEXT,
    state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
    resolved_on     TEXT,
    reason          TEXT,
    signal_id       INTEGER REFERENCES signal(id),
    meeting_id      INTEGER REFERENCES meeting(id),
    agenda_item_id  INTEGER REFERENCES agenda_item(id),
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX action_open_due ON action(due, id) WHERE state = 'open';
CREATE INDEX action_signal ON action(signal_id);

-- Minutes: one row per line typed, stored at Enter.
CREATE TABLE minute (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id),
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('note', 'decision', 'action', 'commitment', 'signal', 'question')),
    text           TEXT NOT NULL,                      -- the line exactly as typed
    signal_id      INTEGER REFERENCES signal(id),
    action_id      INTEGER REFERENCES action(id),
    commitment_id  INTEGER REFERENCES commitment(id),
    answered       INTEGER NOT NULL DEFAULT 0,         -- questions: carried over until answered
    amendment      INTEGER NOT NULL DEFAULT 0,         -- written after the minutes were final
    problems       TEXT NOT NULL DEFAULT '',           -- unresolved tokens, one per line; empty when clean
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX minute_meeting ON minute(meeting_id, position);

-- The line being typed, kept across a dropped connection or a crash.
CREATE TABLE minute_draft (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    username   TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, username)
);

-- The signal timeline: state changes and other events, with who and when.
CREATE TABLE signal_event (
    id         INTEGER PRIMARY KEY,
    signal_id  INTEGER NOT NULL REFERENCES signal(id),
    at         TEXT NOT NULL,
    username   TEXT NOT NULL,
    event      TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signal_event_signal ON signal_event(signal_id, at);

-- Who changed what and when, for every record.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    username  TEXT NOT NULL,
    record    TEXT NOT NULL,                           -- e.g. 'S-42'
    action    TEXT NOT NULL,                           -- create, update, delete, erase, ...
    changes   TEXT NOT NULL DEFAULT '{}'               -- JSON: {field: [before, after]}
);
CREATE INDEX audit_record ON audit(record, id);
