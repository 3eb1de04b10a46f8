//! Spaces (participatory processes) and their settings.

use crate::schema::{proposals, space_phases, space_topics, spaces};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use emenda_domain::space::{AmendmentsVisibility, Phase, SpaceSettings};
use emenda_domain::topics::{Topic, TopicKind};
use uuid::Uuid;

/// A space as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceRecord {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// The space's name, shown on its page and above its proposals.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// The rules the space's proposals obey.
    pub settings: SpaceSettings,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A space's name and rules without its description: what a proposal's
/// page needs of it, read with the proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceRules {
    /// URL name.
    pub slug: String,
    /// The space's name, shown on its page and above its proposals.
    pub title: String,
    /// The rules the space's proposals obey.
    pub settings: SpaceSettings,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = spaces)]
struct SpaceRow {
    id: Stored<Uuid>,
    slug: String,
    title: String,
    description: String,
    #[diesel(embed)]
    settings: SettingsRow,
    created_at: Stored<DateTime<Utc>>,
    updated_at: Stored<DateTime<Utc>>,
}

/// The settings columns, read on their own with a proposal's page.
#[derive(Queryable, Selectable)]
#[diesel(table_name = spaces)]
pub(crate) struct SettingsRow {
    proposals_open: bool,
    supports_open: bool,
    amendments_open: bool,
    comments_open: bool,
    support_limit_per_user: i32,
    support_threshold: i32,
    supports_beyond_threshold: bool,
    verification_required_to_propose: bool,
    verification_required_to_support: bool,
    supporters_public: bool,
    amendments_visibility: Stored<AmendmentsVisibility>,
    max_reports_before_hiding: i32,
    minimum_supports_per_user: i32,
}

impl From<SettingsRow> for SpaceSettings {
    fn from(row: SettingsRow) -> Self {
        SpaceSettings {
            proposals_open: row.proposals_open,
            supports_open: row.supports_open,
            amendments_open: row.amendments_open,
            comments_open: row.comments_open,
            support_limit_per_user: row.support_limit_per_user,
            support_threshold: row.support_threshold,
            supports_beyond_threshold: row.supports_beyond_threshold,
            verification_required_to_propose: row.verification_required_to_propose,
            verification_required_to_support: row.verification_required_to_support,
            supporters_public: row.supporters_public,
            amendments_visibility: row.amendments_visibility.0,
            max_reports_before_hiding: row.max_reports_before_hiding,
            minimum_supports_per_user: row.minimum_supports_per_user,
        }
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = spaces)]
struct SpaceChanges<'a> {
    slug: &'a str,
    title: &'a str,
    description: &'a str,
    proposals_open: bool,
    supports_open: bool,
    amendments_open: bool,
    comments_open: bool,
    support_limit_per_user: i32,
    support_threshold: i32,
    supports_beyond_threshold: bool,
    verification_required_to_propose: bool,
    verification_required_to_support: bool,
    supporters_public: bool,
    amendments_visibility: Stored<AmendmentsVisibility>,
    max_reports_before_hiding: i32,
    minimum_supports_per_user: i32,
    updated_at: Stored<DateTime<Utc>>,
}

impl<'a> SpaceChanges<'a> {
    fn of(space: &'a SpaceRecord) -> Self {
        let s = &space.settings;
        Self {
            slug: &space.slug,
            title: &space.title,
            description: &space.description,
            proposals_open: s.proposals_open,
            supports_open: s.supports_open,
            amendments_open: s.amendments_open,
            comments_open: s.comments_open,
            support_limit_per_user: s.support_limit_per_user,
            support_threshold: s.support_threshold,
            supports_beyond_threshold: s.supports_beyond_threshold,
            verification_required_to_propose: s.verification_required_to_propose,
            verification_required_to_support: s.verification_required_to_support,
            supporters_public: s.supporters_public,
            amendments_visibility: Stored(s.amendments_visibility),
            max_reports_before_hiding: s.max_reports_before_hiding,
            minimum_supports_per_user: s.minimum_supports_per_user,
            updated_at: Stored(space.updated_at),
        }
    }
}

impl From<SpaceRow> for SpaceRecord {
    fn from(row: SpaceRow) -> Self {
        SpaceRecord {
            id: row.id.0,
            slug: row.slug,
            title: row.title,
            description: row.description,
            settings: row.settings.into(),
            created_at: row.created_at.0,
            updated_at: row.updated_at.0,
        }
    }
}

