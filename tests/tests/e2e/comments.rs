//! Threaded comments and comment votes over HTTP, on both backends: every
//! rule and refusal by role, placeholders and counters, revisions,
//! pagination in every order, amendment visibility, concurrent votes,
//! replies and deletions, and a 10,000-comment thread served from an index.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::comment::{Alignment, CommentOrder};
use emenda_store::comments::{self as comment_rows, NewComment};
use emenda_store::testing::execute_raw;
use emenda_store::{Backend, StoreError};
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};
use uuid::Uuid;

const BODY: &str = "Proponiamo orti rialzati nel giardino di via Fioravanti, aperti a tutti.";

struct World {
    app: Arc<TestApp>,
    admin: TestUser,
    staff: TestUser,
    author: TestUser,
    proposal: String,
}

fn world(backend: Backend, settings: Value) -> World {
    let app = Arc::new(TestApp::spawn(backend));
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
    let proposal =
        app.proposal(&author, "giardini", "Un giardino condiviso in via Fioravanti")["id"].as_str().unwrap().to_owned();
    World { app, admin, staff, author, proposal }
}

fn comment_on(w: &World, who: &TestUser, body: Value) -> Reply {
    w.app.post(&format!("/api/v1/proposals/{}/comments", w.proposal), Some(&who.token), body)
}

fn say(w: &World, who: &TestUser, text: &str, parent: Option<&str>) -> String {
    let reply = comment_on(w, who, json!({ "body": text, "parent_id": parent }));
    reply.expect(201)["id"].as_str().unwrap().to_owned()
}

fn list(w: &World, query: &str, token: Option<&str>) -> Value {
    w.app.get(&format!("/api/v1/proposals/{}/comments?{query}", w.proposal), token).expect(200).clone()
}

fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

fn vote(w: &World, who: &TestUser, id: &str, value: i64) -> Reply {
    w.app.call("PUT", &format!("/api/v1/comments/{id}/vote"), Some(&who.token), Some(&json!({ "value": value })))
}

fn comment(w: &World, id: &str, token: Option<&str>) -> Value {
    w.app.get(&format!("/api/v1/comments/{id}"), token).expect(200).clone()
}

fn proposal_comments_count(w: &World) -> i64 {
    w.app.get(&format!("/api/v1/proposals/{}", w.proposal), None).expect(200)["counters"]["comments"].as_i64().unwrap()
}

fn field_of(reply: &Reply) -> (String, String) {
    let error = &reply.expect_problem(422, "validation_failed")["errors"][0];
    (error["field"].as_str().unwrap().to_owned(), error["code"].as_str().unwrap().to_owned())
}

