DROP TABLE proposal_search;
