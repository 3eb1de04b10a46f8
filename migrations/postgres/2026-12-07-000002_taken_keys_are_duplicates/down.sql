CREATE OR REPLACE FUNCTION refuse_replacing_versions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal_versions WHERE proposal_id = NEW.proposal_id AND number = NEW.number) THEN
        RAISE EXCEPTION 'proposal_versions rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_audit_entries() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR seq = NEW.seq) THEN
        RAISE EXCEPTION 'audit_log rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_answers() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal_answers WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'proposal_answers rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_comment_revisions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM comment_revisions WHERE comment_id = NEW.comment_id AND revision = NEW.revision) THEN
        RAISE EXCEPTION 'comment_revisions rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_site_pages() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM site_pages WHERE slug = NEW.slug AND version = NEW.version) THEN
        RAISE EXCEPTION 'site_pages rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
