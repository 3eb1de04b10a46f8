-- The full-text index no longer merges its segments inside the writes that
-- add to it. FTS5 merges a level's segments once a write leaves enough of
-- them (16 by default, "crisismerge"), and each merge, however small its
-- inputs, read the whole of the index's largest segment: at 10,000
-- proposals 772 pages, 12,377 page reads with a 2 MiB cache, every 16th
-- version written (docs/performance.md). Writes now never merge (automerge
-- 0; crisismerge at 1,000 segments as a last resort), and the server
-- merges in the background, about once a second (store::search::merge).
INSERT INTO proposal_search_fts (proposal_search_fts, rank) VALUES ('automerge', 0);
INSERT INTO proposal_search_fts (proposal_search_fts, rank) VALUES ('crisismerge', 1000);
