-- wijkdesk schema: "om de tafel" means a meeting. Each organisation's last meeting is
-- kept next to its last contact (schema/006), in the write's own transaction, so that
-- the cadence ("not met within N meetings a year") counts only meetings and one
-- e-mail of feedback no longer satisfies it.
--
-- last_meeting  the day of the last held or final meeting the organisation attended,
--               or was invited to when attendance was not taken (attended IS NULL)
--
-- last_contact (schema/006) stays as it is: that same meeting, or feedback on one of
-- its signals, whichever is later.

ALTER TABLE org_figures ADD COLUMN last_meeting TEXT;

-- The meetings that count, for recomputing last_meeting after a change that can lower it.
CREATE VIEW org_meeting (org_id, day) AS
    SELECT mo.org_id, substr(m.starts_at, 1, 10)
      FROM meeting_org mo JOIN meeting m ON m.id = mo.meeting_id
     WHERE m.status IN ('held', 'final') AND coalesce(mo.attended, 1) = 1;

UPDATE org_figures
   SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id);

CREATE TRIGGER org_figures_last_meeting_change AFTER UPDATE OF status, starts_at ON meeting BEGIN
    UPDATE org_figures SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (SELECT org_id FROM meeting_org WHERE meeting_id = new.id);
END;

-- An organisation joining a meeting can only raise its last meeting.
CREATE TRIGGER org_figures_last_meeting_org_insert AFTER INSERT ON meeting_org BEGIN
    UPDATE org_figures
       SET last_meeting = nullif(max(coalesce(last_meeting, ''), coalesce(
             (SELECT substr(m.starts_at, 1, 10) FROM meeting m
               WHERE m.id = new.meeting_id AND m.status IN ('held', 'final')
                 AND coalesce(new.attended, 1) = 1), '')), '')
     WHERE org_id = new.org_id;
END;

CREATE TRIGGER org_figures_last_meeting_org_change AFTER UPDATE ON meeting_org BEGIN
    UPDATE org_figures SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id)
     WHERE org_id IN (old.org_id, new.org_id);
END;

CREATE TRIGGER org_figures_last_meeting_org_delete AFTER DELETE ON meeting_org BEGIN
    UPDATE org_figures SET last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id)
     WHERE org_id = old.org_id;
END;
