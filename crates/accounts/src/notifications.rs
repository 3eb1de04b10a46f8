//! Notifications: the fan-out that turns each event an act wrote into one
//! notification per person after the act committed (so notifying 50,000
//! followers does not slow the act), a person's list with its unread
//! count, and how each kind reaches them by e-mail.
//!
//! Who hears what (the rules the fan-out applies, in `docs/domain.md`):
//! followers of a proposal hear of its new versions, its answer and its
//! threshold; authors of their answer and threshold even if they stopped
//! following; an amendment's author of its decision; a comment's author of
//! replies; an author of the hiding of their content. Nobody hears of
//! their own act; a blocked person hears nothing; content that is hidden
//! (a proposal, a reply) notifies nobody.

use crate::email::MailSite;
use crate::service::AccountService;
use chrono::{DateTime, Duration, Utc};
use emenda_domain::mail::MailKind;
use emenda_domain::notification::{
    compose_digest, compose_notification, Delivery, DigestItem, LetterLinks, NotificationKind, NotificationPayload,
};
use emenda_domain::DomainError;
use emenda_service::{InternalError, ServiceResult};
use emenda_store::notifications::{self, EventRecord, NewNotification, NotificationRecord, Recipient};
use emenda_store::{proposals, users, HasStore, Tx};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// People notified per transaction: 50,000 followers take 200 of them,
/// each short enough (about 10 ms on SQLite) that the writes people make
/// meanwhile wait little for SQLite's one writer.
pub const FAN_OUT_BATCH: i64 = 250;

/// How long a fan-out holds its event between batches before another
/// instance may take it over.
const FAN_OUT_LEASE: Duration = Duration::seconds(60);

/// A notification as its person reads it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Id (for marking it read).
    pub id: Uuid,
    /// What happened.
    pub kind: NotificationKind,
    /// The proposal it concerns.
    pub proposal_id: Option<Uuid>,
    /// What it says.
    pub payload: NotificationPayload,
    /// When it happened.
    pub created_at: DateTime<Utc>,
    /// When its person read it.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<NotificationRecord> for Notification {
    fn from(record: NotificationRecord) -> Self {
        Self {
            id: record.id,
            kind: record.kind,
            proposal_id: record.proposal_id,
            payload: serde_json::from_str(&record.payload).unwrap_or_default(),
            created_at: record.created_at,
            read_at: record.read_at,
        }
    }
}

/// What one fan-out did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FanOut {
    /// The event fanned out.
    pub event_id: Uuid,
    /// Notifications written.
    pub notified: usize,
    /// Letters written to the outbox.
    pub letters: usize,
}

/// Who an event is for, before the rules that exclude people.
enum Audience {
    /// Nobody (the content is hidden, or gone).
    Nobody,
    /// These people.
    People(Vec<Uuid>),
    /// The proposal's followers, and these people besides.
    Followers { proposal_id: Uuid, also: Vec<Uuid> },
}

impl AccountService {
    /// Fans out the oldest pending event, batch by batch, each batch in its
    /// own transaction with its progress, so a crash resumes where it
    /// stopped (and a batch done twice writes nothing twice). `None` when
    /// no event waits.
    pub fn fan_out_next(&self) -> ServiceResult<Option<FanOut>> {
        let now = self.ctx.clock.now();
        if !self.ctx.store().read_statement(|tx| notifications::has_claimable_event(tx, now))? {
            return Ok(None);
        }
        let Some(event) = self.ctx.store().write(|tx| notifications::claim_event(tx, now, now + FAN_OUT_LEASE))? else {
            return Ok(None);
        };
        let payload: NotificationPayload = serde_json::from_str(&event.payload)
            .map_err(|e| InternalError::new("reading a notification's payload", e.to_string()))?;
        let audience = self.ctx.store().read(|tx| audience(tx, &event, &payload))?;
        let mut report = FanOut { event_id: event.id, notified: 0, letters: 0 };
        let mut cursor = event.cursor;
        // The people named besides the followers go first, once.
        let (named, followers) = match audience {
            Audience::Nobody => (Vec::new(), None),
            Audience::People(people) => (people, None),
            Audience::Followers { proposal_id, also } => (also, Some(proposal_id)),
        };
        if cursor.is_none() && !named.is_empty() {
            let (notified, letters) = self.deliver(&event, &payload, &named, None, false)?;
            report.notified += notified;
            report.letters += letters;
        }
        if let Some(proposal_id) = followers {
            let skip: HashSet<Uuid> = named.into_iter().collect();
            loop {
                let page = self
                    .ctx
                    .store()
                    .read(|tx| notifications::followers_after(tx, proposal_id, cursor, FAN_OUT_BATCH))?;
                let Some(&last) = page.last() else { break };
                let full = i64::try_from(page.len()).unwrap_or(i64::MAX) >= FAN_OUT_BATCH;
                let batch: Vec<Uuid> = page.into_iter().filter(|id| !skip.contains(id)).collect();
                let (notified, letters) = self.deliver(&event, &payload, &batch, Some(last), true)?;
                report.notified += notified;
                report.letters += letters;
                cursor = Some(last);
                if !full {
                    break;
                }
            }
        }
        let done = self.ctx.clock.now();
        self.ctx.store().write(|tx| notifications::finish_event(tx, event.id, done))?;
        Ok(Some(report))
    }

