-- Mirrors the SQLite schema column for column (a test checks it): ids are
-- UUID text, instants RFC 3339 UTC text with six fractional digits.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    nickname TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    verified_at TEXT,
    blocked_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE spaces (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    proposals_open BOOLEAN NOT NULL,
    supports_open BOOLEAN NOT NULL,
    amendments_open BOOLEAN NOT NULL,
    comments_open BOOLEAN NOT NULL,
    support_limit_per_user INTEGER NOT NULL,
    support_threshold INTEGER NOT NULL,
    supports_beyond_threshold BOOLEAN NOT NULL,
    verification_required_to_propose BOOLEAN NOT NULL,
    verification_required_to_support BOOLEAN NOT NULL,
    supporters_public BOOLEAN NOT NULL,
    amendments_visibility TEXT NOT NULL CHECK (amendments_visibility IN ('all', 'participants')),
    max_reports_before_hiding INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE role_grants (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
    space_id TEXT REFERENCES spaces (id),
    granted_by TEXT REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX role_grants_unique ON role_grants (user_id, role, COALESCE(space_id, ''));

CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    succeeded BOOLEAN NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, created_at);

CREATE TABLE sequences (
    name TEXT PRIMARY KEY NOT NULL,
    value BIGINT NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('proposal_reference', 0);

CREATE TABLE proposals (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    sequence BIGINT NOT NULL UNIQUE,
    space_id TEXT NOT NULL REFERENCES spaces (id),
    creator_id TEXT NOT NULL REFERENCES users (id),
    state TEXT NOT NULL CHECK (state IN ('published', 'evaluating', 'accepted', 'rejected', 'withdrawn')),
    current_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    supports_count INTEGER NOT NULL DEFAULT 0,
    comments_count INTEGER NOT NULL DEFAULT 0,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX proposals_space ON proposals (space_id, id);
CREATE INDEX proposals_supports ON proposals (supports_count, id);
CREATE INDEX proposals_comments ON proposals (comments_count, id);

CREATE TABLE proposal_authors (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('creator', 'coauthor')),
    added_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX proposal_authors_user ON proposal_authors (user_id);

CREATE TABLE proposal_versions (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    editor_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('created', 'edited', 'amendment', 'staff_edit')),
    amendment_id TEXT,
    accepted_by TEXT REFERENCES users (id),
    summary TEXT,
    created_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    previous_hash TEXT,
    PRIMARY KEY (proposal_id, number)
);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT REFERENCES users (id),
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    space_id TEXT REFERENCES spaces (id),
    details TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'staff')),
    created_at TEXT NOT NULL
);
CREATE INDEX audit_log_visibility ON audit_log (visibility, id);
CREATE INDEX audit_log_space ON audit_log (space_id, id);

-- History and audit rows are immutable: the database itself refuses change.
CREATE FUNCTION emenda_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER proposal_versions_immutable BEFORE UPDATE OR DELETE ON proposal_versions
FOR EACH ROW EXECUTE FUNCTION emenda_refuse_change();
CREATE TRIGGER proposal_versions_no_truncate BEFORE TRUNCATE ON proposal_versions
FOR EACH STATEMENT EXECUTE FUNCTION emenda_refuse_change();
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION emenda_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION emenda_refuse_change();
