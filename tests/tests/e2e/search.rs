//! Searching proposals (`GET /proposals?q=`): Italian inflections and
//! accents meet, every term must match, title matches come first, pages
//! run across both groups without repeats, hidden proposals stay out, an
//! edit is found at once, and a bad query is refused by field. Both
//! backends must give exactly these answers.
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser};
use serde_json::{json, Value};

const SPACE: &str = "quartieri";

fn propose(app: &TestApp, author: &TestUser, title: &str, body: &str) -> String {
    let reply = app.post(
        &format!("/api/v1/spaces/{SPACE}/proposals"),
        Some(&author.token),
        json!({ "title": title, "body": body }),
    );
    reply.expect(201)["reference"].as_str().unwrap().to_owned()
}

fn search(app: &TestApp, query: &str) -> Value {
    app.get(&format!("/api/v1/proposals?{query}"), None).expect(200).clone()
}

fn references(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|p| p["reference"].as_str().unwrap().to_owned()).collect()
}

fn q(words: &str) -> String {
    format!("q={}", words.replace(' ', "%20"))
}

fn italian_words_find_their_inflections_and_accents(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let author = app.participant("autrice");
    let schools = propose(&app, &author, "Nuove scuole nel quartiere", "Chiediamo due edifici moderni e luminosi.");
    let park =
        propose(&app, &author, "Un parco per la città", "Un giardino vicino alla scuola elementare, aperto a tutti.");
    let bikes = propose(&app, &author, "Piste ciclabili sicure", "Collegare la stazione al centro storico.");

    // "scuola" finds "scuole" (title, first) and "scuola" (text).
    let found = search(&app, &q("scuola"));
    assert_eq!(references(&found), [schools.clone(), park.clone()]);
    assert_eq!(found["items"][0]["search"]["in_title"], true);
    assert_eq!(found["items"][0]["search"]["snippet"], Value::Null, "the text does not hold it");
    assert_eq!(found["items"][1]["search"]["in_title"], false);
    let parts = found["items"][1]["search"]["snippet"].as_array().unwrap();
    let marked: Vec<&str> =
        parts.iter().filter(|p| p["matched"] == true).map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(marked, ["scuola"]);
    // No accent typed, the accented word found; every term must match.
    assert_eq!(references(&search(&app, &q("citta"))), vec![park.clone()]);
    assert_eq!(references(&search(&app, &q("CITTÀ scuole"))), vec![park.clone()], "one in the title, one in the text");
    assert_eq!(references(&search(&app, &q("scuola biciclette"))), Vec::<String>::new());
    assert_eq!(references(&search(&app, &q("ciclabile stazione"))), vec![bikes.clone()]);
    // A plain list has no search field.
    assert!(search(&app, "limit=5")["items"][0].get("search").is_none());
    // An edit is found at once, the old words no longer.
    let edit =
        json!({ "title": "Piste ciclabili sicure", "body": "Collegare ogni scuola del quartiere.", "base_version": 1 });
    app.post(&format!("/api/v1/proposals/{bikes}/versions"), Some(&author.token), edit).expect(201);
    assert_eq!(references(&search(&app, &q("scuola"))), [schools.clone(), bikes.clone(), park.clone()]);
    assert_eq!(references(&search(&app, &q("stazione"))), Vec::<String>::new());
    // Hidden proposals stay out; filters still apply.
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, SPACE);
    let id = app.get(&format!("/api/v1/proposals/{schools}"), None).expect(200)["id"].as_str().unwrap().to_owned();
    app.call("POST", &format!("/api/v1/moderation/proposals/{id}/hide"), Some(&staff.token), None).expect(200);
    assert_eq!(references(&search(&app, &q("scuola"))), [bikes.clone(), park.clone()]);
    app.space(&admin, "altro", json!({}));
    assert_eq!(references(&search(&app, &format!("{}&space=altro", q("scuola")))), Vec::<String>::new());
    assert_eq!(references(&search(&app, &format!("{}&space={SPACE}", q("scuola")))), [bikes, park]);
}

fn pages_run_across_title_and_text_matches_without_repeats(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let author = app.participant("autrice");
    let mut in_title = Vec::new();
    let mut in_text = Vec::new();
    for i in 0..5 {
        in_title.push(propose(
            &app,
            &author,
            &format!("Biblioteca di quartiere numero {i}"),
            "Un testo qualunque, abbastanza lungo.",
        ));
    }
    for i in 0..3 {
        in_text.push(propose(
            &app,
            &author,
            &format!("Proposta senza titolo utile {i}"),
            "Aprire una biblioteca anche la sera.",
        ));
    }
    propose(&app, &author, "Altro argomento del tutto", "Nessuna parola cercata qui dentro.");
    // Newest first within each group, title matches before the rest.
    let expected: Vec<String> = in_title.iter().rev().chain(in_text.iter().rev()).cloned().collect();
    let mut seen = Vec::new();
    let mut query = format!("{}&limit=3", q("biblioteche"));
    loop {
        let page = search(&app, &query);
        seen.extend(references(&page));
        match page["next_cursor"].as_str() {
            Some(cursor) => query = format!("{}&limit=3&cursor={cursor}", q("biblioteche")),
            None => break,
        }
    }
    assert_eq!(seen, expected);
    // Other orders keep working with a search.
    let by_support = search(&app, &format!("{}&sort=most_supported&limit=100", q("biblioteca")));
    assert_eq!(references(&by_support).len(), 8);
    // A cursor of one search is refused in another.
    let first = search(&app, &format!("{}&limit=3", q("biblioteca")));
    let cursor = first["next_cursor"].as_str().unwrap();
    app.get(&format!("/api/v1/proposals?{}&limit=3&cursor={cursor}", q("quartiere")), None)
        .expect_problem(422, "validation_failed");
}

fn a_bad_query_is_refused_by_field(backend: Backend) {
    let app = TestApp::spawn(backend);
    for (query, code) in [
        ("q=%20%20", "required"),
        ("q=della%20per%20il", "no_letters"),
        (&*format!("q={}", "a".repeat(201)), "too_long"),
    ] {
        let reply = app.get(&format!("/api/v1/proposals?{query}"), None);
        let problem = reply.expect_problem(422, "validation_failed");
        assert_eq!(
            (&problem["errors"][0]["field"], &problem["errors"][0]["code"]),
            (&json!("q"), &json!(code)),
            "{query}"
        );
    }
    let reply = app.get("/api/v1/proposals?sort=relevance", None);
    assert_eq!(reply.expect_problem(422, "validation_failed")["errors"][0]["field"], "sort");
    // Quotes and operators are words like any other, never query syntax.
    for hostile in ["%22scuola%22%20OR%20*", "scuola%27%20%26%20!parco", "NEAR(scuola)", "title%3Ascuola"] {
        app.get(&format!("/api/v1/proposals?q={hostile}"), None).expect(200);
    }
}

backend_tests!(
    italian_words_find_their_inflections_and_accents,
    pages_run_across_title_and_text_matches_without_repeats,
    a_bad_query_is_refused_by_field,
);
