DROP INDEX comments_amendment;
DROP INDEX amendments_author;
DROP INDEX proposals_creator;
DROP INDEX moderations_open_space;
DROP INDEX moderations_open;
DROP INDEX comments_hidden;
DROP INDEX amendments_hidden;
DROP INDEX proposals_hidden;
