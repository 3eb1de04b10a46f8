//! The tamper-evident audit log: entries form one hash chain in sequence
//! order. Each entry's hash covers every stored field of the entry and the
//! previous entry's hash, so changing, removing or reordering any entry
//! breaks the chain from that point on, and the first broken link can be
//! named. Fields are hashed as the exact stored text, not as parsed values,
//! so that even a change that would parse to the same value is caught.

use crate::codes::FieldCode;
use crate::error::{DomainError, FieldError};
use sha2::{Digest, Sha256};

/// The version tag that starts every encoding; a new encoding gets a new tag
/// so old hashes stay verifiable.
const ENCODING_TAG: &[u8] = b"emenda-audit-v1\n";

/// The stored fields of an audit entry that its hash covers, in the order
/// they are encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedAuditEntry<'a> {
    /// Position in the chain, 1..n without gaps.
    pub seq: i64,
    /// Entry id as stored.
    pub id: &'a str,
    /// Actor id as stored; `None` for the system.
    pub actor_id: Option<&'a str>,
    /// Action as stored, e.g. `proposal.edited`.
    pub action: &'a str,
    /// Target kind as stored.
    pub target_kind: &'a str,
    /// Target id as stored.
    pub target_id: &'a str,
    /// Space id as stored, if any.
    pub space_id: Option<&'a str>,
    /// Details exactly as the stored JSON text.
    pub details: &'a str,
    /// Visibility as stored.
    pub visibility: &'a str,
    /// Creation time as stored (see `clock::format_timestamp`).
    pub created_at: &'a str,
    /// The hash of the entry before; `None` for the first entry.
    pub previous_hash: Option<&'a str>,
}

/// Canonical encoding: a version tag, then every field as
/// `<byte length>:<bytes>\n`, with `-\n` for an absent value. Length
/// prefixes make the encoding unambiguous whatever the texts contain.
pub fn canonical_encoding(entry: &HashedAuditEntry<'_>) -> Vec<u8> {
    fn field(out: &mut Vec<u8>, value: Option<&str>) {
        match value {
            Some(text) => {
                out.extend_from_slice(text.len().to_string().as_bytes());
                out.push(b':');
                out.extend_from_slice(text.as_bytes());
                out.push(b'\n');
            }
            None => out.extend_from_slice(b"-\n"),
        }
    }
    let mut out = ENCODING_TAG.to_vec();
    field(&mut out, Some(&entry.seq.to_string()));
    field(&mut out, Some(entry.id));
    field(&mut out, entry.actor_id);
    field(&mut out, Some(entry.action));
    field(&mut out, Some(entry.target_kind));
    field(&mut out, Some(entry.target_id));
    field(&mut out, entry.space_id);
    field(&mut out, Some(entry.details));
    field(&mut out, Some(entry.visibility));
    field(&mut out, Some(entry.created_at));
    field(&mut out, entry.previous_hash);
    out
}

/// SHA-256 of the canonical encoding, lower-case hex: what the store writes
/// as the entry's hash and what verification recomputes.
pub fn entry_hash(entry: &HashedAuditEntry<'_>) -> String {
    let digest = Sha256::digest(canonical_encoding(entry));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The outcome of re-checking the audit chain, or one segment of it, as
/// the public verify endpoint reports it. A segment starts after an entry
/// the caller verified before (its number and stored hash, which the
/// caller brings back: the server keeps nothing between calls), so the
/// work of one call is bounded whatever the log's length, and the whole
/// chain is checked by following `last_seq`/`last_hash` until `complete`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditChainReport {
    /// Every link checked holds; when `complete`, also the end of the chain
    /// and the count of unchained entries.
    pub valid: bool,
    /// How many chained entries were checked.
    pub entries: u64,
    /// The number of the last entry checked (the `after` of the next call).
    pub last_seq: i64,
    /// The stored hash of that entry (the `hash` of the next call).
    pub last_hash: Option<String>,
    /// This segment reached the end of the chain, which was compared with
    /// the recorded head: nothing is left to check.
    pub complete: bool,
    /// The sequence number of the first entry that does not hold (or that
    /// is missing), if any. Null when the chain holds, including when the
    /// only fault is an unchained entry added after the chain began (then
    /// `valid` is false and `unchained` shows the count).
    pub first_invalid: Option<i64>,
    /// Entries recorded before the chain existed (an upgraded installation);
    /// they are not covered by it. Always 0 on a database created with it.
    pub unchained: u64,
}

/// What the store records about the chain's end as it appends: the last
/// entry's number and hash, and how many entries predate the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainHead<'a> {
    /// Number of the last entry appended (0 before any).
    pub seq: i64,
    /// Hash of the last entry appended.
    pub hash: Option<&'a str>,
    /// Entries that were in the log when the chain began.
    pub legacy_entries: u64,
}

