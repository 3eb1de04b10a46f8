//! A person deletes their account (docs/domain.md, Data rights): they
//! prove it is them with their password, the account waits out its grace
//! period with every session closed and writing refused, and they may
//! cancel by signing in again. The erasure itself, which also withdraws
//! their supports, is `emenda_participation::erasure`.

use crate::service::AccountService;
use crate::views::User;
use chrono::{DateTime, Utc};
use emenda_domain::mail::{letter_time, LetterBody};
use emenda_domain::policy::ensure_admins_remain;
use emenda_domain::DomainError;
use emenda_service::ServiceResult;
use emenda_store::{erasure, roles, users, HasStore};
use std::net::IpAddr;
use uuid::Uuid;

/// What a deletion request set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeletionRequest {
    /// When the account is erased; now, when the site keeps no grace
    /// period (the caller erases it at once).
    pub due_at: DateTime<Utc>,
    /// Whether there is no grace period to wait.
    pub immediate: bool,
}

impl AccountService {
    /// Schedules the deletion of the caller's account, proven by their
    /// password (checked and throttled as a sign-in is). Every session
    /// closes; a letter (when the site sends e-mail and the address is
    /// proven) says when, and how to cancel. Refused for the last active
    /// administrator: the installation always keeps one.
    pub fn request_deletion(&self, user_id: Uuid, password: &str, address: IpAddr) -> ServiceResult<DeletionRequest> {
        self.check_password(user_id, password, address)?;
        self.ctx.store().write(|tx| {
            let admins = roles::lock_admins(tx)?;
            let user = users::find_for_update(tx, user_id)?
                .filter(|u| u.deleted_at.is_none())
                .ok_or_else(|| DomainError::not_found("user"))?;
            if admins.contains(&user_id) {
                let mut remaining = 0;
                for admin in admins.iter().filter(|&&a| a != user_id) {
                    let other = users::find_by_id(tx, *admin)?;
                    if other.is_some_and(|o| o.blocked_at.is_none() && o.deletion_due_at.is_none()) {
                        remaining += 1;
                    }
                }
                ensure_admins_remain(remaining)?;
            }
            let now = self.ctx.clock.now();
            let grace = self.settings.deletion_grace;
            let due_at = now + grace;
            erasure::request(tx, user_id, due_at, now)?;
            let immediate = grace <= chrono::Duration::zero();
            if !immediate && self.sends_email() && user.email_confirmed_at.is_some() {
                let due = letter_time(due_at, user.language);
                let sign_in_link = format!("{}/accedi", self.mail_site()?.public_url);
                self.post(
                    tx,
                    &user,
                    &user.email,
                    &LetterBody::DeletionScheduled { due: &due, sign_in_link: &sign_in_link },
                )?;
            }
            Ok(DeletionRequest { due_at, immediate })
        })
    }

    /// Cancels the caller's pending deletion; the account is as it was
    /// (their sessions, closed by the request, stay closed). Cancelling
    /// when nothing is pending changes nothing.
    pub fn cancel_deletion(&self, user_id: Uuid) -> ServiceResult<User> {
        self.ctx.store().write(|tx| {
            let now = self.ctx.clock.now();
            erasure::cancel(tx, user_id, now)?;
            let user = users::find_by_id(tx, user_id)?
                .filter(|u| u.deleted_at.is_none())
                .ok_or_else(|| DomainError::not_found("user"))?;
            Ok(User::from(user))
        })
    }

    /// Accounts whose grace period is over, at most `limit`, for the
    /// erasure to take one by one.
    pub fn deletions_due(&self, limit: i64) -> ServiceResult<Vec<Uuid>> {
        let now = self.ctx.clock.now();
        Ok(self.ctx.store().read(|tx| erasure::due(tx, now, limit))?)
    }
}
