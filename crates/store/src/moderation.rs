//! Reports and the moderation rows they gather on: one `moderations` row
//! per reported (or moderated) item is the unit of the staff queue and the
//! lock under which the report that reaches the space's limit hides the
//! item; one `reports` row per participant and item, which the
//! `reports_once` unique index guarantees.

use crate::connection::DbConnection;
use crate::schema::{amendments, comments, moderations, proposals, reports, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::listing::QueueSort;
use emenda_domain::moderation::{QueueState, ReportReason, ReportState, TargetKind};
use uuid::Uuid;

/// One moderated item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModerationRecord {
    /// Id (the queue's order: the first report or moderation of the item).
    pub id: Uuid,
    /// What kind of item.
    pub target_kind: TargetKind,
    /// The item.
    pub target_id: Uuid,
    /// Its space.
    pub space_id: Uuid,
    /// Reports not yet worked by staff.
    pub open_reports: i32,
    /// When it was last reported.
    pub last_reported_at: Option<DateTime<Utc>>,
    /// When the row was made.
    pub created_at: DateTime<Utc>,
    /// The audit entry of the staff hide in force, which an undo may name
    /// (`None` while the item is visible, or hidden otherwise).
    pub hide_entry: Option<Uuid>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = moderations)]
struct ModerationRow {
    id: Stored<Uuid>,
    target_kind: Stored<TargetKind>,
    target_id: Stored<Uuid>,
    space_id: Stored<Uuid>,
    open_reports: i32,
    last_reported_at: Option<Stored<DateTime<Utc>>>,
    created_at: Stored<DateTime<Utc>>,
    hide_entry: Option<Stored<Uuid>>,
}

impl From<ModerationRow> for ModerationRecord {
    fn from(row: ModerationRow) -> Self {
        ModerationRecord {
            id: row.id.0,
            target_kind: row.target_kind.0,
            target_id: row.target_id.0,
            space_id: row.space_id.0,
            open_reports: row.open_reports,
            last_reported_at: row.last_reported_at.map(|t| t.0),
            created_at: row.created_at.0,
            hide_entry: row.hide_entry.map(|e| e.0),
        }
    }
}

fn find(tx: &mut Tx<'_>, kind: TargetKind, target_id: Uuid) -> Result<Option<ModerationRecord>, StoreError> {
    let rows: Vec<ModerationRow> = moderations::table
        .filter(moderations::target_kind.eq(Stored(kind)))
        .filter(moderations::target_id.eq(Stored(target_id)))
        .select(ModerationRow::as_select())
        .limit(1)
        .load(tx.conn())?;
    Ok(rows.into_iter().next().map(ModerationRecord::from))
}

/// The moderation row of an item, if it has one.
pub fn find_for_target(
    tx: &mut Tx<'_>,
    kind: TargetKind,
    target_id: Uuid,
) -> Result<Option<ModerationRecord>, StoreError> {
    find(tx, kind, target_id)
}

/// Makes sure the item has its moderation row (a concurrent maker wins
/// quietly: `ON CONFLICT DO NOTHING` on the `moderations_target` index),
/// then locks it until the transaction ends and reads it. Callers hold the
/// item's proposal lock first (the lock order in `docs/architecture.md`).
pub fn ensure_and_lock(
    tx: &mut Tx<'_>,
    new_id: Uuid,
    kind: TargetKind,
    target_id: Uuid,
    space_id: Uuid,
    at: DateTime<Utc>,
) -> Result<ModerationRecord, StoreError> {
    let values = (
        moderations::id.eq(Stored(new_id)),
        moderations::target_kind.eq(Stored(kind)),
        moderations::target_id.eq(Stored(target_id)),
        moderations::space_id.eq(Stored(space_id)),
        moderations::created_at.eq(Stored(at)),
        moderations::updated_at.eq(Stored(at)),
    );
    let target = (moderations::target_kind, moderations::target_id);
    match tx.conn() {
        DbConnection::Sqlite(c) => {
            diesel::insert_into(moderations::table).values(values).on_conflict(target).do_nothing().execute(c)?
        }
        DbConnection::Postgres(c) => {
            diesel::insert_into(moderations::table).values(values).on_conflict(target).do_nothing().execute(c)?;
            diesel::sql_query("SELECT id FROM moderations WHERE target_kind = $1 AND target_id = $2 FOR NO KEY UPDATE")
                .bind::<diesel::sql_types::Text, _>(Stored(kind))
                .bind::<diesel::sql_types::Text, _>(Stored(target_id))
                .execute(c)?
        }
    };
    find(tx, kind, target_id)?.ok_or_else(|| StoreError::Corrupt(format!("moderation of {kind} {target_id} vanished")))
}

