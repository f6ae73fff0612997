-- wijkdesk schema, version 2: full-text search, and the due date each feedback answered.
--
-- One FTS5 index over every kind of record that holds text. Each record is one row, its
-- rowid the record's id times 16 plus a kind code, so a trigger finds its row without a
-- scan:
--   1 organisation   2 person   3 signal   4 feedback   5 commitment
--   6 action         7 meeting  8 minute (a line of a meeting's minutes)
-- The triggers below keep the index in step with every write, inside the transaction
-- of the write itself. `unicode61 remove_diacritics 2` folds case and accents, so
-- "een" finds "één"; the prefix index makes "stoep*" cheap. The query side quotes
-- every word it is given (see src/store/search.rs): user text is never FTS syntax.

CREATE VIRTUAL TABLE search USING fts5(
    title,
    body,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
);
-- Deleted text leaves the index at once, not at the next merge: an erased person is gone.
INSERT INTO search (search, rank) VALUES ('secure-delete', 1);

-- Organisations: name; short name, district, neighbourhoods, e-mail, notes.
CREATE TRIGGER search_org_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 1, NEW.name,
            concat_ws(' ', NEW.short_name, NEW.district, replace(NEW.neighbourhoods, ',', ' '), NEW.email, NEW.notes));
END;
CREATE TRIGGER search_org_update AFTER UPDATE OF name, short_name, district, neighbourhoods, email, notes ON organisation BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 1;
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 1, NEW.name,
            concat_ws(' ', NEW.short_name, NEW.district, replace(NEW.neighbourhoods, ',', ' '), NEW.email, NEW.notes));
    -- People are found by their organisation's name too.
    DELETE FROM search WHERE rowid IN (SELECT id * 16 + 2 FROM person WHERE org_id = NEW.id);
    INSERT INTO search (rowid, title, body)
    SELECT p.id * 16 + 2, p.name,
           concat_ws(' ', p.role, NEW.name, NEW.short_name, p.email, p.username,
                     replace(p.districts, ',', ' '), replace(p.themes, ',', ' '), p.notes)
      FROM person p WHERE p.org_id = NEW.id AND p.erased_at IS NULL;
END;
CREATE TRIGGER search_org_delete AFTER DELETE ON organisation BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 1;
END;

-- People: name; role, organisation, e-mail, username, districts, themes, notes. Not the
-- phone number; an erased person is not in the index at all.
CREATE TRIGGER search_person_insert AFTER INSERT ON person WHEN NEW.erased_at IS NULL BEGIN
    INSERT INTO search (rowid, title, body)
    SELECT NEW.id * 16 + 2, NEW.name,
           concat_ws(' ', NEW.role,
                     (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = NEW.org_id),
                     NEW.email, NEW.username, replace(NEW.districts, ',', ' '), replace(NEW.themes, ',', ' '), NEW.notes);
END;
CREATE TRIGGER search_person_update
AFTER UPDATE OF name, org_id, role, email, username, districts, themes, notes, erased_at ON person BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 2;
    INSERT INTO search (rowid, title, body)
    SELECT NEW.id * 16 + 2, NEW.name,
           concat_ws(' ', NEW.role,
                     (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = NEW.org_id),
                     NEW.email, NEW.username, replace(NEW.districts, ',', ' '), replace(NEW.themes, ',', ' '), NEW.notes)
     WHERE NEW.erased_at IS NULL;
END;
CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 2;
END;

-- Signals: title; body, expectation, theme, neighbourhood.
CREATE TRIGGER search_signal_insert AFTER INSERT ON signal BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 3, NEW.title, concat_ws(' ', NEW.body, NEW.expectation, NEW.theme, NEW.neighbourhood));
END;
CREATE TRIGGER search_signal_update AFTER UPDATE OF title, body, expectation, theme, neighbourhood ON signal BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 3;
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 3, NEW.title, concat_ws(' ', NEW.body, NEW.expectation, NEW.theme, NEW.neighbourhood));
END;
CREATE TRIGGER search_signal_delete AFTER DELETE ON signal BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 3;
END;

-- Feedback: its text (a hit opens the signal).
CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search (rowid, title, body) VALUES (NEW.id * 16 + 4, '', NEW.text);
END;
CREATE TRIGGER search_feedback_update AFTER UPDATE OF text ON feedback BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 4;
    INSERT INTO search (rowid, title, body) VALUES (NEW.id * 16 + 4, '', NEW.text);
END;
CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 4;
END;

-- Commitments: text; acknowledgement (broken), reason (withdrawn).
CREATE TRIGGER search_commitment_insert AFTER INSERT ON commitment BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 5, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.reason));
END;
CREATE TRIGGER search_commitment_update AFTER UPDATE OF text, acknowledgement, reason ON commitment BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 5;
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 5, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.reason));
END;
CREATE TRIGGER search_commitment_delete AFTER DELETE ON commitment BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 5;
END;

-- Actions: text; reason.
CREATE TRIGGER search_action_insert AFTER INSERT ON action BEGIN
    INSERT INTO search (rowid, title, body) VALUES (NEW.id * 16 + 6, NEW.text, coalesce(NEW.reason, ''));
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF text, reason ON action BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 6;
    INSERT INTO search (rowid, title, body) VALUES (NEW.id * 16 + 6, NEW.text, coalesce(NEW.reason, ''));
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON action BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 6;
END;

