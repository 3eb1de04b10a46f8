-- A space's topics: its categories (what a proposal is about) and its
-- areas (where it applies), each a short list staff keep in order. A
-- proposal is filed under at most one of each, by slug; a topic leaves
-- its list only when no proposal is filed under it (checked by the
-- service under the space's lock).
CREATE TABLE space_topics (
    space_id TEXT NOT NULL REFERENCES spaces (id),
    kind TEXT NOT NULL CHECK (kind IN ('category', 'area')),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (space_id, kind, slug)
);
ALTER TABLE proposals ADD COLUMN category TEXT;
ALTER TABLE proposals ADD COLUMN area TEXT;
-- A space's proposals in one category or area, newest first.
CREATE INDEX proposals_by_category ON proposals (space_id, category, id);
CREATE INDEX proposals_by_area ON proposals (space_id, area, id);
-- The proposal page names the topics it is filed under, still in one
-- statement: the page's view gains their names.
DROP VIEW proposal_pages;
CREATE VIEW proposal_pages AS
SELECT
    p.id AS proposal_id,
    (SELECT json_group_array(json_array(pa.user_id, u.nickname, u.display_name, pa.kind, pa.added_at))
     FROM proposal_authors pa JOIN users u ON u.id = pa.user_id WHERE pa.proposal_id = p.id) AS authors,
    (SELECT json_array(an.id, an.state, an.answer, an.staff_id, u.display_name, an.created_at)
     FROM proposal_answers an JOIN users u ON u.id = an.staff_id
     WHERE an.proposal_id = p.id ORDER BY an.id DESC LIMIT 1) AS answer,
    (SELECT COUNT(*) FROM amendments a WHERE a.proposal_id = p.id AND NOT a.hidden AND a.state = 'evaluating') AS evaluating,
    (SELECT COUNT(*) FROM amendments a WHERE a.proposal_id = p.id AND NOT a.hidden AND a.state = 'accepted') AS accepted,
    (SELECT COUNT(*) FROM amendments a WHERE a.proposal_id = p.id AND NOT a.hidden AND a.state = 'rejected') AS rejected,
    (SELECT COUNT(*) FROM amendments a WHERE a.proposal_id = p.id AND NOT a.hidden AND a.state = 'withdrawn') AS withdrawn,
    (SELECT t.name FROM space_topics t
     WHERE t.space_id = p.space_id AND t.kind = 'category' AND t.slug = p.category) AS category_name,
    (SELECT t.name FROM space_topics t
     WHERE t.space_id = p.space_id AND t.kind = 'area' AND t.slug = p.area) AS area_name
FROM proposals p;
