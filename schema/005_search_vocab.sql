-- wijkdesk schema: the search index keyed by kind first, newest first.
--
-- Version 2 gave each row of the index the rowid `id * 16 + kind`, so the kinds were
-- interleaved: finding the newest signals that match "de" meant stepping over every
-- matching minutes line with a higher rowid (half a million at 100,000 signals). Now a
-- row's rowid is
--
--     ((kind + 1) << 40) - id        kind codes as before: 1 organisation … 8 minute
--
-- so each kind is one contiguous range of rowids, [kind << 40 + 1, (kind + 1) << 40 - 1],
-- and within it a higher id (a newer record) has a lower rowid. FTS5 walks a term's
-- doclist in ascending rowid order cheaply and can stop at a LIMIT, so "the newest 50
-- signals that match" is one short range scan per kind (src/store/search.rs). Ids stay
-- below 2^40.
--
-- The text indexed is unchanged: the rows are copied from the old index, in the new
-- rowid order (FTS5 builds an index fastest from ascending rowids), and the triggers
-- are the ones of version 2 with the new rowids.

DROP TRIGGER search_org_insert;
DROP TRIGGER search_org_update;
DROP TRIGGER search_org_delete;
DROP TRIGGER search_person_insert;
DROP TRIGGER search_person_update;
DROP TRIGGER search_person_delete;
DROP TRIGGER search_signal_insert;
DROP TRIGGER search_signal_update;
DROP TRIGGER search_signal_delete;
DROP TRIGGER search_feedback_insert;
DROP TRIGGER search_feedback_update;
DROP TRIGGER search_feedback_delete;
DROP TRIGGER search_commitment_insert;
DROP TRIGGER search_commitment_update;
DROP TRIGGER search_commitment_delete;
DROP TRIGGER search_action_insert;
DROP TRIGGER search_action_update;
DROP TRIGGER search_action_delete;
DROP TRIGGER search_meeting_insert;
DROP TRIGGER search_meeting_update;
DROP TRIGGER search_meeting_delete;
DROP TRIGGER search_agenda_insert;
DROP TRIGGER search_agenda_update;
DROP TRIGGER search_agenda_delete;
DROP TRIGGER search_minute_insert;
DROP TRIGGER search_minute_update;
DROP TRIGGER search_minute_delete;

CREATE VIRTUAL TABLE search_by_kind USING fts5(
    title,
    body,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
);
INSERT INTO search_by_kind (search_by_kind, rank) VALUES ('secure-delete', 1);
INSERT INTO search_by_kind (rowid, title, body)
SELECT ((rowid % 16 + 1) << 40) - rowid / 16, title, body FROM search ORDER BY 1;
DROP TABLE search;
ALTER TABLE search_by_kind RENAME TO search;
-- One segment instead of the dozen a bulk load leaves: every lookup seeks in each.
INSERT INTO search (search) VALUES ('optimize');

-- The index's words in order (one row per occurrence, read lazily): the search looks up
-- which words start with a prefix ("speel": speelt, speeltuin, …) one seek at a time,
-- to ask for them by name rather than have FTS5 merge every list that starts with it.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, instance);

-- Organisations: name; short name, district, neighbourhoods, e-mail, notes.
CREATE TRIGGER search_org_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((2 << 40) - NEW.id, NEW.name,
            concat_ws(' ', NEW.short_name, NEW.district, replace(NEW.neighbourhoods, ',', ' '), NEW.email, NEW.notes));
