-- Notifications. An act that others should hear of (a new version, a
-- decision, an answer, a reply, a hide, a threshold reached) writes one
-- event row in its own transaction: cheap, whatever the number of
-- followers. A fan-out worker turns each event into one notification per
-- recipient after the commit, in batches, remembering how far it got
-- (`cursor`), so a crash resumes where it stopped; a notification is
-- unique per event and person, so a batch done twice writes nothing new.
CREATE TABLE notification_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    actor_id TEXT,
    proposal_id TEXT,
    subject_id TEXT,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    cursor TEXT,
    lease_until TEXT,
    fanned_out_at TEXT
);
CREATE INDEX notification_events_pending ON notification_events (fanned_out_at, id);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES notification_events (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    proposal_id TEXT,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    -- Waiting for its person's daily digest (a kind they get daily).
    digest_pending BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (event_id, user_id)
);
-- The digests due: only the waiting rows are read.
CREATE INDEX notifications_digest ON notifications (digest_pending, user_id);
-- A person's notifications, newest first, and their unread count.
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, read_at);

-- How a person hears of each kind by e-mail: `immediate`, `daily` or
-- `never` (absent: the kind's default). In-app notifications always come.
CREATE TABLE notification_settings (
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- When each person's last daily digest was sent: the next waits a day.
CREATE TABLE notification_digests (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    sent_until TEXT NOT NULL
);

-- A letter's one-click unsubscribe address (RFC 8058), for its headers.
ALTER TABLE mail_outbox ADD COLUMN unsubscribe_url TEXT;
