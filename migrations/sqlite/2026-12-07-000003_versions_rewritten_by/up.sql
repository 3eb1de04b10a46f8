-- Who rewrote an amendment's text on accepting it: the staff member
-- whose final text replaced the amendment merged as it was. Hashed from
-- encoding 3 of the version hash on; absent on every earlier version.
ALTER TABLE proposal_versions ADD COLUMN rewritten_by TEXT REFERENCES users (id);