    /// Writes the notifications (and letters) of `event` to `people`, in
    /// one transaction that also records `cursor` as the fan-out's progress.
    fn deliver(
        &self,
        event: &EventRecord,
        payload: &NotificationPayload,
        people: &[Uuid],
        cursor: Option<Uuid>,
        as_followers: bool,
    ) -> ServiceResult<(usize, usize)> {
        self.ctx.store().write(|tx| {
            let now = self.ctx.clock.now();
            // A payload that names its actor is read against the actor's
            // row, held shared so that an erasure waits for this batch or
            // this batch sees it: no copy names a person erased before it.
            let unnamed;
            let payload = match (payload.by.is_some(), event.actor_id) {
                (true, Some(actor)) if users::lock_for_share(tx, actor)?.is_some_and(|u| u.deleted_at.is_some()) => {
                    unnamed = NotificationPayload { by: None, ..payload.clone() };
                    &unnamed
                }
                _ => payload,
            };
            let wanted: Vec<Uuid> = people.iter().copied().filter(|id| Some(*id) != event.actor_id).collect();
            let recipients: Vec<Recipient> =
                notifications::recipients(tx, &wanted)?.into_iter().filter(|r| !r.blocked).collect();
            let ids: Vec<Uuid> = recipients.iter().map(|r| r.id).collect();
            let supported: HashMap<Uuid, i32> = match (event.kind, event.proposal_id) {
                (NotificationKind::VersionPublished, Some(proposal_id)) => {
                    notifications::supported_versions(tx, proposal_id, &ids)?.into_iter().collect()
                }
                _ => HashMap::new(),
            };
            let payloads: HashMap<Uuid, String> = recipients
                .iter()
                .map(|r| {
                    let own = NotificationPayload {
                        supported_version: supported.get(&r.id).copied().filter(|v| Some(*v) < payload.version),
                        ..payload.clone()
                    };
                    (r.id, serde_json::to_string(&own).unwrap_or_default())
                })
                .collect();
            let rows: Vec<NewNotification<'_>> = recipients
                .iter()
                .map(|r| NewNotification {
                    id: self.ctx.ids.new_id(),
                    event_id: event.id,
                    user_id: r.id,
                    kind: event.kind,
                    proposal_id: event.proposal_id,
                    payload: payloads.get(&r.id).map_or("{}", String::as_str),
                    created_at: event.created_at,
                })
                .collect();
            let written: HashSet<Uuid> = notifications::insert_notifications(tx, &rows)?.into_iter().collect();
            let mut letters = 0;
            if self.sends_email() {
                let chosen: HashMap<Uuid, Delivery> =
                    notifications::deliveries(tx, event.kind, &ids)?.into_iter().collect();
                // What a follower hears of comes daily unless they chose
                // otherwise; what concerns one's own contribution, at once.
                let default = if as_followers { Delivery::Daily } else { event.kind.default_delivery() };
                let mut daily = Vec::new();
                for recipient in recipients.iter().filter(|r| written.contains(&r.id) && r.email_confirmed) {
                    let delivery = chosen.get(&recipient.id).copied().unwrap_or(default);
                    if delivery == Delivery::Daily {
                        daily.push(recipient.id);
                    }
                    if delivery == Delivery::Immediate {
                        let own: NotificationPayload =
                            serde_json::from_str(payloads.get(&recipient.id).map_or("{}", String::as_str))
                                .unwrap_or_default();
                        self.post_notification(tx, recipient, event.kind, &own)?;
                        letters += 1;
                    }
                }
                notifications::await_digest(tx, event.id, &daily)?;
            }
            if let Some(cursor) = cursor {
                notifications::save_progress(tx, event.id, cursor, now + FAN_OUT_LEASE)?;
            }
            Ok((written.len(), letters))
        })
    }

