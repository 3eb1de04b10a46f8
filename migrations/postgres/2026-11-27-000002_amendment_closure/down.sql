ALTER TABLE amendments DROP COLUMN closed_by_proposal;
