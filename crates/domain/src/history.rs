//! The tamper-evident history of a proposal: each version's hash covers its
//! content and the previous version's hash, so changing any stored field of
//! any version, or removing one, breaks the chain from that point on.

use crate::proposal::VersionKind;
use crate::transparency::commitment;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The canonical encodings a version hash can be computed with. Stored
/// alongside each version (as [`HashEncoding::number`]) so that verification
/// always re-encodes a version the way it was hashed, even after a later
/// encoding is introduced.
///
/// Version 1 (which left `accepted_by` and the summary outside the hash)
/// was dropped before any production data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashEncoding {
    /// `emenda-version-v2`: every stored field of a version before staff
    /// who rewrite an amendment's text on accepting it were recorded.
    V2,
    /// `emenda-version-v3`: v2 plus who rewrote the text on acceptance.
    V3,
    /// `emenda-version-v4`: v3 with the title, body and summary replaced
    /// by salted commitments, so that a text erased by the documented
    /// procedure leaves its commitments and the chain still verifies.
    V4,
}

impl HashEncoding {
    /// The encoding new versions are hashed with.
    pub const CURRENT: HashEncoding = HashEncoding::V4;

    /// The number stored with a version to say which encoding it used.
    pub fn number(self) -> u16 {
        match self {
            HashEncoding::V2 => 2,
            HashEncoding::V3 => 3,
            HashEncoding::V4 => 4,
        }
    }

    /// The encoding a stored number names; `None` for an unknown one (such a
    /// version cannot be verified and counts as invalid).
    pub fn from_number(number: u16) -> Option<Self> {
        match number {
            2 => Some(HashEncoding::V2),
            3 => Some(HashEncoding::V3),
            4 => Some(HashEncoding::V4),
            _ => None,
        }
    }

    /// The first line of the encoding, without its line feed.
    pub fn tag(self) -> &'static str {
        match self {
            HashEncoding::V2 => "emenda-version-v2",
            HashEncoding::V3 => "emenda-version-v3",
            HashEncoding::V4 => "emenda-version-v4",
        }
    }
}

/// The fields of a version that its hash covers, in the order they are
/// encoded: every field history shows, so none can be changed unnoticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedVersion<'a> {
    /// The encoding the hash is computed with ([`HashEncoding::CURRENT`] for
    /// new versions; as stored for existing ones).
    pub encoding: HashEncoding,
    /// The proposal it belongs to.
    pub proposal_id: Uuid,
    /// Its number, 1..n.
    pub number: i32,
    /// Title text.
    pub title: &'a str,
    /// Body text (Markdown source).
    pub body: &'a str,
    /// Who wrote it.
    pub editor_id: Uuid,
    /// How it came to be.
    pub kind: VersionKind,
    /// The amendment it came from, if any.
    pub amendment_id: Option<Uuid>,
    /// The staff member who accepted that amendment, if any.
    pub accepted_by: Option<Uuid>,
    /// The staff member who, accepting the amendment, wrote a final text
    /// other than the amendment merged as it was: credited for it.
    pub rewritten_by: Option<Uuid>,
    /// The edit summary, if any (an empty summary is not the same as none).
    pub summary: Option<&'a str>,
    /// Creation time as stored (see `clock::format_timestamp`).
    pub created_at: &'a str,
    /// The hash of the version before; `None` for version 1.
    pub previous_hash: Option<&'a str>,
    /// How the title, body and summary are covered (v4); `None` before v4,
    /// whose hash covers the texts themselves.
    pub texts: Option<TextCommitments<'a>>,
}

/// How a v4 hash covers a version's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextCommitments<'a> {
    /// The texts are held (`title`, `body`, `summary` above), committed
    /// under this salt (32 hex characters), which is shown with them.
    Salted(&'a str),
    /// The texts were erased: only their commitments remain, as stored.
    Erased {
        /// The title's commitment.
        title: &'a str,
        /// The body's commitment.
        body: &'a str,
        /// The summary's commitment, if the version had a summary.
        summary: Option<&'a str>,
    },
}

