CREATE OR REPLACE FUNCTION emenda_log_entry_sequenced_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'log_entries rows are append-only';
    END IF;
    IF OLD.leaf_index IS NOT NULL OR NEW.leaf_index IS NULL OR NEW.id <> OLD.id OR NEW.kind <> OLD.kind
        OR NEW.subject_id <> OLD.subject_id OR NEW.subject_number <> OLD.subject_number
        OR NEW.salt IS DISTINCT FROM OLD.salt OR NEW.entry <> OLD.entry OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'a log entry only ever receives its leaf index, once';
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER audit_log_immutable ON audit_log;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION emenda_refuse_change();
DROP FUNCTION emenda_audit_details_erased_only();
ALTER TABLE audit_log DROP COLUMN details_commitment;
ALTER TABLE audit_log DROP COLUMN details_erased_at;

DROP INDEX users_deletion_due;
ALTER TABLE users DROP COLUMN deleted_at;
ALTER TABLE users DROP COLUMN deletion_due_at;
