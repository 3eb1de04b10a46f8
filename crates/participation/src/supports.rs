//! Supports: give (or re-confirm) one, withdraw it, list a proposal's
//! counted supporters.
//!
//! Each operation is one transaction under the support lock order
//! (docs/architecture.md, Concurrency): the participant's tally in the
//! space first (created if missing), then the space row in share mode (so
//! a change of its settings never interleaves), then every proposal whose
//! counters change, in ascending id order, and only then the rules decide
//! on what was read under those locks. Supports write no audit entry: they
//! are high-volume personal acts. Each one given, re-confirmed or
//! withdrawn is a public log entry instead, in the same transaction, naming
//! its giver only by their pseudonym in the space (docs/transparency-log.md).

use crate::rules::check_support;
use crate::views::{MySupport, ProposalSummary, SupportOutcome, SupportReceipt, Supporter};
use crate::{find_by_key, load_visible_proposal, ProposalKey};
use emenda_domain::notification::NotificationKind;
use emenda_domain::policy::Actor;
use emenda_domain::support::{
    counts, ensure_can_list_supporters, ensure_can_withdraw, on_support, on_withdraw, CountChange,
};
use emenda_domain::transparency::{supporter_pseudonym, EntryKind, SupportEvent};
use emenda_domain::DomainError;
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::proposals::{self as proposal_rows, ProposalRecord};
use emenda_store::public_log::{self, SupportLogged};
use emenda_store::spaces::{self, SpaceRecord};
use emenda_store::HasStore;
use emenda_store::Tx;
use emenda_store::{follows, supports};
use uuid::Uuid;

/// Where the previous page of supporters ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupporterCursor {
    /// When the last supporter of the page supported.
    pub supported_at: chrono::DateTime<chrono::Utc>,
    /// Their id.
    pub user_id: Uuid,
}

/// The caller's support of `proposal`, if any, with whether it counts yet.
pub fn my_support(
    tx: &mut Tx<'_>,
    proposal: &ProposalRecord,
    space: &SpaceRecord,
    user_id: Uuid,
) -> ServiceResult<Option<MySupport>> {
    let Some(support) = supports::find(tx, proposal.id, user_id)? else {
        return Ok(None);
    };
    let (tally, salt) = supports::tally_and_salt(tx, user_id, space.id)?;
    let log_index = match support.log_event {
        Some(event) => public_log::leaf_indexes(tx, EntryKind::Support, &[(event, 0)])?.get(&(event, 0)).copied(),
        None => None,
    };
    let pseudonym = salt.as_deref().map(|salt| supporter_pseudonym(salt, &user_id.to_string()));
    Ok(Some(MySupport {
        version: support.version,
        current_version: proposal.current_version,
        pending: !counts(space.settings.minimum_supports_per_user, tally),
        supported_at: support.created_at,
        confirmed_at: support.updated_at,
        receipt: SupportReceipt { salt, pseudonym, log_index },
    }))
}

/// Supports.
#[derive(Debug, Clone)]
pub struct SupportService {
    ctx: ServiceContext,
}

/// The participant's locks for one support operation, taken in the lock
/// order, and what was read under them.
struct Locked {
    /// The participant's supports in the space before the operation.
    tally: i32,
    /// The salt of their pseudonym in the space.
    salt: String,
    /// The space, read under its share lock.
    space: SpaceRecord,
    /// The target proposal, read again under its lock.
    proposal: ProposalRecord,
    /// Every proposal locked, ascending (the target included).
    proposals: Vec<Uuid>,
}

