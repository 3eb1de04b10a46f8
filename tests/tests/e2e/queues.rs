//! The staff's two queues over HTTP on both backends: amendments to decide
//! and reported items, each in either order (`sort=oldest|newest`) with
//! cursors that page exactly and belong to their order; the report queue
//! by reason and the amendment queue by proposal; every bad parameter
//! named in a 422; staff only. And the undo of a hide: it shows the item
//! again and reopens exactly the reports that hide upheld, never those an
//! earlier decision closed, and only while that hide is in force.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::moderation::TargetKind;
use emenda_store::{moderation, Backend};
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};
use uuid::Uuid;

const BODY: &str = "Un testo abbastanza lungo per essere valido.";

struct World {
    app: TestApp,
    admin: TestUser,
    staff: TestUser,
    other_staff: TestUser,
    author: TestUser,
}

/// Two spaces, each with its own staff member; `giardini` hides an item
/// at its `max_reports`th open report.
fn world(backend: Backend, max_reports: i64) -> World {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let staff = app.participant("ufficio");
    let other_staff = app.participant("altrove");
    let author = app.participant("autrice");
    app.space(&admin, "giardini", json!({ "max_reports_before_hiding": max_reports }));
    app.space(&admin, "parchi", json!({}));
    app.grant_staff(&admin, &staff, "giardini");
    app.grant_staff(&admin, &other_staff, "parchi");
    World { app, admin, staff, other_staff, author }
}

fn proposal(w: &World, space: &str, title: &str) -> Value {
    w.app.proposal(&w.author, space, title)
}

fn report(app: &TestApp, who: &TestUser, kind: &str, id: &str, reason: &str) {
    let body = json!({ "target": { "kind": kind, "id": id }, "reason": reason, "details": "Non va bene qui" });
    app.post("/api/v1/reports", Some(&who.token), body).expect(201);
}

fn act(app: &TestApp, who: &TestUser, action: &str, kind: &str, id: &str, body: Value) -> Reply {
    app.post(&format!("/api/v1/moderation/{kind}/{id}/{action}"), Some(&who.token), body)
}

fn amend(w: &World, proposal: &Value, who: &TestUser) -> String {
    let reply = w.app.post(
        &format!("/api/v1/proposals/{}/amendments", proposal["id"].as_str().unwrap()),
        Some(&who.token),
        json!({ "title": proposal["title"], "body": format!("{BODY} Con una fontana."),
                "rationale": "Rende la proposta più completa.", "base_version": 1 }),
    );
    reply.expect(201)["id"].as_str().unwrap().to_owned()
}

/// Every page of a queue (`path` with its query, no cursor), following
/// `next_cursor` with `limit=2`: the ids of `field` in the order read.
fn read_all(app: &TestApp, who: &TestUser, path: &str, field: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            Some(c) => format!("{path}&limit=2&cursor={c}"),
            None => format!("{path}&limit=2"),
        };
        let page = app.get(&url, Some(&who.token)).expect(200).clone();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        ids.extend(items.iter().map(|i| i.pointer(field).unwrap().as_str().unwrap().to_owned()));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return ids,
        }
    }
}

/// The first page's cursor (`limit=1`).
fn first_cursor(app: &TestApp, who: &TestUser, path: &str) -> String {
    app.get(&format!("{path}&limit=1"), Some(&who.token)).expect(200)["next_cursor"].as_str().unwrap().to_owned()
}