/// How many entries one verification call checks at most: the work of a
/// call is bounded however long the log grows (a few milliseconds of
/// hashing for ordinary entries).
pub const VERIFY_SEGMENT: i64 = 1_000;

/// Where a verification segment starts: after entry `after`, whose stored
/// hash (`hash`, as the previous segment reported it) the next entry must
/// link to. `after` is 0 (the chain's start, no hash) or the number of an
/// entry that exists (`head_seq` is the last one); a hash is 64 lower-case
/// hex digits. Every fault is reported with its field.
pub fn segment_start(after: i64, hash: Option<&str>, head_seq: i64) -> Result<(i64, Option<&str>), DomainError> {
    let mut errors = Vec::new();
    if !(0..=head_seq.max(0)).contains(&after) {
        errors.push(FieldError::new(
            "after",
            FieldCode::OutOfRange,
            format!("must be between 0 and {}", head_seq.max(0)),
        ));
    }
    match hash {
        None if after > 0 => errors.push(FieldError::new(
            "hash",
            FieldCode::Required,
            "give the last_hash the previous segment reported",
        )),
        Some(_) if after == 0 => {
            errors.push(FieldError::new("hash", FieldCode::NotAllowed, "the chain's start has no previous hash"))
        }
        Some(h) if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) => {
            errors.push(FieldError::new("hash", FieldCode::InvalidFormat, "must be 64 lower-case hex digits"))
        }
        _ => {}
    }
    if errors.is_empty() {
        Ok((after, hash))
    } else {
        Err(DomainError::Invalid(errors))
    }
}

/// Checks a chain fed in sequence order, one entry at a time, so that a log
/// of any length is verified in bounded memory.
#[derive(Debug, Clone, Default)]
pub struct ChainVerifier {
    entries: u64,
    last_seq: i64,
    last_hash: Option<String>,
    first_invalid: Option<i64>,
}

impl ChainVerifier {
    /// A verifier expecting the chain's first entry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A verifier expecting the entry after `seq`, whose stored hash the
    /// caller verified earlier (0 and `None`: the chain's first entry).
    pub fn resume(seq: i64, hash: Option<&str>) -> Self {
        Self { last_seq: seq, last_hash: hash.map(str::to_owned), ..Self::default() }
    }

    /// Checks the next entry: its number follows the previous one, it links
    /// to the previous entry's stored hash, and its stored hash matches its
    /// recomputed content. Only the first failure is kept.
    pub fn push(&mut self, fields: &HashedAuditEntry<'_>, stored_hash: &str) {
        self.entries += 1;
        let expected_seq = self.last_seq + 1;
        if self.first_invalid.is_none() {
            let numbered = fields.seq == expected_seq;
            let linked = fields.previous_hash == self.last_hash.as_deref();
            let intact = entry_hash(fields) == stored_hash;
            if !(numbered && linked && intact) {
                // A gap names the missing number; anything else the entry.
                self.first_invalid = Some(if fields.seq > expected_seq { expected_seq } else { fields.seq });
            }
        }
        self.last_seq = fields.seq;
        self.last_hash = Some(stored_hash.to_owned());
    }

    /// The sequence number of the last entry pushed (0 before any).
    pub fn last_seq(&self) -> i64 {
        self.last_seq
    }

    /// The report, given the chain head the store recorded and how many
    /// unchained entries were found: entries missing from (or added to) the
    /// end of the chain are caught by comparing the head with the last entry
    /// seen, and an unchained entry added after the upgrade by comparing the
    /// count with the one recorded then.
    pub fn finish(self, head: &ChainHead<'_>, unchained: u64) -> AuditChainReport {
        let head_seq = head.seq;
        let head_hash = head.hash;
        let tail = match head_seq.cmp(&self.last_seq) {
            // Entries missing from the end: the first missing one.
            std::cmp::Ordering::Greater => Some(self.last_seq + 1),
            // Entries beyond the last one appended: the first extra one.
            std::cmp::Ordering::Less => Some(head_seq + 1),
            std::cmp::Ordering::Equal if head_hash != self.last_hash.as_deref() => Some(head_seq),
            std::cmp::Ordering::Equal => None,
        };
        let first_invalid = self.first_invalid.or(tail);
        let valid = first_invalid.is_none() && unchained == head.legacy_entries;
        AuditChainReport {
            valid,
            entries: self.entries,
            last_seq: self.last_seq,
            last_hash: self.last_hash,
            complete: true,
            first_invalid,
            unchained,
        }
    }

