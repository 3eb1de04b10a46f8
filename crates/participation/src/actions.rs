//! What a reader may do now: the `actions` of a proposal and of an
//! amendment. Each flag asks the very rule its write applies (a domain
//! `ensure_*` function, or the service's own check where the write has
//! one) on the data the reader's view was read from, so a flag says yes
//! exactly where the write would; only a change in between (which the
//! write, deciding again under its locks, sees) can make them differ.
//! Only a signed-in reader has actions: every one of these writes needs a
//! sign-in.

use crate::rules::{check_support, ensure_edits_left, ensure_none_open, ensure_thread_open};
use crate::views::{AmendmentActions, ProposalActions};
use chrono::{DateTime, Utc};
use emenda_domain::amendment::{
    ensure_can_accept, ensure_can_amend, ensure_can_promote, ensure_can_reject, ensure_can_withdraw_amendment,
};
use emenda_domain::moderation::{ensure_reportable, TargetKind};
use emenda_domain::policy::{ensure_author, ensure_can_propose, ensure_staff_of, Actor};
use emenda_domain::proposal::{ensure_editable, ensure_may_be_answered, ensure_withdrawable, EditLimits};
use emenda_domain::space::SpaceSettings;
use emenda_domain::support::ensure_can_withdraw;
use emenda_domain::topics::ensure_can_file;
use emenda_domain::DomainError;
use emenda_service::{ServiceError, ServiceResult};
use emenda_store::amendments::AmendmentRecord;
use emenda_store::proposals::ProposalRecord;
use emenda_store::spaces::SpaceRecord;
use emenda_store::{moderation, supports, Tx};

/// A rule's answer as a flag.
fn rule(outcome: Result<(), DomainError>) -> bool {
    outcome.is_ok()
}

/// A check that reads as a flag: refused by a rule is `false`, while a
/// storage failure stays an error (a flag must not hide a broken database).
fn check(outcome: ServiceResult<()>) -> ServiceResult<bool> {
    match outcome {
        Ok(()) => Ok(true),
        Err(ServiceError::Rule(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// What a proposal's view was read from, as its actions need it.
pub(crate) struct ProposalFacts<'a> {
    /// The proposal.
    pub proposal: &'a ProposalRecord,
    /// Its space's settings.
    pub settings: &'a SpaceSettings,
    /// The reader is one of its authors.
    pub is_author: bool,
    /// The reader supports it.
    pub supported: bool,
    /// When the view is read: the edit limits count back from it.
    pub now: DateTime<Utc>,
    /// How often its authors may edit it.
    pub edit_limits: EditLimits,
}

/// What `actor` may do to the proposal. The queries a flag needs (the
/// reader's supports in the space, their open amendment, the edit times,
/// their report) run only when the rules before them allow it.
pub(crate) fn for_proposal(
    tx: &mut Tx<'_>,
    actor: &Actor,
    facts: &ProposalFacts<'_>,
) -> ServiceResult<ProposalActions> {
    let ProposalFacts { proposal: p, settings, is_author, supported, now, edit_limits } = *facts;
    let (id, space_id, state) = (p.id, p.space_id, p.state);
    Ok(ProposalActions {
        support: check(check_support(actor, settings, p, supported, || {
            Ok(supports::tally(tx, actor.user_id, space_id)?)
        }))?,
        withdraw_support: rule(ensure_can_withdraw(settings, state)),
        amend: rule(ensure_can_amend(actor, settings, state)) && check(ensure_none_open(tx, id, actor.user_id))?,
        comment: rule(ensure_thread_open(settings, state, p.hidden)),
        edit: rule(ensure_author(is_author).and_then(|()| ensure_editable(state)))
            && check(ensure_edits_left(tx, id, now, edit_limits))?,
        withdraw: rule(ensure_author(is_author).and_then(|()| ensure_withdrawable(state))),
        answer: rule(ensure_staff_of(actor, space_id).and_then(|()| ensure_may_be_answered(state))),
        report: rule(ensure_reportable(TargetKind::Proposal, p.hidden, false, is_author))
            && !moderation::has_reported(tx, TargetKind::Proposal, id, actor.user_id)?,
        moderate: rule(ensure_staff_of(actor, space_id)),
        file: rule(ensure_can_file(actor, space_id, is_author, state)),
    })
}

/// What `actor` may do to the amendment, on its proposal in `space`.
pub(crate) fn for_amendment(
    actor: &Actor,
    amendment: &AmendmentRecord,
    proposal: &ProposalRecord,
    space: &SpaceRecord,
) -> AmendmentActions {
    let a = amendment;
    AmendmentActions {
        withdraw: rule(ensure_can_withdraw_amendment(actor, a.author_id, a.state)),
        promote: rule(
            ensure_can_promote(actor, a.author_id, a.state, a.promoted_proposal_id.is_some(), a.closed_by_proposal)
                .and_then(|()| ensure_can_propose(actor, &space.settings)),
        ),
        accept: rule(ensure_can_accept(actor, space.id, a.author_id, a.state, proposal.state)),
        reject: rule(ensure_can_reject(actor, space.id, a.author_id, a.state)),
        comment: rule(ensure_thread_open(&space.settings, proposal.state, proposal.hidden || a.hidden)),
    }
}
