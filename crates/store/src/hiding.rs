//! The one visibility flag (`hidden`) of proposals, amendments and
//! comments, set and cleared here only, so the counters that depend on it
//! stay exact: a comment's liveness (`deleted_at IS NULL AND hidden =
//! false`) decides whether it counts in its target's `comments_count` and
//! in every ancestor's `replies_count`, and only a change of liveness
//! moves them. Callers hold the item's proposal lock (see
//! `docs/architecture.md`, Concurrency); comment rows are locked root-first
//! along their path before they change.

use crate::comments::{self as comment_rows, CommentRecord};
use crate::schema::{amendments, comments, proposals};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::moderation::TargetKind;
use uuid::Uuid;

/// Hides (`hidden`, with the block mark `by_block`) or unhides a
/// proposal. Returns `false` when it already was in that state. Unhiding
/// clears the block mark.
pub fn set_proposal_hidden(
    tx: &mut Tx<'_>,
    id: Uuid,
    hidden: bool,
    by_block: bool,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let updated =
        diesel::update(proposals::table.filter(proposals::id.eq(Stored(id))).filter(proposals::hidden.eq(!hidden)))
            .set((
                proposals::hidden.eq(hidden),
                proposals::hidden_by_block.eq(hidden && by_block),
                proposals::updated_at.eq(Stored(at)),
            ))
            .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Like [`set_proposal_hidden`], for an amendment.
pub fn set_amendment_hidden(
    tx: &mut Tx<'_>,
    id: Uuid,
    hidden: bool,
    by_block: bool,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let updated =
        diesel::update(amendments::table.filter(amendments::id.eq(Stored(id))).filter(amendments::hidden.eq(!hidden)))
            .set((
                amendments::hidden.eq(hidden),
                amendments::hidden_by_block.eq(hidden && by_block),
                amendments::updated_at.eq(Stored(at)),
            ))
            .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Hides or unhides a comment read under its path's locks
/// ([`comment_rows::lock_path`]) and, when that changes its liveness (it is
/// not deleted), moves its target's `comments_count` and every ancestor's
/// `replies_count` by one ([`comment_rows::adjust_live_counters`]). Returns
/// `false` when it already was in that state.
pub fn set_comment_hidden(
    tx: &mut Tx<'_>,
    comment: &CommentRecord,
    hidden: bool,
    by_block: bool,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let updated = diesel::update(
        comments::table.filter(comments::id.eq(Stored(comment.id))).filter(comments::hidden.eq(!hidden)),
    )
    .set((
        comments::hidden.eq(hidden),
        comments::hidden_by_block.eq(hidden && by_block),
        comments::updated_at.eq(Stored(at)),
    ))
    .execute(tx.conn())?;
    if updated != 1 {
        return Ok(false);
    }
    if comment.deleted_at.is_none() {
        comment_rows::adjust_live_counters(tx, comment, if hidden { -1 } else { 1 })?;
    }
    Ok(true)
}

/// Removes the block mark from a hidden item, which stays hidden: staff
/// took the decision over, so lifting the block no longer shows it.
/// Returns whether there was a mark.
pub fn clear_block_mark(tx: &mut Tx<'_>, kind: TargetKind, id: Uuid) -> Result<bool, StoreError> {
    let updated = match kind {
        TargetKind::Proposal => diesel::update(
            proposals::table.filter(proposals::id.eq(Stored(id))).filter(proposals::hidden_by_block.eq(true)),
        )
        .set(proposals::hidden_by_block.eq(false))
        .execute(tx.conn())?,
        TargetKind::Amendment => diesel::update(
            amendments::table.filter(amendments::id.eq(Stored(id))).filter(amendments::hidden_by_block.eq(true)),
        )
        .set(amendments::hidden_by_block.eq(false))
        .execute(tx.conn())?,
        TargetKind::Comment => diesel::update(
            comments::table.filter(comments::id.eq(Stored(id))).filter(comments::hidden_by_block.eq(true)),
        )
        .set(comments::hidden_by_block.eq(false))
        .execute(tx.conn())?,
    };
    Ok(updated == 1)
}

/// A user's content that a block with content changes: the proposals they
/// created, their amendments and their comments, each as ids, with the
/// proposals all of them belong to (to lock first, in ascending order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthoredContent {
    /// Proposals they created.
    pub proposals: Vec<Uuid>,
    /// Amendments they wrote.
    pub amendments: Vec<Uuid>,
    /// Comments they wrote.
    pub comments: Vec<Uuid>,
    /// Every proposal the above belong to, ascending, without repeats.
    pub affected_proposals: Vec<Uuid>,
}

/// The author's content that is visible now (`marked == false`: what a
/// block with content hides) or that carries the block mark (`marked ==
/// true`: what lifting the block unhides). Ids only, each list ordered by
/// id; a block is an admin's rare act over one person's contributions.
pub fn authored_content(tx: &mut Tx<'_>, author: Uuid, marked: bool) -> Result<AuthoredContent, StoreError> {
    let author = Stored(author);
    let (hidden, by_block) = if marked { (true, true) } else { (false, false) };
    let own: Vec<Stored<Uuid>> = proposals::table
        .filter(proposals::creator_id.eq(author))
        .filter(proposals::hidden.eq(hidden))
        .filter(proposals::hidden_by_block.eq(by_block))
        .order(proposals::id.asc())
        .select(proposals::id)
        .load(tx.conn())?;
    let amended: Vec<(Stored<Uuid>, Stored<Uuid>)> = amendments::table
        .filter(amendments::author_id.eq(author))
        .filter(amendments::hidden.eq(hidden))
        .filter(amendments::hidden_by_block.eq(by_block))
        .order(amendments::id.asc())
        .select((amendments::id, amendments::proposal_id))
        .load(tx.conn())?;
    let commented: Vec<(Stored<Uuid>, Stored<Uuid>)> = comments::table
        .filter(comments::author_id.eq(author))
        .filter(comments::hidden.eq(hidden))
        .filter(comments::hidden_by_block.eq(by_block))
        .order(comments::id.asc())
        .select((comments::id, comments::proposal_id))
        .load(tx.conn())?;
    let mut affected: Vec<Uuid> = own
        .iter()
        .map(|p| p.0)
        .chain(amended.iter().map(|(_, p)| p.0))
        .chain(commented.iter().map(|(_, p)| p.0))
        .collect();
    // Text order of the stored ids, which is the order the database locks
    // rows in when asked to sort by id.
    affected.sort_by_key(|id| Stored(*id).text());
    affected.dedup();
    Ok(AuthoredContent {
        proposals: own.into_iter().map(|p| p.0).collect(),
        amendments: amended.into_iter().map(|(a, _)| a.0).collect(),
        comments: commented.into_iter().map(|(c, _)| c.0).collect(),
        affected_proposals: affected,
    })
}
