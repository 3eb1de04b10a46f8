//! The public record as a transparency log: every public record (a proposal
//! version, an audit entry) is one entry of an append-only Merkle tree
//! (RFC 6962 / RFC 9162 hashing), served in the c2sp.org formats
//! (tlog-tiles, tlog-checkpoint, signed-note) so that tools nobody here
//! wrote can keep a signed checkpoint and later prove that the log only
//! grew. This module holds what needs no I/O: the entry encoding, the
//! tile paths, entry bundles and checkpoint signing and opening. The tree
//! arithmetic, proofs and note format are the `tlog_tiles` and
//! `signed_note` crates (the Rust port of Go's checksum-database packages).
//!
//! Why a Merkle tree signed in batches rather than a hash chain anchored in
//! the database: a chain's only anchor sits where the operator can rewrite
//! it, and every append must wait for the previous one. A signed checkpoint
//! leaves the server: whoever keeps one can later demand a consistency
//! proof, which no rewrite of the past can produce. See
//! `docs/transparency-log.md` for the byte-level encoding and the threat
//! model.

use crate::codes::FieldCode;
use crate::error::DomainError;
use sha2::{Digest, Sha256};
use signed_note::{Note, Signer, StandardSigner, StandardVerifier, Verifier, VerifierList};
/// The tree arithmetic and proofs (RFC 6962), as the crate names them.
pub use tlog_tiles as tree;
pub use tlog_tiles::{Checkpoint, Hash, HashReader, Tile};

/// Height of every tile: 256 hashes (c2sp.org/tlog-tiles fixes it at 8).
pub const TILE_HEIGHT: u8 = 8;

/// Entries in a full tile or entry bundle.
pub const TILE_WIDTH: u64 = 1 << TILE_HEIGHT;

/// The first line of every entry. A new encoding gets a new tag, so that
/// entries already in the tree keep their meaning.
pub const ENTRY_TAG: &str = "emenda-log-v1";

/// The largest entry a bundle can carry (its length is a big-endian
/// `uint16`).
pub const MAX_ENTRY_BYTES: usize = u16::MAX as usize;

/// Why a piece of log data was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    /// A field value would break the line format.
    #[error("log field `{0}` holds a character the entry format does not allow")]
    BadField(&'static str),
    /// An entry or bundle is not in the documented format.
    #[error("malformed log data: {0}")]
    Malformed(String),
    /// The checkpoint's signature does not verify with the log's key, or
    /// names another log.
    #[error("the checkpoint is not signed by this log's key: {0}")]
    BadSignature(String),
}

crate::string_enum! {
    /// What an entry records. The name is the entry's second line.
    pub enum EntryKind {
        /// An audit log entry: a staff decision, a state or role change, a
        /// moderation act, a block.
        Audit => "audit",
        /// A proposal version, by its content hash.
        Version => "version",
        /// A support given, re-confirmed or withdrawn, its giver only as a
        /// pseudonym (see [`supporter_pseudonym`]).
        Support => "support",
    }
}

/// An audit entry as the log holds it: ids, kinds and times in clear, the
/// details only as a salted commitment, so that a detail that must later
/// disappear (a reason naming someone, a staff-only fact) can disappear
/// while the tree still verifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLeaf<'a> {
    /// The entry's id as stored.
    pub id: &'a str,
    /// The action, e.g. `amendment.accepted`.
    pub action: &'a str,
    /// Kind of the thing changed.
    pub target_kind: &'a str,
    /// Id of the thing changed.
    pub target_id: &'a str,
    /// Space concerned, if any.
    pub space_id: Option<&'a str>,
    /// Who acted; `None` for the system.
    pub actor_id: Option<&'a str>,
    /// `public` or `staff`.
    pub visibility: &'a str,
    /// When, exactly as stored.
    pub created_at: &'a str,
    /// The details JSON text as stored; the entry carries only its
    /// [`commitment`] under the entry's salt.
    pub details: &'a str,
}

/// A proposal version as the log holds it: its place and its content hash
/// (which covers the title and body by digest, see `history`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionLeaf<'a> {
    /// The proposal's id.
    pub proposal_id: &'a str,
    /// Its public reference, e.g. `EMD-2026-000042`.
    pub reference: &'a str,
    /// The version number, from 1.
    pub number: i32,
    /// The version's content hash, lower-case hex.
    pub content_hash: &'a str,
    /// When it was made, exactly as stored.
    pub created_at: &'a str,
}

