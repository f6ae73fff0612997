-- wijkdesk schema: districts (with their neighbourhoods) and themes become kept lists.
-- Until now they were free text, so a typo ("Segbroke") became a district of its own.
-- Writes that set one of these values must name an entry of its list (the store
-- refuses an unknown value unless the caller explicitly adds it).
--
-- Names are unique per kind regardless of case; accent variants ("Laakkwartíer") are
-- caught in the store, which compares accent-folded names, and listed as near
-- duplicates by `wijkdesk district check`.

CREATE TABLE term (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('district', 'neighbourhood', 'theme')),
    name        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
    district_id INTEGER REFERENCES term(id),         -- neighbourhoods: the district they lie in
    created_at  TEXT NOT NULL,
    UNIQUE (kind, name)
);
CREATE INDEX term_district ON term(district_id) WHERE district_id IS NOT NULL;

-- An existing database keeps every value it has: each distinct one becomes an entry,
-- near duplicates included, so that they can be merged knowingly.

-- Comma-separated lists (organisation.neighbourhoods, person.districts, person.themes)
-- are split with a recursive walk.
CREATE TEMP TABLE seed_value (kind TEXT NOT NULL, name TEXT NOT NULL, district TEXT);

WITH RECURSIVE parts(kind, rest, item, district) AS (
    SELECT 'district', districts || ',', NULL, NULL FROM person
    UNION ALL
    SELECT 'theme', themes || ',', NULL, NULL FROM person
    UNION ALL
    SELECT 'neighbourhood', neighbourhoods || ',', NULL, district FROM organisation
    UNION ALL
    SELECT kind, substr(rest, instr(rest, ',') + 1), trim(substr(rest, 1, instr(rest, ',') - 1)), district
      FROM parts WHERE rest <> ''
)
INSERT INTO seed_value (kind, name, district)
SELECT kind, item, district FROM parts WHERE item IS NOT NULL AND item <> '';

INSERT INTO seed_value (kind, name, district)
SELECT 'district', trim(district), NULL FROM organisation WHERE trim(coalesce(district, '')) <> ''
UNION ALL
SELECT 'district', trim(district), NULL FROM signal WHERE trim(coalesce(district, '')) <> ''
UNION ALL
SELECT 'district', trim(district), NULL FROM meeting WHERE trim(coalesce(district, '')) <> ''
UNION ALL
SELECT 'neighbourhood', trim(neighbourhood), trim(district) FROM signal WHERE trim(coalesce(neighbourhood, '')) <> ''
UNION ALL
SELECT 'theme', trim(theme), NULL FROM signal WHERE trim(coalesce(theme, '')) <> '';

-- Districts first, in order of first appearance, so neighbourhoods can point to them.
INSERT OR IGNORE INTO term (kind, name, created_at)
SELECT 'district', name, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM seed_value WHERE kind = 'district' ORDER BY rowid;

INSERT OR IGNORE INTO term (kind, name, created_at)
SELECT 'theme', name, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM seed_value WHERE kind = 'theme' ORDER BY rowid;

INSERT OR IGNORE INTO term (kind, name, district_id, created_at)
SELECT 'neighbourhood', v.name,
       (SELECT d.id FROM term d WHERE d.kind = 'district' AND d.name = v.district COLLATE NOCASE),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM seed_value v WHERE v.kind = 'neighbourhood' ORDER BY v.rowid;

DROP TABLE seed_value;
