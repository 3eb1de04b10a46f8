//! Following a proposal: idempotent both ways, private, counted from its
//! rows, on both backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::json;
use std::sync::{Arc, Barrier};

const SPACE: &str = "piazza";

fn follow(app: &TestApp, who: Option<&TestUser>, proposal: &str, method: &str) -> Reply {
    app.call(method, &format!("/api/v1/proposals/{proposal}/follow"), who.map(|u| u.token.as_str()), None)
}

fn state(body: &serde_json::Value) -> (bool, i64) {
    (body["following"].as_bool().unwrap(), body["followers"].as_i64().unwrap())
}

/// Following twice is following once; unfollowing twice, once; nobody but
/// a signed-in person follows; the count is the number of followers.
fn following_is_idempotent_and_counted(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let author = app.participant("autrice");
    let proposal =
        app.proposal(&author, SPACE, "Una panchina in piazza Maggiore")["reference"].as_str().unwrap().to_owned();
    // Publishing followed it; its author may stop, like anyone.
    assert_eq!(state(follow(&app, Some(&author), &proposal, "DELETE").expect(200)), (false, 0));
    let (anna, bruno) = (app.participant("anna"), app.participant("bruno"));

    follow(&app, None, &proposal, "PUT").expect_problem(401, "unauthenticated");
    assert_eq!(state(follow(&app, Some(&anna), &proposal, "GET").expect(200)), (false, 0));
    assert_eq!(state(follow(&app, Some(&anna), &proposal, "PUT").expect(200)), (true, 1));
    assert_eq!(state(follow(&app, Some(&anna), &proposal, "PUT").expect(200)), (true, 1), "again: still one");
    assert_eq!(state(follow(&app, Some(&bruno), &proposal, "PUT").expect(200)), (true, 2));
    assert_eq!(state(follow(&app, Some(&anna), &proposal, "DELETE").expect(200)), (false, 1));
    assert_eq!(state(follow(&app, Some(&anna), &proposal, "DELETE").expect(200)), (false, 1), "again: nothing to undo");
    assert_eq!(state(follow(&app, Some(&bruno), &proposal, "GET").expect(200)), (true, 1));
    follow(&app, Some(&anna), "EMD-PROP-2099-01-999", "PUT").expect_problem(404, "not_found");
}

/// A hidden proposal cannot be followed or looked up by a participant, but
/// one who followed it before can still stop; staff of the space see it.
fn a_hidden_proposal_can_be_left_but_not_followed(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, SPACE);
    let author = app.participant("autrice");
    let proposal = app.proposal(&author, SPACE, "Una fontanella in piazza Maggiore")["id"].as_str().unwrap().to_owned();
    // Publishing followed it; its author may stop, like anyone.
    assert_eq!(state(follow(&app, Some(&author), &proposal, "DELETE").expect(200)), (false, 0));
    let (follower, stranger) = (app.participant("seguace"), app.participant("estraneo"));
    follow(&app, Some(&follower), &proposal, "PUT").expect(200);
    app.post(&format!("/api/v1/moderation/proposals/{proposal}/hide"), Some(&staff.token), json!({})).expect(200);

    follow(&app, Some(&stranger), &proposal, "PUT").expect_problem(404, "not_found");
    follow(&app, Some(&stranger), &proposal, "DELETE").expect_problem(404, "not_found");
    follow(&app, Some(&follower), &proposal, "PUT").expect_problem(404, "not_found");
    assert_eq!(state(follow(&app, Some(&staff), &proposal, "GET").expect(200)), (false, 1));
    assert_eq!(state(follow(&app, Some(&follower), &proposal, "DELETE").expect(200)), (false, 0));
}

/// 64 people follow and unfollow one proposal at once, each ending
/// following or not by their own last request: the count is exactly
/// those who follow, with no duplicate and no error.
fn parallel_follows_and_unfollows_leave_an_exact_count(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let author = app.participant("autrice");
    let proposal = app.proposal(&author, SPACE, "Un parcheggio per biciclette")["id"].as_str().unwrap().to_owned();
    // Publishing followed it; its author may stop, like anyone.
    assert_eq!(state(follow(&app, Some(&author), &proposal, "DELETE").expect(200)), (false, 0));
    let people: Vec<TestUser> = (0..64).map(|i| app.participant(&format!("persona{i}"))).collect();
    let barrier = Arc::new(Barrier::new(people.len()));
    let handles: Vec<_> = people
        .into_iter()
        .enumerate()
        .map(|(i, person)| {
            let (app, barrier, proposal) = (app.clone(), barrier.clone(), proposal.clone());
            std::thread::spawn(move || {
                barrier.wait();
                // Every one follows twice; every third then leaves.
                for method in ["PUT", "PUT"] {
                    follow(&app, Some(&person), &proposal, method).expect(200);
                }
                if i % 3 == 0 {
                    follow(&app, Some(&person), &proposal, "DELETE").expect(200);
                }
                person
            })
        })
        .collect();
    let people: Vec<TestUser> = handles.into_iter().map(|h| h.join().expect("follower")).collect();
    let staying = (0..64).filter(|i| i % 3 != 0).count() as i64;
    for (i, person) in people.iter().enumerate() {
        assert_eq!(
            state(follow(&app, Some(person), &proposal, "GET").expect(200)),
            (i % 3 != 0, staying),
            "person {i}"
        );
    }
}

backend_tests!(
    following_is_idempotent_and_counted,
    a_hidden_proposal_can_be_left_but_not_followed,
    parallel_follows_and_unfollows_leave_an_exact_count,
);
