//! Supports over HTTP on both backends: every rule and refusal for every
//! role, the minimum per participant, qualification, supporter lists, and
//! the counters under concurrent requests (they must always equal the rows).

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_accounts::JwtKeys;
use emenda_store::{supports, users, Backend, StoreError};
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};
use std::sync::{Arc, Barrier};
use uuid::Uuid;

const SPACE: &str = "piazza";

struct World {
    app: Arc<TestApp>,
    admin: TestUser,
    staff: TestUser,
    author: TestUser,
    proposal: String,
}

fn grant_staff(app: &TestApp, admin: &TestUser, user: &TestUser, space: &str) {
    app.grant_staff(admin, user, space);
}

fn world(backend: Backend, settings: Value) -> World {
    let app = Arc::new(TestApp::spawn(backend));
    let admin = app.admin();
    app.space(&admin, SPACE, settings);
    let staff = app.participant("ufficio");
    grant_staff(&app, &admin, &staff, SPACE);
    let author = app.participant("autrice");
    let proposal = id_of(&app.proposal(&author, SPACE, "Una panchina in piazza Maggiore"));
    World { app, admin, staff, author, proposal }
}

fn id_of(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

fn put(app: &TestApp, who: &TestUser, proposal: &str) -> Reply {
    app.call("PUT", &format!("/api/v1/proposals/{proposal}/support"), Some(&who.token), None)
}

fn del(app: &TestApp, who: &TestUser, proposal: &str) -> Reply {
    app.call("DELETE", &format!("/api/v1/proposals/{proposal}/support"), Some(&who.token), None)
}

fn proposal(app: &TestApp, id: &str, who: Option<&TestUser>) -> Value {
    app.get(&format!("/api/v1/proposals/{id}"), who.map(|u| u.token.as_str())).expect(200).clone()
}

/// `(counted, given)` as the proposal shows them.
fn counters(app: &TestApp, id: &str) -> (i64, i64) {
    let p = proposal(app, id, None);
    (p["counters"]["supports"].as_i64().unwrap(), p["counters"]["supports_given"].as_i64().unwrap())
}

fn patch_space(app: &TestApp, admin: &TestUser, settings: Value) {
    app.call("PATCH", &format!("/api/v1/spaces/{SPACE}"), Some(&admin.token), Some(&json!({ "settings": settings })))
        .expect(200);
}

fn supporters(app: &TestApp, id: &str, who: Option<&TestUser>, query: &str) -> Reply {
    app.get(&format!("/api/v1/proposals/{id}/supporters{query}"), who.map(|u| u.token.as_str()))
}

/// Participants created straight in the database with a signed access
/// token: the concurrency tests need hundreds, and hashing a password for
/// each would only slow them down.
fn quick_participants(app: &TestApp, prefix: &str, n: usize) -> Vec<TestUser> {
    let keys = JwtKeys::from_secret(b"test secret of at least thirty-two bytes");
    let now = chrono::Utc::now();
    (0..n)
        .map(|i| {
            let id = Uuid::now_v7();
            let nickname = format!("{prefix}{i}");
            let email = format!("{nickname}@example.it");
            app.store
                .write(|tx| {
                    users::insert(
                        tx,
                        &users::NewUser {
                            id,
                            email: &email,
                            nickname: &nickname,
                            display_name: &nickname,
                            password_hash: "not a usable hash",
                            created_at: now,
                        },
                    )
                })
                .unwrap();
            let token = keys.issue(id, now, now + chrono::Duration::hours(1)).unwrap();
            TestUser { id: id.to_string(), email, token, refresh: String::new() }
        })
        .collect()
}

/// Support rows of `proposal` and how many of them count (their giver's
/// tally in `space` reaches `minimum`), read from the database.
fn rows(app: &TestApp, proposal: &str, space: Uuid, users: &[TestUser], minimum: i32) -> (i64, i64) {
    let proposal = Uuid::parse_str(proposal).unwrap();
    app.store
        .read(|tx| {
            let (mut all, mut counted) = (0, 0);
            for user in users {
                let user = Uuid::parse_str(&user.id).unwrap();
                if supports::find(tx, proposal, user)?.is_some() {
                    all += 1;
                    if supports::tally(tx, user, space)? >= minimum {
                        counted += 1;
                    }
                }
            }
            Ok::<_, StoreError>((all, counted))
        })
        .unwrap()
}

fn space_id(app: &TestApp) -> Uuid {
    Uuid::parse_str(app.get(&format!("/api/v1/spaces/{SPACE}"), None).expect(200)["id"].as_str().unwrap()).unwrap()
}

/// Requests one thread sends, in order.
type Job = Box<dyn FnOnce(&TestApp) -> Vec<Reply> + Send>;

/// Runs every job at the same moment (a barrier) and returns the replies.
fn all_at_once(app: &Arc<TestApp>, jobs: Vec<Job>) -> Vec<Reply> {
    let barrier = Arc::new(Barrier::new(jobs.len()));
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let (app, barrier) = (app.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                job(&app)
            })
        })
        .collect();
    handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
}

