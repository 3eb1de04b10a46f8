//! A proposal's versions and the difference between two of them.

use chrono::{DateTime, Utc};
use emenda_domain::diff::{Granularity, TextDiff};
use emenda_domain::proposal::VersionKind;
use emenda_store::versions::VersionRecord;
use serde::Serialize;
use uuid::Uuid;

/// A version without its text: who made it, how, and its place in the
/// hash chain (a timeline needs no texts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionSummary {
    /// 1 for the first; each edit or accepted amendment adds one.
    pub number: i32,
    /// Whose words these are: the author who edited, or the author of the
    /// accepted amendment.
    pub editor_id: Uuid,
    /// Their nickname.
    pub editor_nickname: String,
    /// How it came to be.
    pub kind: VersionKind,
    /// The amendment accepted into it.
    pub amendment_id: Option<Uuid>,
    /// The staff member who accepted that amendment.
    pub accepted_by: Option<Uuid>,
    /// The staff member who, accepting the amendment, wrote the final
    /// text (other than the amendment merged as it was): credited for it
    /// beside the amendment's author.
    pub rewritten_by: Option<Uuid>,
    /// Their nickname.
    pub rewritten_by_nickname: Option<String>,
    /// The author's note on what the edit changed.
    pub summary: Option<String>,
    /// When it was published.
    pub created_at: DateTime<Utc>,
    /// SHA-256 of its canonical encoding: anyone can recompute it.
    pub content_hash: String,
    /// The previous version's hash, which this one covers (null for the
    /// first), so no version can be changed or removed unseen.
    pub previous_hash: Option<String>,
    /// Its leaf index in the public transparency log (`/log`), null until
    /// sequenced (about a second after it is written): what an inclusion
    /// proof (`/api/v1/log/inclusion`) asks for.
    pub log_index: Option<u64>,
    /// When its title, body and summary were erased (they are empty now);
    /// its hash still verifies against the commitments it covers.
    pub erased_at: Option<DateTime<Utc>>,
}

impl From<VersionRecord> for VersionSummary {
    fn from(r: VersionRecord) -> Self {
        Self {
            number: r.number,
            editor_id: r.editor_id,
            editor_nickname: r.editor_nickname,
            kind: r.kind,
            amendment_id: r.amendment_id,
            accepted_by: r.accepted_by,
            rewritten_by: r.rewritten_by,
            rewritten_by_nickname: r.rewritten_by_nickname,
            summary: r.summary,
            created_at: r.created_at,
            content_hash: r.content_hash,
            previous_hash: r.previous_hash,
            log_index: r.log_index,
            erased_at: r.erasure.map(|e| e.erased_at),
        }
    }
}

/// One immutable version with its full text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Version {
    /// Who made it, how, and its place in the chain.
    #[serde(flatten)]
    pub meta: VersionSummary,
    /// The title in this version.
    pub title: String,
    /// The text in this version (Markdown).
    pub body: String,
}

impl From<VersionRecord> for Version {
    fn from(mut r: VersionRecord) -> Self {
        let (title, body) = (std::mem::take(&mut r.title), std::mem::take(&mut r.body));
        Self { meta: r.into(), title, body }
    }
}

/// The difference between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionDiff {
    /// The older version.
    pub from: i32,
    /// The newer version.
    pub to: i32,
    /// The unit compared: `word` or `line`.
    pub granularity: Granularity,
    /// How the title changed.
    pub title: TextDiff,
    /// How the text changed.
    pub body: TextDiff,
    /// When the older version's texts were erased (they then diff as
    /// empty): a reader must be told that the text was erased, not
    /// deleted by its author.
    pub from_erased_at: Option<DateTime<Utc>>,
    /// When the newer version's texts were erased, as `from_erased_at`.
    pub to_erased_at: Option<DateTime<Utc>>,
}
