//! Every pair of state-changing writes that depend on one row, raced
//! against each other many times on both backends. Each test states the
//! invariant that must hold whatever the interleaving; on PostgreSQL they
//! fail without the locking rule (`docs/architecture.md`, Concurrency).

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_accounts::tokens::hash_refresh_token;
use emenda_domain::sign_in::{judge_sign_in, SignInAttempt, SignInLimits, SignInVerdict};
use emenda_store::testing::while_table_is_held;
use emenda_store::{users, Backend};
use emenda_tests::{backend_tests, Reply, TestApp, TestUser, PASSWORD};
use serde_json::json;
use std::sync::{Arc, Barrier};

/// How many times each pair is raced: enough for PostgreSQL to show an
/// unlocked read-then-write nearly every run.
const ROUNDS: usize = 12;

/// Runs `first` and `second` at the same moment on two threads.
fn race(
    app: &Arc<TestApp>,
    first: impl FnOnce(&TestApp) -> Reply + Send + 'static,
    second: impl FnOnce(&TestApp) -> Reply + Send + 'static,
) -> (Reply, Reply) {
    let barrier = Arc::new(Barrier::new(2));
    let spawn = |work: Box<dyn FnOnce(&TestApp) -> Reply + Send>| {
        let (app, barrier) = (app.clone(), barrier.clone());
        std::thread::spawn(move || {
            barrier.wait();
            work(&app)
        })
    };
    let a = spawn(Box::new(first));
    let b = spawn(Box::new(second));
    (a.join().expect("first"), b.join().expect("second"))
}

struct Scene {
    app: Arc<TestApp>,
    author: TestUser,
    staff: TestUser,
}

fn scene(backend: Backend) -> Scene {
    let app = Arc::new(TestApp::spawn(backend));
    let staff = app.admin();
    app.space(&staff, "spazio", json!({}));
    let author = app.participant("autrice");
    Scene { app, author, staff }
}

fn publish(scene: &Scene, round: usize) -> String {
    let proposal = scene.app.proposal(&scene.author, "spazio", &format!("Proposta contesa numero {round}"));
    proposal["id"].as_str().unwrap().to_owned()
}

fn edit(token: String, id: String) -> impl FnOnce(&TestApp) -> Reply + Send + 'static {
    move |app| {
        app.post(
            &format!("/api/v1/proposals/{id}/versions"),
            Some(&token),
            json!({ "title": "Titolo dopo la modifica", "body": "Il testo modificato dall'autrice.", "base_version": 1 }),
        )
    }
}

fn current_version(app: &TestApp, id: &str) -> i64 {
    app.get(&format!("/api/v1/proposals/{id}"), None).expect(200)["current_version"].as_i64().unwrap()
}

/// An edit never lands on a withdrawn proposal: when both succeed, the
/// withdrawal came second and saw the edit.
fn edit_and_withdraw_never_leave_an_edit_after_the_withdrawal(backend: Backend) {
    let s = scene(backend);
    for round in 0..ROUNDS {
        let id = publish(&s, round);
        let withdraw = {
            let (token, id) = (s.author.token.clone(), id.clone());
            move |app: &TestApp| app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&token), json!({}))
        };
        let (edited, withdrawn) = race(&s.app, edit(s.author.token.clone(), id.clone()), withdraw);
        withdrawn.expect(200);
        let final_version = current_version(&s.app, &id);
        match edited.status {
            201 => assert_eq!(withdrawn.body["current_version"], final_version, "the withdrawal saw the edit"),
            409 => {
                assert_eq!(edited.code(), "proposal_withdrawn");
                assert_eq!(final_version, 1);
            }
            other => panic!("unexpected edit reply {other}: {}", edited.body),
        }
    }
}

