//! Comments and comment votes: write, reply (down to depth 3), edit (every
//! revision kept), delete (a placeholder stays), vote, and list a thread a
//! page at a time in four orders.
//!
//! Every write is one transaction that follows the lock order of
//! `docs/architecture.md`: the proposal row first (`lock_visible_proposal`),
//! then the comment rows root first along the path, then `audit_head`. A
//! vote locks only its comment's row. Counters move through
//! `emenda_store::comments::adjust_live_counters`, once per live ↔ not-live
//! transition.

use crate::access::{load_visible_amendment, lock_visible_amendment};
use crate::rules::ensure_thread_open;
use crate::views::{Comment, CommentRevision, CommentVotes, Person, VoteOutcome};
use crate::{load_visible_proposal, lock_visible_proposal, ProposalKey};
use emenda_domain::audit::AuditAction;
use emenda_domain::comment::{
    ensure_can_vote, ensure_comment_author, ensure_comments_open, ensure_current_revision, ensure_live,
    ensure_same_thread, ensure_thread_not_hidden, reply_depth, sees_hidden, vote_delta, Alignment, CommentBody,
    CommentCursor, CommentOrder, Vote,
};
use emenda_domain::error::Validation;
use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_domain::policy::Actor;
use emenda_domain::{DomainError, ErrorCode, FieldCode};
use emenda_service::{AuditTarget, ServiceContext, ServiceError, ServiceResult};
use emenda_store::comments::{self, CommentRecord, NewComment};
use emenda_store::proposals::ProposalRecord;
use emenda_store::spaces::{self, SpaceRecord};
use emenda_store::HasStore;
use emenda_store::Tx;
use emenda_store::{follows, users};
use uuid::Uuid;

/// What a comment is written on.
#[derive(Debug, Clone, Copy)]
pub enum CommentTarget<'a> {
    /// A proposal, by UUID or reference code.
    Proposal(&'a ProposalKey),
    /// An amendment.
    Amendment(Uuid),
}

/// A new comment as sent by a participant.
#[derive(Debug, Clone)]
pub struct CommentRequest {
    /// Markdown source.
    pub body: String,
    /// Where the author stands (`neutral` when not given).
    pub alignment: Option<Alignment>,
    /// The comment replied to.
    pub parent_id: Option<Uuid>,
}

/// An edit: a new body, a new alignment, or both.
#[derive(Debug, Clone, Default)]
pub struct CommentEdit {
    /// New Markdown source.
    pub body: Option<String>,
    /// New alignment.
    pub alignment: Option<Alignment>,
    /// The revision the author edited (`stale_revision` if no longer current).
    pub revision: Option<i32>,
}

/// Builds what `reader_sees_hidden` may see of `record`.
fn view(record: CommentRecord, reader_sees_hidden: bool, my_vote: Option<i32>) -> Comment {
    let shown = record.deleted_at.is_none() && (!record.hidden || reader_sees_hidden);
    Comment {
        id: record.id,
        proposal_id: record.proposal_id,
        amendment_id: record.amendment_id,
        parent_id: record.parent_id,
        depth: record.depth,
        author: shown.then_some(Person {
            id: record.author_id,
            nickname: record.author_nickname,
            display_name: record.author_display_name,
        }),
        alignment: shown.then_some(record.alignment),
        body: shown.then_some(record.body),
        created_at: record.created_at,
        edited: record.edited_at.is_some(),
        edited_at: record.edited_at,
        revision: record.revision,
        deleted: record.deleted_at.is_some(),
        hidden: record.hidden,
        votes: CommentVotes { up: record.up_votes, down: record.down_votes, score: record.score },
        replies_count: record.replies_count,
        my_vote,
    }
}

fn space_of(tx: &mut Tx<'_>, space_id: Uuid) -> ServiceResult<SpaceRecord> {
    Ok(spaces::find_by_id(tx, space_id)?.ok_or_else(|| DomainError::not_found("space"))?)
}

