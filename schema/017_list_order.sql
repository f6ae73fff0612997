-- wijkdesk schema: indexes that give every list its order, so that the first rows of
-- a list are a range scan and a full list streams without a sort.
--
-- `signal list --state closed` (or --all) reads each state's signals oldest first:
-- one range scan per state, merged. The old index on state alone is a prefix of this
-- one, so nothing that used it loses.
DROP INDEX signal_state;
CREATE INDEX signal_state ON signal(state, received_on);
-- One owner's signals, oldest first (`signal list --owner`, `--mine`).
DROP INDEX signal_owner;
CREATE INDEX signal_owner ON signal(owner_person_id, received_on);
-- Commitments and actions that are no longer open, by due date (`list --all` after
-- the open ones).
CREATE INDEX commitment_done_due ON commitment(due, id) WHERE state != 'open';
CREATE INDEX action_done_due ON action(due, id) WHERE state != 'open';
