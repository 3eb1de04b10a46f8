//! Reports and content moderation over HTTP on both backends: the report
//! that reaches the space's limit hides the item (exactly once, however
//! many arrive together), staff hide, unhide and dismiss with every
//! counter restored, hidden items leave public lists, and a block with
//! content hides exactly what unblocking shows again. Comments are written
//! and read through the comment API; every test that races ends with the
//! store's counter recount finding nothing.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::moderation::TargetKind;
use emenda_store::{amendments, comments, moderation, proposals, Backend, StoreError};
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};
use std::sync::{Arc, Barrier};
use uuid::Uuid;

const BODY: &str = "Proponiamo orti rialzati nel giardino.\n\nLa gestione è affidata al Comune.";

struct World {
    app: TestApp,
    admin: TestUser,
    staff: TestUser,
    other_staff: TestUser,
    author: TestUser,
    proposal: String,
}

fn grant(app: &TestApp, admin: &TestUser, user: &TestUser, space: &str) {
    app.grant_staff(admin, user, space);
}

fn world(backend: Backend, max_reports: i64) -> World {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let staff = app.participant("ufficio");
    let other_staff = app.participant("altrove");
    let author = app.participant("autrice");
    app.space(&admin, "giardini", json!({ "max_reports_before_hiding": max_reports }));
    app.space(&admin, "parchi", json!({}));
    grant(&app, &admin, &staff, "giardini");
    grant(&app, &admin, &other_staff, "parchi");
    let proposal =
        app.proposal(&author, "giardini", "Un giardino condiviso in via Fioravanti")["id"].as_str().unwrap().to_owned();
    World { app, admin, staff, other_staff, author, proposal }
}

fn uuid(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap()
}

fn report(app: &TestApp, who: &TestUser, kind: &str, id: &str, reason: &str) -> Reply {
    app.post("/api/v1/reports", Some(&who.token), json!({ "target": { "kind": kind, "id": id }, "reason": reason }))
}

fn act(app: &TestApp, who: Option<&TestUser>, action: &str, kind: &str, id: &str) -> Reply {
    app.call("POST", &format!("/api/v1/moderation/{kind}/{id}/{action}"), who.map(|u| u.token.as_str()), None)
}

fn amendment(w: &World, who: &TestUser) -> String {
    let reply = w.app.post(
        &format!("/api/v1/proposals/{}/amendments", w.proposal),
        Some(&who.token),
        json!({ "title": "Un giardino condiviso in via Fioravanti", "body": BODY.replace("orti", "orti accessibili"),
                "rationale": "Rende la proposta più completa.", "base_version": 1 }),
    );
    reply.expect(201)["id"].as_str().unwrap().to_owned()
}

/// Writes a comment through the API: on the proposal, or on `amendment`
/// when given, as a reply to `parent` when given.
fn comment(app: &TestApp, proposal: &str, amendment: Option<&str>, parent: Option<Uuid>, author: &TestUser) -> Uuid {
    let path = match amendment {
        Some(amendment) => format!("/api/v1/amendments/{amendment}/comments"),
        None => format!("/api/v1/proposals/{proposal}/comments"),
    };
    let body = json!({ "body": "Un commento sul giardino", "parent_id": parent });
    uuid(app.post(&path, Some(&author.token), body).expect(201)["id"].as_str().unwrap())
}

/// The target's `comments_count` and the listed comments' `replies_count`,
/// as stored.
fn counters(app: &TestApp, proposal: &str, amendment: Option<&str>, ids: &[Uuid]) -> (i32, Vec<i32>) {
    app.store
        .read(|tx| {
            let target = match amendment {
                Some(a) => amendments::find_by_id(tx, uuid(a))?.unwrap().comments_count,
                None => proposals::find_by_id(tx, uuid(proposal))?.unwrap().comments_count,
            };
            let mut replies = Vec::new();
            for id in ids {
                replies.push(comments::find_by_id(tx, *id)?.unwrap().replies_count);
            }
            Ok::<_, StoreError>((target, replies))
        })
        .unwrap()
}