    /// The report of a segment that stopped before the end of the chain:
    /// only the links checked are judged; `unchained` is counted as at the
    /// end, so a reader sees it from the first call.
    pub fn pause(self, unchained: u64) -> AuditChainReport {
        AuditChainReport {
            valid: self.first_invalid.is_none(),
            entries: self.entries,
            last_seq: self.last_seq,
            last_hash: self.last_hash,
            complete: false,
            first_invalid: self.first_invalid,
            unchained,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DETAILS: &str = r#"{"proposal_id":"0190"}"#;

    fn sample(seq: i64, previous_hash: Option<&str>) -> HashedAuditEntry<'_> {
        HashedAuditEntry {
            seq,
            id: "01900000-0000-7000-8000-000000000001",
            actor_id: Some("01900000-0000-7000-8000-000000000002"),
            action: "proposal.created",
            target_kind: "proposal",
            target_id: "01900000-0000-7000-8000-000000000003",
            space_id: Some("01900000-0000-7000-8000-000000000004"),
            details: DETAILS,
            visibility: "public",
            created_at: "2026-11-25T10:00:00.000000Z",
            previous_hash,
        }
    }

    fn head(seq: i64, hash: Option<&str>) -> ChainHead<'_> {
        ChainHead { seq, hash, legacy_entries: 0 }
    }

    /// Builds hashes for a chain of `n` entries.
    fn chain(n: i64) -> Vec<String> {
        let mut hashes: Vec<String> = Vec::new();
        for seq in 1..=n {
            let previous = hashes.last().cloned();
            hashes.push(entry_hash(&sample(seq, previous.as_deref())));
        }
        hashes
    }

    #[test]
    fn a_valid_chain_verifies() {
        let hashes = chain(3);
        let mut verifier = ChainVerifier::new();
        for (i, hash) in hashes.iter().enumerate() {
            let seq = i as i64 + 1;
            let previous = if i == 0 { None } else { Some(hashes[i - 1].as_str()) };
            verifier.push(&sample(seq, previous), hash);
        }
        let report = verifier.finish(&head(3, Some(&hashes[2])), 0);
        assert!(report.complete && report.valid && report.entries == 3 && report.first_invalid.is_none());
        assert_eq!(report.last_hash.as_deref(), Some(hashes[2].as_str()));
        assert_eq!(hashes[0].len(), 64);
    }

    #[test]
    fn a_chain_checked_in_segments_agrees_with_one_pass() {
        let hashes = chain(5);
        let feed = |verifier: &mut ChainVerifier, seqs: std::ops::RangeInclusive<i64>| {
            for seq in seqs {
                let i = usize::try_from(seq - 1).unwrap_or_default();
                let previous = if i == 0 { None } else { Some(hashes[i - 1].as_str()) };
                verifier.push(&sample(seq, previous), &hashes[i]);
            }
        };
        let mut first = ChainVerifier::new();
        feed(&mut first, 1..=2);
        let paused = first.pause(0);
        assert!(paused.valid && !paused.complete && paused.last_seq == 2);
        let mut second = ChainVerifier::resume(paused.last_seq, paused.last_hash.as_deref());
        feed(&mut second, 3..=5);
        let report = second.finish(&head(5, Some(&hashes[4])), 0);
        assert!(report.valid && report.complete && report.entries == 3);
        // A segment resumed from a hash the chain does not hold fails at once.
        let mut forged = ChainVerifier::resume(2, Some(&hashes[0]));
        feed(&mut forged, 3..=5);
        assert_eq!(forged.finish(&head(5, Some(&hashes[4])), 0).first_invalid, Some(3));
    }