crate::string_enum! {
    /// What happened to a support.
    pub enum SupportEvent {
        /// A new support.
        Given => "given",
        /// An existing support pinned again, to the version named.
        Confirmed => "confirmed",
        /// A support taken back.
        Withdrawn => "withdrawn",
    }
}

/// A support event as the log holds it. The giver appears only as their
/// pseudonym in the space: the same for all their supports there (so an
/// auditor can apply the space's per-participant minimum and recount every
/// proposal), different in every other space, and unlinkable to the
/// person without the salt only they and the server hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportLeaf<'a> {
    /// The proposal supported.
    pub proposal_id: &'a str,
    /// Its space (the scope of the pseudonym and of the minimum).
    pub space_id: &'a str,
    /// What happened.
    pub event: SupportEvent,
    /// [`supporter_pseudonym`] of the giver in the space.
    pub supporter: &'a str,
    /// The version the support is pinned to (for a withdrawal, the one it
    /// was pinned to).
    pub version: i32,
    /// When, exactly as stored.
    pub created_at: &'a str,
}

/// A participant's pseudonym in one space: [`commitment`] of their user id
/// (lower-case hyphenated) under the salt kept with their tally there. The
/// participant is given the salt, so they can find their own supports in
/// the log and check each is counted; nobody else can tell whose they are.
pub fn supporter_pseudonym(salt: &str, user_id: &str) -> String {
    commitment(salt.as_bytes(), user_id.as_bytes())
}

/// Writes `name value\n`, refusing a value that is empty or holds anything
/// but printable ASCII (so every entry reads as plain text and no value can
/// forge a line).
fn line(out: &mut Vec<u8>, name: &'static str, value: &str) -> Result<(), LogError> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(LogError::BadField(name));
    }
    out.extend_from_slice(name.as_bytes());
    out.push(b' ');
    out.extend_from_slice(value.as_bytes());
    out.push(b'\n');
    Ok(())
}

/// The first two lines shared by every entry.
fn header(kind: EntryKind) -> Vec<u8> {
    format!("{ENTRY_TAG}\nkind {}\n", kind.as_str()).into_bytes()
}

/// The entry bytes of an audit entry, its details committed under `salt`
/// (32 hex characters; documented byte for byte in
/// `docs/transparency-log.md`); absent values are written `-`.
pub fn audit_entry(leaf: &AuditLeaf<'_>, salt: &str) -> Result<Vec<u8>, LogError> {
    audit_entry_with_commitment(leaf, &commitment(salt.as_bytes(), leaf.details.as_bytes()))
}

/// The entry bytes of an audit entry from its details' commitment rather
/// than the details: what is left to rebuild it from once the details of
/// an entry about a deleted person are erased with their salt
/// (`leaf.details` is not read).
pub fn audit_entry_with_commitment(leaf: &AuditLeaf<'_>, details_commitment: &str) -> Result<Vec<u8>, LogError> {
    let mut out = header(EntryKind::Audit);
    line(&mut out, "id", leaf.id)?;
    line(&mut out, "action", leaf.action)?;
    line(&mut out, "target_kind", leaf.target_kind)?;
    line(&mut out, "target_id", leaf.target_id)?;
    line(&mut out, "space", leaf.space_id.unwrap_or("-"))?;
    line(&mut out, "actor", leaf.actor_id.unwrap_or("-"))?;
    line(&mut out, "visibility", leaf.visibility)?;
    line(&mut out, "created_at", leaf.created_at)?;
    line(&mut out, "details", details_commitment)?;
    Ok(out)
}

/// The entry bytes of a proposal version.
pub fn version_entry(leaf: &VersionLeaf<'_>) -> Result<Vec<u8>, LogError> {
    let mut out = header(EntryKind::Version);
    line(&mut out, "proposal", leaf.proposal_id)?;
    line(&mut out, "reference", leaf.reference)?;
    line(&mut out, "number", &leaf.number.to_string())?;
    line(&mut out, "content_hash", leaf.content_hash)?;
    line(&mut out, "created_at", leaf.created_at)?;
    Ok(out)
}

