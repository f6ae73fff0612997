-- wijkdesk schema: the Meetings screen pages through planned meetings (soonest first)
-- and held or final ones (newest first), each a range scan on its own index, instead
-- of sorting every meeting by an expression to show the first screenful.
CREATE INDEX meeting_planned ON meeting(starts_at, id) WHERE status = 'planned';
CREATE INDEX meeting_done ON meeting(starts_at, id) WHERE status IN ('held', 'final');