/// The one field error of a 422, as (field, code).
#[track_caller]
fn field_error(reply: &Reply) -> (String, String) {
    let body = reply.expect_problem(422, "validation_failed");
    let errors = body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{body}");
    (errors[0]["field"].as_str().unwrap().to_owned(), errors[0]["code"].as_str().unwrap().to_owned())
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn reversed(mut ids: Vec<String>) -> Vec<String> {
    ids.reverse();
    ids
}

fn report_queue_reads_both_ways_and_pages_exactly(backend: Backend) {
    let w = world(backend, 10);
    let reporter = w.app.participant("segnalante");
    let mut reported = Vec::new();
    for n in 0..5 {
        let p = proposal(&w, "giardini", &format!("Una panchina nuova nel giardino {n}"));
        report(&w.app, &reporter, "proposal", p["id"].as_str().unwrap(), "spam");
        reported.push(p["id"].as_str().unwrap().to_owned());
    }
    let path = "/api/v1/moderation/reports?space=giardini";
    let oldest = read_all(&w.app, &w.staff, &format!("{path}&sort=oldest"), "/target/id");
    assert_eq!(oldest, reported, "oldest first: the order the items were first reported");
    assert_eq!(read_all(&w.app, &w.staff, path, "/target/id"), oldest, "oldest first is the default");
    let newest = read_all(&w.app, &w.staff, &format!("{path}&sort=newest"), "/target/id");
    assert_eq!(newest, reversed(reported.clone()), "newest first, every item once, paged exactly");
    // The entries' ids (the keyset) in each order.
    let by_id = read_all(&w.app, &w.staff, &format!("{path}&sort=newest"), "/id");
    assert_eq!(by_id, reversed(sorted(by_id.clone())));

    // A cursor belongs to its order: one of the oldest-first queue is
    // refused by the newest-first one, and the other way round.
    let old_cursor = first_cursor(&w.app, &w.staff, path);
    let new_cursor = first_cursor(&w.app, &w.staff, &format!("{path}&sort=newest"));
    let refused = w.app.get(&format!("{path}&sort=newest&cursor={old_cursor}"), Some(&w.staff.token));
    assert_eq!(field_error(&refused), ("cursor".into(), "invalid_cursor".into()));
    let refused = w.app.get(&format!("{path}&cursor={new_cursor}"), Some(&w.staff.token));
    assert_eq!(field_error(&refused), ("cursor".into(), "invalid_cursor".into()));
    let explicit = w.app.get(&format!("{path}&sort=oldest&cursor={old_cursor}&limit=1"), Some(&w.staff.token));
    assert_eq!(explicit.expect(200)["items"][0]["target"]["id"], reported[1].as_str(), "the default order's cursor");
    let next = w.app.get(&format!("{path}&sort=newest&cursor={new_cursor}&limit=1"), Some(&w.staff.token));
    assert_eq!(next.expect(200)["items"][0]["target"]["id"], reported[3].as_str());
}

fn report_queue_is_filtered_by_reason(backend: Backend) {
    let w = world(backend, 10);
    let (anna, bruno) = (w.app.participant("anna"), w.app.participant("bruno"));
    let spam = proposal(&w, "giardini", "Una proposta segnalata come spam")["id"].as_str().unwrap().to_owned();
    let rude = proposal(&w, "giardini", "Una proposta segnalata come offensiva")["id"].as_str().unwrap().to_owned();
    let both = proposal(&w, "giardini", "Una proposta con due segnalazioni")["id"].as_str().unwrap().to_owned();
    report(&w.app, &anna, "proposal", &spam, "spam");
    report(&w.app, &anna, "proposal", &rude, "offensive");
    report(&w.app, &anna, "proposal", &both, "spam");
    // Its spam report dismissed, then reported again as offensive: in the
    // open view it waits for its offensive report only.
    act(&w.app, &w.staff, "dismiss", "proposals", &both, json!({})).expect(200);
    report(&w.app, &bruno, "proposal", &both, "offensive");

    let queue = |query: &str| read_all(&w.app, &w.staff, &format!("/api/v1/moderation/reports?{query}"), "/target/id");
    assert_eq!(queue("reason=spam"), std::slice::from_ref(&spam), "open spam reports only");
    assert_eq!(queue("reason=offensive"), [rude.clone(), both.clone()]);
    assert_eq!(queue("reason=offensive&sort=newest"), [both.clone(), rude.clone()]);
    assert_eq!(queue("state=all&reason=spam"), [spam.clone(), both.clone()], "any of their reports in the others");
    assert_eq!(queue("state=all&reason=spam&sort=newest"), [both.clone(), spam.clone()]);
    assert!(queue("reason=does_not_belong").is_empty());
    assert!(queue("state=hidden&reason=spam").is_empty());
    act(&w.app, &w.staff, "hide", "proposals", &spam, json!({})).expect(200);
    assert_eq!(queue("state=hidden&reason=spam"), std::slice::from_ref(&spam));
    assert!(queue("reason=spam").is_empty(), "its reports upheld, it waits no more");

    // A cursor belongs to its reason.
    let path = "/api/v1/moderation/reports?state=all&reason=spam";
    let cursor = first_cursor(&w.app, &w.staff, path);
    let refused = w
        .app
        .get(&format!("/api/v1/moderation/reports?state=all&reason=offensive&cursor={cursor}"), Some(&w.staff.token));
    assert_eq!(field_error(&refused), ("cursor".into(), "invalid_cursor".into()));
    let refused = w.app.get(&format!("/api/v1/moderation/reports?state=all&cursor={cursor}"), Some(&w.staff.token));
    assert_eq!(field_error(&refused), ("cursor".into(), "invalid_cursor".into()));
}

fn amendment_queue_reads_both_ways_and_by_proposal(backend: Backend) {
    let w = world(backend, 10);
    let first = proposal(&w, "giardini", "Un giardino condiviso in via Fioravanti");
    let second = proposal(&w, "giardini", "Un orto condiviso dietro la biblioteca");
    let elsewhere = proposal(&w, "parchi", "Una fontanella nel parco della Montagnola");
    let mut on_first = Vec::new();
    let mut all = Vec::new();
    for n in 0..3 {
        let amender = w.app.participant(&format!("emendatrice{n}"));
        let a = amend(&w, &first, &amender);
        on_first.push(a.clone());
        all.push(a);
        all.push(amend(&w, &second, &amender));
    }
    amend(&w, &elsewhere, &w.app.participant("altrove_emenda"));

    let path = "/api/v1/moderation/amendments?space=giardini";
    assert_eq!(read_all(&w.app, &w.staff, path, "/id"), all, "oldest first by default");
    assert_eq!(read_all(&w.app, &w.staff, &format!("{path}&sort=oldest"), "/id"), all);
    assert_eq!(read_all(&w.app, &w.staff, &format!("{path}&sort=newest"), "/id"), reversed(all.clone()));

    // One proposal's amendments, named by UUID or by reference code.
    let id = first["id"].as_str().unwrap();
    let reference = first["reference"].as_str().unwrap();
    for key in [id, reference] {
        let by_proposal = format!("/api/v1/moderation/amendments?proposal={key}");
        assert_eq!(read_all(&w.app, &w.staff, &by_proposal, "/id"), on_first);
        let newest = read_all(&w.app, &w.staff, &format!("{by_proposal}&sort=newest"), "/id");
        assert_eq!(newest, reversed(on_first.clone()));
        let with_space = read_all(&w.app, &w.staff, &format!("{by_proposal}&space=giardini"), "/id");
        assert_eq!(with_space, on_first);
        let admin = read_all(&w.app, &w.admin, &by_proposal, "/id");
        assert_eq!(admin, on_first, "admins read every space's queue");
    }
    let wrong_space =
        w.app.get(&format!("/api/v1/moderation/amendments?proposal={id}&space=parchi"), Some(&w.admin.token));
    assert!(wrong_space.expect(200)["items"].as_array().unwrap().is_empty(), "both filters apply");

    // Cursors belong to their order and their proposal.
    let cursor = first_cursor(&w.app, &w.staff, path);
    let refused = w.app.get(&format!("{path}&sort=newest&cursor={cursor}"), Some(&w.staff.token));
    assert_eq!(field_error(&refused), ("cursor".into(), "invalid_cursor".into()));
    let by_proposal = format!("/api/v1/moderation/amendments?proposal={id}");
    let cursor = first_cursor(&w.app, &w.staff, &by_proposal);
    let other = second["id"].as_str().unwrap();
    let refused =
        w.app.get(&format!("/api/v1/moderation/amendments?proposal={other}&cursor={cursor}"), Some(&w.staff.token));
    assert_eq!(field_error(&refused), ("cursor".into(), "invalid_cursor".into()));

    // A proposal the caller is not staff of, or that does not exist.
    let foreign = elsewhere["reference"].as_str().unwrap();
    w.app
        .get(&format!("/api/v1/moderation/amendments?proposal={foreign}"), Some(&w.staff.token))
        .expect_problem(403, "staff_only");
    let missing = "TST-PROP-2020-01-999";
    w.app
        .get(&format!("/api/v1/moderation/amendments?proposal={missing}"), Some(&w.staff.token))
        .expect_problem(404, "not_found");
}

fn bad_queue_parameters_are_named(backend: Backend) {
    let w = world(backend, 10);
    let token = Some(w.staff.token.as_str());
    let cases = [
        ("/api/v1/moderation/amendments?sort=sideways", "sort", "invalid_choice"),
        ("/api/v1/moderation/amendments?sort=", "sort", "invalid_choice"),
        ("/api/v1/moderation/amendments?proposal=not-a-proposal", "proposal", "invalid_format"),
        ("/api/v1/moderation/amendments?proposal=0192f3a0-7c1e", "proposal", "invalid_format"),
        ("/api/v1/moderation/reports?sort=recent", "sort", "invalid_choice"),
        ("/api/v1/moderation/reports?reason=rude", "reason", "invalid_choice"),
        ("/api/v1/moderation/reports?reason=SPAM", "reason", "invalid_choice"),
        ("/api/v1/moderation/reports?motivo=spam", "motivo", "malformed"),
    ];
    for (path, field, code) in cases {
        assert_eq!(field_error(&w.app.get(path, token)), (field.into(), code.into()), "{path}");
    }
    // Every bad parameter at once, each under its name.
    let reply = w.app.get("/api/v1/moderation/reports?sort=up&reason=rude", token);
    let body = reply.expect_problem(422, "validation_failed");
    let mut fields: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["reason", "sort"]);
}