/// Writes a new space; a taken slug fails with `Duplicate`.
pub fn insert(tx: &mut Tx<'_>, space: &SpaceRecord) -> Result<(), StoreError> {
    diesel::insert_into(spaces::table)
        .values((
            spaces::id.eq(Stored(space.id)),
            SpaceChanges::of(space),
            spaces::created_at.eq(Stored(space.created_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Saves the texts and settings of an existing space.
pub fn update(tx: &mut Tx<'_>, space: &SpaceRecord) -> Result<(), StoreError> {
    diesel::update(spaces::table.filter(spaces::id.eq(Stored(space.id))))
        .set(SpaceChanges::of(space))
        .execute(tx.conn())?;
    Ok(())
}

fn first(rows: Vec<SpaceRow>) -> Option<SpaceRecord> {
    rows.into_iter().next().map(SpaceRecord::from)
}

/// Locks the space's row until the transaction ends and reads it again, so
/// that concurrent changes to one space's settings queue instead of one
/// silently undoing the other (PostgreSQL row lock; SQLite's write
/// transaction already holds the write lock).
pub fn find_for_update(tx: &mut Tx<'_>, slug: &str) -> Result<Option<SpaceRecord>, StoreError> {
    if let crate::connection::DbConnection::Postgres(connection) = tx.conn() {
        diesel::sql_query("SELECT id FROM spaces WHERE slug = $1 FOR NO KEY UPDATE")
            .bind::<diesel::sql_types::Text, _>(slug)
            .execute(connection)?;
    }
    find_by_slug(tx, slug)
}

/// Takes a shared lock on the space's row until the transaction ends and
/// reads it again. Supports decide on the space's settings (the minimum,
/// the limit, the threshold) under this lock, so a settings change (which
/// takes the row exclusively, [`find_for_update`]) waits for supports in
/// flight and they wait for it: the recount it makes is never overtaken.
/// Shared locks do not exclude each other, so supports never queue here.
/// SQLite's write transaction already holds the write lock.
pub fn lock_for_share(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<SpaceRecord>, StoreError> {
    if let crate::connection::DbConnection::Postgres(connection) = tx.conn() {
        // One statement: the lock and the read it protects.
        return Ok(first(
            spaces::table
                .filter(spaces::id.eq(Stored(id)))
                .select(SpaceRow::as_select())
                .for_share()
                .load(connection)?,
        ));
    }
    find_by_id(tx, id)
}

/// The space with this slug.
pub fn find_by_slug(tx: &mut Tx<'_>, slug: &str) -> Result<Option<SpaceRecord>, StoreError> {
    Ok(first(spaces::table.filter(spaces::slug.eq(slug)).select(SpaceRow::as_select()).limit(1).load(tx.conn())?))
}

/// The space with this id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<SpaceRecord>, StoreError> {
    Ok(first(spaces::table.filter(spaces::id.eq(Stored(id))).select(SpaceRow::as_select()).limit(1).load(tx.conn())?))
}

/// Spaces in creation order, after the cursor id, at most `limit`.
pub fn list(tx: &mut Tx<'_>, after: Option<Uuid>, limit: i64) -> Result<Vec<SpaceRecord>, StoreError> {
    let mut query = spaces::table.select(SpaceRow::as_select()).order(spaces::id.asc()).limit(limit).into_boxed();
    if let Some(after) = after {
        query = query.filter(spaces::id.gt(Stored(after)));
    }
    Ok(query.load(tx.conn())?.into_iter().map(SpaceRecord::from).collect())
}

/// The phases of each of these spaces, in order, by space id.
pub fn phases(tx: &mut Tx<'_>, space_ids: &[Uuid]) -> Result<Vec<(Uuid, Phase)>, StoreError> {
    if space_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Stored<Uuid>, String, String, Option<String>)> = space_phases::table
        .filter(space_phases::space_id.eq_any(space_ids.iter().map(|id| Stored(*id)).collect::<Vec<_>>()))
        .order((space_phases::space_id.asc(), space_phases::position.asc()))
        .select((space_phases::space_id, space_phases::name, space_phases::starts_on, space_phases::ends_on))
        .load(tx.conn())?;
    let date = |text: &str| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("phase date {text}: {e}")))
    };
    rows.into_iter()
        .map(|(space, name, starts_on, ends_on)| {
            Ok((
                space.0,
                Phase { name, starts_on: date(&starts_on)?, ends_on: ends_on.as_deref().map(date).transpose()? },
            ))
        })
        .collect()
}

/// Replaces the space's phases with these, in order.
pub fn set_phases(tx: &mut Tx<'_>, space_id: Uuid, phases: &[Phase]) -> Result<(), StoreError> {
    diesel::delete(space_phases::table.filter(space_phases::space_id.eq(Stored(space_id)))).execute(tx.conn())?;
    for (position, phase) in phases.iter().enumerate() {
        diesel::insert_into(space_phases::table)
            .values((
                space_phases::space_id.eq(Stored(space_id)),
                space_phases::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                space_phases::name.eq(&phase.name),
                space_phases::starts_on.eq(phase.starts_on.format("%Y-%m-%d").to_string()),
                space_phases::ends_on.eq(phase.ends_on.map(|d| d.format("%Y-%m-%d").to_string())),
            ))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// The topics of each of these spaces, in order: `(space id, kind, topic)`.
pub fn topics(tx: &mut Tx<'_>, space_ids: &[Uuid]) -> Result<Vec<(Uuid, TopicKind, Topic)>, StoreError> {
    if space_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Stored<Uuid>, String, String, String)> = space_topics::table
        .filter(space_topics::space_id.eq_any(space_ids.iter().map(|id| Stored(*id)).collect::<Vec<_>>()))
        .order((space_topics::space_id.asc(), space_topics::kind.asc(), space_topics::position.asc()))
        .select((space_topics::space_id, space_topics::kind, space_topics::slug, space_topics::name))
        .load(tx.conn())?;
    rows.into_iter()
        .map(|(space, kind, slug, name)| {
            let kind = TopicKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("topic kind {kind}")))?;
            Ok((space.0, kind, Topic { slug, name }))
        })
        .collect()
}

