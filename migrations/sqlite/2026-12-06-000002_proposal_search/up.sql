-- Full-text search: each proposal's current title and text as search
-- terms (stemmed and normalised in Rust, the same for both backends),
-- kept by the one write path of a proposal's versions. The terms table is
-- the same on both backends; the index over it is each backend's own:
-- here an FTS5 table reading the terms table (external content), kept in
-- step by triggers.
CREATE TABLE proposal_search (
    id INTEGER PRIMARY KEY,
    proposal_id TEXT NOT NULL UNIQUE REFERENCES proposals (id),
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE VIRTUAL TABLE proposal_search_fts USING fts5(
    title, body, content = 'proposal_search', content_rowid = 'id', detail = 'column'
);
CREATE TRIGGER proposal_search_fts_insert AFTER INSERT ON proposal_search BEGIN
    INSERT INTO proposal_search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER proposal_search_fts_delete AFTER DELETE ON proposal_search BEGIN
    INSERT INTO proposal_search_fts (proposal_search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER proposal_search_fts_update AFTER UPDATE ON proposal_search BEGIN
    INSERT INTO proposal_search_fts (proposal_search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO proposal_search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