fn comment_hidden(app: &TestApp, id: Uuid) -> (bool, bool) {
    let c = app.store.read(|tx| comments::find_by_id(tx, id)).unwrap().unwrap();
    (c.hidden, c.hidden_by_block)
}

/// One page of a proposal's thread (`parent_id` for a comment's replies),
/// as `who` sees it.
fn thread(app: &TestApp, proposal: &str, parent: Option<Uuid>, who: Option<&TestUser>) -> Vec<Value> {
    let query = parent.map_or(String::new(), |p| format!("?parent_id={p}"));
    let page = app.get(&format!("/api/v1/proposals/{proposal}/comments{query}"), who.map(|u| u.token.as_str()));
    page.expect(200)["items"].as_array().unwrap().clone()
}

/// The item `id` in a page.
fn item(page: &[Value], id: Uuid) -> &Value {
    page.iter().find(|c| c["id"] == id.to_string()).unwrap()
}

/// The proposal's `comments_count` as the API shows it.
fn shown_comments_count(app: &TestApp, proposal: &str) -> i64 {
    app.get(&format!("/api/v1/proposals/{proposal}"), None).expect(200)["counters"]["comments"].as_i64().unwrap()
}

/// Open reports as counted on the moderation row and as open rows.
fn open_reports(app: &TestApp, kind: TargetKind, id: &str) -> (i32, i64) {
    app.store
        .read(|tx| {
            let m = moderation::find_for_target(tx, kind, uuid(id))?.unwrap();
            Ok::<_, StoreError>((m.open_reports, moderation::count_open(tx, m.id)?))
        })
        .unwrap()
}

fn audit_actions(app: &TestApp, target: &str) -> Vec<String> {
    let audit = app.get("/api/v1/audit?space=giardini&limit=100", None);
    audit.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target_id"] == target)
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

fn public_proposal_ids(app: &TestApp) -> Vec<String> {
    let list = app.get("/api/v1/proposals?space=giardini", None);
    list.expect(200)["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect()
}

fn amendment_ids(w: &World, who: Option<&TestUser>) -> Vec<(String, bool)> {
    let list = w.app.get(&format!("/api/v1/proposals/{}/amendments", w.proposal), who.map(|u| u.token.as_str()));
    list.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_owned(), a["hidden"].as_bool().unwrap()))
        .collect()
}

fn the_nth_report_hides_a_proposal(backend: Backend) {
    let w = world(backend, 2);
    let (first, second) = (w.app.participant("prima"), w.app.participant("seconda"));
    let created = report(&w.app, &first, "proposal", &w.proposal, "spam").expect(201).clone();
    assert_eq!((created["state"].as_str(), created["target"]["kind"].as_str()), (Some("open"), Some("proposal")));
    report(&w.app, &first, "proposal", &w.proposal, "offensive").expect_problem(409, "already_reported");
    report(&w.app, &w.author, "proposal", &w.proposal, "spam").expect_problem(409, "cannot_report_own");
    assert!(public_proposal_ids(&w.app).contains(&w.proposal), "N-1 reports do not hide");
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).expect(200)["hidden"], false);

    report(&w.app, &second, "proposal", &w.proposal, "spam").expect(201);
    assert!(!public_proposal_ids(&w.app).contains(&w.proposal), "the Nth report hides");
    w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).expect_problem(404, "not_found");
    w.app.get(&format!("/api/v1/proposals/{}", w.proposal), Some(&first.token)).expect_problem(404, "not_found");
    let seen = w.app.get(&format!("/api/v1/proposals/{}", w.proposal), Some(&w.staff.token));
    assert_eq!(seen.expect(200)["hidden"], true, "staff of the space still see it, flagged");
    let third = w.app.participant("terza");
    report(&w.app, &third, "proposal", &w.proposal, "spam").expect_problem(404, "not_found");
    assert_eq!(open_reports(&w.app, TargetKind::Proposal, &w.proposal), (2, 2));
    let hidden: Vec<String> = audit_actions(&w.app, &w.proposal);
    assert_eq!(hidden.iter().filter(|a| *a == "content.hidden").count(), 1);
    assert!(!hidden.contains(&"report.created".to_owned()), "reports are staff-only entries");
}