/// The entry bytes of a support event.
pub fn support_entry(leaf: &SupportLeaf<'_>) -> Result<Vec<u8>, LogError> {
    let mut out = header(EntryKind::Support);
    line(&mut out, "proposal", leaf.proposal_id)?;
    line(&mut out, "space", leaf.space_id)?;
    line(&mut out, "event", leaf.event.as_str())?;
    line(&mut out, "supporter", leaf.supporter)?;
    line(&mut out, "version", &leaf.version.to_string())?;
    line(&mut out, "created_at", leaf.created_at)?;
    Ok(out)
}

/// An entry read back: its kind and its fields in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEntry {
    /// What it records.
    pub kind: EntryKind,
    /// `(name, value)` after the kind line, in order.
    pub fields: Vec<(String, String)>,
}

impl ParsedEntry {
    /// The value of the field `name`, if present.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Reads an entry's lines (a witness does this to know what a leaf says).
pub fn parse_entry(bytes: &[u8]) -> Result<ParsedEntry, LogError> {
    let text = std::str::from_utf8(bytes).map_err(|_| LogError::Malformed("entry is not UTF-8".into()))?;
    let body = text.strip_suffix('\n').ok_or_else(|| LogError::Malformed("entry does not end a line".into()))?;
    let mut lines = body.split('\n');
    if lines.next() != Some(ENTRY_TAG) {
        return Err(LogError::Malformed(format!("entry does not start with {ENTRY_TAG}")));
    }
    let kind = lines
        .next()
        .and_then(|l| l.strip_prefix("kind "))
        .and_then(EntryKind::parse)
        .ok_or_else(|| LogError::Malformed("unknown entry kind".into()))?;
    let fields = lines
        .map(|l| {
            l.split_once(' ')
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .ok_or_else(|| LogError::Malformed(format!("line without a value: {l}")))
        })
        .collect::<Result<_, _>>()?;
    Ok(ParsedEntry { kind, fields })
}

/// `sha256:` and the lower-case hex SHA-256 of `salt || content`: what an
/// entry carries in place of content that may later have to disappear. The
/// salt (random, kept beside the entry, shown with the content while the
/// content is public) makes a short content unguessable from its
/// commitment.
pub fn commitment(salt: &[u8], content: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(content);
    format!("sha256:{}", hex(&hasher.finalize()))
}

/// Lower-case hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The leaf hash of an entry: `SHA-256(0x00 || entry)`.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    tlog_tiles::record_hash(entry)
}

/// What a `/log/tile/…` path asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TileRequest {
    /// Hashes at level `level` (tree level `8 × level`), tile `index`,
    /// `width` hashes (256 for a full tile).
    Hashes {
        /// Tile level.
        level: u8,
        /// Tile index within the level.
        index: u64,
        /// Hashes asked for.
        width: u32,
    },
    /// The entry bundle `index`, with `width` entries.
    Entries {
        /// Bundle index.
        index: u64,
        /// Entries asked for.
        width: u32,
    },
}

impl TileRequest {
    /// Reads the part of a path after `tile/`: `<L>/<N>[.p/<W>]` or
    /// `entries/<N>[.p/<W>]`, with `N` in c2sp.org's groups of three digits
    /// (`x001/x234/067`). Anything else, including a non-canonical
    /// spelling of a valid tile, is `None`.
    pub fn parse(path: &str) -> Option<Self> {
        let (level, rest) = path.split_once('/')?;
        // The crate panics on a zero width (and on a level past 63), so
        // both are refused before it sees the path.
        if let Some((_, width)) = rest.split_once(".p/") {
            let canonical = !width.starts_with('0') && width.bytes().all(|b| b.is_ascii_digit());
            if !canonical || !width.parse::<u64>().is_ok_and(|w| (1..TILE_WIDTH).contains(&w)) {
                return None;
            }
        }
        let data = level == "entries";
        let level = if data {
            "data".to_owned()
        } else {
            // Canonical only: `00` is not level 0.
            level.parse::<u8>().ok().filter(|l| *l < 64 && l.to_string() == level)?.to_string()
        };
        let tile = Tile::from_path(&format!("tile/{TILE_HEIGHT}/{level}/{rest}")).ok()?;
        if tile.width() == 0 {
            return None;
        }
        Some(if data {
            TileRequest::Entries { index: tile.level_index(), width: tile.width() }
        } else {
            TileRequest::Hashes { level: tile.level(), index: tile.level_index(), width: tile.width() }
        })
    }

