-- Nothing to change on PostgreSQL: its GIN indexes keep new entries in a
-- pending list that VACUUM (or the list's size limit) folds in, outside
-- the writes. (SQLite's FTS5 index now merges in the background; this
-- keeps the two migration histories in step.)
SELECT 1;