fn every_role_supports_and_withdraws_idempotently(backend: Backend) {
    let w = world(backend, json!({}));
    let app = &w.app;
    let participant = app.participant("cittadina");
    let elsewhere = app.participant("altrove");
    app.space(&w.admin, "altro", json!({}));
    grant_staff(app, &w.admin, &elsewhere, "altro");

    app.call("PUT", &format!("/api/v1/proposals/{}/support", w.proposal), None, None)
        .expect_problem(401, "unauthenticated");
    app.call("DELETE", &format!("/api/v1/proposals/{}/support", w.proposal), None, None)
        .expect_problem(401, "unauthenticated");

    let first = put(app, &participant, &w.proposal);
    let body = first.expect(201);
    assert_eq!(body["my_support"]["version"], 1);
    assert_eq!(body["my_support"]["pending"], false);
    assert_eq!((body["supports_count"].as_i64(), body["supports_given"].as_i64()), (Some(1), Some(1)));
    let again = put(app, &participant, &w.proposal);
    assert_eq!(again.expect(200)["supports_count"], 1, "a second PUT re-confirms, it does not add");
    assert_eq!(again.body["my_support"]["supported_at"], body["my_support"]["supported_at"]);

    // Authors may support their own proposal; staff of another space, staff
    // and admins support as participants.
    for who in [&w.author, &elsewhere, &w.staff, &w.admin] {
        put(app, who, &w.proposal).expect(201);
    }
    assert_eq!(counters(app, &w.proposal), (5, 5));

    let seen = proposal(app, &w.proposal, Some(&participant));
    assert_eq!(seen["my_support"]["version"], 1);
    assert_eq!(seen["my_support"]["current_version"], 1);
    assert!(proposal(app, &w.proposal, None)["my_support"].is_null());
    let stranger = app.participant("estraneo");
    assert!(proposal(app, &w.proposal, Some(&stranger))["my_support"].is_null());

    del(app, &participant, &w.proposal).expect(204);
    del(app, &participant, &w.proposal).expect(204);
    del(app, &stranger, &w.proposal).expect(204);
    assert_eq!(counters(app, &w.proposal), (4, 4));
    assert!(proposal(app, &w.proposal, Some(&participant))["my_support"].is_null());

    let missing = Uuid::now_v7();
    put(app, &participant, &missing.to_string()).expect_problem(404, "not_found");
    del(app, &participant, &missing.to_string()).expect_problem(404, "not_found");
    // By reference code too.
    let reference = proposal(app, &w.proposal, None)["reference"].as_str().unwrap().to_owned();
    put(app, &participant, &reference).expect(201);
    assert_eq!(counters(app, &w.proposal), (5, 5));
}

fn the_space_gates_supports(backend: Backend) {
    let w = world(backend, json!({ "verification_required_to_support": true }));
    let app = &w.app;
    let citizen = app.participant("cittadino");
    put(app, &citizen, &w.proposal).expect_problem(403, "verification_required");
    app.post(&format!("/api/v1/moderation/users/{}/verify", citizen.id), Some(&w.admin.token), json!({})).expect(200);
    put(app, &citizen, &w.proposal).expect(201);

    patch_space(app, &w.admin, json!({ "supports_open": false }));
    put(app, &citizen, &w.proposal).expect_problem(403, "supports_closed");
    del(app, &citizen, &w.proposal).expect_problem(403, "supports_closed");
    assert_eq!(counters(app, &w.proposal), (1, 1));
    patch_space(app, &w.admin, json!({ "supports_open": true }));
    del(app, &citizen, &w.proposal).expect(204);
}