    /// Whether this is a full tile or bundle (256 wide): its bytes never
    /// change, while a partial one is followed by wider ones.
    pub fn is_full(&self) -> bool {
        let (TileRequest::Hashes { width, .. } | TileRequest::Entries { width, .. }) = *self;
        u64::from(width) == TILE_WIDTH
    }

    /// The path after `/log/`, e.g. `tile/0/x001/234.p/7`.
    pub fn path(&self) -> String {
        let (level, index, width, data) = match *self {
            TileRequest::Hashes { level, index, width } => (level, index, width, false),
            TileRequest::Entries { index, width } => (0, index, width, true),
        };
        let tile = Tile::new(TILE_HEIGHT, level, index, width, data);
        // The crate writes Go's `tile/H/L/…` and `tile/H/data/…`; c2sp.org
        // drops the height and names data tiles `entries`.
        let go_path = tile.path();
        let rest = go_path.splitn(3, '/').nth(2).unwrap_or_default();
        match rest.strip_prefix("data/") {
            Some(n) => format!("tile/entries/{n}"),
            None => format!("tile/{rest}"),
        }
    }
}

/// A tree size a reader may ask a proof in: one the latest signed
/// checkpoint (`signed` entries) has reached, so no proof speaks of a tree
/// nobody signed.
fn check_signed_size(size: u64, signed: u64) -> Result<(), DomainError> {
    if size == 0 || size > signed {
        return Err(DomainError::invalid("size", FieldCode::OutOfRange, format!("must be between 1 and {signed}")));
    }
    Ok(())
}

/// An inclusion proof asks for a leaf below a signed size.
pub fn check_inclusion_request(index: u64, size: u64, signed: u64) -> Result<(), DomainError> {
    check_signed_size(size, signed)?;
    if index >= size {
        return Err(DomainError::invalid("index", FieldCode::OutOfRange, format!("must be below size {size}")));
    }
    Ok(())
}

/// A consistency proof asks from a non-empty tree to a signed size at
/// least as large.
pub fn check_consistency_request(old: u64, size: u64, signed: u64) -> Result<(), DomainError> {
    check_signed_size(size, signed)?;
    if old == 0 || old > size {
        return Err(DomainError::invalid("old", FieldCode::OutOfRange, format!("must be between 1 and {size}")));
    }
    Ok(())
}

/// A check of the log starts at a leaf of the signed tree, or at its end.
pub fn check_segment_start(from: u64, signed: u64) -> Result<(), DomainError> {
    if from > signed {
        return Err(DomainError::invalid("from", FieldCode::OutOfRange, format!("must be between 0 and {signed}")));
    }
    Ok(())
}

/// What a re-check of the log found wrong first, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LogProblem {
    /// No checkpoint, or one whose signature does not verify with the
    /// log's key.
    Signature,
    /// The stored tree does not hash to the signed root.
    Root,
    /// A leaf index below the tree size has no entry.
    MissingEntry,
    /// An entry does not hash to the leaf hash the tree holds.
    LeafHash,
    /// A full tile does not hash to the hash its parent tile holds.
    TileHash,
    /// The record an entry logs was changed since.
    RecordChanged,
    /// The record an entry logs is gone.
    RecordMissing,
    /// A record (an audit entry or a version) has no entry in the log.
    UnloggedRecord,
}

/// The outcome of re-checking one segment of the log against the latest
/// signed checkpoint. The whole log is checked by calling again from
/// `next` until `complete`; each call's work is bounded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogReport {
    /// Everything checked holds.
    pub valid: bool,
    /// The signed tree size checked against.
    pub tree_size: u64,
    /// Its root hash, lower-case hex.
    pub root_hash: String,
    /// The first leaf checked.
    pub from: u64,
    /// The leaf after the last one checked: the `from` of the next call.
    pub next: u64,
    /// This call reached the end of the signed tree and also checked that
    /// every record has an entry.
    pub complete: bool,
    /// The leaf index of the first entry that does not hold, if one does not.
    pub first_invalid: Option<u64>,
    /// What does not hold, if anything.
    pub problem: Option<LogProblem>,
    /// Entries written but not yet in a signed checkpoint (sequenced within
    /// a second or so).
    pub pending: u64,
}

