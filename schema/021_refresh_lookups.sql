-- wijkdesk schema: what the screens read on every refresh, made a lookup.
--
-- The screens shorten organisation names knowing all of them (a leading word several
-- names share goes); a city of a million signals has 20,000 organisations, and working
-- the short names out again on every refresh cost 10 ms. This counter moves whenever a
-- name could have changed, so the screens work them out again only then.
CREATE TABLE org_names_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
) STRICT;
INSERT INTO org_names_generation (id, n) VALUES (1, 0);

CREATE TRIGGER org_names_generation_insert AFTER INSERT ON organisation BEGIN
    UPDATE org_names_generation SET n = n + 1;
END;
CREATE TRIGGER org_names_generation_delete AFTER DELETE ON organisation BEGIN
    UPDATE org_names_generation SET n = n + 1;
END;
CREATE TRIGGER org_names_generation_update AFTER UPDATE OF name, short_name ON organisation
WHEN OLD.name IS NOT NEW.name COLLATE BINARY
  OR OLD.short_name IS NOT NEW.short_name COLLATE BINARY BEGIN
    UPDATE org_names_generation SET n = n + 1;
END;

-- The top bar's "who am I" looks the account up among the people in any case; without
-- an index of that collation it read every person (40,000 in that city) on each refresh.
CREATE INDEX person_username_nocase ON person (username COLLATE NOCASE);
