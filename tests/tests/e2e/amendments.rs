//! Amendments and the moderation service that decides them, over HTTP on
//! both backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};
use std::sync::{Arc, Barrier};

const BODY: &str =
    "Proponiamo orti rialzati nel giardino.\n\nIl costo stimato è di 45.000 euro.\n\nLa gestione è affidata al Comune.";
const TITLE: &str = "Un giardino condiviso in via Fioravanti";

struct World {
    app: TestApp,
    admin: TestUser,
    staff: TestUser,
    author: TestUser,
    proposal: String,
}

fn world(backend: Backend, settings: Value) -> World {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let staff = app.participant("ufficio");
    let author = app.participant("autrice");
    app.space(&admin, "giardini", settings);
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", staff.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "giardini" })),
    )
    .expect(200);
    let created =
        app.post("/api/v1/spaces/giardini/proposals", Some(&author.token), json!({ "title": TITLE, "body": BODY }));
    let proposal = created.expect(201)["id"].as_str().unwrap().to_owned();
    World { app, admin, staff, author, proposal }
}

fn amend(w: &World, who: &TestUser, body: &str, base: i64) -> Reply {
    w.app.post(
        &format!("/api/v1/proposals/{}/amendments", w.proposal),
        Some(&who.token),
        json!({ "title": TITLE, "body": body, "rationale": "Rende la proposta più completa.", "base_version": base }),
    )
}

fn accept(w: &World, who: &TestUser, id: &str, body: Value) -> Reply {
    w.app.post(&format!("/api/v1/moderation/amendments/{id}/accept"), Some(&who.token), body)
}

fn id_of(reply: &Reply) -> String {
    reply.body["id"].as_str().unwrap().to_owned()
}

