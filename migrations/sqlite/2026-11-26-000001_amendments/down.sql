DROP TABLE proposal_answers;
DROP TABLE amendments;
ALTER TABLE proposals DROP COLUMN derived_from;
