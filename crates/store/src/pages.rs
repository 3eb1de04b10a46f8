//! The administration's own pages (legal notes, privacy notice,
//! accessibility statement): Markdown, each edit a new version; the
//! database refuses to change or delete a version.

use crate::schema::{site_pages, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

/// A version of a page as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRecord {
    /// Its address: `note-legali`, `privacy` or `accessibilita`.
    pub slug: String,
    /// 1 for the text the platform ships, then one more per edit.
    pub version: i32,
    /// Title.
    pub title: String,
    /// Text (Markdown).
    pub body: String,
    /// The admin who wrote it (none for the text the platform ships).
    pub author_id: Option<Uuid>,
    /// Their display name.
    pub author_name: Option<String>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

/// What writing a version takes.
#[derive(Debug, Clone)]
pub struct NewPage<'a> {
    /// The page.
    pub slug: &'a str,
    /// The new version's number: the current one plus one (the key refuses
    /// a second writer of the same number).
    pub version: i32,
    /// Title.
    pub title: &'a str,
    /// Text (Markdown).
    pub body: &'a str,
    /// The admin, or none for the shipped text.
    pub author_id: Option<Uuid>,
    /// When.
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = site_pages)]
struct PageRow {
    slug: String,
    version: i32,
    title: String,
    body: String,
    author_id: Option<Stored<Uuid>>,
    #[diesel(select_expression = users::display_name.nullable())]
    author_name: Option<String>,
    created_at: Stored<DateTime<Utc>>,
}

impl From<PageRow> for PageRecord {
    fn from(row: PageRow) -> Self {
        PageRecord {
            slug: row.slug,
            version: row.version,
            title: row.title,
            body: row.body,
            author_id: row.author_id.map(|id| id.0),
            author_name: row.author_name,
            created_at: row.created_at.0,
        }
    }
}

/// Writes a version; a version number already taken fails with `Duplicate`.
pub fn insert(tx: &mut Tx<'_>, page: &NewPage<'_>) -> Result<(), StoreError> {
    diesel::insert_into(site_pages::table)
        .values((
            site_pages::slug.eq(page.slug),
            site_pages::version.eq(page.version),
            site_pages::title.eq(page.title),
            site_pages::body.eq(page.body),
            site_pages::author_id.eq(page.author_id.map(Stored)),
            site_pages::created_at.eq(Stored(page.created_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Version `version` of the page, or its latest when `version` is `None`.
pub fn get(tx: &mut Tx<'_>, slug: &str, version: Option<i32>) -> Result<Option<PageRecord>, StoreError> {
    let mut query = site_pages::table
        .left_join(users::table)
        .filter(site_pages::slug.eq(slug))
        .select(PageRow::as_select())
        .order(site_pages::version.desc())
        .limit(1)
        .into_boxed();
    if let Some(version) = version {
        query = query.filter(site_pages::version.eq(version));
    }
    Ok(query.load(tx.conn())?.into_iter().next().map(PageRecord::from))
}

/// Every version of the page, newest first.
pub fn versions(tx: &mut Tx<'_>, slug: &str) -> Result<Vec<PageRecord>, StoreError> {
    let rows = site_pages::table
        .left_join(users::table)
        .filter(site_pages::slug.eq(slug))
        .select(PageRow::as_select())
        .order(site_pages::version.desc())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(PageRecord::from).collect())
}

/// The latest version of every page, by slug.
pub fn latest(tx: &mut Tx<'_>) -> Result<Vec<PageRecord>, StoreError> {
    let rows = site_pages::table
        .left_join(users::table)
        .select(PageRow::as_select())
        .order((site_pages::slug.asc(), site_pages::version.desc()))
        .load(tx.conn())?;
    let mut latest: Vec<PageRecord> = Vec::new();
    for row in rows.into_iter().map(PageRecord::from) {
        if latest.last().is_none_or(|last| last.slug != row.slug) {
            latest.push(row);
        }
    }
    Ok(latest)
}
