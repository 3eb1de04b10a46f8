//! Notifications: the events acts write, the fan-out's progress through
//! them, the notifications it writes per person, and each person's choice
//! of how they hear of each kind.

use crate::connection::DbConnection;
use crate::schema::{
    comments, notification_digests, notification_events, notification_settings, notifications, proposal_authors,
};
use crate::schema::{proposal_follows, supports, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::mail::Language;
use emenda_domain::notification::{Delivery, NotificationKind};
use uuid::Uuid;

/// What an act writes for the fan-out.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    /// UUID v7: events fan out oldest first.
    pub id: Uuid,
    /// What happened.
    pub kind: NotificationKind,
    /// Who did it (never notified of their own act).
    pub actor_id: Option<Uuid>,
    /// The proposal it concerns.
    pub proposal_id: Option<Uuid>,
    /// The one person it is for, or the content whose author it is for
    /// (an amendment's or a comment's id), by kind.
    pub subject_id: Option<Uuid>,
    /// The notification's payload, JSON.
    pub payload: &'a str,
    /// When it happened.
    pub created_at: DateTime<Utc>,
}

/// An event as the fan-out takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    /// Id.
    pub id: Uuid,
    /// What happened.
    pub kind: NotificationKind,
    /// Who did it.
    pub actor_id: Option<Uuid>,
    /// The proposal it concerns.
    pub proposal_id: Option<Uuid>,
    /// See [`NewEvent::subject_id`].
    pub subject_id: Option<Uuid>,
    /// JSON payload.
    pub payload: String,
    /// When it happened.
    pub created_at: DateTime<Utc>,
    /// The last recipient the fan-out reached (recipients go in id order).
    pub cursor: Option<Uuid>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = notification_events)]
struct EventRow {
    id: Stored<Uuid>,
    kind: Stored<NotificationKind>,
    actor_id: Option<Stored<Uuid>>,
    proposal_id: Option<Stored<Uuid>>,
    subject_id: Option<Stored<Uuid>>,
    payload: String,
    created_at: Stored<DateTime<Utc>>,
    cursor: Option<Stored<Uuid>>,
}

