//! Staff decisions on amendments on both backends, below HTTP: who decides,
//! on which proposals, what an acceptance writes (a version, a co-author,
//! an audit entry) and what it does not (a version identical to the
//! current one, anything at all on a conflict).

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::amendment::{AmendmentState, Mergeability};
use emenda_domain::audit::AuditAction;
use emenda_domain::listing::QueueSort;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::space::{AmendmentsVisibility, SpaceSettings};
use emenda_domain::DomainError;
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::ProposalKey;
use emenda_service::ServiceError;
use emenda_staff::decisions::{Acceptance, AmendmentQueue};
use emenda_store::testing::{record_queries, touches_table, watch_queries};
use emenda_store::HasStore;
use emenda_store::{backend_tests, proposals as proposal_rows, Backend};
use emenda_test_support::{code, field_codes, Moderation, World};

const TITLE: &str = "Alberi nel viale della stazione";
const OTHER_COST: &str = "Piantare alberi lungo il viale della stazione.\n\nCosto previsto: 60.000 euro.";

/// The queue of amendments waiting, oldest first, of one space or all.
fn queue(space: Option<&str>) -> AmendmentQueue<'_> {
    AmendmentQueue { space, proposal: None, state: AmendmentState::Evaluating, sort: QueueSort::Oldest }
}

fn author_edit(base_version: i32, body: &str) -> ProposalEdit {
    ProposalEdit { title: TITLE.into(), body: body.into(), summary: None, base_version }
}

fn accepting_on_a_closed_proposal_is_refused(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");

    // Through the services a closing proposal takes its open amendments
    // with it, so they are already decided.
    let withdrawn = w.publish(&author, &space, TITLE).id;
    let closed_with_it = w.amend(&amender, withdrawn, 1, OTHER_COST).unwrap().summary.id;
    w.proposals.withdraw(&author, &ProposalKey::Id(withdrawn)).unwrap();
    assert_eq!(code(m.decisions.accept(&staff, closed_with_it, &Acceptance::default())), "amendment_decided");

    // The decision still checks the proposal itself: a proposal closed
    // under an amendment left open (by a writer that skipped the services)
    // takes no more versions.
    for closed in [ProposalState::Accepted, ProposalState::Rejected, ProposalState::Withdrawn] {
        let id = w.publish(&author, &space, TITLE).id;
        let amendment = w.amend(&amender, id, 1, OTHER_COST).unwrap().summary.id;
        let now = w.ctx.clock.now();
        w.ctx.store().write(|tx| proposal_rows::change_state(tx, id, &ProposalState::OPEN, closed, now)).unwrap();
        assert_eq!(code(m.decisions.accept(&staff, amendment, &Acceptance::default())), "proposal_closed", "{closed}");
        assert_eq!(w.versions(id).len(), 1);
        let still = w.amendments.get(amendment, None).unwrap().summary;
        assert_eq!((still.state, still.resulting_version), (AmendmentState::Evaluating, None));
    }
}

fn an_acceptance_that_changes_nothing_adds_no_version(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, id, 1, OTHER_COST).unwrap().summary.id;
    // The author makes the very change the amendment asks for.
    w.proposals.edit(&author, &ProposalKey::Id(id), &author_edit(1, OTHER_COST)).unwrap();
    let preview = w.amendments.get(amendment, Some(&staff)).unwrap();
    assert_eq!(preview.mergeability, Some(Mergeability::Clean));

    let accepted = m.decisions.accept(&staff, amendment, &Acceptance::default()).unwrap();
    assert!(accepted.version.is_none(), "no version identical to the current one");
    assert_eq!(accepted.amendment.state, AmendmentState::Accepted);
    assert_eq!(accepted.amendment.resulting_version, Some(2), "the current version");
    assert_eq!(w.versions(id).len(), 2);
    let view = w.proposal(id);
    assert_eq!(view.current_version, 2);
    assert!(view.authors.iter().any(|a| a.user_id == amender.user_id && a.kind == "coauthor"));
    let entry = w.audit_of(amendment).pop().unwrap();
    assert_eq!((entry.action, entry.details["version"].as_i64()), (AuditAction::AmendmentAccepted, Some(2)));

    // Staff sending back the current text is the same case.
    let second = w.amend(&w.participant("altra"), id, 2, "Un testo diverso.\n\nCon due paragrafi.").unwrap();
    let current = Acceptance { title: None, body: Some(OTHER_COST.into()), note: Some("Resta com'è".into()) };
    let accepted = m.decisions.accept(&staff, second.summary.id, &current).unwrap();
    assert_eq!((accepted.version.is_none(), accepted.amendment.resulting_version), (true, Some(2)));
    assert_eq!(accepted.amendment.decision_reason.as_deref(), Some("Resta com'è"));
}