/// An official answer always refers to the text in force after it: an
/// edit racing it either lands first (the answer saw it) or is refused.
fn edit_and_answer_never_leave_an_edit_after_the_answer(backend: Backend) {
    let s = scene(backend);
    for round in 0..ROUNDS {
        let id = publish(&s, round);
        let state = if round % 2 == 0 { "evaluating" } else { "rejected" };
        let answer = {
            let (token, id) = (s.staff.token.clone(), id.clone());
            move |app: &TestApp| {
                app.post(
                    &format!("/api/v1/moderation/proposals/{id}/answer"),
                    Some(&token),
                    json!({ "state": state, "answer": "La risposta ufficiale dell'amministrazione." }),
                )
            }
        };
        let (edited, answered) = race(&s.app, edit(s.author.token.clone(), id.clone()), answer);
        answered.expect(200);
        let final_version = current_version(&s.app, &id);
        match edited.status {
            201 => assert_eq!(answered.body["current_version"], final_version, "the answer saw the edit"),
            409 => {
                assert_eq!(edited.code(), "proposal_answered");
                assert_eq!(final_version, 1);
            }
            other => panic!("unexpected edit reply {other}: {}", edited.body),
        }
    }
}

fn open_amendments(app: &TestApp, id: &str, token: &str) -> usize {
    app.get(&format!("/api/v1/proposals/{id}/amendments?state=evaluating"), Some(token)).expect(200)["items"]
        .as_array()
        .unwrap()
        .len()
}

/// An amendment requested during a withdrawal is either refused or closed
/// by it: a withdrawn proposal keeps no amendment under evaluation.
fn amend_and_withdraw_leave_no_open_amendment(backend: Backend) {
    let s = scene(backend);
    let amender = s.app.participant("emendatore");
    for round in 0..ROUNDS {
        let id = publish(&s, round);
        let amend = {
            let (token, id) = (amender.token.clone(), id.clone());
            move |app: &TestApp| {
                app.post(
                    &format!("/api/v1/proposals/{id}/amendments"),
                    Some(&token),
                    json!({ "title": "Un titolo emendato", "body": "Un testo emendato e migliore.", "rationale": "Serve chiarezza.", "base_version": 1 }),
                )
            }
        };
        let withdraw = {
            let (token, id) = (s.author.token.clone(), id.clone());
            move |app: &TestApp| app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&token), json!({}))
        };
        let (amended, withdrawn) = race(&s.app, amend, withdraw);
        withdrawn.expect(200);
        assert!(amended.status == 201 || amended.code() == "proposal_closed", "{}", amended.body);
        assert_eq!(open_amendments(&s.app, &id, &s.staff.token), 0, "round {round}: an amendment stayed open");
    }
}

/// Accepting an amendment while its proposal is withdrawn: either the
/// acceptance came first (the withdrawal saw its version) or it is refused.
fn accept_and_withdraw_are_serialised(backend: Backend) {
    let s = scene(backend);
    let amender = s.app.participant("emendatore");
    for round in 0..ROUNDS {
        let id = publish(&s, round);
        let amendment = s
            .app
            .post(
                &format!("/api/v1/proposals/{id}/amendments"),
                Some(&amender.token),
                json!({ "title": "Un titolo emendato", "body": "Un testo emendato e migliore.", "rationale": "Serve chiarezza.", "base_version": 1 }),
            )
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let accept = {
            let token = s.staff.token.clone();
            move |app: &TestApp| {
                app.post(&format!("/api/v1/moderation/amendments/{amendment}/accept"), Some(&token), json!({}))
            }
        };
        let withdraw = {
            let (token, id) = (s.author.token.clone(), id.clone());
            move |app: &TestApp| app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&token), json!({}))
        };
        let (accepted, withdrawn) = race(&s.app, accept, withdraw);
        withdrawn.expect(200);
        let final_version = current_version(&s.app, &id);
        match accepted.status {
            200 => assert_eq!(withdrawn.body["current_version"], final_version, "the withdrawal saw the acceptance"),
            409 => {
                assert!(["proposal_closed", "amendment_decided"].contains(&accepted.code()), "{}", accepted.body);
                assert_eq!(final_version, 1);
            }
            other => panic!("unexpected accept reply {other}: {}", accepted.body),
        }
        assert_eq!(open_amendments(&s.app, &id, &s.staff.token), 0);
    }
}