fn closed_proposals_keep_their_supports(backend: Backend) {
    let w = world(backend, json!({}));
    let app = &w.app;
    let citizen = app.participant("cittadino");
    let answer = |id: &str, state: &str| {
        app.post(
            &format!("/api/v1/moderation/proposals/{id}/answer"),
            Some(&w.staff.token),
            json!({ "state": state, "answer": "Risposta ufficiale del Comune." }),
        )
        .expect(200);
    };
    answer(&w.proposal, "evaluating");
    put(app, &citizen, &w.proposal).expect(201);
    answer(&w.proposal, "accepted");
    put(app, &citizen, &w.proposal).expect_problem(409, "proposal_answered");
    del(app, &citizen, &w.proposal).expect_problem(409, "proposal_answered");
    assert_eq!(counters(app, &w.proposal), (1, 1));

    let rejected = id_of(&app.proposal(&w.author, SPACE, "Una fontana in piazza Maggiore"));
    answer(&rejected, "rejected");
    put(app, &citizen, &rejected).expect_problem(409, "proposal_answered");

    let withdrawn = id_of(&app.proposal(&w.author, SPACE, "Un chiosco in piazza Maggiore"));
    put(app, &citizen, &withdrawn).expect(201);
    app.post(&format!("/api/v1/proposals/{withdrawn}/withdraw"), Some(&w.author.token), json!({})).expect(200);
    put(app, &citizen, &withdrawn).expect_problem(409, "proposal_withdrawn");
    del(app, &citizen, &withdrawn).expect_problem(409, "proposal_withdrawn");
    assert_eq!(counters(app, &withdrawn), (1, 1));
}

fn a_support_remembers_its_version_until_reconfirmed(backend: Backend) {
    let w = world(backend, json!({}));
    let app = &w.app;
    let citizen = app.participant("cittadino");
    put(app, &citizen, &w.proposal).expect(201);
    let before = app.get(&format!("/api/v1/proposals/{}", w.proposal), Some(&citizen.token));
    app.post(
        &format!("/api/v1/proposals/{}/versions", w.proposal),
        Some(&w.author.token),
        json!({ "title": "Due panchine in piazza Maggiore", "body": "Un testo abbastanza lungo e ora modificato.", "base_version": 1 }),
    )
    .expect(201);
    let seen = proposal(app, &w.proposal, Some(&citizen));
    assert_eq!(
        (seen["my_support"]["version"].as_i64(), seen["my_support"]["current_version"].as_i64()),
        (Some(1), Some(2))
    );
    let reconfirmed = put(app, &citizen, &w.proposal);
    assert_eq!(reconfirmed.expect(200)["my_support"]["version"], 2);
    assert_eq!(proposal(app, &w.proposal, Some(&citizen))["my_support"]["version"], 2);
    assert_eq!(counters(app, &w.proposal), (1, 1));

    // The entity tag follows support changes (counters are in the body).
    let tagged = app.get(&format!("/api/v1/proposals/{}", w.proposal), None);
    let other = app.participant("altra");
    put(app, &other, &w.proposal).expect(201);
    let after = app.get(&format!("/api/v1/proposals/{}", w.proposal), None);
    assert_ne!(tagged.etag, after.etag);
    assert_ne!(before.etag, after.etag);
}

