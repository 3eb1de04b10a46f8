//! Amendments: a participant's full proposed text for a proposal, written
//! against the version they saw, decided once by staff.

use crate::codes::{ErrorCode, FieldCode};
pub use crate::conflict::FieldConflict;
use crate::error::DomainError;
use crate::merge::{ensure_mergeable, merge3, MergeOutcome, MergeSegment};
use crate::policy::ensure_staff_of;
use crate::policy::Actor;
use crate::proposal::ProposalState;
use crate::space::SpaceSettings;
use crate::string_enum;

string_enum! {
    /// Where an amendment stands.
    pub enum AmendmentState {
        /// Waiting for a staff decision.
        Evaluating => "evaluating",
        /// Accepted: its text is in a version of the proposal.
        Accepted => "accepted",
        /// Rejected, with a public reason.
        Rejected => "rejected",
        /// Withdrawn by its author.
        Withdrawn => "withdrawn",
    }
}

string_enum! {
    /// Whether an amendment can be applied to the current version as it is.
    pub enum Mergeability {
        /// It was written against the current version.
        UpToDate => "up_to_date",
        /// The proposal changed since, and the changes fit together.
        Clean => "clean",
        /// The proposal changed since, in the same places.
        Conflict => "conflict",
    }
}

/// What accepting an amendment now would produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// Up to date, clean or conflicting.
    pub mergeability: Mergeability,
    /// The resulting title, when there is no conflict in it.
    pub title: Option<String>,
    /// The resulting body, when there is no conflict in it.
    pub body: Option<String>,
    /// Every conflict, title first.
    pub conflicts: Vec<FieldConflict>,
    /// The whole resulting title as agreed pieces and conflicts, so a client
    /// can let staff pick a side of each conflict (one agreed piece when
    /// there is no conflict).
    pub title_segments: Vec<MergeSegment>,
    /// The whole resulting body, likewise.
    pub body_segments: Vec<MergeSegment>,
}

/// The three texts an assessment compares.
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    /// Title.
    pub title: &'a str,
    /// Body.
    pub body: &'a str,
}

/// Compares an amendment with the version it was based on and the current
/// version. Title and body merge separately. Refuses texts too long to merge
/// (`text_too_large` on `title` or `body`).
pub fn assess(
    base: Texts<'_>,
    current: Texts<'_>,
    proposed: Texts<'_>,
    base_is_current: bool,
) -> Result<Assessment, DomainError> {
    let whole = |text: &str| MergeOutcome::Merged(text.to_owned()).segments();
    if base_is_current {
        return Ok(Assessment {
            mergeability: Mergeability::UpToDate,
            title: Some(proposed.title.to_owned()),
            body: Some(proposed.body.to_owned()),
            conflicts: Vec::new(),
            title_segments: whole(proposed.title),
            body_segments: whole(proposed.body),
        });
    }
    for (name, texts) in
        [("title", [base.title, current.title, proposed.title]), ("body", [base.body, current.body, proposed.body])]
    {
        for text in texts {
            ensure_mergeable(name, text)?;
        }
    }
    let mut conflicts = Vec::new();
    let mut field =
        |name: &str, b: &str, c: &str, p: &str| -> Result<(Option<String>, Vec<MergeSegment>), DomainError> {
            let outcome = merge3(b, c, p)?;
            let segments = outcome.segments();
            Ok(match outcome {
                MergeOutcome::Merged(text) => (Some(text), segments),
                MergeOutcome::Conflicts { conflicts: found, .. } => {
                    conflicts
                        .extend(found.into_iter().map(|conflict| FieldConflict { field: name.to_owned(), conflict }));
                    (None, segments)
                }
            })
        };
    let (title, title_segments) = field("title", base.title, current.title, proposed.title)?;
    let (body, body_segments) = field("body", base.body, current.body, proposed.body)?;
    let mergeability = if conflicts.is_empty() { Mergeability::Clean } else { Mergeability::Conflict };
    Ok(Assessment { mergeability, title, body, conflicts, title_segments, body_segments })
}

