-- E-mail that always arrives. A message is written to the outbox in the
-- same transaction as the event that causes it, so an event without its
-- message (or a message without its event) cannot be committed; a sender
-- delivers it after the commit, retrying with backoff, and gives up on it
-- (state `dead`, for an admin to see) only after its last attempt or a
-- permanent refusal. Its Message-ID is fixed here, so a re-send after a
-- crash is the same message, which mail clients show once.
CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    user_id TEXT REFERENCES users (id),
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    last_error TEXT,
    sent_at TEXT
);
-- What the sender takes next: due messages, oldest first.
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
-- A person's messages (their data export, their erasure).
CREATE INDEX mail_outbox_user ON mail_outbox (user_id);

-- Single-use links sent by e-mail: confirming an address, resetting a
-- password. Only the SHA-256 of the token is kept; the token is bound to
-- its account, its purpose and the address it was sent to.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    purpose TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);

-- When the person proved they read mail at their address (accounts made
-- by an operator count as confirmed), and the language they read it in.
ALTER TABLE users ADD COLUMN email_confirmed_at TEXT;
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'it';
-- Accounts from before confirmation existed were let in without one:
-- they keep writing once the site starts sending e-mail.
UPDATE users SET email_confirmed_at = created_at;
-- When every session of the account was last closed (a new or reset
-- password): access tokens issued before it are refused.
ALTER TABLE users ADD COLUMN sessions_closed_at TEXT;
