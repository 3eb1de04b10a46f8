//! Amendments and their decisions.

use crate::schema::{amendments, proposals, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::listing::QueueSort;
use uuid::Uuid;

/// An amendment as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentRecord {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// The proposal it amends.
    pub proposal_id: Uuid,
    /// Who asked for it.
    pub author_id: Uuid,
    /// Their nickname.
    pub author_nickname: String,
    /// The version its author saw.
    pub base_version: i32,
    /// Proposed title (full text).
    pub title: String,
    /// Proposed body (full text).
    pub body: String,
    /// Why.
    pub rationale: String,
    /// Where it is in its life; the domain says which changes are allowed.
    pub state: AmendmentState,
    /// Staff member who decided (or the author who withdrew).
    pub decided_by: Option<Uuid>,
    /// When it was decided.
    pub decided_at: Option<DateTime<Utc>>,
    /// Public reason of a rejection, or staff's note on acceptance.
    pub decision_reason: Option<String>,
    /// The version its acceptance produced.
    pub resulting_version: Option<i32>,
    /// The proposal it was promoted to.
    pub promoted_proposal_id: Option<Uuid>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Rejected because its proposal was withdrawn or answered, not on its
    /// merits.
    pub closed_by_proposal: bool,
    /// Hidden by moderation: out of public lists and counts.
    pub hidden: bool,
    /// Hidden because its author was blocked with their content.
    pub hidden_by_block: bool,
    /// Live (neither deleted nor hidden) comments on the amendment.
    pub comments_count: i32,
}

/// What requesting an amendment writes.
#[derive(Debug, Clone)]
pub struct NewAmendment<'a> {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Proposal.
    pub proposal_id: Uuid,
    /// Who wrote it; what an author may do with it follows from this.
    pub author_id: Uuid,
    /// Base version.
    pub base_version: i32,
    /// Proposed title.
    pub title: &'a str,
    /// Proposed body.
    pub body: &'a str,
    /// Rationale.
    pub rationale: &'a str,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// An amendment as read back, with its author's nickname.
#[derive(Queryable, Selectable)]
#[diesel(table_name = amendments)]
struct AmendmentRow {
    id: Stored<Uuid>,
    proposal_id: Stored<Uuid>,
    author_id: Stored<Uuid>,
    #[diesel(select_expression = users::nickname)]
    author_nickname: String,
    base_version: i32,
    title: String,
    body: String,
    rationale: String,
    state: Stored<AmendmentState>,
    decided_by: Option<Stored<Uuid>>,
    decided_at: Option<Stored<DateTime<Utc>>>,
    decision_reason: Option<String>,
    resulting_version: Option<i32>,
    promoted_proposal_id: Option<Stored<Uuid>>,
    created_at: Stored<DateTime<Utc>>,
    updated_at: Stored<DateTime<Utc>>,
    closed_by_proposal: bool,
    hidden: bool,
    hidden_by_block: bool,
    comments_count: i32,
}

impl From<AmendmentRow> for AmendmentRecord {
    fn from(row: AmendmentRow) -> Self {
        AmendmentRecord {
            id: row.id.0,
            proposal_id: row.proposal_id.0,
            author_id: row.author_id.0,
            author_nickname: row.author_nickname,
            base_version: row.base_version,
            title: row.title,
            body: row.body,
            rationale: row.rationale,
            state: row.state.0,
            decided_by: row.decided_by.map(|u| u.0),
            decided_at: row.decided_at.map(|t| t.0),
            decision_reason: row.decision_reason,
            resulting_version: row.resulting_version,
            promoted_proposal_id: row.promoted_proposal_id.map(|p| p.0),
            created_at: row.created_at.0,
            updated_at: row.updated_at.0,
            closed_by_proposal: row.closed_by_proposal,
            hidden: row.hidden,
            hidden_by_block: row.hidden_by_block,
            comments_count: row.comments_count,
        }
    }
}

/// Amendments joined with their authors: what an [`AmendmentRow`] reads.
#[diesel::dsl::auto_type]
fn with_authors() -> _ {
    amendments::table.inner_join(users::table.on(users::id.eq(amendments::author_id)))
}

