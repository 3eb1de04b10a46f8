DROP INDEX users_nickname_skeleton;
DROP INDEX users_name_skeleton;
ALTER TABLE users DROP COLUMN nickname_skeleton;
ALTER TABLE users DROP COLUMN name_skeleton;