fn limits_thresholds_and_qualification(backend: Backend) {
    let w = world(
        backend,
        json!({ "support_limit_per_user": 2, "support_threshold": 2, "supports_beyond_threshold": false }),
    );
    let app = &w.app;
    let citizen = app.participant("cittadino");
    let second = id_of(&app.proposal(&w.author, SPACE, "Una fontana in piazza Maggiore"));
    let third = id_of(&app.proposal(&w.author, SPACE, "Un chiosco in piazza Maggiore"));
    put(app, &citizen, &w.proposal).expect(201);
    put(app, &citizen, &second).expect(201);
    put(app, &citizen, &third).expect_problem(409, "support_limit_reached");
    put(app, &citizen, &second).expect(200); // re-confirming is not a new support
    del(app, &citizen, &second).expect(204);
    put(app, &citizen, &third).expect(201);

    assert!(proposal(app, &w.proposal, None)["qualified_at"].is_null());
    let qualified = put(app, &w.author, &w.proposal);
    assert!(qualified.expect(201)["qualified_at"].is_string());
    let when = proposal(app, &w.proposal, None)["qualified_at"].clone();
    put(app, &w.staff, &w.proposal).expect_problem(409, "support_threshold_reached");
    assert_eq!(counters(app, &w.proposal), (2, 2));

    let list = |q: &str| -> Vec<String> {
        app.get(&format!("/api/v1/proposals?space={SPACE}&qualified={q}"), None).expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(id_of)
            .collect()
    };
    assert_eq!(list("true"), vec![w.proposal.clone()]);
    assert!(!list("false").contains(&w.proposal) && list("false").len() == 2);

    // Qualification is sticky: it records when the threshold was reached.
    del(app, &w.author, &w.proposal).expect(204);
    assert_eq!(proposal(app, &w.proposal, None)["qualified_at"], when);
    assert_eq!(list("true"), vec![w.proposal.clone()]);

    // Beyond the threshold when the space allows it.
    patch_space(app, &w.admin, json!({ "supports_beyond_threshold": true, "support_limit_per_user": 0 }));
    for who in [&w.author, &w.staff, &w.admin] {
        put(app, who, &w.proposal).expect(201);
    }
    assert_eq!(counters(app, &w.proposal), (4, 4));
}

fn supports_count_once_the_minimum_is_reached(backend: Backend) {
    let w = world(backend, json!({ "minimum_supports_per_user": 2 }));
    let app = &w.app;
    let citizen = app.participant("cittadino");
    let second = id_of(&app.proposal(&w.author, SPACE, "Una fontana in piazza Maggiore"));
    let pending = put(app, &citizen, &w.proposal);
    assert_eq!(pending.expect(201)["my_support"]["pending"], true);
    assert_eq!(counters(app, &w.proposal), (0, 1));
    let listed = |id: &str| supporters(app, id, None, "").expect(200)["items"].as_array().unwrap().len();
    assert_eq!(listed(&w.proposal), 0, "pending supports are not listed");

    put(app, &citizen, &second).expect(201);
    assert_eq!(counters(app, &w.proposal), (1, 1));
    assert_eq!(counters(app, &second), (1, 1));
    assert_eq!(proposal(app, &w.proposal, Some(&citizen))["my_support"]["pending"], false);
    assert_eq!(listed(&w.proposal), 1);

    del(app, &citizen, &second).expect(204);
    assert_eq!(counters(app, &w.proposal), (0, 1), "below the minimum again: the remaining support is pending");
    assert_eq!(counters(app, &second), (0, 0));

    // Changing the minimum recounts the space.
    patch_space(app, &w.admin, json!({ "minimum_supports_per_user": 1 }));
    assert_eq!(counters(app, &w.proposal), (1, 1));
    patch_space(app, &w.admin, json!({ "minimum_supports_per_user": 3 }));
    assert_eq!(counters(app, &w.proposal), (0, 1));
    // A lower threshold qualifies at once what already reaches it.
    patch_space(app, &w.admin, json!({ "minimum_supports_per_user": 0, "support_threshold": 1 }));
    assert!(proposal(app, &w.proposal, None)["qualified_at"].is_string());
    app.call(
        "PATCH",
        &format!("/api/v1/spaces/{SPACE}"),
        Some(&w.admin.token),
        Some(&json!({ "settings": { "minimum_supports_per_user": -1 } })),
    )
    .expect(422);
}

