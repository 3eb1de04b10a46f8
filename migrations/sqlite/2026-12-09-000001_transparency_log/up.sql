-- The public record becomes a transparency log (docs/transparency-log.md):
-- every public record is one entry of an append-only Merkle tree, signed
-- in batches. A write only inserts its entry; the integrator gives entries
-- their leaf index, stores the tiles and signs a checkpoint. The audit
-- log's per-entry hash chain and its one-row head go: the tree covers the
-- audit log (its entries are migrated as the first leaves by the server,
-- which can hash them; SQLite cannot in SQL).

CREATE TABLE log_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    leaf_index BIGINT UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('audit', 'version')),
    subject_id TEXT NOT NULL,
    subject_number INTEGER NOT NULL DEFAULT 0,
    salt TEXT,
    entry BLOB NOT NULL CHECK (entry IS NOT NULL AND length(entry) <= 65535),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX log_entries_subject ON log_entries (kind, subject_id, subject_number);
CREATE INDEX log_entries_pending ON log_entries (id) WHERE leaf_index IS NULL;

-- Hash tiles (level, index) and entry bundles (index) as served; a partial
-- one grows in place until full, and only ever by appending.
CREATE TABLE log_tiles (
    level INTEGER NOT NULL,
    idx BIGINT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (level, idx)
);
CREATE TABLE log_bundles (
    idx BIGINT PRIMARY KEY NOT NULL,
    data BLOB NOT NULL
);
-- Every checkpoint signed, by tree size.
CREATE TABLE log_checkpoints (
    size BIGINT PRIMARY KEY NOT NULL,
    root_hash TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
BEGIN SELECT RAISE(ABORT, 'log_entries rows are append-only'); END;
CREATE TRIGGER log_entries_sequenced_once BEFORE UPDATE ON log_entries
WHEN OLD.leaf_index IS NOT NULL OR NEW.leaf_index IS NULL OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
    OR NEW.subject_id IS NOT OLD.subject_id OR NEW.subject_number IS NOT OLD.subject_number
    OR NEW.salt IS NOT OLD.salt OR NEW.entry IS NOT OLD.entry OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a log entry only ever receives its leaf index, once'); END;
CREATE TRIGGER log_tiles_only_grow BEFORE UPDATE ON log_tiles
WHEN substr(NEW.data, 1, length(OLD.data)) IS NOT OLD.data
BEGIN SELECT RAISE(ABORT, 'log_tiles rows only grow'); END;
CREATE TRIGGER log_tiles_no_delete BEFORE DELETE ON log_tiles
BEGIN SELECT RAISE(ABORT, 'log_tiles rows only grow'); END;
CREATE TRIGGER log_bundles_only_grow BEFORE UPDATE ON log_bundles
WHEN substr(NEW.data, 1, length(OLD.data)) IS NOT OLD.data
BEGIN SELECT RAISE(ABORT, 'log_bundles rows only grow'); END;
CREATE TRIGGER log_bundles_no_delete BEFORE DELETE ON log_bundles
BEGIN SELECT RAISE(ABORT, 'log_bundles rows only grow'); END;
CREATE TRIGGER log_checkpoints_no_update BEFORE UPDATE ON log_checkpoints
BEGIN SELECT RAISE(ABORT, 'log_checkpoints rows are immutable'); END;
CREATE TRIGGER log_checkpoints_no_delete BEFORE DELETE ON log_checkpoints
BEGIN SELECT RAISE(ABORT, 'log_checkpoints rows are immutable'); END;

-- REPLACE INTO deletes the row in its way without firing DELETE triggers:
-- an insert over an existing key is refused first (as for the audit log).
CREATE TRIGGER log_entries_no_replace BEFORE INSERT ON log_entries
WHEN EXISTS (SELECT 1 FROM log_entries WHERE id = NEW.id OR leaf_index = NEW.leaf_index
    OR (kind = NEW.kind AND subject_id = NEW.subject_id AND subject_number = NEW.subject_number))
BEGIN SELECT RAISE(ABORT, 'log_entries rows are append-only'); END;
CREATE TRIGGER log_tiles_no_replace BEFORE INSERT ON log_tiles
WHEN EXISTS (SELECT 1 FROM log_tiles WHERE level = NEW.level AND idx = NEW.idx)
BEGIN SELECT RAISE(ABORT, 'log_tiles rows only grow'); END;
CREATE TRIGGER log_bundles_no_replace BEFORE INSERT ON log_bundles
WHEN EXISTS (SELECT 1 FROM log_bundles WHERE idx = NEW.idx)
BEGIN SELECT RAISE(ABORT, 'log_bundles rows only grow'); END;
CREATE TRIGGER log_checkpoints_no_replace BEFORE INSERT ON log_checkpoints
WHEN EXISTS (SELECT 1 FROM log_checkpoints WHERE size = NEW.size)
BEGIN SELECT RAISE(ABORT, 'log_checkpoints rows are immutable'); END;

DROP TABLE audit_head;
