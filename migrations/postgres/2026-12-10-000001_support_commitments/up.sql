-- Supports enter the transparency log (docs/transparency-log.md): every
-- support given, re-confirmed or withdrawn is an entry naming its giver
-- only by a pseudonym per space, the commitment of their id under a salt
-- kept with their tally there. A support row names, as `log_event`, the
-- subject id of the entry that logged it being given; one without (given
-- before this migration) is logged at the next start.
ALTER TABLE log_entries DROP CONSTRAINT log_entries_kind_check;
ALTER TABLE log_entries ADD CONSTRAINT log_entries_kind_check CHECK (kind IN ('audit', 'version', 'support'));
ALTER TABLE support_tallies ADD COLUMN salt TEXT;
ALTER TABLE supports ADD COLUMN log_event TEXT;