/// Two admins revoking each other at once: exactly one wins, and an admin
/// always remains.
fn admins_revoking_each_other_keep_one_admin(backend: Backend) {
    let s = scene(backend);
    let mut admin = s.staff.clone();
    for round in 0..ROUNDS {
        let other = s.app.participant(&format!("admin{round}"));
        let roles = format!("/api/v1/moderation/users/{}/roles", other.id);
        s.app.call("PUT", &roles, Some(&admin.token), Some(&json!({ "role": "admin" }))).expect(200);
        let revoke = |actor: &TestUser, target: &TestUser| {
            let (token, target) = (actor.token.clone(), target.id.clone());
            move |app: &TestApp| {
                app.call(
                    "DELETE",
                    &format!("/api/v1/moderation/users/{target}/roles"),
                    Some(&token),
                    Some(&json!({ "role": "admin" })),
                )
            }
        };
        let (a, b) = race(&s.app, revoke(&admin, &other), revoke(&other, &admin));
        assert_eq!([a.status, b.status].iter().filter(|&&status| status == 200).count(), 1, "{} / {}", a.body, b.body);
        let (winner, loser) = if a.status == 200 { (admin.clone(), &b) } else { (other.clone(), &a) };
        loser.expect_problem(403, "admin_only");
        let me = s.app.get("/api/v1/me", Some(&winner.token));
        assert!(me.expect(200)["roles"].as_array().unwrap().iter().any(|r| r["role"] == "admin"), "{}", me.body);
        admin = winner;
    }
    // The last admin cannot be removed by anyone (themselves included).
    let lone = s.app.call(
        "DELETE",
        &format!("/api/v1/moderation/users/{}/roles", admin.id),
        Some(&admin.token),
        Some(&json!({ "role": "admin" })),
    );
    assert_eq!(lone.status, 409, "{}", lone.body);
}

/// Parallel wrong guesses from one address never get more than the
/// address's cap checked, and a correct password inside the burst does not
/// slip through: each guess is judged with every one before it recorded.
/// The attempts table is held while the guesses arrive, so they are all
/// judged at the same moment once it is let go.
fn parallel_sign_in_guesses_respect_the_limit(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let user = app.participant("bersaglio");
    let guesses = 48;
    let barrier = Arc::new(Barrier::new(guesses + 1));
    let handles = while_table_is_held(&app.store, "login_attempts", || {
        let handles: Vec<_> = (0..guesses)
            .map(|i| {
                let (app, barrier, email) = (app.clone(), barrier.clone(), user.email.clone());
                std::thread::spawn(move || {
                    let password = if i == 40 { PASSWORD.to_owned() } else { format!("sbagliata-{i}") };
                    barrier.wait();
                    app.post("/api/v1/auth/login", None, json!({ "email": email, "password": password }))
                })
            })
            .collect();
        barrier.wait();
        std::thread::sleep(std::time::Duration::from_millis(500));
        handles
    })
    .unwrap();
    let replies: Vec<Reply> = handles.into_iter().map(|h| h.join().expect("guess")).collect();
    let failures = replies.iter().filter(|r| r.status == 401).count();
    let signed_in = replies.iter().filter(|r| r.status == 200).count();
    let limited = replies.iter().filter(|r| r.code() == "too_many_attempts").count();
    let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
    // At most 10 wrong passwords are ever checked (three at once, then one
    // per doubling wait); the right one gets through only if it was judged
    // before the wait began.
    assert!(failures <= 10, "{failures} wrong passwords were checked: {statuses:?}");
    assert_eq!(failures + signed_in + limited, guesses, "{statuses:?}");
    let after = app.post("/api/v1/auth/login", None, json!({ "email": user.email, "password": PASSWORD }));
    if failures >= 10 {
        after.expect_problem(429, "too_many_attempts");
    }
    // Whatever the timing, each recorded failure was let through by the
    // rule given the failures recorded before it (a right password may
    // since have forgiven some, which only lets more through): without the
    // lock, guesses judged on the same history are recorded side by side.
    let recorded = app.store.read(|tx| users::login_attempts(tx, &user.email)).unwrap();
    let recorded: Vec<SignInAttempt> = recorded.into_iter().filter(|a| !a.succeeded).collect();
    for (k, attempt) in recorded.iter().enumerate() {
        let verdict = judge_sign_in(&recorded[..k], &attempt.address, attempt.at, &SignInLimits::default());
        assert_eq!(verdict, SignInVerdict::Allow, "failure {k} of {recorded:?} was not allowed: {statuses:?}");
    }
}

