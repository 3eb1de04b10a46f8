//! The proposal service's rules on both backends, below HTTP: who may edit
//! and withdraw, what an edit must name and change, and the edit ×
//! withdraw race at service level (a second line to `tests/tests/e2e/races.rs`).

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::AuditAction;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::space::SpaceSettings;
use emenda_domain::DomainError;
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::ProposalKey;
use emenda_service::ServiceError;
use emenda_store::HasStore;
use emenda_store::{backend_tests, proposals as proposal_rows, Backend};
use emenda_test_support::{code, field_codes, race, World, BODY};

fn edit(base_version: i32, body: &str) -> ProposalEdit {
    ProposalEdit {
        title: "Alberi nel viale della stazione".into(),
        body: body.into(),
        summary: Some("Più chiaro".into()),
        base_version,
    }
}

const TITLE: &str = "Alberi nel viale della stazione";

fn coauthors_edit_and_withdraw(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let creator = w.participant("creatrice");
    let coauthor = w.participant("coautore");
    let id = w.publish(&creator, &space, TITLE).id;
    // An accepted amendment makes its author a co-author (decisions.rs
    // shows the whole path); here the proposal service's side only.
    let now = w.ctx.clock.now();
    w.ctx.store().write(|tx| proposal_rows::add_author(tx, id, coauthor.user_id, "coauthor", now)).unwrap();

    let edited =
        w.proposals.edit(&coauthor, &ProposalKey::Id(id), &edit(1, "Un testo riscritto dal coautore.")).unwrap();
    assert_eq!(edited.current_version, 2);
    let version = &w.versions(id)[1];
    assert_eq!(version.editor_id, coauthor.user_id);
    assert_eq!(edited.current_version_kind, VersionKind::Edited);
    assert_eq!(version.summary.as_deref(), Some("Più chiaro"));

    let withdrawn = w.proposals.withdraw(&coauthor, &ProposalKey::Id(id)).unwrap();
    assert_eq!(withdrawn.state, ProposalState::Withdrawn);
    assert_eq!(
        w.actions_on(id),
        [AuditAction::ProposalCreated, AuditAction::ProposalEdited, AuditAction::ProposalWithdrawn]
    );
}

fn staff_who_are_not_authors_neither_edit_nor_withdraw(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let staff = w.staff_of("funzionario", &space);
    let proposal = w.publish(&author, &space, TITLE).id;
    let id = ProposalKey::Id(proposal);
    for outsider in [&staff, &w.admin, &w.participant("vicino")] {
        assert_eq!(code(w.proposals.edit(outsider, &id, &edit(1, "Un testo che non è suo."))), "not_author");
        assert_eq!(code(w.proposals.withdraw(outsider, &id)), "not_author");
    }
    let view = w.proposal(proposal);
    assert_eq!((view.state, view.current_version), (ProposalState::Published, 1));
}

fn an_edit_that_changes_nothing_is_unchanged(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let id = w.publish(&author, &space, TITLE).id;
    let same = edit(1, BODY);
    assert_eq!(field_codes(w.proposals.edit(&author, &ProposalKey::Id(id), &same)), [("body".to_owned(), "unchanged")]);
    assert_eq!(w.versions(id).len(), 1, "no version was written");
}

fn edits_name_an_existing_current_base(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let id = ProposalKey::Id(w.publish(&author, &space, TITLE).id);
    w.proposals.edit(&author, &id, &edit(1, "Seconda stesura del testo.")).unwrap();
    for beyond in [3, 99, 0, -1] {
        assert_eq!(
            field_codes(w.proposals.edit(&author, &id, &edit(beyond, "Terza stesura del testo."))),
            [("base_version".to_owned(), "unknown_version")],
            "base {beyond}"
        );
    }
    let stale = w.proposals.edit(&author, &id, &edit(1, "Terza stesura del testo.")).unwrap_err();
    assert!(matches!(stale, ServiceError::Rule(DomainError::StaleVersion { current: 2 })), "{stale:?}");
    assert_eq!(w.proposals.edit(&author, &id, &edit(2, "Terza stesura del testo.")).unwrap().current_version, 3);
}