fn every_role_gets_what_it_may(backend: Backend) {
    let w = world(backend, json!({}));
    let other = w.app.participant("altro");
    let elsewhere = w.app.participant("altrove");
    w.app.space(&w.admin, "altro-spazio", json!({}));
    w.app
        .call(
            "PUT",
            &format!("/api/v1/moderation/users/{}/roles", elsewhere.id),
            Some(&w.admin.token),
            Some(&json!({ "role": "staff", "space": "altro-spazio" })),
        )
        .expect(200);
    let path = format!("/api/v1/proposals/{}/comments", w.proposal);
    // Anonymous readers read but cannot write.
    w.app.post(&path, None, json!({ "body": "ciao" })).expect_problem(401, "unauthenticated");
    let created = comment_on(&w, &w.author, json!({ "body": "  Serve più ombra.  " }));
    let c = created.expect(201).clone();
    assert_eq!(
        (c["body"].as_str(), c["alignment"].as_str(), c["depth"].as_i64()),
        (Some("Serve più ombra."), Some("neutral"), Some(0))
    );
    assert_eq!(c["author"]["nickname"], "autrice");
    assert_eq!(
        (c["revision"].as_i64(), c["edited"].as_bool(), c["my_vote"].clone()),
        (Some(1), Some(false), Value::Null)
    );
    let id = c["id"].as_str().unwrap().to_owned();
    assert_eq!(ids(&list(&w, "", None)), [id.as_str()]);
    let anonymous = comment(&w, &id, None);
    assert_eq!(anonymous["votes"], json!({ "up": 0, "down": 0, "score": 0 }));
    w.app
        .call("PUT", &format!("/api/v1/comments/{id}/vote"), None, Some(&json!({ "value": 1 })))
        .expect_problem(401, "unauthenticated");
    w.app
        .call("PATCH", &format!("/api/v1/comments/{id}"), None, Some(&json!({ "body": "x" })))
        .expect_problem(401, "unauthenticated");
    w.app.call("DELETE", &format!("/api/v1/comments/{id}"), None, None).expect_problem(401, "unauthenticated");

    // Only the author edits or deletes: another participant, staff of
    // another space, staff of this space and an admin are all refused.
    for who in [&other, &elsewhere, &w.staff, &w.admin] {
        w.app
            .call(
                "PATCH",
                &format!("/api/v1/comments/{id}"),
                Some(&who.token),
                Some(&json!({ "body": "Riscritto da altri" })),
            )
            .expect_problem(403, "not_comment_author");
        w.app
            .call("DELETE", &format!("/api/v1/comments/{id}"), Some(&who.token), None)
            .expect_problem(403, "not_comment_author");
    }
    // Everyone else may vote; the author may not.
    vote(&w, &w.author, &id, 1).expect_problem(403, "own_comment");
    for who in [&other, &elsewhere, &w.staff, &w.admin] {
        vote(&w, who, &id, 1).expect(200);
    }
    assert_eq!(vote(&w, &other, &id, -1).expect(200).clone(), json!({ "up": 3, "down": 1, "score": 2, "my_vote": -1 }));
    assert_eq!(comment(&w, &id, Some(&other.token))["my_vote"], -1);
    assert_eq!(comment(&w, &id, Some(&w.staff.token))["my_vote"], 1);
    assert_eq!(
        vote(&w, &other, &id, 0).expect(200).clone(),
        json!({ "up": 3, "down": 0, "score": 3, "my_vote": null })
    );
    assert_eq!(field_of(&vote(&w, &other, &id, 2)), ("value".into(), "out_of_range".into()));

    // Body limits: characters, not bytes; blank refused; alignment checked.
    let longest = "è".repeat(2_000);
    assert_eq!(
        comment_on(&w, &other, json!({ "body": longest })).expect(201)["body"].as_str().unwrap().chars().count(),
        2_000
    );
    assert_eq!(
        field_of(&comment_on(&w, &other, json!({ "body": "è".repeat(2_001) }))),
        ("body".into(), "too_long".into())
    );
    assert_eq!(field_of(&comment_on(&w, &other, json!({ "body": "   " }))), ("body".into(), "required".into()));
    assert_eq!(
        field_of(&comment_on(&w, &other, json!({ "body": "ok", "alignment": "maybe" }))),
        ("alignment".into(), "invalid_choice".into())
    );
    let against = comment_on(&w, &other, json!({ "body": "Costa troppo.", "alignment": "against" }));
    assert_eq!(against.expect(201)["alignment"], "against");
    assert_eq!(proposal_comments_count(&w), 3);
    let audit = w.app.get("/api/v1/audit?space=giardini", None);
    let actions: Vec<&str> =
        audit.expect(200)["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"comment.created"));
    assert!(!actions.contains(&"comment.voted"), "votes are staff-only audit entries");
}

fn replies_nest_three_deep_within_their_thread(backend: Backend) {
    let w = world(backend, json!({}));
    let other = w.app.participant("altro");
    let root = say(&w, &w.author, "Radice", None);
    let one = say(&w, &other, "Uno", Some(&root));
    let two = say(&w, &w.author, "Due", Some(&one));
    let three = say(&w, &other, "Tre", Some(&two));
    assert_eq!(comment(&w, &three, None)["depth"], 3);
    let too_deep = comment_on(&w, &w.author, json!({ "body": "Quattro", "parent_id": three }));
    assert_eq!(field_of(&too_deep), ("parent_id".into(), "too_deep".into()));
    let unknown = comment_on(&w, &w.author, json!({ "body": "?", "parent_id": Uuid::now_v7() }));
    assert_eq!(field_of(&unknown), ("parent_id".into(), "not_found".into()));
    // A parent from another proposal is refused.
    let elsewhere =
        w.app.proposal(&other, "giardini", "Un'altra proposta per il quartiere")["id"].as_str().unwrap().to_owned();
    let foreign = w.app.post(
        &format!("/api/v1/proposals/{elsewhere}/comments"),
        Some(&other.token),
        json!({ "body": "Qui", "parent_id": root }),
    );
    assert_eq!(field_of(&foreign), ("parent_id".into(), "not_found".into()));
    assert_eq!(
        field_of(&w.app.get(&format!("/api/v1/proposals/{elsewhere}/comments?parent_id={root}"), None)),
        ("parent_id".into(), "not_found".into())
    );
    // Lists: roots only, then one level of replies at a time.
    assert_eq!(ids(&list(&w, "", None)), [root.as_str()]);
    assert_eq!(ids(&list(&w, &format!("parent_id={root}"), None)), [one.as_str()]);
    assert_eq!(ids(&list(&w, &format!("parent_id={one}"), None)), [two.as_str()]);
    assert_eq!(comment(&w, &root, None)["replies_count"], 3);
    assert_eq!(comment(&w, &one, None)["replies_count"], 2);
    assert_eq!(proposal_comments_count(&w), 4);
}

fn edits_keep_every_revision(backend: Backend) {
    let w = world(backend, json!({}));
    let id = say(&w, &w.author, "Prima stesura", None);
    let path = format!("/api/v1/comments/{id}");
    let edited =
        w.app.call("PATCH", &path, Some(&w.author.token), Some(&json!({ "body": "Seconda stesura", "revision": 1 })));
    let edited = edited.expect(200).clone();
    assert_eq!((edited["revision"].as_i64(), edited["edited"].as_bool()), (Some(2), Some(true)));
    assert!(edited["edited_at"].is_string());
    let aligned = w.app.call("PATCH", &path, Some(&w.author.token), Some(&json!({ "alignment": "in_favor" })));
    assert_eq!(
        (aligned.expect(200)["alignment"].as_str(), aligned.body["body"].as_str()),
        (Some("in_favor"), Some("Seconda stesura"))
    );
    w.app
        .call("PATCH", &path, Some(&w.author.token), Some(&json!({ "body": "Terza", "revision": 2 })))
        .expect_problem(409, "stale_revision");
    assert_eq!(
        field_of(&w.app.call("PATCH", &path, Some(&w.author.token), Some(&json!({ "body": "Seconda stesura" })))),
        ("body".into(), "unchanged".into())
    );
    assert_eq!(
        field_of(&w.app.call("PATCH", &path, Some(&w.author.token), Some(&json!({})))),
        ("body".into(), "required".into())
    );
    let revisions = w.app.get(&format!("{path}/revisions?limit=2"), None).expect(200).clone();
    let bodies: Vec<&str> =
        revisions["items"].as_array().unwrap().iter().map(|r| r["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["Prima stesura", "Seconda stesura"]);
    let cursor = revisions["next_cursor"].as_str().unwrap();
    let rest = w.app.get(&format!("{path}/revisions?limit=2&cursor={cursor}"), None).expect(200).clone();
    assert_eq!(
        (rest["items"][0]["revision"].as_i64(), rest["items"][0]["alignment"].as_str()),
        (Some(3), Some("in_favor"))
    );
    assert!(rest["next_cursor"].is_null());
    // Once deleted: no edit, no vote, revisions for staff only.
    w.app.call("DELETE", &path, Some(&w.author.token), None).expect(200);
    w.app.call("DELETE", &path, Some(&w.author.token), None).expect_problem(409, "comment_deleted");
    w.app
        .call("PATCH", &path, Some(&w.author.token), Some(&json!({ "body": "Ancora" })))
        .expect_problem(409, "comment_deleted");
    vote(&w, &w.staff, &id, 1).expect_problem(409, "comment_deleted");
    w.app.get(&format!("{path}/revisions"), None).expect_problem(404, "not_found");
    w.app.get(&format!("{path}/revisions"), Some(&w.author.token)).expect_problem(404, "not_found");
    assert_eq!(
        w.app.get(&format!("{path}/revisions"), Some(&w.staff.token)).expect(200)["items"].as_array().unwrap().len(),
        3
    );
    let replied = comment_on(&w, &w.staff, json!({ "body": "Risposta", "parent_id": id }));
    replied.expect_problem(409, "comment_deleted");
}

fn deletion_leaves_a_placeholder_and_moves_the_counters(backend: Backend) {
    let w = world(backend, json!({}));
    let other = w.app.participant("altro");
    let root = say(&w, &w.author, "Radice", None);
    let reply = say(&w, &other, "Risposta", Some(&root));
    let nested = say(&w, &w.author, "Annidata", Some(&reply));
    let second = say(&w, &other, "Seconda radice", None);
    assert_eq!(proposal_comments_count(&w), 4);
    assert_eq!(comment(&w, &root, None)["replies_count"], 2);
    let placeholder =
        w.app.call("DELETE", &format!("/api/v1/comments/{reply}"), Some(&other.token), None).expect(200).clone();
    assert_eq!(
        (placeholder["deleted"].as_bool(), &placeholder["body"], &placeholder["author"], &placeholder["alignment"]),
        (Some(true), &Value::Null, &Value::Null, &Value::Null)
    );
    assert_eq!(proposal_comments_count(&w), 3);
    assert_eq!(comment(&w, &root, None)["replies_count"], 1, "the deleted reply no longer counts, its own reply does");
    // The placeholder stays in the thread and its reply stays under it.
    let replies = list(&w, &format!("parent_id={root}"), None);
    assert_eq!(ids(&replies), [reply.as_str()]);
    assert!(replies["items"][0]["body"].is_null());
    assert_eq!(replies["items"][0]["replies_count"], 1);
    assert_eq!(ids(&list(&w, &format!("parent_id={reply}"), None)), [nested.as_str()]);
    assert_eq!(comment(&w, &nested, None)["body"], "Annidata");
    // Deleting a root and a leaf.
    w.app.call("DELETE", &format!("/api/v1/comments/{nested}"), Some(&w.author.token), None).expect(200);
    w.app.call("DELETE", &format!("/api/v1/comments/{second}"), Some(&other.token), None).expect(200);
    assert_eq!(comment(&w, &root, None)["replies_count"], 0);
    assert_eq!(proposal_comments_count(&w), 1);
    assert_eq!(ids(&list(&w, "", None)), [root, second]);
    let audit = w.app.get("/api/v1/audit?space=giardini", None);
    assert!(audit.expect(200)["items"].as_array().unwrap().iter().any(|e| e["action"] == "comment.deleted"));
}

fn closed_spaces_and_withdrawn_proposals_take_no_comments(backend: Backend) {
    let w = world(backend, json!({}));
    let other = w.app.participant("altro");
    let id = say(&w, &w.author, "Prima della chiusura", None);
    w.app
        .call(
            "PATCH",
            "/api/v1/spaces/giardini",
            Some(&w.admin.token),
            Some(&json!({ "settings": { "comments_open": false } })),
        )
        .expect(200);
    comment_on(&w, &other, json!({ "body": "Troppo tardi" })).expect_problem(403, "comments_closed");
    w.app
        .call("PATCH", &format!("/api/v1/comments/{id}"), Some(&w.author.token), Some(&json!({ "body": "Corretto" })))
        .expect_problem(403, "comments_closed");
    vote(&w, &other, &id, 1).expect_problem(403, "comments_closed");
    assert_eq!(ids(&list(&w, "", None)), [id.as_str()], "closed threads stay readable");
    w.app
        .call(
            "PATCH",
            "/api/v1/spaces/giardini",
            Some(&w.admin.token),
            Some(&json!({ "settings": { "comments_open": true } })),
        )
        .expect(200);
    w.app.post(&format!("/api/v1/proposals/{}/withdraw", w.proposal), Some(&w.author.token), json!({})).expect(200);
    comment_on(&w, &other, json!({ "body": "Dopo il ritiro" })).expect_problem(409, "proposal_withdrawn");
    vote(&w, &other, &id, 1).expect(200);
}

fn amendment_comments_follow_amendment_visibility(backend: Backend) {
    let w = world(backend, json!({ "amendments_visibility": "participants" }));
    let amender = w.app.participant("emendatore");
    let bystander = w.app.participant("passante");
    let amendment = w.app.post(
        &format!("/api/v1/proposals/{}/amendments", w.proposal),
        Some(&amender.token),
        json!({ "title": "Un giardino condiviso e accessibile", "body": BODY, "rationale": "Accessibile a tutti.", "base_version": 1 }),
    );
    let amendment = amendment.expect(201)["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/amendments/{amendment}/comments");
    let mine = w.app.post(&path, Some(&amender.token), json!({ "body": "Spiego il perché" })).expect(201).clone();
    assert_eq!(mine["amendment_id"], amendment.as_str());
    w.app.post(&path, Some(&w.staff.token), json!({ "body": "Lo valutiamo" })).expect(201);
    w.app.post(&path, Some(&bystander.token), json!({ "body": "Io?" })).expect_problem(404, "not_found");
    w.app.get(&path, None).expect_problem(404, "not_found");
    w.app.get(&path, Some(&bystander.token)).expect_problem(404, "not_found");
    let id = mine["id"].as_str().unwrap();
    w.app.get(&format!("/api/v1/comments/{id}"), Some(&bystander.token)).expect_problem(404, "not_found");
    assert_eq!(w.app.get(&path, Some(&amender.token)).expect(200)["items"].as_array().unwrap().len(), 2);
    assert_eq!(w.app.get(&path, Some(&w.staff.token)).expect(200)["items"].as_array().unwrap().len(), 2);
    // Amendment comments do not count on the proposal, nor list there.
    assert_eq!(proposal_comments_count(&w), 0);
    assert!(ids(&list(&w, "", Some(&w.staff.token))).is_empty());
    let parent_elsewhere = comment_on(&w, &amender, json!({ "body": "Altrove", "parent_id": id }));
    assert_eq!(field_of(&parent_elsewhere), ("parent_id".into(), "not_found".into()));
}

/// Reads every page of a list and returns the items in order.
fn all_pages(w: &World, order: &str, token: Option<&str>) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            Some(c) => format!("order={order}&limit=2&cursor={c}"),
            None => format!("order={order}&limit=2"),
        };
        let page = list(w, &query, token);
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
}

fn every_order_pages_without_gaps_or_repeats(backend: Backend) {
    let w = world(backend, json!({}));
    let voters: Vec<TestUser> = (0..3).map(|i| w.app.participant(&format!("votante{i}"))).collect();
    let roots: Vec<String> = (0..7).map(|i| say(&w, &w.author, &format!("Radice {i}"), None)).collect();
    // Scores 0, 1, -1, 2, 0, 1, 3 with ties; replies 0..2.
    let scores: [i64; 7] = [0, 1, -1, 2, 0, 1, 3];
    for (root, score) in roots.iter().zip(scores) {
        for voter in voters.iter().take(usize::try_from(score.unsigned_abs()).unwrap()) {
            vote(&w, voter, root, score.signum()).expect(200);
        }
    }
    for (i, root) in roots.iter().enumerate() {
        for _ in 0..(i % 3) {
            say(&w, &voters[0], "Risposta", Some(root));
        }
    }
    let expected: BTreeSet<String> = roots.iter().cloned().collect();
    for order in ["oldest", "newest", "best", "most_discussed"] {
        let items = all_pages(&w, order, Some(&voters[0].token));
        let seen: Vec<String> = items.iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect();
        assert_eq!(seen.len(), 7, "{order}: {seen:?}");
        assert_eq!(seen.iter().cloned().collect::<BTreeSet<_>>(), expected, "{order}");
        let key = |c: &Value| match order {
            "best" => (c["votes"]["score"].as_i64().unwrap(), c["id"].as_str().unwrap().to_owned()),
            "most_discussed" => (c["replies_count"].as_i64().unwrap(), c["id"].as_str().unwrap().to_owned()),
            _ => (0, c["id"].as_str().unwrap().to_owned()),
        };
        let keys: Vec<(i64, String)> = items.iter().map(key).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        if order != "oldest" {
            sorted.reverse();
        }
        assert_eq!(keys, sorted, "{order} is out of order");
    }
    // my_vote comes with the page.
    let best = all_pages(&w, "best", Some(&voters[0].token));
    assert_eq!(best[0]["my_vote"], 1);
    assert!(all_pages(&w, "best", None)[0]["my_vote"].is_null());
    // A cursor of one order is refused by another.
    let page = list(&w, "order=best&limit=2", None);
    let cursor = page["next_cursor"].as_str().unwrap();
    let wrong = w.app.get(&format!("/api/v1/proposals/{}/comments?order=newest&cursor={cursor}", w.proposal), None);
    assert_eq!(field_of(&wrong), ("cursor".into(), "invalid_cursor".into()));
    assert_eq!(
        field_of(&w.app.get(&format!("/api/v1/proposals/{}/comments?limit=101", w.proposal), None)),
        ("limit".into(), "out_of_range".into())
    );
    assert_eq!(
        field_of(&w.app.get(&format!("/api/v1/proposals/{}/comments?order=loudest", w.proposal), None)),
        ("order".into(), "invalid_choice".into())
    );
}

fn concurrent_votes_keep_counters_equal_to_the_votes(backend: Backend) {
    let w = world(backend, json!({}));
    let id = say(&w, &w.author, "Votatemi", None);
    let voters: Vec<TestUser> = (0..10).map(|i| w.app.participant(&format!("votante{i}"))).collect();
    // Each voter sends four votes at once (up, down, change, remove), so
    // one user's votes race each other as well as everyone else's.
    let sequences: [[i64; 4]; 3] = [[1, -1, 0, 1], [-1, 1, 1, 0], [0, 1, -1, -1]];
    let barrier = Arc::new(Barrier::new(voters.len() * 4));
    let mut handles = Vec::new();
    for (n, voter) in voters.iter().enumerate() {
        for value in sequences[n % 3] {
            let (app, barrier, token, id) = (w.app.clone(), barrier.clone(), voter.token.clone(), id.clone());
            handles.push(std::thread::spawn(move || {
                barrier.wait();
                app.call("PUT", &format!("/api/v1/comments/{id}/vote"), Some(&token), Some(&json!({ "value": value })))
            }));
        }
    }
    for handle in handles {
        handle.join().unwrap().expect(200);
    }
    let mut ups = 0;
    let mut downs = 0;
    for voter in &voters {
        match comment(&w, &id, Some(&voter.token))["my_vote"].as_i64() {
            Some(1) => ups += 1,
            Some(-1) => downs += 1,
            _ => {}
        }
    }
    let votes = &comment(&w, &id, None)["votes"];
    assert_eq!(votes.clone(), json!({ "up": ups, "down": downs, "score": ups - downs }));
    w.app.assert_counters_consistent();
}

fn concurrent_replies_and_deletes_keep_counters_equal_to_live_rows(backend: Backend) {
    let w = world(backend, json!({}));
    let root = say(&w, &w.author, "Radice contesa", None);
    let people: Vec<TestUser> = (0..8).map(|i| w.app.participant(&format!("persona{i}"))).collect();
    let first: Vec<String> = people.iter().map(|p| say(&w, p, "Prima risposta", Some(&root))).collect();
    let barrier = Arc::new(Barrier::new(people.len() * 2));
    let mut handles = Vec::new();
    for (n, person) in people.iter().enumerate() {
        let (app, barrier, token, mine) = (w.app.clone(), barrier.clone(), person.token.clone(), first[n].clone());
        let proposal = w.proposal.clone();
        let (app2, barrier2, token2, parent) =
            (app.clone(), barrier.clone(), token.clone(), first[(n + 1) % first.len()].clone());
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            app.call("DELETE", &format!("/api/v1/comments/{mine}"), Some(&token), None)
        }));
        handles.push(std::thread::spawn(move || {
            barrier2.wait();
            app2.post(
                &format!("/api/v1/proposals/{proposal}/comments"),
                Some(&token2),
                json!({ "body": "Replica", "parent_id": parent }),
            )
        }));
    }
    let replies: Vec<Reply> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    for reply in &replies {
        assert!(
            reply.status == 200 || reply.status == 201 || reply.code() == "comment_deleted",
            "unexpected reply: {}",
            reply.body
        );
    }
    // Walk the whole thread through the API and count the live rows.
    let mut live_under_root = 0;
    let mut stack = vec![root.clone()];
    while let Some(parent) = stack.pop() {
        let page = list(&w, &format!("parent_id={parent}&limit=100"), None);
        for item in page["items"].as_array().unwrap() {
            let id = item["id"].as_str().unwrap().to_owned();
            if !item["deleted"].as_bool().unwrap() {
                live_under_root += 1;
            }
            let live_below = count_live(&w, &id);
            assert_eq!(item["replies_count"].as_i64().unwrap(), live_below, "replies_count of {id}");
            stack.push(id);
        }
    }
    assert_eq!(comment(&w, &root, None)["replies_count"].as_i64().unwrap(), live_under_root);
    assert_eq!(proposal_comments_count(&w), live_under_root + 1);
    w.app.assert_counters_consistent();
}

