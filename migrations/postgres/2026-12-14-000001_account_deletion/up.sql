-- A person may delete their account (docs/domain.md, Data rights): the
-- request sets when it happens, after a grace period; the erasure empties
-- the row of every personal datum and dates it. The row itself stays, so
-- that what they published keeps an author ("Partecipante eliminato") and
-- every version hash that names their id still verifies.
ALTER TABLE users ADD COLUMN deletion_due_at TEXT;
ALTER TABLE users ADD COLUMN deleted_at TEXT;
CREATE INDEX users_deletion_due ON users (deletion_due_at) WHERE deletion_due_at IS NOT NULL AND deleted_at IS NULL;

-- An audit entry about a deleted person (their registration names their
-- nickname) loses its details the way an erased version loses its text:
-- the details become '{}', their commitment (as in the log entry) is kept
-- on the row, and the salt leaves the log entry, so the tree and every
-- witness still verify and nobody can test a guess against what remains.
-- The database allows exactly this change, to an entry about a user, and
-- no other; and a log entry's salt may go only once its audit entry's
-- details are erased.
ALTER TABLE audit_log ADD COLUMN details_erased_at TEXT;
ALTER TABLE audit_log ADD COLUMN details_commitment TEXT;

CREATE FUNCTION emenda_audit_details_erased_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND OLD.target_kind = 'user' AND OLD.details_erased_at IS NULL AND NEW.details_erased_at IS NOT NULL
        AND NEW.details = '{}' AND NEW.details_commitment IS NOT NULL
        AND NEW.id = OLD.id AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.action = OLD.action
        AND NEW.target_kind = OLD.target_kind AND NEW.target_id = OLD.target_id
        AND NEW.space_id IS NOT DISTINCT FROM OLD.space_id AND NEW.visibility = OLD.visibility
        AND NEW.created_at = OLD.created_at AND NEW.seq IS NOT DISTINCT FROM OLD.seq
        AND NEW.previous_hash IS NOT DISTINCT FROM OLD.previous_hash
        AND NEW.entry_hash IS NOT DISTINCT FROM OLD.entry_hash THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END
$$;
DROP TRIGGER audit_log_immutable ON audit_log;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION emenda_audit_details_erased_only();

CREATE OR REPLACE FUNCTION emenda_log_entry_sequenced_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'log_entries rows are append-only';
    END IF;
    IF NEW.id <> OLD.id OR NEW.kind <> OLD.kind
        OR NEW.subject_id <> OLD.subject_id OR NEW.subject_number <> OLD.subject_number
        OR NEW.entry <> OLD.entry OR NEW.created_at <> OLD.created_at
        OR NOT (
            -- Sequenced once: the leaf index arrives, nothing else changes.
            (OLD.leaf_index IS NULL AND NEW.leaf_index IS NOT NULL AND NEW.salt IS NOT DISTINCT FROM OLD.salt)
            -- An audit entry's details erased: its salt goes, nothing else changes.
            OR (NEW.leaf_index IS NOT DISTINCT FROM OLD.leaf_index AND OLD.kind = 'audit'
                AND OLD.salt IS NOT NULL AND NEW.salt IS NULL
                AND EXISTS (SELECT 1 FROM audit_log a WHERE a.id = OLD.subject_id AND a.details_erased_at IS NOT NULL))
        ) THEN
        RAISE EXCEPTION 'a log entry only ever receives its leaf index, once, or loses an erased salt';
    END IF;
    RETURN NEW;
END
$$;