fn the_nth_report_hides_an_amendment(backend: Backend) {
    let w = world(backend, 2);
    let amender = w.app.participant("emendatrice");
    let id = amendment(&w, &amender);
    let (first, second) = (w.app.participant("prima"), w.app.participant("seconda"));
    report(&w.app, &amender, "amendment", &id, "spam").expect_problem(409, "cannot_report_own");
    report(&w.app, &first, "amendment", &id, "does_not_belong").expect(201);
    report(&w.app, &first, "amendment", &id, "spam").expect_problem(409, "already_reported");
    assert_eq!(amendment_ids(&w, None), [(id.clone(), false)]);
    let counts = |who: Option<&TestUser>| {
        w.app.get(&format!("/api/v1/proposals/{}", w.proposal), who.map(|u| u.token.as_str())).expect(200)["amendments"]
            ["evaluating"]
            .clone()
    };
    assert_eq!(counts(None), 1);

    report(&w.app, &second, "amendment", &id, "offensive").expect(201);
    assert!(amendment_ids(&w, None).is_empty(), "a hidden amendment leaves the public list");
    assert!(amendment_ids(&w, Some(&amender)).is_empty());
    assert_eq!(counts(None), 0, "and the proposal's amendment counts");
    assert_eq!(amendment_ids(&w, Some(&w.staff)), [(id.clone(), true)], "staff of the space see it flagged");
    assert!(amendment_ids(&w, Some(&w.other_staff)).is_empty());
    w.app.get(&format!("/api/v1/amendments/{id}"), None).expect_problem(404, "not_found");
    assert_eq!(w.app.get(&format!("/api/v1/amendments/{id}"), Some(&w.staff.token)).expect(200)["hidden"], true);

    act(&w.app, Some(&w.staff), "unhide", "amendments", &id).expect(200);
    assert_eq!(amendment_ids(&w, None), [(id.clone(), false)]);
    assert_eq!(counts(None), 1);
    assert_eq!(open_reports(&w.app, TargetKind::Amendment, &id), (0, 0), "unhiding dismisses the open reports");
}

