-- People follow a proposal to hear when it changes or is decided. A
-- follow is a private preference of its person: no audit entry, no log
-- entry, never shown to others. One row per person and proposal, so a
-- follow is idempotent and a count is the rows' count.
CREATE TABLE proposal_follows (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
-- What a person follows, newest first (their page, their data export).
CREATE INDEX proposal_follows_user ON proposal_follows (user_id, created_at);