    /// Writes the letter of one notification to the outbox.
    fn post_notification(
        &self,
        tx: &mut Tx<'_>,
        recipient: &Recipient,
        kind: NotificationKind,
        payload: &NotificationPayload,
    ) -> ServiceResult<()> {
        let Some(site) = self.settings.mail.as_ref() else { return Ok(()) };
        let link = letter_link(site, kind, payload);
        let token = self.keys.issue_unsubscribe(recipient.id, kind)?;
        // The letter's footer leads to a page that asks before it acts (a
        // link scanner must not unsubscribe anyone); the header is the
        // one-click address mail clients POST to (RFC 8058).
        let page = format!("{}/disiscriviti#token={token}", site.public_url);
        let one_click = format!("{}/api/v1/notifications/unsubscribe?token={token}", site.public_url);
        let links = LetterLinks { link: &link, unsubscribe: &page, contact: site.contact.as_deref() };
        let letter =
            compose_notification(kind, payload, recipient.language, &recipient.display_name, &site.site_name, links);
        self.enqueue(
            tx,
            recipient.id,
            &recipient.email,
            MailKind::Notification,
            recipient.language,
            &letter,
            Some(&one_click),
        )?;
        Ok(())
    }

    /// The caller's notifications, newest first, older than `before`; and
    /// how many are unread.
    pub fn notifications(
        &self,
        user_id: Uuid,
        before: Option<Uuid>,
        unread_only: bool,
        limit: i64,
    ) -> ServiceResult<(Vec<Notification>, i64)> {
        self.ctx.store().read(|tx| {
            let page = notifications::list(tx, user_id, before, unread_only, limit)?;
            let unread = notifications::unread_count(tx, user_id)?;
            Ok((page.into_iter().map(Notification::from).collect(), unread))
        })
    }

    /// Marks one of the caller's notifications read.
    pub fn mark_notification_read(&self, user_id: Uuid, id: Uuid) -> ServiceResult<()> {
        let now = self.ctx.clock.now();
        if self.ctx.store().write(|tx| notifications::mark_read(tx, user_id, id, now))? {
            Ok(())
        } else {
            Err(DomainError::not_found("notification").into())
        }
    }

    /// Marks the caller's notifications read, up to `up_to` (the newest the
    /// caller saw; absent: all); returns how many changed.
    pub fn mark_all_notifications_read(&self, user_id: Uuid, up_to: Option<Uuid>) -> ServiceResult<usize> {
        let now = self.ctx.clock.now();
        Ok(self.ctx.store().write(|tx| notifications::mark_all_read(tx, user_id, up_to, now))?)
    }

    /// How each kind reaches the caller by e-mail (defaults included).
    pub fn notification_settings(&self, user_id: Uuid) -> ServiceResult<Vec<(NotificationKind, Delivery)>> {
        let chosen: HashMap<NotificationKind, Delivery> =
            self.ctx.store().read(|tx| notifications::settings_of(tx, user_id))?.into_iter().collect();
        Ok(NotificationKind::ALL
            .iter()
            .map(|kind| (*kind, chosen.get(kind).copied().unwrap_or(kind.default_delivery())))
            .collect())
    }

    /// Sets how `kind` reaches the caller by e-mail.
    pub fn set_notification_delivery(
        &self,
        user_id: Uuid,
        kind: NotificationKind,
        delivery: Delivery,
    ) -> ServiceResult<()> {
        Ok(self.ctx.store().write(|tx| notifications::set_delivery(tx, user_id, kind, delivery))?)
    }

    /// Stops the letters of the kind an unsubscribe link names, for the
    /// person it names: the link is signed, and needs no sign-in (a mail
    /// client follows it in one click).
    pub fn unsubscribe(&self, token: &str) -> ServiceResult<NotificationKind> {
        let (user_id, kind) = self.keys.verify_unsubscribe(token)?;
        self.set_notification_delivery(user_id, kind, Delivery::Never)?;
        Ok(kind)
    }

    /// Sends the daily digests that are due: to each person with
    /// notifications of kinds they get daily, written since their last
    /// digest, if that was a day ago or more (or never), and whose address
    /// is confirmed. Every person looked at is marked as digested up to
    /// now, so nothing is in two digests. Returns how many went.
    pub fn send_digests(&self) -> ServiceResult<usize> {
        let Some(site) = self.settings.mail.clone() else { return Ok(0) };
        let now = self.ctx.clock.now();
        let mut sent = 0;
        loop {
            let people = self
                .ctx
                .store()
                .read(|tx| notifications::digest_candidates(tx, now - Duration::hours(24), DIGEST_BATCH))?;
            if people.is_empty() {
                return Ok(sent);
            }
            for person in people {
                sent += self.ctx.store().write(|tx| self.digest_of(tx, &site, person, now))?;
            }
        }
    }