impl Assessment {
    /// The text the new version gets: what staff sent, else the merge.
    /// Fails with `merge_conflict` where a conflicting field was not sent.
    pub fn final_text(
        &self,
        sent_title: Option<&str>,
        sent_body: Option<&str>,
    ) -> Result<(String, String), DomainError> {
        let title = sent_title.map(str::to_owned).or_else(|| self.title.clone());
        let body = sent_body.map(str::to_owned).or_else(|| self.body.clone());
        match (title, body) {
            (Some(title), Some(body)) => Ok((title, body)),
            _ => {
                let unresolved: Vec<FieldConflict> = self
                    .conflicts
                    .iter()
                    .filter(|c| {
                        (c.field == "title" && sent_title.is_none()) || (c.field == "body" && sent_body.is_none())
                    })
                    .cloned()
                    .collect();
                Err(DomainError::MergeConflict(unresolved))
            }
        }
    }
}

/// Requesting an amendment needs an open space (and verification when the
/// space requires it to propose) and a proposal still open to participation.
pub fn ensure_can_amend(actor: &Actor, settings: &SpaceSettings, proposal: ProposalState) -> Result<(), DomainError> {
    if !settings.amendments_open {
        return Err(DomainError::forbidden(ErrorCode::AmendmentsClosed, "this space is not taking amendments"));
    }
    if settings.verification_required_to_propose && !actor.verified {
        return Err(DomainError::forbidden(ErrorCode::VerificationRequired, "this space requires a verified identity"));
    }
    if !proposal.is_open() {
        return Err(DomainError::conflict(ErrorCode::ProposalClosed, "the proposal no longer takes amendments"));
    }
    Ok(())
}

/// An amendment must change the title or the body of its base.
pub fn ensure_changes_base(base: Texts<'_>, proposed: Texts<'_>) -> Result<(), DomainError> {
    if base.title == proposed.title && base.body == proposed.body {
        Err(DomainError::invalid("body", FieldCode::Unchanged, "the amendment must change the title or the body"))
    } else {
        Ok(())
    }
}

/// The amendment was decided (possibly by someone else a moment ago).
pub fn already_decided() -> DomainError {
    DomainError::conflict(ErrorCode::AmendmentDecided, "the amendment has already been decided")
}

/// Only an amendment under evaluation can be decided or withdrawn.
pub fn ensure_evaluating(state: AmendmentState) -> Result<(), DomainError> {
    match state {
        AmendmentState::Evaluating => Ok(()),
        AmendmentState::Withdrawn => {
            Err(DomainError::conflict(ErrorCode::AmendmentWithdrawn, "the amendment was withdrawn"))
        }
        AmendmentState::Accepted | AmendmentState::Rejected => Err(already_decided()),
    }
}

/// Deciding needs an amendment under evaluation on a proposal still open.
pub fn ensure_decidable(amendment: AmendmentState, proposal: ProposalState) -> Result<(), DomainError> {
    ensure_evaluating(amendment)?;
    if proposal.is_open() {
        Ok(())
    } else {
        Err(DomainError::conflict(ErrorCode::ProposalClosed, "the proposal no longer takes amendments"))
    }
}

/// Only its author withdraws or promotes an amendment.
pub fn ensure_amendment_author(actor: &Actor, author_id: uuid::Uuid) -> Result<(), DomainError> {
    if actor.user_id == author_id {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::NotAmendmentAuthor, "only the amendment's author may do this"))
    }
}

/// A rejected amendment may be promoted to a proposal of its own, once.
pub fn ensure_promotable(
    state: AmendmentState,
    already_promoted: bool,
    closed_by_proposal: bool,
) -> Result<(), DomainError> {
    if state != AmendmentState::Rejected {
        return Err(DomainError::conflict(
            ErrorCode::AmendmentNotRejected,
            "only a rejected amendment can be promoted",
        ));
    }
    if closed_by_proposal {
        return Err(DomainError::conflict(
            ErrorCode::AmendmentClosedWithProposal,
            "the amendment was closed because its proposal was withdrawn or answered, not rejected on its merits",
        ));
    }
    if already_promoted {
        return Err(DomainError::conflict(ErrorCode::AmendmentPromoted, "the amendment was already promoted"));
    }
    Ok(())
}

