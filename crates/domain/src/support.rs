//! Supports: who may support a proposal, which supports count, and what a
//! support or a withdrawal changes in the counters.
//!
//! A participant's supports in a space count only once they have given the
//! space's `minimum_supports_per_user` there; until then they are pending.
//! The service keeps, per participant and space, a tally of support rows
//! (the lock under which everything here is decided) and, per proposal,
//! `supports_given` (every row) and `supports_count` (the rows whose giver's
//! tally reaches the minimum). The functions below turn the tally before an
//! operation into the exact counter changes, so the counters always equal
//! the rows (a property test replays random histories against a recount).

use crate::codes::ErrorCode;
use crate::error::DomainError;
use crate::policy::Actor;
use crate::proposal::ProposalState;
use crate::space::SpaceSettings;

/// Supports are taken, and withdrawn, only while the space has them open.
fn ensure_supports_open(settings: &SpaceSettings) -> Result<(), DomainError> {
    if settings.supports_open {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::SupportsClosed, "this space is not taking supports"))
    }
}

/// Only `published` and `evaluating` proposals are supported (or have a
/// support withdrawn): after an answer or a withdrawal the count is final.
fn ensure_supportable(state: ProposalState) -> Result<(), DomainError> {
    match state {
        ProposalState::Published | ProposalState::Evaluating => Ok(()),
        ProposalState::Withdrawn => {
            Err(DomainError::conflict(ErrorCode::ProposalWithdrawn, "the proposal was withdrawn: supports are final"))
        }
        ProposalState::Accepted | ProposalState::Rejected => {
            Err(DomainError::conflict(ErrorCode::ProposalAnswered, "the proposal was answered: supports are final"))
        }
    }
}

/// Giving (or re-confirming) a support: supports open, a verified identity
/// when the space asks for one, and a proposal still open. Authors may
/// support their own proposal (as in Decidim).
pub fn ensure_can_support(actor: &Actor, settings: &SpaceSettings, state: ProposalState) -> Result<(), DomainError> {
    ensure_supports_open(settings)?;
    if settings.verification_required_to_support && !actor.verified {
        return Err(DomainError::forbidden(
            ErrorCode::VerificationRequired,
            "this space requires a verified identity to support",
        ));
    }
    ensure_supportable(state)
}

/// Withdrawing a support: supports open and a proposal still open. No
/// verification: a participant can always take back what they gave.
pub fn ensure_can_withdraw(settings: &SpaceSettings, state: ProposalState) -> Result<(), DomainError> {
    ensure_supports_open(settings)?;
    ensure_supportable(state)
}

/// A new support (not a re-confirmation) within the per-user limit and the
/// proposal's threshold. `tally` is the participant's supports in the space
/// before this one; `given` is the proposal's `supports_given`. Without
/// `supports_beyond_threshold` a proposal takes no support once it has
/// `support_threshold` of them (counted or pending), so
/// `counted ≤ given ≤ threshold` always holds.
pub fn ensure_room_for_new(settings: &SpaceSettings, tally: i32, given: i32) -> Result<(), DomainError> {
    if settings.support_limit_per_user > 0 && tally >= settings.support_limit_per_user {
        return Err(DomainError::conflict(
            ErrorCode::SupportLimitReached,
            format!("you have given the {} supports this space allows", settings.support_limit_per_user),
        ));
    }
    if settings.support_threshold > 0 && !settings.supports_beyond_threshold && given >= settings.support_threshold {
        return Err(DomainError::conflict(
            ErrorCode::SupportThresholdReached,
            "the proposal has reached its support threshold and takes no more",
        ));
    }
    Ok(())
}

/// The list of a proposal's supporters is public when the space says so;
/// otherwise only staff of the space read it (the count stays public).
pub fn ensure_can_list_supporters(
    settings: &SpaceSettings,
    actor: Option<&Actor>,
    space_id: uuid::Uuid,
) -> Result<(), DomainError> {
    if settings.supporters_public || actor.is_some_and(|a| a.is_staff_of(space_id)) {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::SupportersPrivate, "this space keeps its supporters private"))
    }
}

/// Whether a participant's supports count, given how many they have in the
/// space: at least the minimum (a minimum of 0 or 1 counts every support).
pub fn counts(minimum: i32, tally: i32) -> bool {
    tally >= minimum
}

/// What one support or withdrawal does to `supports_count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountChange {
    /// Nothing counts differently: the participant stays below the minimum.
    None,
    /// Only the proposal supported (or unsupported) changes, by one.
    This,
    /// The participant crossed the minimum: every one of their supports in
    /// the space (after the operation) changes by one on its proposal, and
    /// on a withdrawal the withdrawn one too.
    All,
}