/// The lock path loads each row once: the proposal's space and row are
/// located, locked and read, and the acceptance advances the version,
/// each in one statement: three on the proposals table in all, on both
/// backends (before the one write path, about eight, five of them on
/// the same proposal).
fn a_decision_reads_and_writes_its_proposal_in_three_statements(backend: Backend) {
    watch_queries();
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let id = w.publish(&w.participant("autrice"), &space, TITLE).id;
    let amendment = w.amend(&w.participant("emendatore"), id, 1, OTHER_COST).unwrap().summary.id;
    let (accepted, statements) = record_queries(|| m.decisions.accept(&staff, amendment, &Acceptance::default()));
    assert_eq!(accepted.unwrap().amendment.resulting_version, Some(2));
    let on_proposals: Vec<&String> = statements.iter().filter(|s| touches_table(s, "proposals")).collect();
    assert!(on_proposals.len() <= 3, "{} statements on proposals: {on_proposals:#?}", on_proposals.len());
    assert!(!statements.is_empty(), "the recorder saw the decision");
}

fn acceptance_writes_the_amenders_version_and_makes_a_coauthor(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, id, 1, OTHER_COST).unwrap().summary.id;
    let accepted = m.decisions.accept(&staff, amendment, &Acceptance::default()).unwrap();
    let version = accepted.version.unwrap();
    let body = w.versions(id)[1].body.clone();
    assert_eq!((version.number, version.kind, body.as_str()), (2, VersionKind::Amendment, OTHER_COST));
    assert_eq!((version.editor_id, version.amendment_id), (amender.user_id, Some(amendment)));
    assert_eq!(version.accepted_by, Some(staff.user_id));
    assert_eq!((version.rewritten_by, version.rewritten_by_nickname), (None, None), "the amender's text as it was");
    assert_eq!(accepted.amendment.resulting_version, Some(2));

    // The co-author now edits and withdraws like the creator.
    let key = ProposalKey::Id(id);
    let edited = w.proposals.edit(&amender, &key, &author_edit(2, "Il testo rivisto dal coautore.")).unwrap();
    assert_eq!(edited.current_version, 3);
    w.proposals.withdraw(&amender, &key).unwrap();
    assert_eq!(w.proposal(id).state, ProposalState::Withdrawn);
}

fn a_conflict_writes_nothing_until_staff_send_the_text(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, id, 1, OTHER_COST).unwrap().summary.id;
    let fifty = "Piantare alberi lungo il viale della stazione.\n\nCosto previsto: 50.000 euro.";
    w.proposals.edit(&author, &ProposalKey::Id(id), &author_edit(1, fifty)).unwrap();

    let refused = m.decisions.accept(&staff, amendment, &Acceptance::default()).unwrap_err();
    let ServiceError::Rule(DomainError::MergeConflict(open)) = refused else { panic!("{refused:?}") };
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].field, "body");
    assert_eq!(w.versions(id).len(), 2, "nothing written");
    assert_eq!(w.amendments.get(amendment, None).unwrap().summary.state, AmendmentState::Evaluating);

    let resolved = "Piantare alberi lungo il viale della stazione.\n\nCosto previsto: 55.000 euro.";
    let sent = Acceptance { body: Some(resolved.into()), ..Default::default() };
    let version = m.decisions.accept(&staff, amendment, &sent).unwrap().version.unwrap();
    let body = w.versions(id)[2].body.clone();
    assert_eq!((version.number, body.as_str()), (3, resolved));
    assert_eq!(version.rewritten_by, Some(staff.user_id), "a conflict resolved is text staff wrote");
}

/// Staff who, accepting an amendment, write a text of their own are
/// credited for it in the version (hashed with it); sending back the
/// amendment's text unchanged credits nobody but its author.
fn staff_who_rewrite_on_accepting_are_credited_in_the_version(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let (author, amender) = (w.participant("autrice"), w.participant("emendatore"));
    let unchanged = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, unchanged, 1, OTHER_COST).unwrap().summary.id;
    let same_text = Acceptance { body: Some(OTHER_COST.into()), title: Some(TITLE.into()), ..Default::default() };
    let version = m.decisions.accept(&staff, amendment, &same_text).unwrap().version.unwrap();
    assert_eq!(version.rewritten_by, None, "the amendment's own text, sent back");

    let rewritten = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, rewritten, 1, OTHER_COST).unwrap().summary.id;
    let own = "Piantare alberi lungo il viale della stazione, con irrigazione.\n\nCosto previsto: 60.000 euro.";
    let sent = Acceptance { body: Some(own.into()), ..Default::default() };
    let version = m.decisions.accept(&staff, amendment, &sent).unwrap().version.unwrap();
    assert_eq!((version.editor_id, version.amendment_id), (amender.user_id, Some(amendment)), "the amender stays");
    assert_eq!(version.rewritten_by, Some(staff.user_id));
    assert_eq!(version.rewritten_by_nickname.as_deref(), Some("funzionaria"));
    let history = emenda_participation::versions::HistoryService::new(w.ctx.clone());
    let listed = history.list(&ProposalKey::Id(rewritten), None, 0, 10).unwrap();
    assert_eq!(listed[1].rewritten_by_nickname.as_deref(), Some("funzionaria"), "the history lists the credit");
    assert!(history.verify(&ProposalKey::Id(rewritten), None).unwrap().valid, "the credit is in the hash");
}

