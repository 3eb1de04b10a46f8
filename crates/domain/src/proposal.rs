//! The proposal life cycle and who may move it along.

use crate::codes::{ErrorCode, FieldCode};
use crate::error::DomainError;
use crate::string_enum;
use chrono::{DateTime, Utc};

string_enum! {
    /// Where a proposal stands.
    pub enum ProposalState {
        /// Published and not answered yet: authors may still edit it.
        Published => "published",
        /// Staff are evaluating it.
        Evaluating => "evaluating",
        /// Staff accepted it.
        Accepted => "accepted",
        /// Staff rejected it.
        Rejected => "rejected",
        /// An author withdrew it.
        Withdrawn => "withdrawn",
    }
}

string_enum! {
    /// How a version came to be.
    pub enum VersionKind {
        /// The first version, written when the proposal was published.
        Created => "created",
        /// An author's edit.
        Edited => "edited",
        /// An accepted amendment.
        Amendment => "amendment",
        /// An edit by staff.
        StaffEdit => "staff_edit",
    }
}

impl ProposalState {
    /// States open to participation (supports, amendments) and withdrawal.
    pub const OPEN: [ProposalState; 2] = [ProposalState::Published, ProposalState::Evaluating];

    /// States staff may answer from: every one but `withdrawn`.
    pub const ANSWERABLE: [ProposalState; 4] =
        [ProposalState::Published, ProposalState::Evaluating, ProposalState::Accepted, ProposalState::Rejected];

    /// Whether the proposal is still open to participation (supports,
    /// amendments): published or being evaluated.
    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }
}

impl ProposalState {
    /// States in which authors may still change the text.
    pub const EDITABLE: [ProposalState; 1] = [ProposalState::Published];

    /// Whether reaching this state ends every open amendment: a withdrawn
    /// proposal takes none, and neither does one with a final answer.
    pub fn closes_amendments(self) -> bool {
        matches!(self, ProposalState::Withdrawn | ProposalState::Accepted | ProposalState::Rejected)
    }
}

/// A state change lost a race with another one (the compare-and-set on the
/// state found something else).
pub fn state_changed() -> DomainError {
    DomainError::conflict(ErrorCode::StateChanged, "the proposal changed state meanwhile")
}

/// How often a proposal's authors may edit it. Each edit is a version kept
/// forever and re-hashed by every history check, so a proposal must not
/// gain hundreds of versions in seconds, nor without end (accepted
/// amendments add versions too, each decided by a person).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditLimits {
    /// Author edits in any hour.
    pub per_hour: usize,
    /// Author edits in all.
    pub total: usize,
}

impl Default for EditLimits {
    fn default() -> Self {
        Self { per_hour: 10, total: 200 }
    }
}

/// An author may edit again unless the proposal had `per_hour` author
/// edits in the hour before `now` (`edit_rate_limited`, with the seconds
/// until the oldest of them leaves the hour) or `total` in all
/// (`edit_limit_reached`). `edit_times` are its author edits, oldest first.
pub fn ensure_may_edit_again(
    edit_times: &[DateTime<Utc>],
    now: DateTime<Utc>,
    limits: EditLimits,
) -> Result<(), DomainError> {
    if limits.total > 0 && edit_times.len() >= limits.total {
        return Err(DomainError::conflict(
            ErrorCode::EditLimitReached,
            format!("a proposal takes at most {} edits; publish a new proposal or request amendments", limits.total),
        ));
    }
    let hour_ago = now - chrono::Duration::hours(1);
    let recent: Vec<&DateTime<Utc>> = edit_times.iter().filter(|t| **t > hour_ago).collect();
    if limits.per_hour > 0 && recent.len() >= limits.per_hour {
        let frees_at = *recent[recent.len() - limits.per_hour] + chrono::Duration::hours(1);
        let retry_after = u64::try_from((frees_at - now).num_seconds().max(1)).unwrap_or(1);
        return Err(DomainError::TooSoon {
            code: ErrorCode::EditRateLimited,
            message: format!(
                "a proposal takes at most {} edits an hour; try again in {retry_after} seconds",
                limits.per_hour
            ),
            retry_after,
        });
    }
    Ok(())
}

