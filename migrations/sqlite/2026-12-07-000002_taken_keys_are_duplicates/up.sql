-- Nothing to change on SQLite: writers hold the database's write lock
-- from their first statement, so a key is never taken between a writer's
-- read and its insert, and the guards' refusal cannot race the key's.
-- (PostgreSQL's guards now raise SQLSTATE 23505; this keeps the two
-- migration histories in step.)
SELECT 1;