/// Writes an event, in the transaction of the act.
pub fn insert_event(tx: &mut Tx<'_>, event: &NewEvent<'_>) -> Result<(), StoreError> {
    diesel::insert_into(notification_events::table)
        .values((
            notification_events::id.eq(Stored(event.id)),
            notification_events::kind.eq(Stored(event.kind)),
            notification_events::actor_id.eq(event.actor_id.map(Stored)),
            notification_events::proposal_id.eq(event.proposal_id.map(Stored)),
            notification_events::subject_id.eq(event.subject_id.map(Stored)),
            notification_events::payload.eq(event.payload),
            notification_events::created_at.eq(Stored(event.created_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Takes the oldest event not fanned out yet and free of another taker's
/// lease, leasing it until `lease_until`; `None` when there is none.
pub fn claim_event(
    tx: &mut Tx<'_>,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> Result<Option<EventRecord>, StoreError> {
    let free = || notification_events::lease_until.is_null().or(notification_events::lease_until.le(Stored(now)));
    let candidates: Vec<Stored<Uuid>> = notification_events::table
        .filter(notification_events::fanned_out_at.is_null())
        .filter(free())
        .order(notification_events::id.asc())
        .select(notification_events::id)
        .limit(4)
        .load(tx.conn())?;
    for id in candidates {
        let taken = diesel::update(
            notification_events::table
                .filter(notification_events::id.eq(&id))
                .filter(notification_events::fanned_out_at.is_null())
                .filter(free()),
        )
        .set(notification_events::lease_until.eq(Some(Stored(lease_until))))
        .execute(tx.conn())?;
        if taken == 1 {
            let row: EventRow = notification_events::table
                .filter(notification_events::id.eq(&id))
                .select(EventRow::as_select())
                .first(tx.conn())?;
            return Ok(Some(EventRecord {
                id: row.id.0,
                kind: row.kind.0,
                actor_id: row.actor_id.map(|v| v.0),
                proposal_id: row.proposal_id.map(|v| v.0),
                subject_id: row.subject_id.map(|v| v.0),
                payload: row.payload,
                created_at: row.created_at.0,
                cursor: row.cursor.map(|v| v.0),
            }));
        }
    }
    Ok(None)
}

/// Records how far the fan-out of `id` got, and extends its lease.
pub fn save_progress(tx: &mut Tx<'_>, id: Uuid, cursor: Uuid, lease_until: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(notification_events::table.filter(notification_events::id.eq(Stored(id))))
        .set((
            notification_events::cursor.eq(Some(Stored(cursor))),
            notification_events::lease_until.eq(Some(Stored(lease_until))),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Marks the event fanned out.
pub fn finish_event(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(notification_events::table.filter(notification_events::id.eq(Stored(id))))
        .set((
            notification_events::fanned_out_at.eq(Some(Stored(at))),
            notification_events::lease_until.eq(None::<Stored<DateTime<Utc>>>),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Whether an event waits for its fan-out and is free to take: a read,
/// so an idle fan-out polls without taking the write lock.
pub fn has_claimable_event(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(diesel::select(diesel::dsl::exists(
        notification_events::table
            .filter(notification_events::fanned_out_at.is_null())
            .filter(notification_events::lease_until.is_null().or(notification_events::lease_until.le(Stored(now)))),
    ))
    .get_result(tx.conn())?)
}

/// How many events wait for their fan-out (a gauge for operators and the
/// bench).
pub fn pending_events(tx: &mut Tx<'_>) -> Result<i64, StoreError> {
    Ok(notification_events::table.filter(notification_events::fanned_out_at.is_null()).count().get_result(tx.conn())?)
}

/// An event's fan-out, for the bench: when the event was written, when
/// its fan-out ended (if it did), and how many notifications it made.
pub type FanOutTime = (DateTime<Utc>, Option<DateTime<Utc>>, i64);

/// The fan-outs of the events about `proposal_id` written since `since`.
pub fn fan_out_times(tx: &mut Tx<'_>, proposal_id: Uuid, since: DateTime<Utc>) -> Result<Vec<FanOutTime>, StoreError> {
    type Row = (Stored<Uuid>, Stored<DateTime<Utc>>, Option<Stored<DateTime<Utc>>>);
    let events: Vec<Row> = notification_events::table
        .filter(notification_events::proposal_id.eq(Stored(proposal_id)))
        .filter(notification_events::created_at.ge(Stored(since)))
        .select((notification_events::id, notification_events::created_at, notification_events::fanned_out_at))
        .load(tx.conn())?;
    let mut times = Vec::with_capacity(events.len());
    for (id, created, done) in events {
        let made: i64 = notifications::table.filter(notifications::event_id.eq(&id)).count().get_result(tx.conn())?;
        times.push((created.0, done.map(|d| d.0), made));
    }
    Ok(times)
}

/// Up to `limit` followers of `proposal_id` after `after`, in id order.
pub fn followers_after(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Uuid>, StoreError> {
    let mut query = proposal_follows::table
        .filter(proposal_follows::proposal_id.eq(Stored(proposal_id)))
        .select(proposal_follows::user_id)
        .order(proposal_follows::user_id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(proposal_follows::user_id.gt(Stored(after)));
    }
    let ids: Vec<Stored<Uuid>> = query.load(tx.conn())?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// The authors of `proposal_id`.
pub fn authors(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<Stored<Uuid>> = proposal_authors::table
        .filter(proposal_authors::proposal_id.eq(Stored(proposal_id)))
        .select(proposal_authors::user_id)
        .load(tx.conn())?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// The author of a comment, and whether it can be seen (not hidden, not
/// deleted).
pub fn comment_author(tx: &mut Tx<'_>, comment_id: Uuid) -> Result<Option<(Uuid, bool)>, StoreError> {
    type Row = (Stored<Uuid>, bool, bool, Option<Stored<DateTime<Utc>>>);
    let row: Option<Row> = comments::table
        .filter(comments::id.eq(Stored(comment_id)))
        .select((comments::author_id, comments::hidden, comments::hidden_by_block, comments::deleted_at))
        .first(tx.conn())
        .optional()?;
    Ok(row.map(|(author, hidden, by_block, deleted)| (author.0, !hidden && !by_block && deleted.is_none())))
}

/// A recipient as the fan-out needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// Id.
    pub id: Uuid,
    /// Their address.
    pub email: String,
    /// Their name, for the greeting.
    pub display_name: String,
    /// Their language.
    pub language: Language,
    /// Whether their address is confirmed (letters go only there).
    pub email_confirmed: bool,
    /// Blocked people hear nothing.
    pub blocked: bool,
}

/// The recipients with these ids that exist.
pub fn recipients(tx: &mut Tx<'_>, ids: &[Uuid]) -> Result<Vec<Recipient>, StoreError> {
    type Row =
        (Stored<Uuid>, String, String, Stored<Language>, Option<Stored<DateTime<Utc>>>, Option<Stored<DateTime<Utc>>>);
    let keys: Vec<Stored<Uuid>> = ids.iter().copied().map(Stored).collect();
    let rows: Vec<Row> = users::table
        .filter(users::id.eq_any(keys))
        .select((
            users::id,
            users::email,
            users::display_name,
            users::language,
            users::email_confirmed_at,
            users::blocked_at,
        ))
        .load(tx.conn())?;
    Ok(rows
        .into_iter()
        .map(|(id, email, display_name, language, confirmed, blocked)| Recipient {
            id: id.0,
            email,
            display_name,
            language: language.0,
            email_confirmed: confirmed.is_some(),
            blocked: blocked.is_some(),
        })
        .collect())
}

/// The version each of `ids` supports on `proposal_id`, for those who do.
pub fn supported_versions(tx: &mut Tx<'_>, proposal_id: Uuid, ids: &[Uuid]) -> Result<Vec<(Uuid, i32)>, StoreError> {
    let keys: Vec<Stored<Uuid>> = ids.iter().copied().map(Stored).collect();
    let rows: Vec<(Stored<Uuid>, i32)> = supports::table
        .filter(supports::proposal_id.eq(Stored(proposal_id)))
        .filter(supports::user_id.eq_any(keys))
        .select((supports::user_id, supports::version))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(id, version)| (id.0, version)).collect())
}

/// The deliveries `ids` chose for `kind` (absent: the kind's default).
pub fn deliveries(tx: &mut Tx<'_>, kind: NotificationKind, ids: &[Uuid]) -> Result<Vec<(Uuid, Delivery)>, StoreError> {
    let keys: Vec<Stored<Uuid>> = ids.iter().copied().map(Stored).collect();
    let rows: Vec<(Stored<Uuid>, Stored<Delivery>)> = notification_settings::table
        .filter(notification_settings::kind.eq(Stored(kind)))
        .filter(notification_settings::user_id.eq_any(keys))
        .select((notification_settings::user_id, notification_settings::delivery))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(id, delivery)| (id.0, delivery.0)).collect())
}

/// Every delivery `user_id` chose.
pub fn settings_of(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<(NotificationKind, Delivery)>, StoreError> {
    let rows: Vec<(Stored<NotificationKind>, Stored<Delivery>)> = notification_settings::table
        .filter(notification_settings::user_id.eq(Stored(user_id)))
        .select((notification_settings::kind, notification_settings::delivery))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(kind, delivery)| (kind.0, delivery.0)).collect())
}

/// Sets how `user_id` hears of `kind` by e-mail.
pub fn set_delivery(
    tx: &mut Tx<'_>,
    user_id: Uuid,
    kind: NotificationKind,
    delivery: Delivery,
) -> Result<(), StoreError> {
    let insert = diesel::insert_into(notification_settings::table)
        .values((
            notification_settings::user_id.eq(Stored(user_id)),
            notification_settings::kind.eq(Stored(kind)),
            notification_settings::delivery.eq(Stored(delivery)),
        ))
        .on_conflict((notification_settings::user_id, notification_settings::kind))
        .do_update()
        .set(notification_settings::delivery.eq(Stored(delivery)));
    match tx.conn() {
        DbConnection::Sqlite(c) => insert.execute(c)?,
        DbConnection::Postgres(c) => insert.execute(c)?,
    };
    Ok(())
}

/// A notification to write.
#[derive(Debug, Clone)]
pub struct NewNotification<'a> {
    /// UUID v7: a person's list is newest first by id.
    pub id: Uuid,
    /// The event it comes from.
    pub event_id: Uuid,
    /// Whom it is for.
    pub user_id: Uuid,
    /// What happened.
    pub kind: NotificationKind,
    /// The proposal it concerns.
    pub proposal_id: Option<Uuid>,
    /// JSON payload.
    pub payload: &'a str,
    /// When the event happened.
    pub created_at: DateTime<Utc>,
}

/// Writes notifications; those already written for their event and person
/// (a batch done again after a crash) are skipped. Returns how many were
/// new, by recipient.
pub fn insert_notifications(tx: &mut Tx<'_>, rows: &[NewNotification<'_>]) -> Result<Vec<Uuid>, StoreError> {
    let mut written = Vec::with_capacity(rows.len());
    for row in rows {
        let insert = diesel::insert_into(notifications::table)
            .values((
                notifications::id.eq(Stored(row.id)),
                notifications::event_id.eq(Stored(row.event_id)),
                notifications::user_id.eq(Stored(row.user_id)),
                notifications::kind.eq(Stored(row.kind)),
                notifications::proposal_id.eq(row.proposal_id.map(Stored)),
                notifications::payload.eq(row.payload),
                notifications::created_at.eq(Stored(row.created_at)),
            ))
            .on_conflict_do_nothing();
        let inserted = match tx.conn() {
            DbConnection::Sqlite(c) => insert.execute(c)?,
            DbConnection::Postgres(c) => insert.execute(c)?,
        };
        if inserted == 1 {
            written.push(row.user_id);
        }
    }
    Ok(written)
}

/// Up to `limit` people with notifications waiting for their digest whose
/// last digest was sent before `due_before` (or never): reads only the
/// waiting rows, by their index.
pub fn digest_candidates(tx: &mut Tx<'_>, due_before: DateTime<Utc>, limit: i64) -> Result<Vec<Uuid>, StoreError> {
    let waiting: Vec<Stored<Uuid>> = notifications::table
        .left_join(notification_digests::table.on(notification_digests::user_id.eq(notifications::user_id)))
        .filter(notifications::digest_pending.eq(true))
        .filter(notification_digests::sent_until.is_null().or(notification_digests::sent_until.lt(Stored(due_before))))
        .select(notifications::user_id)
        .distinct()
        .limit(limit)
        .load(tx.conn())?;
    Ok(waiting.into_iter().map(|id| id.0).collect())
}

/// When `user_id`'s last digest was sent.
pub fn last_digest(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Option<DateTime<Utc>>, StoreError> {
    let at: Option<Stored<DateTime<Utc>>> = notification_digests::table
        .filter(notification_digests::user_id.eq(Stored(user_id)))
        .select(notification_digests::sent_until)
        .first(tx.conn())
        .optional()?;
    Ok(at.map(|at| at.0))
}

/// `user_id`'s notifications waiting for their digest, newest first, at
/// most `limit`.
pub fn for_digest(tx: &mut Tx<'_>, user_id: Uuid, limit: i64) -> Result<Vec<NotificationRecord>, StoreError> {
    let rows: Vec<NotificationRow> = notifications::table
        .filter(notifications::digest_pending.eq(true))
        .filter(notifications::user_id.eq(Stored(user_id)))
        .select(NotificationRow::as_select())
        .order(notifications::id.desc())
        .limit(limit)
        .load(tx.conn())?;
    Ok(rows.into_iter().map(NotificationRecord::from).collect())
}

/// Marks these notifications of `user_id` as waiting for their digest.
pub fn await_digest(tx: &mut Tx<'_>, event_id: Uuid, user_ids: &[Uuid]) -> Result<(), StoreError> {
    for chunk in user_ids.chunks(500) {
        let keys: Vec<Stored<Uuid>> = chunk.iter().copied().map(Stored).collect();
        diesel::update(
            notifications::table
                .filter(notifications::event_id.eq(Stored(event_id)))
                .filter(notifications::user_id.eq_any(keys)),
        )
        .set(notifications::digest_pending.eq(true))
        .execute(tx.conn())?;
    }
    Ok(())
}

/// Records that `user_id`'s digest went at `until`: nothing of theirs
/// waits for a digest any more.
pub fn mark_digested(tx: &mut Tx<'_>, user_id: Uuid, until: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(
        notifications::table
            .filter(notifications::digest_pending.eq(true))
            .filter(notifications::user_id.eq(Stored(user_id))),
    )
    .set(notifications::digest_pending.eq(false))
    .execute(tx.conn())?;
    let upsert = diesel::insert_into(notification_digests::table)
        .values((notification_digests::user_id.eq(Stored(user_id)), notification_digests::sent_until.eq(Stored(until))))
        .on_conflict(notification_digests::user_id)
        .do_update()
        .set(notification_digests::sent_until.eq(Stored(until)));
    match tx.conn() {
        DbConnection::Sqlite(c) => upsert.execute(c)?,
        DbConnection::Postgres(c) => upsert.execute(c)?,
    };
    Ok(())
}

/// A notification as its person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationRecord {
    /// Id.
    pub id: Uuid,
    /// What happened.
    pub kind: NotificationKind,
    /// The proposal it concerns.
    pub proposal_id: Option<Uuid>,
    /// JSON payload.
    pub payload: String,
    /// When it happened.
    pub created_at: DateTime<Utc>,
    /// When its person read it.
    pub read_at: Option<DateTime<Utc>>,
}

/// A notification's row as a person's list and their digest read it.
#[derive(Queryable, Selectable)]
#[diesel(table_name = notifications)]
struct NotificationRow {
    id: Stored<Uuid>,
    kind: Stored<NotificationKind>,
    proposal_id: Option<Stored<Uuid>>,
    payload: String,
    created_at: Stored<DateTime<Utc>>,
    read_at: Option<Stored<DateTime<Utc>>>,
}

impl From<NotificationRow> for NotificationRecord {
    fn from(row: NotificationRow) -> Self {
        Self {
            id: row.id.0,
            kind: row.kind.0,
            proposal_id: row.proposal_id.map(|v| v.0),
            payload: row.payload,
            created_at: row.created_at.0,
            read_at: row.read_at.map(|v| v.0),
        }
    }
}

/// `user_id`'s notifications, newest first, older than `before`.
pub fn list(
    tx: &mut Tx<'_>,
    user_id: Uuid,
    before: Option<Uuid>,
    unread_only: bool,
    limit: i64,
) -> Result<Vec<NotificationRecord>, StoreError> {
    let mut query = notifications::table
        .filter(notifications::user_id.eq(Stored(user_id)))
        .select(NotificationRow::as_select())
        .order(notifications::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(notifications::id.lt(Stored(before)));
    }
    if unread_only {
        query = query.filter(notifications::read_at.is_null());
    }
    let rows: Vec<NotificationRow> = query.load(tx.conn())?;
    Ok(rows.into_iter().map(NotificationRecord::from).collect())
}

/// How many of `user_id`'s notifications are unread.
pub fn unread_count(tx: &mut Tx<'_>, user_id: Uuid) -> Result<i64, StoreError> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(Stored(user_id)))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(tx.conn())?)
}

/// Marks one of `user_id`'s notifications read; false when they have none
/// with this id.
pub fn mark_read(tx: &mut Tx<'_>, user_id: Uuid, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let target = notifications::table
        .filter(notifications::id.eq(Stored(id)))
        .filter(notifications::user_id.eq(Stored(user_id)));
    if diesel::select(diesel::dsl::exists(target)).get_result::<bool>(tx.conn())? {
        diesel::update(target.filter(notifications::read_at.is_null()))
            .set(notifications::read_at.eq(Some(Stored(at))))
            .execute(tx.conn())?;
        Ok(true)
    } else {
        Ok(false)
    }
}

/// Marks every unread notification of `user_id` read, up to `up_to` (those
/// that arrive while the person reads stay unread); returns how many.
pub fn mark_all_read(
    tx: &mut Tx<'_>,
    user_id: Uuid,
    up_to: Option<Uuid>,
    at: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut query = diesel::update(notifications::table)
        .filter(notifications::user_id.eq(Stored(user_id)))
        .filter(notifications::read_at.is_null())
        .into_boxed();
    if let Some(up_to) = up_to {
        query = query.filter(notifications::id.le(Stored(up_to)));
    }
    Ok(query.set(notifications::read_at.eq(Some(Stored(at)))).execute(tx.conn())?)
}
