INSERT INTO proposal_search_fts (proposal_search_fts, rank) VALUES ('automerge', 4);
INSERT INTO proposal_search_fts (proposal_search_fts, rank) VALUES ('crisismerge', 16);