fn supporter_lists_are_public_or_for_staff(backend: Backend) {
    let w = world(backend, json!({ "supporters_public": false }));
    let app = &w.app;
    let elsewhere = app.participant("altrove");
    app.space(&w.admin, "altro", json!({}));
    grant_staff(app, &w.admin, &elsewhere, "altro");
    let citizens: Vec<TestUser> = (0..5).map(|i| app.participant(&format!("cittadino{i}"))).collect();
    for citizen in &citizens {
        put(app, citizen, &w.proposal).expect(201);
    }
    supporters(app, &w.proposal, None, "").expect_problem(403, "supporters_private");
    for who in [&citizens[0], &w.author, &elsewhere] {
        supporters(app, &w.proposal, Some(who), "").expect_problem(403, "supporters_private");
    }
    assert_eq!(counters(app, &w.proposal), (5, 5), "the count stays public");
    for who in [&w.staff, &w.admin] {
        assert_eq!(supporters(app, &w.proposal, Some(who), "").expect(200)["items"].as_array().unwrap().len(), 5);
    }

    patch_space(app, &w.admin, json!({ "supporters_public": true }));
    let mut seen = Vec::new();
    let mut query = "?limit=2".to_owned();
    for page in 0.. {
        let reply = supporters(app, &w.proposal, None, &query);
        let body = reply.expect(200);
        let items = body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        for item in items {
            assert_eq!(item["version"], 1);
            assert!(item["user"]["nickname"].is_string() && item["supported_at"].is_string());
            seen.push(item["user"]["id"].as_str().unwrap().to_owned());
        }
        match body["next_cursor"].as_str() {
            Some(cursor) => query = format!("?limit=2&cursor={cursor}"),
            None => {
                assert_eq!(page, 2);
                break;
            }
        }
    }
    let expected: Vec<String> = citizens.iter().map(|c| c.id.clone()).collect();
    assert_eq!(seen, expected, "oldest support first, each once");
    let second = id_of(&app.proposal(&w.author, SPACE, "Una fontana in piazza Maggiore"));
    let cursor = supporters(app, &w.proposal, None, "?limit=2").body["next_cursor"].as_str().unwrap().to_owned();
    supporters(app, &second, None, &format!("?cursor={cursor}")).expect(422);
    supporters(app, &w.proposal, None, "?limit=101").expect(422);
}

/// 64 concurrent supports from one participant on 64 proposals with a
/// limit of 5: exactly 5 land. Fails on PostgreSQL without the tally lock.
fn the_limit_holds_under_concurrent_supports(backend: Backend) {
    let w = world(backend, json!({ "support_limit_per_user": 5 }));
    let app = &w.app;
    let citizen = quick_participants(app, "fretta", 1).remove(0);
    let ids: Vec<String> = (0..64)
        .map(|i| id_of(&app.proposal(&w.author, SPACE, &format!("Proposta numero {i} per la piazza"))))
        .collect();
    let jobs = ids
        .iter()
        .map(|id| {
            let (citizen, id) = (citizen.clone(), id.clone());
            Box::new(move |app: &TestApp| vec![put(app, &citizen, &id)]) as Job
        })
        .collect();
    let replies = all_at_once(&w.app, jobs);
    let created = replies.iter().filter(|r| r.status == 201).count();
    assert_eq!(created, 5, "{:?}", replies.iter().map(|r| (r.status, r.code().to_owned())).collect::<Vec<_>>());
    assert!(replies.iter().filter(|r| r.status != 201).all(|r| r.code() == "support_limit_reached"));
    let space = space_id(app);
    let user = Uuid::parse_str(&citizen.id).unwrap();
    assert_eq!(app.store.read(|tx| supports::tally(tx, user, space)).unwrap(), 5);
    let stored: i64 = ids.iter().map(|id| rows(app, id, space, std::slice::from_ref(&citizen), 0).0).sum();
    assert_eq!(stored, 5);
    app.assert_counters_consistent();
}