/// Staff decide amendments of their space, but never their own: nobody
/// judges their own request.
pub fn ensure_can_decide(actor: &Actor, space_id: uuid::Uuid, author_id: uuid::Uuid) -> Result<(), DomainError> {
    ensure_staff_of(actor, space_id)?;
    if actor.user_id == author_id {
        return Err(DomainError::forbidden(ErrorCode::OwnAmendment, "staff may not decide their own amendment"));
    }
    Ok(())
}

/// Its author withdraws an amendment while it is under evaluation.
pub fn ensure_can_withdraw_amendment(
    actor: &Actor,
    author_id: uuid::Uuid,
    state: AmendmentState,
) -> Result<(), DomainError> {
    ensure_amendment_author(actor, author_id)?;
    ensure_evaluating(state)
}

/// Its author promotes a rejected amendment, once (the new proposal then
/// follows the space's rules for publishing).
pub fn ensure_can_promote(
    actor: &Actor,
    author_id: uuid::Uuid,
    state: AmendmentState,
    already_promoted: bool,
    closed_by_proposal: bool,
) -> Result<(), DomainError> {
    ensure_amendment_author(actor, author_id)?;
    ensure_promotable(state, already_promoted, closed_by_proposal)
}

/// Staff of the space accept an amendment of someone else's under
/// evaluation, while its proposal is open (a conflict with later edits
/// then needs the final text).
pub fn ensure_can_accept(
    actor: &Actor,
    space_id: uuid::Uuid,
    author_id: uuid::Uuid,
    amendment: AmendmentState,
    proposal: ProposalState,
) -> Result<(), DomainError> {
    ensure_can_decide(actor, space_id, author_id)?;
    ensure_decidable(amendment, proposal)
}

/// Staff of the space reject an amendment of someone else's under
/// evaluation.
pub fn ensure_can_reject(
    actor: &Actor,
    space_id: uuid::Uuid,
    author_id: uuid::Uuid,
    state: AmendmentState,
) -> Result<(), DomainError> {
    ensure_can_decide(actor, space_id, author_id)?;
    ensure_evaluating(state)
}

/// Who sees an amendment: everyone, unless the space limits amendments to
/// their authors (and staff).
pub fn can_see(settings: &SpaceSettings, actor: Option<&Actor>, space_id: uuid::Uuid, author_id: uuid::Uuid) -> bool {
    match settings.amendments_visibility {
        crate::space::AmendmentsVisibility::All => true,
        crate::space::AmendmentsVisibility::Participants => {
            actor.is_some_and(|a| a.user_id == author_id || a.is_staff_of(space_id))
        }
    }
}

/// Which of a proposal's amendments a reader may list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListScope {
    /// All of them.
    All,
    /// Only those written by this user.
    AuthoredBy(uuid::Uuid),
    /// None.
    Nothing,
}

