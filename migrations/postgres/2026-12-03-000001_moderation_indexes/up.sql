-- Indexes for the reads moderation added, so none of them walks a whole
-- table: the hidden items (public audit log filter, the staff queue's
-- "hidden" view), the open queue entries, and one author's content (block
-- with content). The partial indexes' predicates are written the way the
-- queries write them, so both databases match them.
CREATE INDEX proposals_hidden ON proposals (id) WHERE hidden;
CREATE INDEX amendments_hidden ON amendments (id) WHERE hidden;
CREATE INDEX comments_hidden ON comments (id) WHERE hidden;
CREATE INDEX moderations_open ON moderations (id) WHERE open_reports > 0;
CREATE INDEX moderations_open_space ON moderations (space_id, id) WHERE open_reports > 0;
CREATE INDEX proposals_creator ON proposals (creator_id, id);
CREATE INDEX amendments_author ON amendments (author_id, id);
CREATE INDEX comments_amendment ON comments (amendment_id, id);