/// Whether `reporter_id` has reported the item, in any state: a
/// participant reports an item once (the `reports_once` index decides for
/// reports racing each other).
pub fn has_reported(tx: &mut Tx<'_>, kind: TargetKind, target_id: Uuid, reporter_id: Uuid) -> Result<bool, StoreError> {
    let count: i64 = reports::table
        .inner_join(moderations::table)
        .filter(moderations::target_kind.eq(Stored(kind)))
        .filter(moderations::target_id.eq(Stored(target_id)))
        .filter(reports::reporter_id.eq(Stored(reporter_id)))
        .count()
        .get_result(tx.conn())?;
    Ok(count > 0)
}

/// What reporting writes.
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// The item's moderation row.
    pub moderation_id: Uuid,
    /// Who reports.
    pub reporter_id: Uuid,
    /// Why.
    pub reason: ReportReason,
    /// Validated details (may be empty).
    pub details: &'a str,
    /// When it was written (UTC, stored with microseconds).
    pub created_at: DateTime<Utc>,
}

/// Writes an open report and counts it on its moderation row; returns the
/// open reports now. A second report of the same participant on the same
/// item fails with `Duplicate` (the `reports_once` index decides).
pub fn add_report(tx: &mut Tx<'_>, report: &NewReport<'_>) -> Result<i32, StoreError> {
    let at = Stored(report.created_at);
    diesel::insert_into(reports::table)
        .values((
            reports::id.eq(Stored(report.id)),
            reports::moderation_id.eq(Stored(report.moderation_id)),
            reports::reporter_id.eq(Stored(report.reporter_id)),
            reports::reason.eq(Stored(report.reason)),
            reports::details.eq(report.details),
            reports::state.eq(Stored(ReportState::Open)),
            reports::created_at.eq(&at),
        ))
        .execute(tx.conn())?;
    diesel::update(moderations::table.filter(moderations::id.eq(Stored(report.moderation_id))))
        .set((
            moderations::open_reports.eq(moderations::open_reports + 1),
            moderations::last_reported_at.eq(Some(&at)),
            moderations::updated_at.eq(&at),
        ))
        .execute(tx.conn())?;
    Ok(moderations::table
        .filter(moderations::id.eq(Stored(report.moderation_id)))
        .select(moderations::open_reports)
        .first(tx.conn())?)
}

/// Who closed reports, when, and in which act: the act's audit entry,
/// which each report it closes keeps, so that an undo of the act can
/// reopen exactly those.
#[derive(Debug, Clone, Copy)]
pub struct Resolution {
    /// The staff member.
    pub by: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// The id of the act's audit entry (written later in the same
    /// transaction).
    pub entry: Uuid,
}

/// Closes every open report of the item as `to` (upheld or dismissed) in
/// the act `resolution`, and sets its open count to zero; returns how many
/// were open.
pub fn resolve_open(
    tx: &mut Tx<'_>,
    moderation_id: Uuid,
    to: ReportState,
    resolution: &Resolution,
) -> Result<usize, StoreError> {
    let at = Stored(resolution.at);
    let closed = diesel::update(
        reports::table
            .filter(reports::moderation_id.eq(Stored(moderation_id)))
            .filter(reports::state.eq(Stored(ReportState::Open))),
    )
    .set((
        reports::state.eq(Stored(to)),
        reports::resolved_by.eq(Stored(resolution.by)),
        reports::resolved_at.eq(&at),
        reports::resolution_entry.eq(Stored(resolution.entry)),
    ))
    .execute(tx.conn())?;
    diesel::update(moderations::table.filter(moderations::id.eq(Stored(moderation_id))))
        .set((moderations::open_reports.eq(0), moderations::updated_at.eq(&at)))
        .execute(tx.conn())?;
    Ok(closed)
}

