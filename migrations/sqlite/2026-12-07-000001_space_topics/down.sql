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
    (SELECT COUNT(*) FROM amendments a WHERE a.proposal_id = p.id AND NOT a.hidden AND a.state = 'withdrawn') AS withdrawn
FROM proposals p;
DROP INDEX proposals_by_area;
DROP INDEX proposals_by_category;
ALTER TABLE proposals DROP COLUMN area;
ALTER TABLE proposals DROP COLUMN category;
DROP TABLE space_topics;
