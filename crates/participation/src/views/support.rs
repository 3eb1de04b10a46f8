//! Supports: the caller's own, the outcome of giving one, and the public
//! list of supporters.

use crate::views::Person;
use chrono::{DateTime, Utc};
use emenda_store::supports::SupporterRecord;
use serde::Serialize;
use uuid::Uuid;

/// The caller's own support of a proposal, so they can see whether it
/// still counts and what changed since they gave it ("you supported
/// version 3; now at 5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MySupport {
    /// The version the support is pinned to (given or last re-confirmed on).
    pub version: i32,
    /// The proposal's current version: when greater than `version`, the
    /// text changed since the support (re-confirm with `PUT …/support`).
    pub current_version: i32,
    /// Not counted yet: the caller has fewer supports in the space than its
    /// `minimum_supports_per_user`.
    pub pending: bool,
    /// When the support was first given.
    pub supported_at: DateTime<Utc>,
    /// When it was last given or re-confirmed.
    pub confirmed_at: DateTime<Utc>,
    /// Where the public log recorded this support being given, for its
    /// giver alone to check.
    pub receipt: SupportReceipt,
}

/// What lets a supporter find their support in the public log, and nobody
/// else tell it is theirs: the log names them by
/// `sha256:hex(SHA-256(salt || their user id))`, the same for all their
/// supports in the space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportReceipt {
    /// The salt of the supporter's pseudonym in the space (hex). Shown only
    /// to them: whoever holds it can tell which supports are theirs.
    pub salt: Option<String>,
    /// The pseudonym the log names them by in the space.
    pub pseudonym: Option<String>,
    /// Leaf index of the entry that logged the support given; `null`
    /// until the log has sequenced it.
    pub log_index: Option<u64>,
}

/// What a support request ended with: the caller's support and the
/// proposal's counters after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportOutcome {
    /// Whether the support is new (otherwise it was re-confirmed): the
    /// answer's status says it (201 or 200).
    #[serde(skip)]
    pub created: bool,
    /// The proposal supported.
    pub proposal_id: Uuid,
    /// The caller's support, pinned to the current version.
    pub my_support: MySupport,
    /// Supports that count.
    pub supports_count: i32,
    /// Every support, counted or pending.
    pub supports_given: i32,
    /// When the proposal reached the space's support threshold.
    pub qualified_at: Option<DateTime<Utc>>,
}

/// One counted supporter, as a public supporter list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Supporter {
    /// Who supports.
    pub user: Person,
    /// The version their support is pinned to.
    pub version: i32,
    /// When they gave it.
    pub supported_at: DateTime<Utc>,
}

impl From<SupporterRecord> for Supporter {
    fn from(r: SupporterRecord) -> Self {
        Self {
            user: Person { id: r.user_id, nickname: r.nickname, display_name: r.display_name },
            version: r.version,
            supported_at: r.created_at,
        }
    }
}
