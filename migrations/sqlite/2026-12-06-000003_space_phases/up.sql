-- A process's phases (e.g. proposals, evaluation, vote, results), in
-- order, with their dates: the space page shows where the process stands.
-- Admins replace the whole list when they change it.
CREATE TABLE space_phases (
    space_id TEXT NOT NULL REFERENCES spaces (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    PRIMARY KEY (space_id, position)
);
