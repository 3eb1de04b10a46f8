//! The outbox as its sender and its admins reach it: the sender claims due
//! letters and reports each outcome; an admin sees what is stuck or given
//! up and puts a dead letter back in line. The delivery itself (SMTP) is
//! the server's: this crate only keeps the books.

use chrono::{DateTime, Duration, Utc};
use emenda_domain::mail::{retry_delay, Letter, MailKind, MailState};
use emenda_domain::policy::{ensure_admin, Actor};
use emenda_domain::DomainError;
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::outbox::{self, OutboxEntry};
use emenda_store::HasStore;
use uuid::Uuid;

/// A letter claimed for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingLetter {
    /// Its outbox id.
    pub id: Uuid,
    /// Its `Message-ID`, the same on every attempt.
    pub message_id: String,
    /// The address it goes to.
    pub recipient: String,
    /// What it is about.
    pub kind: MailKind,
    /// Subject and bodies.
    pub letter: Letter,
    /// Its `Date`: when the event that caused it happened.
    pub date: DateTime<Utc>,
    /// Attempts so far, this one included.
    pub attempts: i32,
    /// Where to stop letters of its kind in one click (its
    /// `List-Unsubscribe` header, RFC 8058).
    pub unsubscribe_url: Option<String>,
}

/// Why a delivery failed, as the mail server or the network put it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryFailure {
    /// Worth trying again (a 4xx reply, a refused or dropped connection).
    Transient(String),
    /// Will never work (a 5xx reply: no such mailbox, refused for good).
    Permanent(String),
}

/// A letter as an admin sees it.
pub type OutboxLetter = OutboxEntry;

/// The outbox's books.
#[derive(Debug, Clone)]
pub struct MailOutbox {
    ctx: ServiceContext,
}

impl MailOutbox {
    /// The outbox of the database behind `ctx`.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Claims up to `limit` due letters for `lease` (after which, if their
    /// sender died, another takes them): each claim counts as an attempt.
    pub fn claim(&self, limit: i64, lease: Duration) -> ServiceResult<Vec<OutgoingLetter>> {
        let now = self.ctx.clock.now();
        // A read first: an idle sender must not take the write lock twice
        // a second.
        if !self.ctx.store().read_statement(|tx| outbox::has_due(tx, now))? {
            return Ok(Vec::new());
        }
        let claimed = self.ctx.store().write(|tx| outbox::claim_due(tx, now, now + lease, limit))?;
        Ok(claimed
            .into_iter()
            .map(|mail| OutgoingLetter {
                id: mail.id,
                message_id: mail.message_id,
                recipient: mail.recipient,
                kind: mail.kind,
                letter: mail.letter,
                date: mail.created_at,
                attempts: mail.attempts,
                unsubscribe_url: mail.unsubscribe_url,
            })
            .collect())
    }

    /// Records that the mail server accepted `letter`; false when it was
    /// taken over meanwhile (this sender's lease ran out), so the outcome is
    /// the new taker's to record.
    pub fn delivered(&self, letter: &OutgoingLetter) -> ServiceResult<bool> {
        let now = self.ctx.clock.now();
        Ok(self.ctx.store().write(|tx| outbox::mark_sent(tx, letter.id, letter.attempts, now))?)
    }

    /// Records a failed attempt: tried again after the backoff of
    /// [`retry_delay`], or given up when the failure is permanent or the
    /// attempts are spent. Returns the state the letter is left in, or
    /// `None` when it was taken over meanwhile.
    pub fn failed(&self, letter: &OutgoingLetter, failure: &DeliveryFailure) -> ServiceResult<Option<MailState>> {
        let now = self.ctx.clock.now();
        let (error, retry_at) = match failure {
            DeliveryFailure::Transient(error) => (error, retry_delay(letter.attempts).map(|delay| now + delay)),
            DeliveryFailure::Permanent(error) => (error, None),
        };
        // Kept short: a mail server's reply is not worth a page of storage.
        let error: String = error.chars().take(500).collect();
        let recorded =
            self.ctx.store().write(|tx| outbox::mark_failed(tx, letter.id, letter.attempts, &error, retry_at))?;
        Ok(recorded.then_some(if retry_at.is_some() { MailState::Pending } else { MailState::Dead }))
    }

    /// Letters in `state` (all when `None`), newest first: admins only.
    pub fn list(
        &self,
        actor: &Actor,
        state: Option<MailState>,
        before: Option<Uuid>,
        limit: i64,
    ) -> ServiceResult<Vec<OutboxLetter>> {
        ensure_admin(actor)?;
        Ok(self.ctx.store().read(|tx| outbox::list(tx, state, before, limit))?)
    }

    /// How many letters are in each state: admins only.
    pub fn counts(&self, actor: &Actor) -> ServiceResult<Vec<(MailState, i64)>> {
        ensure_admin(actor)?;
        Ok(self.ctx.store().read(outbox::counts)?)
    }

    /// Puts a dead letter back in line with fresh attempts: admins only
    /// (after mending what killed it, a wrong address or a mail server).
    pub fn retry(&self, actor: &Actor, id: Uuid) -> ServiceResult<()> {
        ensure_admin(actor)?;
        let now = self.ctx.clock.now();
        if self.ctx.store().write(|tx| outbox::retry(tx, id, now))? {
            Ok(())
        } else {
            Err(DomainError::not_found("dead letter").into())
        }
    }
}
