-- Version hashes of encoding 4 commit to the title, body and summary by
-- salted digests (docs/domain.md), so that a text erased by the documented
-- procedure leaves its commitments and the chain still verifies. A version
-- keeps its salt while its text is held; erasing it empties the texts,
-- drops the salt and stores the commitments, once. Any other change stays
-- refused by the database.
ALTER TABLE proposal_versions ADD COLUMN text_salt TEXT;
ALTER TABLE proposal_versions ADD COLUMN erased_at TEXT;
ALTER TABLE proposal_versions ADD COLUMN title_commitment TEXT;
ALTER TABLE proposal_versions ADD COLUMN body_commitment TEXT;
ALTER TABLE proposal_versions ADD COLUMN summary_commitment TEXT;

CREATE FUNCTION emenda_version_erased_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND OLD.hash_encoding = 4 AND OLD.erased_at IS NULL AND OLD.text_salt IS NOT NULL
        AND NEW.erased_at IS NOT NULL AND NEW.title = '' AND NEW.body = '' AND NEW.summary IS NULL
        AND NEW.text_salt IS NULL AND NEW.title_commitment IS NOT NULL AND NEW.body_commitment IS NOT NULL
        AND (NEW.summary_commitment IS NULL) = (OLD.summary IS NULL)
        AND NEW.proposal_id = OLD.proposal_id AND NEW.number = OLD.number AND NEW.editor_id = OLD.editor_id
        AND NEW.kind = OLD.kind AND NEW.amendment_id IS NOT DISTINCT FROM OLD.amendment_id
        AND NEW.accepted_by IS NOT DISTINCT FROM OLD.accepted_by
        AND NEW.rewritten_by IS NOT DISTINCT FROM OLD.rewritten_by AND NEW.created_at = OLD.created_at
        AND NEW.content_hash = OLD.content_hash AND NEW.previous_hash IS NOT DISTINCT FROM OLD.previous_hash
        AND NEW.hash_encoding = OLD.hash_encoding THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END
$$;
DROP TRIGGER proposal_versions_immutable ON proposal_versions;
CREATE TRIGGER proposal_versions_immutable BEFORE UPDATE OR DELETE ON proposal_versions
FOR EACH ROW EXECUTE FUNCTION emenda_version_erased_only();