/// The proposal (and space) of a thread target, as `actor` may see it;
/// with `lock`, the proposal row is locked first (the lock order).
fn resolve_target(
    tx: &mut Tx<'_>,
    target: CommentTarget<'_>,
    actor: Option<&Actor>,
    lock: bool,
) -> ServiceResult<(ProposalRecord, SpaceRecord, Option<Uuid>, bool)> {
    match target {
        CommentTarget::Proposal(key) => {
            let (proposal, space) = if lock {
                let locked = lock_visible_proposal(tx, key, actor)?;
                (locked.proposal, locked.space)
            } else {
                let proposal = load_visible_proposal(tx, key, actor)?;
                let space = space_of(tx, proposal.space_id)?;
                (proposal, space)
            };
            let hidden = proposal.hidden;
            Ok((proposal, space, None, hidden))
        }
        CommentTarget::Amendment(id) => {
            // A hidden amendment, and so its thread, exists only for staff
            // of its space: the amendment visibility helpers decide that.
            let (amendment, proposal, space) = if lock {
                let (amendment, locked) = lock_visible_amendment(tx, id, actor)?;
                (amendment, locked.proposal, locked.space)
            } else {
                load_visible_amendment(tx, id, actor)?
            };
            let hidden = proposal.hidden || amendment.hidden;
            Ok((proposal, space, Some(amendment.id), hidden))
        }
    }
}

/// The comment `id` and its space, as `actor` may see them (the proposal
/// and amendment visibility rules); with `lock`, the proposal row is
/// locked first and the comment read under that lock.
fn resolve_comment(
    tx: &mut Tx<'_>,
    id: Uuid,
    actor: Option<&Actor>,
    lock: bool,
) -> ServiceResult<(CommentRecord, SpaceRecord, bool)> {
    let not_found = || ServiceError::from(DomainError::not_found("comment"));
    let comment = comments::find_by_id(tx, id)?.ok_or_else(not_found)?;
    let proposal_key = ProposalKey::Id(comment.proposal_id);
    let target = match comment.amendment_id {
        Some(amendment) => CommentTarget::Amendment(amendment),
        None => CommentTarget::Proposal(&proposal_key),
    };
    let (_, space, _, hidden) = resolve_target(tx, target, actor, lock).map_err(|e| match e {
        ServiceError::Rule(DomainError::NotFound { .. }) => not_found(),
        other => other,
    })?;
    let comment = if lock { comments::find_by_id(tx, id)?.ok_or_else(not_found)? } else { comment };
    Ok((comment, space, hidden))
}

fn comment_target(comment: &CommentRecord) -> AuditTarget {
    AuditTarget { kind: "comment", id: comment.id, space_id: Some(comment.space_id) }
}

fn audit_details(comment: &CommentRecord) -> serde_json::Value {
    serde_json::json!({
        "proposal_id": comment.proposal_id,
        "amendment_id": comment.amendment_id,
        "parent_id": comment.parent_id,
        "revision": comment.revision,
    })
}

/// Comments and comment votes.
#[derive(Debug, Clone)]
pub struct CommentService {
    ctx: ServiceContext,
}

