-- "Scarica i miei dati" (docs/domain.md, Data rights): a person asks for
-- a copy of everything about them; a background worker builds it as a
-- ZIP, kept here until it expires, and offered by a link whose token is
-- stored hashed. An erased account's exports go with it.
CREATE TABLE data_exports (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'expired')),
    requested_at TEXT NOT NULL,
    ready_at TEXT,
    expires_at TEXT,
    archive BYTEA,
    size BIGINT
);
CREATE INDEX data_exports_pending ON data_exports (requested_at) WHERE state = 'pending';
CREATE INDEX data_exports_user ON data_exports (user_id, requested_at);