/// An author may edit only while the proposal is `published`: never after an
/// answer, never once withdrawn.
pub fn ensure_editable(state: ProposalState) -> Result<(), DomainError> {
    match state {
        ProposalState::Published => Ok(()),
        ProposalState::Withdrawn => {
            Err(DomainError::conflict(ErrorCode::ProposalWithdrawn, "a withdrawn proposal cannot be edited"))
        }
        _ => Err(DomainError::conflict(
            ErrorCode::ProposalAnswered,
            "the proposal has been answered and can no longer be edited",
        )),
    }
}

/// An author may withdraw from `published` or `evaluating`.
pub fn ensure_withdrawable(state: ProposalState) -> Result<(), DomainError> {
    if state.is_open() {
        Ok(())
    } else if state == ProposalState::Withdrawn {
        Err(DomainError::conflict(ErrorCode::ProposalWithdrawn, "the proposal is already withdrawn"))
    } else {
        Err(DomainError::conflict(ErrorCode::ProposalAnswered, "an answered proposal cannot be withdrawn"))
    }
}

/// A version number must name an existing version.
pub fn ensure_existing_version(field: &str, number: i32, current_version: i32) -> Result<(), DomainError> {
    if (1..=current_version).contains(&number) {
        Ok(())
    } else {
        Err(DomainError::invalid(
            field,
            FieldCode::UnknownVersion,
            format!("the proposal has versions 1 to {current_version}"),
        ))
    }
}

/// An answer sets `evaluating`, `accepted` or `rejected`.
pub fn ensure_answer_state(answer: ProposalState) -> Result<(), DomainError> {
    if matches!(answer, ProposalState::Evaluating | ProposalState::Accepted | ProposalState::Rejected) {
        Ok(())
    } else {
        Err(DomainError::invalid("state", FieldCode::InvalidChoice, "use evaluating, accepted or rejected"))
    }
}

/// Staff answer any proposal not withdrawn; a later answer may revise an
/// earlier one.
pub fn ensure_answerable(current: ProposalState, answer: ProposalState) -> Result<(), DomainError> {
    ensure_answer_state(answer)?;
    ensure_may_be_answered(current)
}

/// A proposal in `current` takes an answer (any of the answer states):
/// every state but withdrawn.
pub fn ensure_may_be_answered(current: ProposalState) -> Result<(), DomainError> {
    if !ProposalState::ANSWERABLE.contains(&current) {
        return Err(DomainError::conflict(ErrorCode::ProposalWithdrawn, "a withdrawn proposal cannot be answered"));
    }
    Ok(())
}

/// An edit must be based on the current version, so that nobody overwrites
/// a change they have not seen (no lost update).
pub fn ensure_current_base(base_version: i32, current_version: i32) -> Result<(), DomainError> {
    if base_version == current_version {
        Ok(())
    } else {
        ensure_existing_version("base_version", base_version, current_version)?;
        Err(DomainError::StaleVersion { current: current_version })
    }
}