END;
CREATE TRIGGER search_org_update AFTER UPDATE OF name, short_name, district, neighbourhoods, email, notes ON organisation BEGIN
    DELETE FROM search WHERE rowid = (2 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((2 << 40) - NEW.id, NEW.name,
            concat_ws(' ', NEW.short_name, NEW.district, replace(NEW.neighbourhoods, ',', ' '), NEW.email, NEW.notes));
    -- People are found by their organisation's name too.
    DELETE FROM search WHERE rowid IN (SELECT (3 << 40) - id FROM person WHERE org_id = NEW.id);
    INSERT INTO search (rowid, title, body)
    SELECT (3 << 40) - p.id, p.name,
           concat_ws(' ', p.role, NEW.name, NEW.short_name, p.email, p.username,
                     replace(p.districts, ',', ' '), replace(p.themes, ',', ' '), p.notes)
      FROM person p WHERE p.org_id = NEW.id AND p.erased_at IS NULL;
END;
CREATE TRIGGER search_org_delete AFTER DELETE ON organisation BEGIN
    DELETE FROM search WHERE rowid = (2 << 40) - OLD.id;
END;

-- People: name; role, organisation, e-mail, username, districts, themes, notes. Not the
-- phone number; an erased person is not in the index at all.
CREATE TRIGGER search_person_insert AFTER INSERT ON person WHEN NEW.erased_at IS NULL BEGIN
    INSERT INTO search (rowid, title, body)
    SELECT (3 << 40) - NEW.id, NEW.name,
           concat_ws(' ', NEW.role,
                     (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = NEW.org_id),
                     NEW.email, NEW.username, replace(NEW.districts, ',', ' '), replace(NEW.themes, ',', ' '), NEW.notes);
END;
CREATE TRIGGER search_person_update
AFTER UPDATE OF name, org_id, role, email, username, districts, themes, notes, erased_at ON person BEGIN
    DELETE FROM search WHERE rowid = (3 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    SELECT (3 << 40) - NEW.id, NEW.name,
           concat_ws(' ', NEW.role,
                     (SELECT concat_ws(' ', o.name, o.short_name) FROM organisation o WHERE o.id = NEW.org_id),
                     NEW.email, NEW.username, replace(NEW.districts, ',', ' '), replace(NEW.themes, ',', ' '), NEW.notes)
     WHERE NEW.erased_at IS NULL;
END;
CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
    DELETE FROM search WHERE rowid = (3 << 40) - OLD.id;
END;

-- Signals: title; body, expectation, theme, neighbourhood.
CREATE TRIGGER search_signal_insert AFTER INSERT ON signal BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((4 << 40) - NEW.id, NEW.title, concat_ws(' ', NEW.body, NEW.expectation, NEW.theme, NEW.neighbourhood));
END;
CREATE TRIGGER search_signal_update AFTER UPDATE OF title, body, expectation, theme, neighbourhood ON signal BEGIN
    DELETE FROM search WHERE rowid = (4 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((4 << 40) - NEW.id, NEW.title, concat_ws(' ', NEW.body, NEW.expectation, NEW.theme, NEW.neighbourhood));
END;
CREATE TRIGGER search_signal_delete AFTER DELETE ON signal BEGIN
    DELETE FROM search WHERE rowid = (4 << 40) - OLD.id;
END;

-- Feedback: its text (a hit opens the signal).
CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO search (rowid, title, body) VALUES ((5 << 40) - NEW.id, '', NEW.text);
END;
CREATE TRIGGER search_feedback_update AFTER UPDATE OF text ON feedback BEGIN
    DELETE FROM search WHERE rowid = (5 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body) VALUES ((5 << 40) - NEW.id, '', NEW.text);
END;
CREATE TRIGGER search_feedback_delete AFTER DELETE ON feedback BEGIN
    DELETE FROM search WHERE rowid = (5 << 40) - OLD.id;
END;

-- Commitments: text; acknowledgement (broken), reason (withdrawn).
CREATE TRIGGER search_commitment_insert AFTER INSERT ON commitment BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((6 << 40) - NEW.id, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.reason));
END;
CREATE TRIGGER search_commitment_update AFTER UPDATE OF text, acknowledgement, reason ON commitment BEGIN
    DELETE FROM search WHERE rowid = (6 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((6 << 40) - NEW.id, NEW.text, concat_ws(' ', NEW.acknowledgement, NEW.reason));
END;
CREATE TRIGGER search_commitment_delete AFTER DELETE ON commitment BEGIN
    DELETE FROM search WHERE rowid = (6 << 40) - OLD.id;
END;

-- Actions: text; reason.
CREATE TRIGGER search_action_insert AFTER INSERT ON action BEGIN
    INSERT INTO search (rowid, title, body) VALUES ((7 << 40) - NEW.id, NEW.text, coalesce(NEW.reason, ''));
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF text, reason ON action BEGIN
    DELETE FROM search WHERE rowid = (7 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body) VALUES ((7 << 40) - NEW.id, NEW.text, coalesce(NEW.reason, ''));
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON action BEGIN
    DELETE FROM search WHERE rowid = (7 << 40) - OLD.id;
END;

-- Meetings: title; kind, location, district and the agenda.
CREATE TRIGGER search_meeting_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO search (rowid, title, body)
    VALUES ((8 << 40) - NEW.id, NEW.title,
            concat_ws(' ', NEW.kind, NEW.location, NEW.district,
                      (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = NEW.id)));
END;
CREATE TRIGGER search_meeting_update AFTER UPDATE OF title, kind, location, district ON meeting BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body)
    VALUES ((8 << 40) - NEW.id, NEW.title,
            concat_ws(' ', NEW.kind, NEW.location, NEW.district,
                      (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = NEW.id)));
END;
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meeting BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - OLD.id;
END;
CREATE TRIGGER search_agenda_insert AFTER INSERT ON agenda_item BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - NEW.meeting_id;
    INSERT INTO search (rowid, title, body)
    SELECT (8 << 40) - m.id, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id = NEW.meeting_id;
END;
CREATE TRIGGER search_agenda_update AFTER UPDATE OF title, meeting_id ON agenda_item BEGIN
    DELETE FROM search WHERE rowid IN ((8 << 40) - OLD.meeting_id, (8 << 40) - NEW.meeting_id);
    INSERT INTO search (rowid, title, body)
    SELECT (8 << 40) - m.id, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id IN (OLD.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER search_agenda_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search WHERE rowid = (8 << 40) - OLD.meeting_id;
    INSERT INTO search (rowid, title, body)
    SELECT (8 << 40) - m.id, m.title,
           concat_ws(' ', m.kind, m.location, m.district,
                     (SELECT group_concat(a.title, ' ') FROM agenda_item a WHERE a.meeting_id = m.id))
      FROM meeting m WHERE m.id = OLD.meeting_id;
END;

-- Minutes: each line (a hit opens the meeting).
CREATE TRIGGER search_minute_insert AFTER INSERT ON minute BEGIN
    INSERT INTO search (rowid, title, body) VALUES ((9 << 40) - NEW.id, '', NEW.text);
END;
CREATE TRIGGER search_minute_update AFTER UPDATE OF text ON minute BEGIN
    DELETE FROM search WHERE rowid = (9 << 40) - OLD.id;
    INSERT INTO search (rowid, title, body) VALUES ((9 << 40) - NEW.id, '', NEW.text);
END;
CREATE TRIGGER search_minute_delete AFTER DELETE ON minute BEGIN
    DELETE FROM search WHERE rowid = (9 << 40) - OLD.id;
END;
