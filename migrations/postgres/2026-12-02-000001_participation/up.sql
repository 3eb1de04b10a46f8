-- Supports, threaded comments, reports and content moderation. The column
-- meanings below are the contract every service keeps (docs/domain.md).

-- A participant's supports in a space count only once they have given this
-- many there (0 = count at once).
ALTER TABLE spaces ADD COLUMN minimum_supports_per_user INTEGER NOT NULL DEFAULT 0;

-- supports_count: the supports that count (their giver reached the space's
-- minimum). supports_given: every support row, counted or pending; the
-- threshold without supports_beyond_threshold caps this one.
ALTER TABLE proposals ADD COLUMN supports_given INTEGER NOT NULL DEFAULT 0;
-- When the proposal first reached the space's support threshold.
ALTER TABLE proposals ADD COLUMN qualified_at TEXT;
-- Hidden because its author was blocked with their content; unblocking
-- unhides exactly the items carrying this mark.
ALTER TABLE proposals ADD COLUMN hidden_by_block BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE amendments ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE amendments ADD COLUMN hidden_by_block BOOLEAN NOT NULL DEFAULT FALSE;
-- Comments on the amendment that are neither deleted nor hidden.
ALTER TABLE amendments ADD COLUMN comments_count INTEGER NOT NULL DEFAULT 0;

-- How many supports a participant has given in a space. The row is the lock
-- under which the per-user limit and the minimum are decided.
CREATE TABLE support_tallies (
    user_id TEXT NOT NULL REFERENCES users (id),
    space_id TEXT NOT NULL REFERENCES spaces (id),
    supports INTEGER NOT NULL CHECK (supports >= 0),
    PRIMARY KEY (user_id, space_id)
);

-- One support per participant per proposal, pinned to the version it was
-- given (or last re-confirmed) on.
CREATE TABLE supports (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    space_id TEXT NOT NULL REFERENCES spaces (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX supports_user_space ON supports (user_id, space_id, proposal_id);
CREATE INDEX supports_proposal_time ON supports (proposal_id, created_at, user_id);

-- Comments on a proposal (amendment_id NULL) or on one of its amendments.
-- thread_key is the proposal or amendment id for a root and the parent's id
-- for a reply, so one set of indexes serves both root and reply pages.
-- path is the materialized path: the ancestors' ids and the comment's own,
-- joined by '/'. Depth 0 is a root; replies go down to depth 3.
CREATE TABLE comments (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    amendment_id TEXT REFERENCES amendments (id),
    space_id TEXT NOT NULL REFERENCES spaces (id),
    thread_key TEXT NOT NULL,
    parent_id TEXT REFERENCES comments (id),
    path TEXT NOT NULL,
    depth INTEGER NOT NULL CHECK (depth >= 0 AND depth <= 3),
    author_id TEXT NOT NULL REFERENCES users (id),
    alignment TEXT NOT NULL CHECK (alignment IN ('in_favor', 'neutral', 'against')),
    body TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    up_votes INTEGER NOT NULL DEFAULT 0 CHECK (up_votes >= 0),
    down_votes INTEGER NOT NULL DEFAULT 0 CHECK (down_votes >= 0),
    score INTEGER NOT NULL DEFAULT 0,
    -- Descendants that are neither deleted nor hidden.
    replies_count INTEGER NOT NULL DEFAULT 0 CHECK (replies_count >= 0),
    edited_at TEXT,
    deleted_at TEXT,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    hidden_by_block BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX comments_oldest ON comments (thread_key, id);
CREATE INDEX comments_best ON comments (thread_key, score, id);
CREATE INDEX comments_discussed ON comments (thread_key, replies_count, id);
CREATE INDEX comments_author ON comments (author_id, id);
CREATE INDEX comments_proposal ON comments (proposal_id, id);

-- Every revision of a comment, the first included; append-only.
CREATE TABLE comment_revisions (
    comment_id TEXT NOT NULL REFERENCES comments (id),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    body TEXT NOT NULL,
    alignment TEXT NOT NULL CHECK (alignment IN ('in_favor', 'neutral', 'against')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, revision)
);

-- One vote per user per comment; the comment's counters follow these rows.
CREATE TABLE comment_votes (
    comment_id TEXT NOT NULL REFERENCES comments (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

-- One row per reported item: the unit of the staff queue, and the lock
-- under which the report that reaches the space's limit hides the item.
CREATE TABLE moderations (
    id TEXT PRIMARY KEY NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'amendment', 'comment')),
    target_id TEXT NOT NULL,
    space_id TEXT NOT NULL REFERENCES spaces (id),
    -- Reports not yet worked by staff.
    open_reports INTEGER NOT NULL DEFAULT 0 CHECK (open_reports >= 0),
    last_reported_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX moderations_target ON moderations (target_kind, target_id);
CREATE INDEX moderations_queue ON moderations (space_id, open_reports, id);

-- A participant reports an item once.
CREATE TABLE reports (
    id TEXT PRIMARY KEY NOT NULL,
    moderation_id TEXT NOT NULL REFERENCES moderations (id),
    reporter_id TEXT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'does_not_belong', 'other')),
    details TEXT NOT NULL,
    -- open, or how staff closed it.
    state TEXT NOT NULL CHECK (state IN ('open', 'upheld', 'dismissed')),
    resolved_by TEXT REFERENCES users (id),
    resolved_at TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX reports_once ON reports (moderation_id, reporter_id);
CREATE INDEX reports_open ON reports (moderation_id, state, id);

CREATE TRIGGER comment_revisions_immutable BEFORE UPDATE OR DELETE ON comment_revisions
FOR EACH ROW EXECUTE FUNCTION emenda_refuse_change();
CREATE TRIGGER comment_revisions_no_truncate BEFORE TRUNCATE ON comment_revisions
FOR EACH STATEMENT EXECUTE FUNCTION emenda_refuse_change();
CREATE FUNCTION refuse_replacing_comment_revisions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM comment_revisions WHERE comment_id = NEW.comment_id AND revision = NEW.revision) THEN
        RAISE EXCEPTION 'comment_revisions rows are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER comment_revisions_no_replace BEFORE INSERT ON comment_revisions
FOR EACH ROW EXECUTE FUNCTION refuse_replacing_comment_revisions();
