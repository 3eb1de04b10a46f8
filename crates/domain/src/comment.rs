//! Comments: their values (alignment, body), where a reply may go, who may
//! write, edit, delete and vote, how a vote moves a comment's counters, and
//! the orders a thread is listed in. No I/O: the service loads the facts
//! and asks these functions.

use crate::codes::{ErrorCode, FieldCode};
use crate::error::DomainError;
use crate::policy::Actor;
use crate::proposal::ProposalState;
use crate::space::SpaceSettings;
use crate::string_enum;
use uuid::Uuid;

pub use crate::values::CommentBody;

/// The deepest a comment may sit: 0 is a root, replies go down to 3.
pub const MAX_DEPTH: i32 = 3;

string_enum! {
    /// Where the commenter stands on what they comment on.
    pub enum Alignment {
        /// For it.
        InFavor => "in_favor",
        /// Neither (the default).
        Neutral => "neutral",
        /// Against it.
        Against => "against",
    }
}

string_enum! {
    /// How a thread's comments (roots, or one comment's replies) are listed.
    /// Each order is one index of the `comments` table read in one
    /// direction, ending with the id so it is total.
    pub enum CommentOrder {
        /// Oldest first (id ascending; ids are UUID v7).
        Oldest => "oldest",
        /// Newest first (id descending).
        Newest => "newest",
        /// Highest score (up − down) first, newer first among equals.
        Best => "best",
        /// Most live replies (all depths) first, newer first among equals.
        MostDiscussed => "most_discussed",
    }
}

/// Where the previous page of a thread ended: the last item's sort key
/// (score or replies count; unused for `oldest`/`newest`) and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CommentCursor {
    /// The sort key of the last item.
    pub key: i32,
    /// The id of the last item.
    pub id: Uuid,
}

/// The depth of a reply to a comment at `parent_depth`: refused on
/// `parent_id` (`too_deep`) below [`MAX_DEPTH`].
pub fn reply_depth(parent_depth: i32) -> Result<i32, DomainError> {
    if parent_depth >= MAX_DEPTH {
        return Err(DomainError::invalid(
            "parent_id",
            FieldCode::TooDeep,
            format!("replies nest at most {MAX_DEPTH} levels deep; reply to an earlier comment"),
        ));
    }
    Ok(parent_depth + 1)
}

/// The parent must belong to the same proposal or amendment as the new
/// comment; anything else is as if it did not exist.
pub fn ensure_same_thread(parent: (Uuid, Option<Uuid>), target: (Uuid, Option<Uuid>)) -> Result<(), DomainError> {
    if parent == target {
        Ok(())
    } else {
        Err(DomainError::invalid("parent_id", FieldCode::NotFound, "no such comment on this proposal or amendment"))
    }
}

/// Writing in a space's conversation (commenting, editing, voting) needs
/// the space's comments open.
pub fn ensure_comments_open(settings: &SpaceSettings) -> Result<(), DomainError> {
    if settings.comments_open {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::CommentsClosed, "this space is not taking comments"))
    }
}

/// A new comment needs open comments and a proposal that was not
/// withdrawn: an answered proposal (accepted, rejected, evaluating) can
/// still be discussed, a withdrawn one is over.
pub fn ensure_can_comment(settings: &SpaceSettings, proposal: ProposalState) -> Result<(), DomainError> {
    ensure_comments_open(settings)?;
    if proposal == ProposalState::Withdrawn {
        return Err(DomainError::conflict(ErrorCode::ProposalWithdrawn, "the proposal was withdrawn"));
    }
    Ok(())
}

/// Only its author edits or deletes a comment (staff hide it instead).
pub fn ensure_comment_author(actor: &Actor, author_id: Uuid) -> Result<(), DomainError> {
    if actor.user_id == author_id {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::NotCommentAuthor, "only the comment's author may do this"))
    }
}

/// A comment that is deleted or hidden takes no edit, vote or reply.
pub fn ensure_live(deleted: bool, hidden: bool) -> Result<(), DomainError> {
    if deleted {
        return Err(DomainError::conflict(ErrorCode::CommentDeleted, "the comment was deleted"));
    }
    if hidden {
        return Err(DomainError::conflict(ErrorCode::CommentHidden, "the comment is hidden by moderation"));
    }
    Ok(())
}

/// A thread under a hidden proposal or amendment is reachable by staff of
/// its space only, and only to moderate: no one comments, edits or votes
/// there until it is unhidden (its counters stay as moderation froze them).
pub fn ensure_thread_not_hidden(hidden: bool) -> Result<(), DomainError> {
    if hidden {
        return Err(DomainError::conflict(
            ErrorCode::ContentHidden,
            "the item is hidden by moderation: it takes no comments or votes until it is unhidden",
        ));
    }
    Ok(())
}

