-- An amendment rejected because its proposal was withdrawn or answered was
-- never judged on its merits: it may not be promoted into a proposal.
ALTER TABLE amendments ADD COLUMN closed_by_proposal BOOLEAN NOT NULL DEFAULT FALSE;