fn only_staff_read_the_queues(backend: Backend) {
    let w = world(backend, 10);
    let participant = w.app.participant("passante");
    let p = proposal(&w, "giardini", "Un giardino condiviso in via Fioravanti");
    let reference = p["reference"].as_str().unwrap();
    let paths = [
        "/api/v1/moderation/reports?sort=newest".to_owned(),
        "/api/v1/moderation/reports?reason=spam&state=all".to_owned(),
        "/api/v1/moderation/amendments?sort=newest".to_owned(),
        format!("/api/v1/moderation/amendments?proposal={reference}"),
    ];
    for path in &paths {
        for who in [&participant, &w.author] {
            w.app.get(path, Some(&who.token)).expect_problem(403, "staff_only");
        }
        w.app.get(path, None).expect_problem(401, "unauthenticated");
        w.app.get(path, Some(&w.staff.token)).expect(200);
    }
    // Staff of another space: not this proposal's amendments.
    w.app
        .get(&format!("/api/v1/moderation/amendments?proposal={reference}"), Some(&w.other_staff.token))
        .expect_problem(403, "staff_only");
}

/// The reports of the item as (state, how many), from the rows.
fn report_states(app: &TestApp, kind: TargetKind, id: &str) -> Vec<(String, i64)> {
    let states = app
        .store
        .read(|tx| {
            let m = moderation::find_for_target(tx, kind, Uuid::parse_str(id).unwrap())?.unwrap();
            moderation::latest_reports(tx, &[m.id], 100)
        })
        .unwrap();
    let mut counts: Vec<(String, i64)> = Vec::new();
    for report in states {
        let state = report.state.as_str().to_owned();
        match counts.iter_mut().find(|(s, _)| *s == state) {
            Some((_, n)) => *n += 1,
            None => counts.push((state, 1)),
        }
    }
    counts.sort();
    counts
}

