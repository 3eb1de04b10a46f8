//! What admins do to accounts: verify an identity (which opens the spaces
//! that require it) and block or unblock a user. A block ends the user's
//! sessions at once; every change is audited, and a block is public with
//! its justification so that the power to silence is accountable.

use emenda_accounts::User;
use emenda_domain::audit::AuditAction;
use emenda_domain::policy::{ensure_admin, ensure_admins_remain, Actor};
use emenda_domain::values::{SearchTerm, StaffText};
use emenda_domain::{DomainError, ErrorCode};
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::comments as comment_rows;
use emenda_store::users::{self, UserRecord};
use emenda_store::HasStore;
use emenda_store::{hiding, proposals, roles, tokens, Tx};
use uuid::Uuid;

/// Account moderation.
#[derive(Debug, Clone)]
pub struct UserModerationService {
    ctx: ServiceContext,
}

/// Checks, under the admin lock, that the caller still is an admin and is
/// not blocked: an admin blocked or demoted a moment ago (by a concurrent
/// request) cannot act on the strength of what the request read earlier.
pub(crate) fn ensure_active_admin(tx: &mut Tx<'_>, actor: &Actor) -> ServiceResult<()> {
    let caller = users::find_by_id(tx, actor.user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
    if caller.blocked_at.is_some() {
        return Err(DomainError::forbidden(ErrorCode::AccountBlocked, "this account is blocked").into());
    }
    if caller.deletion_due_at.is_some() {
        return Err(DomainError::forbidden(
            ErrorCode::DeletionPending,
            "this account is to be deleted: cancel the deletion to act again",
        )
        .into());
    }
    ensure_admin(&Actor { roles: roles::grants_of(tx, actor.user_id)?, ..actor.clone() })?;
    Ok(())
}

fn user_target(user_id: Uuid) -> AuditTarget {
    AuditTarget { kind: "user", id: user_id, space_id: None }
}

/// How many items of each kind a block hid or an unblock showed again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ContentCounts {
    proposals: usize,
    amendments: usize,
    comments: usize,
}

impl ContentCounts {
    fn is_empty(&self) -> bool {
        self.proposals + self.amendments + self.comments == 0
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({ "proposals": self.proposals, "amendments": self.amendments, "comments": self.comments })
    }
}

/// Hides (`hide`) the user's visible content with the block mark, or
/// shows again what carries the mark. The caller holds the user's row
/// exclusively (the block's update took it); every write of that user
/// holds it shared from its first statement and re-checks the block under
/// it (`ServiceContext::write_as`), so their content is complete and
/// stable once this runs. Every proposal the content belongs to is then
/// locked in one statement in ascending id order, and amendments and
/// comments change (each comment's rows root-first).
fn change_content(
    tx: &mut Tx<'_>,
    user_id: Uuid,
    hide: bool,
    at: chrono::DateTime<chrono::Utc>,
) -> ServiceResult<ContentCounts> {
    users::find_for_update(tx, user_id)?;
    let content = hiding::authored_content(tx, user_id, !hide)?;
    proposals::lock_many(tx, &content.affected_proposals)?;
    let mut counts = ContentCounts::default();
    for proposal in &content.proposals {
        counts.proposals += usize::from(hiding::set_proposal_hidden(tx, *proposal, hide, true, at)?);
    }
    for amendment in &content.amendments {
        counts.amendments += usize::from(hiding::set_amendment_hidden(tx, *amendment, hide, true, at)?);
    }
    for id in &content.comments {
        let Some(comment) = comment_rows::find_by_id(tx, *id)? else { continue };
        let Some(comment) = comment_rows::lock_path(tx, &comment)? else { continue };
        counts.comments += usize::from(hiding::set_comment_hidden(tx, &comment, hide, true, at)?);
    }
    Ok(counts)
}

