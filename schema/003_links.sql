-- wijkdesk schema, version 3: indexes for the links from minutes to the records they
-- created, so a signal's timeline finds "discussed in" lines without scanning a
-- million minute lines.
CREATE INDEX minute_signal ON minute(signal_id) WHERE signal_id IS NOT NULL;
CREATE INDEX minute_action ON minute(action_id) WHERE action_id IS NOT NULL;
CREATE INDEX minute_commitment ON minute(commitment_id) WHERE commitment_id IS NOT NULL;
CREATE INDEX action_meeting ON action(meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX commitment_meeting ON commitment(meeting_id) WHERE meeting_id IS NOT NULL;
