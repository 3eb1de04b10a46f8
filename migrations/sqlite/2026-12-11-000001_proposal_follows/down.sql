DROP TABLE proposal_follows;
