ALTER TABLE proposal_versions DROP COLUMN rewritten_by;
