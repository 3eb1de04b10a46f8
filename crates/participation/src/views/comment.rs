//! A comment, its votes and its revisions.

use crate::views::Person;
use chrono::{DateTime, Utc};
use emenda_domain::comment::{Alignment, CommentCursor, CommentOrder};
use emenda_store::comments::RevisionRecord;
use serde::Serialize;
use uuid::Uuid;

/// A comment's votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentVotes {
    /// Up votes.
    pub up: i32,
    /// Down votes.
    pub down: i32,
    /// Up minus down: the `best` order sorts by it.
    pub score: i32,
}

/// A comment as one reader may see it. A deleted comment, and a hidden one
/// (except for staff of its space), is a placeholder: `author`,
/// `alignment` and `body` are null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    /// Its id: what a reply names as `parent_id`.
    pub id: Uuid,
    /// The proposal its thread belongs to (also for a comment on one of
    /// its amendments).
    pub proposal_id: Uuid,
    /// The amendment it is on, if any.
    pub amendment_id: Option<Uuid>,
    /// The comment it replies to; null for a root.
    pub parent_id: Option<Uuid>,
    /// 0 for a root, replies down to 3.
    pub depth: i32,
    /// Its author; null on a placeholder.
    pub author: Option<Person>,
    /// Where the author stands; null on a placeholder.
    pub alignment: Option<Alignment>,
    /// Markdown source; null on a placeholder.
    pub body: Option<String>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Edited at least once (earlier revisions at `/revisions`).
    pub edited: bool,
    /// Last edit.
    pub edited_at: Option<DateTime<Utc>>,
    /// Current revision (1 until edited): send it back with an edit.
    pub revision: i32,
    /// Deleted by its author.
    pub deleted: bool,
    /// Hidden by moderation.
    pub hidden: bool,
    /// Up and down votes, and their score.
    pub votes: CommentVotes,
    /// Live replies at every depth below it.
    pub replies_count: i32,
    /// The caller's vote (1 or -1); null when not signed in or not voted.
    pub my_vote: Option<i32>,
}

impl Comment {
    /// The keyset position of this item in a list in `order`.
    pub fn cursor(&self, order: CommentOrder) -> CommentCursor {
        let key = match order {
            CommentOrder::Oldest | CommentOrder::Newest => 0,
            CommentOrder::Best => self.votes.score,
            CommentOrder::MostDiscussed => self.replies_count,
        };
        CommentCursor { key, id: self.id }
    }
}

/// A comment's votes after the caller's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteOutcome {
    /// Up votes.
    pub up: i32,
    /// Down votes.
    pub down: i32,
    /// Up minus down.
    pub score: i32,
    /// The caller's vote now; null once removed.
    pub my_vote: Option<i32>,
}

/// One revision of a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentRevision {
    /// Number, from 1.
    pub revision: i32,
    /// Markdown source.
    pub body: String,
    /// Where the author stood.
    pub alignment: Alignment,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

impl From<RevisionRecord> for CommentRevision {
    fn from(r: RevisionRecord) -> Self {
        Self { revision: r.revision, body: r.body, alignment: r.alignment, created_at: r.created_at }
    }
}