fn participant_to_staff_flow(backend: Backend) {
    let w = world(backend, json!({}));
    let amender = w.app.participant("emendatore");
    let changed = BODY.replace("orti rialzati", "orti rialzati accessibili");
    let created = amend(&w, &amender, &changed, 1);
    let amendment = created.expect(201).clone();
    let id = id_of(&created);
    assert_eq!(amendment["state"], "evaluating");
    assert_eq!(amendment["mergeability"], "up_to_date");
    assert!(amendment["diff"]["body"]["ops"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["op"] == "insert" && o["text"].as_str().unwrap().contains("accessibili")));
    assert_eq!(amendment["merged_preview"]["body"], changed.as_str());

    let queue = w.app.get("/api/v1/moderation/amendments?space=giardini", Some(&w.staff.token));
    assert_eq!(queue.expect(200)["items"][0]["id"], id.as_str());
    let listed = w.app.get(&format!("/api/v1/proposals/{}/amendments", w.proposal), None);
    assert_eq!(listed.expect(200)["items"].as_array().unwrap().len(), 1);

    let accepted = accept(&w, &w.staff, &id, json!({ "note": "Grazie del contributo" }));
    let body = accepted.expect(200);
    assert_eq!(body["amendment"]["state"], "accepted");
    assert_eq!(body["amendment"]["resulting_version"], 2);
    assert_eq!(body["amendment"]["decided_by"], w.staff.id.as_str());
    assert_eq!(body["version"]["kind"], "amendment");
    assert_eq!(body["version"]["editor_id"], amender.id.as_str());
    assert_eq!(body["version"]["accepted_by"], w.staff.id.as_str());
    assert_eq!(body["version"]["amendment_id"], id.as_str());

    let proposal = w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None);
    let proposal = proposal.expect(200);
    assert_eq!(proposal["body"], changed.as_str());
    assert_eq!(proposal["current_version"], 2);
    let authors: Vec<(&str, &str)> = proposal["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["nickname"].as_str().unwrap(), a["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(authors, [("autrice", "creator"), ("emendatore", "coauthor")]);
    assert_eq!(proposal["amendments"], json!({ "evaluating": 0, "accepted": 1, "rejected": 0, "withdrawn": 0 }));
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{}/history/verify", w.proposal), None).expect(200)["valid"], true);
    let audit = w.app.get("/api/v1/audit?space=giardini", None);
    let actions: Vec<&str> =
        audit.expect(200)["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions[..2], ["amendment.accepted", "amendment.created"]);
    assert!(w.app.get("/api/v1/moderation/amendments?space=giardini", Some(&w.staff.token)).expect(200)["items"]
        .as_array()
        .unwrap()
        .is_empty());
}

fn stale_but_clean_amendments_keep_both_changes(backend: Backend) {
    let w = world(backend, json!({}));
    let first = w.app.participant("prima");
    let second = w.app.participant("seconda");
    let a = amend(&w, &first, &BODY.replace("orti rialzati", "orti rialzati accessibili"), 1);
    let b = amend(&w, &second, &BODY.replace("affidata al Comune", "affidata a un patto di collaborazione"), 1);
    let (a, b) = (id_of(&a), id_of(&b));
    accept(&w, &w.staff, &a, json!({})).expect(200);
    let stale = w.app.get(&format!("/api/v1/amendments/{b}"), None);
    let stale = stale.expect(200);
    assert_eq!(stale["mergeability"], "clean");
    assert_eq!(stale["current_version"], 2);
    let both = "Proponiamo orti rialzati accessibili nel giardino.\n\nIl costo stimato è di 45.000 euro.\n\nLa gestione è affidata a un patto di collaborazione.";
    assert_eq!(stale["merged_preview"]["body"], both);
    let accepted = accept(&w, &w.staff, &b, json!({}));
    assert_eq!(accepted.expect(200)["version"]["number"], 3);
    let version = w.app.get(&format!("/api/v1/proposals/{}/versions/3", w.proposal), None);
    assert_eq!(version.expect(200)["body"], both, "the second acceptance must not undo the first");
}

fn conflicting_amendments_need_a_final_text(backend: Backend) {
    let w = world(backend, json!({}));
    let first = w.app.participant("prima");
    let second = w.app.participant("seconda");
    let a = id_of(&amend(&w, &first, &BODY.replace("45.000", "50.000"), 1));
    let b = id_of(&amend(&w, &second, &BODY.replace("45.000", "60.000"), 1));
    accept(&w, &w.staff, &a, json!({})).expect(200);
    let preview = w.app.get(&format!("/api/v1/amendments/{b}"), None);
    assert_eq!(preview.expect(200)["mergeability"], "conflict");
    assert_eq!(preview.body["merged_preview"]["body"], Value::Null);
    let refused = accept(&w, &w.staff, &b, json!({}));
    let problem = refused.expect_problem(409, "merge_conflict");
    let conflict = &problem["conflicts"][0];
    assert_eq!((conflict["field"].as_str(), conflict["base"].as_str()), (Some("body"), Some("45.000")));
    assert_eq!((conflict["current"].as_str(), conflict["proposed"].as_str()), (Some("50.000"), Some("60.000")));
    // Positions count Unicode characters, not bytes.
    let (start, end) =
        (conflict["base_start"].as_u64().unwrap() as usize, conflict["base_end"].as_u64().unwrap() as usize);
    assert_eq!(BODY.chars().skip(start).take(end - start).collect::<String>(), "45.000");
    // The preview's segments rebuild the whole text once each conflict's
    // side is chosen: taking the proposed side gives the amendment's text.
    let segments = preview.body["merged_preview"]["body_segments"].as_array().unwrap();
    assert_eq!(segments.iter().filter(|s| s["kind"] == "conflict").count(), 1);
    let pick = |side: &str| -> String {
        segments
            .iter()
            .map(|s| if s["kind"] == "agreed" { s["text"].as_str().unwrap() } else { s[side].as_str().unwrap() })
            .collect()
    };
    assert_eq!(pick("proposed"), BODY.replace("45.000", "60.000"));
    assert_eq!(pick("current"), BODY.replace("45.000", "50.000"));
    // Nothing changed: still evaluating, still version 2.
    assert_eq!(w.app.get(&format!("/api/v1/amendments/{b}"), None).body["state"], "evaluating");
    let resolved = BODY.replace("45.000", "55.000");
    let accepted = accept(&w, &w.staff, &b, json!({ "body": resolved }));
    assert_eq!(accepted.expect(200)["version"]["number"], 3);
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).body["body"], resolved.as_str());
}

