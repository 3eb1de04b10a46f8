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

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.target_kind = 'user' AND OLD.details_erased_at IS NULL AND NEW.details_erased_at IS NOT NULL
    AND NEW.details = '{}' AND NEW.details_commitment IS NOT NULL
    AND NEW.id IS OLD.id AND NEW.actor_id IS OLD.actor_id AND NEW.action IS OLD.action
    AND NEW.target_kind IS OLD.target_kind AND NEW.target_id IS OLD.target_id
    AND NEW.space_id IS OLD.space_id AND NEW.visibility IS OLD.visibility
    AND NEW.created_at IS OLD.created_at AND NEW.seq IS OLD.seq
    AND NEW.previous_hash IS OLD.previous_hash AND NEW.entry_hash IS OLD.entry_hash
)
BEGIN SELECT RAISE(ABORT, 'audit_log rows are immutable'); END;

DROP TRIGGER log_entries_sequenced_once;
CREATE TRIGGER log_entries_sequenced_once BEFORE UPDATE ON log_entries
WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
    OR NEW.subject_id IS NOT OLD.subject_id OR NEW.subject_number IS NOT OLD.subject_number
    OR NEW.entry IS NOT OLD.entry OR NEW.created_at IS NOT OLD.created_at
    OR NOT (
        -- Sequenced once: the leaf index arrives, nothing else changes.
        (OLD.leaf_index IS NULL AND NEW.leaf_index IS NOT NULL AND NEW.salt IS OLD.salt)
        -- An audit entry's details erased: its salt goes, nothing else changes.
        OR (NEW.leaf_index IS OLD.leaf_index AND OLD.kind = 'audit' AND OLD.salt IS NOT NULL AND NEW.salt IS NULL
            AND EXISTS (SELECT 1 FROM audit_log a WHERE a.id = OLD.subject_id AND a.details_erased_at IS NOT NULL))
    )
BEGIN SELECT RAISE(ABORT, 'a log entry only ever receives its leaf index, once, or loses an erased salt'); END;
