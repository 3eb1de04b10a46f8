//! Comments, their revisions and their votes.
//!
//! Storage: a comment row carries its materialized `path` (the ancestors'
//! ids and its own, joined by `/`), its `depth` and its `thread_key` (the
//! proposal or amendment id for a root, the parent's id for a reply), so a
//! page of roots and a page of one comment's replies are the same query on
//! one index: `(thread_key, id)`, `(thread_key, score, id)` or
//! `(thread_key, replies_count, id)`, read forwards or backwards. No tree
//! is ever loaded.

use crate::connection::DbConnection;
use crate::schema::{amendments, comment_revisions, comment_votes, comments, proposals, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::comment::{Alignment, CommentCursor, CommentOrder, VoteDelta};
use uuid::Uuid;

/// A comment as stored, with its author's public names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentRecord {
    /// Id (UUID v7).
    pub id: Uuid,
    /// The proposal it belongs to (also for comments on an amendment).
    pub proposal_id: Uuid,
    /// The amendment it comments on, if any.
    pub amendment_id: Option<Uuid>,
    /// The proposal's space.
    pub space_id: Uuid,
    /// The parent comment; `None` for a root.
    pub parent_id: Option<Uuid>,
    /// Ancestors' ids and its own, root first.
    pub path: String,
    /// 0 for a root, up to 3.
    pub depth: i32,
    /// Who wrote it; what an author may do with it follows from this.
    pub author_id: Uuid,
    /// Author's nickname.
    pub author_nickname: String,
    /// Author's display name.
    pub author_display_name: String,
    /// Alignment of the current revision.
    pub alignment: Alignment,
    /// Markdown source of the current revision.
    pub body: String,
    /// Current revision number (1 at creation).
    pub revision: i32,
    /// Up votes.
    pub up_votes: i32,
    /// Down votes.
    pub down_votes: i32,
    /// Up minus down.
    pub score: i32,
    /// Live (neither deleted nor hidden) descendants, at every depth.
    pub replies_count: i32,
    /// Last edit.
    pub edited_at: Option<DateTime<Utc>>,
    /// When its author deleted it.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Hidden by moderation.
    pub hidden: bool,
    /// Hidden because its author was blocked with their content
    /// (unblocking unhides exactly these).
    pub hidden_by_block: bool,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl CommentRecord {
    /// Neither deleted nor hidden: counted, and shown with its body.
    pub fn is_live(&self) -> bool {
        self.deleted_at.is_none() && !self.hidden
    }

    /// The ancestors' ids, root first (from `path`).
    pub fn ancestor_ids(&self) -> Result<Vec<Uuid>, StoreError> {
        let mut ids = path_ids(&self.path)?;
        ids.pop();
        Ok(ids)
    }
}

/// The ids of a materialized path, root first.
pub fn path_ids(path: &str) -> Result<Vec<Uuid>, StoreError> {
    path.split('/')
        .map(|part| Uuid::parse_str(part).map_err(|_| StoreError::Corrupt(format!("path: not a comment path: {path}"))))
        .collect()
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = comments)]
struct CommentRow {
    id: Stored<Uuid>,
    proposal_id: Stored<Uuid>,
    amendment_id: Option<Stored<Uuid>>,
    space_id: Stored<Uuid>,
    parent_id: Option<Stored<Uuid>>,
    path: String,
    depth: i32,
    author_id: Stored<Uuid>,
    #[diesel(select_expression = users::nickname)]
    author_nickname: String,
    #[diesel(select_expression = users::display_name)]
    author_display_name: String,
    alignment: Stored<Alignment>,
    body: String,
    revision: i32,
    up_votes: i32,
    down_votes: i32,
    score: i32,
    replies_count: i32,
    edited_at: Option<Stored<DateTime<Utc>>>,
    deleted_at: Option<Stored<DateTime<Utc>>>,
    hidden: bool,
    hidden_by_block: bool,
    created_at: Stored<DateTime<Utc>>,
}

