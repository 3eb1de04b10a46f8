-- Sign-in attempts are throttled per account and client address, and a
-- successful sign-in makes its address known for the account: a stranger
-- elsewhere can then no longer lock the owner out. Attempts recorded
-- before this have no address (''), which counts as an unknown one.
ALTER TABLE login_attempts ADD COLUMN address TEXT NOT NULL DEFAULT '';
