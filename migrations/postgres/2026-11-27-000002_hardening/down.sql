ALTER TABLE proposal_versions DROP COLUMN hash_encoding;
ALTER TABLE amendments DROP COLUMN closed_by_proposal;