impl From<CommentRow> for CommentRecord {
    fn from(row: CommentRow) -> Self {
        CommentRecord {
            id: row.id.0,
            proposal_id: row.proposal_id.0,
            amendment_id: row.amendment_id.map(|a| a.0),
            space_id: row.space_id.0,
            parent_id: row.parent_id.map(|p| p.0),
            path: row.path,
            depth: row.depth,
            author_id: row.author_id.0,
            author_nickname: row.author_nickname,
            author_display_name: row.author_display_name,
            alignment: row.alignment.0,
            body: row.body,
            revision: row.revision,
            up_votes: row.up_votes,
            down_votes: row.down_votes,
            score: row.score,
            replies_count: row.replies_count,
            edited_at: row.edited_at.map(|t| t.0),
            deleted_at: row.deleted_at.map(|t| t.0),
            hidden: row.hidden,
            hidden_by_block: row.hidden_by_block,
            created_at: row.created_at.0,
        }
    }
}

/// Comments joined with their authors: what a [`CommentRow`] reads.
#[diesel::dsl::auto_type]
fn with_authors() -> _ {
    comments::table.inner_join(users::table.on(users::id.eq(comments::author_id)))
}

/// What creating a comment writes.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Proposal.
    pub proposal_id: Uuid,
    /// Amendment commented on, if any.
    pub amendment_id: Option<Uuid>,
    /// Space of the proposal.
    pub space_id: Uuid,
    /// The parent, for a reply: its id and path.
    pub parent: Option<(Uuid, &'a str)>,
    /// Depth (0 for a root).
    pub depth: i32,
    /// Who wrote it; what an author may do with it follows from this.
    pub author_id: Uuid,
    /// Alignment.
    pub alignment: Alignment,
    /// Markdown source.
    pub body: &'a str,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Writes a comment and its revision 1. The thread key and the path are
/// derived here, so no caller can file a comment in the wrong thread.
/// Counters are the caller's: see [`adjust_live_counters`].
pub fn insert(tx: &mut Tx<'_>, comment: &NewComment<'_>) -> Result<(), StoreError> {
    let at = Stored(comment.created_at);
    let (thread_key, path) = match comment.parent {
        Some((parent_id, parent_path)) => (parent_id, format!("{parent_path}/{}", comment.id)),
        None => (comment.amendment_id.unwrap_or(comment.proposal_id), comment.id.to_string()),
    };
    diesel::insert_into(comments::table)
        .values((
            comments::id.eq(Stored(comment.id)),
            comments::proposal_id.eq(Stored(comment.proposal_id)),
            comments::amendment_id.eq(comment.amendment_id.map(Stored)),
            comments::space_id.eq(Stored(comment.space_id)),
            comments::thread_key.eq(Stored(thread_key)),
            comments::parent_id.eq(comment.parent.map(|(id, _)| Stored(id))),
            comments::path.eq(&path),
            comments::depth.eq(comment.depth),
            comments::author_id.eq(Stored(comment.author_id)),
            comments::alignment.eq(Stored(comment.alignment)),
            comments::body.eq(comment.body),
            comments::created_at.eq(&at),
            comments::updated_at.eq(&at),
        ))
        .execute(tx.conn())?;
    insert_revision(tx, comment.id, 1, comment.body, comment.alignment, comment.created_at)
}

fn insert_revision(
    tx: &mut Tx<'_>,
    comment_id: Uuid,
    revision: i32,
    body: &str,
    alignment: Alignment,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(comment_revisions::table)
        .values((
            comment_revisions::comment_id.eq(Stored(comment_id)),
            comment_revisions::revision.eq(revision),
            comment_revisions::body.eq(body),
            comment_revisions::alignment.eq(Stored(alignment)),
            comment_revisions::created_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// The comment with this id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<CommentRecord>, StoreError> {
    let rows: Vec<CommentRow> =
        with_authors().filter(comments::id.eq(Stored(id))).select(CommentRow::as_select()).limit(1).load(tx.conn())?;
    Ok(rows.into_iter().next().map(CommentRecord::from))
}

/// Locks the comment's row until the transaction ends and reads it again:
/// the lock a vote decides under, and (root first along the path, after
/// the proposal) the lock of a delete, an edit or a moderation change.
/// SQLite needs nothing: its write transactions begin `IMMEDIATE`.
pub fn find_for_update(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<CommentRecord>, StoreError> {
    lock_rows(tx, &[id])?;
    find_by_id(tx, id)
}

/// Locks the comment rows `ids` one by one, in the order given (root first
/// along a path, per the lock order in `docs/architecture.md`).
pub fn lock_rows(tx: &mut Tx<'_>, ids: &[Uuid]) -> Result<(), StoreError> {
    if let DbConnection::Postgres(connection) = tx.conn() {
        for id in ids {
            diesel::sql_query("SELECT id FROM comments WHERE id = $1 FOR NO KEY UPDATE")
                .bind::<diesel::sql_types::Text, _>(Stored(*id))
                .execute(connection)?;
        }
    }
    Ok(())
}

/// Locks the comment's rows root-first along its path (its ancestors,
/// then itself) and reads it again under those locks: the lock every
/// change of a comment's liveness (delete, hide, unhide) and every reply
/// to it takes, after its proposal's row. `None` if it is gone.
pub fn lock_path(tx: &mut Tx<'_>, comment: &CommentRecord) -> Result<Option<CommentRecord>, StoreError> {
    lock_rows(tx, &path_ids(&comment.path)?)?;
    find_by_id(tx, comment.id)
}

/// Moves the live counters for `comment` becoming live (`delta = 1`) or
/// not live (`delta = -1`): its proposal's or amendment's
/// `comments_count` and every ancestor's `replies_count`, in the caller's
/// transaction. Every live ↔ not-live transition (create, delete, hide,
/// unhide) calls this exactly once; the caller holds the proposal's lock
/// and the path's row locks.
pub fn adjust_live_counters(tx: &mut Tx<'_>, comment: &CommentRecord, delta: i32) -> Result<(), StoreError> {
    match comment.amendment_id {
        Some(amendment) => {
            diesel::update(amendments::table.filter(amendments::id.eq(Stored(amendment))))
                .set(amendments::comments_count.eq(amendments::comments_count + delta))
                .execute(tx.conn())?;
        }
        None => {
            diesel::update(proposals::table.filter(proposals::id.eq(Stored(comment.proposal_id))))
                .set(proposals::comments_count.eq(proposals::comments_count + delta))
                .execute(tx.conn())?;
        }
    }
    let ancestors: Vec<Stored<Uuid>> = comment.ancestor_ids()?.into_iter().map(Stored).collect();
    if !ancestors.is_empty() {
        diesel::update(comments::table.filter(comments::id.eq_any(ancestors)))
            .set(comments::replies_count.eq(comments::replies_count + delta))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// One page of a thread: the roots of a proposal or amendment
/// (`thread_key` = its id) or the direct replies of a comment
/// (`thread_key` = the comment's id), in `order`, after the cursor.
/// Each order reads one index in one direction and stops at `limit`; the
/// cursor condition is written so its first column is an index range
/// (`score <= key`), leaving only ties to filter.
pub fn list_thread(
    tx: &mut Tx<'_>,
    thread_key: Uuid,
    order: CommentOrder,
    after: Option<CommentCursor>,
    limit: i64,
) -> Result<Vec<CommentRecord>, StoreError> {
    let mut query = with_authors()
        .select(CommentRow::as_select())
        .filter(comments::thread_key.eq(Stored(thread_key)))
        .limit(limit)
        .into_boxed();
    query = match order {
        CommentOrder::Oldest => {
            if let Some(c) = after {
                query = query.filter(comments::id.gt(Stored(c.id)));
            }
            query.order(comments::id.asc())
        }
        CommentOrder::Newest => {
            if let Some(c) = after {
                query = query.filter(comments::id.lt(Stored(c.id)));
            }
            query.order(comments::id.desc())
        }
        CommentOrder::Best => {
            if let Some(c) = after {
                query = query
                    .filter(comments::score.le(c.key))
                    .filter(comments::score.lt(c.key).or(comments::id.lt(Stored(c.id))));
            }
            query.order((comments::score.desc(), comments::id.desc()))
        }
        CommentOrder::MostDiscussed => {
            if let Some(c) = after {
                query = query
                    .filter(comments::replies_count.le(c.key))
                    .filter(comments::replies_count.lt(c.key).or(comments::id.lt(Stored(c.id))));
            }
            query.order((comments::replies_count.desc(), comments::id.desc()))
        }
    };
    Ok(query.load::<CommentRow>(tx.conn())?.into_iter().map(CommentRecord::from).collect())
}

/// The position a page ends at, for the next page's cursor.
pub fn cursor_of(comment: &CommentRecord, order: CommentOrder) -> CommentCursor {
    let key = match order {
        CommentOrder::Oldest | CommentOrder::Newest => 0,
        CommentOrder::Best => comment.score,
        CommentOrder::MostDiscussed => comment.replies_count,
    };
    CommentCursor { key, id: comment.id }
}

/// `user`'s votes on the comments `ids` (one query for a whole page).
pub fn votes_of(tx: &mut Tx<'_>, user: Uuid, ids: &[Uuid]) -> Result<Vec<(Uuid, i32)>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Stored<Uuid>> = ids.iter().copied().map(Stored).collect();
    let rows: Vec<(Stored<Uuid>, i32)> = comment_votes::table
        .filter(comment_votes::user_id.eq(Stored(user)))
        .filter(comment_votes::comment_id.eq_any(ids))
        .select((comment_votes::comment_id, comment_votes::value))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(id, value)| (id.0, value)).collect())
}

/// Writes `user`'s vote on a comment (`None` removes it) and moves the
/// comment's counters by `delta`, computed by the caller from the vote
/// read under the comment's row lock. An insert racing another of the
/// same user fails on the primary key rather than counting twice.
pub fn set_vote(
    tx: &mut Tx<'_>,
    comment_id: Uuid,
    user: Uuid,
    old: Option<i32>,
    new: Option<i32>,
    delta: VoteDelta,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let row = comment_votes::table
        .filter(comment_votes::comment_id.eq(Stored(comment_id)))
        .filter(comment_votes::user_id.eq(Stored(user)));
    let at = Stored(at);
    match (old, new) {
        (None, Some(value)) => {
            diesel::insert_into(comment_votes::table)
                .values((
                    comment_votes::comment_id.eq(Stored(comment_id)),
                    comment_votes::user_id.eq(Stored(user)),
                    comment_votes::value.eq(value),
                    comment_votes::created_at.eq(&at),
                    comment_votes::updated_at.eq(&at),
                ))
                .execute(tx.conn())?;
        }
        (Some(_), Some(value)) => {
            diesel::update(row)
                .set((comment_votes::value.eq(value), comment_votes::updated_at.eq(&at)))
                .execute(tx.conn())?;
        }
        (Some(_), None) => {
            diesel::delete(row).execute(tx.conn())?;
        }
        (None, None) => {}
    }
    if !delta.is_zero() {
        diesel::update(comments::table.filter(comments::id.eq(Stored(comment_id))))
            .set((
                comments::up_votes.eq(comments::up_votes + delta.up),
                comments::down_votes.eq(comments::down_votes + delta.down),
                comments::score.eq(comments::score + delta.score()),
            ))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// `user`'s vote on the comment, if any.
pub fn vote_of(tx: &mut Tx<'_>, comment_id: Uuid, user: Uuid) -> Result<Option<i32>, StoreError> {
    Ok(votes_of(tx, user, &[comment_id])?.into_iter().next().map(|(_, value)| value))
}

/// Writes revision `expected + 1` (body and alignment) if the comment is
/// still at `expected` and live; `false` otherwise (compare-and-set, a
/// second line behind the row lock).
pub fn edit(
    tx: &mut Tx<'_>,
    id: Uuid,
    expected: i32,
    body: &str,
    alignment: Alignment,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let stamp = Stored(at);
    let updated = diesel::update(
        comments::table
            .filter(comments::id.eq(Stored(id)))
            .filter(comments::revision.eq(expected))
            .filter(comments::deleted_at.is_null())
            .filter(comments::hidden.eq(false)),
    )
    .set((
        comments::revision.eq(expected + 1),
        comments::body.eq(body),
        comments::alignment.eq(Stored(alignment)),
        comments::edited_at.eq(&stamp),
        comments::updated_at.eq(&stamp),
    ))
    .execute(tx.conn())?;
    if updated != 1 {
        return Ok(false);
    }
    insert_revision(tx, id, expected + 1, body, alignment, at)?;
    Ok(true)
}

/// Marks the comment deleted (the row stays as a placeholder); `false`
/// when it already was.
pub fn mark_deleted(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let stamp = Stored(at);
    let updated =
        diesel::update(comments::table.filter(comments::id.eq(Stored(id))).filter(comments::deleted_at.is_null()))
            .set((comments::deleted_at.eq(&stamp), comments::updated_at.eq(&stamp)))
            .execute(tx.conn())?;
    Ok(updated == 1)
}

/// One revision of a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRecord {
    /// Revision number, from 1.
    pub revision: i32,
    /// Markdown source.
    pub body: String,
    /// Alignment.
    pub alignment: Alignment,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = comment_revisions)]
struct RevisionRow {
    revision: i32,
    body: String,
    alignment: Stored<Alignment>,
    created_at: Stored<DateTime<Utc>>,
}

impl From<RevisionRow> for RevisionRecord {
    fn from(row: RevisionRow) -> Self {
        RevisionRecord {
            revision: row.revision,
            body: row.body,
            alignment: row.alignment.0,
            created_at: row.created_at.0,
        }
    }
}

/// A comment's revisions, oldest first, after revision `after`.
pub fn revisions(tx: &mut Tx<'_>, id: Uuid, after: Option<i32>, limit: i64) -> Result<Vec<RevisionRecord>, StoreError> {
    let rows: Vec<RevisionRow> = comment_revisions::table
        .filter(comment_revisions::comment_id.eq(Stored(id)))
        .filter(comment_revisions::revision.gt(after.unwrap_or(0)))
        .order(comment_revisions::revision.asc())
        .limit(limit)
        .select(RevisionRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(RevisionRecord::from).collect())
}

/// The SQL [`list_thread`] runs for a first page, for `EXPLAIN` in tests
/// (`$1`: the thread key; `LIMIT 21`).
#[cfg(feature = "testing")]
pub fn first_page_sql(order: CommentOrder) -> String {
    let order_by = match order {
        CommentOrder::Oldest => "comments.id ASC",
        CommentOrder::Newest => "comments.id DESC",
        CommentOrder::Best => "comments.score DESC, comments.id DESC",
        CommentOrder::MostDiscussed => "comments.replies_count DESC, comments.id DESC",
    };
    format!(
        "SELECT comments.id, users.nickname, comments.body FROM comments \
         INNER JOIN users ON users.id = comments.author_id \
         WHERE comments.thread_key = $1 ORDER BY {order_by} LIMIT 21"
    )
}

#[cfg(feature = "testing")]
#[derive(QueryableByName)]
struct SqlitePlanLine {
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

#[cfg(feature = "testing")]
#[derive(QueryableByName)]
struct PostgresPlanLine {
    #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
    line: String,
}

/// The query plan of a first page of `thread_key` in `order`, one line per
/// step (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL).
#[cfg(feature = "testing")]
pub fn explain_first_page(tx: &mut Tx<'_>, thread_key: Uuid, order: CommentOrder) -> Result<Vec<String>, StoreError> {
    let sql = first_page_sql(order);
    Ok(match tx.conn() {
        DbConnection::Sqlite(c) => diesel::sql_query(format!("EXPLAIN QUERY PLAN {}", sql.replace("$1", "?")))
            .bind::<diesel::sql_types::Text, _>(Stored(thread_key))
            .load::<SqlitePlanLine>(c)?
            .into_iter()
            .map(|l| l.detail)
            .collect(),
        DbConnection::Postgres(c) => diesel::sql_query(format!("EXPLAIN {sql}"))
            .bind::<diesel::sql_types::Text, _>(Stored(thread_key))
            .load::<PostgresPlanLine>(c)?
            .into_iter()
            .map(|l| l.line)
            .collect(),
    })
}