fn edits_and_withdrawals_follow_the_state(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let evaluated = w.publish(&author, &space, TITLE).id;
    let now = w.ctx.clock.now();
    w.ctx
        .store()
        .write(|tx| proposal_rows::change_state(tx, evaluated, &ProposalState::OPEN, ProposalState::Evaluating, now))
        .unwrap();
    let key = ProposalKey::Id(evaluated);
    assert_eq!(code(w.proposals.edit(&author, &key, &edit(1, "Un testo dopo la risposta."))), "proposal_answered");
    // Withdrawing stays possible while staff evaluate.
    w.proposals.withdraw(&author, &key).unwrap();
    assert_eq!(code(w.proposals.withdraw(&author, &key)), "proposal_withdrawn");
    assert_eq!(code(w.proposals.edit(&author, &key, &edit(1, "Un testo dopo il ritiro."))), "proposal_withdrawn");
    assert_eq!(w.versions(evaluated).len(), 1);
}

fn withdrawing_rejects_the_open_amendments(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let open = w.amend(&amender, id, 1, "Piantare querce lungo il viale.").unwrap().summary.id;
    w.proposals.withdraw(&author, &ProposalKey::Id(id)).unwrap();
    let closed = w.amendments.get(open, Some(&amender)).unwrap().summary;
    assert_eq!(closed.state, AmendmentState::Rejected);
    assert_eq!(closed.decision_reason.as_deref(), Some("proposal withdrawn"));
    assert!(closed.closed_by_proposal);
    assert_eq!(w.actions_on(open), [AuditAction::AmendmentCreated, AuditAction::AmendmentRejected]);
}

fn publishing_follows_the_space(backend: Backend) {
    let w = World::new(backend);
    let closed = w.space("chiuso", SpaceSettings { proposals_open: false, ..Default::default() });
    let strict = w.space("rigoroso", SpaceSettings { verification_required_to_propose: true, ..Default::default() });
    let person = w.participant("cittadina");
    assert_eq!(code(w.proposals.create(&person, &closed.slug, TITLE, BODY)), "proposals_closed");
    assert_eq!(code(w.proposals.create(&person, &strict.slug, TITLE, BODY)), "verification_required");
    let verified = emenda_domain::policy::Actor { verified: true, ..person };
    let view = w.proposals.create(&verified, &strict.slug, TITLE, BODY).unwrap();
    assert_eq!(view.reference, w.proposal(view.id).reference);
    assert!(view.reference.starts_with("TST-PROP-"), "{}", view.reference);
    assert!(view.reference.ends_with("-1"), "the failed publications used no number");
}

/// How many times the edit × withdraw pair is raced.
const ROUNDS: usize = 12;

fn edit_and_withdraw_never_leave_an_edit_after_the_withdrawal(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    for round in 0..ROUNDS {
        let id = w.publish(&author, &space, &format!("Proposta contesa numero {round}")).id;
        let key = ProposalKey::Id(id);
        let (edited, withdrawn) = race(
            || w.proposals.edit(&author, &key, &edit(1, "Il testo modificato dall'autrice.")),
            || w.proposals.withdraw(&author, &key),
        );
        withdrawn.unwrap();
        let versions = w.versions(id);
        match edited {
            // The edit came first: its version is there, before the withdrawal.
            Ok(view) => {
                assert_eq!(view.current_version, 2);
                assert_eq!(versions.len(), 2);
                assert_eq!(w.actions_on(id).last(), Some(&AuditAction::ProposalWithdrawn));
            }
            // The withdrawal came first: the edit saw it.
            Err(error) => {
                assert_eq!(code::<()>(Err(error)), "proposal_withdrawn", "round {round}");
                assert_eq!(versions.len(), 1, "round {round}: no version after the withdrawal");
            }
        }
        assert_eq!(w.proposal(id).state, ProposalState::Withdrawn);
    }
}

backend_tests!(
    coauthors_edit_and_withdraw,
    staff_who_are_not_authors_neither_edit_nor_withdraw,
    an_edit_that_changes_nothing_is_unchanged,
    edits_name_an_existing_current_base,
    edits_and_withdrawals_follow_the_state,
    withdrawing_rejects_the_open_amendments,
    publishing_follows_the_space,
    edit_and_withdraw_never_leave_an_edit_after_the_withdrawal,
);
