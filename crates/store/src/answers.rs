//! Official answers to proposals: append-only (the database refuses UPDATE
//! and DELETE), the latest is the one in force.

use crate::schema::{proposal_answers, users};
use crate::types::Stored;
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
    /// When it was written (UTC, stored with microseconds).
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
            proposal_answers::id.eq(Stored(id)),
            proposal_answers::proposal_id.eq(Stored(proposal_id)),
            proposal_answers::state.eq(Stored(state)),
            proposal_answers::answer.eq(answer),
            proposal_answers::staff_id.eq(Stored(staff_id)),
            proposal_answers::created_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// An answer as read back, with its staff member's display name.
#[derive(Queryable, Selectable)]
#[diesel(table_name = proposal_answers)]
struct AnswerRow {
    id: Stored<Uuid>,
    proposal_id: Stored<Uuid>,
    state: Stored<ProposalState>,
    answer: String,
    staff_id: Stored<Uuid>,
    #[diesel(select_expression = users::display_name)]
    staff_name: String,
    created_at: Stored<DateTime<Utc>>,
}

impl From<AnswerRow> for AnswerRecord {
    fn from(row: AnswerRow) -> Self {
        AnswerRecord {
            id: row.id.0,
            proposal_id: row.proposal_id.0,
            state: row.state.0,
            answer: row.answer,
            staff_id: row.staff_id.0,
            staff_name: row.staff_name,
            created_at: row.created_at.0,
        }
    }
}

/// Every answer of a proposal, newest first.
pub fn list(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<AnswerRecord>, StoreError> {
    let rows: Vec<AnswerRow> = proposal_answers::table
        .inner_join(users::table.on(users::id.eq(proposal_answers::staff_id)))
        .filter(proposal_answers::proposal_id.eq(Stored(proposal_id)))
        .order(proposal_answers::id.desc())
        .select(AnswerRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(AnswerRecord::from).collect())
}
