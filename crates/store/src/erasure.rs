//! A person's account deleted (docs/domain.md, Data rights): the request
//! and its grace period, and the erasure itself, which leaves the user row
//! in place (their contributions keep an author, "Partecipante eliminato",
//! and every version hash naming their id still verifies) but empties it
//! and every other row of what identifies them.
//!
//! What stays is keyed by their user id alone: proposals, versions,
//! amendments and comments they wrote (public contributions), supports on
//! proposals already closed (the count is a public fact), reports they
//! made, their votes on comments. The id is a random UUID: once the row
//! holds no name, address or handle, nothing here ties it to a person.

use crate::schema::{
    audit_log, email_tokens, log_entries, login_attempts, mail_outbox, notification_digests, notification_events,
    notification_settings, notifications, proposal_follows, refresh_tokens, role_grants, support_tallies, users,
};
use crate::types::Stored;
use crate::users::UserRecord;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::notification::NotificationPayload;
use emenda_domain::transparency::{commitment, EntryKind};
use uuid::Uuid;

/// Records the request: the account is erased at `due_at` unless the
/// person cancels before. Every session closes now (whoever asked may be
/// on a shared computer); signing in again is how they cancel.
pub fn request(tx: &mut Tx<'_>, id: Uuid, due_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(users::table.filter(users::id.eq(Stored(id))).filter(users::deleted_at.is_null()))
        .set((
            users::deletion_due_at.eq(Some(Stored(due_at))),
            users::sessions_closed_at.eq(Some(Stored(now))),
            users::updated_at.eq(Stored(now)),
        ))
        .execute(tx.conn())?;
    crate::tokens::revoke_all_for_user(tx, id, now)?;
    Ok(())
}

/// Withdraws a pending request; whether there was one.
pub fn cancel(tx: &mut Tx<'_>, id: Uuid, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(diesel::update(
        users::table
            .filter(users::id.eq(Stored(id)))
            .filter(users::deleted_at.is_null())
            .filter(users::deletion_due_at.is_not_null()),
    )
    .set((users::deletion_due_at.eq(None::<Stored<DateTime<Utc>>>), users::updated_at.eq(Stored(now))))
    .execute(tx.conn())?
        > 0)
}

/// Accounts whose grace period ended by `now`, oldest request first.
pub fn due(tx: &mut Tx<'_>, now: DateTime<Utc>, limit: i64) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<Stored<Uuid>> = users::table
        .filter(users::deleted_at.is_null())
        .filter(users::deletion_due_at.le(Stored(now)))
        .order(users::deletion_due_at.asc())
        .select(users::id)
        .limit(limit)
        .load(tx.conn())?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// What an erasure removed, for the operator's log line and the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    /// Audit entries about the person whose details went.
    pub audit_details: usize,
    /// Letters to them, sent or not, and their links.
    pub letters: usize,
    /// Notifications to them.
    pub notifications: usize,
    /// Notifications to others that named them, made anonymous.
    pub mentions: usize,
}

/// Empties the account `user` (read under its lock by the caller) of
/// every personal datum, in the caller's transaction. Supports on open
/// proposals are the caller's to withdraw first (they move counters and
/// the public log). Idempotent only in effect: call it once per account.
pub fn erase(tx: &mut Tx<'_>, user: &UserRecord, now: DateTime<Utc>) -> Result<Erased, StoreError> {
    let id = Stored(user.id);
    let mut erased = Erased::default();
    diesel::delete(refresh_tokens::table.filter(refresh_tokens::user_id.eq(id))).execute(tx.conn())?;
    diesel::delete(login_attempts::table.filter(login_attempts::email.eq(&user.email))).execute(tx.conn())?;
    diesel::delete(role_grants::table.filter(role_grants::user_id.eq(id))).execute(tx.conn())?;
    diesel::delete(proposal_follows::table.filter(proposal_follows::user_id.eq(id))).execute(tx.conn())?;
    diesel::delete(email_tokens::table.filter(email_tokens::user_id.eq(id))).execute(tx.conn())?;
    crate::exports::delete_of_user(tx, user.id)?;
    erased.letters = diesel::delete(
        mail_outbox::table.filter(mail_outbox::user_id.eq(id).or(mail_outbox::recipient.eq(&user.email))),
    )
    .execute(tx.conn())?;
    erased.notifications =
        diesel::delete(notifications::table.filter(notifications::user_id.eq(id))).execute(tx.conn())?;
    diesel::delete(notification_settings::table.filter(notification_settings::user_id.eq(id))).execute(tx.conn())?;
    diesel::delete(notification_digests::table.filter(notification_digests::user_id.eq(id))).execute(tx.conn())?;
    // The pseudonym salt goes: their remaining supports (on closed
    // proposals) stay counted, but nobody can tie their log entries to
    // the id any more.
    diesel::update(support_tallies::table.filter(support_tallies::user_id.eq(id)))
        .set(support_tallies::salt.eq(None::<String>))
        .execute(tx.conn())?;
    erased.mentions = unname_in_notifications(tx, user)?;
    erased.audit_details = erase_audit_details(tx, user.id, now)?;
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::email.eq(format!("deleted-{}", user.id.simple())),
            users::nickname.eq(format!("deleted-{}", user.id.simple())),
            users::display_name.eq(""),
            users::password_hash.eq(""),
            users::verified_at.eq(None::<Stored<DateTime<Utc>>>),
            users::name_skeleton.eq(None::<String>),
            users::nickname_skeleton.eq(None::<String>),
            users::privacy_version.eq(None::<i32>),
            users::privacy_accepted_at.eq(None::<Stored<DateTime<Utc>>>),
            users::email_confirmed_at.eq(None::<Stored<DateTime<Utc>>>),
            users::sessions_closed_at.eq(Some(Stored(now))),
            users::deleted_at.eq(Some(Stored(now))),
            users::updated_at.eq(Stored(now)),
        ))
        .execute(tx.conn())?;
    Ok(erased)
}

