//! Official answers on both backends, below HTTP: who answers, which states
//! an answer sets, that answers are appended (the latest in force), that a
//! withdrawn proposal takes none, and that a final answer closes the open
//! amendments for good.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::AuditAction;
use emenda_domain::proposal::ProposalState;
use emenda_domain::space::SpaceSettings;
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::ProposalKey;
use emenda_store::{backend_tests, Backend};
use emenda_test_support::{code, field_codes, Moderation, World};

const TITLE: &str = "Alberi nel viale della stazione";
const OTHER: &str = "Piantare querce lungo il viale della stazione.";

fn only_staff_of_the_space_answer(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let elsewhere = w.space("altrove", SpaceSettings::default());
    let author = w.participant("autrice");
    let id = ProposalKey::Id(w.publish(&author, &space, TITLE).id);
    for outsider in [&author, &w.staff_of("estraneo", &elsewhere)] {
        assert_eq!(code(m.answers.answer(outsider, &id, ProposalState::Accepted, "Approvata.")), "staff_only");
    }
    let staff = w.staff_of("funzionaria", &space);
    let view = m.answers.answer(&staff, &id, ProposalState::Evaluating, "La stiamo valutando.").unwrap();
    assert_eq!(view.state, ProposalState::Evaluating);
    assert_eq!(view.answer.unwrap().staff_id, staff.user_id);
    // Global staff and admins answer everywhere.
    let global = emenda_test_support::person(
        &w.ctx,
        "globale",
        &[emenda_domain::policy::RoleGrant { role: emenda_domain::policy::Role::Staff, space_id: None }],
    );
    m.answers.answer(&global, &id, ProposalState::Accepted, "Approvata.").unwrap();
    m.answers.answer(&w.admin, &id, ProposalState::Rejected, "Respinta dopo il riesame.").unwrap();
}

fn answers_set_a_state_with_a_text(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let id = ProposalKey::Id(w.publish(&w.participant("autrice"), &space, TITLE).id);
    for state in [ProposalState::Published, ProposalState::Withdrawn] {
        assert_eq!(
            field_codes(m.answers.answer(&staff, &id, state, "Testo.")),
            [("state".to_owned(), "invalid_choice")]
        );
    }
    assert_eq!(
        field_codes(m.answers.answer(&staff, &id, ProposalState::Accepted, " ")),
        [("answer".to_owned(), "required")]
    );
    assert!(answers_of(&w, &id).is_empty(), "nothing was answered");
}

fn answers_are_appended_and_the_latest_is_in_force(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let proposal = w.publish(&author, &space, TITLE).id;
    let id = ProposalKey::Id(proposal);
    m.answers.answer(&staff, &id, ProposalState::Evaluating, "La stiamo valutando.").unwrap();
    // Once answered, the text is frozen for its authors.
    let edit = ProposalEdit { title: TITLE.into(), body: OTHER.into(), summary: None, base_version: 1 };
    assert_eq!(code(w.proposals.edit(&author, &id, &edit)), "proposal_answered");
    m.answers.answer(&staff, &id, ProposalState::Rejected, "Respinta.").unwrap();
    let view = m.answers.answer(&staff, &id, ProposalState::Accepted, "Approvata dopo il riesame.").unwrap();
    assert_eq!(view.state, ProposalState::Accepted);
    assert_eq!(view.answer.unwrap().answer, "Approvata dopo il riesame.");
    let all: Vec<_> = answers_of(&w, &id).into_iter().map(|a| (a.state, a.answer)).collect();
    assert_eq!(
        all,
        [
            (ProposalState::Accepted, "Approvata dopo il riesame.".to_owned()),
            (ProposalState::Rejected, "Respinta.".to_owned()),
            (ProposalState::Evaluating, "La stiamo valutando.".to_owned()),
        ],
        "newest first, none lost"
    );
    assert_eq!(w.actions_on(proposal).iter().filter(|a| **a == AuditAction::ProposalAnswered).count(), 3);
    assert_eq!(code(w.proposals.withdraw(&author, &id)), "proposal_answered");
}

fn a_withdrawn_proposal_takes_no_answer(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let id = ProposalKey::Id(w.publish(&author, &space, TITLE).id);
    w.proposals.withdraw(&author, &id).unwrap();
    assert_eq!(code(m.answers.answer(&staff, &id, ProposalState::Accepted, "Approvata.")), "proposal_withdrawn");
    assert!(answers_of(&w, &id).is_empty());
}

fn a_final_answer_closes_open_amendments_for_good(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let proposal = w.publish(&author, &space, TITLE).id;
    let id = ProposalKey::Id(proposal);
    let amendment = w.amend(&amender, proposal, 1, OTHER).unwrap().summary.id;
    // Evaluating keeps the proposal open to amendments.
    m.answers.answer(&staff, &id, ProposalState::Evaluating, "La stiamo valutando.").unwrap();
    assert_eq!(w.amendments.get(amendment, None).unwrap().summary.state, AmendmentState::Evaluating);
    m.answers.answer(&staff, &id, ProposalState::Accepted, "Approvata.").unwrap();
    let closed = w.amendments.get(amendment, None).unwrap().summary;
    assert_eq!(closed.state, AmendmentState::Rejected);
    assert_eq!(closed.decision_reason.as_deref(), Some("proposal answered"));
    assert!(closed.closed_by_proposal);
    // Nobody judged it on its merits: it cannot become a proposal.
    assert_eq!(code(w.amendments.promote(&amender, amendment)), "amendment_closed_with_proposal");
    // Revising the answer back to evaluating does not reopen it.
    m.answers.answer(&staff, &id, ProposalState::Evaluating, "Riesame.").unwrap();
    assert_eq!(w.amendments.get(amendment, None).unwrap().summary.state, AmendmentState::Rejected);
    assert_eq!(w.actions_on(amendment), [AuditAction::AmendmentCreated, AuditAction::AmendmentRejected]);
}

/// Every answer of a proposal, newest first, as anyone reads them.
fn answers_of(w: &World, key: &ProposalKey) -> Vec<emenda_participation::views::Answer> {
    w.proposals.answers(key, None).unwrap()
}

backend_tests!(
    only_staff_of_the_space_answer,
    answers_set_a_state_with_a_text,
    answers_are_appended_and_the_latest_is_in_force,
    a_withdrawn_proposal_takes_no_answer,
    a_final_answer_closes_open_amendments_for_good,
);
