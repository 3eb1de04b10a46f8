DROP VIEW proposal_pages;