impl CommentService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    fn reload(&self, tx: &mut Tx<'_>, id: Uuid) -> ServiceResult<CommentRecord> {
        Ok(comments::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("comment"))?)
    }

    /// A participant comments on a proposal or an amendment, or replies
    /// to one of its comments.
    pub fn create(&self, actor: &Actor, target: CommentTarget<'_>, request: &CommentRequest) -> ServiceResult<Comment> {
        let (body,) = Validation::new().field("body", CommentBody::parse(&request.body)).finish()?;
        let alignment = request.alignment.unwrap_or(Alignment::Neutral);
        self.ctx.write_as(actor, |tx| {
            let (proposal, space, amendment_id, hidden) = resolve_target(tx, target, Some(actor), true)?;
            ensure_thread_open(&space.settings, proposal.state, hidden)?;
            let parent = match request.parent_id {
                None => None,
                Some(parent_id) => {
                    let missing = || {
                        DomainError::invalid(
                            "parent_id",
                            FieldCode::NotFound,
                            "no such comment on this proposal or amendment",
                        )
                    };
                    let found = comments::find_by_id(tx, parent_id)?.ok_or_else(missing)?;
                    ensure_same_thread((found.proposal_id, found.amendment_id), (proposal.id, amendment_id))?;
                    let depth = reply_depth(found.depth)?;
                    let found = comments::lock_path(tx, &found)?.ok_or_else(missing)?;
                    ensure_live(found.deleted_at.is_some(), found.hidden)?;
                    Some((found, depth))
                }
            };
            let id = self.ctx.ids.new_id();
            comments::insert(
                tx,
                &NewComment {
                    id,
                    proposal_id: proposal.id,
                    amendment_id,
                    space_id: space.id,
                    parent: parent.as_ref().map(|(p, _)| (p.id, p.path.as_str())),
                    depth: parent.as_ref().map_or(0, |(_, depth)| *depth),
                    author_id: actor.user_id,
                    alignment,
                    body: body.as_str(),
                    created_at: self.ctx.clock.now(),
                },
            )?;
            let created = self.reload(tx, id)?;
            comments::adjust_live_counters(tx, &created, 1)?;
            if let Some((parent, _)) = &parent {
                let by = users::display_names(tx, &[actor.user_id])?.into_iter().next().map(|(_, name)| name);
                let reply = NotificationPayload {
                    by,
                    subject_id: Some(id),
                    target: Some("comment".into()),
                    ..crate::lifecycle::about(&proposal, &proposal.title)
                };
                let parent_author = Some(parent.author_id);
                self.ctx.notify(
                    tx,
                    NotificationKind::CommentReply,
                    Some(actor.user_id),
                    Some(proposal.id),
                    parent_author,
                    &reply,
                )?;
            }
            // Who comments hears what becomes of the proposal (and may stop).
            follows::follow(tx, proposal.id, actor.user_id, created.created_at)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::CommentCreated,
                comment_target(&created),
                audit_details(&created),
            )?;
            Ok(view(created, sees_hidden(Some(actor), space.id), None))
        })
    }

    /// One page of a thread: the roots of a proposal or amendment, or the
    /// direct replies of `parent_id` there. Fetches `limit` rows (ask one
    /// more to learn whether a next page exists) and the reader's votes on
    /// them in one more query.
    pub fn list(
        &self,
        target: CommentTarget<'_>,
        actor: Option<&Actor>,
        order: CommentOrder,
        parent_id: Option<Uuid>,
        after: Option<CommentCursor>,
        limit: i64,
    ) -> ServiceResult<Vec<Comment>> {
        self.ctx.store().read(|tx| {
            let (proposal, space, amendment_id, _) = resolve_target(tx, target, actor, false)?;
            let thread_key = match parent_id {
                None => amendment_id.unwrap_or(proposal.id),
                Some(parent_id) => {
                    let missing = || {
                        DomainError::invalid(
                            "parent_id",
                            FieldCode::NotFound,
                            "no such comment on this proposal or amendment",
                        )
                    };
                    let parent = comments::find_by_id(tx, parent_id)?.ok_or_else(missing)?;
                    ensure_same_thread((parent.proposal_id, parent.amendment_id), (proposal.id, amendment_id))?;
                    parent.id
                }
            };
            let rows = comments::list_thread(tx, thread_key, order, after, limit)?;
            self.views(tx, rows, actor, space.id)
        })
    }

    /// Views of a page, with the reader's votes loaded in one query.
    fn views(
        &self,
        tx: &mut Tx<'_>,
        rows: Vec<CommentRecord>,
        actor: Option<&Actor>,
        space_id: Uuid,
    ) -> ServiceResult<Vec<Comment>> {
        let votes: std::collections::HashMap<Uuid, i32> = match actor {
            Some(actor) => {
                let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
                comments::votes_of(tx, actor.user_id, &ids)?.into_iter().collect()
            }
            None => Default::default(),
        };
        let staff = sees_hidden(actor, space_id);
        Ok(rows
            .into_iter()
            .map(|c| {
                let mine = votes.get(&c.id).copied();
                view(c, staff, mine)
            })
            .collect())
    }

    /// One comment, as `actor` may see it.
    pub fn get(&self, id: Uuid, actor: Option<&Actor>) -> ServiceResult<Comment> {
        self.ctx.store().read(|tx| {
            let (comment, space, _) = resolve_comment(tx, id, actor, false)?;
            Ok(self.views(tx, vec![comment], actor, space.id)?.remove(0))
        })
    }

    /// A comment's revisions, oldest first. Those of a deleted or hidden
    /// comment are for staff of its space only.
    pub fn revisions(
        &self,
        id: Uuid,
        actor: Option<&Actor>,
        after: Option<i32>,
        limit: i64,
    ) -> ServiceResult<Vec<CommentRevision>> {
        self.ctx.store().read(|tx| {
            let (comment, space, _) = resolve_comment(tx, id, actor, false)?;
            if !comment.is_live() && !sees_hidden(actor, space.id) {
                return Err(DomainError::not_found("comment").into());
            }
            Ok(comments::revisions(tx, id, after, limit)?.into_iter().map(CommentRevision::from).collect())
        })
    }

    /// Its author edits a comment: a new revision with the new body and/or
    /// alignment.
    pub fn edit(&self, actor: &Actor, id: Uuid, edit: &CommentEdit) -> ServiceResult<Comment> {
        let (body,) = Validation::new().optional("body", edit.body.as_deref().map(CommentBody::parse)).finish()?;
        if body.is_none() && edit.alignment.is_none() {
            return Err(
                DomainError::invalid("body", FieldCode::Required, "send a new body, a new alignment or both").into()
            );
        }
        self.ctx.write_as(actor, |tx| {
            let (_, space, hidden) = resolve_comment(tx, id, Some(actor), true)?;
            ensure_thread_not_hidden(hidden)?;
            let comment = comments::find_for_update(tx, id)?.ok_or_else(|| DomainError::not_found("comment"))?;
            ensure_comment_author(actor, comment.author_id)?;
            ensure_live(comment.deleted_at.is_some(), comment.hidden)?;
            ensure_comments_open(&space.settings)?;
            ensure_current_revision(edit.revision, comment.revision)?;
            let new_body = body.as_ref().map_or(comment.body.as_str(), |b| b.as_str());
            let new_alignment = edit.alignment.unwrap_or(comment.alignment);
            if new_body == comment.body && new_alignment == comment.alignment {
                return Err(DomainError::invalid("body", FieldCode::Unchanged, "the edit changes nothing").into());
            }
            if !comments::edit(tx, id, comment.revision, new_body, new_alignment, self.ctx.clock.now())? {
                return Err(DomainError::conflict(
                    ErrorCode::StaleRevision,
                    "the comment changed meanwhile; reload it",
                )
                .into());
            }
            let edited = self.reload(tx, id)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::CommentEdited,
                comment_target(&edited),
                audit_details(&edited),
            )?;
            Ok(self.views(tx, vec![edited], Some(actor), space.id)?.remove(0))
        })
    }

    /// Its author deletes a comment: the row stays as a placeholder, its
    /// replies stay where they are, and the counters drop if it was live.
    /// Allowed even with comments closed: authors can always take their
    /// words back.
    pub fn delete(&self, actor: &Actor, id: Uuid) -> ServiceResult<Comment> {
        self.ctx.write_as(actor, |tx| {
            let (comment, space, _) = resolve_comment(tx, id, Some(actor), true)?;
            let comment = comments::lock_path(tx, &comment)?.ok_or_else(|| DomainError::not_found("comment"))?;
            ensure_comment_author(actor, comment.author_id)?;
            if comment.deleted_at.is_some() {
                return Err(DomainError::conflict(ErrorCode::CommentDeleted, "the comment was already deleted").into());
            }
            if !comments::mark_deleted(tx, id, self.ctx.clock.now())? {
                return Err(DomainError::conflict(ErrorCode::CommentDeleted, "the comment was already deleted").into());
            }
            if comment.is_live() {
                comments::adjust_live_counters(tx, &comment, -1)?;
            }
            let deleted = self.reload(tx, id)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::CommentDeleted,
                comment_target(&deleted),
                audit_details(&deleted),
            )?;
            Ok(self.views(tx, vec![deleted], Some(actor), space.id)?.remove(0))
        })
    }

    /// A participant votes a comment up (1) or down (−1), or removes their
    /// vote (0). The comment's row is locked before the old vote is read,
    /// so the counters move by exactly the difference.
    pub fn vote(&self, actor: &Actor, id: Uuid, value: i64) -> ServiceResult<VoteOutcome> {
        let (new,) = Validation::new().field("value", Vote::parse_request(value)).finish()?;
        self.ctx.write_as(actor, |tx| {
            let (comment, _, hidden) = resolve_comment(tx, id, Some(actor), false)?;
            ensure_thread_not_hidden(hidden)?;
            // `comments_open` is read under the space's share lock (a vote
            // is ordered against a closing of comments), then the comment's
            // row is locked: space before comment, as every writer.
            let space = spaces::lock_for_share(tx, comment.space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
            let comment = comments::find_for_update(tx, id)?.ok_or_else(|| DomainError::not_found("comment"))?;
            ensure_can_vote(actor, comment.author_id)?;
            ensure_live(comment.deleted_at.is_some(), comment.hidden)?;
            ensure_comments_open(&space.settings)?;
            let old = comments::vote_of(tx, id, actor.user_id)?;
            let delta = vote_delta(old.and_then(Vote::from_value), new);
            let new_value = new.map(Vote::value);
            if old != new_value {
                comments::set_vote(tx, id, actor.user_id, old, new_value, delta, self.ctx.clock.now())?;
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    AuditAction::CommentVoted,
                    comment_target(&comment),
                    serde_json::json!({ "proposal_id": comment.proposal_id, "from": old, "to": new_value }),
                )?;
            }
            let after = self.reload(tx, id)?;
            Ok(VoteOutcome { up: after.up_votes, down: after.down_votes, score: after.score, my_vote: new_value })
        })
    }
}