fn the_nth_report_hides_a_comment_and_unhiding_restores_its_counters(backend: Backend) {
    let w = world(backend, 2);
    let (a, b) = (w.app.participant("anna"), w.app.participant("bruno"));
    let root = comment(&w.app, &w.proposal, None, None, &a);
    let middle = comment(&w.app, &w.proposal, None, Some(root), &b);
    let leaf = comment(&w.app, &w.proposal, None, Some(middle), &a);
    let before = counters(&w.app, &w.proposal, None, &[root, middle, leaf]);
    assert_eq!(before, (3, vec![2, 1, 0]));

    let middle_id = middle.to_string();
    report(&w.app, &b, "comment", &middle_id, "spam").expect_problem(409, "cannot_report_own");
    report(&w.app, &a, "comment", &middle_id, "offensive").expect(201);
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, middle, leaf]), before, "N-1 reports change nothing");
    report(&w.app, &w.author, "comment", &middle_id, "other").expect_problem(422, "validation_failed");
    w.app
        .post(
            "/api/v1/reports",
            Some(&w.author.token),
            json!({ "target": { "kind": "comment", "id": middle_id }, "reason": "other", "details": "Dati personali" }),
        )
        .expect(201);
    assert_eq!(comment_hidden(&w.app, middle), (true, false));
    // The hidden comment stops counting; its reply stays where it is and counts.
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, middle, leaf]), (2, vec![1, 1, 0]));
    assert_eq!(shown_comments_count(&w.app, &w.proposal), 2);
    assert_eq!(item(&thread(&w.app, &w.proposal, None, None), root)["replies_count"], 1);
    // The public (and staff of another space) see a placeholder in its place…
    for who in [None, Some(&a), Some(&w.other_staff)] {
        let replies = thread(&w.app, &w.proposal, Some(root), who);
        let placeholder = item(&replies, middle);
        assert_eq!(
            (placeholder["hidden"].as_bool(), &placeholder["body"], &placeholder["author"]),
            (Some(true), &Value::Null, &Value::Null),
            "{placeholder}"
        );
        assert_eq!(placeholder["replies_count"], 1);
        // …and its reply, still listed under it.
        let below = thread(&w.app, &w.proposal, Some(middle), who);
        assert_eq!(item(&below, leaf)["body"], "Un commento sul giardino");
    }
    // Staff of the space still read it, flagged.
    let seen = thread(&w.app, &w.proposal, Some(root), Some(&w.staff));
    let seen = item(&seen, middle);
    assert_eq!((seen["hidden"].as_bool(), seen["body"].as_str()), (Some(true), Some("Un commento sul giardino")));
    assert_eq!(seen["author"]["nickname"], "bruno");
    report(&w.app, &w.staff, "comment", &middle_id, "spam").expect_problem(404, "not_found");

    let entry = act(&w.app, Some(&w.staff), "unhide", "comments", &middle_id).expect(200).clone();
    assert_eq!((entry["hidden"].as_bool(), entry["open_reports"].as_i64()), (Some(false), Some(0)));
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, middle, leaf]), before, "unhide restores exactly");
    assert_eq!(shown_comments_count(&w.app, &w.proposal), 3);
    let shown = thread(&w.app, &w.proposal, Some(root), None);
    let shown = item(&shown, middle);
    assert_eq!((shown["hidden"].as_bool(), shown["body"].as_str()), (Some(false), Some("Un commento sul giardino")));
    assert_eq!(shown["author"]["nickname"], "bruno");
    assert_eq!(item(&thread(&w.app, &w.proposal, None, None), root)["replies_count"], 2);
    w.app.assert_counters_consistent();

    // A deleted comment is not live: hiding and unhiding it move nothing.
    w.app.call("DELETE", &format!("/api/v1/comments/{leaf}"), Some(&a.token), None).expect(200);
    let deleted = counters(&w.app, &w.proposal, None, &[root, middle, leaf]);
    assert_eq!(deleted, (2, vec![1, 0, 0]));
    act(&w.app, Some(&w.staff), "hide", "comments", &leaf.to_string()).expect(200);
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, middle, leaf]), deleted);
    act(&w.app, Some(&w.staff), "unhide", "comments", &leaf.to_string()).expect(200);
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, middle, leaf]), deleted);

    // Comments on an amendment count on the amendment.
    let amender = w.app.participant("emendatrice");
    let amended = amendment(&w, &amender);
    let on_amendment = comment(&w.app, &w.proposal, Some(&amended), None, &a);
    assert_eq!(counters(&w.app, &w.proposal, Some(&amended), &[]).0, 1);
    act(&w.app, Some(&w.staff), "hide", "comments", &on_amendment.to_string()).expect(200);
    assert_eq!(counters(&w.app, &w.proposal, Some(&amended), &[]).0, 0);
    assert_eq!(counters(&w.app, &w.proposal, None, &[]).0, 2, "the proposal's own comments are not touched");
    act(&w.app, Some(&w.staff), "unhide", "comments", &on_amendment.to_string()).expect(200);
    assert_eq!(counters(&w.app, &w.proposal, Some(&amended), &[]).0, 1);
    w.app.assert_counters_consistent();
}