-- Meetings: title; kind, location, district and the agenda.
CREATE TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 7, NEW.title,
            concat_ws(' ', NEW.kind, NEW.location, NEW.district,
                      (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = NEW.id)));
END;
CREATE TRIGGER search_meeting_update AFTER UPDATE OF title, kind, location, district ON meeting BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 7;
    INSERT INTO search (rowid, title, body)
    VALUES (NEW.id * 16 + 7, NEW.title,
            concat_ws(' ', NEW.kind, NEW.location, NEW.district,
                      (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = NEW.id)));
END;
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 7;
END;
CREATE TRIGGER search_agenda_insert AFTER INSERT ON agenda_item BEGIN
    DELETE FROM search WHERE rowid = NEW.meeting_id * 16 + 7;
    INSERT INTO search (rowid, title, body)
    SELECT m.id * 16 + 7, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id = NEW.meeting_id;
END;
CREATE TRIGGER search_agenda_update AFTER UPDATE OF title, meeting_id ON agenda_item BEGIN
    DELETE FROM search WHERE rowid IN (OLD.meeting_id * 16 + 7, NEW.meeting_id * 16 + 7);
    INSERT INTO search (rowid, title, body)
    SELECT m.id * 16 + 7, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id IN (OLD.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER search_agenda_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search WHERE rowid = OLD.meeting_id * 16 + 7;
    INSERT INTO search (rowid, title, body)
    SELECT m.id * 16 + 7, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id = OLD.meeting_id;
END;

-- Minutes: each line (a hit opens the meeting).
CREATE TRIGGER search_minute_insert AFTER INSERT ON minute BEGIN
    INSERT INTO search (rowid, title, body) VALUES (NEW.id * 16 + 8, '', NEW.text);
END;
CREATE TRIGGER search_minute_update AFTER UPDATE OF text ON minute BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 8;
    INSERT INTO search (rowid, title, body) VALUES (NEW.id * 16 + 8, '', NEW.text);
END;
CREATE TRIGGER search_minute_delete AFTER DELETE ON minute BEGIN
    DELETE FROM search WHERE rowid = OLD.id * 16 + 8;
END;

-- What is there already.
INSERT INTO search (rowid, title, body)
SELECT id * 16 + 1, name, concat_ws(' ', short_name, district, replace(neighbourhoods, ',', ' '), email, notes)
  FROM organisation;
INSERT INTO search (rowid, title, body)
SELECT p.id * 16 + 2, p.name,
       concat_ws(' ', p.role, (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = p.org_id),
                 p.email, p.username, replace(p.districts, ',', ' '), replace(p.themes, ',', ' '), p.notes)
  FROM person p WHERE p.erased_at IS NULL;
INSERT INTO search (rowid, title, body)
SELECT id * 16 + 3, title, concat_ws(' ', body, expectation, theme, neighbourhood) FROM signal;
INSERT INTO search (rowid, title, body) SELECT id * 16 + 4, '', text FROM feedback;
INSERT INTO search (rowid, title, body)
SELECT id * 16 + 5, text, concat_ws(' ', acknowledgement, reason) FROM commitment;
INSERT INTO search (rowid, title, body) SELECT id * 16 + 6, text, coalesce(reason, '') FROM action;
INSERT INTO search (rowid, title, body)
SELECT m.id * 16 + 7, m.title,
       concat_ws(' ', m.kind, m.location, m.district,
                 (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
  FROM meeting m;
INSERT INTO search (rowid, title, body) SELECT id * 16 + 8, '', text FROM minute;

-- Reports: "feedback on time" compares a signal's first feedback with the due date it
-- answered. Interim feedback moves the signal's due date, so the date in force when each
-- feedback was given is kept with it, set by a trigger before anything can move it.
ALTER TABLE feedback ADD COLUMN due_then TEXT;
CREATE TRIGGER feedback_due_then AFTER INSERT ON feedback BEGIN
    UPDATE feedback SET due_then = (SELECT s.feedback_due FROM signal s WHERE s.id = NEW.signal_id)
     WHERE id = NEW.id AND due_then IS NULL;
END;
-- Feedback given before this version: the next date promised by the latest earlier
-- interim feedback, else the due date before the first move (from the audit trail),
-- else the signal's due date.
UPDATE feedback SET due_then = coalesce(
    (SELECT e.next_due FROM feedback e
      WHERE e.signal_id = feedback.signal_id AND e.next_due IS NOT NULL
        AND (e.given_on < feedback.given_on OR (e.given_on = feedback.given_on AND e.id < feedback.id))
      ORDER BY e.given_on DESC, e.id DESC LIMIT 1),
    (SELECT CASE WHEN json_valid(a.changes) THEN json_extract(a.changes, '$.feedback_due[0]') END FROM audit a
      WHERE a.record = 'S-' || feedback.signal_id AND a.action = 'feedback'
        AND CASE WHEN json_valid(a.changes) THEN json_extract(a.changes, '$.feedback_due') IS NOT NULL END
      ORDER BY a.id LIMIT 1),
    (SELECT s.feedback_due FROM signal s WHERE s.id = feedback.signal_id));