fn rejections_and_repeated_decisions(backend: Backend) {
    let w = world(backend, json!({}));
    let amender = w.app.participant("emendatore");
    let id = id_of(&amend(&w, &amender, &BODY.replace("giardino", "giardino pubblico"), 1));
    let missing = w.app.post(
        &format!("/api/v1/moderation/amendments/{id}/reject"),
        Some(&w.staff.token),
        json!({ "reason": "   " }),
    );
    assert_eq!(missing.expect_problem(422, "validation_failed")["errors"][0]["field"], "reason");
    w.app
        .post(&format!("/api/v1/moderation/amendments/{id}/reject"), Some(&w.staff.token), json!({}))
        .expect_problem(422, "validation_failed");
    let rejected = w.app.post(
        &format!("/api/v1/moderation/amendments/{id}/reject"),
        Some(&w.staff.token),
        json!({ "reason": "Fuori dal perimetro del bando" }),
    );
    assert_eq!(rejected.expect(200)["state"], "rejected");
    let public = w.app.get(&format!("/api/v1/amendments/{id}"), None);
    assert_eq!(public.expect(200)["decision_reason"], "Fuori dal perimetro del bando");
    assert_eq!(public.body["mergeability"], Value::Null);
    accept(&w, &w.staff, &id, json!({})).expect_problem(409, "amendment_decided");
    w.app
        .post(
            &format!("/api/v1/moderation/amendments/{id}/reject"),
            Some(&w.staff.token),
            json!({ "reason": "ancora" }),
        )
        .expect_problem(409, "amendment_decided");
    w.app
        .post(&format!("/api/v1/amendments/{id}/withdraw"), Some(&amender.token), json!({}))
        .expect_problem(409, "amendment_decided");

    let other = id_of(&amend(&w, &amender, &BODY.replace("giardino", "orto"), 1));
    w.app
        .post(&format!("/api/v1/amendments/{other}/withdraw"), Some(&w.author.token), json!({}))
        .expect_problem(403, "not_amendment_author");
    let withdrawn = w.app.post(&format!("/api/v1/amendments/{other}/withdraw"), Some(&amender.token), json!({}));
    assert_eq!(withdrawn.expect(200)["state"], "withdrawn");
    accept(&w, &w.staff, &other, json!({})).expect_problem(409, "amendment_withdrawn");
    w.app
        .post(&format!("/api/v1/moderation/amendments/{other}/reject"), Some(&w.staff.token), json!({ "reason": "no" }))
        .expect_problem(409, "amendment_withdrawn");
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).body["current_version"], 1);
}