/// A new support, given the participant's tally before it.
pub fn on_support(minimum: i32, tally_before: i32) -> CountChange {
    let after = tally_before + 1;
    if !counts(minimum, after) {
        CountChange::None
    } else if counts(minimum, tally_before) {
        CountChange::This
    } else {
        CountChange::All
    }
}

/// A withdrawal, given the participant's tally before it.
pub fn on_withdraw(minimum: i32, tally_before: i32) -> CountChange {
    let after = tally_before - 1;
    if !counts(minimum, tally_before) {
        CountChange::None
    } else if counts(minimum, after) {
        CountChange::This
    } else {
        CountChange::All
    }
}

/// Whether a proposal with `counted` supports has reached the space's
/// threshold (never, without one).
pub fn reaches_threshold(settings: &SpaceSettings, counted: i32) -> bool {
    settings.support_threshold > 0 && counted >= settings.support_threshold
}

/// A proposal's supports as an auditor recounts them from the log alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayedSupports {
    /// Supports held at the end (the proposal's `supports_given`).
    pub given: i32,
    /// Those whose giver reached the minimum (its `supports_count`).
    pub counted: i32,
    /// When the counted supports first reached the threshold, as the entry
    /// that reached it says (its `qualified_at`, while the proposal was
    /// open to supports; the audit log's state changes tell when it was).
    pub reached_at: Option<String>,
}

