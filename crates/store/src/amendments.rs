//! Amendments and their decisions.

use crate::convert::{id_text, opt_id_text, parse_enum, parse_id, parse_opt_id, parse_opt_time, parse_time, time_text};
use crate::schema::{amendments, proposals, users};
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::amendment::AmendmentState;
use uuid::Uuid;

/// An amendment as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentRecord {
    /// Id.
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
    /// State.
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
}

/// What requesting an amendment writes.
#[derive(Debug, Clone)]
pub struct NewAmendment<'a> {
    /// Id.
    pub id: Uuid,
    /// Proposal.
    pub proposal_id: Uuid,
    /// Author.
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

type AmendmentRow = (
    (String, String, String, String, i32, String, String, String),
    (String, Option<String>, Option<String>, Option<String>, Option<i32>, Option<String>, String, String),
    bool,
);

macro_rules! amendment_query {
    () => {
        amendments::table.inner_join(users::table.on(users::id.eq(amendments::author_id))).select((
            (
                amendments::id,
                amendments::proposal_id,
                amendments::author_id,
                users::nickname,
                amendments::base_version,
                amendments::title,
                amendments::body,
                amendments::rationale,
            ),
            (
                amendments::state,
                amendments::decided_by,
                amendments::decided_at,
                amendments::decision_reason,
                amendments::resulting_version,
                amendments::promoted_proposal_id,
                amendments::created_at,
                amendments::updated_at,
            ),
            amendments::closed_by_proposal,
        ))
    };
}

fn record(row: AmendmentRow) -> Result<AmendmentRecord, StoreError> {
    let ((id, proposal_id, author_id, author_nickname, base_version, title, body, rationale), rest, closed_by_proposal) =
        row;
    let (state, decided_by, decided_at, decision_reason, resulting_version, promoted, created_at, updated_at) = rest;
    Ok(AmendmentRecord {
        id: parse_id(&id)?,
        proposal_id: parse_id(&proposal_id)?,
        author_id: parse_id(&author_id)?,
        author_nickname,
        base_version,
        title,
        body,
        rationale,
        state: parse_enum(&state, AmendmentState::parse)?,
        decided_by: parse_opt_id(decided_by.as_deref())?,
        decided_at: parse_opt_time(decided_at.as_deref())?,
        decision_reason,
        resulting_version,
        promoted_proposal_id: parse_opt_id(promoted.as_deref())?,
        created_at: parse_time(&created_at)?,
        updated_at: parse_time(&updated_at)?,
        closed_by_proposal,
    })
}