impl TextCommitments<'_> {
    /// The commitments of `title`, `body` and `summary`: computed under the
    /// salt, or as stored once erased.
    pub fn of(&self, title: &str, body: &str, summary: Option<&str>) -> (String, String, Option<String>) {
        match *self {
            TextCommitments::Salted(salt) => {
                let commit = |text: &str| commitment(salt.as_bytes(), text.as_bytes());
                (commit(title), commit(body), summary.map(commit))
            }
            TextCommitments::Erased { title, body, summary } => {
                (title.to_owned(), body.to_owned(), summary.map(str::to_owned))
            }
        }
    }
}

/// Canonical encoding: the encoding's tag and a line feed, then every field
/// in declaration order as `<byte length in decimal>:<UTF-8 bytes>\n`, with
/// `-\n` for an absent value. Numbers are written in decimal, UUIDs in
/// lower-case hyphenated form, kinds by their stable name, times as stored.
/// Length prefixes make the encoding unambiguous whatever the texts contain.
/// From v4 the title, body and summary are written as their salted
/// commitments (`sha256:…`, see `transparency::commitment`), never as text.
/// `docs/domain.md` describes it for other implementations.
pub fn canonical_encoding(version: &HashedVersion<'_>) -> Vec<u8> {
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
    let uuid = |id: Uuid| id.hyphenated().to_string();
    let mut out = Vec::new();
    out.extend_from_slice(version.encoding.tag().as_bytes());
    out.push(b'\n');
    // v4 writes commitments in place of the texts. A v4 version with
    // neither salt nor commitments is hashed under an empty salt, which
    // cannot reproduce its hash.
    let committed = (version.encoding == HashEncoding::V4)
        .then(|| version.texts.unwrap_or(TextCommitments::Salted("")).of(version.title, version.body, version.summary));
    let (title, body, summary) = match &committed {
        Some((title, body, summary)) => (title.as_str(), body.as_str(), summary.as_deref()),
        None => (version.title, version.body, version.summary),
    };
    field(&mut out, Some(&uuid(version.proposal_id)));
    field(&mut out, Some(&version.number.to_string()));
    field(&mut out, Some(title));
    field(&mut out, Some(body));
    field(&mut out, Some(&uuid(version.editor_id)));
    field(&mut out, Some(version.kind.as_str()));
    field(&mut out, version.amendment_id.map(uuid).as_deref());
    field(&mut out, version.accepted_by.map(uuid).as_deref());
    match version.encoding {
        HashEncoding::V3 | HashEncoding::V4 => field(&mut out, version.rewritten_by.map(uuid).as_deref()),
        // Version 2 has no such field: a v2 version that names one was
        // changed after it was hashed, and must not verify.
        HashEncoding::V2 => {
            if let Some(id) = version.rewritten_by {
                field(&mut out, Some(&uuid(id)));
            }
        }
    }
    // An older version that carries commitments was changed after it was
    // hashed: the marker keeps it from verifying.
    if version.encoding != HashEncoding::V4 && version.texts.is_some() {
        out.extend_from_slice(b"texts-committed\n");
    }
    field(&mut out, summary);
    field(&mut out, Some(version.created_at));
    field(&mut out, version.previous_hash);
    out
}