/// An entry bundle: each entry as a big-endian `uint16` length and its
/// bytes (c2sp.org/tlog-tiles).
pub fn bundle<'a>(entries: impl IntoIterator<Item = &'a [u8]>) -> Result<Vec<u8>, LogError> {
    let mut out = Vec::new();
    for entry in entries {
        let len = u16::try_from(entry.len()).map_err(|_| LogError::Malformed("entry over 65,535 bytes".into()))?;
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(entry);
    }
    Ok(out)
}

/// The entries of a bundle, in order; a truncated bundle is refused.
pub fn unbundle(mut data: &[u8]) -> Result<Vec<&[u8]>, LogError> {
    let mut entries = Vec::new();
    while !data.is_empty() {
        let [hi, lo, rest @ ..] = data else {
            return Err(LogError::Malformed("bundle ends inside a length".into()));
        };
        let len = usize::from(u16::from_be_bytes([*hi, *lo]));
        if rest.len() < len {
            return Err(LogError::Malformed("bundle ends inside an entry".into()));
        }
        entries.push(&rest[..len]);
        data = &rest[len..];
    }
    Ok(entries)
}

/// The log's signing key: signs each new checkpoint as a c2sp.org
/// signed-note with Ed25519, under the key name equal to the log's origin.
#[derive(Clone)]
pub struct LogSigner {
    signer: StandardSigner,
    origin: String,
    verifier_key: String,
}

impl std::fmt::Debug for LogSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key.
        f.debug_struct("LogSigner").field("origin", &self.origin).field("verifier_key", &self.verifier_key).finish()
    }
}

impl LogSigner {
    /// The signer of `skey` (`PRIVATE+KEY+<name>+<id>+<base64>`), given the
    /// verifier key it pairs with; the key's name must be the origin.
    pub fn new(origin: &str, skey: &str, verifier_key: &str) -> Result<Self, LogError> {
        let signer = StandardSigner::new(skey).map_err(|e| LogError::BadSignature(e.to_string()))?;
        if signer.name() != origin {
            return Err(LogError::BadSignature(format!(
                "the key is named `{}`, the log's origin is `{origin}`",
                signer.name()
            )));
        }
        let verifier = StandardVerifier::new(verifier_key).map_err(|e| LogError::BadSignature(e.to_string()))?;
        if verifier.key_id() != signer.key_id() || Verifier::name(&verifier) != origin {
            return Err(LogError::BadSignature("the verifier key is not this signing key's".into()));
        }
        Ok(Self { signer, origin: origin.to_owned(), verifier_key: verifier_key.to_owned() })
    }

    /// The signer of the Ed25519 key whose 32-byte secret is `seed`, named
    /// `origin`, with its private key in the signed-note form
    /// (`PRIVATE+KEY+<origin>+<id>+<base64>`) for the operator to keep.
    pub fn from_seed(origin: &str, seed: &[u8; 32]) -> Result<(Self, String), LogError> {
        use base64::Engine;
        let signing = ed25519_dalek::SigningKey::from_bytes(seed);
        let verifier_key = signed_note::new_ed25519_verifier_key(origin, &signing.verifying_key());
        let public = [&[1u8][..], signing.verifying_key().as_bytes()].concat();
        let private = [&[1u8][..], seed].concat();
        let skey = format!(
            "PRIVATE+KEY+{origin}+{:08x}+{}",
            signed_note::key_id(origin, &public),
            base64::engine::general_purpose::STANDARD.encode(private)
        );
        Ok((Self::new(origin, &skey, &verifier_key)?, skey))
    }

    /// The log's origin line.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The public verifier key, `<name>+<id>+<base64>`, as `/log/key` serves it.
    pub fn verifier_key(&self) -> &str {
        &self.verifier_key
    }

