//! The audit log over HTTP on both backends: the transparency log that
//! holds it verifies (and names an entry changed behind its back), the
//! demo data leaves a valid log, and entries about amendments a reader may not see stay out
//! of their view of the log until the amendment is decided.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::testing::execute_raw;
use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser};
use serde_json::{json, Value};

fn the_log_check_names_an_audit_entry_changed_behind_its_back(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "spazio", json!({}));
    let proposal = app.proposal(&author, "spazio", "Una proposta tracciata")["id"].as_str().unwrap().to_owned();
    let size = app.wait_for_log();

    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!((report["valid"].clone(), report["complete"].clone()), (json!(true), json!(true)), "{report}");
    assert_eq!(report["first_invalid"], Value::Null);
    assert_eq!(report["tree_size"], size);
    assert!(size >= 6, "registrations, role, space, proposal and its version: {report}");

    // The proposal's creation, rewritten in the database without the log.
    let disable = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable",
    };
    execute_raw(&app.store, disable).unwrap();
    let changed =
        format!("UPDATE audit_log SET details = '{{}}' WHERE target_id = '{proposal}' AND action = 'proposal.created'");
    assert_eq!(execute_raw(&app.store, &changed).unwrap(), 1);
    let leaf = app
        .store
        .read(|tx| {
            let entries = emenda_store::public_log::entries(tx, 0, 1_000)?;
            let audit_ids: Vec<String> = entries.iter().map(|e| e.subject_id.clone()).collect();
            let rows = emenda_store::audit::stored_rows(tx, &audit_ids)?;
            let id = rows.iter().find(|r| r.action == "proposal.created").map(|r| r.id.clone()).unwrap();
            Ok::<_, emenda_store::StoreError>(entries.iter().find(|e| e.subject_id == id).unwrap().leaf_index)
        })
        .unwrap();
    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!(
        (report["valid"].clone(), report["problem"].clone(), report["first_invalid"].clone()),
        (json!(false), json!("record_changed"), json!(leaf)),
        "{report}"
    );
}

fn demo_data_leaves_a_valid_log(backend: Backend) {
    let app = TestApp::spawn(backend);
    let state = app.state(b"demo secret long enough for the test!", "EMD");
    assert!(emenda_server::seed::load_demo(&state).unwrap());
    let size = app.wait_for_log();
    let mut from = 0;
    loop {
        let report = app.get(&format!("/api/v1/audit/verify?from={from}"), None).expect(200).clone();
        assert_eq!(report["valid"], true, "{report}");
        if report["complete"] == true {
            assert_eq!(report["next"], report["tree_size"]);
            break;
        }
        from = report["next"].as_u64().unwrap();
    }
    assert!(size > 20, "{size}");
}

/// The amendment ids of the `amendment.*` entries `reader` sees, newest
/// first, with their actions.
fn amendment_entries(app: &TestApp, reader: Option<&TestUser>, query: &str) -> Vec<(String, String)> {
    let reply = app.get(&format!("/api/v1/audit?limit=100{query}"), reader.map(|u| u.token.as_str()));
    reply.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target_kind"] == "amendment")
        .map(|e| (e["action"].as_str().unwrap().to_owned(), e["target_id"].as_str().unwrap().to_owned()))
        .collect()
}

/// The readers of a space whose amendments only participants see while
/// undecided: an admin, the space's staff, an author, an amender and
/// someone else.
struct People {
    admin: TestUser,
    staff: TestUser,
    author: TestUser,
    amender: TestUser,
    other: TestUser,
}

/// The space `riservato` and its [`People`].
fn people_of_a_reserved_space(app: &TestApp) -> People {
    let admin = app.admin();
    let staff = app.participant("ufficio");
    let author = app.participant("autrice");
    let amender = app.participant("emendatrice");
    let other = app.participant("curioso");
    app.space(&admin, "riservato", json!({ "amendments_visibility": "participants" }));
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", staff.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "riservato" })),
    )
    .expect(200);
    People { admin, staff, author, amender, other }
}