fn concurrent_reports_hide_exactly_once(backend: Backend) {
    const LIMIT: usize = 3;
    let w = world(backend, LIMIT as i64);
    // The comment lives on another proposal: the first one ends up hidden.
    let discussed =
        w.app.proposal(&w.author, "giardini", "Una seconda proposta sul giardino")["id"].as_str().unwrap().to_owned();
    let root = comment(&w.app, &discussed, None, None, &w.author);
    let target = comment(&w.app, &discussed, None, Some(root), &w.author);
    let reporters: Vec<TestUser> = (0..LIMIT + 3).map(|n| w.app.participant(&format!("segnalante{n}"))).collect();
    let app = Arc::new(w.app);
    for (kind, id) in [("proposal", w.proposal.clone()), ("comment", target.to_string())] {
        let barrier = Arc::new(Barrier::new(reporters.len()));
        let threads: Vec<_> = reporters
            .iter()
            .cloned()
            .map(|who| {
                let (app, barrier, id) = (Arc::clone(&app), Arc::clone(&barrier), id.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    report(&app, &who, kind, &id, "spam").status
                })
            })
            .collect();
        let statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let kind_enum = if kind == "proposal" { TargetKind::Proposal } else { TargetKind::Comment };
        let created = statuses.iter().filter(|s| **s == 201).count();
        // Reports after the hiding one find a hidden item (404).
        assert!(statuses.iter().all(|s| *s == 201 || *s == 404), "{statuses:?}");
        assert!(created >= LIMIT, "{statuses:?}");
        let (counted, rows) = open_reports(&app, kind_enum, &id);
        assert_eq!(i64::from(counted), rows, "open_reports equals the open rows");
        assert_eq!(usize::try_from(rows).unwrap(), created);
        let hidden = audit_actions(&app, &id).iter().filter(|a| *a == "content.hidden").count();
        assert_eq!(hidden, 1, "hidden exactly once: {statuses:?}");
    }
    // The comment was hidden once: its ancestor lost exactly one reply.
    assert_eq!(counters(&app, &discussed, None, &[root]), (1, vec![0]));
    app.assert_counters_consistent();
}