fn only_other_staff_of_the_space_decide(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let open = w.space("aperto", SpaceSettings::default());
    let restricted = w.space(
        "riservato",
        SpaceSettings { amendments_visibility: AmendmentsVisibility::Participants, ..Default::default() },
    );
    let elsewhere = w.space("altrove", SpaceSettings::default());
    let other_staff = w.staff_of("estraneo", &elsewhere);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let mut amendments = Vec::new();
    for space in [&open, &restricted] {
        let id = w.publish(&author, space, TITLE).id;
        amendments.push(w.amend(&amender, id, 1, OTHER_COST).unwrap().summary.id);
    }
    // Where amendments are public, staff of another space are refused;
    // where they are for participants only, the amendment does not exist.
    assert_eq!(code(m.decisions.accept(&other_staff, amendments[0], &Acceptance::default())), "staff_only");
    assert_eq!(code(m.decisions.reject(&other_staff, amendments[0], "Non è mio")), "staff_only");
    assert_eq!(code(m.decisions.accept(&other_staff, amendments[1], &Acceptance::default())), "not_found");
    assert_eq!(code(m.decisions.reject(&other_staff, amendments[1], "Non è mio")), "not_found");
    assert_eq!(code(m.decisions.accept(&author, amendments[0], &Acceptance::default())), "staff_only");
    assert_eq!(code(m.decisions.queue(&other_staff, &queue(Some(&open.slug)), None, 10)), "staff_only");
    assert!(m.decisions.queue(&other_staff, &queue(None), None, 10).unwrap().is_empty());

    // Staff who asked for an amendment themselves never decide it.
    let staff = w.staff_of("funzionaria", &open);
    let id = w.publish(&author, &open, "Panchine nel parco giochi").id;
    let own = w.amend(&staff, id, 1, OTHER_COST).unwrap().summary.id;
    assert_eq!(code(m.decisions.accept(&staff, own, &Acceptance::default())), "own_amendment");
    assert_eq!(code(m.decisions.reject(&staff, own, "Ci ho ripensato")), "own_amendment");
    for amendment in [amendments[0], amendments[1], own] {
        assert_eq!(w.amendments.get(amendment, Some(&w.admin)).unwrap().summary.state, AmendmentState::Evaluating);
    }
    assert_eq!(m.decisions.queue(&staff, &queue(None), None, 10).unwrap().len(), 2);
}

fn rejections_give_a_public_reason_and_decisions_happen_once(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, id, 1, OTHER_COST).unwrap().summary.id;
    assert_eq!(field_codes(m.decisions.reject(&staff, amendment, "  \n ")), [("reason".to_owned(), "required")]);
    let rejected = m.decisions.reject(&staff, amendment, "Il bilancio non lo consente").unwrap();
    assert_eq!(rejected.state, AmendmentState::Rejected);
    assert_eq!(rejected.decision_reason.as_deref(), Some("Il bilancio non lo consente"));
    assert_eq!(code(m.decisions.reject(&staff, amendment, "Ancora no")), "amendment_decided");
    assert_eq!(code(m.decisions.accept(&staff, amendment, &Acceptance::default())), "amendment_decided");
    let entry = w.audit_of(amendment).pop().unwrap();
    assert_eq!(entry.action, AuditAction::AmendmentRejected);
    assert_eq!(entry.details["reason"], "Il bilancio non lo consente");

    let withdrawn = w.amend(&amender, id, 1, "Un testo diverso.\n\nCon due paragrafi.").unwrap().summary.id;
    w.amendments.withdraw(&amender, withdrawn).unwrap();
    assert_eq!(code(m.decisions.accept(&staff, withdrawn, &Acceptance::default())), "amendment_withdrawn");
    assert_eq!(code(m.decisions.reject(&staff, withdrawn, "Troppo tardi")), "amendment_withdrawn");
    assert_eq!(w.versions(id).len(), 1);
}

backend_tests!(
    staff_who_rewrite_on_accepting_are_credited_in_the_version,
    a_decision_reads_and_writes_its_proposal_in_three_statements,
    accepting_on_a_closed_proposal_is_refused,
    an_acceptance_that_changes_nothing_adds_no_version,
    acceptance_writes_the_amenders_version_and_makes_a_coauthor,
    a_conflict_writes_nothing_until_staff_send_the_text,
    only_other_staff_of_the_space_decide,
    rejections_give_a_public_reason_and_decisions_happen_once,
);