/// Nobody votes on their own comment (as in Decidim): a vote is another
/// reader's judgement.
pub fn ensure_can_vote(actor: &Actor, author_id: Uuid) -> Result<(), DomainError> {
    if actor.user_id == author_id {
        Err(DomainError::forbidden(ErrorCode::OwnComment, "you cannot vote on your own comment"))
    } else {
        Ok(())
    }
}

/// An edit based on `expected` (when the client sent one) must still be
/// based on the current revision.
pub fn ensure_current_revision(expected: Option<i32>, current: i32) -> Result<(), DomainError> {
    match expected {
        Some(expected) if expected != current => Err(DomainError::conflict(
            ErrorCode::StaleRevision,
            format!("the comment is at revision {current}; reload it before editing"),
        )),
        _ => Ok(()),
    }
}

/// Whether a reader sees the body and author of a hidden comment: staff of
/// its space, who moderate it. Deleted comments show nothing to anyone.
pub fn sees_hidden(actor: Option<&Actor>, space_id: Uuid) -> bool {
    actor.is_some_and(|a| a.is_staff_of(space_id))
}

/// A vote as stored: up or down. "No vote" is the absence of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    /// +1.
    Up,
    /// −1.
    Down,
}

impl Vote {
    /// The stored value, 1 or −1.
    pub fn value(self) -> i32 {
        match self {
            Vote::Up => 1,
            Vote::Down => -1,
        }
    }

    /// Reads a stored value back; `None` for anything but 1 and −1.
    pub fn from_value(value: i32) -> Option<Self> {
        match value {
            1 => Some(Vote::Up),
            -1 => Some(Vote::Down),
            _ => None,
        }
    }

    /// A request's `value`: 1, −1, or 0 to remove the vote (`None`).
    pub fn parse_request(value: i64) -> Result<Option<Self>, DomainError> {
        match value {
            0 => Ok(None),
            1 => Ok(Some(Vote::Up)),
            -1 => Ok(Some(Vote::Down)),
            _ => Err(DomainError::invalid("value", FieldCode::InvalidChoice, "use 1 (up), -1 (down) or 0 (remove)")),
        }
    }
}

/// How a comment's counters move when one user's vote goes from `old` to
/// `new` (either may be "no vote").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VoteDelta {
    /// Change of `up_votes`.
    pub up: i32,
    /// Change of `down_votes`.
    pub down: i32,
}

impl VoteDelta {
    /// Change of `score` (up − down).
    pub fn score(self) -> i32 {
        self.up - self.down
    }

    /// Nothing changes (the same vote again): no write needed.
    pub fn is_zero(self) -> bool {
        self.up == 0 && self.down == 0
    }
}