/// Writes a new amendment under evaluation. A second open amendment of
/// the same author on the same proposal fails with `Duplicate`.
pub fn insert(tx: &mut Tx<'_>, amendment: &NewAmendment<'_>) -> Result<(), StoreError> {
    let at = time_text(amendment.created_at);
    diesel::insert_into(amendments::table)
        .values((
            amendments::id.eq(id_text(amendment.id)),
            amendments::proposal_id.eq(id_text(amendment.proposal_id)),
            amendments::author_id.eq(id_text(amendment.author_id)),
            amendments::base_version.eq(amendment.base_version),
            amendments::title.eq(amendment.title),
            amendments::body.eq(amendment.body),
            amendments::rationale.eq(amendment.rationale),
            amendments::state.eq(AmendmentState::Evaluating.as_str()),
            amendments::created_at.eq(&at),
            amendments::updated_at.eq(&at),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// The amendment with this id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<AmendmentRecord>, StoreError> {
    let rows: Vec<AmendmentRow> = amendment_query!().filter(amendments::id.eq(id_text(id))).limit(1).load(tx.conn())?;
    rows.into_iter().next().map(record).transpose()
}

/// Whether the author has an amendment under evaluation on the proposal.
pub fn has_open(tx: &mut Tx<'_>, proposal_id: Uuid, author_id: Uuid) -> Result<bool, StoreError> {
    let count: i64 = amendments::table
        .filter(amendments::proposal_id.eq(id_text(proposal_id)))
        .filter(amendments::author_id.eq(id_text(author_id)))
        .filter(amendments::state.eq(AmendmentState::Evaluating.as_str()))
        .count()
        .get_result(tx.conn())?;
    Ok(count > 0)
}

/// A proposal's amendments, oldest first, after the cursor id; only those
/// of `only_author` when given.
pub fn list_for_proposal(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    state: Option<AmendmentState>,
    only_author: Option<Uuid>,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AmendmentRecord>, StoreError> {
    let mut query = amendment_query!()
        .filter(amendments::proposal_id.eq(id_text(proposal_id)))
        .order(amendments::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(state) = state {
        query = query.filter(amendments::state.eq(state.as_str()));
    }
    if let Some(author) = only_author {
        query = query.filter(amendments::author_id.eq(id_text(author)));
    }
    if let Some(after) = after {
        query = query.filter(amendments::id.gt(id_text(after)));
    }
    query.load::<AmendmentRow>(tx.conn())?.into_iter().map(record).collect()
}

/// Amendments in a state across proposals, oldest first: the staff queue.
/// `spaces` limits it to proposals of those spaces (`None`: all).
pub fn queue(
    tx: &mut Tx<'_>,
    spaces: Option<&[Uuid]>,
    state: AmendmentState,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AmendmentRecord>, StoreError> {
    let mut query = amendment_query!()
        .filter(amendments::state.eq(state.as_str()))
        .order(amendments::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(spaces) = spaces {
        let ids: Vec<String> = spaces.iter().map(|s| id_text(*s)).collect();
        let in_spaces = proposals::table.filter(proposals::space_id.eq_any(ids)).select(proposals::id);
        query = query.filter(amendments::proposal_id.eq_any(in_spaces));
    }
    if let Some(after) = after {
        query = query.filter(amendments::id.gt(id_text(after)));
    }
    query.load::<AmendmentRow>(tx.conn())?.into_iter().map(record).collect()
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
    let at = time_text(at);
    let updated = diesel::update(
        amendments::table
            .filter(amendments::id.eq(id_text(id)))
            .filter(amendments::state.eq(AmendmentState::Evaluating.as_str())),
    )
    .set((
        amendments::state.eq(to.as_str()),
        amendments::decided_by.eq(id_text(by)),
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
    diesel::update(amendments::table.filter(amendments::id.eq(id_text(id))))
        .set(amendments::closed_by_proposal.eq(true))
        .execute(tx.conn())?;
    Ok(true)
}

/// Records the version an acceptance produced.
pub fn set_resulting_version(tx: &mut Tx<'_>, id: Uuid, version: i32) -> Result<(), StoreError> {
    diesel::update(amendments::table.filter(amendments::id.eq(id_text(id))))
        .set(amendments::resulting_version.eq(version))
        .execute(tx.conn())?;
    Ok(())
}

/// Links a rejected amendment to the proposal it became; `false` when it
/// was already promoted.
pub fn mark_promoted(tx: &mut Tx<'_>, id: Uuid, proposal_id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(
        amendments::table
            .filter(amendments::id.eq(id_text(id)))
            .filter(amendments::state.eq(AmendmentState::Rejected.as_str()))
            .filter(amendments::promoted_proposal_id.is_null()),
    )
    .set((
        amendments::promoted_proposal_id.eq(opt_id_text(Some(proposal_id))),
        amendments::updated_at.eq(time_text(at)),
    ))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// How many amendments a proposal has in each state.
pub fn counts_by_state(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<(AmendmentState, i64)>, StoreError> {
    let rows: Vec<(String, i64)> = amendments::table
        .filter(amendments::proposal_id.eq(id_text(proposal_id)))
        .group_by(amendments::state)
        .select((amendments::state, diesel::dsl::count_star()))
        .load(tx.conn())?;
    rows.into_iter().map(|(state, n)| Ok((parse_enum(&state, AmendmentState::parse)?, n))).collect()
}