/// Recounts every proposal's supports from the log's support entries, in
/// leaf order, under one space's `minimum` and `threshold` (for a space
/// whose settings changed, replay each period with its own, as the audit
/// log's settings entries say). Applies exactly the counting rules above
/// ([`on_support`], [`on_withdraw`]) to the pseudonyms' tallies, so a
/// supporter's set of supports is known only as a pseudonym's. Entries of
/// other kinds are skipped; a support entry that does not parse is an
/// error naming its position.
pub fn recount_from_log(
    entries: &[crate::transparency::ParsedEntry],
    minimum: i32,
    threshold: i32,
) -> Result<std::collections::BTreeMap<String, ReplayedSupports>, usize> {
    use crate::transparency::{EntryKind, SupportEvent};
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    let mut proposals: BTreeMap<String, ReplayedSupports> = BTreeMap::new();
    let mut held: HashMap<(String, String), BTreeSet<String>> = HashMap::new();
    for (position, entry) in entries.iter().enumerate() {
        if entry.kind != EntryKind::Support {
            continue;
        }
        let field = |name: &str| entry.field(name).map(str::to_owned).ok_or(position);
        let (proposal, space, supporter, at) =
            (field("proposal")?, field("space")?, field("supporter")?, field("created_at")?);
        let event = entry.field("event").and_then(SupportEvent::parse).ok_or(position)?;
        let set = held.entry((space, supporter)).or_default();
        let tally = i32::try_from(set.len()).unwrap_or(i32::MAX);
        let (change, step) = match event {
            SupportEvent::Confirmed => continue,
            SupportEvent::Given if set.insert(proposal.clone()) => (on_support(minimum, tally), 1),
            SupportEvent::Withdrawn if set.remove(&proposal) => (on_withdraw(minimum, tally), -1),
            // Given twice, or withdrawn without being given: the server
            // never writes that.
            _ => return Err(position),
        };
        let moved: Vec<String> = match change {
            CountChange::None => Vec::new(),
            CountChange::This => vec![proposal.clone()],
            CountChange::All => set.iter().cloned().chain((step < 0).then(|| proposal.clone())).collect(),
        };
        proposals.entry(proposal).or_default().given += step;
        for id in moved {
            let counts = proposals.entry(id).or_default();
            counts.counted += step;
            if threshold > 0 && counts.counted >= threshold && counts.reached_at.is_none() {
                counts.reached_at = Some(at.clone());
            }
        }
    }
    Ok(proposals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};
    use uuid::Uuid;

    #[test]
    fn who_may_support() {
        let actor = Actor::participant(Uuid::nil(), false);
        let open = SpaceSettings::default();
        assert!(ensure_can_support(&actor, &open, ProposalState::Published).is_ok());
        assert!(ensure_can_support(&actor, &open, ProposalState::Evaluating).is_ok());
        let code = |r: Result<(), DomainError>| r.unwrap_err().code();
        assert_eq!(code(ensure_can_support(&actor, &open, ProposalState::Withdrawn)), "proposal_withdrawn");
        assert_eq!(code(ensure_can_support(&actor, &open, ProposalState::Accepted)), "proposal_answered");
        assert_eq!(code(ensure_can_support(&actor, &open, ProposalState::Rejected)), "proposal_answered");
        let closed = SpaceSettings { supports_open: false, ..Default::default() };
        assert_eq!(code(ensure_can_support(&actor, &closed, ProposalState::Published)), "supports_closed");
        assert_eq!(code(ensure_can_withdraw(&closed, ProposalState::Published)), "supports_closed");
        assert_eq!(code(ensure_can_withdraw(&open, ProposalState::Accepted)), "proposal_answered");
        let strict = SpaceSettings { verification_required_to_support: true, ..Default::default() };
        assert_eq!(code(ensure_can_support(&actor, &strict, ProposalState::Published)), "verification_required");
        assert!(ensure_can_support(&Actor { verified: true, ..actor }, &strict, ProposalState::Published).is_ok());
        assert!(ensure_can_withdraw(&strict, ProposalState::Published).is_ok());
    }

    #[test]
    fn supporter_lists_follow_the_space() {
        use crate::policy::{Role, RoleGrant};
        let space = Uuid::from_u128(1);
        let private = SpaceSettings { supporters_public: false, ..Default::default() };
        let participant = Actor::participant(Uuid::nil(), true);
        let staff_here =
            Actor { roles: vec![RoleGrant { role: Role::Staff, space_id: Some(space) }], ..participant.clone() };
        let staff_elsewhere = Actor {
            roles: vec![RoleGrant { role: Role::Staff, space_id: Some(Uuid::from_u128(2)) }],
            ..participant.clone()
        };
        assert!(ensure_can_list_supporters(&SpaceSettings::default(), None, space).is_ok());
        assert_eq!(ensure_can_list_supporters(&private, None, space).unwrap_err().code(), "supporters_private");
        assert!(ensure_can_list_supporters(&private, Some(&participant), space).is_err());
        assert!(ensure_can_list_supporters(&private, Some(&staff_elsewhere), space).is_err());
        assert!(ensure_can_list_supporters(&private, Some(&staff_here), space).is_ok());
    }

    #[test]
    fn limit_and_threshold_at_their_edges() {
        let limited = SpaceSettings { support_limit_per_user: 2, ..Default::default() };
        assert!(ensure_room_for_new(&limited, 1, 0).is_ok());
        assert_eq!(ensure_room_for_new(&limited, 2, 0).unwrap_err().code(), "support_limit_reached");
        let capped = SpaceSettings { support_threshold: 3, supports_beyond_threshold: false, ..Default::default() };
        assert!(ensure_room_for_new(&capped, 0, 2).is_ok());
        assert_eq!(ensure_room_for_new(&capped, 0, 3).unwrap_err().code(), "support_threshold_reached");
        let beyond = SpaceSettings { support_threshold: 3, supports_beyond_threshold: true, ..Default::default() };
        assert!(ensure_room_for_new(&beyond, 0, 30).is_ok());
        assert!(ensure_room_for_new(&SpaceSettings::default(), 10_000, 10_000).is_ok());
        assert!(!reaches_threshold(&SpaceSettings::default(), 1_000));
        assert!(reaches_threshold(&capped, 3) && !reaches_threshold(&capped, 2));
    }

    #[test]
    fn crossing_the_minimum() {
        assert_eq!(on_support(0, 0), CountChange::This);
        assert_eq!(on_support(1, 0), CountChange::All); // the first one: nothing else to count
        assert_eq!(on_support(3, 0), CountChange::None);
        assert_eq!(on_support(3, 2), CountChange::All);
        assert_eq!(on_support(3, 3), CountChange::This);
        assert_eq!(on_withdraw(3, 2), CountChange::None);
        assert_eq!(on_withdraw(3, 3), CountChange::All);
        assert_eq!(on_withdraw(3, 4), CountChange::This);
        assert_eq!(on_withdraw(1, 1), CountChange::All); // the last one: nothing else remains
        assert_eq!(on_withdraw(0, 1), CountChange::This);
    }

    /// Applies supports and withdrawals the way the service does (only the
    /// tally before each operation and the change it yields) and checks
    /// after every step that each proposal's counters equal a recount of
    /// the rows.
    fn replay(minimum: i32, ops: &[(bool, u8, u8)]) {
        let mut rows: BTreeSet<(u8, u8)> = BTreeSet::new(); // (user, proposal)
        let mut counted: BTreeMap<u8, i32> = BTreeMap::new();
        let mut given: BTreeMap<u8, i32> = BTreeMap::new();
        let tally = |rows: &BTreeSet<(u8, u8)>, user: u8| rows.iter().filter(|(u, _)| *u == user).count() as i32;
        for &(support, user, proposal) in ops {
            let before = tally(&rows, user);
            let exists = rows.contains(&(user, proposal));
            if support && !exists {
                rows.insert((user, proposal));
                *given.entry(proposal).or_default() += 1;
                match on_support(minimum, before) {
                    CountChange::None => {}
                    CountChange::This => *counted.entry(proposal).or_default() += 1,
                    CountChange::All => {
                        for (_, p) in rows.iter().filter(|(u, _)| *u == user) {
                            *counted.entry(*p).or_default() += 1;
                        }
                    }
                }
            } else if !support && exists {
                rows.remove(&(user, proposal));
                *given.entry(proposal).or_default() -= 1;
                match on_withdraw(minimum, before) {
                    CountChange::None => {}
                    CountChange::This => *counted.entry(proposal).or_default() -= 1,
                    CountChange::All => {
                        *counted.entry(proposal).or_default() -= 1;
                        for (_, p) in rows.iter().filter(|(u, _)| *u == user) {
                            *counted.entry(*p).or_default() -= 1;
                        }
                    }
                }
            }
            for p in 0..8u8 {
                let all = rows.iter().filter(|(_, q)| *q == p).count() as i32;
                let live = rows.iter().filter(|(u, q)| *q == p && counts(minimum, tally(&rows, *u))).count() as i32;
                assert_eq!(given.get(&p).copied().unwrap_or(0), all, "given of {p}");
                assert_eq!(counted.get(&p).copied().unwrap_or(0), live, "counted of {p}");
                assert!(live <= all);
            }
        }
    }

    /// The log entries of the effective operations of `ops` (a support
    /// given twice or withdrawn without one is no event), each user's
    /// pseudonym standing for them; the rows they leave.
    fn logged(ops: &[(bool, u8, u8)]) -> (Vec<crate::transparency::ParsedEntry>, BTreeSet<(u8, u8)>) {
        use crate::transparency::{parse_entry, support_entry, SupportEvent, SupportLeaf};
        let mut rows = BTreeSet::new();
        let mut entries = Vec::new();
        for (at, &(support, user, proposal)) in ops.iter().enumerate() {
            let event = match (support, rows.contains(&(user, proposal))) {
                (true, false) => SupportEvent::Given,
                (true, true) => SupportEvent::Confirmed,
                (false, true) => SupportEvent::Withdrawn,
                (false, false) => continue,
            };
            if event == SupportEvent::Given {
                rows.insert((user, proposal));
            } else if event == SupportEvent::Withdrawn {
                rows.remove(&(user, proposal));
            }
            let bytes = support_entry(&SupportLeaf {
                proposal_id: &format!("p{proposal}"),
                space_id: "s",
                event,
                supporter: &format!("u{user}"),
                version: 1,
                created_at: &format!("t{at:04}"),
            })
            .unwrap();
            entries.push(parse_entry(&bytes).unwrap());
        }
        (entries, rows)
    }

    #[test]
    fn the_log_tells_when_the_threshold_was_reached() {
        // Minimum 2: u1's first support waits for their second; the
        // threshold of 2 is reached when u2's support makes p0's second.
        let ops = [(true, 1, 0), (true, 2, 0), (true, 2, 1), (true, 1, 1), (false, 1, 1)];
        let (entries, _) = logged(&ops);
        let counts = recount_from_log(&entries, 2, 2).unwrap();
        assert_eq!(counts["p0"], ReplayedSupports { given: 2, counted: 1, reached_at: Some("t0003".into()) });
        assert_eq!(counts["p1"], ReplayedSupports { given: 1, counted: 1, reached_at: Some("t0003".into()) });
        // A withdrawal the log never saw given is refused, by position.
        let (mut bad, _) = logged(&[(true, 1, 0), (false, 1, 0)]);
        bad.remove(0);
        assert_eq!(recount_from_log(&bad, 0, 0), Err(0));
    }

    proptest! {
        #[test]
        fn the_log_recounts_what_the_rows_hold(
            minimum in 0i32..5,
            ops in proptest::collection::vec((any::<bool>(), 0u8..4, 0u8..8), 0..80),
        ) {
            let (entries, rows) = logged(&ops);
            let recounted = recount_from_log(&entries, minimum, 0).unwrap();
            let tally = |user: u8| rows.iter().filter(|(u, _)| *u == user).count() as i32;
            for p in 0..8u8 {
                let all = rows.iter().filter(|(_, q)| *q == p).count() as i32;
                let live = rows.iter().filter(|(u, q)| *q == p && counts(minimum, tally(*u))).count() as i32;
                let found = recounted.get(&format!("p{p}")).cloned().unwrap_or_default();
                prop_assert_eq!((found.given, found.counted), (all, live), "proposal {}", p);
            }
        }

        #[test]
        fn counters_always_equal_a_recount(
            minimum in 0i32..5,
            ops in proptest::collection::vec((any::<bool>(), 0u8..4, 0u8..8), 0..80),
        ) {
            replay(minimum, &ops);
        }
    }
}
