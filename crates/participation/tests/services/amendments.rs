//! The amendment service's rules on both backends, below HTTP: what a
//! request must name and change, one open amendment per participant under
//! racing requests, visibility in a `participants` space, withdrawal,
//! promotion and its audit trail, and the amend × withdraw race.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::AuditAction;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::space::{AmendmentsVisibility, SettingsPatch, SpaceSettings};
use emenda_participation::amendments::AmendmentRequest;
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::spaces::SpaceChange;
use emenda_participation::ProposalKey;
use emenda_store::HasStore;
use emenda_store::{amendments as amendment_rows, backend_tests, Backend};
use emenda_test_support::{code, field_codes, race, World, BODY, WHY};
use std::sync::Barrier;
use uuid::Uuid;

const TITLE: &str = "Alberi nel viale della stazione";

/// Rejects an amendment the way staff would (the decision service lives in
/// the moderation crate; its own tests cover it), straight in the store.
fn reject_in_store(w: &World, amendment: Uuid, staff: Uuid) {
    let now = w.ctx.clock.now();
    let decided = w
        .ctx
        .store()
        .write(|tx| amendment_rows::decide(tx, amendment, AmendmentState::Rejected, staff, Some("Non pertinente"), now))
        .unwrap();
    assert!(decided);
}

fn requests_name_an_existing_base_and_change_something(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    for beyond in [2, 0] {
        assert_eq!(
            field_codes(w.amend(&amender, id, beyond, "Piantare querce lungo il viale.")),
            [("base_version".to_owned(), "unknown_version")],
            "base {beyond}"
        );
    }
    assert_eq!(field_codes(w.amend(&amender, id, 1, BODY)), [("body".to_owned(), "unchanged")]);
    // Against an older base, "unchanged" means unchanged from that base.
    w.proposals
        .edit(
            &author,
            &ProposalKey::Id(id),
            &ProposalEdit {
                title: TITLE.into(),
                body: "Un testo nuovo.\n\nCon due paragrafi.".into(),
                summary: None,
                base_version: 1,
            },
        )
        .unwrap();
    assert_eq!(field_codes(w.amend(&amender, id, 1, BODY)), [("body".to_owned(), "unchanged")]);
    let stale_base = w.amend(&amender, id, 1, "Piantare querce lungo il viale.").unwrap();
    assert_eq!((stale_base.summary.base_version, stale_base.current_version), (1, 2));
    assert!(w.amendments.list(&ProposalKey::Id(id), Some(&w.admin), None, None, 10).unwrap().len() == 1);
}

fn requests_need_an_open_proposal_and_space(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let withdrawn = w.publish(&author, &space, TITLE).id;
    w.proposals.withdraw(&author, &ProposalKey::Id(withdrawn)).unwrap();
    assert_eq!(code(w.amend(&amender, withdrawn, 1, "Piantare querce lungo il viale.")), "proposal_closed");

    let open = w.publish(&author, &space, "Panchine nel parco giochi").id;
    let close = SpaceChange {
        settings: Some(SettingsPatch { amendments_open: Some(false), ..Default::default() }),
        ..Default::default()
    };
    w.spaces.update(&w.admin, &space.slug, &close).unwrap();
    assert_eq!(code(w.amend(&amender, open, 1, "Piantare querce lungo il viale.")), "amendments_closed");
    let request =
        AmendmentRequest { title: TITLE.into(), body: "Testo".into(), rationale: "corta".into(), base_version: 1 };
    let fields = field_codes(w.amendments.create(&amender, &ProposalKey::Id(open), &request));
    assert!(fields.contains(&("rationale".to_owned(), "too_short")), "{fields:?}");
    assert!(fields.contains(&("body".to_owned(), "too_short")), "every invalid field at once: {fields:?}");
}