/// The latest audit entry about `target` with `action`, as staff read it.
fn latest_entry(app: &TestApp, admin: &TestUser, target: &str, action: &str) -> Value {
    let log = app.get(&format!("/api/v1/audit?action={action}&limit=100"), Some(&admin.token));
    log.expect(200)["items"].as_array().unwrap().iter().find(|e| e["target_id"] == target).cloned().unwrap()
}

fn in_open_queue(app: &TestApp, staff: &TestUser, target: &str) -> Option<Value> {
    let queue = app.get("/api/v1/moderation/reports?limit=100", Some(&staff.token));
    queue.expect(200)["items"].as_array().unwrap().iter().find(|i| i["target"]["id"] == target).cloned()
}

fn undoing_a_hide_reopens_exactly_the_reports_it_upheld(backend: Backend) {
    let w = world(backend, 10);
    let reporters: Vec<TestUser> = (0..5).map(|n| w.app.participant(&format!("segnalante{n}"))).collect();
    let id = proposal(&w, "giardini", "Una proposta da moderare con cura")["id"].as_str().unwrap().to_owned();
    // Two reports upheld by an earlier hide, which staff later reversed
    // with a plain unhide: those stay upheld for good.
    report(&w.app, &reporters[0], "proposal", &id, "spam");
    report(&w.app, &reporters[1], "proposal", &id, "spam");
    let earlier = act(&w.app, &w.staff, "hide", "proposals", &id, json!({})).expect(200).clone();
    let earlier_hide = earlier["hide_entry_id"].as_str().unwrap().to_owned();
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({})).expect(200);
    assert_eq!(report_states(&w.app, TargetKind::Proposal, &id), [("upheld".into(), 2)]);

    // Three new reports; the hide that upholds them is undone.
    for who in &reporters[2..] {
        report(&w.app, who, "proposal", &id, "offensive");
    }
    let hidden = act(&w.app, &w.staff, "hide", "proposals", &id, json!({ "note": "Offensivo" })).expect(200).clone();
    assert_eq!((hidden["hidden"].as_bool(), hidden["open_reports"].as_i64()), (Some(true), Some(0)));
    let hide = hidden["hide_entry_id"].as_str().unwrap().to_owned();
    assert_eq!(latest_entry(&w.app, &w.admin, &id, "content.hidden")["id"], hide.as_str(), "the hide's own entry");
    assert!(in_open_queue(&w.app, &w.staff, &id).is_none());
    // Naming the earlier hide, which is not in force: refused, nothing changes.
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": earlier_hide }))
        .expect_problem(409, "moderation_changed");
    assert_eq!(report_states(&w.app, TargetKind::Proposal, &id), [("upheld".into(), 5)]);
    // Staff of another space do not even see the hidden item.
    act(&w.app, &w.other_staff, "unhide", "proposals", &id, json!({ "undo": hide })).expect_problem(404, "not_found");
    let participant = &reporters[0];
    act(&w.app, participant, "unhide", "proposals", &id, json!({ "undo": hide })).expect_problem(403, "staff_only");

    let undone = act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": hide })).expect(200).clone();
    assert_eq!(
        (undone["hidden"].as_bool(), undone["open_reports"].as_i64(), &undone["hide_entry_id"]),
        (Some(false), Some(3), &Value::Null)
    );
    assert_eq!(
        report_states(&w.app, TargetKind::Proposal, &id),
        [("open".into(), 3), ("upheld".into(), 2)],
        "exactly the reports that hide upheld are open again"
    );
    let back = in_open_queue(&w.app, &w.staff, &id).expect("back in the open queue");
    assert_eq!(back["open_reports"], 3);
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{id}"), None).expect(200)["hidden"], false);
    // The public log says it was an undo, of which hide, and what it reopened.
    let entry = latest_entry(&w.app, &w.admin, &id, "content.unhidden");
    assert_eq!(entry["details"]["undoes"], hide.as_str());
    assert_eq!(entry["details"]["reopened_reports"], 3);
    let public = w.app.get("/api/v1/audit?action=content.unhidden&limit=100", None);
    assert!(public.expect(200)["items"].as_array().unwrap().iter().any(|e| e["id"] == entry["id"]));
    w.app.assert_counters_consistent();

    // An undo works once: the hide is no longer in force.
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": hide }))
        .expect_problem(409, "moderation_changed");
    // The reopened reports are worked like any: a dismissal closes them.
    let dismissed = act(&w.app, &w.staff, "dismiss", "proposals", &id, json!({})).expect(200).clone();
    assert_eq!(dismissed["open_reports"], 0);
    assert_eq!(report_states(&w.app, TargetKind::Proposal, &id), [("dismissed".into(), 3), ("upheld".into(), 2)]);
    // A malformed hide is named.
    let bad = act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": "nascondi" }));
    assert_eq!(field_error(&bad).0, "undo");
    w.app.assert_counters_consistent();
}