fn every_role_on_every_endpoint(backend: Backend) {
    let w = world(backend, 5);
    let reporter = w.app.participant("cittadina");
    let participant = w.app.participant("passante");
    // Anonymous: 401 everywhere.
    w.app
        .post("/api/v1/reports", None, json!({ "target": { "kind": "proposal", "id": w.proposal }, "reason": "spam" }))
        .expect_problem(401, "unauthenticated");
    w.app.get("/api/v1/moderation/reports", None).expect_problem(401, "unauthenticated");
    for action in ["hide", "unhide", "dismiss"] {
        act(&w.app, None, action, "proposals", &w.proposal).expect_problem(401, "unauthenticated");
    }
    let reported = report(&w.app, &reporter, "proposal", &w.proposal, "offensive");
    reported.expect(201);

    // Participants and authors: no queue, no staff actions.
    for who in [&participant, &w.author] {
        w.app.get("/api/v1/moderation/reports", Some(&who.token)).expect_problem(403, "staff_only");
        for action in ["hide", "unhide", "dismiss"] {
            act(&w.app, Some(who), action, "proposals", &w.proposal).expect_problem(403, "staff_only");
        }
    }
    // Staff of another space: 403 on the item, and their queue does not show it.
    for action in ["hide", "unhide", "dismiss"] {
        act(&w.app, Some(&w.other_staff), action, "proposals", &w.proposal).expect_problem(403, "staff_only");
    }
    let elsewhere = w.app.get("/api/v1/moderation/reports?state=all", Some(&w.other_staff.token));
    assert!(elsewhere.expect(200)["items"].as_array().unwrap().is_empty());
    w.app
        .get("/api/v1/moderation/reports?space=giardini", Some(&w.other_staff.token))
        .expect_problem(403, "staff_only");
    act(&w.app, Some(&w.staff), "hide", "users", &w.proposal).expect_problem(404, "not_found");

    // Staff of the space and the admin see the item with its reports.
    for who in [&w.staff, &w.admin] {
        let queue = w.app.get("/api/v1/moderation/reports?space=giardini", Some(&who.token));
        let items = queue.expect(200)["items"].as_array().unwrap().clone();
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(
            (item["target"]["kind"].as_str(), item["target"]["id"].as_str()),
            (Some("proposal"), Some(w.proposal.as_str()))
        );
        assert_eq!(item["open_reports"], 1);
        assert_eq!(item["reasons"], json!({ "spam": 0, "offensive": 1, "does_not_belong": 0, "other": 0 }));
        assert_eq!(item["preview"]["author_nickname"], "autrice");
        assert_eq!(item["preview"]["text"], "Un giardino condiviso in via Fioravanti");
        assert_eq!(item["latest_reports"][0]["reporter_nickname"], "cittadina");
        assert_eq!(item["hidden"], false);
    }

    // Staff hide (reports upheld), hiding again is a no-op, then unhide.
    let hidden = act(&w.app, Some(&w.staff), "hide", "proposals", &w.proposal).expect(200).clone();
    assert_eq!((hidden["hidden"].as_bool(), hidden["open_reports"].as_i64()), (Some(true), Some(0)));
    assert_eq!(hidden["latest_reports"][0]["state"], "upheld");
    act(&w.app, Some(&w.admin), "hide", "proposals", &w.proposal).expect(200);
    let actions = audit_actions(&w.app, &w.proposal);
    assert_eq!(actions.iter().filter(|a| *a == "content.hidden").count(), 1, "a repeated hide records nothing");
    let hidden_queue = w.app.get("/api/v1/moderation/reports?state=hidden", Some(&w.staff.token));
    assert_eq!(hidden_queue.expect(200)["items"].as_array().unwrap().len(), 1);
    let open_queue = w.app.get("/api/v1/moderation/reports", Some(&w.staff.token));
    assert!(open_queue.expect(200)["items"].as_array().unwrap().is_empty());
    // Others cannot even see it now.
    act(&w.app, Some(&w.other_staff), "unhide", "proposals", &w.proposal).expect_problem(404, "not_found");
    let shown = w.app.post(
        &format!("/api/v1/moderation/proposals/{}/unhide", w.proposal),
        Some(&w.admin.token),
        json!({ "note": "Contenuto verificato" }),
    );
    assert_eq!(shown.expect(200)["hidden"], false);
    assert!(public_proposal_ids(&w.app).contains(&w.proposal));
    let audit = w.app.get("/api/v1/audit?space=giardini", None);
    let entry =
        audit.expect(200)["items"].as_array().unwrap().iter().find(|e| e["action"] == "content.unhidden").cloned();
    assert_eq!(entry.unwrap()["details"]["note"], "Contenuto verificato");
    w.app
        .post(&format!("/api/v1/moderation/proposals/{}/hide", w.proposal), Some(&w.staff.token), json!({ "nota": 1 }))
        .expect_problem(422, "validation_failed");
}

fn dismissing_unhides_only_what_reports_hid(backend: Backend) {
    let w = world(backend, 2);
    let (first, second) = (w.app.participant("prima"), w.app.participant("seconda"));
    let other =
        w.app.proposal(&w.author, "giardini", "Una seconda proposta sul giardino")["id"].as_str().unwrap().to_owned();
    for who in [&first, &second] {
        report(&w.app, who, "proposal", &w.proposal, "spam").expect(201);
    }
    assert!(!public_proposal_ids(&w.app).contains(&w.proposal));
    let dismissed = act(&w.app, Some(&w.staff), "dismiss", "proposals", &w.proposal).expect(200).clone();
    assert_eq!((dismissed["hidden"].as_bool(), dismissed["open_reports"].as_i64()), (Some(false), Some(0)));
    assert!(dismissed["latest_reports"].as_array().unwrap().iter().all(|r| r["state"] == "dismissed"));
    assert!(public_proposal_ids(&w.app).contains(&w.proposal));
    assert_eq!(open_reports(&w.app, TargetKind::Proposal, &w.proposal), (0, 0));
    // Dismissed reports still count as reports: a new one starts again.
    let third = w.app.participant("terza");
    report(&w.app, &third, "proposal", &w.proposal, "spam").expect(201);
    assert!(public_proposal_ids(&w.app).contains(&w.proposal));

    // An item staff hid stays hidden when its (later) open reports are dismissed.
    report(&w.app, &first, "proposal", &other, "spam").expect(201);
    act(&w.app, Some(&w.staff), "hide", "proposals", &other).expect(200);
    let kept = act(&w.app, Some(&w.staff), "dismiss", "proposals", &other).expect(200).clone();
    assert_eq!(kept["hidden"], true);
}