    /// The signed checkpoint of a tree of `size` entries with root `root`.
    pub fn sign(&self, size: u64, root: Hash) -> Result<Vec<u8>, LogError> {
        let checkpoint = Checkpoint::new(&self.origin, size, root, "")
            .map_err(|_| LogError::Malformed("the origin is not a valid checkpoint origin".into()))?;
        let mut note =
            Note::new(&checkpoint.to_bytes(), &[]).map_err(|e| LogError::Malformed(format!("checkpoint note: {e}")))?;
        note.add_sigs(&[&self.signer]).map_err(|e| LogError::BadSignature(e.to_string()))?;
        Ok(note.to_bytes())
    }
}

/// Opens a signed checkpoint: its signature must verify with
/// `verifier_key`, and its origin line must be the key's name (the log it
/// claims to be). Independent of [`LogSigner`]: this is what a witness runs.
pub fn open_checkpoint(signed: &[u8], verifier_key: &str) -> Result<Checkpoint, LogError> {
    let verifier = StandardVerifier::new(verifier_key).map_err(|e| LogError::BadSignature(e.to_string()))?;
    let name = Verifier::name(&verifier).to_owned();
    let note = Note::from_bytes(signed).map_err(|e| LogError::Malformed(format!("checkpoint note: {e}")))?;
    note.verify(&VerifierList::new(vec![Box::new(verifier)])).map_err(|e| LogError::BadSignature(e.to_string()))?;
    let checkpoint =
        Checkpoint::from_bytes(note.text()).map_err(|_| LogError::Malformed("not a c2sp.org checkpoint".into()))?;
    if checkpoint.origin() != name {
        return Err(LogError::BadSignature(format!("the checkpoint's origin is `{}`", checkpoint.origin())));
    }
    Ok(checkpoint)
}

