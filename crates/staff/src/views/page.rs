//! The administration's pages as the API sends them.

use chrono::{DateTime, Utc};
use emenda_domain::site::SitePage;
use emenda_store::pages::PageRecord;
use serde::Serialize;
use uuid::Uuid;

/// A version of one of the administration's pages, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page {
    /// Which page: its address on the site.
    pub slug: SitePage,
    /// 1 for the text the platform ships, then one more per edit.
    pub version: i32,
    /// The latest version: the one in force.
    pub current_version: i32,
    /// Title.
    pub title: String,
    /// Text (Markdown).
    pub body: String,
    /// The admin who wrote this version; absent for the shipped text.
    pub author: Option<PageAuthor>,
    /// When this version was written.
    pub created_at: DateTime<Utc>,
}

/// Who wrote a version of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageAuthor {
    /// Their id.
    pub id: Uuid,
    /// Their display name.
    pub display_name: String,
}

/// A version of a page without its text: the footer's links, a page's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageSummary {
    /// Which page.
    pub slug: SitePage,
    /// Its version.
    pub version: i32,
    /// Title.
    pub title: String,
    /// The admin who wrote it; absent for the shipped text.
    pub author: Option<PageAuthor>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

fn author(record: &PageRecord) -> Option<PageAuthor> {
    Some(PageAuthor { id: record.author_id?, display_name: record.author_name.clone().unwrap_or_default() })
}

impl Page {
    /// The version `record` of `slug`, whose latest version is `current_version`.
    pub(crate) fn new(slug: SitePage, record: PageRecord, current_version: i32) -> Self {
        Page {
            slug,
            version: record.version,
            current_version,
            author: author(&record),
            title: record.title,
            body: record.body,
            created_at: record.created_at,
        }
    }
}

impl PageSummary {
    /// `record` (a version of `slug`) without its text.
    pub(crate) fn new(slug: SitePage, record: &PageRecord) -> Self {
        PageSummary {
            slug,
            version: record.version,
            title: record.title.clone(),
            author: author(record),
            created_at: record.created_at,
        }
    }
}