fn hidden_amendments_stay_out_of_the_audit_log_until_decided(backend: Backend) {
    let app = TestApp::spawn(backend);
    let People { admin, staff, author, amender, other } = people_of_a_reserved_space(&app);
    let proposal =
        app.proposal(&author, "riservato", "Una proposta con emendamenti")["id"].as_str().unwrap().to_owned();
    let amend = |who: &TestUser, body: &str| {
        let reply = app.post(
            &format!("/api/v1/proposals/{proposal}/amendments"),
            Some(&who.token),
            json!({ "title": "Una proposta con emendamenti", "body": body,
                    "rationale": "Rende la proposta più chiara.", "base_version": 1 }),
        );
        reply.expect(201)["id"].as_str().unwrap().to_owned()
    };
    let open = amend(&amender, "Un testo emendato abbastanza lungo per essere valido.");
    let withdrawn = amend(&other, "Un altro testo emendato, poi ritirato dal suo autore.");
    app.post(&format!("/api/v1/amendments/{withdrawn}/withdraw"), Some(&other.token), json!({})).expect(200);
    // Enough later public entries that a short page must skip hidden ones.
    for n in 0..3 {
        app.proposal(&author, "riservato", &format!("Un'altra proposta pubblica {n}"));
    }

    let created = ("amendment.created".to_owned(), open.clone());
    for (who, query) in [(None, ""), (None, "&space=riservato"), (Some(&other), ""), (Some(&author), "")] {
        let seen = amendment_entries(&app, who, query);
        assert!(!seen.iter().any(|(_, id)| *id == open), "{query}: {seen:?}");
    }
    // The amendment's author sees their own; staff of the space and admins
    // see all, filtered to the space or not.
    assert_eq!(amendment_entries(&app, Some(&amender), ""), vec![created.clone()]);
    assert!(!amendment_entries(&app, Some(&other), "").contains(&created));
    assert!(amendment_entries(&app, Some(&other), "").contains(&("amendment.withdrawn".to_owned(), withdrawn.clone())));
    for reader in [&staff, &admin] {
        for query in ["", "&space=riservato"] {
            let seen = amendment_entries(&app, Some(reader), query);
            assert!(seen.contains(&created), "{query}: {seen:?}");
            assert!(seen.contains(&("amendment.withdrawn".to_owned(), withdrawn.clone())), "{query}: {seen:?}");
        }
    }
    // A page is still `limit` entries, with the cursor past hidden ones.
    let page = app.get("/api/v1/audit?limit=4", None);
    let page = page.expect(200).clone();
    assert_eq!(page["items"].as_array().unwrap().len(), 4);
    let cursor = page["next_cursor"].as_str().unwrap();
    let next = app.get(&format!("/api/v1/audit?limit=4&cursor={cursor}"), None);
    assert!(next.expect(200)["items"].as_array().unwrap().iter().all(|e| e["target_kind"] != "amendment"));

    // Decisions are public: once rejected, the amendment's entries are.
    app.post(
        &format!("/api/v1/moderation/amendments/{open}/reject"),
        Some(&staff.token),
        json!({ "reason": "Non è coerente con il bilancio approvato." }),
    )
    .expect(200);
    let public = amendment_entries(&app, None, "");
    assert!(public.contains(&("amendment.rejected".to_owned(), open.clone())), "{public:?}");
    assert!(public.contains(&created), "{public:?}");
    assert!(!public.iter().any(|(_, id)| *id == withdrawn), "a withdrawn amendment stays hidden: {public:?}");
    assert_eq!(app.get("/api/v1/audit/verify", None).expect(200)["valid"], true);
}

