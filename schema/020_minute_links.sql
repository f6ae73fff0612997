-- wijkdesk schema: every record a minutes line made.
--
-- A commitment line naming several organisations ("T: … org:Duinoord org:Bezuidenhout")
-- makes one commitment per organisation. minute.commitment_id holds the first; the
-- others are linked here, so the line names all of them and each points back to it.
--
-- minute_id      the line; its links go with it when it is deleted (the commitments stay)
-- commitment_id  a further commitment the line made
CREATE TABLE minute_link (
    minute_id     INTEGER NOT NULL REFERENCES minute(id) ON DELETE CASCADE,
    commitment_id INTEGER NOT NULL REFERENCES commitment(id),
    PRIMARY KEY (minute_id, commitment_id)
) WITHOUT ROWID;
CREATE INDEX minute_link_commitment ON minute_link(commitment_id);

-- Lines from before: the further commitments a line made have its meeting, agenda
-- item, text and creation moment, and a later id than the one it names.
INSERT OR IGNORE INTO minute_link (minute_id, commitment_id)
SELECT mi.id, c2.id
  FROM minute mi
  JOIN commitment c1 ON c1.id = mi.commitment_id
  JOIN commitment c2 ON c2.meeting_id = c1.meeting_id
                    AND c2.agenda_item_id IS c1.agenda_item_id
                    AND c2.text = c1.text
                    AND c2.created_at = c1.created_at
                    AND c2.id > c1.id
                    AND c2.org_id != c1.org_id
 WHERE NOT EXISTS (SELECT 1 FROM minute o WHERE o.commitment_id = c2.id);
