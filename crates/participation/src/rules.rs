//! The checks a write makes against what is stored (beyond the domain's
//! pure rules), kept apart from the services so that a reader's `actions`
//! ask the very same checks without the services depending on each other.

use chrono::{DateTime, Utc};
use emenda_domain::comment::{ensure_can_comment, ensure_thread_not_hidden};
use emenda_domain::policy::Actor;
use emenda_domain::proposal::{ensure_may_edit_again, EditLimits, ProposalState};
use emenda_domain::space::SpaceSettings;
use emenda_domain::support::{ensure_can_support, ensure_room_for_new};
use emenda_domain::{DomainError, ErrorCode};
use emenda_service::ServiceResult;
use emenda_store::proposals::ProposalRecord;
use emenda_store::{amendments, versions, Tx};
use uuid::Uuid;

/// The rules a support obeys, decided on what the writer read under its
/// locks (and, for a reader's actions, on what they read): a hidden
/// proposal takes none (a supporter reaches it only to withdraw; staff of
/// the space see it, but to moderate), supports open, verification when
/// the space asks for it, the proposal still open, and a new support (not
/// a re-confirmation, `exists`) within the participant's limit and the
/// proposal's threshold. `tally`, the participant's supports in the space,
/// is asked for only when the support would be new.
pub(crate) fn check_support(
    actor: &Actor,
    settings: &SpaceSettings,
    proposal: &ProposalRecord,
    exists: bool,
    tally: impl FnOnce() -> ServiceResult<i32>,
) -> ServiceResult<()> {
    if proposal.hidden {
        return Err(if actor.is_staff_of(proposal.space_id) {
            DomainError::conflict(
                ErrorCode::ContentHidden,
                "the proposal is hidden by moderation: it takes no supports until it is unhidden",
            )
        } else {
            DomainError::not_found("proposal")
        }
        .into());
    }
    ensure_can_support(actor, settings, proposal.state)?;
    if !exists {
        ensure_room_for_new(settings, tally()?, proposal.supports_given)?;
    }
    Ok(())
}

/// The refusal of a second open amendment, also given when the partial
/// unique index catches two requests racing past the check.
pub(crate) fn one_open() -> DomainError {
    DomainError::conflict(ErrorCode::AmendmentOpenExists, "you already have an open amendment on this proposal")
}

/// A participant has one open amendment per proposal at a time, so staff
/// judge one request of theirs at once (a partial unique index settles
/// requests racing each other).
pub(crate) fn ensure_none_open(tx: &mut Tx<'_>, proposal_id: Uuid, author_id: Uuid) -> ServiceResult<()> {
    if amendments::has_open(tx, proposal_id, author_id)? {
        return Err(one_open().into());
    }
    Ok(())
}

/// A thread takes a new comment while its space's comments are open, its
/// proposal is not withdrawn, and neither the proposal nor the amendment
/// it is on is hidden (`hidden`).
pub(crate) fn ensure_thread_open(
    settings: &SpaceSettings,
    proposal: ProposalState,
    hidden: bool,
) -> Result<(), DomainError> {
    ensure_thread_not_hidden(hidden)?;
    ensure_can_comment(settings, proposal)
}

/// The authors may edit the proposal again at `now`: fewer edits than the
/// limits allow, in the last hour and in all.
pub(crate) fn ensure_edits_left(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    now: DateTime<Utc>,
    limits: EditLimits,
) -> ServiceResult<()> {
    Ok(ensure_may_edit_again(&versions::edit_times(tx, proposal_id)?, now, limits)?)
}
