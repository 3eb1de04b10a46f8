//! The mail outbox: letters written in the transaction of the event that
//! causes them, delivered after it commits. A sender claims due letters
//! with a lease (so two senders, or a sender and its restarted self, do
//! not both take one), and records each outcome; the claim counts as an
//! attempt, so a letter that crashes its sender is not retried forever.

use crate::schema::mail_outbox;
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::mail::{Language, Letter, MailKind, MailState, MAX_ATTEMPTS};
use uuid::Uuid;

/// What enqueuing a letter writes.
#[derive(Debug, Clone)]
pub struct NewMail<'a> {
    /// UUID v7: the outbox is taken oldest first.
    pub id: Uuid,
    /// The `Message-ID` header, fixed now so a re-send is the same message.
    pub message_id: &'a str,
    /// The person it is for, if it is for an account.
    pub user_id: Option<Uuid>,
    /// The address it goes to.
    pub recipient: &'a str,
    /// What it is about.
    pub kind: MailKind,
    /// The language it is written in.
    pub language: Language,
    /// Subject and bodies.
    pub letter: &'a Letter,
    /// When the event that caused it happened.
    pub created_at: DateTime<Utc>,
    /// Where to stop letters of its kind in one click (notifications).
    pub unsubscribe_url: Option<&'a str>,
}

/// A letter as the sender takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMail {
    /// Id.
    pub id: Uuid,
    /// The `Message-ID` header.
    pub message_id: String,
    /// The address it goes to.
    pub recipient: String,
    /// What it is about.
    pub kind: MailKind,
    /// Subject and bodies.
    pub letter: Letter,
    /// When it was written (its `Date` header).
    pub created_at: DateTime<Utc>,
    /// Attempts so far, this one included.
    pub attempts: i32,
    /// Where to stop letters of its kind in one click.
    pub unsubscribe_url: Option<String>,
}

/// A letter as an admin sees it in the outbox: no bodies (they may hold a
/// link that opens an account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// Id.
    pub id: Uuid,
    /// The address it goes to.
    pub recipient: String,
    /// What it is about.
    pub kind: MailKind,
    /// Where it is.
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

