DROP TRIGGER proposal_versions_immutable ON proposal_versions;
CREATE TRIGGER proposal_versions_immutable BEFORE UPDATE OR DELETE ON proposal_versions
FOR EACH ROW EXECUTE FUNCTION emenda_refuse_change();
DROP FUNCTION emenda_version_erased_only();
ALTER TABLE proposal_versions DROP COLUMN summary_commitment;
ALTER TABLE proposal_versions DROP COLUMN body_commitment;
ALTER TABLE proposal_versions DROP COLUMN title_commitment;
ALTER TABLE proposal_versions DROP COLUMN erased_at;
ALTER TABLE proposal_versions DROP COLUMN text_salt;