impl UserModerationService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Locks the admin grants (the locking rule: any change that could take
    /// power away from an admin queues here) and checks, under that lock,
    /// that the caller still is one. Returns the admins' ids.
    fn lock_as_admin(&self, tx: &mut Tx<'_>, actor: &Actor) -> ServiceResult<Vec<Uuid>> {
        let admins = roles::lock_admins(tx)?;
        ensure_active_admin(tx, actor)?;
        Ok(admins)
    }

    fn user(tx: &mut Tx<'_>, user_id: Uuid) -> ServiceResult<UserRecord> {
        Ok(users::find_by_id(tx, user_id)?.ok_or_else(|| DomainError::not_found("user"))?)
    }

    /// Finds people for an admin to act on: a page of users by nickname
    /// whose nickname or e-mail starts with `q` or whose display name
    /// contains it (everyone for a blank `q`), after the nickname `after`.
    /// Who may search is answered before `q` is read: a non-admin learns
    /// nothing from its checks.
    pub fn search(&self, actor: &Actor, q: &str, after: Option<&str>, limit: i64) -> ServiceResult<Vec<User>> {
        ensure_admin(actor)?;
        let term = SearchTerm::parse(q)?;
        let found = self.ctx.store().read(|tx| users::search(tx, term.as_ref(), after, limit))?;
        Ok(found.into_iter().map(User::from).collect())
    }

    /// Marks a user's identity as verified. Verifying twice changes nothing.
    pub fn verify(&self, actor: &Actor, user_id: Uuid) -> ServiceResult<User> {
        ensure_admin(actor)?;
        self.ctx.store().write(|tx| {
            self.lock_as_admin(tx, actor)?;
            Self::user(tx, user_id)?;
            if users::set_verified(tx, user_id, self.ctx.clock.now())? {
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    AuditAction::UserVerified,
                    user_target(user_id),
                    serde_json::json!({}),
                )?;
            }
            Self::user(tx, user_id).map(User::from)
        })
    }

    /// Blocks a user with a public justification: their refresh tokens are
    /// revoked in the same transaction, and every request with a live
    /// access token is refused from then on (roles and the blocked state are
    /// read on every request). An admin cannot block themselves, and the
    /// last admin who is not blocked cannot be blocked.
    pub fn block(&self, actor: &Actor, user_id: Uuid, justification: &str) -> ServiceResult<User> {
        self.block_with(actor, user_id, justification, false)
    }

    /// Like [`UserModerationService::block`]; with `hide_content`, every
    /// proposal, amendment and comment of the user that is visible becomes
    /// hidden with the block mark, in the same transaction (comment
    /// counters follow), so that lifting the block shows exactly those
    /// again. Blocking an already blocked user with `hide_content` hides
    /// what is still visible.
    pub fn block_with(
        &self,
        actor: &Actor,
        user_id: Uuid,
        justification: &str,
        hide_content: bool,
    ) -> ServiceResult<User> {
        ensure_admin(actor)?;
        let justification = StaffText::parse_field("justification", justification)?;
        if user_id == actor.user_id {
            return Err(
                DomainError::conflict(ErrorCode::CannotBlockSelf, "an admin cannot block their own account").into()
            );
        }
        self.ctx.store().write(|tx| {
            let admins = self.lock_as_admin(tx, actor)?;
            Self::user(tx, user_id)?;
            if admins.contains(&user_id) {
                let mut active = 0;
                for admin in admins.iter().filter(|&&a| a != user_id) {
                    let other = Self::user(tx, *admin)?;
                    // An admin whose account is to be deleted is leaving.
                    if other.blocked_at.is_none() && other.deletion_due_at.is_none() {
                        active += 1;
                    }
                }
                ensure_admins_remain(active)?;
            }
            let now = self.ctx.clock.now();
            let blocked = users::set_blocked(tx, user_id, Some(now), now)?;
            if blocked {
                tokens::revoke_all_for_user(tx, user_id, now)?;
            }
            let hidden = if hide_content { change_content(tx, user_id, true, now)? } else { ContentCounts::default() };
            if blocked {
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    AuditAction::UserBlocked,
                    user_target(user_id),
                    serde_json::json!({
                        "justification": justification.as_str(),
                        "hide_content": hide_content,
                        "hidden": hidden.json(),
                    }),
                )?;
            } else if !hidden.is_empty() {
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    AuditAction::ContentHidden,
                    user_target(user_id),
                    serde_json::json!({ "by_block": true, "justification": justification.as_str(), "hidden": hidden.json() }),
                )?;
            }
            Self::user(tx, user_id).map(User::from)
        })
    }

    /// Lifts a block; the user signs in again to get new sessions. The
    /// content hidden with the block (and only that: not what staff or
    /// reports hid) becomes visible again.
    pub fn unblock(&self, actor: &Actor, user_id: Uuid) -> ServiceResult<User> {
        ensure_admin(actor)?;
        self.ctx.store().write(|tx| {
            self.lock_as_admin(tx, actor)?;
            Self::user(tx, user_id)?;
            let now = self.ctx.clock.now();
            if users::set_blocked(tx, user_id, None, now)? {
                let shown = change_content(tx, user_id, false, now)?;
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    AuditAction::UserUnblocked,
                    user_target(user_id),
                    serde_json::json!({ "unhidden": shown.json() }),
                )?;
            }
            Self::user(tx, user_id).map(User::from)
        })
    }
}