/// Only a hide that made a visible item hidden can be undone: confirming
/// the reports that hid an item, or a plain unhide since, leaves nothing
/// to undo; undoing a comment's hide restores its counters.
fn only_the_hide_in_force_is_undone(backend: Backend) {
    let w = world(backend, 2);
    let (anna, bruno) = (w.app.participant("anna"), w.app.participant("bruno"));
    let id = proposal(&w, "giardini", "Una proposta nascosta dalle segnalazioni")["id"].as_str().unwrap().to_owned();
    report(&w.app, &anna, "proposal", &id, "spam");
    report(&w.app, &bruno, "proposal", &id, "spam");
    // Hidden by its reports: staff confirm them (an upholding), nothing to undo.
    let confirmed = act(&w.app, &w.staff, "hide", "proposals", &id, json!({})).expect(200).clone();
    assert_eq!((confirmed["hidden"].as_bool(), &confirmed["hide_entry_id"]), (Some(true), &Value::Null));
    let upholding = latest_entry(&w.app, &w.admin, &id, "reports.upheld")["id"].as_str().unwrap().to_owned();
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": upholding }))
        .expect_problem(409, "moderation_changed");
    assert_eq!(report_states(&w.app, TargetKind::Proposal, &id), [("upheld".into(), 2)]);

    // A hide, then a plain unhide by someone else: the offer is stale.
    act(&w.app, &w.admin, "unhide", "proposals", &id, json!({})).expect(200);
    let hide = act(&w.app, &w.staff, "hide", "proposals", &id, json!({})).expect(200)["hide_entry_id"].clone();
    assert!(hide.is_string());
    act(&w.app, &w.admin, "unhide", "proposals", &id, json!({})).expect(200);
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": hide }))
        .expect_problem(409, "moderation_changed");
    // Hidden again since, by someone else: the first hide is not theirs to
    // undo, nor is the admin's hide (a hide of theirs would have found it
    // hidden, changing nothing); the admin undoes their own.
    let again = act(&w.app, &w.admin, "hide", "proposals", &id, json!({})).expect(200)["hide_entry_id"].clone();
    assert_ne!(again, hide);
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": hide }))
        .expect_problem(409, "moderation_changed");
    let repeat = act(&w.app, &w.staff, "hide", "proposals", &id, json!({})).expect(200).clone();
    assert_eq!(repeat["hide_entry_id"], again, "a hide that found it hidden changed nothing");
    act(&w.app, &w.staff, "unhide", "proposals", &id, json!({ "undo": again }))
        .expect_problem(409, "moderation_changed");
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{id}"), Some(&w.staff.token)).expect(200)["hidden"], true);
    act(&w.app, &w.admin, "unhide", "proposals", &id, json!({ "undo": again })).expect(200);
    assert_eq!(w.app.get(&format!("/api/v1/proposals/{id}"), None).expect(200)["hidden"], false);

    // A comment: hidden and undone, its counters are as before.
    let other = proposal(&w, "giardini", "Una proposta con un commento da moderare");
    let other_id = other["id"].as_str().unwrap();
    let comment = w.app.post(
        &format!("/api/v1/proposals/{other_id}/comments"),
        Some(&anna.token),
        json!({ "body": "Un commento sopra le righe" }),
    );
    let comment = comment.expect(201)["id"].as_str().unwrap().to_owned();
    report(&w.app, &bruno, "comment", &comment, "offensive");
    let count =
        || w.app.get(&format!("/api/v1/proposals/{other_id}"), None).expect(200)["counters"]["comments"].clone();
    assert_eq!(count(), 1);
    let hidden = act(&w.app, &w.staff, "hide", "comments", &comment, json!({})).expect(200).clone();
    assert_eq!(count(), 0);
    let undone = act(&w.app, &w.staff, "unhide", "comments", &comment, json!({ "undo": hidden["hide_entry_id"] }));
    assert_eq!(undone.expect(200)["open_reports"], 1);
    assert_eq!(count(), 1);
    w.app.assert_counters_consistent();
}

backend_tests!(
    report_queue_reads_both_ways_and_pages_exactly,
    report_queue_is_filtered_by_reason,
    amendment_queue_reads_both_ways_and_by_proposal,
    bad_queue_parameters_are_named,
    only_staff_read_the_queues,
    undoing_a_hide_reopens_exactly_the_reports_it_upheld,
    only_the_hide_in_force_is_undone
);