fn count_live(w: &World, id: &str) -> i64 {
    let page = list(w, &format!("parent_id={id}&limit=100"), None);
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| i64::from(!c["deleted"].as_bool().unwrap()) + count_live(w, c["id"].as_str().unwrap()))
        .sum()
}

/// Inserts `n` roots on the proposal straight through the store, in one
/// transaction (what the service does per comment, minus the checks).
fn bulk_comments(w: &World, n: usize) {
    let proposal = Uuid::parse_str(&w.proposal).unwrap();
    let author = Uuid::parse_str(&w.author.id).unwrap();
    let space: String = w.app.get("/api/v1/spaces/giardini", None).expect(200)["id"].as_str().unwrap().to_owned();
    let space = Uuid::parse_str(&space).unwrap();
    let now = chrono::Utc::now();
    w.app
        .store
        .write(|tx| {
            for i in 0..n {
                comment_rows::insert(
                    tx,
                    &NewComment {
                        id: Uuid::now_v7(),
                        proposal_id: proposal,
                        amendment_id: None,
                        space_id: space,
                        parent: None,
                        depth: 0,
                        author_id: author,
                        alignment: Alignment::Neutral,
                        body: &format!("Commento numero {i}"),
                        created_at: now,
                    },
                )?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
    // Spread scores and reply counts so the orders differ.
    execute_raw(&w.app.store, "UPDATE comments SET score = length(body) % 7 - 3, replies_count = length(body) % 5")
        .unwrap();
    execute_raw(&w.app.store, &format!("UPDATE proposals SET comments_count = comments_count + {n}")).unwrap();
    execute_raw(&w.app.store, "ANALYZE").unwrap();
}

fn first_page_ms(w: &World, order: &str) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = std::time::Instant::now();
        let page = list(w, &format!("order={order}"), None);
        best = best.min(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(page["items"].as_array().unwrap().len(), 20);
    }
    best
}

fn ten_thousand_comments_are_paged_from_an_index(backend: Backend) {
    let w = world(backend, json!({}));
    bulk_comments(&w, 10_000);
    let proposal = Uuid::parse_str(&w.proposal).unwrap();
    for order in CommentOrder::ALL {
        let plan = w.app.store.read(|tx| comment_rows::explain_first_page(tx, proposal, *order)).unwrap().join("\n");
        match backend {
            Backend::Sqlite => {
                assert!(!plan.contains("TEMP B-TREE"), "{order}: sorts the thread:\n{plan}");
                assert!(
                    plan.contains("USING INDEX comments_") || plan.contains("USING COVERING INDEX comments_"),
                    "{order}:\n{plan}"
                );
            }
            Backend::Postgres => {
                assert!(!plan.contains("Sort"), "{order}: sorts the thread:\n{plan}");
                assert!(plan.contains("Index Scan") && plan.contains("comments_"), "{order}:\n{plan}");
            }
        }
        let ms = first_page_ms(&w, order.as_str());
        eprintln!("{backend:?} {order}: first page of 10,000 in {ms:.1} ms");
    }
    // The pages agree with the store's order (spot check).
    let best = list(&w, "order=best&limit=3", None);
    let scores: Vec<i64> =
        best["items"].as_array().unwrap().iter().map(|c| c["votes"]["score"].as_i64().unwrap()).collect();
    assert_eq!(scores, [3, 3, 3]);
}

fn hidden_comments_are_placeholders_except_for_staff(backend: Backend) {
    let w = world(backend, json!({}));
    let other = w.app.participant("altro");
    let id = say(&w, &other, "Testo da moderare", None);
    // Moderation hides through its own service; the flag is what matters here.
    execute_raw(&w.app.store, &format!("UPDATE comments SET hidden = TRUE WHERE id = '{id}'")).unwrap();
    let public = comment(&w, &id, None);
    assert_eq!(
        (public["hidden"].as_bool(), &public["body"], &public["author"]),
        (Some(true), &Value::Null, &Value::Null)
    );
    let staff = comment(&w, &id, Some(&w.staff.token));
    assert_eq!((staff["hidden"].as_bool(), staff["body"].as_str()), (Some(true), Some("Testo da moderare")));
    assert!(list(&w, "", Some(&w.author.token))["items"][0]["body"].is_null());
    vote(&w, &w.author, &id, 1).expect_problem(409, "comment_hidden");
    w.app
        .call("PATCH", &format!("/api/v1/comments/{id}"), Some(&other.token), Some(&json!({ "body": "Nascosto" })))
        .expect_problem(409, "comment_hidden");
    comment_on(&w, &w.author, json!({ "body": "Risposta", "parent_id": id })).expect_problem(409, "comment_hidden");
    w.app.get(&format!("/api/v1/comments/{id}/revisions"), None).expect_problem(404, "not_found");
    w.app.get(&format!("/api/v1/comments/{id}/revisions"), Some(&w.staff.token)).expect(200);
}

backend_tests!(
    every_role_gets_what_it_may,
    replies_nest_three_deep_within_their_thread,
    edits_keep_every_revision,
    deletion_leaves_a_placeholder_and_moves_the_counters,
    closed_spaces_and_withdrawn_proposals_take_no_comments,
    amendment_comments_follow_amendment_visibility,
    every_order_pages_without_gaps_or_repeats,
    concurrent_votes_keep_counters_equal_to_the_votes,
    concurrent_replies_and_deletes_keep_counters_equal_to_live_rows,
    ten_thousand_comments_are_paged_from_an_index,
    hidden_comments_are_placeholders_except_for_staff,
);
