-- An insert whose key is already taken is refused by the guards against
-- replacing immutable rows (2026-12-01-000002) before the primary key sees
-- it, but only when the row holding the key was committed before the
-- insert began; when both writers are in flight, the key refuses it as a
-- unique violation instead. The two outcomes mean the same thing (the key
-- is taken: someone wrote first), so the guards now say it with the same
-- SQLSTATE, 23505, and callers that map a taken key (two admins publishing
-- the same page version at once: 409 stale_version) see one error, not a
-- 500 for whichever of the two raced. The messages stay as they were.

CREATE OR REPLACE FUNCTION refuse_replacing_versions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal_versions WHERE proposal_id = NEW.proposal_id AND number = NEW.number) THEN
        RAISE EXCEPTION 'proposal_versions rows are immutable' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_audit_entries() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR seq = NEW.seq) THEN
        RAISE EXCEPTION 'audit_log rows are immutable' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_answers() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal_answers WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'proposal_answers rows are immutable' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_comment_revisions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM comment_revisions WHERE comment_id = NEW.comment_id AND revision = NEW.revision) THEN
        RAISE EXCEPTION 'comment_revisions rows are immutable' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refuse_replacing_site_pages() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM site_pages WHERE slug = NEW.slug AND version = NEW.version) THEN
        RAISE EXCEPTION 'site_pages rows are immutable' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