/// The counter changes of one vote transition: the old vote is taken
/// back, the new one added.
pub fn vote_delta(old: Option<Vote>, new: Option<Vote>) -> VoteDelta {
    let count = |vote: Option<Vote>| match vote {
        Some(Vote::Up) => VoteDelta { up: 1, down: 0 },
        Some(Vote::Down) => VoteDelta { up: 0, down: 1 },
        None => VoteDelta::default(),
    };
    let (old, new) = (count(old), count(new));
    VoteDelta { up: new.up - old.up, down: new.down - old.down }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Role, RoleGrant};
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn a_hidden_thread_takes_nothing_new() {
        assert!(ensure_thread_not_hidden(false).is_ok());
        let refused = ensure_thread_not_hidden(true).unwrap_err();
        assert_eq!(refused.code(), ErrorCode::ContentHidden);
    }

    #[test]
    fn replies_stop_at_depth_three() {
        assert_eq!(reply_depth(0), Ok(1));
        assert_eq!(reply_depth(2), Ok(3));
        let DomainError::Invalid(fields) = reply_depth(3).unwrap_err() else { panic!("a field error") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("parent_id", "too_deep"));
    }

    #[test]
    fn parents_come_from_the_same_thread() {
        let (p, a) = (Uuid::from_u128(1), Some(Uuid::from_u128(2)));
        assert!(ensure_same_thread((p, a), (p, a)).is_ok());
        assert!(ensure_same_thread((p, None), (p, a)).is_err());
        let DomainError::Invalid(fields) = ensure_same_thread((Uuid::from_u128(3), None), (p, None)).unwrap_err()
        else {
            panic!("a field error")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("parent_id", "not_found"));
    }

    #[test]
    fn commenting_follows_the_space_and_the_proposal() {
        let open = SpaceSettings::default();
        assert!(ensure_can_comment(&open, ProposalState::Published).is_ok());
        assert!(ensure_can_comment(&open, ProposalState::Accepted).is_ok());
        assert!(ensure_can_comment(&open, ProposalState::Rejected).is_ok());
        assert_eq!(ensure_can_comment(&open, ProposalState::Withdrawn).unwrap_err().code(), "proposal_withdrawn");
        let closed = SpaceSettings { comments_open: false, ..Default::default() };
        assert_eq!(ensure_can_comment(&closed, ProposalState::Published).unwrap_err().code(), "comments_closed");
    }

    #[test]
    fn authorship_liveness_and_revisions() {
        let author = Actor::participant(Uuid::from_u128(1), false);
        let other = Actor::participant(Uuid::from_u128(2), false);
        assert!(ensure_comment_author(&author, author.user_id).is_ok());
        assert_eq!(ensure_comment_author(&other, author.user_id).unwrap_err().code(), "not_comment_author");
        assert_eq!(ensure_can_vote(&author, author.user_id).unwrap_err().code(), "own_comment");
        assert!(ensure_can_vote(&other, author.user_id).is_ok());
        assert!(ensure_live(false, false).is_ok());
        assert_eq!(ensure_live(true, true).unwrap_err().code(), "comment_deleted");
        assert_eq!(ensure_live(false, true).unwrap_err().code(), "comment_hidden");
        assert!(ensure_current_revision(None, 4).is_ok());
        assert!(ensure_current_revision(Some(4), 4).is_ok());
        assert_eq!(ensure_current_revision(Some(3), 4).unwrap_err().code(), "stale_revision");
    }

    #[test]
    fn only_staff_of_the_space_see_hidden_comments() {
        let space = Uuid::from_u128(9);
        let staff = Actor {
            roles: vec![RoleGrant { role: Role::Staff, space_id: Some(space) }],
            ..Actor::participant(Uuid::from_u128(1), false)
        };
        assert!(sees_hidden(Some(&staff), space));
        assert!(!sees_hidden(Some(&staff), Uuid::from_u128(8)));
        assert!(!sees_hidden(None, space));
    }

    #[test]
    fn vote_values_and_bodies() {
        assert_eq!(Vote::parse_request(1), Ok(Some(Vote::Up)));
        assert_eq!(Vote::parse_request(-1), Ok(Some(Vote::Down)));
        assert_eq!(Vote::parse_request(0), Ok(None));
        assert!(Vote::parse_request(2).is_err());
        assert_eq!(Vote::from_value(Vote::Down.value()), Some(Vote::Down));
        assert_eq!(vote_delta(Some(Vote::Up), Some(Vote::Down)), VoteDelta { up: -1, down: 1 });
        assert_eq!(vote_delta(Some(Vote::Up), Some(Vote::Down)).score(), -2);
        assert!(vote_delta(Some(Vote::Down), Some(Vote::Down)).is_zero());
        assert_eq!(CommentBody::parse("  ciao  ").unwrap().as_str(), "ciao");
        assert_eq!(
            CommentBody::parse(" \u{200B} ").unwrap_err(),
            DomainError::invalid("body", FieldCode::Required, "is required")
        );
        assert!(CommentBody::parse(&"è".repeat(2_000)).is_ok());
        assert!(CommentBody::parse(&"è".repeat(2_001)).is_err());
        assert_eq!(Alignment::parse("in_favor"), Some(Alignment::InFavor));
    }

    proptest! {
        /// Any sequence of votes by any users, each applied as a delta from
        /// that user's previous vote, leaves the counters equal to a count
        /// of the final votes.
        #[test]
        fn counters_always_equal_the_votes(steps in proptest::collection::vec((0u8..6, -1i64..=1), 0..200)) {
            let mut rows: HashMap<u8, Vote> = HashMap::new();
            let (mut up, mut down, mut score) = (0i32, 0i32, 0i32);
            for (user, value) in steps {
                let new = Vote::parse_request(value).unwrap();
                let old = rows.get(&user).copied();
                let delta = vote_delta(old, new);
                up += delta.up;
                down += delta.down;
                score += delta.score();
                match new {
                    Some(v) => { rows.insert(user, v); }
                    None => { rows.remove(&user); }
                }
                prop_assert!(up >= 0 && down >= 0);
            }
            let ups = i32::try_from(rows.values().filter(|v| **v == Vote::Up).count()).unwrap();
            let downs = i32::try_from(rows.values().filter(|v| **v == Vote::Down).count()).unwrap();
            prop_assert_eq!((up, down, score), (ups, downs, ups - downs));
        }
    }
}