fn only_staff_of_the_space_decide(backend: Backend) {
    let w = world(backend, json!({}));
    let amender = w.app.participant("emendatore");
    let stranger = w.app.participant("estraneo");
    let elsewhere = w.app.participant("altrove");
    let global = w.app.participant("globale");
    w.app.space(&w.admin, "altro-spazio", json!({}));
    w.app
        .call(
            "PUT",
            &format!("/api/v1/moderation/users/{}/roles", elsewhere.id),
            Some(&w.admin.token),
            Some(&json!({ "role": "staff", "space": "altro-spazio" })),
        )
        .expect(200);
    w.app
        .call(
            "PUT",
            &format!("/api/v1/moderation/users/{}/roles", global.id),
            Some(&w.admin.token),
            Some(&json!({ "role": "staff" })),
        )
        .expect(200);
    let first = id_of(&amend(&w, &amender, &BODY.replace("giardino", "giardino pubblico"), 1));
    for who in [&amender, &stranger, &w.author, &elsewhere] {
        accept(&w, who, &first, json!({})).expect_problem(403, "staff_only");
        w.app
            .post(&format!("/api/v1/moderation/amendments/{first}/reject"), Some(&who.token), json!({ "reason": "no" }))
            .expect_problem(403, "staff_only");
        w.app
            .post(
                &format!("/api/v1/moderation/proposals/{}/answer", w.proposal),
                Some(&who.token),
                json!({ "state": "evaluating", "answer": "x" }),
            )
            .expect_problem(403, "staff_only");
    }
    w.app
        .post(&format!("/api/v1/moderation/amendments/{first}/accept"), None, json!({}))
        .expect_problem(401, "unauthenticated");
    w.app.get("/api/v1/moderation/amendments", Some(&stranger.token)).expect_problem(403, "staff_only");
    w.app.get("/api/v1/moderation/amendments?space=giardini", Some(&elsewhere.token)).expect_problem(403, "staff_only");
    assert!(w.app.get("/api/v1/moderation/amendments", Some(&elsewhere.token)).expect(200)["items"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        w.app.get("/api/v1/moderation/amendments", Some(&global.token)).expect(200)["items"].as_array().unwrap().len(),
        1
    );
    accept(&w, &global, &first, json!({})).expect(200);
    let second = id_of(&amend(&w, &amender, &BODY.replace("euro", "euro circa"), 2));
    accept(&w, &w.admin, &second, json!({})).expect(200);
}

/// Where amendments are visible to their authors only, the counts on the
/// proposal follow the reader as the list does: nothing for anonymous
/// readers, participants or staff of another space (and the anonymous
/// representation, so its ETag, does not change), their own for the
/// amender, all for staff of the space.
fn private_amendments_stay_out_of_the_counts(backend: Backend) {
    let w = world(backend, json!({ "amendments_visibility": "participants" }));
    let amender = w.app.participant("emendatore");
    let other = w.app.participant("curioso");
    w.app.space(&w.admin, "altro", json!({}));
    let elsewhere = w.app.participant("ufficio_altrove");
    w.app
        .call(
            "PUT",
            &format!("/api/v1/moderation/users/{}/roles", elsewhere.id),
            Some(&w.admin.token),
            Some(&json!({ "role": "staff", "space": "altro" })),
        )
        .expect(200);
    let path = format!("/api/v1/proposals/{}", w.proposal);
    let before = w.app.get(&path, None);
    id_of(&amend(&w, &amender, &BODY.replace("giardino", "orto"), 1));
    let counts =
        |who: Option<&TestUser>| w.app.get(&path, who.map(|u| u.token.as_str())).expect(200)["amendments"].clone();
    for who in [None, Some(&other), Some(&elsewhere), Some(&w.author)] {
        let seen = counts(who);
        assert_eq!(seen["evaluating"], 0, "a private amendment counted for {:?}: {seen}", who.map(|u| &u.email));
    }
    let after = w.app.get(&path, None);
    assert_eq!(after.body, before.body, "the anonymous representation is unchanged");
    assert_eq!(after.etag, before.etag, "and so is its tag");
    for who in [&amender, &w.staff, &w.admin] {
        assert_eq!(counts(Some(who))["evaluating"], 1, "{} sees it counted", who.email);
    }
}

fn amendment_requests_follow_the_rules(backend: Backend) {
    let w = world(backend, json!({ "amendments_visibility": "participants" }));
    let amender = w.app.participant("emendatore");
    let other = w.app.participant("curioso");
    amend(&w, &amender, BODY, 1).expect_problem(422, "validation_failed");
    amend(&w, &amender, &BODY.replace("giardino", "orto"), 5).expect_problem(422, "validation_failed");
    let short = w.app.post(
        &format!("/api/v1/proposals/{}/amendments", w.proposal),
        Some(&amender.token),
        json!({ "title": TITLE, "body": BODY.replace("giardino", "orto"), "rationale": "corto", "base_version": 1 }),
    );
    assert_eq!(short.expect_problem(422, "validation_failed")["errors"][0]["field"], "rationale");
    w.app
        .post(&format!("/api/v1/proposals/{}/amendments", w.proposal), None, json!({}))
        .expect_problem(401, "unauthenticated");
    let id = id_of(&amend(&w, &amender, &BODY.replace("giardino", "orto"), 1));
    amend(&w, &amender, &BODY.replace("giardino", "parco"), 1).expect_problem(409, "amendment_open_exists");
    // Visibility `participants`: only the author and staff see it.
    w.app.get(&format!("/api/v1/amendments/{id}"), Some(&amender.token)).expect(200);
    w.app.get(&format!("/api/v1/amendments/{id}"), Some(&w.staff.token)).expect(200);
    w.app.get(&format!("/api/v1/amendments/{id}"), Some(&other.token)).expect_problem(404, "not_found");
    w.app.get(&format!("/api/v1/amendments/{id}"), None).expect_problem(404, "not_found");
    assert!(w.app.get(&format!("/api/v1/proposals/{}/amendments", w.proposal), None).expect(200)["items"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(w.app.get(&format!("/api/v1/proposals/{}/amendments", w.proposal), Some(&other.token)).expect(200)
        ["items"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        w.app.get(&format!("/api/v1/proposals/{}/amendments", w.proposal), Some(&amender.token)).expect(200)["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        w.app
            .get(&format!("/api/v1/proposals/{}/amendments?state=evaluating", w.proposal), Some(&w.staff.token))
            .expect(200)["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A closed space takes no amendments.
    w.app
        .call(
            "PATCH",
            "/api/v1/spaces/giardini",
            Some(&w.admin.token),
            Some(&json!({ "settings": { "amendments_open": false } })),
        )
        .expect(200);
    amend(&w, &other, &BODY.replace("giardino", "prato"), 1).expect_problem(403, "amendments_closed");
    w.app
        .call(
            "PATCH",
            "/api/v1/spaces/giardini",
            Some(&w.admin.token),
            Some(&json!({ "settings": { "amendments_open": true } })),
        )
        .expect(200);
    // Withdrawing the proposal rejects its open amendments, with a reason.
    w.app.post(&format!("/api/v1/proposals/{}/withdraw", w.proposal), Some(&w.author.token), json!({})).expect(200);
    let after = w.app.get(&format!("/api/v1/amendments/{id}"), Some(&amender.token));
    assert_eq!(
        (after.expect(200)["state"].as_str(), after.body["decision_reason"].as_str()),
        (Some("rejected"), Some("proposal withdrawn"))
    );
    amend(&w, &other, &BODY.replace("giardino", "prato"), 1).expect_problem(409, "proposal_closed");
}

fn rejected_amendments_can_be_promoted_once(backend: Backend) {
    let w = world(backend, json!({}));
    let amender = w.app.participant("emendatore");
    let changed = BODY.replace("orti rialzati", "un frutteto");
    let id = id_of(&amend(&w, &amender, &changed, 1));
    w.app
        .post(&format!("/api/v1/amendments/{id}/promote"), Some(&amender.token), json!({}))
        .expect_problem(409, "amendment_not_rejected");
    w.app
        .post(
            &format!("/api/v1/moderation/amendments/{id}/reject"),
            Some(&w.staff.token),
            json!({ "reason": "Meglio come proposta a sé" }),
        )
        .expect(200);
    w.app
        .post(&format!("/api/v1/amendments/{id}/promote"), Some(&w.author.token), json!({}))
        .expect_problem(403, "not_amendment_author");
    let promoted = w.app.post(&format!("/api/v1/amendments/{id}/promote"), Some(&amender.token), json!({}));
    let promoted = promoted.expect(201).clone();
    assert_eq!(promoted["derived_from"], w.proposal.as_str());
    assert_eq!(promoted["body"], changed.as_str());
    assert_eq!(promoted["authors"][0]["nickname"], "emendatore");
    assert!(promoted["reference"].as_str().unwrap().ends_with("-2"));
    w.app
        .post(&format!("/api/v1/amendments/{id}/promote"), Some(&amender.token), json!({}))
        .expect_problem(409, "amendment_promoted");
    let amendment = w.app.get(&format!("/api/v1/amendments/{id}"), None);
    assert_eq!(amendment.expect(200)["promoted_proposal_id"], promoted["id"]);
}

fn answers_are_appended_and_close_editing(backend: Backend) {
    let w = world(backend, json!({}));
    let path = format!("/api/v1/moderation/proposals/{}/answer", w.proposal);
    w.app
        .post(&path, Some(&w.staff.token), json!({ "state": "withdrawn", "answer": "no" }))
        .expect_problem(422, "validation_failed");
    w.app
        .post(&path, Some(&w.staff.token), json!({ "state": "accepted", "answer": "  " }))
        .expect_problem(422, "validation_failed");
    let evaluating = w.app.post(
        &path,
        Some(&w.staff.token),
        json!({ "state": "evaluating", "answer": "Gli uffici tecnici stanno valutando i costi." }),
    );
    assert_eq!(evaluating.expect(200)["state"], "evaluating");
    assert_eq!(evaluating.body["answer"]["answer"], "Gli uffici tecnici stanno valutando i costi.");
    w.app
        .post(
            &format!("/api/v1/proposals/{}/versions", w.proposal),
            Some(&w.author.token),
            json!({ "title": TITLE, "body": "Un corpo diverso e valido.", "base_version": 1 }),
        )
        .expect_problem(409, "proposal_answered");
    // Amendments are still possible while evaluating.
    let amender = w.app.participant("emendatore");
    amend(&w, &amender, &BODY.replace("giardino", "giardino pubblico"), 1).expect(201);
    let accepted = w.app.post(
        &path,
        Some(&w.staff.token),
        json!({ "state": "accepted", "answer": "Approvata: finanziata nel bilancio 2026." }),
    );
    assert_eq!(accepted.expect(200)["state"], "accepted");
    assert_eq!(accepted.body["answer"]["state"], "accepted");
    let answers = w.app.get(&format!("/api/v1/proposals/{}/answers", w.proposal), None);
    let states: Vec<&str> =
        answers.expect(200).as_array().unwrap().iter().map(|a| a["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["accepted", "evaluating"]);
    w.app
        .post(&format!("/api/v1/proposals/{}/withdraw", w.proposal), Some(&w.author.token), json!({}))
        .expect_problem(409, "proposal_answered");
    let audit = w.app.get("/api/v1/audit?space=giardini", None);
    assert_eq!(audit.expect(200)["items"][0]["action"], "proposal.answered");
}

fn one_decision_under_concurrent_clicks(backend: Backend) {
    let w = Arc::new(world(backend, json!({})));
    let amender = w.app.participant("emendatore");
    let second_staff = w.app.participant("ufficio_due");
    w.app
        .call(
            "PUT",
            &format!("/api/v1/moderation/users/{}/roles", second_staff.id),
            Some(&w.admin.token),
            Some(&json!({ "role": "staff", "space": "giardini" })),
        )
        .expect(200);
    let id = id_of(&amend(&w, &amender, &BODY.replace("giardino", "giardino pubblico"), 1));
    let clicks = 16;
    let barrier = Arc::new(Barrier::new(clicks));
    let handles: Vec<_> = (0..clicks)
        .map(|i| {
            let (w, barrier, id) = (w.clone(), barrier.clone(), id.clone());
            let token = if i % 2 == 0 { w.staff.token.clone() } else { second_staff.token.clone() };
            std::thread::spawn(move || {
                barrier.wait();
                if i % 4 == 3 {
                    w.app.post(
                        &format!("/api/v1/moderation/amendments/{id}/reject"),
                        Some(&token),
                        json!({ "reason": "Non pertinente" }),
                    )
                } else {
                    w.app.post(&format!("/api/v1/moderation/amendments/{id}/accept"), Some(&token), json!({}))
                }
            })
        })
        .collect();
    let replies: Vec<Reply> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let decided = replies.iter().filter(|r| r.status == 200).count();
    assert_eq!(decided, 1, "{:?}", replies.iter().map(|r| (r.status, r.code().to_owned())).collect::<Vec<_>>());
    assert!(replies.iter().filter(|r| r.status != 200).all(|r| r.status == 409 && r.code() == "amendment_decided"));
    let versions = w.app.get(&format!("/api/v1/proposals/{}/versions", w.proposal), None);
    let count = versions.expect(200)["items"].as_array().unwrap().len();
    let state = w.app.get(&format!("/api/v1/amendments/{id}"), None).body["state"].as_str().unwrap().to_owned();
    assert_eq!(
        count,
        if state == "accepted" { 2 } else { 1 },
        "exactly one new version when accepted, none when rejected"
    );
    let audit = w.app.get("/api/v1/audit?space=giardini&limit=100", None);
    let decisions = audit.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "amendment.accepted" || e["action"] == "amendment.rejected")
        .count();
    assert_eq!(decisions, 1);
}

fn concurrent_acceptances_of_different_amendments_all_land(backend: Backend) {
    let paragraphs: Vec<String> = (0..6).map(|i| format!("Punto {i}: da definire.")).collect();
    let w = world(backend, json!({}));
    let base_body = paragraphs.join("\n\n");
    w.app
        .post(
            &format!("/api/v1/proposals/{}/versions", w.proposal),
            Some(&w.author.token),
            json!({ "title": TITLE, "body": base_body, "base_version": 1 }),
        )
        .expect(201);
    let ids: Vec<String> = (0..6)
        .map(|i| {
            let who = w.app.participant(&format!("emendatore{i}"));
            id_of(&amend(
                &w,
                &who,
                &base_body.replace(&format!("Punto {i}: da definire."), &format!("Punto {i}: deciso.")),
                2,
            ))
        })
        .collect();
    let w = Arc::new(w);
    let barrier = Arc::new(Barrier::new(ids.len()));
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let (w, barrier) = (w.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                accept(&w, &w.staff, &id, json!({}))
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().expect(200);
    }
    let proposal = w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None);
    assert_eq!(proposal.expect(200)["current_version"], 8);
    let expected: Vec<String> = (0..6).map(|i| format!("Punto {i}: deciso.")).collect();
    assert_eq!(proposal.body["body"], expected.join("\n\n"), "every accepted amendment is in the final text");
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{}/history/verify", w.proposal), None).expect(200)["versions"], 8);
}

/// Staff triage the queue without one request per item, and the public
/// audit log names proposals by the reference citizens know.
fn the_queue_and_the_audit_log_carry_what_readers_need(backend: Backend) {
    let w = world(backend, json!({}));
    let first = w.app.participant("prima");
    let second = w.app.participant("seconda");
    let a = id_of(&amend(&w, &first, &BODY.replace("45.000", "50.000"), 1));
    let b = id_of(&amend(&w, &second, &BODY.replace("45.000", "60.000"), 1));
    accept(&w, &w.staff, &a, json!({})).expect(200);
    let reference = w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).body["reference"].clone();
    let queue = w.app.get("/api/v1/moderation/amendments", Some(&w.staff.token));
    let items = queue.expect(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item["id"], b.as_str());
    assert_eq!((item["proposal_reference"].clone(), item["proposal_title"].as_str()), (reference.clone(), Some(TITLE)));
    assert_eq!((item["current_version"].as_i64(), item["mergeability"].as_str()), (Some(2), Some("conflict")));
    let audit = w.app.get("/api/v1/audit?limit=100", None);
    let accepted = audit.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "amendment.accepted")
        .cloned()
        .expect("the acceptance is public");
    assert_eq!(accepted["details"]["proposal_reference"], reference);
}

backend_tests!(
    private_amendments_stay_out_of_the_counts,
    the_queue_and_the_audit_log_carry_what_readers_need,
    concurrent_acceptances_of_different_amendments_all_land,
    participant_to_staff_flow,
    stale_but_clean_amendments_keep_both_changes,
    conflicting_amendments_need_a_final_text,
    rejections_and_repeated_decisions,
    only_staff_of_the_space_decide,
    amendment_requests_follow_the_rules,
    rejected_amendments_can_be_promoted_once,
    answers_are_appended_and_close_editing,
    one_decision_under_concurrent_clicks,
);
