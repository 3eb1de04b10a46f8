//! A space, and the part of it a proposal's page needs.

use chrono::{DateTime, NaiveDate, Utc};
use emenda_domain::space::{current_phase, Phase, SpaceSettings};
use emenda_domain::topics::Topic;
use emenda_store::spaces::{SpaceRecord, SpaceRules, SpaceTotals};
use serde::Serialize;
use uuid::Uuid;

/// A participatory space: a process with its own rules of participation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Space {
    /// Its id (paths name a space by its slug).
    pub id: Uuid,
    /// URL name, used in paths (`/spaces/{slug}`) and list filters.
    pub slug: String,
    /// Its name.
    pub title: String,
    /// What the process is about, in Markdown.
    pub description: String,
    /// The rules of participation in force.
    pub settings: SpaceSettings,
    /// Its phases, in order, with their dates.
    pub phases: Vec<Phase>,
    /// The position in `phases` of the one under way today (UTC); absent
    /// before the first, between two, after the last, or without phases.
    pub current_phase: Option<usize>,
    /// What it holds now.
    pub totals: SpaceCounts,
    /// What its proposals may be about, in order (`category` on a
    /// proposal, and the list filter of the same name).
    pub categories: Vec<Topic>,
    /// Where its proposals may apply, in order (`area`, likewise).
    pub areas: Vec<Topic>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change of its texts or settings.
    pub updated_at: DateTime<Utc>,
}

/// What a space holds: its visible proposals, and the counted supports and
/// visible comments on them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceCounts {
    /// Visible proposals.
    pub proposals: i64,
    /// Supports that count, on those proposals.
    pub supports: i64,
    /// Visible comments on those proposals.
    pub comments: i64,
}

impl Space {
    /// The space `r` with its phases (the one under way on `today`) and totals.
    pub(crate) fn new(r: SpaceRecord, phases: Vec<Phase>, today: NaiveDate, totals: SpaceTotals) -> Self {
        Self {
            id: r.id,
            slug: r.slug,
            title: r.title,
            description: r.description,
            settings: r.settings,
            current_phase: current_phase(&phases, today),
            phases,
            totals: SpaceCounts { proposals: totals.proposals, supports: totals.supports, comments: totals.comments },
            categories: Vec::new(),
            areas: Vec::new(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }

    /// The same space with its categories and areas.
    pub(crate) fn with_topics(self, categories: Vec<Topic>, areas: Vec<Topic>) -> Self {
        Self { categories, areas, ..self }
    }
}

/// The space of a proposal, as its page needs it: the name for the
/// breadcrumb and the rules its buttons obey (the description is on the
/// space's own page).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalSpace {
    /// URL name.
    pub slug: String,
    /// Its name, for the breadcrumb.
    pub title: String,
    /// The rules of participation in force.
    pub settings: SpaceSettings,
}

impl From<SpaceRules> for ProposalSpace {
    fn from(r: SpaceRules) -> Self {
        Self { slug: r.slug, title: r.title, settings: r.settings }
    }
}