fn blocking_with_content_hides_it_and_unblocking_restores_exactly_that(backend: Backend) {
    let w = world(backend, 5);
    let troll = w.app.participant("disturbatore");
    let own = w.app.proposal(&troll, "giardini", "Una proposta del disturbatore")["id"].as_str().unwrap().to_owned();
    let staff_hid =
        w.app.proposal(&troll, "giardini", "Un'altra proposta del disturbatore")["id"].as_str().unwrap().to_owned();
    let amended = amendment(&w, &troll);
    let root = comment(&w.app, &w.proposal, None, None, &w.author);
    let reply = comment(&w.app, &w.proposal, None, Some(root), &troll);
    let nested = comment(&w.app, &w.proposal, None, Some(reply), &w.author);
    act(&w.app, Some(&w.staff), "hide", "proposals", &staff_hid).expect(200);
    let before = counters(&w.app, &w.proposal, None, &[root, reply, nested]);
    assert_eq!(before, (3, vec![2, 1, 0]));

    let block = w.app.post(
        &format!("/api/v1/moderation/users/{}/block", troll.id),
        Some(&w.admin.token),
        json!({ "justification": "Spam ripetuto", "hide_content": true }),
    );
    block.expect(200);
    assert!(!public_proposal_ids(&w.app).contains(&own));
    assert!(amendment_ids(&w, None).is_empty());
    assert_eq!(comment_hidden(&w.app, reply), (true, true));
    assert_eq!(comment_hidden(&w.app, nested), (false, false), "others' replies stay");
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, reply, nested]), (2, vec![1, 1, 0]));
    let audit = w.app.get("/api/v1/audit?limit=100", None);
    let blocked =
        audit.expect(200)["items"].as_array().unwrap().iter().find(|e| e["action"] == "user.blocked").cloned();
    assert_eq!(blocked.unwrap()["details"]["hidden"], json!({ "proposals": 1, "amendments": 1, "comments": 1 }));

    w.app.post(&format!("/api/v1/moderation/users/{}/unblock", troll.id), Some(&w.admin.token), json!({})).expect(200);
    let visible = public_proposal_ids(&w.app);
    assert!(visible.contains(&own));
    assert!(!visible.contains(&staff_hid), "what staff hid before the block stays hidden");
    assert_eq!(amendment_ids(&w, None), [(amended, false)]);
    assert_eq!(comment_hidden(&w.app, reply), (false, false));
    assert_eq!(counters(&w.app, &w.proposal, None, &[root, reply, nested]), before);
    w.app.assert_counters_consistent();
}

/// A plain block (no `hide_content`) leaves the content visible.
fn blocking_without_content_keeps_it(backend: Backend) {
    let w = world(backend, 5);
    w.app
        .post(
            &format!("/api/v1/moderation/users/{}/block", w.author.id),
            Some(&w.admin.token),
            json!({ "justification": "Spam ripetuto" }),
        )
        .expect(200);
    assert!(public_proposal_ids(&w.app).contains(&w.proposal));
}