    #[test]
    fn segment_starts_are_checked_with_their_fields() {
        let hash = "a".repeat(64);
        assert!(segment_start(0, None, 10).is_ok());
        assert!(segment_start(10, Some(&hash), 10).is_ok());
        let fields = |after, hash: Option<&str>| match segment_start(after, hash, 10) {
            Err(DomainError::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
            other => panic!("expected a refusal, got {other:?}"),
        };
        assert_eq!(fields(11, Some(&hash)), [("after".to_owned(), FieldCode::OutOfRange)]);
        assert_eq!(fields(-1, None), [("after".to_owned(), FieldCode::OutOfRange)]);
        assert_eq!(fields(3, None), [("hash".to_owned(), FieldCode::Required)]);
        assert_eq!(fields(0, Some(&hash)), [("hash".to_owned(), FieldCode::NotAllowed)]);
        assert_eq!(fields(3, Some("ABC")), [("hash".to_owned(), FieldCode::InvalidFormat)]);
    }

    #[test]
    fn an_empty_chain_is_valid_and_a_missing_tail_is_not() {
        assert!(ChainVerifier::new().finish(&head(0, None), 0).valid);
        // Entries from before the chain are expected, any more are not.
        let upgraded = ChainHead { seq: 0, hash: None, legacy_entries: 2 };
        assert!(ChainVerifier::new().finish(&upgraded, 2).valid);
        let forged = ChainVerifier::new().finish(&upgraded, 3);
        assert_eq!((forged.valid, forged.first_invalid, forged.unchained), (false, None, 3));
        let hashes = chain(2);
        let mut verifier = ChainVerifier::new();
        verifier.push(&sample(1, None), &hashes[0]);
        // The head says two entries were appended; only one is there.
        let report = verifier.finish(&head(2, Some(&hashes[1])), 0);
        assert_eq!(report.first_invalid, Some(2));
        // An entry appended behind the store's back, and a head that
        // disagrees with the last entry.
        let mut extra = ChainVerifier::new();
        extra.push(&sample(1, None), &hashes[0]);
        extra.push(&sample(2, Some(&hashes[0])), &hashes[1]);
        assert_eq!(extra.clone().finish(&head(1, Some(&hashes[0])), 0).first_invalid, Some(2));
        assert_eq!(extra.finish(&head(2, Some(&hashes[0])), 0).first_invalid, Some(2));
    }

    #[test]
    fn a_gap_a_fork_or_a_changed_entry_is_named() {
        let hashes = chain(3);
        let mut gap = ChainVerifier::new();
        gap.push(&sample(1, None), &hashes[0]);
        gap.push(&sample(3, Some(&hashes[1])), &hashes[2]);
        assert_eq!(gap.finish(&head(3, Some(&hashes[2])), 0).first_invalid, Some(2));

        // Two entries linked to the same predecessor.
        let mut fork = ChainVerifier::new();
        fork.push(&sample(1, None), &hashes[0]);
        fork.push(&sample(2, Some(&hashes[0])), &hashes[1]);
        let forked = entry_hash(&sample(3, Some(&hashes[0])));
        fork.push(&sample(3, Some(&hashes[0])), &forked);
        assert_eq!(fork.finish(&head(3, Some(&forked)), 0).first_invalid, Some(3));

        let mut changed = ChainVerifier::new();
        changed.push(&sample(1, None), &hashes[0]);
        changed.push(&HashedAuditEntry { visibility: "staff", ..sample(2, Some(&hashes[0])) }, &hashes[1]);
        changed.push(&sample(3, Some(&hashes[1])), &hashes[2]);
        let report = changed.finish(&head(3, Some(&hashes[2])), 0);
        assert_eq!((report.valid, report.entries, report.first_invalid), (false, 3, Some(2)));
    }

    #[test]
    fn changing_any_encoded_field_changes_the_hash() {
        let original = sample(1, Some("aa"));
        let base = entry_hash(&original);
        let variants = [
            HashedAuditEntry { seq: 2, ..original.clone() },
            HashedAuditEntry { id: "01900000-0000-7000-8000-00000000000a", ..original.clone() },
            HashedAuditEntry { actor_id: None, ..original.clone() },
            HashedAuditEntry { action: "proposal.edited", ..original.clone() },
            HashedAuditEntry { target_kind: "amendment", ..original.clone() },
            HashedAuditEntry { target_id: "01900000-0000-7000-8000-00000000000b", ..original.clone() },
            HashedAuditEntry { space_id: None, ..original.clone() },
            HashedAuditEntry { details: r#"{"proposal_id": "0190"}"#, ..original.clone() },
            HashedAuditEntry { visibility: "staff", ..original.clone() },
            HashedAuditEntry { created_at: "2026-11-25T10:00:00.000001Z", ..original.clone() },
            HashedAuditEntry { previous_hash: None, ..original.clone() },
        ];
        // One variant per encoded field: a field added to the encoding must
        // be added here too.
        assert_eq!(variants.len(), 11);
        for variant in &variants {
            assert_ne!(entry_hash(variant), base, "{variant:?}");
        }
    }

    #[test]
    fn encoding_is_unambiguous() {
        // Moving text from one field to the next must change the hash, and
        // an absent value differs from an empty one.
        let a = HashedAuditEntry { target_kind: "ab", target_id: "c", ..sample(1, None) };
        let b = HashedAuditEntry { target_kind: "a", target_id: "bc", ..sample(1, None) };
        assert_ne!(entry_hash(&a), entry_hash(&b));
        let absent = HashedAuditEntry { space_id: None, ..sample(1, None) };
        let empty = HashedAuditEntry { space_id: Some(""), ..sample(1, None) };
        assert_ne!(entry_hash(&absent), entry_hash(&empty));
        assert!(canonical_encoding(&sample(1, None)).starts_with(b"emenda-audit-v1\n"));
    }
}