impl SupportService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// The proposal `key` as a supporter reaches it: visible to them, or
    /// hidden by moderation while they support it. A hidden proposal takes
    /// no new support nor a re-confirmation (`support` refuses it as not
    /// found), but its supporters may still withdraw, so moderation never traps a
    /// slot of their per-space limit.
    fn find(tx: &mut Tx<'_>, key: &ProposalKey, actor: &Actor) -> ServiceResult<ProposalRecord> {
        let found = find_by_key(tx, key)?;
        if let Some(proposal) = &found {
            if proposal.hidden
                && !actor.is_staff_of(proposal.space_id)
                && supports::find(tx, proposal.id, actor.user_id)?.is_some()
            {
                return Ok(proposal.clone());
            }
        }
        load_visible_proposal(tx, key, Some(actor))
    }

    /// Takes the support locks for `actor` on the proposal `key`: the tally,
    /// the space (shared), then the target, or, when `crossing` says the
    /// operation crosses the space's minimum (decided on the locked tally,
    /// which also keeps the participant's set of supports stable), the
    /// target and every proposal they support in the space, ascending.
    fn lock(
        &self,
        tx: &mut Tx<'_>,
        actor: &Actor,
        key: &ProposalKey,
        crossing: impl FnOnce(i32, i32, bool) -> bool,
    ) -> ServiceResult<(Locked, bool)> {
        let found = Self::find(tx, key, actor)?;
        let supports::LockedTally { supports: tally, salt } = supports::lock_tally(tx, actor.user_id, found.space_id)?;
        let space = spaces::lock_for_share(tx, found.space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
        let exists = supports::find(tx, found.id, actor.user_id)?.is_some();
        let mut ids = vec![found.id];
        if crossing(space.settings.minimum_supports_per_user, tally, exists) {
            ids.extend(supports::proposals_supported(tx, actor.user_id, space.id)?);
            ids.sort_unstable();
            ids.dedup();
        }
        proposal_rows::lock_many(tx, &ids)?;
        let proposal = Self::find(tx, &ProposalKey::Id(found.id), actor)?;
        Ok((Locked { tally, salt, space, proposal, proposals: ids }, exists))
    }

    /// Gives a support on the proposal's current version, or re-confirms an
    /// existing one on it (idempotent). Refused when supports are closed,
    /// verification is required and missing, the proposal is no longer
    /// open, the participant reached the space's limit, or the proposal its
    /// threshold (without `supports_beyond_threshold`).
    pub fn support(&self, actor: &Actor, key: &ProposalKey) -> ServiceResult<SupportOutcome> {
        self.ctx.write_as(actor, |tx| {
            let (locked, exists) = self.lock(tx, actor, key, |minimum, tally, exists| {
                !exists && on_support(minimum, tally) == CountChange::All
            })?;
            let Locked { tally, salt, space, proposal, proposals } = locked;
            let settings = &space.settings;
            check_support(actor, settings, &proposal, exists, || Ok(tally))?;
            let now = self.ctx.clock.now();
            let event_id = self.ctx.ids.new_id();
            public_log::enqueue_support(
                tx,
                &SupportLogged {
                    event_id,
                    proposal_id: proposal.id,
                    space_id: space.id,
                    user_id: actor.user_id,
                    pseudonym_salt: &salt,
                    event: if exists { SupportEvent::Confirmed } else { SupportEvent::Given },
                    version: proposal.current_version,
                    at: now,
                },
            )?;
            if exists {
                supports::reconfirm(tx, proposal.id, actor.user_id, proposal.current_version, now)?;
            } else {
                supports::insert(tx, proposal.id, actor.user_id, space.id, proposal.current_version, now, event_id)?;
                supports::add_to_tally(tx, actor.user_id, space.id, 1)?;
                supports::add_given(tx, proposal.id, 1)?;
                let counted: &[Uuid] = match on_support(settings.minimum_supports_per_user, tally) {
                    CountChange::None => &[],
                    CountChange::This => std::slice::from_ref(&proposal.id),
                    CountChange::All => &proposals,
                };
                supports::add_counted(tx, counted, 1)?;
                for qualified in supports::mark_qualified(tx, counted, settings.support_threshold, now)? {
                    let Some(record) = proposal_rows::find_by_id(tx, qualified)? else { continue };
                    let payload = crate::lifecycle::about(&record, &record.title);
                    self.ctx.notify(
                        tx,
                        NotificationKind::ProposalQualified,
                        Some(actor.user_id),
                        Some(record.id),
                        None,
                        &payload,
                    )?;
                }
                // Who supports hears what becomes of the proposal (and may stop).
                follows::follow(tx, proposal.id, actor.user_id, now)?;
            }
            let proposal =
                proposal_rows::find_by_id(tx, proposal.id)?.ok_or_else(|| DomainError::not_found("proposal"))?;
            let support =
                my_support(tx, &proposal, &space, actor.user_id)?.ok_or_else(|| DomainError::not_found("support"))?;
            Ok(SupportOutcome {
                created: !exists,
                proposal_id: proposal.id,
                my_support: support,
                supports_count: proposal.supports_count,
                supports_given: proposal.supports_given,
                qualified_at: proposal.qualified_at,
            })
        })
    }

    /// Withdraws the caller's support (idempotent: nothing to withdraw is
    /// not an error). Refused when supports are closed or the proposal is
    /// no longer open. When the participant drops below the space's
    /// minimum, every support they keep there stops counting.
    pub fn withdraw(&self, actor: &Actor, key: &ProposalKey) -> ServiceResult<ProposalSummary> {
        self.ctx.write_as(actor, |tx| {
            let proposal_id = self.withdraw_in(tx, actor, key)?;
            let proposal =
                proposal_rows::find_by_id(tx, proposal_id)?.ok_or_else(|| DomainError::not_found("proposal"))?;
            Ok(proposal.into())
        })
    }

    /// The withdrawal itself, in the caller's transaction (locks, rules,
    /// counters, the public log entry): what `withdraw` runs, and what an
    /// account's erasure runs for each support it takes back. Returns the
    /// proposal's id.
    pub(crate) fn withdraw_in(&self, tx: &mut Tx<'_>, actor: &Actor, key: &ProposalKey) -> ServiceResult<Uuid> {
        let (locked, exists) = self
            .lock(tx, actor, key, |minimum, tally, exists| exists && on_withdraw(minimum, tally) == CountChange::All)?;
        let Locked { tally, salt, space, proposal, proposals } = locked;
        let settings = &space.settings;
        ensure_can_withdraw(settings, proposal.state)?;
        let held = if exists { supports::find(tx, proposal.id, actor.user_id)? } else { None };
        if let Some(held) = held {
            supports::delete(tx, proposal.id, actor.user_id)?;
            public_log::enqueue_support(
                tx,
                &SupportLogged {
                    event_id: self.ctx.ids.new_id(),
                    proposal_id: proposal.id,
                    space_id: space.id,
                    user_id: actor.user_id,
                    pseudonym_salt: &salt,
                    event: SupportEvent::Withdrawn,
                    version: held.version,
                    at: self.ctx.clock.now(),
                },
            )?;
            supports::add_to_tally(tx, actor.user_id, space.id, -1)?;
            supports::add_given(tx, proposal.id, -1)?;
            let uncounted: &[Uuid] = match on_withdraw(settings.minimum_supports_per_user, tally) {
                CountChange::None => &[],
                CountChange::This => std::slice::from_ref(&proposal.id),
                CountChange::All => &proposals,
            };
            supports::add_counted(tx, uncounted, -1)?;
        }
        Ok(proposal.id)
    }

    /// A page of the proposal's counted supporters, oldest support first,
    /// when the space makes them public or the caller is staff of it.
    pub fn supporters(
        &self,
        key: &ProposalKey,
        actor: Option<&Actor>,
        after: Option<SupporterCursor>,
        limit: i64,
    ) -> ServiceResult<Vec<Supporter>> {
        self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, key, actor)?;
            let space = spaces::find_by_id(tx, proposal.space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
            ensure_can_list_supporters(&space.settings, actor, space.id)?;
            let after = after.map(|c| (c.supported_at, c.user_id));
            let rows = supports::supporters(tx, proposal.id, space.settings.minimum_supports_per_user, after, limit)?;
            Ok(rows.into_iter().map(Supporter::from).collect())
        })
    }
}