/// Reopens the reports of the item that the act recorded in `entry`
/// upheld (an undone hide), and counts them open again on the moderation
/// row; returns how many. Reports other acts closed stay as they are.
pub fn reopen_upheld(
    tx: &mut Tx<'_>,
    moderation_id: Uuid,
    entry: Uuid,
    at: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let reopened = diesel::update(
        reports::table
            .filter(reports::moderation_id.eq(Stored(moderation_id)))
            .filter(reports::state.eq(Stored(ReportState::Upheld)))
            .filter(reports::resolution_entry.eq(Stored(entry))),
    )
    .set((
        reports::state.eq(Stored(ReportState::Open)),
        reports::resolved_by.eq(None::<Stored<Uuid>>),
        reports::resolved_at.eq(None::<Stored<DateTime<Utc>>>),
        reports::resolution_entry.eq(None::<Stored<Uuid>>),
    ))
    .execute(tx.conn())?;
    let added = i32::try_from(reopened).map_err(|_| StoreError::Corrupt(format!("{reopened} reports reopened")))?;
    diesel::update(moderations::table.filter(moderations::id.eq(Stored(moderation_id))))
        .set((moderations::open_reports.eq(moderations::open_reports + added), moderations::updated_at.eq(Stored(at))))
        .execute(tx.conn())?;
    Ok(reopened)
}

/// Records the staff hide in force on the item's moderation row (its audit
/// entry), or that there is none (`None`: the item was shown again).
pub fn set_hide_entry(tx: &mut Tx<'_>, moderation_id: Uuid, entry: Option<Uuid>) -> Result<(), StoreError> {
    diesel::update(moderations::table.filter(moderations::id.eq(Stored(moderation_id))))
        .set(moderations::hide_entry.eq(entry.map(Stored)))
        .execute(tx.conn())?;
    Ok(())
}

/// How many reports of the item are open, counted from the rows (the
/// check on `open_reports`).
pub fn count_open(tx: &mut Tx<'_>, moderation_id: Uuid) -> Result<i64, StoreError> {
    Ok(reports::table
        .filter(reports::moderation_id.eq(Stored(moderation_id)))
        .filter(reports::state.eq(Stored(ReportState::Open)))
        .count()
        .get_result(tx.conn())?)
}

/// Which entries of the staff's report queue a page shows.
#[derive(Debug, Clone, Copy)]
pub struct QueueFilter<'a> {
    /// Only items of these spaces (`None`: all).
    pub spaces: Option<&'a [Uuid]>,
    /// Items with open reports, hidden items, or all.
    pub state: QueueState,
    /// Only items reported for this reason: among their open reports in
    /// the `open` view (what waits for a decision), among all their
    /// reports otherwise.
    pub reason: Option<ReportReason>,
}

/// One page of the staff queue in `sort` order, after the cursor id (the
/// last entry of the previous page, in the same order).
pub fn queue(
    tx: &mut Tx<'_>,
    filter: &QueueFilter<'_>,
    sort: QueueSort,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ModerationRecord>, StoreError> {
    let (spaces, state) = (filter.spaces, filter.state);
    let mut query = moderations::table.select(ModerationRow::as_select()).limit(limit).into_boxed();
    query = match sort {
        QueueSort::Oldest => query.order(moderations::id.asc()),
        QueueSort::Newest => query.order(moderations::id.desc()),
    };
    if let Some(spaces) = spaces {
        let ids: Vec<Stored<Uuid>> = spaces.iter().copied().map(Stored).collect();
        query = query.filter(moderations::space_id.eq_any(ids));
    }
    match state {
        // Written as the partial indexes `moderations_open*` are, so both
        // databases read the open entries from them instead of every row.
        QueueState::Open => {
            query = query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>("moderations.open_reports > 0"))
        }
        QueueState::Hidden => {
            let proposal = moderations::target_kind
                .eq(Stored(TargetKind::Proposal))
                .and(moderations::target_id.eq_any(proposals::table.filter(proposals::hidden).select(proposals::id)));
            let amendment = moderations::target_kind.eq(Stored(TargetKind::Amendment)).and(
                moderations::target_id.eq_any(amendments::table.filter(amendments::hidden).select(amendments::id)),
            );
            let comment = moderations::target_kind
                .eq(Stored(TargetKind::Comment))
                .and(moderations::target_id.eq_any(comments::table.filter(comments::hidden).select(comments::id)));
            query = query.filter(proposal.or(amendment).or(comment));
        }
        QueueState::All => {}
    }
    if let Some(reason) = filter.reason {
        // Through the reports' index by item: an item is in the page when
        // one of its reports names the reason.
        let with_reason = reports::table.filter(reports::reason.eq(Stored(reason)));
        query = if state == QueueState::Open {
            let open = with_reason.filter(reports::state.eq(Stored(ReportState::Open)));
            query.filter(moderations::id.eq_any(open.select(reports::moderation_id)))
        } else {
            query.filter(moderations::id.eq_any(with_reason.select(reports::moderation_id)))
        };
    }
    if let Some(after) = after {
        query = match sort {
            QueueSort::Oldest => query.filter(moderations::id.gt(Stored(after))),
            QueueSort::Newest => query.filter(moderations::id.lt(Stored(after))),
        };
    }
    Ok(query.load::<ModerationRow>(tx.conn())?.into_iter().map(ModerationRecord::from).collect())
}