/// A settings change that recounts supports locks the space's proposals
/// while writers of one proposal hold it and then touch the space (their
/// audit entry, their comment): on PostgreSQL a lock taken in the wrong
/// mode or order meets them in a deadlock. Both must simply succeed.
fn settings_changes_and_writes_in_the_space_never_deadlock(backend: Backend) {
    let s = scene(backend);
    let ids: Vec<String> = (0..4).map(|round| publish(&s, round)).collect();
    for round in 0..ROUNDS * 2 {
        let id = ids[round % ids.len()].clone();
        let patch = {
            let token = s.staff.token.clone();
            move |app: &TestApp| {
                let settings =
                    json!({ "settings": { "support_threshold": 10 + round, "minimum_supports_per_user": round % 2 } });
                app.call("PATCH", "/api/v1/spaces/spazio", Some(&token), Some(&settings))
            }
        };
        let write = {
            let (token, id) = (s.author.token.clone(), id.clone());
            move |app: &TestApp| {
                if round % 2 == 0 {
                    app.post(
                        &format!("/api/v1/proposals/{id}/comments"),
                        Some(&token),
                        json!({ "body": format!("Commento {round}") }),
                    )
                } else {
                    let version = current_version(app, &id);
                    app.post(
                        &format!("/api/v1/proposals/{id}/versions"),
                        Some(&token),
                        json!({ "title": format!("Titolo modificato {round}"), "body": format!("Il testo modificato al giro {round}."), "base_version": version }),
                    )
                }
            }
        };
        let (patched, written) = race(&s.app, patch, write);
        patched.expect(200);
        written.expect(201);
    }
    s.app.assert_counters_consistent();
}

/// Blocking a participant with their content while they are still
/// writing: their write either lands first (and is hidden with the rest)
/// or sees the block (403); nothing they wrote stays visible, and the two
/// never meet in a deadlock.
fn block_with_content_and_the_users_own_writes_leave_nothing_visible(backend: Backend) {
    let s = scene(backend);
    let target = publish(&s, 0);
    for round in 0..ROUNDS {
        let writer = s.app.participant(&format!("disturbatore{round}"));
        s.app
            .post(
                &format!("/api/v1/proposals/{target}/comments"),
                Some(&writer.token),
                json!({ "body": "Primo messaggio" }),
            )
            .expect(201);
        let block = {
            let (token, user) = (s.staff.token.clone(), writer.id.clone());
            move |app: &TestApp| {
                app.post(
                    &format!("/api/v1/moderation/users/{user}/block"),
                    Some(&token),
                    json!({ "justification": "Messaggi ripetuti", "hide_content": true }),
                )
            }
        };
        let write = {
            let (token, target) = (writer.token.clone(), target.clone());
            move |app: &TestApp| {
                if round % 2 == 0 {
                    app.post(
                        &format!("/api/v1/proposals/{target}/comments"),
                        Some(&token),
                        json!({ "body": "Ancora io" }),
                    )
                } else {
                    app.post(
                        "/api/v1/spaces/spazio/proposals",
                        Some(&token),
                        json!({ "title": "Una proposta dell'ultimo momento", "body": "Il testo della proposta scritta all'ultimo momento, prima del blocco." }),
                    )
                }
            }
        };
        let (blocked, written) = race(&s.app, block, write);
        blocked.expect(200);
        assert!(matches!(written.status, 201 | 403), "{} {}", written.status, written.code());
        let comments = s.app.get(&format!("/api/v1/proposals/{target}/comments?limit=100"), None).expect(200)["items"]
            .as_array()
            .unwrap()
            .clone();
        let visible = comments.iter().filter(|c| c["author"]["id"] == writer.id.as_str()).count();
        assert_eq!(visible, 0, "a comment of the blocked user is still visible (round {round})");
        let proposals = s.app.get("/api/v1/proposals?limit=100", None).expect(200)["items"].as_array().unwrap().clone();
        assert!(!proposals.iter().any(|p| p["title"] == "Una proposta dell'ultimo momento"), "round {round}");
    }
    s.app.assert_counters_consistent();
}

