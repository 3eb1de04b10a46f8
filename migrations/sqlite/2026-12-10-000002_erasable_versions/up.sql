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

DROP TRIGGER proposal_versions_no_update;
CREATE TRIGGER proposal_versions_no_update BEFORE UPDATE ON proposal_versions
WHEN NOT (
    OLD.hash_encoding = 4 AND OLD.erased_at IS NULL AND OLD.text_salt IS NOT NULL
    AND NEW.erased_at IS NOT NULL AND NEW.title = '' AND NEW.body = '' AND NEW.summary IS NULL
    AND NEW.text_salt IS NULL AND NEW.title_commitment IS NOT NULL AND NEW.body_commitment IS NOT NULL
    AND (NEW.summary_commitment IS NULL) = (OLD.summary IS NULL)
    AND NEW.proposal_id IS OLD.proposal_id AND NEW.number IS OLD.number AND NEW.editor_id IS OLD.editor_id
    AND NEW.kind IS OLD.kind AND NEW.amendment_id IS OLD.amendment_id AND NEW.accepted_by IS OLD.accepted_by
    AND NEW.rewritten_by IS OLD.rewritten_by AND NEW.created_at IS OLD.created_at
    AND NEW.content_hash IS OLD.content_hash AND NEW.previous_hash IS OLD.previous_hash
    AND NEW.hash_encoding IS OLD.hash_encoding
)
BEGIN SELECT RAISE(ABORT, 'proposal_versions rows are immutable'); END;