/// How many items have open reports, in these spaces (all when `None`):
/// the size of the staff's report queue.
pub fn count_open_items(tx: &mut Tx<'_>, spaces: Option<&[Uuid]>) -> Result<i64, StoreError> {
    let mut query = moderations::table
        // As the partial indexes `moderations_open*` are written.
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>("moderations.open_reports > 0"))
        .into_boxed();
    if let Some(spaces) = spaces {
        let ids: Vec<Stored<Uuid>> = spaces.iter().copied().map(Stored).collect();
        query = query.filter(moderations::space_id.eq_any(ids));
    }
    Ok(query.count().get_result(tx.conn())?)
}

/// One moderation row by id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<ModerationRecord>, StoreError> {
    let rows: Vec<ModerationRow> = moderations::table
        .filter(moderations::id.eq(Stored(id)))
        .select(ModerationRow::as_select())
        .limit(1)
        .load(tx.conn())?;
    Ok(rows.into_iter().next().map(ModerationRecord::from))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = reports)]
struct ReasonCountRow {
    moderation_id: Stored<Uuid>,
    reason: Stored<ReportReason>,
    #[diesel(select_expression = diesel::dsl::count_star(), select_expression_type = diesel::dsl::CountStar)]
    count: i64,
}

/// How many reports (of any state) each item has for each reason: one
/// query for a whole page.
pub fn reason_counts(tx: &mut Tx<'_>, ids: &[Uuid]) -> Result<Vec<(Uuid, ReportReason, i64)>, StoreError> {
    let ids: Vec<Stored<Uuid>> = ids.iter().copied().map(Stored).collect();
    let rows: Vec<ReasonCountRow> = reports::table
        .filter(reports::moderation_id.eq_any(ids))
        .group_by((reports::moderation_id, reports::reason))
        .select(ReasonCountRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|r| (r.moderation_id.0, r.reason.0, r.count)).collect())
}

/// One report as staff see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// The item's moderation row.
    pub moderation_id: Uuid,
    /// Who reported.
    pub reporter_id: Uuid,
    /// Their nickname.
    pub reporter_nickname: String,
    /// Why.
    pub reason: ReportReason,
    /// Details (may be empty).
    pub details: String,
    /// Open, upheld or dismissed.
    pub state: ReportState,
    /// When it was written (UTC, stored with microseconds).
    pub created_at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct LatestRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: Stored<Uuid>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    moderation_id: Stored<Uuid>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    reporter_id: Stored<Uuid>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    nickname: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    reason: Stored<ReportReason>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    details: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    state: Stored<ReportState>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    created_at: Stored<DateTime<Utc>>,
}

/// The latest `per_item` reports of each item, newest first: one query
/// for a whole page (a window function ranks each item's reports), so a
/// queue page costs the same however many reports its items have.
pub fn latest_reports(tx: &mut Tx<'_>, ids: &[Uuid], per_item: i64) -> Result<Vec<ReportRecord>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = |placeholder: &dyn Fn(usize) -> String| {
        let list: Vec<String> = (1..=ids.len()).map(placeholder).collect();
        format!(
            "SELECT r.id, r.moderation_id, r.reporter_id, u.nickname, r.reason, r.details, r.state, r.created_at \
             FROM (SELECT reports.*, ROW_NUMBER() OVER (PARTITION BY moderation_id ORDER BY id DESC) AS rank \
                   FROM reports WHERE moderation_id IN ({})) r \
             JOIN users u ON u.id = r.reporter_id \
             WHERE r.rank <= {per_item} ORDER BY r.moderation_id, r.id DESC",
            list.join(", ")
        )
    };
    let rows: Vec<LatestRow> = match tx.conn() {
        DbConnection::Sqlite(c) => {
            let mut query = diesel::sql_query(sql(&|_| "?".to_owned())).into_boxed();
            for id in ids {
                query = query.bind::<diesel::sql_types::Text, _>(Stored(*id));
            }
            query.load(c)?
        }
        DbConnection::Postgres(c) => {
            let mut query = diesel::sql_query(sql(&|n| format!("${n}"))).into_boxed();
            for id in ids {
                query = query.bind::<diesel::sql_types::Text, _>(Stored(*id));
            }
            query.load(c)?
        }
    };
    Ok(rows
        .into_iter()
        .map(|r| ReportRecord {
            id: r.id.0,
            moderation_id: r.moderation_id.0,
            reporter_id: r.reporter_id.0,
            reporter_nickname: r.nickname,
            reason: r.reason.0,
            details: r.details,
            state: r.state.0,
            created_at: r.created_at.0,
        })
        .collect())
}