/// An edit must change something; an identical version would only add noise
/// to the history.
pub fn ensure_changes(old_title: &str, old_body: &str, new_title: &str, new_body: &str) -> Result<(), DomainError> {
    if old_title == new_title && old_body == new_body {
        Err(DomainError::invalid("body", FieldCode::Unchanged, "the new version is identical to the current one"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_limited_per_hour_and_in_all() {
        let limits = EditLimits { per_hour: 3, total: 5 };
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-06T12:00:00Z").map(|t| t.with_timezone(&Utc));
        let now = now.unwrap_or_default();
        let minutes_ago = |m: i64| now - chrono::Duration::minutes(m);
        assert!(ensure_may_edit_again(&[minutes_ago(50), minutes_ago(10)], now, limits).is_ok());
        match ensure_may_edit_again(&[minutes_ago(50), minutes_ago(20), minutes_ago(10)], now, limits) {
            Err(DomainError::TooSoon { code, retry_after, .. }) => {
                assert_eq!(code, ErrorCode::EditRateLimited);
                assert_eq!(retry_after, 10 * 60, "the oldest of the hour's edits leaves it in 10 minutes");
            }
            other => panic!("expected a wait, got {other:?}"),
        }
        assert!(ensure_may_edit_again(&[minutes_ago(90), minutes_ago(20), minutes_ago(10)], now, limits).is_ok());
        let five: Vec<_> = (0..5).map(|i| minutes_ago(600 + i)).collect();
        let refused = ensure_may_edit_again(&five, now, limits).err().map(|e| e.code());
        assert_eq!(refused, Some(ErrorCode::EditLimitReached));
    }

    #[test]
    fn only_published_proposals_are_editable() {
        assert!(ensure_editable(ProposalState::Published).is_ok());
        assert_eq!(ensure_editable(ProposalState::Withdrawn).unwrap_err().code(), "proposal_withdrawn");
        for answered in [ProposalState::Evaluating, ProposalState::Accepted, ProposalState::Rejected] {
            assert_eq!(ensure_editable(answered).unwrap_err().code(), "proposal_answered");
        }
    }

    #[test]
    fn withdraw_only_from_open_states() {
        assert!(ensure_withdrawable(ProposalState::Published).is_ok());
        assert!(ensure_withdrawable(ProposalState::Evaluating).is_ok());
        assert_eq!(ensure_withdrawable(ProposalState::Withdrawn).unwrap_err().code(), "proposal_withdrawn");
        assert_eq!(ensure_withdrawable(ProposalState::Accepted).unwrap_err().code(), "proposal_answered");
    }

    #[test]
    fn stale_and_unknown_bases() {
        assert!(ensure_current_base(3, 3).is_ok());
        assert_eq!(ensure_current_base(2, 3).unwrap_err(), DomainError::StaleVersion { current: 3 });
        assert_eq!(ensure_current_base(4, 3).unwrap_err().code(), "validation_failed");
        assert_eq!(ensure_current_base(0, 3).unwrap_err().code(), "validation_failed");
    }

    #[test]
    fn answers() {
        assert!(ensure_answerable(ProposalState::Published, ProposalState::Evaluating).is_ok());
        assert!(ensure_answerable(ProposalState::Accepted, ProposalState::Rejected).is_ok(), "staff may revise");
        assert_eq!(
            ensure_answerable(ProposalState::Withdrawn, ProposalState::Accepted).unwrap_err().code(),
            "proposal_withdrawn"
        );
        assert_eq!(
            ensure_answerable(ProposalState::Published, ProposalState::Withdrawn).unwrap_err().code(),
            "validation_failed"
        );
        assert_eq!(
            ensure_answerable(ProposalState::Published, ProposalState::Published).unwrap_err().code(),
            "validation_failed"
        );
        for state in ProposalState::ALL {
            let any_answer = ensure_may_be_answered(*state).is_ok();
            assert_eq!(any_answer, ensure_answerable(*state, ProposalState::Accepted).is_ok(), "{state}");
            assert_eq!(any_answer, *state != ProposalState::Withdrawn, "{state}");
        }
    }

    #[test]
    fn identical_edits_are_refused() {
        assert!(ensure_changes("t", "b", "t", "b").is_err());
        assert!(ensure_changes("t", "b", "t2", "b").is_ok());
        assert!(ensure_changes("t", "b", "t", "b2").is_ok());
    }

    #[test]
    fn spellings_round_trip() {
        for s in ProposalState::ALL {
            assert_eq!(ProposalState::parse(s.as_str()), Some(*s));
        }
        for k in VersionKind::ALL {
            assert_eq!(VersionKind::parse(k.as_str()), Some(*k));
        }
    }
}