/// Two exchanges of one refresh token at once (two tabs, or a retry while
/// the first answer is on its way): whatever the interleaving, the sign-in
/// ends with exactly one live refresh token, never two branches.
fn parallel_refreshes_of_one_token_leave_one_live_token(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let user = app.participant("schede");
    for _ in 0..ROUNDS {
        let session = app.login(&user.email);
        let refresh = |token: String| {
            move |app: &TestApp| app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": token }))
        };
        let (a, b) = race(&app, refresh(session.refresh.clone()), refresh(session.refresh.clone()));
        let issued: Vec<String> = [&a, &b]
            .iter()
            .filter(|r| r.status == 200)
            .map(|r| r.body["refresh_token"].as_str().unwrap().to_owned())
            .collect();
        assert!(!issued.is_empty(), "one exchange at least succeeds: {} {}", a.status, b.status);
        let live = app
            .store
            .read(|tx| {
                let mut live = 0;
                for token in &issued {
                    let record = emenda_store::tokens::find_by_hash(tx, &hash_refresh_token(token))?.unwrap();
                    live += usize::from(record.used_at.is_none() && record.revoked_at.is_none());
                }
                Ok::<_, emenda_store::StoreError>(live)
            })
            .unwrap();
        assert_eq!(live, 1, "statuses {} and {}", a.status, b.status);
    }
}

/// A sign-out and a refresh of the same sign-in at once: whichever goes
/// first, nothing of that sign-in is live afterwards (a refresh that
/// committed a new token just before must not leave it behind).
fn logout_and_refresh_at_once_leave_nothing_live(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let user = app.participant("uscita");
    for _ in 0..30 {
        let session = app.login(&user.email);
        let (token, refresh) = (session.token.clone(), session.refresh.clone());
        let logout = {
            let refresh = refresh.clone();
            move |app: &TestApp| app.post("/api/v1/auth/logout", Some(&token), json!({ "refresh_token": refresh }))
        };
        let rotate = move |app: &TestApp| app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": refresh }));
        let (out, rotated) = race(&app, logout, rotate);
        out.expect(204);
        if rotated.status == 200 {
            let issued = rotated.body["refresh_token"].as_str().unwrap().to_owned();
            let record = app
                .store
                .read(|tx| emenda_store::tokens::find_by_hash(tx, &hash_refresh_token(&issued)))
                .unwrap()
                .unwrap();
            assert!(record.revoked_at.is_some(), "a token issued during the sign-out outlived it");
        } else {
            assert_eq!(rotated.code(), "token_reused");
        }
    }
}

/// A write that a space setting gates, and the setting that closes it.
#[derive(Clone, Copy, Debug)]
enum Gate {
    Comments,
    Votes,
    Amendments,
    Proposals,
}

impl Gate {
    /// The setting that closes the gate.
    fn setting(self) -> &'static str {
        match self {
            Gate::Comments | Gate::Votes => "comments_open",
            Gate::Amendments => "amendments_open",
            Gate::Proposals => "proposals_open",
        }
    }

    /// The audit action of a write through the gate.
    fn action(self) -> &'static str {
        match self {
            Gate::Comments => "comment.created",
            Gate::Votes => "comment.voted",
            Gate::Amendments => "amendment.created",
            Gate::Proposals => "proposal.created",
        }
    }

    /// The refusal once the gate is closed.
    fn refusal(self) -> &'static str {
        match self {
            Gate::Comments | Gate::Votes => "comments_closed",
            Gate::Amendments => "amendments_closed",
            Gate::Proposals => "proposals_closed",
        }
    }
}

