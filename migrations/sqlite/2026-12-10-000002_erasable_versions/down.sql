DROP TRIGGER proposal_versions_no_update;
CREATE TRIGGER proposal_versions_no_update BEFORE UPDATE ON proposal_versions
BEGIN SELECT RAISE(ABORT, 'proposal_versions rows are immutable'); END;
ALTER TABLE proposal_versions DROP COLUMN summary_commitment;
ALTER TABLE proposal_versions DROP COLUMN body_commitment;
ALTER TABLE proposal_versions DROP COLUMN title_commitment;
ALTER TABLE proposal_versions DROP COLUMN erased_at;
ALTER TABLE proposal_versions DROP COLUMN text_salt;
