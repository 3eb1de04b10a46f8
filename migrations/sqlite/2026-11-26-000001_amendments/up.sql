-- Amendments, official answers, and proposals born from a rejected amendment.

ALTER TABLE proposals ADD COLUMN derived_from TEXT REFERENCES proposals (id);

CREATE TABLE amendments (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    base_version INTEGER NOT NULL CHECK (base_version >= 1),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    rationale TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('evaluating', 'accepted', 'rejected', 'withdrawn')),
    decided_by TEXT REFERENCES users (id),
    decided_at TEXT,
    decision_reason TEXT,
    resulting_version INTEGER,
    promoted_proposal_id TEXT REFERENCES proposals (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX amendments_proposal ON amendments (proposal_id, id);
CREATE INDEX amendments_state ON amendments (state, id);
-- One open amendment per participant per proposal.
CREATE UNIQUE INDEX amendments_one_open ON amendments (proposal_id, author_id) WHERE state = 'evaluating';

CREATE TABLE proposal_answers (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    state TEXT NOT NULL CHECK (state IN ('evaluating', 'accepted', 'rejected')),
    answer TEXT NOT NULL,
    staff_id TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX proposal_answers_proposal ON proposal_answers (proposal_id, id);

-- Answers are append-only: the latest is shown, earlier ones stay readable.
CREATE TRIGGER proposal_answers_no_update BEFORE UPDATE ON proposal_answers
BEGIN SELECT RAISE(ABORT, 'proposal_answers rows are immutable'); END;
CREATE TRIGGER proposal_answers_no_delete BEFORE DELETE ON proposal_answers
BEGIN SELECT RAISE(ABORT, 'proposal_answers rows are immutable'); END;