/// SHA-256 of the canonical encoding, lower-case hex.
pub fn content_hash(version: &HashedVersion<'_>) -> String {
    let digest = Sha256::digest(canonical_encoding(version));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether the texts of version `number` may be erased (the operator's
/// procedure, `docs/operations.md`): not the version in force (its text is
/// what the proposal shows), not one already erased, not one hashed before
/// encoding 4 (its hash covers the text itself: erasing it would break the
/// chain), and only with a reason, which the public audit log shows.
/// Returns the reason trimmed.
pub fn ensure_erasable(
    number: i32,
    current_version: i32,
    encoding: Option<HashEncoding>,
    already_erased: bool,
    reason: &str,
) -> Result<&str, crate::DomainError> {
    use crate::{DomainError, FieldCode};
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DomainError::invalid("reason", FieldCode::Required, "say why the text is erased"));
    }
    let refuse = |why: &str| Err(DomainError::invalid("number", FieldCode::UnknownVersion, why.to_owned()));
    if number == current_version {
        return refuse("the version in force cannot be erased: publish a new version first");
    }
    if already_erased {
        return refuse("this version's text is already erased");
    }
    if encoding != Some(HashEncoding::V4) {
        return refuse("this version was hashed before encoding 4: erasing it would break the chain");
    }
    Ok(reason)
}

/// A stored version with the hashes it claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion<'a> {
    /// The hashed fields as stored.
    pub fields: HashedVersion<'a>,
    /// The hash stored with it.
    pub content_hash: &'a str,
}

/// The outcome of re-checking a history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChainReport {
    /// Every link holds.
    pub valid: bool,
    /// How many versions were checked.
    pub versions: usize,
    /// The number of the first version that does not hold, if any.
    pub first_invalid: Option<i32>,
}