/// Notifications the person caused name them (`by`, a reply's author):
/// the name leaves every copy, the event's and each recipient's, and the
/// letters to others that name them (see [`unname_in_letters`]) say
/// "a deleted participant" instead. Returns the rows changed.
fn unname_in_notifications(tx: &mut Tx<'_>, user: &UserRecord) -> Result<usize, StoreError> {
    let events: Vec<(String, String)> = notification_events::table
        .filter(notification_events::actor_id.eq(Stored(user.id)))
        .select((notification_events::id, notification_events::payload))
        .load(tx.conn())?;
    let mut changed = 0;
    for (event_id, payload) in events {
        let Some(unnamed) = without_author(&payload) else { continue };
        diesel::update(notification_events::table.filter(notification_events::id.eq(&event_id)))
            .set(notification_events::payload.eq(&unnamed))
            .execute(tx.conn())?;
        changed += diesel::update(notifications::table.filter(notifications::event_id.eq(&event_id)))
            .set(notifications::payload.eq(&unnamed))
            .execute(tx.conn())?;
    }
    if !user.display_name.is_empty() {
        changed += unname_in_letters(tx, &user.display_name)?;
    }
    Ok(changed)
}

/// The payload without its author's name, when it had one.
fn without_author(payload: &str) -> Option<String> {
    let mut parsed: NotificationPayload = serde_json::from_str(payload).ok()?;
    parsed.by.take()?;
    serde_json::to_string(&parsed).ok()
}

/// Letters to others that name the person: a reply's notice ("Anna ha
/// risposto al tuo commento", its subject and first line) and a digest's
/// line for it ("• Anna ha risposto…"). Only those exact phrases, where
/// the letter writes them (the subject whole, or a line's start), and
/// only in notification letters and digests: a name is often a word of
/// other texts, which must not change.
fn unname_in_letters(tx: &mut Tx<'_>, name: &str) -> Result<usize, StoreError> {
    const PHRASES: [(&str, &str, &str); 2] = [
        ("it", " ha risposto al tuo commento", "Un partecipante eliminato"),
        ("en", " replied to your comment", "A deleted participant"),
    ];
    let escaped = emenda_domain::text::escape_html(name);
    let mut changed = 0;
    for (language, phrase, instead) in PHRASES {
        let pattern = format!("%{}{phrase}%", name.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let letters: Vec<(String, String, String, String)> = mail_outbox::table
            .filter(mail_outbox::language.eq(language))
            .filter(mail_outbox::kind.eq_any(["notification", "digest"]))
            .filter(
                mail_outbox::body_text.like(&pattern).escape('\\').or(mail_outbox::subject.like(&pattern).escape('\\')),
            )
            .select((mail_outbox::id, mail_outbox::subject, mail_outbox::body_text, mail_outbox::body_html))
            .load(tx.conn())?;
        for (id, subject, text, html) in letters {
            let subject = if subject == format!("{name}{phrase}") { format!("{instead}{phrase}") } else { subject };
            let mut text = text;
            let mut html = html;
            for start in ["\n", "• "] {
                text = text.replace(&format!("{start}{name}{phrase}"), &format!("{start}{instead}{phrase}"));
            }
            for start in ["<p>", "<p>• "] {
                html = html.replace(&format!("{start}{escaped}{phrase}"), &format!("{start}{instead}{phrase}"));
            }
            changed += diesel::update(mail_outbox::table.filter(mail_outbox::id.eq(&id)))
                .set((
                    mail_outbox::subject.eq(subject),
                    mail_outbox::body_text.eq(text),
                    mail_outbox::body_html.eq(html),
                ))
                .execute(tx.conn())?;
        }
    }
    Ok(changed)
}

/// The details of every audit entry about the person (their
/// registration names their nickname; a block, its justification) are
/// erased as the database allows: the details become `{}`, their
/// commitment stays on the row, the salt leaves the log entry. The log
/// entry's bytes do not change, so the tree, the checkpoints and every
/// witness still hold.
fn erase_audit_details(tx: &mut Tx<'_>, user_id: Uuid, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let entries: Vec<(String, String)> = audit_log::table
        .filter(audit_log::target_kind.eq("user"))
        .filter(audit_log::target_id.eq(user_id.to_string()))
        .filter(audit_log::details_erased_at.is_null())
        .filter(audit_log::details.ne("{}"))
        .select((audit_log::id, audit_log::details))
        .load(tx.conn())?;
    for (entry_id, details) in &entries {
        let salt: Option<String> = log_entries::table
            .filter(log_entries::kind.eq(EntryKind::Audit.as_str()))
            .filter(log_entries::subject_id.eq(entry_id))
            .select(log_entries::salt)
            .first::<Option<String>>(tx.conn())
            .optional()?
            .flatten();
        let salt = salt.ok_or_else(|| StoreError::Corrupt(format!("audit entry {entry_id} has no salt to erase")))?;
        let kept = commitment(salt.as_bytes(), details.as_bytes());
        diesel::update(audit_log::table.filter(audit_log::id.eq(entry_id)))
            .set((
                audit_log::details.eq("{}"),
                audit_log::details_commitment.eq(Some(&kept)),
                audit_log::details_erased_at.eq(Some(Stored(now))),
            ))
            .execute(tx.conn())?;
        diesel::update(
            log_entries::table
                .filter(log_entries::kind.eq(EntryKind::Audit.as_str()))
                .filter(log_entries::subject_id.eq(entry_id)),
        )
        .set(log_entries::salt.eq(None::<String>))
        .execute(tx.conn())?;
    }
    Ok(entries.len())
}
