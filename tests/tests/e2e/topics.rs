//! A space's categories and areas: staff of the space keep the lists, an
//! author files a proposal under one of each, readers filter by them, and
//! a topic with proposals filed under it cannot leave its list.
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser};
use serde_json::{json, Value};

const TEXT: &str = "Un testo abbastanza lungo per essere una proposta.";

fn patch(app: &TestApp, user: &TestUser, slug: &str, body: Value) -> emenda_tests::Reply {
    app.call("PATCH", &format!("/api/v1/spaces/{slug}"), Some(&user.token), Some(&body))
}

fn topics() -> Value {
    json!({
        "categories": [{ "slug": "mobilita", "name": "Mobilità" }, { "slug": "scuole", "name": "Scuole" }],
        "areas": [{ "slug": "centro", "name": "Centro storico" }],
    })
}

fn create(app: &TestApp, user: &TestUser, body: Value) -> emenda_tests::Reply {
    app.call("POST", "/api/v1/spaces/quartieri/proposals", Some(&user.token), Some(&body))
}

fn field_codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned()))
        .collect()
}

fn staff_keep_the_lists_and_nobody_else(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    app.space(&admin, "altro", json!({}));
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, "quartieri");
    let elsewhere = app.participant("ufficio_altrove");
    app.grant_staff(&admin, &elsewhere, "altro");
    let citizen = app.participant("cittadina");

    let changed = patch(&app, &staff, "quartieri", topics()).expect(200).clone();
    assert_eq!(
        (changed["categories"].clone(), changed["areas"].clone()),
        (topics()["categories"].clone(), topics()["areas"].clone())
    );
    assert_eq!(app.get("/api/v1/spaces/quartieri", None).expect(200)["categories"][0]["name"], "Mobilità");

    patch(&app, &citizen, "quartieri", json!({ "categories": [] })).expect_problem(403, "staff_only");
    patch(&app, &elsewhere, "quartieri", json!({ "categories": [] })).expect_problem(403, "staff_only");
    // Staff keep the topics alone: anything else is the admins'.
    patch(&app, &staff, "quartieri", json!({ "categories": [], "title": "Nuovo nome" }))
        .expect_problem(403, "admin_only");
    assert_eq!(
        app.get("/api/v1/spaces/quartieri", None).expect(200)["categories"],
        topics()["categories"],
        "nothing written"
    );

    // Checked entry by entry, nothing written when one is wrong.
    let wrong = json!({ "categories": [{ "slug": "Con Spazi", "name": "Va bene" }, { "slug": "x-ok", "name": "ab" }, { "slug": "x-ok", "name": "Doppia" }] });
    let refused = patch(&app, &admin, "quartieri", wrong).expect_problem(422, "validation_failed").clone();
    let fields: Vec<String> = field_codes(&refused).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["categories.0.slug", "categories.1.name", "categories.2.slug"]);
    assert_eq!(app.get("/api/v1/spaces/quartieri", None).expect(200)["categories"], topics()["categories"]);
}

