-- wijkdesk schema: indexes for lists paged with keyset queries (src/tui/window.rs).
--
-- The Meetings screen pages through planned meetings (soonest first) and held or
-- final ones (newest first), each a range scan on its own index, instead of sorting
-- every meeting by an expression to show the first screenful.
CREATE INDEX meeting_planned ON meeting(starts_at, id) WHERE status = 'planned';
CREATE INDEX meeting_done ON meeting(starts_at, id) WHERE status IN ('held', 'final');

-- People in name order, a page at a time from any name on.
CREATE INDEX person_name ON person(name COLLATE NOCASE, id);