#[derive(Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
struct MailRow {
    id: Stored<Uuid>,
    message_id: String,
    recipient: String,
    kind: Stored<MailKind>,
    subject: String,
    body_text: String,
    body_html: String,
    created_at: Stored<DateTime<Utc>>,
    attempts: i32,
    unsubscribe_url: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
struct EntryRow {
    id: Stored<Uuid>,
    recipient: String,
    kind: Stored<MailKind>,
    state: Stored<MailState>,
    attempts: i32,
    last_error: Option<String>,
    created_at: Stored<DateTime<Utc>>,
    next_attempt_at: Stored<DateTime<Utc>>,
    sent_at: Option<Stored<DateTime<Utc>>>,
}

/// Writes a letter to the outbox, due at once.
pub fn enqueue(tx: &mut Tx<'_>, mail: &NewMail<'_>) -> Result<(), StoreError> {
    diesel::insert_into(mail_outbox::table)
        .values((
            mail_outbox::id.eq(Stored(mail.id)),
            mail_outbox::message_id.eq(mail.message_id),
            mail_outbox::user_id.eq(mail.user_id.map(Stored)),
            mail_outbox::recipient.eq(mail.recipient),
            mail_outbox::kind.eq(Stored(mail.kind)),
            mail_outbox::language.eq(Stored(mail.language)),
            mail_outbox::subject.eq(&mail.letter.subject),
            mail_outbox::body_text.eq(&mail.letter.text),
            mail_outbox::body_html.eq(&mail.letter.html),
            mail_outbox::created_at.eq(Stored(mail.created_at)),
            mail_outbox::state.eq(Stored(MailState::Pending)),
            mail_outbox::next_attempt_at.eq(Stored(mail.created_at)),
            mail_outbox::unsubscribe_url.eq(mail.unsubscribe_url),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Claims up to `limit` due letters until `lease_until`, oldest first, and
/// counts the attempt. A letter claimed by someone else meanwhile (its
/// lease taken by a concurrent claim) is skipped: the conditional
/// `UPDATE` decides, on both backends.
pub fn claim_due(
    tx: &mut Tx<'_>,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<OutboxMail>, StoreError> {
    let free = mail_outbox::lease_until.is_null().or(mail_outbox::lease_until.le(Stored(now)));
    let due: Vec<Stored<Uuid>> = mail_outbox::table
        .filter(mail_outbox::state.eq(Stored(MailState::Pending)))
        .filter(mail_outbox::next_attempt_at.le(Stored(now)))
        .filter(free)
        .order((mail_outbox::next_attempt_at.asc(), mail_outbox::id.asc()))
        .select(mail_outbox::id)
        .limit(limit)
        .load(tx.conn())?;
    let mut claimed = Vec::with_capacity(due.len());
    // A letter whose every attempt was taken and never recorded (its
    // sender died each time, maybe on this very letter) is given up, not
    // taken again forever.
    diesel::update(
        mail_outbox::table
            .filter(mail_outbox::state.eq(Stored(MailState::Pending)))
            .filter(mail_outbox::attempts.ge(MAX_ATTEMPTS))
            .filter(mail_outbox::lease_until.le(Stored(now))),
    )
    .set((
        mail_outbox::state.eq(Stored(MailState::Dead)),
        mail_outbox::lease_until.eq(None::<Stored<DateTime<Utc>>>),
        mail_outbox::last_error.eq("every attempt was taken and none was recorded: its sender stopped each time"),
    ))
    .execute(tx.conn())?;
    for id in due {
        let taken = diesel::update(
            mail_outbox::table
                .filter(mail_outbox::id.eq(&id))
                .filter(mail_outbox::state.eq(Stored(MailState::Pending)))
                .filter(mail_outbox::lease_until.is_null().or(mail_outbox::lease_until.le(Stored(now)))),
        )
        .set((
            mail_outbox::lease_until.eq(Some(Stored(lease_until))),
            mail_outbox::attempts.eq(mail_outbox::attempts + 1),
        ))
        .execute(tx.conn())?;
        if taken == 1 {
            let row: MailRow =
                mail_outbox::table.filter(mail_outbox::id.eq(&id)).select(MailRow::as_select()).first(tx.conn())?;
            claimed.push(OutboxMail {
                id: row.id.0,
                message_id: row.message_id,
                recipient: row.recipient,
                kind: row.kind.0,
                letter: Letter { subject: row.subject, text: row.body_text, html: row.body_html },
                created_at: row.created_at.0,
                attempts: row.attempts,
                unsubscribe_url: row.unsubscribe_url,
            });
        }
    }
    Ok(claimed)
}

/// Whether a letter is due and free to take: a read, so an idle sender
/// polls without taking the write lock.
pub fn has_due(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(diesel::select(diesel::dsl::exists(
        mail_outbox::table
            .filter(mail_outbox::state.eq(Stored(MailState::Pending)))
            .filter(mail_outbox::next_attempt_at.le(Stored(now)))
            .filter(mail_outbox::lease_until.is_null().or(mail_outbox::lease_until.le(Stored(now)))),
    ))
    .get_result(tx.conn())?)
}

/// Records that the mail server accepted the letter, and forgets its
/// bodies: they may hold a link that opens an account, and a sent letter
/// is never sent again. Only the taker of attempt `attempt` records it:
/// false when the letter was taken over since (its lease ran out) or
/// settled.
pub fn mark_sent(tx: &mut Tx<'_>, id: Uuid, attempt: i32, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(Stored(id)))
            .filter(mail_outbox::state.eq(Stored(MailState::Pending)))
            .filter(mail_outbox::attempts.eq(attempt)),
    )
    .set((
        mail_outbox::state.eq(Stored(MailState::Sent)),
        mail_outbox::body_text.eq(""),
        mail_outbox::body_html.eq(""),
        mail_outbox::sent_at.eq(Some(Stored(at))),
        mail_outbox::lease_until.eq(None::<Stored<DateTime<Utc>>>),
        mail_outbox::last_error.eq(None::<String>),
    ))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Records a failed attempt: the letter is tried again at `retry_at`, or,
/// without one, given up (dead). Only the taker of attempt `attempt`
/// records it: false when the letter was taken over since or settled.
pub fn mark_failed(
    tx: &mut Tx<'_>,
    id: Uuid,
    attempt: i32,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<bool, StoreError> {
    let target = mail_outbox::table
        .filter(mail_outbox::id.eq(Stored(id)))
        .filter(mail_outbox::state.eq(Stored(MailState::Pending)))
        .filter(mail_outbox::attempts.eq(attempt));
    let no_lease = mail_outbox::lease_until.eq(None::<Stored<DateTime<Utc>>>);
    let updated = match retry_at {
        Some(at) => diesel::update(target)
            .set((mail_outbox::next_attempt_at.eq(Stored(at)), no_lease, mail_outbox::last_error.eq(error)))
            .execute(tx.conn())?,
        None => diesel::update(target)
            .set((mail_outbox::state.eq(Stored(MailState::Dead)), no_lease, mail_outbox::last_error.eq(error)))
            .execute(tx.conn())?,
    };
    Ok(updated == 1)
}

/// Puts a dead letter back in line, due at `now` with its attempts reset;
/// false when there is no dead letter with this id.
pub fn retry(tx: &mut Tx<'_>, id: Uuid, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(Stored(id)))
            .filter(mail_outbox::state.eq(Stored(MailState::Dead))),
    )
    .set((
        mail_outbox::state.eq(Stored(MailState::Pending)),
        mail_outbox::attempts.eq(0),
        mail_outbox::next_attempt_at.eq(Stored(now)),
    ))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Letters in `state` (all when `None`), newest first, older than `before`.
pub fn list(
    tx: &mut Tx<'_>,
    state: Option<MailState>,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut query =
        mail_outbox::table.select(EntryRow::as_select()).order(mail_outbox::id.desc()).limit(limit).into_boxed();
    if let Some(state) = state {
        query = query.filter(mail_outbox::state.eq(Stored(state)));
    }
    if let Some(before) = before {
        query = query.filter(mail_outbox::id.lt(Stored(before)));
    }
    let rows: Vec<EntryRow> = query.load(tx.conn())?;
    Ok(rows
        .into_iter()
        .map(|row| OutboxEntry {
            id: row.id.0,
            recipient: row.recipient,
            kind: row.kind.0,
            state: row.state.0,
            attempts: row.attempts,
            last_error: row.last_error,
            created_at: row.created_at.0,
            next_attempt_at: row.next_attempt_at.0,
            sent_at: row.sent_at.map(|t| t.0),
        })
        .collect())
}

/// How many letters of `kind` were written for `user_id` since `since`
/// (the limit on letters a form may send to one person).
pub fn count_since(tx: &mut Tx<'_>, user_id: Uuid, kind: MailKind, since: DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(mail_outbox::table
        .filter(mail_outbox::user_id.eq(Stored(user_id)))
        .filter(mail_outbox::kind.eq(Stored(kind)))
        .filter(mail_outbox::created_at.ge(Stored(since)))
        .count()
        .get_result(tx.conn())?)
}

/// How many letters went to `recipient` since `since`, of any kind.
pub fn count_to_since(tx: &mut Tx<'_>, recipient: &str, since: DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(mail_outbox::table
        .filter(mail_outbox::recipient.eq(recipient))
        .filter(mail_outbox::created_at.ge(Stored(since)))
        .count()
        .get_result(tx.conn())?)
}

/// How many letters are in each state.
pub fn counts(tx: &mut Tx<'_>) -> Result<Vec<(MailState, i64)>, StoreError> {
    let rows: Vec<(Stored<MailState>, i64)> = mail_outbox::table
        .group_by(mail_outbox::state)
        .select((mail_outbox::state, diesel::dsl::count_star()))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(state, n)| (state.0, n)).collect())
}
