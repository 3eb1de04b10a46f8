//! The mail outbox as admins see it, and where a change of address stands.
//! A letter's bodies never leave the server: a reset or confirmation link
//! in them opens an account.

use crate::pagination::Page;
use chrono::{DateTime, Utc};
use emenda_accounts::email::AddressChange;
use emenda_accounts::outbox::OutboxLetter;
use emenda_domain::mail::{MailKind, MailState};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A letter in the outbox, without its bodies.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxLetterDto {
    /// Id (for `retry`).
    pub id: Uuid,
    /// The address it goes to.
    pub recipient: String,
    /// What it is about.
    pub kind: MailKind,
    /// `pending`, `sent` or `dead`.
    pub state: MailState,
    /// Attempts so far.
    pub attempts: i32,
    /// The last failure, as the mail server or the network put it.
    pub last_error: Option<String>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// When it is tried next (pending letters).
    pub next_attempt_at: DateTime<Utc>,
    /// When the mail server accepted it.
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<OutboxLetter> for OutboxLetterDto {
    fn from(letter: OutboxLetter) -> Self {
        Self {
            id: letter.id,
            recipient: letter.recipient,
            kind: letter.kind,
            state: letter.state,
            attempts: letter.attempts,
            last_error: letter.last_error,
            created_at: letter.created_at,
            next_attempt_at: letter.next_attempt_at,
            sent_at: letter.sent_at,
        }
    }
}

/// Letters in each state.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct OutboxCounts {
    /// Waiting for their (next) attempt.
    pub pending: i64,
    /// Accepted by the mail server.
    pub sent: i64,
    /// Given up: an admin should look.
    pub dead: i64,
}

/// A page of the outbox and its counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxDto {
    /// The letters of this page, newest first.
    pub items: Vec<OutboxLetterDto>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
    /// Letters in each state, in the whole outbox.
    pub counts: OutboxCounts,
}

impl OutboxDto {
    /// The page with the counts.
    pub fn new(page: Page<OutboxLetterDto>, counts: &[(MailState, i64)]) -> Self {
        let mut tally = OutboxCounts::default();
        for (state, n) in counts {
            match state {
                MailState::Pending => tally.pending = *n,
                MailState::Sent => tally.sent = *n,
                MailState::Dead => tally.dead = *n,
            }
        }
        Self { items: page.items, next_cursor: page.next_cursor, counts: tally }
    }
}

/// Where a change of address stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct AddressChangeDto {
    /// `pending`: a link went to the new address, and the change happens
    /// when it is opened; `done`: changed now (the site sends no e-mail).
    #[schema(example = "pending")]
    pub status: &'static str,
}

impl From<AddressChange> for AddressChangeDto {
    fn from(change: AddressChange) -> Self {
        Self {
            status: match change {
                AddressChange::Pending => "pending",
                AddressChange::Done => "done",
            },
        }
    }
}
