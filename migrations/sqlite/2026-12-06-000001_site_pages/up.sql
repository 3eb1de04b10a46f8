-- The administration's own pages (legal notes, privacy notice,
-- accessibility statement): Markdown, versioned, append-only like every
-- public record, so the text a citizen consented to stays readable.
CREATE TABLE site_pages (
    slug TEXT NOT NULL CHECK (slug IN ('note-legali', 'privacy', 'accessibilita')),
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id TEXT REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (slug, version)
);
CREATE TRIGGER site_pages_no_update BEFORE UPDATE ON site_pages
BEGIN SELECT RAISE(ABORT, 'site_pages rows are immutable'); END;
CREATE TRIGGER site_pages_no_delete BEFORE DELETE ON site_pages
BEGIN SELECT RAISE(ABORT, 'site_pages rows are immutable'); END;
CREATE TRIGGER site_pages_no_replace BEFORE INSERT ON site_pages
WHEN EXISTS (SELECT 1 FROM site_pages WHERE slug = NEW.slug AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'site_pages rows are immutable'); END;

-- The privacy notice each person accepted at sign-up (its version), and
-- when. Accounts made before, or by an operator, have none.
ALTER TABLE users ADD COLUMN privacy_version INTEGER;
ALTER TABLE users ADD COLUMN privacy_accepted_at TEXT;
