//! A space, and the part of it a proposal's page needs.

use chrono::{DateTime, Utc};
use emenda_domain::space::SpaceSettings;
use emenda_store::spaces::{SpaceRecord, SpaceRules};
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
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change of its texts or settings.
    pub updated_at: DateTime<Utc>,
}

impl From<SpaceRecord> for Space {
    fn from(r: SpaceRecord) -> Self {
        Self {
            id: r.id,
            slug: r.slug,
            title: r.title,
            description: r.description,
            settings: r.settings,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
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
