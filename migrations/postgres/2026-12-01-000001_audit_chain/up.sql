-- The audit log becomes one hash chain. Each entry gets its place in the
-- chain (`seq`, 1..n without gaps), the previous entry's hash and its own
-- (see emenda_domain::audit_chain). `audit_head` records the last link;
-- every append takes the head first, so appends are serialised and two
-- entries can never link to the same predecessor.
--
-- Entries recorded before this migration are not rewritten (the rows are
-- immutable, and the SQLite schema, which this one mirrors, cannot compute
-- SHA-256 in SQL): they keep empty chain columns, and their count is
-- recorded in the head so that an unchained entry added later is detected
-- by verification.

ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN previous_hash TEXT;
ALTER TABLE audit_log ADD COLUMN entry_hash TEXT;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    seq BIGINT NOT NULL,
    entry_hash TEXT,
    legacy_entries BIGINT NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash, legacy_entries) SELECT 1, 0, NULL, COUNT(*) FROM audit_log;