/// Writers that a space setting gates, raced against the change that
/// closes it: none may land after the closing in the audit log's order
/// (the public record of a deadline). Each writer either commits before
/// the closing or is refused with the gate's code.
fn writes_in_flight_never_land_after_their_gate_closes(backend: Backend, gate: Gate) {
    const WRITERS: usize = 8;
    let s = scene(backend);
    let writers: Vec<TestUser> = (0..WRITERS).map(|i| s.app.participant(&format!("partecipante{i}"))).collect();
    let mut landed = 0;
    for round in 0..ROUNDS {
        let open = json!({ "settings": { gate.setting(): true } });
        s.app.call("PATCH", "/api/v1/spaces/spazio", Some(&s.staff.token), Some(&open)).expect(200);
        let proposal = publish(&s, round);
        let comment = s
            .app
            .post(
                &format!("/api/v1/proposals/{proposal}/comments"),
                Some(&s.author.token),
                json!({ "body": "Da votare" }),
            )
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let barrier = Arc::new(Barrier::new(WRITERS + 1));
        let mut threads = Vec::new();
        for (i, writer) in writers.iter().enumerate() {
            let (app, barrier, token) = (s.app.clone(), barrier.clone(), writer.token.clone());
            let (proposal, comment) = (proposal.clone(), comment.clone());
            threads.push(std::thread::spawn(move || {
                barrier.wait();
                match gate {
                    Gate::Comments => app.post(
                        &format!("/api/v1/proposals/{proposal}/comments"),
                        Some(&token),
                        json!({ "body": format!("Commento {i}") }),
                    ),
                    Gate::Votes => app.call(
                        "PUT",
                        &format!("/api/v1/comments/{comment}/vote"),
                        Some(&token),
                        Some(&json!({ "value": 1 })),
                    ),
                    Gate::Amendments => app.post(
                        &format!("/api/v1/proposals/{proposal}/amendments"),
                        Some(&token),
                        json!({ "title": format!("Titolo emendato {i}"), "body": "Il testo emendato.", "base_version": 1, "rationale": "Per chiarezza." }),
                    ),
                    Gate::Proposals => app.post(
                        "/api/v1/spaces/spazio/proposals",
                        Some(&token),
                        json!({ "title": format!("Proposta dell'ultimo minuto {i}"), "body": "Arrivata mentre si chiudeva." }),
                    ),
                }
            }));
        }
        let closer = {
            let (app, barrier, token) = (s.app.clone(), barrier.clone(), s.staff.token.clone());
            let close = json!({ "settings": { gate.setting(): false } });
            std::thread::spawn(move || {
                barrier.wait();
                app.call("PATCH", "/api/v1/spaces/spazio", Some(&token), Some(&close))
            })
        };
        for reply in threads.into_iter().map(|t| t.join().unwrap()) {
            if reply.status < 300 {
                landed += 1;
            } else {
                reply.expect_problem(403, gate.refusal());
            }
        }
        closer.join().unwrap().expect(200);
        // Audit entries in the order their writes inserted them: a write
        // that waited for the closing's lock inserts after it.
        let log: Vec<String> = s
            .app
            .store
            .read(emenda_store::public_log::insertion_order)
            .unwrap()
            .iter()
            .filter_map(|(_, entry)| emenda_domain::transparency::parse_entry(entry).ok())
            .filter_map(|entry| entry.field("action").map(str::to_owned))
            .collect();
        let closing = log.iter().rposition(|action| action == "space.updated").unwrap();
        let late: Vec<_> = log[closing..].iter().filter(|action| *action == gate.action()).collect();
        assert!(late.is_empty(), "{gate:?}, round {round}: {} writes landed after the closing", late.len());
    }
    // The race is real only if some writers beat the closing.
    assert!(landed > 0, "{gate:?}: no writer ever landed before the closing");
    s.app.assert_counters_consistent();
}

fn comments_never_land_after_comments_close(backend: Backend) {
    writes_in_flight_never_land_after_their_gate_closes(backend, Gate::Comments);
}

fn votes_never_land_after_comments_close(backend: Backend) {
    writes_in_flight_never_land_after_their_gate_closes(backend, Gate::Votes);
}

fn amendments_never_land_after_amendments_close(backend: Backend) {
    writes_in_flight_never_land_after_their_gate_closes(backend, Gate::Amendments);
}

fn proposals_never_land_after_proposals_close(backend: Backend) {
    writes_in_flight_never_land_after_their_gate_closes(backend, Gate::Proposals);
}

backend_tests!(
    comments_never_land_after_comments_close,
    votes_never_land_after_comments_close,
    amendments_never_land_after_amendments_close,
    proposals_never_land_after_proposals_close,
    logout_and_refresh_at_once_leave_nothing_live,
    parallel_refreshes_of_one_token_leave_one_live_token,
    edit_and_withdraw_never_leave_an_edit_after_the_withdrawal,
    edit_and_answer_never_leave_an_edit_after_the_answer,
    amend_and_withdraw_leave_no_open_amendment,
    accept_and_withdraw_are_serialised,
    admins_revoking_each_other_keep_one_admin,
    parallel_sign_in_guesses_respect_the_limit,
    settings_changes_and_writes_in_the_space_never_deadlock,
    block_with_content_and_the_users_own_writes_leave_nothing_visible
);
