DROP TRIGGER proposal_search_fts_update;
DROP TRIGGER proposal_search_fts_delete;
DROP TRIGGER proposal_search_fts_insert;
DROP TABLE proposal_search_fts;
DROP TABLE proposal_search;
