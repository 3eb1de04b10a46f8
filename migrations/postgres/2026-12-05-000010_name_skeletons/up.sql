-- The confusable skeleton (UTS #39, case-folded, without whitespace and
-- invisible characters) of each user's display name and nickname: a
-- participant may not take a name that looks like a staff member's or an
-- admin's, and the comparison must be an index lookup. Rows that exist
-- before this migration are filled from Rust right after it (SQLite cannot
-- compute a skeleton in SQL), so the columns stay nullable.
ALTER TABLE users ADD COLUMN name_skeleton TEXT;
ALTER TABLE users ADD COLUMN nickname_skeleton TEXT;
CREATE INDEX users_name_skeleton ON users (name_skeleton);
CREATE INDEX users_nickname_skeleton ON users (nickname_skeleton);
