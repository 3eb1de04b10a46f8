-- REPLACE INTO (and INSERT OR REPLACE) rewrites a row by deleting the one
-- in the way without firing its DELETE trigger, which would get round the
-- immutability of these tables. An insert whose key (or, for the audit log,
-- whose chain number) is already taken is refused before any conflict
-- resolution runs. The check lives in the database, not in a connection
-- setting, so it holds for every client. PostgreSQL has no REPLACE, and its
-- INSERT ... ON CONFLICT DO UPDATE fires the UPDATE triggers already.
CREATE TRIGGER proposal_versions_no_replace BEFORE INSERT ON proposal_versions
WHEN EXISTS (SELECT 1 FROM proposal_versions WHERE proposal_id = NEW.proposal_id AND number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'proposal_versions rows are immutable'); END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'audit_log rows are immutable'); END;
CREATE TRIGGER proposal_answers_no_replace BEFORE INSERT ON proposal_answers
WHEN EXISTS (SELECT 1 FROM proposal_answers WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'proposal_answers rows are immutable'); END;