fn proposals_are_filed_and_filtered(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    patch(&app, &admin, "quartieri", topics()).expect(200);
    let author = app.participant("autrice");

    let filed = create(
        &app,
        &author,
        json!({ "title": "Piste ciclabili in centro", "body": TEXT, "category": "mobilita", "area": "centro" }),
    )
    .expect(201)
    .clone();
    assert_eq!(filed["category"], json!({ "slug": "mobilita", "name": "Mobilità" }));
    assert_eq!(filed["area"], json!({ "slug": "centro", "name": "Centro storico" }));
    let plain =
        create(&app, &author, json!({ "title": "Una proposta senza categoria", "body": TEXT })).expect(201).clone();
    assert_eq!((plain["category"].clone(), plain["area"].clone()), (Value::Null, Value::Null));

    // A topic the space does not offer: both fields named, nothing published.
    let refused = create(
        &app,
        &author,
        json!({ "title": "Una proposta mal classificata", "body": TEXT, "category": "sport", "area": "periferia" }),
    )
    .expect_problem(422, "validation_failed")
    .clone();
    assert_eq!(
        field_codes(&refused),
        [("category".to_owned(), "invalid_choice".to_owned()), ("area".to_owned(), "invalid_choice".to_owned())]
    );
    assert_eq!(app.get("/api/v1/spaces/quartieri", None).expect(200)["totals"]["proposals"], 2);

    let titles = |query: &str| -> Vec<String> {
        app.get(&format!("/api/v1/proposals?space=quartieri&{query}"), None).expect(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(titles("category=mobilita"), ["Piste ciclabili in centro"]);
    assert_eq!(titles("area=centro&category=mobilita"), ["Piste ciclabili in centro"]);
    assert_eq!(titles("category=scuole"), Vec::<String>::new());
    assert_eq!(titles("q=ciclabili&category=mobilita"), ["Piste ciclabili in centro"], "with a search too");
    let summary = app.get("/api/v1/proposals?space=quartieri&category=mobilita", None).expect(200)["items"][0].clone();
    assert_eq!((summary["category"].clone(), summary["area"].clone()), (json!("mobilita"), json!("centro")));
    let unscoped =
        app.get("/api/v1/proposals?category=mobilita", None).expect_problem(422, "validation_failed").clone();
    assert_eq!(field_codes(&unscoped), [("space".to_owned(), "required".to_owned())]);
}

fn a_topic_in_use_stays_until_its_proposals_move(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    patch(&app, &admin, "quartieri", topics()).expect(200);
    let author = app.participant("autrice");
    let other = app.participant("altra");
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, "quartieri");
    let filed =
        create(&app, &author, json!({ "title": "Piste ciclabili in centro", "body": TEXT, "category": "mobilita" }))
            .expect(201)
            .clone();
    let id = filed["id"].as_str().unwrap();
    let filing = format!("/api/v1/proposals/{id}/filing");

    let only_schools = json!({ "categories": [{ "slug": "scuole", "name": "Scuole" }] });
    patch(&app, &staff, "quartieri", only_schools.clone()).expect_problem(409, "topic_in_use");
    assert_eq!(app.get("/api/v1/spaces/quartieri", None).expect(200)["categories"], topics()["categories"]);

    // Someone else may not move it; its author may, while it takes edits.
    app.call("PUT", &filing, Some(&other.token), Some(&json!({ "category": "scuole" })))
        .expect_problem(403, "not_author");
    let moved = app
        .call("PUT", &filing, Some(&author.token), Some(&json!({ "category": "scuole", "area": "centro" })))
        .expect(200)
        .clone();
    assert_eq!((moved["category"]["slug"].clone(), moved["area"]["slug"].clone()), (json!("scuole"), json!("centro")));
    app.call("PUT", &filing, Some(&author.token), Some(&json!({ "category": "sport" })))
        .expect_problem(422, "validation_failed");

    // Now nothing is filed under "mobilita": it may go.
    let changed = patch(&app, &staff, "quartieri", only_schools).expect(200).clone();
    assert_eq!(changed["categories"], json!([{ "slug": "scuole", "name": "Scuole" }]));

    // After a withdrawal the author no longer moves it; staff still do.
    app.call("POST", &format!("/api/v1/proposals/{id}/withdraw"), Some(&author.token), None).expect(200);
    app.call("PUT", &filing, Some(&author.token), Some(&json!({}))).expect_problem(409, "proposal_withdrawn");
    let by_staff = app.call("PUT", &filing, Some(&staff.token), Some(&json!({ "area": "centro" }))).expect(200).clone();
    assert_eq!((by_staff["category"].clone(), by_staff["area"]["slug"].clone()), (Value::Null, json!("centro")));

    let log = app.get(&format!("/api/v1/audit?proposal={id}&action=proposal.filed"), None).expect(200).clone();
    assert_eq!(log["items"].as_array().unwrap().len(), 2, "each move is in the public log");
}

fn hidden_and_promoted_proposals_keep_their_topics(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    patch(&app, &admin, "quartieri", topics()).expect(200);
    let author = app.participant("autrice");
    let amender = app.participant("emendatrice");
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, "quartieri");
    let hidden =
        create(&app, &author, json!({ "title": "Piste ciclabili in centro", "body": TEXT, "category": "mobilita" }))
            .expect(201)
            .clone();
    let hidden_id = hidden["id"].as_str().unwrap();
    app.call("POST", &format!("/api/v1/moderation/proposals/{hidden_id}/hide"), Some(&staff.token), None).expect(200);
    let only_schools = json!({ "categories": [{ "slug": "scuole", "name": "Scuole" }] });
    patch(&app, &staff, "quartieri", only_schools).expect_problem(409, "topic_in_use");

    // Filing a proposal where it is already filed writes and logs nothing.
    let filing = format!("/api/v1/proposals/{hidden_id}/filing");
    let before =
        app.get(&format!("/api/v1/proposals/{hidden_id}"), Some(&staff.token)).expect(200)["updated_at"].clone();
    let same =
        app.call("PUT", &filing, Some(&staff.token), Some(&json!({ "category": "mobilita" }))).expect(200).clone();
    assert_eq!(same["updated_at"], before);
    let log = app
        .get(&format!("/api/v1/audit?proposal={hidden_id}&action=proposal.filed"), Some(&staff.token))
        .expect(200)
        .clone();
    assert_eq!(log["items"].as_array().unwrap().len(), 0);

    // A promoted amendment's proposal is filed where the original is.
    let original = create(
        &app,
        &author,
        json!({ "title": "Scuole aperte il pomeriggio", "body": TEXT, "category": "scuole", "area": "centro" }),
    )
    .expect(201)
    .clone();
    let original_id = original["id"].as_str().unwrap();
    let amendment = app
        .post(
            &format!("/api/v1/proposals/{original_id}/amendments"),
            Some(&amender.token),
            json!({ "title": "Scuole aperte il pomeriggio e la sera", "body": TEXT, "rationale": "Anche la sera serve.", "base_version": 1 }),
        )
        .expect(201)
        .clone();
    let amendment_id = amendment["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/moderation/amendments/{amendment_id}/reject"),
        Some(&staff.token),
        json!({ "reason": "Serve un testo diverso." }),
    )
    .expect(200);
    let promoted = app
        .post(&format!("/api/v1/amendments/{amendment_id}/promote"), Some(&amender.token), json!({}))
        .expect(201)
        .clone();
    assert_eq!(
        (promoted["category"]["slug"].clone(), promoted["area"]["slug"].clone()),
        (json!("scuole"), json!("centro"))
    );
}

backend_tests!(
    hidden_and_promoted_proposals_keep_their_topics,
    staff_keep_the_lists_and_nobody_else,
    proposals_are_filed_and_filtered,
    a_topic_in_use_stays_until_its_proposals_move
);