    fn digest_of(&self, tx: &mut Tx<'_>, site: &MailSite, person: Uuid, now: DateTime<Utc>) -> ServiceResult<usize> {
        // Under the person's row lock, and due again under it: two
        // instances looking at once take turns, and the second finds the
        // first's digest.
        users::find_for_update(tx, person)?;
        if notifications::last_digest(tx, person)?.is_some_and(|at| at > now - Duration::hours(24)) {
            return Ok(0);
        }
        let recipient = notifications::recipients(tx, &[person])?.pop();
        let waiting = notifications::for_digest(tx, person, DIGEST_ITEMS)?;
        notifications::mark_digested(tx, person, now)?;
        let Some(recipient) = recipient.filter(|r| r.email_confirmed && !r.blocked) else { return Ok(0) };
        // Visible now: what was hidden since the fan-out is left out.
        let mut pending = Vec::with_capacity(waiting.len());
        for record in waiting {
            let n = Notification::from(record);
            if still_visible(tx, &n)? {
                pending.push(n);
            }
        }
        if pending.is_empty() {
            return Ok(0);
        }
        let items: Vec<DigestItem<'_>> = pending
            .iter()
            .map(|n| DigestItem { kind: n.kind, payload: &n.payload, link: letter_link(site, n.kind, &n.payload) })
            .collect();
        let settings = format!("{}/profilo", site.public_url);
        let letter = compose_digest(&items, recipient.language, &recipient.display_name, &site.site_name, &settings);
        self.enqueue(tx, recipient.id, &recipient.email, MailKind::Digest, recipient.language, &letter, None)?;
        Ok(1)
    }

    /// How many events wait for their fan-out.
    pub fn pending_notification_events(&self) -> ServiceResult<i64> {
        Ok(self.ctx.store().read(notifications::pending_events)?)
    }
}

/// People whose digest is looked at per read.
const DIGEST_BATCH: i64 = 200;

/// The most notifications one digest lists (the newest).
const DIGEST_ITEMS: i64 = 50;

/// Where a notification's letter leads: the diff from the version the
/// reader supports to the new one, else the proposal.
fn letter_link(site: &MailSite, kind: NotificationKind, payload: &NotificationPayload) -> String {
    let reference = payload.reference.as_deref().unwrap_or_default();
    match (kind, payload.supported_version, payload.version) {
        (NotificationKind::VersionPublished, Some(from), Some(to)) => {
            format!("{}/proposte/{reference}/confronto?da={from}&a={to}", site.public_url)
        }
        _ => format!("{}/proposte/{reference}", site.public_url),
    }
}

/// Whether what `n` is about can still be seen (its proposal, and the
/// reply it announces): a digest written a day later leaves out what was
/// hidden meanwhile.
fn still_visible(tx: &mut Tx<'_>, n: &Notification) -> ServiceResult<bool> {
    if !n.kind.needs_visible_content() {
        return Ok(true);
    }
    let proposal = match n.proposal_id {
        Some(id) => proposals::find_by_id(tx, id)?.is_some_and(|p| !p.hidden),
        None => false,
    };
    let reply = match (n.kind, n.payload.subject_id) {
        (NotificationKind::CommentReply, Some(reply)) => {
            notifications::comment_author(tx, reply)?.is_some_and(|(_, visible)| visible)
        }
        _ => true,
    };
    Ok(proposal && reply)
}

/// Who `event` is for, by its kind and the state of its content now.
fn audience(tx: &mut Tx<'_>, event: &EventRecord, payload: &NotificationPayload) -> ServiceResult<Audience> {
    if event.kind.needs_visible_content() {
        let visible = match event.proposal_id {
            Some(id) => proposals::find_by_id(tx, id)?.is_some_and(|p| !p.hidden),
            None => false,
        };
        let reply_visible = match (event.kind, payload.subject_id) {
            (NotificationKind::CommentReply, Some(reply)) => {
                notifications::comment_author(tx, reply)?.is_some_and(|(_, visible)| visible)
            }
            _ => true,
        };
        if !visible || !reply_visible {
            return Ok(Audience::Nobody);
        }
    }
    let proposal_id = event.proposal_id;
    Ok(match (event.kind, event.subject_id, proposal_id) {
        (NotificationKind::VersionPublished, _, Some(proposal_id)) => {
            Audience::Followers { proposal_id, also: Vec::new() }
        }
        (NotificationKind::ProposalAnswered | NotificationKind::ProposalQualified, _, Some(proposal_id)) => {
            Audience::Followers { proposal_id, also: notifications::authors(tx, proposal_id)? }
        }
        (NotificationKind::ContentHidden, None, Some(proposal_id)) => {
            Audience::People(notifications::authors(tx, proposal_id)?)
        }
        (_, Some(person), _) => Audience::People(vec![person]),
        _ => Audience::Nobody,
    })
}