/// What staff see of a moderated item without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetPreview {
    /// The item.
    pub id: Uuid,
    /// The proposal it is or belongs to.
    pub proposal_id: Uuid,
    /// That proposal's reference code, which its public address uses.
    pub proposal_reference: String,
    /// A title, or a comment's body (`None` for a deleted comment).
    pub text: Option<String>,
    /// Its author.
    pub author_id: Uuid,
    /// Their nickname.
    pub author_nickname: String,
    /// Hidden now.
    pub hidden: bool,
    /// Hidden with its blocked author.
    pub hidden_by_block: bool,
}

/// Previews of the items of one kind: one query per kind for a page.
pub fn previews(tx: &mut Tx<'_>, kind: TargetKind, ids: &[Uuid]) -> Result<Vec<TargetPreview>, StoreError> {
    let ids: Vec<Stored<Uuid>> = ids.iter().copied().map(Stored).collect();
    type Row = (Stored<Uuid>, Stored<Uuid>, String, Option<String>, Stored<Uuid>, String, bool, bool);
    let rows: Vec<Row> = match kind {
        TargetKind::Proposal => proposals::table
            .inner_join(users::table.on(users::id.eq(proposals::creator_id)))
            .filter(proposals::id.eq_any(ids))
            .select((
                proposals::id,
                proposals::id,
                proposals::reference,
                proposals::title.nullable(),
                proposals::creator_id,
                users::nickname,
                proposals::hidden,
                proposals::hidden_by_block,
            ))
            .load(tx.conn())?,
        TargetKind::Amendment => amendments::table
            .inner_join(users::table.on(users::id.eq(amendments::author_id)))
            .inner_join(proposals::table.on(proposals::id.eq(amendments::proposal_id)))
            .filter(amendments::id.eq_any(ids))
            .select((
                amendments::id,
                amendments::proposal_id,
                proposals::reference,
                amendments::title.nullable(),
                amendments::author_id,
                users::nickname,
                amendments::hidden,
                amendments::hidden_by_block,
            ))
            .load(tx.conn())?,
        TargetKind::Comment => {
            type CommentRow =
                (Stored<Uuid>, Stored<Uuid>, String, String, Option<String>, Stored<Uuid>, String, bool, bool);
            let rows: Vec<CommentRow> = comments::table
                .inner_join(users::table.on(users::id.eq(comments::author_id)))
                .inner_join(proposals::table.on(proposals::id.eq(comments::proposal_id)))
                .filter(comments::id.eq_any(ids))
                .select((
                    comments::id,
                    comments::proposal_id,
                    proposals::reference,
                    comments::body,
                    comments::deleted_at,
                    comments::author_id,
                    users::nickname,
                    comments::hidden,
                    comments::hidden_by_block,
                ))
                .load(tx.conn())?;
            rows.into_iter()
                .map(|(id, proposal, reference, body, deleted, author, nickname, hidden, by_block)| {
                    (id, proposal, reference, deleted.is_none().then_some(body), author, nickname, hidden, by_block)
                })
                .collect()
        }
    };
    Ok(rows
        .into_iter()
        .map(|(id, proposal_id, proposal_reference, text, author_id, author_nickname, hidden, hidden_by_block)| {
            TargetPreview {
                id: id.0,
                proposal_id: proposal_id.0,
                proposal_reference,
                text,
                author_id: author_id.0,
                author_nickname,
                hidden,
                hidden_by_block,
            }
        })
        .collect())
}