/// The list counterpart of [`can_see`].
pub fn list_scope(settings: &SpaceSettings, actor: Option<&Actor>, space_id: uuid::Uuid) -> ListScope {
    match (settings.amendments_visibility, actor) {
        (crate::space::AmendmentsVisibility::All, _) => ListScope::All,
        (_, Some(a)) if a.is_staff_of(space_id) => ListScope::All,
        (_, Some(a)) => ListScope::AuthoredBy(a.user_id),
        (_, None) => ListScope::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Role, RoleGrant};
    use crate::space::AmendmentsVisibility;
    use uuid::Uuid;

    fn t<'a>(title: &'a str, body: &'a str) -> Texts<'a> {
        Texts { title, body }
    }

    #[test]
    fn up_to_date_amendments_take_the_proposed_text() {
        let a = assess(t("T", "b"), t("T", "b"), t("T2", "b2"), true).unwrap();
        assert_eq!(a.mergeability, Mergeability::UpToDate);
        assert_eq!(a.final_text(None, None).unwrap(), ("T2".into(), "b2".into()));
    }

    #[test]
    fn stale_amendments_merge_or_conflict_per_field() {
        let base = t("Titolo base", "Uno.\n\nDue.");
        let clean =
            assess(base, t("Titolo base", "Uno cambiato.\n\nDue."), t("Titolo nuovo", "Uno.\n\nDue cambiato."), false)
                .unwrap();
        assert_eq!(clean.mergeability, Mergeability::Clean);
        assert_eq!(
            clean.final_text(None, None).unwrap(),
            ("Titolo nuovo".into(), "Uno cambiato.\n\nDue cambiato.".into())
        );

        let conflict =
            assess(base, t("Titolo base", "Uno A.\n\nDue."), t("Titolo base", "Uno B.\n\nDue."), false).unwrap();
        assert_eq!(conflict.mergeability, Mergeability::Conflict);
        assert_eq!(conflict.title.as_deref(), Some("Titolo base"));
        let DomainError::MergeConflict(open) = conflict.final_text(None, None).unwrap_err() else { panic!() };
        assert_eq!(open[0].field, "body");
        assert_eq!(conflict.final_text(None, Some("Uno AB.\n\nDue.")).unwrap().1, "Uno AB.\n\nDue.");
        assert!(
            conflict.final_text(Some("Altro titolo"), None).is_err(),
            "sending the title does not resolve the body"
        );
        assert_eq!(conflict.title_segments, [MergeSegment::Agreed { text: "Titolo base".into() }]);
        assert_eq!(
            conflict.body_segments,
            [
                MergeSegment::Conflict { base: "Uno.".into(), current: "Uno A.".into(), proposed: "Uno B.".into() },
                MergeSegment::Agreed { text: "\n\nDue.".into() },
            ]
        );
    }

    #[test]
    fn texts_too_long_to_merge_are_refused_with_the_field() {
        let long = "parola ".repeat(3_000);
        let err = assess(t("T", &long), t("T", "corto"), t("T", "altro"), false).unwrap_err();
        let DomainError::Invalid(fields) = err else { panic!("expected a field error") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("body", "text_too_large"));
        assert!(assess(t("T", &long), t("T", &long), t("T", "altro"), true).is_ok(), "up to date needs no merge");
    }

    #[test]
    fn amending_rules() {
        let actor = Actor::participant(Uuid::from_u128(1), false);
        let open = SpaceSettings::default();
        assert!(ensure_can_amend(&actor, &open, ProposalState::Evaluating).is_ok());
        let closed = SpaceSettings { amendments_open: false, ..Default::default() };
        assert_eq!(
            ensure_can_amend(&actor, &closed, ProposalState::Published).unwrap_err().code(),
            "amendments_closed"
        );
        assert_eq!(ensure_can_amend(&actor, &open, ProposalState::Withdrawn).unwrap_err().code(), "proposal_closed");
        assert_eq!(ensure_can_amend(&actor, &open, ProposalState::Accepted).unwrap_err().code(), "proposal_closed");
        assert!(ensure_changes_base(t("a", "b"), t("a", "b")).is_err());
        assert!(ensure_changes_base(t("a", "b"), t("a", "c")).is_ok());
    }

    #[test]
    fn decisions_happen_once() {
        assert!(ensure_evaluating(AmendmentState::Evaluating).is_ok());
        assert_eq!(ensure_evaluating(AmendmentState::Accepted).unwrap_err().code(), "amendment_decided");
        assert_eq!(ensure_evaluating(AmendmentState::Rejected).unwrap_err().code(), "amendment_decided");
        assert_eq!(ensure_evaluating(AmendmentState::Withdrawn).unwrap_err().code(), "amendment_withdrawn");
        assert!(ensure_promotable(AmendmentState::Rejected, false, false).is_ok());
        assert_eq!(ensure_promotable(AmendmentState::Rejected, true, false).unwrap_err().code(), "amendment_promoted");
        assert_eq!(
            ensure_promotable(AmendmentState::Evaluating, false, false).unwrap_err().code(),
            "amendment_not_rejected"
        );
        assert_eq!(
            ensure_promotable(AmendmentState::Rejected, false, true).unwrap_err().code(),
            "amendment_closed_with_proposal"
        );
    }

    #[test]
    fn deciding_needs_an_open_proposal_and_authors_own_amendments() {
        assert!(ensure_decidable(AmendmentState::Evaluating, ProposalState::Evaluating).is_ok());
        assert_eq!(
            ensure_decidable(AmendmentState::Evaluating, ProposalState::Accepted).unwrap_err().code(),
            "proposal_closed"
        );
        assert_eq!(
            ensure_decidable(AmendmentState::Accepted, ProposalState::Published).unwrap_err().code(),
            "amendment_decided"
        );
        let author = Actor::participant(Uuid::from_u128(1), false);
        assert!(ensure_amendment_author(&author, Uuid::from_u128(1)).is_ok());
        assert_eq!(ensure_amendment_author(&author, Uuid::from_u128(2)).unwrap_err().code(), "not_amendment_author");
    }

    #[test]
    fn each_act_on_an_amendment_checks_who_then_when() {
        let (space, author) = (Uuid::from_u128(5), Uuid::from_u128(6));
        let own = Actor::participant(author, false);
        let staff = Actor {
            roles: vec![RoleGrant { role: Role::Staff, space_id: Some(space) }],
            ..Actor::participant(Uuid::from_u128(7), false)
        };
        let (evaluating, rejected) = (AmendmentState::Evaluating, AmendmentState::Rejected);
        assert!(ensure_can_withdraw_amendment(&own, author, evaluating).is_ok());
        assert_eq!(
            ensure_can_withdraw_amendment(&staff, author, evaluating).unwrap_err().code(),
            "not_amendment_author"
        );
        assert_eq!(ensure_can_withdraw_amendment(&own, author, rejected).unwrap_err().code(), "amendment_decided");
        assert!(ensure_can_promote(&own, author, rejected, false, false).is_ok());
        assert_eq!(
            ensure_can_promote(&staff, author, rejected, false, false).unwrap_err().code(),
            "not_amendment_author"
        );
        assert_eq!(ensure_can_promote(&own, author, rejected, true, false).unwrap_err().code(), "amendment_promoted");
        assert!(ensure_can_accept(&staff, space, author, evaluating, ProposalState::Published).is_ok());
        assert_eq!(
            ensure_can_accept(&own, space, author, evaluating, ProposalState::Published).unwrap_err().code(),
            "staff_only"
        );
        assert_eq!(
            ensure_can_accept(&staff, space, author, evaluating, ProposalState::Withdrawn).unwrap_err().code(),
            "proposal_closed"
        );
        let staff_author = Actor { user_id: author, ..staff.clone() };
        assert_eq!(ensure_can_reject(&staff_author, space, author, evaluating).unwrap_err().code(), "own_amendment");
        assert!(ensure_can_reject(&staff, space, author, evaluating).is_ok());
        assert_eq!(ensure_can_reject(&staff, space, author, rejected).unwrap_err().code(), "amendment_decided");
    }

    #[test]
    fn visibility_and_staff() {
        let space = Uuid::from_u128(5);
        let author = Uuid::from_u128(6);
        let restricted =
            SpaceSettings { amendments_visibility: AmendmentsVisibility::Participants, ..Default::default() };
        let stranger = Actor::participant(Uuid::from_u128(7), true);
        let own = Actor::participant(author, true);
        let staff = Actor { roles: vec![RoleGrant { role: Role::Staff, space_id: Some(space) }], ..stranger.clone() };
        assert!(can_see(&SpaceSettings::default(), None, space, author));
        assert!(!can_see(&restricted, None, space, author));
        assert!(!can_see(&restricted, Some(&stranger), space, author));
        assert!(can_see(&restricted, Some(&own), space, author));
        assert!(can_see(&restricted, Some(&staff), space, author));
        assert_eq!(list_scope(&restricted, None, space), ListScope::Nothing);
        assert_eq!(list_scope(&restricted, Some(&own), space), ListScope::AuthoredBy(author));
        assert_eq!(list_scope(&restricted, Some(&staff), space), ListScope::All);
        assert_eq!(list_scope(&SpaceSettings::default(), None, space), ListScope::All);
        assert!(ensure_staff_of(&staff, space).is_ok());
        assert_eq!(ensure_staff_of(&stranger, space).unwrap_err().code(), "staff_only");
    }
}
