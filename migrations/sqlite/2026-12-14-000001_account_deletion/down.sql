DROP TRIGGER log_entries_sequenced_once;
CREATE TRIGGER log_entries_sequenced_once BEFORE UPDATE ON log_entries
WHEN OLD.leaf_index IS NOT NULL OR NEW.leaf_index IS NULL OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
    OR NEW.subject_id IS NOT OLD.subject_id OR NEW.subject_number IS NOT OLD.subject_number
    OR NEW.salt IS NOT OLD.salt OR NEW.entry IS NOT OLD.entry OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a log entry only ever receives its leaf index, once'); END;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log rows are immutable'); END;
ALTER TABLE audit_log DROP COLUMN details_commitment;
ALTER TABLE audit_log DROP COLUMN details_erased_at;

DROP INDEX users_deletion_due;
ALTER TABLE users DROP COLUMN deleted_at;
ALTER TABLE users DROP COLUMN deletion_due_at;