fn racing_requests_leave_exactly_one_open_amendment(backend: Backend) {
    const RACERS: usize = 8;
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let barrier = Barrier::new(RACERS);
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..RACERS)
            .map(|n| {
                let (w, amender, barrier) = (&w, &amender, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    w.amend(amender, id, 1, &format!("Piantare {n} querce lungo il viale."))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let winners = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(winners, 1, "{results:?}");
    for refused in results.into_iter().filter(Result::is_err) {
        assert_eq!(code(refused), "amendment_open_exists");
    }
    let open = w.amendments.list(&ProposalKey::Id(id), None, Some(AmendmentState::Evaluating), None, 100).unwrap();
    assert_eq!(open.len(), 1);
    // Once it is decided, the participant may ask again.
    reject_in_store(&w, open[0].id, w.admin.user_id);
    w.amend(&amender, id, 1, "Piantare tigli lungo il viale.").unwrap();
}

fn staff_of_another_space_do_not_see_participants_only_amendments(backend: Backend) {
    let w = World::new(backend);
    let settings = SpaceSettings { amendments_visibility: AmendmentsVisibility::Participants, ..Default::default() };
    let space = w.space("riservato", settings);
    let elsewhere = w.space("altrove", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let own_staff = w.staff_of("funzionaria", &space);
    let other_staff = w.staff_of("estraneo", &elsewhere);
    let stranger = w.participant("curioso");
    let id = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, id, 1, "Piantare querce lungo il viale.").unwrap().summary.id;
    let key = ProposalKey::Id(id);

    for reader in [Some(&amender), Some(&own_staff), Some(&w.admin)] {
        assert_eq!(w.amendments.get(amendment, reader).unwrap().summary.id, amendment);
        assert_eq!(w.amendments.list(&key, reader, None, None, 10).unwrap().len(), 1);
    }
    for reader in [Some(&other_staff), Some(&stranger), Some(&author), None] {
        assert_eq!(code(w.amendments.get(amendment, reader)), "not_found", "{reader:?}");
        assert!(w.amendments.list(&key, reader, None, None, 10).unwrap().is_empty(), "{reader:?}");
    }
    // Nor may they act on it: a hidden amendment does not exist for them.
    assert_eq!(code(w.amendments.withdraw(&other_staff, amendment)), "not_found");
    assert_eq!(code(w.amendments.promote(&other_staff, amendment)), "not_found");
}

fn only_its_author_withdraws_an_amendment_once(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let id = w.publish(&author, &space, TITLE).id;
    let amendment = w.amend(&amender, id, 1, "Piantare querce lungo il viale.").unwrap().summary.id;
    assert_eq!(code(w.amendments.withdraw(&author, amendment)), "not_amendment_author");
    assert_eq!(code(w.amendments.withdraw(&w.admin, amendment)), "not_amendment_author");
    let withdrawn = w.amendments.withdraw(&amender, amendment).unwrap();
    assert_eq!(withdrawn.summary.state, AmendmentState::Withdrawn);
    assert!(
        withdrawn.mergeability.is_none() && withdrawn.merged_preview.is_none(),
        "only amendments under evaluation are assessed"
    );
    assert_eq!(code(w.amendments.withdraw(&amender, amendment)), "amendment_withdrawn");
    assert_eq!(code(w.amendments.promote(&amender, amendment)), "amendment_not_rejected");
    assert_eq!(w.actions_on(amendment), [AuditAction::AmendmentCreated, AuditAction::AmendmentWithdrawn]);
}

fn promotion_is_audited_and_stays_in_the_space(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    w.space("altrove", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let original = w.publish(&author, &space, TITLE);
    let body = "Piantare querce lungo il viale, non tigli.";
    let amendment = w.amend(&amender, original.id, 1, body).unwrap().summary.id;
    assert_eq!(code(w.amendments.promote(&amender, amendment)), "amendment_not_rejected");
    reject_in_store(&w, amendment, w.admin.user_id);
    assert_eq!(code(w.amendments.promote(&author, amendment)), "not_amendment_author");

    let created = w.amendments.promote(&amender, amendment).unwrap();
    assert_eq!(created.space_id, space.id, "a promotion stays in the original's space");
    assert_eq!(created.space.slug, space.slug);
    assert_eq!(created.derived_from, Some(original.id));
    let creator = created.authors.iter().find(|a| a.kind == "creator").map(|a| a.user_id);
    assert_eq!(creator, Some(amender.user_id));
    assert_ne!(created.reference, original.reference);
    assert_eq!((created.state, created.current_version), (ProposalState::Published, 1));
    let first = &w.versions(created.id)[0];
    assert_eq!((created.current_version_kind, first.amendment_id), (VersionKind::Created, Some(amendment)));
    assert_eq!((created.title.as_str(), created.body.as_str()), (TITLE, body));

    let promotion = w.audit_of(amendment);
    let actions: Vec<_> = promotion.iter().map(|e| e.action).collect();
    assert_eq!(actions, [AuditAction::AmendmentCreated, AuditAction::AmendmentPromoted]);
    let entry = promotion.last().unwrap();
    assert_eq!((entry.actor_id, entry.space_id), (Some(amender.user_id), Some(space.id)));
    assert_eq!(entry.details["new_proposal_id"], created.id.to_string());
    assert_eq!(entry.details["proposal_id"], original.id.to_string());
    let publication = w.audit_of(created.id);
    assert_eq!(publication.len(), 1);
    assert_eq!(publication[0].action, AuditAction::ProposalCreated);
    assert_eq!(publication[0].space_id, Some(space.id));
    assert_eq!(publication[0].details["derived_from"], original.id.to_string());

    assert_eq!(code(w.amendments.promote(&amender, amendment)), "amendment_promoted");
    let stored = w.amendments.get(amendment, None).unwrap().summary;
    assert_eq!(stored.promoted_proposal_id, Some(created.id));
}

fn promotion_follows_the_spaces_publishing_rules(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    let original = w.publish(&author, &space, TITLE);
    let amendment = w.amend(&amender, original.id, 1, "Piantare querce lungo il viale.").unwrap().summary.id;
    reject_in_store(&w, amendment, w.admin.user_id);
    let close = SpaceChange {
        settings: Some(SettingsPatch { proposals_open: Some(false), ..Default::default() }),
        ..Default::default()
    };
    w.spaces.update(&w.admin, &space.slug, &close).unwrap();
    assert_eq!(code(w.amendments.promote(&amender, amendment)), "proposals_closed");
    let stored = w.amendments.get(amendment, None).unwrap().summary;
    assert_eq!(stored.promoted_proposal_id, None, "nothing of the refused promotion was kept");
    assert_eq!(w.actions_on(amendment), [AuditAction::AmendmentCreated]);
}

/// How many times the amend × withdraw pair is raced.
const ROUNDS: usize = 12;

fn amend_and_withdraw_leave_no_open_amendment(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("viali", SpaceSettings::default());
    let author = w.participant("autrice");
    let amender = w.participant("emendatore");
    for round in 0..ROUNDS {
        let id = w.publish(&author, &space, &format!("Proposta contesa numero {round}")).id;
        let request = AmendmentRequest {
            title: format!("Proposta contesa numero {round}"),
            body: "Piantare querce lungo il viale.".into(),
            rationale: WHY.into(),
            base_version: 1,
        };
        let (amended, withdrawn) = race(
            || w.amendments.create(&amender, &ProposalKey::Id(id), &request),
            || w.proposals.withdraw(&author, &ProposalKey::Id(id)),
        );
        withdrawn.unwrap();
        match amended {
            // Requested first: the withdrawal closed it.
            Ok(view) => {
                let closed = w.amendments.get(view.summary.id, None).unwrap().summary;
                assert_eq!(closed.state, AmendmentState::Rejected, "round {round}");
                assert!(closed.closed_by_proposal);
            }
            // Withdrawn first: the request saw it.
            Err(error) => assert_eq!(code::<()>(Err(error)), "proposal_closed", "round {round}"),
        }
        let open = w.amendments.list(&ProposalKey::Id(id), None, Some(AmendmentState::Evaluating), None, 10).unwrap();
        assert!(open.is_empty(), "round {round}: an open amendment on a withdrawn proposal");
    }
}

backend_tests!(
    requests_name_an_existing_base_and_change_something,
    requests_need_an_open_proposal_and_space,
    racing_requests_leave_exactly_one_open_amendment,
    staff_of_another_space_do_not_see_participants_only_amendments,
    only_its_author_withdraws_an_amendment_once,
    promotion_is_audited_and_stays_in_the_space,
    promotion_follows_the_spaces_publishing_rules,
    amend_and_withdraw_leave_no_open_amendment,
);