/// Writes a new amendment under evaluation. A second open amendment of
/// the same author on the same proposal fails with `Duplicate`.
pub fn insert(tx: &mut Tx<'_>, amendment: &NewAmendment<'_>) -> Result<(), StoreError> {
    let at = Stored(amendment.created_at);
    diesel::insert_into(amendments::table)
        .values((
            amendments::id.eq(Stored(amendment.id)),
            amendments::proposal_id.eq(Stored(amendment.proposal_id)),
            amendments::author_id.eq(Stored(amendment.author_id)),
            amendments::base_version.eq(amendment.base_version),
            amendments::title.eq(amendment.title),
            amendments::body.eq(amendment.body),
            amendments::rationale.eq(amendment.rationale),
            amendments::state.eq(Stored(AmendmentState::Evaluating)),
            amendments::created_at.eq(&at),
            amendments::updated_at.eq(&at),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// The amendment with this id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<AmendmentRecord>, StoreError> {
    let rows: Vec<AmendmentRow> = with_authors()
        .filter(amendments::id.eq(Stored(id)))
        .select(AmendmentRow::as_select())
        .limit(1)
        .load(tx.conn())?;
    Ok(rows.into_iter().next().map(AmendmentRecord::from))
}

/// The proposal an amendment belongs to: what a writer needs to lock
/// before it reads the amendment itself.
pub fn proposal_of(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<Uuid>, StoreError> {
    let rows: Vec<Stored<Uuid>> = amendments::table
        .filter(amendments::id.eq(Stored(id)))
        .select(amendments::proposal_id)
        .limit(1)
        .load(tx.conn())?;
    Ok(rows.into_iter().next().map(|id| id.0))
}

/// Whether the author has an amendment under evaluation on the proposal.
pub fn has_open(tx: &mut Tx<'_>, proposal_id: Uuid, author_id: Uuid) -> Result<bool, StoreError> {
    let count: i64 = amendments::table
        .filter(amendments::proposal_id.eq(Stored(proposal_id)))
        .filter(amendments::author_id.eq(Stored(author_id)))
        .filter(amendments::state.eq(Stored(AmendmentState::Evaluating)))
        .count()
        .get_result(tx.conn())?;
    Ok(count > 0)
}

/// A proposal's amendments, oldest first, after the cursor id; only those
/// of `only_author` when given; hidden ones only with `include_hidden`
/// (staff of the space, and the service closing them with the proposal).
pub fn list_for_proposal(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    state: Option<AmendmentState>,
    only_author: Option<Uuid>,
    include_hidden: bool,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AmendmentRecord>, StoreError> {
    let mut query = with_authors()
        .select(AmendmentRow::as_select())
        .filter(amendments::proposal_id.eq(Stored(proposal_id)))
        .order(amendments::id.asc())
        .limit(limit)
        .into_boxed();
    if !include_hidden {
        query = query.filter(amendments::hidden.eq(false));
    }
    if let Some(state) = state {
        query = query.filter(amendments::state.eq(Stored(state)));
    }
    if let Some(author) = only_author {
        query = query.filter(amendments::author_id.eq(Stored(author)));
    }
    if let Some(after) = after {
        query = query.filter(amendments::id.gt(Stored(after)));
    }
    Ok(query.load::<AmendmentRow>(tx.conn())?.into_iter().map(AmendmentRecord::from).collect())
}

/// How many of one author's visible (not hidden) amendments of a proposal
/// are in each state, states with none left out: the counts a participant
/// sees where amendments are visible to their authors only.
pub fn count_by_state_of_author(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    author_id: Uuid,
) -> Result<Vec<(AmendmentState, i64)>, StoreError> {
    let rows: Vec<(Stored<AmendmentState>, i64)> = amendments::table
        .filter(amendments::proposal_id.eq(Stored(proposal_id)))
        .filter(amendments::author_id.eq(Stored(author_id)))
        .filter(amendments::hidden.eq(false))
        .group_by(amendments::state)
        .select((amendments::state, diesel::dsl::count_star()))
        .load(tx.conn())?;
    let mut counts: Vec<(AmendmentState, i64)> = rows.into_iter().map(|(state, n)| (state.0, n)).collect();
    counts.sort_by_key(|(state, _)| AmendmentState::ALL.iter().position(|s| s == state));
    Ok(counts)
}

/// The proposals of these spaces, as a subquery: where a staff member's
/// queues and counts look.
type ProposalsOf = diesel::dsl::Select<
    diesel::dsl::Filter<proposals::table, diesel::dsl::EqAny<proposals::space_id, Vec<Stored<Uuid>>>>,
    proposals::id,
>;

fn proposals_of(spaces: &[Uuid]) -> ProposalsOf {
    let ids: Vec<Stored<Uuid>> = spaces.iter().copied().map(Stored).collect();
    proposals::table.filter(proposals::space_id.eq_any(ids)).select(proposals::id)
}

/// Which amendments the staff's queue shows.
#[derive(Debug, Clone, Copy)]
pub struct QueueFilter<'a> {
    /// Only amendments of proposals in these spaces (`None`: all).
    pub spaces: Option<&'a [Uuid]>,
    /// Only amendments of this proposal.
    pub proposal: Option<Uuid>,
    /// Only amendments in this state.
    pub state: AmendmentState,
}

/// Amendments across proposals in `sort` order, after the cursor id (the
/// last of the previous page, in the same order): the staff queue.
pub fn queue(
    tx: &mut Tx<'_>,
    filter: &QueueFilter<'_>,
    sort: QueueSort,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AmendmentRecord>, StoreError> {
    let mut query = with_authors()
        .select(AmendmentRow::as_select())
        .filter(amendments::state.eq(Stored(filter.state)))
        .limit(limit)
        .into_boxed();
    query = match sort {
        QueueSort::Oldest => query.order(amendments::id.asc()),
        QueueSort::Newest => query.order(amendments::id.desc()),
    };
    if let Some(spaces) = filter.spaces {
        query = query.filter(amendments::proposal_id.eq_any(proposals_of(spaces)));
    }
    if let Some(proposal) = filter.proposal {
        query = query.filter(amendments::proposal_id.eq(Stored(proposal)));
    }
    if let Some(after) = after {
        query = match sort {
            QueueSort::Oldest => query.filter(amendments::id.gt(Stored(after))),
            QueueSort::Newest => query.filter(amendments::id.lt(Stored(after))),
        };
    }
    Ok(query.load::<AmendmentRow>(tx.conn())?.into_iter().map(AmendmentRecord::from).collect())
}

/// How many amendments are in `state`, in these spaces (all when `None`):
/// the size of the staff's queue.
pub fn count_in_state(tx: &mut Tx<'_>, spaces: Option<&[Uuid]>, state: AmendmentState) -> Result<i64, StoreError> {
    let mut query = amendments::table.filter(amendments::state.eq(Stored(state))).into_boxed();
    if let Some(spaces) = spaces {
        query = query.filter(amendments::proposal_id.eq_any(proposals_of(spaces)));
    }
    Ok(query.count().get_result(tx.conn())?)
}

/// Moves an amendment out of `evaluating`. Returns `false` when it was no
/// longer evaluating: of concurrent decisions only one gets `true`, because
/// the update locks the row and the others re-check the state after it
/// commits.
pub fn decide(
    tx: &mut Tx<'_>,
    id: Uuid,
    to: AmendmentState,
    by: Uuid,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let at = Stored(at);
    let updated = diesel::update(
        amendments::table
            .filter(amendments::id.eq(Stored(id)))
            .filter(amendments::state.eq(Stored(AmendmentState::Evaluating))),
    )
    .set((
        amendments::state.eq(Stored(to)),
        amendments::decided_by.eq(Stored(by)),
        amendments::decided_at.eq(&at),
        amendments::decision_reason.eq(reason),
        amendments::updated_at.eq(&at),
    ))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Rejects an amendment because its proposal closed (withdrawn or
/// answered): like [`decide`], and marked so it cannot be promoted.
pub fn close_with_proposal(
    tx: &mut Tx<'_>,
    id: Uuid,
    by: Uuid,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if !decide(tx, id, AmendmentState::Rejected, by, Some(reason), at)? {
        return Ok(false);
    }
    diesel::update(amendments::table.filter(amendments::id.eq(Stored(id))))
        .set(amendments::closed_by_proposal.eq(true))
        .execute(tx.conn())?;
    Ok(true)
}

/// Records the version an acceptance produced.
pub fn set_resulting_version(tx: &mut Tx<'_>, id: Uuid, version: i32) -> Result<(), StoreError> {
    diesel::update(amendments::table.filter(amendments::id.eq(Stored(id))))
        .set(amendments::resulting_version.eq(version))
        .execute(tx.conn())?;
    Ok(())
}

/// Links a rejected amendment to the proposal it became; `false` when it
/// was already promoted.
pub fn mark_promoted(tx: &mut Tx<'_>, id: Uuid, proposal_id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(
        amendments::table
            .filter(amendments::id.eq(Stored(id)))
            .filter(amendments::state.eq(Stored(AmendmentState::Rejected)))
            .filter(amendments::promoted_proposal_id.is_null()),
    )
    .set((amendments::promoted_proposal_id.eq(Stored(proposal_id)), amendments::updated_at.eq(Stored(at))))
    .execute(tx.conn())?;
    Ok(updated == 1)
}