fn audit_log_shows_public_entries_to_all_and_the_rest_to_staff(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "spazio", json!({}));
    let id = app.proposal(&author, "spazio", "Una proposta tracciata")["id"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/proposals/{id}/versions"),
        Some(&author.token),
        json!({ "title": "Una proposta tracciata", "body": "Un testo cambiato per la prova.", "base_version": 1 }),
    )
    .expect(201);
    app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&author.token), json!({})).expect(200);

    let public = app.get("/api/v1/audit?limit=100", None);
    let actions: Vec<&str> =
        public.expect(200)["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions[..4], ["proposal.withdrawn", "proposal.edited", "proposal.created", "space.created"]);
    assert!(actions.contains(&"role.granted"));
    assert!(!actions.contains(&"user.registered"), "registrations are not public");
    let all = app.get("/api/v1/audit?limit=100", Some(&admin.token));
    let staff_view: Vec<&str> =
        all.expect(200)["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(staff_view.contains(&"user.registered"));
    let participant_view = app.get("/api/v1/audit?limit=100", Some(&author.token));
    assert_eq!(participant_view.expect(200)["items"].as_array().unwrap().len(), actions.len());
    let by_space = app.get("/api/v1/audit?space=spazio", None);
    assert_eq!(by_space.expect(200)["items"].as_array().unwrap().len(), 4);
    let first_page = app.get("/api/v1/audit?limit=2", None);
    let cursor = first_page.expect(200)["next_cursor"].as_str().unwrap().to_owned();
    let second_page = app.get(&format!("/api/v1/audit?limit=2&cursor={cursor}"), None);
    assert_eq!(second_page.expect(200)["items"][0]["action"], "proposal.created");
}

/// The actions the public log shows about one target.
fn actions_about(app: &TestApp, reader: Option<&TestUser>, target: &str) -> Vec<String> {
    let page = app.get("/api/v1/audit?limit=100", reader.map(|u| u.token.as_str()));
    page.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target_id"] == target)
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

/// What moderation hid leaves the public audit log with it (a hidden
/// proposal's title, a hidden comment's author): only the moderation acts
/// stay public. Staff keep the whole record, and unhiding brings it back.
fn hidden_content_leaves_the_public_audit_log(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autore");
    let proposal =
        app.proposal(&author, "spazio", "Un titolo offensivo da nascondere")["id"].as_str().unwrap().to_owned();
    let comment = app
        .post(
            &format!("/api/v1/proposals/{proposal}/comments"),
            Some(&author.token),
            json!({ "body": "Un commento da nascondere." }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(actions_about(&app, None, &proposal), ["proposal.created"]);
    assert_eq!(actions_about(&app, None, &comment), ["comment.created"]);

    app.post(&format!("/api/v1/moderation/comments/{comment}/hide"), Some(&admin.token), json!({})).expect(200);
    app.post(&format!("/api/v1/moderation/proposals/{proposal}/hide"), Some(&admin.token), json!({})).expect(200);
    let reader = app.participant("lettrice");
    for who in [None, Some(&reader), Some(&author)] {
        assert_eq!(actions_about(&app, who, &proposal), ["content.hidden"]);
        assert_eq!(actions_about(&app, who, &comment), ["content.hidden"]);
    }
    assert_eq!(actions_about(&app, Some(&admin), &proposal), ["content.hidden", "proposal.created"]);
    // Hidden content leaves the log whole: its entries stay, and they carry
    // commitments, not the text.
    app.wait_for_log();
    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!((report["valid"].clone(), report["complete"].clone()), (json!(true), json!(true)), "{report}");

    app.post(&format!("/api/v1/moderation/proposals/{proposal}/unhide"), Some(&admin.token), json!({})).expect(200);
    assert_eq!(actions_about(&app, None, &proposal), ["content.unhidden", "content.hidden", "proposal.created"]);
}

/// Every entry in the anonymous list of the space, as (action, target).
fn public_entries(app: &TestApp, reader: Option<&TestUser>) -> Vec<(String, String)> {
    let page = app.get("/api/v1/audit?space=spazio&limit=100", reader.map(|u| u.token.as_str()));
    page.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap().to_owned(), e["target_id"].as_str().unwrap().to_owned()))
        .collect()
}

/// A proposal with a comment, an amendment and a comment on the amendment.
struct Thread {
    app: TestApp,
    admin: TestUser,
    proposal: String,
    comment: String,
    amendment: String,
    amendment_comment: String,
}

fn thread(backend: Backend) -> Thread {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autore");
    let amender = app.participant("emendatrice");
    let proposal = app.proposal(&author, "spazio", "Una proposta da nascondere")["id"].as_str().unwrap().to_owned();
    let id = |reply: &Value| reply["id"].as_str().unwrap().to_owned();
    let comment = id(app
        .post(
            &format!("/api/v1/proposals/{proposal}/comments"),
            Some(&amender.token),
            json!({ "body": "Sulla proposta." }),
        )
        .expect(201));
    let amendment = id(app
        .post(
            &format!("/api/v1/proposals/{proposal}/amendments"),
            Some(&amender.token),
            json!({ "title": "Una proposta emendata", "body": "Il testo emendato.", "base_version": 1, "rationale": "Più chiara." }),
        )
        .expect(201));
    let amendment_comment = id(app
        .post(
            &format!("/api/v1/amendments/{amendment}/comments"),
            Some(&author.token),
            json!({ "body": "Sull'emendamento." }),
        )
        .expect(201));
    Thread { app, admin, proposal, comment, amendment, amendment_comment }
}

/// The entries left about `targets` for `reader`, moderation acts aside.
fn left_about(t: &Thread, reader: Option<&TestUser>, targets: &[&str]) -> Vec<(String, String)> {
    public_entries(&t.app, reader)
        .into_iter()
        .filter(|(action, target)| targets.contains(&target.as_str()) && !action.starts_with("content."))
        .collect()
}

/// A hidden proposal takes out of the public log every entry about what
/// is inside it: its amendments, its comments, the comments on its
/// amendments (each item answers 404 to the same readers); unhiding
/// brings them back, and staff read them throughout.
fn a_hidden_proposal_hides_the_entries_of_everything_inside_it(backend: Backend) {
    let t = thread(backend);
    let inside = [t.proposal.as_str(), &t.comment, &t.amendment, &t.amendment_comment];
    assert_eq!(left_about(&t, None, &inside).len(), 4, "all public before");
    t.app
        .post(&format!("/api/v1/moderation/proposals/{}/hide", t.proposal), Some(&t.admin.token), json!({}))
        .expect(200);
    let reader = t.app.participant("lettore");
    for who in [None, Some(&reader)] {
        assert_eq!(left_about(&t, who, &inside), vec![], "nothing inside a hidden proposal stays listed");
        t.app.get(&format!("/api/v1/amendments/{}", t.amendment), who.map(|u| u.token.as_str())).expect(404);
        t.app.get(&format!("/api/v1/comments/{}", t.comment), who.map(|u| u.token.as_str())).expect(404);
    }
    assert_eq!(left_about(&t, Some(&t.admin), &inside).len(), 4, "staff read the whole record");
    t.app
        .post(&format!("/api/v1/moderation/proposals/{}/unhide", t.proposal), Some(&t.admin.token), json!({}))
        .expect(200);
    assert_eq!(left_about(&t, None, &inside).len(), 4, "unhiding brings them back");
}

/// A hidden amendment takes its comments' entries with it; the proposal
/// and its own comments stay.
fn a_hidden_amendment_hides_the_entries_of_its_comments(backend: Backend) {
    let t = thread(backend);
    t.app
        .post(&format!("/api/v1/moderation/amendments/{}/hide", t.amendment), Some(&t.admin.token), json!({}))
        .expect(200);
    assert_eq!(left_about(&t, None, &[&t.amendment, &t.amendment_comment]), vec![]);
    assert_eq!(left_about(&t, None, &[&t.proposal, &t.comment]).len(), 2, "the rest stays public");
    t.app.get(&format!("/api/v1/comments/{}", t.amendment_comment), None).expect(404);
    assert_eq!(left_about(&t, Some(&t.admin), &[&t.amendment, &t.amendment_comment]).len(), 2);
}

/// The public check of the chain: one bounded segment per call, followed
/// by `last_seq`/`last_hash` until `complete`; a bad start is 422 naming
/// its field.
fn the_log_is_verified_segment_by_segment(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let size = app.wait_for_log();
    let whole = app.get("/api/v1/audit/verify", None);
    let whole = whole.expect(200);
    assert_eq!((whole["valid"].as_bool(), whole["complete"].as_bool()), (Some(true), Some(true)), "{whole}");
    assert_eq!((whole["from"].as_u64(), whole["next"].as_u64()), (Some(0), Some(size)), "{whole}");
    let second = app.get("/api/v1/audit/verify?from=1", None);
    assert_eq!(second.expect(200)["valid"], true);
    let at_end = app.get(&format!("/api/v1/audit/verify?from={size}"), None);
    let at_end = at_end.expect(200);
    assert_eq!((at_end["next"].as_u64(), at_end["complete"].as_bool()), (Some(size), Some(true)), "{at_end}");
    let body = app.get(&format!("/api/v1/audit/verify?from={}", size + 1), None);
    let body = body.expect_problem(422, "validation_failed");
    assert!(
        body["errors"].as_array().unwrap().iter().any(|e| e["field"] == "from" && e["code"] == "out_of_range"),
        "{body}"
    );
    app.get("/api/v1/audit/verify?from=-1", None).expect_problem(422, "validation_failed");
}

/// Entries that carry long texts end a page early: the page stays within
/// its byte budget, and paging still reaches every entry once.
fn pages_of_the_log_are_bounded_by_bytes(backend: Backend) {
    let app = TestApp::spawn(backend);
    let long = "è".repeat(20_000);
    for n in 0..40u128 {
        let entry = emenda_store::audit::AuditEntry {
            id: uuid::Uuid::now_v7(),
            actor_id: None,
            action: emenda_domain::audit::AuditAction::SpaceCreated,
            target_kind: "space".to_owned(),
            target_id: uuid::Uuid::from_u128(n + 1),
            space_id: None,
            details: json!({ "note": long }),
            visibility: emenda_domain::audit::AuditVisibility::Public,
            created_at: chrono::Utc::now(),
        };
        app.store.write(|tx| emenda_store::audit::insert(tx, &entry)).unwrap();
    }
    let mut seen = std::collections::HashSet::new();
    let mut path = "/api/v1/audit?limit=100".to_owned();
    let mut pages = 0;
    loop {
        let page = app.get(&path, None);
        let body = page.expect(200);
        let size = body.to_string().len();
        assert!(size < 400 * 1024, "a page of {size} bytes");
        for item in body["items"].as_array().unwrap() {
            assert!(seen.insert(item["id"].as_str().unwrap().to_owned()), "an entry came twice");
        }
        pages += 1;
        match body["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/audit?limit=100&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 40, "every entry once");
    assert!(pages >= 4, "40 entries of 40 KB need several pages: {pages}");
}

/// The log read about one proposal, or one kind of entry, names who acted.
fn the_log_is_filtered_by_proposal_and_kind_and_names_who_acted(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autrice");
    let other = app.participant("altra");
    let proposal = app.proposal(&author, "spazio", "Una proposta seguita da vicino");
    let id = proposal["id"].as_str().unwrap();
    let reference = proposal["reference"].as_str().unwrap();
    app.proposal(&other, "spazio", "Una proposta di qualcun altro");
    let edit = json!({ "title": "Una proposta seguita da vicino", "body": "Un testo cambiato abbastanza lungo.", "base_version": 1 });
    app.post(&format!("/api/v1/proposals/{id}/versions"), Some(&author.token), edit).expect(201);
    let amendment = json!({ "title": "Una proposta seguita da vicino", "body": "Un testo emendato abbastanza lungo.",
        "rationale": "Serve più chiarezza.", "base_version": 2 });
    app.post(&format!("/api/v1/proposals/{id}/amendments"), Some(&other.token), amendment).expect(201);
    app.post(&format!("/api/v1/proposals/{id}/comments"), Some(&other.token), json!({ "body": "Sono d'accordo." }))
        .expect(201);

    let about = |query: &str| -> Vec<(String, String)> {
        let page = app.get(&format!("/api/v1/audit?{query}"), None).expect(200).clone();
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["action"].as_str().unwrap().to_owned(), e["actor_name"].as_str().unwrap_or("-").to_owned()))
            .collect()
    };
    let expected = [
        ("comment.created".to_owned(), "altra".to_owned()),
        ("amendment.created".to_owned(), "altra".to_owned()),
        ("proposal.edited".to_owned(), "autrice".to_owned()),
        ("proposal.created".to_owned(), "autrice".to_owned()),
    ];
    assert_eq!(about(&format!("proposal={id}")), expected);
    assert_eq!(about(&format!("proposal={reference}")), expected, "by reference too");
    let created = about("action=proposal.created");
    assert_eq!(
        created,
        [("proposal.created".to_owned(), "altra".to_owned()), ("proposal.created".to_owned(), "autrice".to_owned())]
    );
    assert_eq!(about(&format!("proposal={id}&action=proposal.edited")), [expected[2].clone()]);
    let wrong = app.get("/api/v1/audit?action=proposal.deleted", None);
    assert_eq!(wrong.expect_problem(422, "validation_failed")["errors"][0]["field"], "action");
    let wrong = app.get("/api/v1/audit?proposal=nessuna", None);
    assert_eq!(wrong.expect_problem(422, "validation_failed")["errors"][0]["field"], "proposal");
    let (stem, _) = reference.rsplit_once('-').unwrap();
    app.get(&format!("/api/v1/audit?proposal={stem}-9999"), None).expect_problem(404, "not_found");
}

/// The ids of every entry `reader` sees in the log, unfiltered or
/// filtered to `space`.
fn entry_ids(app: &TestApp, reader: Option<&TestUser>, space: &str) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    for query in [String::new(), format!("&space={space}")] {
        let page = app.get(&format!("/api/v1/audit?limit=100{query}"), reader.map(|u| u.token.as_str()));
        let page = page.expect(200).clone();
        assert_eq!(page["next_cursor"], Value::Null, "one page holds the whole log");
        ids.extend(page["items"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_owned()));
    }
    ids
}

/// An entry's own address shows exactly what the log shows each reader:
/// staff-only entries to staff, an undecided amendment's entries to its
/// author and its space's staff, nothing else to anyone else.
fn an_entry_is_read_at_its_address_as_the_log_shows_it(backend: Backend) {
    let app = TestApp::spawn(backend);
    let People { admin, staff, author, amender, other } = people_of_a_reserved_space(&app);
    let proposal =
        app.proposal(&author, "riservato", "Una proposta con un emendamento")["id"].as_str().unwrap().to_owned();
    let amendment = json!({ "title": "Una proposta con un emendamento", "body": "Un testo emendato abbastanza lungo.",
        "rationale": "Serve più chiarezza.", "base_version": 1 });
    app.post(&format!("/api/v1/proposals/{proposal}/amendments"), Some(&amender.token), amendment).expect(201);
    // A staff-only entry of the space: who reported stays private.
    let report = json!({ "target": { "kind": "proposal", "id": proposal }, "reason": "spam" });
    app.post("/api/v1/reports", Some(&other.token), report).expect(201);

    let everything = entry_ids(&app, Some(&admin), "riservato");
    let readers: [(&str, Option<&TestUser>); 6] = [
        ("anonymous", None),
        ("other", Some(&other)),
        ("author", Some(&author)),
        ("amender", Some(&amender)),
        ("space staff", Some(&staff)),
        ("admin", Some(&admin)),
    ];
    for (name, reader) in readers {
        let seen = entry_ids(&app, reader, "riservato");
        assert!(seen.len() < everything.len() || name == "admin", "{name} sees less than an admin");
        for id in &everything {
            let reply = app.get(&format!("/api/v1/audit/{id}"), reader.map(|u| u.token.as_str()));
            if seen.contains(id) {
                assert_eq!(reply.expect(200)["id"], id.as_str(), "{name}");
            } else {
                reply.expect_problem(404, "not_found");
            }
        }
    }
    app.get("/api/v1/audit/nessuna", None).expect_problem(404, "not_found");
    app.get(&format!("/api/v1/audit/{}", uuid::Uuid::now_v7()), None).expect_problem(404, "not_found");
}

backend_tests!(
    an_entry_is_read_at_its_address_as_the_log_shows_it,
    the_log_is_verified_segment_by_segment,
    the_log_is_filtered_by_proposal_and_kind_and_names_who_acted,
    pages_of_the_log_are_bounded_by_bytes,
    a_hidden_proposal_hides_the_entries_of_everything_inside_it,
    a_hidden_amendment_hides_the_entries_of_its_comments,
    audit_log_shows_public_entries_to_all_and_the_rest_to_staff,
    the_log_check_names_an_audit_entry_changed_behind_its_back,
    demo_data_leaves_a_valid_log,
    hidden_amendments_stay_out_of_the_audit_log_until_decided,
    hidden_content_leaves_the_public_audit_log,
);
