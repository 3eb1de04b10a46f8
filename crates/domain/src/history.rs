//! The tamper-evident history of a proposal: each version's hash covers its
//! content and the previous version's hash, so changing any stored field of
//! any version, or removing one, breaks the chain from that point on.

use crate::proposal::VersionKind;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The fields of a version that its hash covers, in the order they are
/// encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedVersion<'a> {
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
    /// Creation time as stored (see `clock::format_timestamp`).
    pub created_at: &'a str,
    /// The hash of the version before; `None` for version 1.
    pub previous_hash: Option<&'a str>,
}

/// Canonical encoding: a version tag, then every field as
/// `<byte length>:<bytes>\n`, with `-\n` for an absent value. Length
/// prefixes make the encoding unambiguous whatever the texts contain.
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
    let mut out = b"emenda-version-v1\n".to_vec();
    field(&mut out, Some(&version.proposal_id.to_string()));
    field(&mut out, Some(&version.number.to_string()));
    field(&mut out, Some(version.title));
    field(&mut out, Some(version.body));
    field(&mut out, Some(&version.editor_id.to_string()));
    field(&mut out, Some(version.kind.as_str()));
    field(&mut out, version.amendment_id.map(|id| id.to_string()).as_deref());
    field(&mut out, Some(version.created_at));
    field(&mut out, version.previous_hash);
    out
}

/// SHA-256 of the canonical encoding, lower-case hex.
pub fn content_hash(version: &HashedVersion<'_>) -> String {
    let digest = Sha256::digest(canonical_encoding(version));
    digest.iter().map(|b| format!("{b:02x}")).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample<'a>(number: i32, title: &'a str, body: &'a str, previous: Option<&'a str>) -> HashedVersion<'a> {
        HashedVersion {
            proposal_id: Uuid::from_u128(7),
            number,
            title,
            body,
            editor_id: Uuid::from_u128(9),
            kind: if number == 1 { VersionKind::Created } else { VersionKind::Edited },
            amendment_id: None,
            created_at: "2026-11-25T10:00:00.000000Z",
            previous_hash: previous,
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

    proptest! {
        /// Changing any single hashed field is detected.
        #[test]
        fn any_changed_field_breaks_the_chain(
            title in "\\PC{1,40}", body in "\\PC{0,200}", other in "\\PC{1,40}", field in 0usize..9,
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
                7 => tampered.created_at = "2026-11-25T10:00:00.000001Z",
                _ => tampered.previous_hash = Some("00"),
            }
            prop_assume!(tampered != original);
            let report = verify_chain(&[StoredVersion { fields: tampered, content_hash: &hash }]);
            prop_assert!(!report.valid);
            prop_assert_eq!(report.first_invalid, Some(1));
        }
    }
}
