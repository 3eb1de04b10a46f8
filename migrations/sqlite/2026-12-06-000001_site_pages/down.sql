ALTER TABLE users DROP COLUMN privacy_accepted_at;
ALTER TABLE users DROP COLUMN privacy_version;
DROP TABLE site_pages;
