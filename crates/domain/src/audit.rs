//! What the audit log records, and who may read each entry.

use crate::string_enum;

string_enum! {
    /// Who may read an audit entry.
    pub enum AuditVisibility {
        /// Anyone, anonymously: decisions that citizens must be able to check.
        Public => "public",
        /// Staff and admins only: operational detail about individuals.
        Staff => "staff",
    }
}

string_enum! {
    /// Every kind of state change that is recorded.
    pub enum AuditAction {
        /// A user registered.
        UserRegistered => "user.registered",
        /// A role was granted.
        RoleGranted => "role.granted",
        /// A role was revoked.
        RoleRevoked => "role.revoked",
        /// A space was created.
        SpaceCreated => "space.created",
        /// A space's texts or settings changed.
        SpaceUpdated => "space.updated",
        /// A proposal was published.
        ProposalCreated => "proposal.created",
        /// An author published a new version.
        ProposalEdited => "proposal.edited",
        /// An author withdrew a proposal.
        ProposalWithdrawn => "proposal.withdrawn",
        /// An author or staff filed a proposal under other topics.
        ProposalFiled => "proposal.filed",
        /// Staff answered a proposal.
        ProposalAnswered => "proposal.answered",
        /// A participant requested an amendment.
        AmendmentCreated => "amendment.created",
        /// Its author withdrew an amendment.
        AmendmentWithdrawn => "amendment.withdrawn",
        /// Staff accepted an amendment.
        AmendmentAccepted => "amendment.accepted",
        /// An amendment was rejected (by staff, or with its withdrawn proposal).
        AmendmentRejected => "amendment.rejected",
        /// A rejected amendment became a proposal of its own.
        AmendmentPromoted => "amendment.promoted",
        /// An admin verified a user's identity.
        UserVerified => "user.verified",
        /// An admin blocked a user, with a public justification.
        UserBlocked => "user.blocked",
        /// An admin lifted a block.
        UserUnblocked => "user.unblocked",
        /// A participant commented (or replied).
        CommentCreated => "comment.created",
        /// Its author edited a comment (a new revision).
        CommentEdited => "comment.edited",
        /// Its author deleted a comment (a placeholder stays).
        CommentDeleted => "comment.deleted",
        /// A participant voted on a comment, changed or removed their vote.
        CommentVoted => "comment.voted",
        /// A participant reported an item (staff only: reporters stay private).
        ReportCreated => "report.created",
        /// An item was hidden, by staff or automatically by reports.
        ContentHidden => "content.hidden",
        /// Staff made a hidden item visible again.
        ContentUnhidden => "content.unhidden",
        /// Staff dismissed an item's open reports.
        ReportsDismissed => "reports.dismissed",
        /// Staff confirmed the open reports of an item that was already
        /// hidden (by those reports): it stays hidden, the reports are upheld.
        ReportsUpheld => "reports.upheld",
        /// An admin published a new version of one of the administration's
        /// pages (legal notes, privacy notice, accessibility statement).
        PageEdited => "page.edited",
        /// The operator erased a version's texts (title, body, summary) by
        /// the documented procedure: their commitments stay, so the
        /// history still verifies.
        VersionErased => "version.erased",
        /// A person's account was erased at their request, after its
        /// grace period: the entry names only the account's id, and the
        /// details of the entries about them are erased with it.
        AccountDeleted => "account.deleted",
    }
}

/// Which entries a list of the log shows (besides what its reader may
/// see): plain values the API takes from a request and the store turns
/// into a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only entries of this space.
    pub space_id: Option<uuid::Uuid>,
    /// Only entries of this kind.
    pub action: Option<AuditAction>,
    /// Only entries about this proposal: its own, its amendments' and its
    /// comments'.
    pub proposal_id: Option<uuid::Uuid>,
    /// Only this entry: one entry is read with exactly the rules of the
    /// list it appears in, so its page can never show more than the log.
    pub entry_id: Option<uuid::Uuid>,
}

impl AuditAction {
    /// The visibility an action's entries get. Role changes and blocks are
    /// public so citizens can see who holds power and how it is used;
    /// registrations and verifications are not, because they concern a
    /// private person, and neither are comment votes (how one person rated
    /// another's words is their own business; the counts are public).
    pub fn visibility(self) -> AuditVisibility {
        match self {
            AuditAction::UserRegistered
            | AuditAction::UserVerified
            | AuditAction::CommentVoted
            | AuditAction::ReportCreated => AuditVisibility::Staff,
            _ => AuditVisibility::Public,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_changes_are_public_and_registrations_are_not() {
        assert_eq!(AuditAction::RoleGranted.visibility(), AuditVisibility::Public);
        assert_eq!(AuditAction::RoleRevoked.visibility(), AuditVisibility::Public);
        assert_eq!(AuditAction::UserRegistered.visibility(), AuditVisibility::Staff);
        assert_eq!(AuditAction::UserVerified.visibility(), AuditVisibility::Staff);
        assert_eq!(AuditAction::UserBlocked.visibility(), AuditVisibility::Public);
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
        }
    }
}