/// Under a hidden proposal nobody participates: its space's staff see it
/// to moderate it, not to support, comment or vote there (`content_hidden`).
/// Staff confirming reports
/// that already hid an item record `reports.upheld`, so the item's hidden
/// and unhidden entries alternate.
fn hidden_items_take_no_participation_and_confirmations_are_upholdings(backend: Backend) {
    let w = world(backend, 2);
    let reader = w.app.participant("lettore");
    let mine = comment(&w.app, &w.proposal, None, None, &reader).to_string();
    let theirs = comment(&w.app, &w.proposal, None, None, &w.author).to_string();
    act(&w.app, Some(&w.staff), "hide", "proposals", &w.proposal).expect(200);
    let support = format!("/api/v1/proposals/{}/support", w.proposal);
    w.app.call("PUT", &support, Some(&w.staff.token), None).expect_problem(409, "content_hidden");
    w.app.call("PUT", &support, Some(&w.admin.token), None).expect_problem(409, "content_hidden");
    w.app.call("PUT", &support, Some(&reader.token), None).expect_problem(404, "not_found");
    let comments = format!("/api/v1/proposals/{}/comments", w.proposal);
    w.app
        .post(&comments, Some(&w.staff.token), json!({ "body": "Commento dello staff" }))
        .expect_problem(409, "content_hidden");
    let vote = format!("/api/v1/comments/{theirs}/vote");
    w.app.call("PUT", &vote, Some(&w.staff.token), Some(&json!({ "value": 1 }))).expect_problem(409, "content_hidden");
    // Its participants do not see it at all meanwhile, their own words included.
    w.app
        .call("DELETE", &format!("/api/v1/comments/{mine}"), Some(&reader.token), None)
        .expect_problem(404, "not_found");
    act(&w.app, Some(&w.staff), "unhide", "proposals", &w.proposal).expect(200);
    w.app.call("PUT", &vote, Some(&w.staff.token), Some(&json!({ "value": 1 }))).expect(200);

    for who in [&reader, &w.admin] {
        report(&w.app, who, "comment", &theirs, "spam").expect(201);
    }
    act(&w.app, Some(&w.staff), "hide", "comments", &theirs).expect(200);
    assert_eq!(audit_actions(&w.app, &theirs), ["reports.upheld", "content.hidden"]);
    w.app.assert_counters_consistent();
}

/// Each queue entry names its proposal's reference code, the address of
/// its public page, whatever kind the reported item is.
fn queue_entries_name_their_proposal_reference(backend: Backend) {
    let w = world(backend, 5);
    let reporter = w.app.participant("segnalatrice");
    let amender = w.app.participant("emendatrice");
    let amendment = amendment(&w, &amender);
    let comment = comment(&w.app, &w.proposal, None, None, &w.author);
    report(&w.app, &reporter, "proposal", &w.proposal, "spam").expect(201);
    report(&w.app, &reporter, "amendment", &amendment, "spam").expect(201);
    report(&w.app, &reporter, "comment", &comment.to_string(), "spam").expect(201);
    let reference = w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).expect(200)["reference"].clone();
    assert!(reference.as_str().is_some_and(|r| r.starts_with("TST-")), "{reference}");
    let queue = w.app.get("/api/v1/moderation/reports", Some(&w.staff.token));
    let items = queue.expect(200)["items"].as_array().unwrap().clone();
    let kinds: Vec<&str> = items.iter().map(|i| i["target"]["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["proposal", "amendment", "comment"]);
    for entry in &items {
        assert_eq!(entry["proposal_reference"], reference, "{entry}");
        assert_eq!(entry["proposal_id"].as_str(), Some(w.proposal.as_str()));
    }
}

backend_tests!(
    queue_entries_name_their_proposal_reference,
    the_nth_report_hides_a_proposal,
    the_nth_report_hides_an_amendment,
    the_nth_report_hides_a_comment_and_unhiding_restores_its_counters,
    concurrent_reports_hide_exactly_once,
    every_role_on_every_endpoint,
    dismissing_unhides_only_what_reports_hid,
    blocking_with_content_hides_it_and_unblocking_restores_exactly_that,
    blocking_without_content_keeps_it,
    hidden_items_take_no_participation_and_confirmations_are_upholdings
);