/// Re-verifies a history given in version order: numbers run 1..n without
/// gaps, each version links to the one before, and each stored hash matches
/// its recomputed content.
pub fn verify_chain(versions: &[StoredVersion<'_>]) -> ChainReport {
    let mut previous: Option<&str> = None;
    for (index, version) in versions.iter().enumerate() {
        let expected_number = i32::try_from(index + 1).unwrap_or(i32::MAX);
        let linked = version.fields.previous_hash == previous;
        let numbered = version.fields.number == expected_number;
        let intact = content_hash(&version.fields) == version.content_hash;
        if !(linked && numbered && intact) {
            return ChainReport { valid: false, versions: versions.len(), first_invalid: Some(expected_number) };
        }
        previous = Some(version.content_hash);
    }
    ChainReport { valid: true, versions: versions.len(), first_invalid: None }
}

/// Holds a history to the transparency log: every stored version must be
/// logged with its content hash, and the newest logged version must be the
/// newest stored one. `stored` and `logged` are `(number, content hash)`
/// in number order. Names the first version that does not hold: one
/// changed or slipped in behind the log's back, or the first of those cut
/// off the end (which the chain alone cannot see: a shorter chain still
/// links).
pub fn check_against_log(report: ChainReport, stored: &[(i32, &str)], logged: &[(i32, &str)]) -> ChainReport {
    let logged_hash = |number: i32| logged.iter().find(|(n, _)| *n == number).map(|(_, h)| *h);
    let mismatch = stored.iter().find(|(number, hash)| logged_hash(*number) != Some(*hash)).map(|(n, _)| *n);
    let newest_stored = stored.last().map_or(0, |(n, _)| *n);
    let cut = logged.iter().map(|(n, _)| *n).max().filter(|newest| *newest > newest_stored).map(|_| newest_stored + 1);
    let first = [report.first_invalid, mismatch, cut].into_iter().flatten().min();
    ChainReport { valid: first.is_none(), first_invalid: first, ..report }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SALT: &str = "00112233445566778899aabbccddeeff";

    fn sample<'a>(number: i32, title: &'a str, body: &'a str, previous: Option<&'a str>) -> HashedVersion<'a> {
        HashedVersion {
            encoding: HashEncoding::CURRENT,
            proposal_id: Uuid::from_u128(7),
            number,
            title,
            body,
            editor_id: Uuid::from_u128(9),
            kind: if number == 1 { VersionKind::Created } else { VersionKind::Edited },
            amendment_id: None,
            accepted_by: None,
            rewritten_by: None,
            summary: None,
            created_at: "2026-11-25T10:00:00.000000Z",
            previous_hash: previous,
            texts: Some(TextCommitments::Salted(SALT)),
        }
    }

    #[test]
    fn a_valid_chain_verifies() {
        let v1 = sample(1, "Titolo della proposta", "Corpo della proposta", None);
        let h1 = content_hash(&v1);
        let v2 = sample(2, "Titolo della proposta", "Corpo modificato", Some(&h1));
        let h2 = content_hash(&v2);
        let chain = [StoredVersion { fields: v1, content_hash: &h1 }, StoredVersion { fields: v2, content_hash: &h2 }];
        assert_eq!(verify_chain(&chain), ChainReport { valid: true, versions: 2, first_invalid: None });
        assert_eq!(h1.len(), 64);
    }

    #[test]
    fn a_missing_version_or_a_broken_link_is_named() {
        let v1 = sample(1, "Titolo della proposta", "Corpo", None);
        let h1 = content_hash(&v1);
        let v3 = sample(3, "Titolo della proposta", "Corpo", Some(&h1));
        let h3 = content_hash(&v3);
        let gap =
            [StoredVersion { fields: v1.clone(), content_hash: &h1 }, StoredVersion { fields: v3, content_hash: &h3 }];
        assert_eq!(verify_chain(&gap).first_invalid, Some(2));

        let unlinked = sample(2, "Titolo della proposta", "Corpo", None);
        let hu = content_hash(&unlinked);
        let chain =
            [StoredVersion { fields: v1, content_hash: &h1 }, StoredVersion { fields: unlinked, content_hash: &hu }];
        assert_eq!(verify_chain(&chain).first_invalid, Some(2));
    }

    #[test]
    fn encoding_is_unambiguous() {
        // Moving text from the title to the body must change the hash.
        let a = sample(1, "ab", "c", None);
        let b = sample(1, "a", "bc", None);
        assert_ne!(content_hash(&a), content_hash(&b));
    }

    #[test]
    fn every_encoded_field_changes_the_hash() {
        let base = HashedVersion {
            encoding: HashEncoding::CURRENT,
            proposal_id: Uuid::from_u128(1),
            number: 2,
            title: "Titolo",
            body: "Corpo",
            editor_id: Uuid::from_u128(2),
            kind: VersionKind::Amendment,
            amendment_id: Some(Uuid::from_u128(3)),
            accepted_by: Some(Uuid::from_u128(4)),
            rewritten_by: Some(Uuid::from_u128(5)),
            summary: Some("Sintesi"),
            created_at: "2026-11-25T10:00:00.000000Z",
            previous_hash: Some("ab"),
            texts: Some(TextCommitments::Salted(SALT)),
        };
        let hash = content_hash(&base);
        let differs = |changed: HashedVersion<'_>| content_hash(&changed) != hash;
        assert!(differs(HashedVersion { proposal_id: Uuid::from_u128(9), ..base.clone() }), "proposal id");
        assert!(differs(HashedVersion { number: 3, ..base.clone() }), "number");
        assert!(differs(HashedVersion { title: "Titolo!", ..base.clone() }), "title");
        assert!(differs(HashedVersion { body: "Corpo!", ..base.clone() }), "body");
        assert!(differs(HashedVersion { editor_id: Uuid::from_u128(9), ..base.clone() }), "editor id");
        assert!(differs(HashedVersion { kind: VersionKind::Edited, ..base.clone() }), "kind");
        assert!(differs(HashedVersion { amendment_id: None, ..base.clone() }), "amendment id");
        assert!(differs(HashedVersion { amendment_id: Some(Uuid::from_u128(9)), ..base.clone() }), "amendment id");
        assert!(differs(HashedVersion { accepted_by: None, ..base.clone() }), "accepted by");
        assert!(differs(HashedVersion { accepted_by: Some(Uuid::from_u128(9)), ..base.clone() }), "accepted by");
        assert!(differs(HashedVersion { rewritten_by: None, ..base.clone() }), "rewritten by");
        assert!(differs(HashedVersion { rewritten_by: Some(Uuid::from_u128(9)), ..base.clone() }), "rewritten by");
        assert!(differs(HashedVersion { encoding: HashEncoding::V2, ..base.clone() }), "encoding");
        assert!(differs(HashedVersion { summary: None, ..base.clone() }), "summary");
        assert!(differs(HashedVersion { summary: Some(""), ..base.clone() }), "empty summary is not none");
        assert!(differs(HashedVersion { summary: Some("Sintesi!"), ..base.clone() }), "summary");
        assert!(differs(HashedVersion { created_at: "2026-11-25T10:00:00.000001Z", ..base.clone() }), "created at");
        assert!(differs(HashedVersion { previous_hash: None, ..base.clone() }), "previous hash");
        assert!(differs(HashedVersion { previous_hash: Some("ac"), ..base.clone() }), "previous hash");
        assert!(differs(HashedVersion { texts: Some(TextCommitments::Salted("00")), ..base.clone() }), "salt");
        assert!(differs(HashedVersion { texts: None, ..base.clone() }), "no salt");
        // Swapping the two optional ids must not hash alike either.
        let swapped = HashedVersion { amendment_id: base.accepted_by, accepted_by: base.amendment_id, ..base.clone() };
        assert!(differs(swapped), "field order");
    }

    #[test]
    fn encoding_numbers_round_trip_and_unknown_ones_are_refused() {
        assert_eq!(HashEncoding::CURRENT.number(), 4);
        assert_eq!(HashEncoding::from_number(2), Some(HashEncoding::V2));
        assert_eq!(HashEncoding::from_number(3), Some(HashEncoding::V3));
        assert_eq!(HashEncoding::from_number(4), Some(HashEncoding::V4));
        assert_eq!(HashEncoding::from_number(1), None, "version 1 was dropped");
        assert_eq!(HashEncoding::from_number(5), None);
    }

    fn uuid(text: &str) -> Uuid {
        Uuid::parse_str(text).unwrap()
    }

    /// The version of the worked examples in `docs/domain.md`.
    fn documented_version(encoding: HashEncoding, rewritten_by: Option<Uuid>) -> HashedVersion<'static> {
        HashedVersion {
            encoding,
            proposal_id: uuid("0192f3a0-7c1e-7b2a-9d4e-1f2a3b4c5d6e"),
            number: 2,
            title: "Più alberi in piazza",
            body: "Piantare 12 alberi.\nEntro marzo.",
            editor_id: uuid("0192f3a0-7c1e-7b2a-9d4e-000000000001"),
            kind: VersionKind::Amendment,
            amendment_id: Some(uuid("0192f3a0-7c1e-7b2a-9d4e-0000000000a1")),
            accepted_by: Some(uuid("0192f3a0-7c1e-7b2a-9d4e-0000000000f1")),
            rewritten_by,
            summary: None,
            created_at: "2026-11-25T10:30:00.000000Z",
            previous_hash: Some("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            texts: (encoding == HashEncoding::V4).then_some(TextCommitments::Salted(SALT)),
        }
    }

    /// The worked example of `docs/domain.md`, byte for byte.
    #[test]
    fn documented_example() {
        let version = documented_version(HashEncoding::V2, None);
        let expected = "emenda-version-v2\n\
            36:0192f3a0-7c1e-7b2a-9d4e-1f2a3b4c5d6e\n\
            1:2\n\
            21:Più alberi in piazza\n\
            32:Piantare 12 alberi.\nEntro marzo.\n\
            36:0192f3a0-7c1e-7b2a-9d4e-000000000001\n\
            9:amendment\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000a1\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000f1\n\
            -\n\
            27:2026-11-25T10:30:00.000000Z\n\
            64:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n";
        assert_eq!(String::from_utf8(canonical_encoding(&version)).unwrap(), expected);
        assert_eq!(content_hash(&version), "a3f3247619c633a5d788fff0ad0d5d11d38d7e64e20db8b51398b2d051ea9d8e");
    }

    /// The worked example of encoding 3 in `docs/domain.md`: the same
    /// version, whose text the accepting staff member rewrote.
    #[test]
    fn documented_example_of_encoding_3() {
        let version = documented_version(HashEncoding::V3, Some(uuid("0192f3a0-7c1e-7b2a-9d4e-0000000000f1")));
        let expected = "emenda-version-v3\n\
            36:0192f3a0-7c1e-7b2a-9d4e-1f2a3b4c5d6e\n\
            1:2\n\
            21:Più alberi in piazza\n\
            32:Piantare 12 alberi.\nEntro marzo.\n\
            36:0192f3a0-7c1e-7b2a-9d4e-000000000001\n\
            9:amendment\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000a1\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000f1\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000f1\n\
            -\n\
            27:2026-11-25T10:30:00.000000Z\n\
            64:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n";
        assert_eq!(String::from_utf8(canonical_encoding(&version)).unwrap(), expected);
        assert_eq!(content_hash(&version), "57ec890d05364372174ead2340938b43240e2c1c4a65b0d0e17f0c7de8e9bca1");
        // A version 2 row that names who rewrote it was changed afterwards.
        let v2 = HashedVersion { encoding: HashEncoding::V2, ..version.clone() };
        let untouched = HashedVersion { encoding: HashEncoding::V2, rewritten_by: None, ..version };
        assert_ne!(content_hash(&v2), content_hash(&untouched));
    }

    /// The worked example of encoding 4 in `docs/domain.md`: the same
    /// version, its texts committed under a salt; then erased, with the
    /// same hash.
    #[test]
    fn documented_example_of_encoding_4_and_its_erasure() {
        let version = documented_version(HashEncoding::V4, Some(uuid("0192f3a0-7c1e-7b2a-9d4e-0000000000f1")));
        let title = commitment(SALT.as_bytes(), "Più alberi in piazza".as_bytes());
        let body = commitment(SALT.as_bytes(), "Piantare 12 alberi.\nEntro marzo.".as_bytes());
        let expected = format!(
            "emenda-version-v4\n\
            36:0192f3a0-7c1e-7b2a-9d4e-1f2a3b4c5d6e\n\
            1:2\n\
            71:{title}\n\
            71:{body}\n\
            36:0192f3a0-7c1e-7b2a-9d4e-000000000001\n\
            9:amendment\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000a1\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000f1\n\
            36:0192f3a0-7c1e-7b2a-9d4e-0000000000f1\n\
            -\n\
            27:2026-11-25T10:30:00.000000Z\n\
            64:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"
        );
        assert_eq!(String::from_utf8(canonical_encoding(&version)).unwrap(), expected);
        assert_eq!(title, "sha256:be19e084ea8bdfd84985860e72ff6c8b230ff8c2058d5618ac49b77df2efcddf");
        assert_eq!(body, "sha256:49b218c20896a915613a98d92903729c67b2abaea2900726617e85297fd5136c");
        let hash = content_hash(&version);
        assert_eq!(hash, "4a7e82ba5e598d6cf1947272319677b6ebb3b116fd2057444aa332aa49af52e4");
        // Erased: no text, no salt, the commitments as stored. Same hash.
        let erased = HashedVersion {
            title: "",
            body: "",
            texts: Some(TextCommitments::Erased { title: &title, body: &body, summary: None }),
            ..version.clone()
        };
        assert_eq!(content_hash(&erased), hash);
        // An erased version whose commitments were changed does not verify,
        // nor does a v3 row that claims commitments.
        let forged = HashedVersion {
            texts: Some(TextCommitments::Erased { title: &body, body: &title, summary: None }),
            ..erased.clone()
        };
        assert_ne!(content_hash(&forged), hash);
        let v3 = documented_version(HashEncoding::V3, Some(uuid("0192f3a0-7c1e-7b2a-9d4e-0000000000f1")));
        assert_ne!(
            content_hash(&HashedVersion { texts: Some(TextCommitments::Salted(SALT)), ..v3.clone() }),
            content_hash(&v3)
        );
    }

    proptest! {
        /// Changing any single hashed field is detected.
        #[test]
        fn any_changed_field_breaks_the_chain(
            title in "\\PC{1,40}", body in "\\PC{0,200}", other in "\\PC{1,40}", field in 0usize..12,
        ) {
            let original = sample(1, &title, &body, None);
            let hash = content_hash(&original);
            let mut tampered = original.clone();
            let changed_text = format!("{other}~");
            match field {
                0 => tampered.proposal_id = Uuid::from_u128(8),
                1 => tampered.number = 2,
                2 => tampered.title = &changed_text,
                3 => tampered.body = &changed_text,
                4 => tampered.editor_id = Uuid::from_u128(10),
                5 => tampered.kind = VersionKind::StaffEdit,
                6 => tampered.amendment_id = Some(Uuid::from_u128(11)),
                7 => tampered.accepted_by = Some(Uuid::from_u128(12)),
                8 => tampered.summary = Some(&changed_text),
                9 => tampered.created_at = "2026-11-25T10:00:00.000001Z",
                10 => tampered.rewritten_by = Some(Uuid::from_u128(13)),
                _ => tampered.previous_hash = Some("00"),
            }
            prop_assume!(tampered != original);
            let report = verify_chain(&[StoredVersion { fields: tampered, content_hash: &hash }]);
            prop_assert!(!report.valid);
            prop_assert_eq!(report.first_invalid, Some(1));
        }
    }

    #[test]
    fn a_history_is_held_to_the_log() {
        let ok = ChainReport { valid: true, versions: 3, first_invalid: None };
        let stored = [(1, "a"), (2, "b"), (3, "c")];
        assert_eq!(check_against_log(ok.clone(), &stored, &stored), ok);
        // The newest version deleted: the chain still links, the log names it.
        assert_eq!(check_against_log(ok.clone(), &stored[..2], &stored).first_invalid, Some(3));
        // A version rewritten, or one the log never saw.
        assert_eq!(check_against_log(ok.clone(), &[(1, "a"), (2, "x"), (3, "c")], &stored).first_invalid, Some(2));
        assert_eq!(check_against_log(ok.clone(), &stored, &stored[..2]).first_invalid, Some(3));
        // The chain's own finding stays when it comes first.
        let broken = ChainReport { valid: false, versions: 3, first_invalid: Some(1) };
        assert_eq!(check_against_log(broken, &stored[..2], &stored).first_invalid, Some(1));
    }

    #[test]
    fn only_an_old_held_v4_version_is_erased_and_with_a_reason() {
        let v4 = Some(HashEncoding::V4);
        assert_eq!(ensure_erasable(2, 5, v4, false, "  art. 17  "), Ok("art. 17"));
        let field = |r: Result<&str, crate::DomainError>| match r.unwrap_err() {
            crate::DomainError::Invalid(fields) => fields[0].field.clone(),
            other => panic!("{other}"),
        };
        assert_eq!(field(ensure_erasable(2, 5, v4, false, " ")), "reason");
        assert_eq!(field(ensure_erasable(5, 5, v4, false, "x")), "number", "the version in force");
        assert_eq!(field(ensure_erasable(2, 5, v4, true, "x")), "number", "already erased");
        assert_eq!(field(ensure_erasable(2, 5, Some(HashEncoding::V3), false, "x")), "number", "before v4");
        assert_eq!(field(ensure_erasable(2, 5, None, false, "x")), "number", "unknown encoding");
    }
}
