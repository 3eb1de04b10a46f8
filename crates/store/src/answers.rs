//! Official answers to proposals: append-only (the database refuses UPDATE
//! and DELETE), the latest is the one in force.

use crate::convert::{id_text, parse_enum, parse_id, parse_time, time_text};
use crate::schema::{proposal_answers, users};
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::proposal::ProposalState;
use uuid::Uuid;

/// An answer as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRecord {
    /// Id (UUID v7: later answers sort later).
    pub id: Uuid,
    /// The proposal.
    pub proposal_id: Uuid,
    /// The state it set.
    pub state: ProposalState,
    /// Official text (Markdown).
    pub answer: String,
    /// The staff member.
    pub staff_id: Uuid,
    /// Their display name.
    pub staff_name: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Appends an answer.
pub fn insert(
    tx: &mut Tx<'_>,
    id: Uuid,
    proposal_id: Uuid,
    state: ProposalState,
    answer: &str,
    staff_id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(proposal_answers::table)
        .values((
            proposal_answers::id.eq(id_text(id)),
            proposal_answers::proposal_id.eq(id_text(proposal_id)),
            proposal_answers::state.eq(state.as_str()),
            proposal_answers::answer.eq(answer),
            proposal_answers::staff_id.eq(id_text(staff_id)),
            proposal_answers::created_at.eq(time_text(at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Every answer of a proposal, newest first.
pub fn list(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<AnswerRecord>, StoreError> {
    let rows: Vec<(String, String, String, String, String, String, String)> = proposal_answers::table
        .inner_join(users::table.on(users::id.eq(proposal_answers::staff_id)))
        .filter(proposal_answers::proposal_id.eq(id_text(proposal_id)))
        .order(proposal_answers::id.desc())
        .select((
            proposal_answers::id,
            proposal_answers::proposal_id,
            proposal_answers::state,
            proposal_answers::answer,
            proposal_answers::staff_id,
            users::display_name,
            proposal_answers::created_at,
        ))
        .load(tx.conn())?;
    rows.into_iter()
        .map(|(id, proposal_id, state, answer, staff_id, staff_name, created_at)| {
            Ok(AnswerRecord {
                id: parse_id(&id)?,
                proposal_id: parse_id(&proposal_id)?,
                state: parse_enum(&state, ProposalState::parse)?,
                answer,
                staff_id: parse_id(&staff_id)?,
                staff_name,
                created_at: parse_time(&created_at)?,
            })
        })
        .collect()
}
