-- Each spent refresh token names the token it was exchanged for, so a
-- lost answer retried at once can be told from a copied token: the
-- retry is forgiven only while that successor was never used.
ALTER TABLE refresh_tokens ADD COLUMN successor_id TEXT;
