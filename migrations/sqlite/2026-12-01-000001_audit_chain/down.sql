DROP TABLE audit_head;
DROP INDEX audit_log_seq;
ALTER TABLE audit_log DROP COLUMN entry_hash;
ALTER TABLE audit_log DROP COLUMN previous_hash;
ALTER TABLE audit_log DROP COLUMN seq;
