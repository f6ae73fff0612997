-- The operating-system account that made each change, beside the acting name
-- (`username`, which WIJKDESK_USER may override for tests and demos). Rows from
-- before this migration keep NULL: their username came from $USER, so the account
-- that really made them is not known.
ALTER TABLE audit ADD COLUMN account TEXT;
ALTER TABLE signal_event ADD COLUMN account TEXT;
