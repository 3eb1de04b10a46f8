ALTER TABLE users DROP COLUMN sessions_closed_at;
ALTER TABLE users DROP COLUMN language;
ALTER TABLE users DROP COLUMN email_confirmed_at;
DROP TABLE email_tokens;
DROP TABLE mail_outbox;