/// Replaces the space's list of one kind with `topics`, in order.
pub fn set_topics(tx: &mut Tx<'_>, space_id: Uuid, kind: TopicKind, topics: &[Topic]) -> Result<(), StoreError> {
    diesel::delete(
        space_topics::table
            .filter(space_topics::space_id.eq(Stored(space_id)))
            .filter(space_topics::kind.eq(kind.as_str())),
    )
    .execute(tx.conn())?;
    for (position, topic) in topics.iter().enumerate() {
        diesel::insert_into(space_topics::table)
            .values((
                space_topics::space_id.eq(Stored(space_id)),
                space_topics::kind.eq(kind.as_str()),
                space_topics::slug.eq(&topic.slug),
                space_topics::name.eq(&topic.name),
                space_topics::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
            ))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// How many of the space's proposals (hidden ones too) are filed under
/// each of these slugs of one kind; a slug no proposal uses is absent.
pub fn topic_use(
    tx: &mut Tx<'_>,
    space_id: Uuid,
    kind: TopicKind,
    slugs: &[&str],
) -> Result<Vec<(String, i64)>, StoreError> {
    use diesel::dsl::count_star;
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let in_space = proposals::table.filter(proposals::space_id.eq(Stored(space_id)));
    let rows: Vec<(Option<String>, i64)> = match kind {
        TopicKind::Category => in_space
            .filter(proposals::category.eq_any(slugs))
            .group_by(proposals::category)
            .select((proposals::category, count_star()))
            .load(tx.conn())?,
        TopicKind::Area => in_space
            .filter(proposals::area.eq_any(slugs))
            .group_by(proposals::area)
            .select((proposals::area, count_star()))
            .load(tx.conn())?,
    };
    Ok(rows.into_iter().filter_map(|(slug, n)| slug.map(|s| (s, n))).collect())
}

/// What a space holds, for its page: visible proposals, and the counted
/// supports and visible comments on them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpaceTotals {
    /// Visible proposals.
    pub proposals: i64,
    /// Supports that count, on those proposals.
    pub supports: i64,
    /// Visible comments on those proposals.
    pub comments: i64,
}

/// A space's id, proposals, and sums of their supports and comments.
type TotalsRow = (Stored<Uuid>, i64, Option<i64>, Option<i64>);

/// The totals of each of these spaces (one grouped statement over their
/// proposals' counters), by space id; a space without proposals is absent.
pub fn totals(tx: &mut Tx<'_>, space_ids: &[Uuid]) -> Result<Vec<(Uuid, SpaceTotals)>, StoreError> {
    use diesel::dsl::{count_star, sum};
    if space_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<TotalsRow> = proposals::table
        .filter(proposals::hidden.eq(false))
        .filter(proposals::space_id.eq_any(space_ids.iter().map(|id| Stored(*id)).collect::<Vec<_>>()))
        .group_by(proposals::space_id)
        .select((proposals::space_id, count_star(), sum(proposals::supports_count), sum(proposals::comments_count)))
        .load(tx.conn())?;
    Ok(rows
        .into_iter()
        .map(|(space, proposals, supports, comments)| {
            (space.0, SpaceTotals { proposals, supports: supports.unwrap_or(0), comments: comments.unwrap_or(0) })
        })
        .collect())
}