/// The verifier key (`<name>+<id>+<base64>`) that pairs with a signer key
/// (`PRIVATE+KEY+<name>+<id>+<base64>`), so that an operator need only keep
/// the private one.
pub fn verifier_key_of(skey: &str) -> Result<String, LogError> {
    use base64::Engine;
    let bad = || LogError::BadSignature("not a signed-note Ed25519 private key".into());
    let mut parts = skey.splitn(5, '+');
    let (Some("PRIVATE"), Some("KEY"), Some(name), Some(_), Some(key)) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let key = base64::engine::general_purpose::STANDARD.decode(key).map_err(|_| bad())?;
    let [1, secret @ ..] = key.as_slice() else {
        return Err(bad());
    };
    let secret: [u8; 32] = secret.try_into().map_err(|_| bad())?;
    let signing = ed25519_dalek::SigningKey::from_bytes(&secret);
    Ok(signed_note::new_ed25519_verifier_key(name, &signing.verifying_key()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audit_sample() -> AuditLeaf<'static> {
        AuditLeaf {
            id: "01900000-0000-7000-8000-000000000001",
            action: "amendment.accepted",
            target_kind: "amendment",
            target_id: "01900000-0000-7000-8000-000000000002",
            space_id: None,
            actor_id: Some("01900000-0000-7000-8000-000000000003"),
            visibility: "public",
            created_at: "2026-12-07T10:00:00.000000Z",
            details: "{}",
        }
    }

    #[test]
    fn entries_are_lines_in_a_fixed_order() {
        let entry = audit_entry(&audit_sample(), "00").unwrap();
        assert_eq!(
            String::from_utf8(entry.clone()).unwrap(),
            "emenda-log-v1\nkind audit\nid 01900000-0000-7000-8000-000000000001\naction amendment.accepted\n\
             target_kind amendment\ntarget_id 01900000-0000-7000-8000-000000000002\nspace -\n\
             actor 01900000-0000-7000-8000-000000000003\nvisibility public\n\
             created_at 2026-12-07T10:00:00.000000Z\ndetails sha256:ad66890dd29f1d8f13146a701a0c00a5fe54361690c4106647f27d68b3010f47\n"
        );
        let parsed = parse_entry(&entry).unwrap();
        assert_eq!(parsed.kind, EntryKind::Audit);
        assert_eq!(parsed.field("space"), Some("-"));
        assert_eq!(parsed.fields.len(), 9);
    }

    #[test]
    fn a_value_cannot_forge_a_line() {
        let forged = AuditLeaf { action: "x\nkind version", ..audit_sample() };
        assert_eq!(audit_entry(&forged, "00"), Err(LogError::BadField("action")));
        let spaced = AuditLeaf { target_kind: "a b", ..audit_sample() };
        assert_eq!(audit_entry(&spaced, "00"), Err(LogError::BadField("target_kind")));
        let empty = VersionLeaf { proposal_id: "p", reference: "", number: 1, content_hash: "h", created_at: "t" };
        assert_eq!(version_entry(&empty), Err(LogError::BadField("reference")));
    }

    #[test]
    fn commitments_are_salted() {
        let a = commitment(b"salt-one", b"{\"reason\":\"spam\"}");
        let b = commitment(b"salt-two", b"{\"reason\":\"spam\"}");
        assert_ne!(a, b);
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
        // The documented definition: SHA-256 of salt then content.
        assert_eq!(commitment(b"", b"abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn leaf_hashes_follow_rfc_6962() {
        // RFC 6962 section 2.1: the empty leaf hashes to SHA-256(0x00).
        assert_eq!(hex(&leaf_hash(b"").0), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    #[test]
    fn tile_paths_round_trip_in_the_c2sp_spelling() {
        let cases = [
            (TileRequest::Hashes { level: 0, index: 0, width: 256 }, "tile/0/000"),
            (TileRequest::Hashes { level: 1, index: 1_234_067, width: 8 }, "tile/1/x001/x234/067.p/8"),
            (TileRequest::Entries { index: 5, width: 256 }, "tile/entries/005"),
            (TileRequest::Entries { index: 1000, width: 1 }, "tile/entries/x001/000.p/1"),
        ];
        for (request, path) in cases {
            assert_eq!(request.path(), path);
            assert_eq!(TileRequest::parse(path.strip_prefix("tile/").unwrap()), Some(request), "{path}");
            assert_eq!(request.is_full(), !path.contains(".p/"), "only a full tile never changes: {path}");
        }
        // Non-canonical spellings, a zero or full width written as partial,
        // the height as Go writes it, and nonsense are refused.
        for bad in ["0/5", "0/005.p/0", "0/005.p/256", "8/0/005", "entries/x000/005", "0/-01", "64/000", "data/000"] {
            assert_eq!(TileRequest::parse(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        /// Whatever path a client sends, parsing answers (never panics),
        /// and what it accepts it writes back the same way.
        #[test]
        fn any_tile_path_parses_or_is_refused(
            path in "((entries|[0-9]{1,2})/(x[0-9]{3}/){0,2}[0-9]{3}(\\.p/[0-9]{1,3})?|[0-9a-z./]{0,60})"
        ) {
            if let Some(request) = TileRequest::parse(&path) {
                proptest::prop_assert_eq!(request.path(), format!("tile/{path}"));
            }
        }
    }

    #[test]
    fn proofs_and_checks_stay_within_the_signed_tree() {
        let field = |r: Result<(), DomainError>| match r {
            Err(DomainError::Invalid(errors)) => Some(errors[0].field.clone()),
            _ => None,
        };
        assert_eq!(field(check_inclusion_request(4, 5, 5)), None);
        assert_eq!(field(check_inclusion_request(5, 5, 5)).as_deref(), Some("index"));
        assert_eq!(field(check_inclusion_request(0, 6, 5)).as_deref(), Some("size"));
        assert_eq!(field(check_inclusion_request(0, 0, 5)).as_deref(), Some("size"));
        assert_eq!(field(check_consistency_request(5, 5, 5)), None);
        assert_eq!(field(check_consistency_request(0, 5, 5)).as_deref(), Some("old"));
        assert_eq!(field(check_consistency_request(6, 5, 9)).as_deref(), Some("old"));
        assert_eq!(field(check_segment_start(5, 5)), None);
        assert_eq!(field(check_segment_start(6, 5)).as_deref(), Some("from"));
    }

    #[test]
    fn bundles_round_trip_and_refuse_truncation() {
        let entries: [&[u8]; 3] = [b"one", b"", &[7u8; 300]];
        let data = bundle(entries).unwrap();
        assert_eq!(&data[..5], &[0, 3, b'o', b'n', b'e']);
        assert_eq!(unbundle(&data).unwrap(), entries.to_vec());
        assert!(unbundle(&data[..data.len() - 1]).is_err());
        assert!(unbundle(&[0]).is_err());
        assert!(bundle([&vec![0u8; 70_000][..]]).is_err());
    }

    /// A fixed test key (never used outside tests).
    const SKEY: &str = "PRIVATE+KEY+example.org/log+3b7ba4a2+AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB";

    #[test]
    fn checkpoints_are_signed_and_opened_by_the_key() {
        let vkey = verifier_key_of(SKEY).unwrap();
        let signer = LogSigner::new("example.org/log", SKEY, &vkey);
        // The key id in SKEY was made up, so the signer refuses it: the id
        // is the hash of the name and public key.
        assert!(signer.is_err());
        let id = vkey.split('+').nth(1).unwrap();
        let skey = format!("PRIVATE+KEY+example.org/log+{id}+AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB");
        let signer = LogSigner::new("example.org/log", &skey, &vkey).unwrap();
        let root = tlog_tiles::record_hash(b"x");
        let signed = signer.sign(3, root).unwrap();
        let text = String::from_utf8(signed.clone()).unwrap();
        assert!(text.starts_with("example.org/log\n3\n"), "{text}");
        assert!(text.contains("\n\n\u{2014} example.org/log "), "{text}");
        let checkpoint = open_checkpoint(&signed, &vkey).unwrap();
        assert_eq!((checkpoint.size(), *checkpoint.hash()), (3, root));
        // A changed size, or another log's key, is refused.
        let forged = text.replacen("\n3\n", "\n4\n", 1);
        assert!(open_checkpoint(forged.as_bytes(), &vkey).is_err());
        assert!(LogSigner::new("other.org/log", &skey, &vkey).is_err());
        assert!(format!("{signer:?}").find("PRIVATE").is_none());
        // The same key, made from its seed, signs the same way.
        let (seeded, seeded_skey) = LogSigner::from_seed("example.org/log", &[1u8; 32]).unwrap();
        assert_eq!((seeded_skey, seeded.verifier_key()), (skey, vkey.as_str()));
    }

    /// The worked example of `docs/transparency-log.md`: an audit entry
    /// and a version entry, their leaf hashes and the root of the tree of
    /// the two.
    #[test]
    fn documented_example() {
        let details = r#"{"amendment_id":"0192f3a0-7c1e-7b2a-9d4e-0000000000a1","version":2}"#;
        let salt = "00112233445566778899aabbccddeeff";
        assert_eq!(
            commitment(salt.as_bytes(), details.as_bytes()),
            "sha256:cf919d92f905e86c9e339e3dd72f396c56d48f457c70b7ccccaf761250748d33"
        );
        let audit = audit_entry(
            &AuditLeaf {
                id: "0192f3a0-7c1e-7b2a-9d4e-0000000000b1",
                action: "amendment.accepted",
                target_kind: "amendment",
                target_id: "0192f3a0-7c1e-7b2a-9d4e-0000000000a1",
                space_id: Some("0192f3a0-7c1e-7b2a-9d4e-0000000000c1"),
                actor_id: Some("0192f3a0-7c1e-7b2a-9d4e-0000000000f1"),
                visibility: "public",
                created_at: "2026-11-25T10:30:00.000000Z",
                details,
            },
            salt,
        )
        .unwrap();
        let version = version_entry(&VersionLeaf {
            proposal_id: "0192f3a0-7c1e-7b2a-9d4e-1f2a3b4c5d6e",
            reference: "EMD-2026-000042",
            number: 2,
            content_hash: "57ec890d05364372174ead2340938b43240e2c1c4a65b0d0e17f0c7de8e9bca1",
            created_at: "2026-11-25T10:30:00.000000Z",
        })
        .unwrap();
        assert_eq!((audit.len(), version.len()), (383, 225));
        assert_eq!(hex(&leaf_hash(&audit).0), "8dea3b5beba50e0955c4d38f5158591b7f7aca1223cfbc0cbdedb150befd221e");
        assert_eq!(hex(&leaf_hash(&version).0), "4a6b6fbde3b8022046ce85a14faf5b30a1d30b76632131e2d3dec3bab0ea6407");
        let root = tree::node_hash(leaf_hash(&audit), leaf_hash(&version));
        assert_eq!(hex(&root.0), "130b3f0120021a99bc73ebcc145dbf759ecfa69b1213867555d99a3f8286c7a1");
    }
}