/// 200 participants support one proposal while a quarter of them withdraw
/// at the same time: both counters equal the rows.
fn counters_equal_rows_under_concurrent_supports_and_withdrawals(backend: Backend) {
    let w = world(backend, json!({}));
    let app = &w.app;
    let people = quick_participants(app, "folla", 200);
    let jobs = people
        .iter()
        .enumerate()
        .map(|(i, who)| {
            let (who, id) = (who.clone(), w.proposal.clone());
            Box::new(move |app: &TestApp| {
                let mut replies = vec![put(app, &who, &id)];
                if i % 4 == 0 {
                    replies.push(del(app, &who, &id));
                }
                replies
            }) as Job
        })
        .collect();
    let replies = all_at_once(&w.app, jobs);
    assert!(
        replies.iter().all(|r| r.status == 201 || r.status == 204),
        "{:?}",
        replies.iter().find(|r| r.status >= 300)
    );
    let (all, counted) = rows(app, &w.proposal, space_id(app), &people, 0);
    assert_eq!(all, 150);
    assert_eq!(counters(app, &w.proposal), (counted, all));
    app.assert_counters_consistent();
}

/// 40 participants race for the last places under a threshold of 10
/// without supports beyond it: exactly 10 land.
fn the_threshold_is_never_exceeded(backend: Backend) {
    let w = world(backend, json!({ "support_threshold": 10, "supports_beyond_threshold": false }));
    let app = &w.app;
    let people = quick_participants(app, "corsa", 40);
    let jobs = people
        .iter()
        .map(|who| {
            let (who, id) = (who.clone(), w.proposal.clone());
            Box::new(move |app: &TestApp| vec![put(app, &who, &id)]) as Job
        })
        .collect();
    let replies = all_at_once(&w.app, jobs);
    assert_eq!(replies.iter().filter(|r| r.status == 201).count(), 10);
    assert!(replies.iter().filter(|r| r.status != 201).all(|r| r.code() == "support_threshold_reached"));
    assert_eq!(counters(app, &w.proposal), (10, 10));
    assert_eq!(rows(app, &w.proposal, space_id(app), &people, 0), (10, 10));
    assert!(proposal(app, &w.proposal, None)["qualified_at"].is_string());
    app.assert_counters_consistent();
}

/// With a minimum of 3, participants support several proposals at once and
/// withdraw some, crossing the minimum up and down concurrently on shared
/// proposals: every counter equals its counted rows.
fn counters_follow_concurrent_minimum_crossings(backend: Backend) {
    let w = world(backend, json!({ "minimum_supports_per_user": 3 }));
    let app = &w.app;
    let ids: Vec<String> =
        (0..6).map(|i| id_of(&app.proposal(&w.author, SPACE, &format!("Proposta condivisa numero {i}")))).collect();
    let people = quick_participants(app, "soglia", 8);
    let mut jobs: Vec<Job> = Vec::new();
    for (u, who) in people.iter().enumerate() {
        for (p, id) in ids.iter().enumerate() {
            let (who, id) = (who.clone(), id.clone());
            // Everyone supports everything; some withdraw again at once, so
            // tallies go 2 → 3 → 2 while others cross on the same rows.
            // Two of them drop below the minimum for good.
            let withdraw = (u + p) % 3 == 0 || (u % 4 == 0 && p < 4);
            jobs.push(Box::new(move |app: &TestApp| {
                let mut replies = vec![put(app, &who, &id)];
                if withdraw {
                    replies.push(del(app, &who, &id));
                }
                replies
            }));
        }
    }
    let replies = all_at_once(&w.app, jobs);
    assert!(
        replies.iter().all(|r| r.status == 201 || r.status == 204),
        "{:?}",
        replies.iter().find(|r| r.status >= 300)
    );
    let space = space_id(app);
    for id in &ids {
        let (all, counted) = rows(app, id, space, &people, 3);
        assert_eq!(counters(app, id), (counted, all), "proposal {id}");
    }
    app.assert_counters_consistent();
}

