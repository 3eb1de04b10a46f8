//! A stand-in for the comment service in tests of reports and moderation,
//! written before that service existed: it writes a comment the way the
//! contract says one is written (the row, its revision 1, its target's
//! `comments_count` and every ancestor's `replies_count`), and nothing
//! more. Test-only; swap it for the real service once it is merged.

use crate::hiding::{self, CommentRef};
use crate::schema::{amendments, comment_revisions, comments, proposals, spaces};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

/// A comment to write.
#[derive(Debug, Clone)]
pub struct TestComment<'a> {
    /// Id.
    pub id: Uuid,
    /// The proposal.
    pub proposal_id: Uuid,
    /// The amendment commented on, if any.
    pub amendment_id: Option<Uuid>,
    /// The comment replied to, if any.
    pub parent: Option<Uuid>,
    /// Author.
    pub author_id: Uuid,
    /// Text.
    pub body: &'a str,
    /// Creation time.
    pub at: DateTime<Utc>,
}

/// Writes a live comment on a proposal (`amendment_id` `None`) or on one
/// of its amendments, as a reply to `parent` when given, with its counters.
pub fn insert_comment(tx: &mut Tx<'_>, comment: &TestComment<'_>) -> Result<CommentRef, StoreError> {
    let TestComment { id, proposal_id, amendment_id, parent, author_id, body, at } = *comment;
    let space_id: Stored<Uuid> = proposals::table
        .inner_join(spaces::table)
        .filter(proposals::id.eq(Stored(proposal_id)))
        .select(proposals::space_id)
        .first(tx.conn())?;
    let parent = match parent {
        Some(p) => Some(hiding::find_comment(tx, p)?.ok_or_else(|| StoreError::Corrupt("no parent".into()))?),
        None => None,
    };
    let (thread_key, path, depth) = match &parent {
        Some(p) => {
            let mut ids: Vec<String> = p.ancestors.iter().map(Uuid::to_string).collect();
            ids.push(p.id.to_string());
            ids.push(id.to_string());
            (p.id, ids.join("/"), i32::try_from(p.ancestors.len() + 1).unwrap_or(i32::MAX))
        }
        None => (amendment_id.unwrap_or(proposal_id), id.to_string(), 0),
    };
    let at = Stored(at);
    diesel::insert_into(comments::table)
        .values((
            comments::id.eq(Stored(id)),
            comments::proposal_id.eq(Stored(proposal_id)),
            comments::amendment_id.eq(amendment_id.map(Stored)),
            comments::space_id.eq(space_id),
            comments::thread_key.eq(Stored(thread_key)),
            comments::parent_id.eq(parent.as_ref().map(|p| Stored(p.id))),
            comments::path.eq(&path),
            comments::depth.eq(depth),
            comments::author_id.eq(Stored(author_id)),
            comments::alignment.eq("neutral"),
            comments::body.eq(body),
            comments::created_at.eq(&at),
            comments::updated_at.eq(&at),
        ))
        .execute(tx.conn())?;
    diesel::insert_into(comment_revisions::table)
        .values((
            comment_revisions::comment_id.eq(Stored(id)),
            comment_revisions::revision.eq(1),
            comment_revisions::body.eq(body),
            comment_revisions::alignment.eq("neutral"),
            comment_revisions::created_at.eq(&at),
        ))
        .execute(tx.conn())?;
    match amendment_id {
        None => diesel::update(proposals::table.filter(proposals::id.eq(Stored(proposal_id))))
            .set(proposals::comments_count.eq(proposals::comments_count + 1))
            .execute(tx.conn())?,
        Some(a) => diesel::update(amendments::table.filter(amendments::id.eq(Stored(a))))
            .set(amendments::comments_count.eq(amendments::comments_count + 1))
            .execute(tx.conn())?,
    };
    if let Some(p) = &parent {
        let ancestors: Vec<Stored<Uuid>> = p.ancestors.iter().chain([&p.id]).copied().map(Stored).collect();
        diesel::update(comments::table.filter(comments::id.eq_any(ancestors)))
            .set(comments::replies_count.eq(comments::replies_count + 1))
            .execute(tx.conn())?;
    }
    hiding::find_comment(tx, id)?.ok_or_else(|| StoreError::Corrupt("comment vanished".into()))
}

/// Marks a comment deleted the way the comment service does (the row
/// stays, its counters drop if it was live).
pub fn delete_comment(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError> {
    let comment = hiding::find_comment(tx, id)?.ok_or_else(|| StoreError::Corrupt("no comment".into()))?;
    diesel::update(comments::table.filter(comments::id.eq(Stored(id))))
        .set(comments::deleted_at.eq(Some(Stored(at))))
        .execute(tx.conn())?;
    if comment.live() {
        match comment.amendment_id {
            None => diesel::update(proposals::table.filter(proposals::id.eq(Stored(comment.proposal_id))))
                .set(proposals::comments_count.eq(proposals::comments_count - 1))
                .execute(tx.conn())?,
            Some(a) => diesel::update(amendments::table.filter(amendments::id.eq(Stored(a))))
                .set(amendments::comments_count.eq(amendments::comments_count - 1))
                .execute(tx.conn())?,
        };
        let ancestors: Vec<Stored<Uuid>> = comment.ancestors.iter().copied().map(Stored).collect();
        diesel::update(comments::table.filter(comments::id.eq_any(ancestors)))
            .set(comments::replies_count.eq(comments::replies_count - 1))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// The counters a comment thread keeps: the target's `comments_count`
/// and each listed comment's `replies_count`, in the order given.
pub fn counters(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    amendment_id: Option<Uuid>,
    comment_ids: &[Uuid],
) -> Result<(i32, Vec<i32>), StoreError> {
    let target: i32 = match amendment_id {
        None => proposals::table
            .filter(proposals::id.eq(Stored(proposal_id)))
            .select(proposals::comments_count)
            .first(tx.conn())?,
        Some(a) => amendments::table
            .filter(amendments::id.eq(Stored(a)))
            .select(amendments::comments_count)
            .first(tx.conn())?,
    };
    let mut replies = Vec::with_capacity(comment_ids.len());
    for id in comment_ids {
        replies.push(
            comments::table.filter(comments::id.eq(Stored(*id))).select(comments::replies_count).first(tx.conn())?,
        );
    }
    Ok((target, replies))
}
