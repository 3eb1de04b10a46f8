CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    seq BIGINT NOT NULL,
    entry_hash TEXT,
    legacy_entries BIGINT NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash, legacy_entries)
SELECT 1, COALESCE(MAX(seq), 0), (SELECT entry_hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)),
       COUNT(*) FILTER (WHERE seq IS NULL)
FROM audit_log;
DROP TABLE log_checkpoints;
DROP TABLE log_bundles;
DROP TABLE log_tiles;
DROP TABLE log_entries;
DROP FUNCTION emenda_log_data_only_grows();
DROP FUNCTION emenda_log_entry_sequenced_once();