/// An admin changes the minimum back and forth while participants support:
/// the recount and the supports never overtake each other, so the
/// counters equal the recount under the final minimum.
fn a_minimum_change_during_supports_keeps_counters_exact(backend: Backend) {
    let w = world(backend, json!({ "minimum_supports_per_user": 2 }));
    let app = &w.app;
    let ids: Vec<String> =
        (0..4).map(|i| id_of(&app.proposal(&w.author, SPACE, &format!("Proposta in revisione numero {i}")))).collect();
    let people = quick_participants(app, "regola", 10);
    let mut jobs: Vec<Job> = Vec::new();
    for (u, who) in people.iter().enumerate() {
        let (who, ids) = (who.clone(), ids.clone());
        jobs.push(Box::new(move |app: &TestApp| {
            (0..=u % 3).map(|p| put(app, &who, &ids[(u + p) % ids.len()])).collect()
        }));
    }
    let admin = w.admin.clone();
    jobs.push(Box::new(move |app: &TestApp| {
        [1, 3, 0, 2]
            .iter()
            .map(|minimum| {
                app.call(
                    "PATCH",
                    &format!("/api/v1/spaces/{SPACE}"),
                    Some(&admin.token),
                    Some(&json!({ "settings": { "minimum_supports_per_user": minimum } })),
                )
            })
            .collect()
    }));
    let replies = all_at_once(&w.app, jobs);
    assert!(replies.iter().all(|r| r.status < 300), "{:?}", replies.iter().find(|r| r.status >= 300));
    let space = space_id(app);
    for id in &ids {
        let (all, counted) = rows(app, id, space, &people, 2);
        assert_eq!(counters(app, id), (counted, all), "proposal {id}");
    }
    app.assert_counters_consistent();
}

/// A proposal hidden by moderation takes no support and no re-confirmation,
/// but its supporters can still withdraw, so a hidden item never holds a
/// slot of their per-space limit; anyone else still finds nothing there.
fn supporters_of_a_hidden_proposal_can_still_withdraw(backend: Backend) {
    let w = world(backend, json!({ "support_limit_per_user": 1 }));
    let app = &w.app;
    let citizen = app.participant("cittadina");
    put(app, &citizen, &w.proposal).expect(201);
    app.post(&format!("/api/v1/moderation/proposals/{}/hide", w.proposal), Some(&w.staff.token), json!({})).expect(200);
    let other = id_of(&app.proposal(&w.author, SPACE, "Una fontanella in piazza Maggiore"));
    put(app, &citizen, &other).expect_problem(409, "support_limit_reached");
    put(app, &citizen, &w.proposal).expect_problem(404, "not_found");
    let stranger = app.participant("estraneo");
    del(app, &stranger, &w.proposal).expect_problem(404, "not_found");
    put(app, &stranger, &w.proposal).expect_problem(404, "not_found");
    del(app, &citizen, &w.proposal).expect(204);
    put(app, &citizen, &other).expect(201);
    app.assert_counters_consistent();
}

/// A supporter crossing the minimum moves the count of a proposal already
/// answered (counters always equal their rows), but it never becomes
/// qualified after the fact; an open one does.
fn only_open_proposals_qualify(backend: Backend) {
    let w = world(backend, json!({ "minimum_supports_per_user": 2, "support_threshold": 1 }));
    let app = &w.app;
    let citizen = app.participant("cittadino");
    put(app, &citizen, &w.proposal).expect(201);
    app.post(
        &format!("/api/v1/moderation/proposals/{}/answer", w.proposal),
        Some(&w.staff.token),
        json!({ "state": "accepted", "answer": "Accolta dalla giunta." }),
    )
    .expect(200);
    let second = id_of(&app.proposal(&w.author, SPACE, "Una fontanella in piazza Maggiore"));
    put(app, &citizen, &second).expect(201);
    let answered = proposal(app, &w.proposal, None);
    assert_eq!(counters(app, &w.proposal), (1, 1));
    assert!(answered["qualified_at"].is_null(), "{answered}");
    assert!(!proposal(app, &second, None)["qualified_at"].is_null());
    app.assert_counters_consistent();
}

backend_tests!(
    a_minimum_change_during_supports_keeps_counters_exact,
    every_role_supports_and_withdraws_idempotently,
    the_space_gates_supports,
    closed_proposals_keep_their_supports,
    a_support_remembers_its_version_until_reconfirmed,
    limits_thresholds_and_qualification,
    supports_count_once_the_minimum_is_reached,
    supporter_lists_are_public_or_for_staff,
    the_limit_holds_under_concurrent_supports,
    counters_equal_rows_under_concurrent_supports_and_withdrawals,
    the_threshold_is_never_exceeded,
    counters_follow_concurrent_minimum_crossings,
    supporters_of_a_hidden_proposal_can_still_withdraw,
    only_open_proposals_qualify
);
