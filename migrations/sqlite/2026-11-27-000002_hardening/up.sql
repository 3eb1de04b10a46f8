-- An amendment rejected because its proposal was withdrawn or answered was
-- never judged on its merits: it may not be promoted into a proposal.
ALTER TABLE amendments ADD COLUMN closed_by_proposal BOOLEAN NOT NULL DEFAULT FALSE;

-- Which canonical encoding a version's hash was computed with (see
-- docs/domain.md, "The version hash"), so verification never guesses.
ALTER TABLE proposal_versions ADD COLUMN hash_encoding INTEGER NOT NULL DEFAULT 2;
