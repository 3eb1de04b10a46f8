-- The same guard as on SQLite, so both schemas refuse the same things: an
-- insert whose key (or, for the audit log, whose chain number) is already
-- taken is refused as a change to an immutable row, before any conflict
-- resolution runs. (PostgreSQL has no REPLACE, and INSERT ... ON CONFLICT
-- DO UPDATE also fires the UPDATE triggers; this makes the refusal the same
-- on both backends whatever the client sends.)
CREATE FUNCTION refuse_replacing_versions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal_versions WHERE proposal_id = NEW.proposal_id AND number = NEW.number) THEN
        RAISE EXCEPTION 'proposal_versions rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER proposal_versions_no_replace BEFORE INSERT ON proposal_versions
FOR EACH ROW EXECUTE FUNCTION refuse_replacing_versions();

CREATE FUNCTION refuse_replacing_audit_entries() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR seq = NEW.seq) THEN
        RAISE EXCEPTION 'audit_log rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION refuse_replacing_audit_entries();

CREATE FUNCTION refuse_replacing_answers() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal_answers WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'proposal_answers rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER proposal_answers_no_replace BEFORE INSERT ON proposal_answers
FOR EACH ROW EXECUTE FUNCTION refuse_replacing_answers();
