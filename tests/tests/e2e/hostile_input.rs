//! Input crafted to break storage or mislead readers is refused with a
//! clear 422 naming the field, the same on both backends, and leaves
//! nothing behind.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, TestUser, PASSWORD};
use serde_json::json;
use std::sync::{Arc, Barrier};

#[track_caller]
fn refused(reply: &Reply, field: &str, code: &str) {
    let body = reply.expect_problem(422, "validation_failed");
    let errors = body["errors"].as_array().unwrap();
    assert!(errors.iter().any(|e| e["field"] == field && e["code"] == code), "expected {field}/{code} in {body}");
}

fn nul_is_refused_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    refused(&app.get("/api/v1/spaces/%00", None), "path", "invalid_characters");
    refused(&app.get("/api/v1/proposals?space=%00", None), "space", "invalid_characters");
    refused(&app.get("/api/v1/proposals/EMD-PROP%00", None), "path", "invalid_characters");
    let login = app.post("/api/v1/auth/login", None, json!({ "email": "a\u{0}@example.it", "password": PASSWORD }));
    refused(&login, "email", "invalid_characters");
    // Any JSON media type the server reads is checked too.
    for media_type in ["text/json", "application/vnd.emenda+json"] {
        let sneaky = app.call_with(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(&json!({ "email": "b\u{0}@example.it", "password": PASSWORD })),
            &[("Content-Type", media_type)],
        );
        refused(&sneaky, "email", "invalid_characters");
    }
    let grant = app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "spa\u{0}zio" })),
    );
    refused(&grant, "space", "invalid_characters");
    let proposal = app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&user.token),
        json!({ "title": "Un titolo\u{0} valido", "body": "Un testo abbastanza lungo per essere valido." }),
    );
    refused(&proposal, "title", "invalid_characters");
    let nested = app.call(
        "PATCH",
        "/api/v1/spaces/spazio",
        Some(&admin.token),
        Some(&json!({ "settings": { "amendments_visibility": "all\u{0}" } })),
    );
    refused(&nested, "settings.amendments_visibility", "invalid_characters");
    assert_eq!(app.get("/api/v1/proposals", None).expect(200)["items"], json!([]), "nothing was stored");
}

fn misleading_text_is_refused_or_normalised(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    let publish = |title: &str, body: &str| {
        app.post("/api/v1/spaces/spazio/proposals", Some(&user.token), json!({ "title": title, "body": body }))
    };
    let body = "Un testo abbastanza lungo per essere valido.";
    let invisible = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}".repeat(4);
    assert_eq!(publish(&invisible, body).expect_problem(422, "validation_failed")["errors"][0]["field"], "title");
    refused(&publish("Un titolo\u{2028}su due righe", body), "title", "invalid_characters");
    refused(&publish("Un titolo \u{202E}rovesciato", body), "title", "invalid_characters");
    refused(
        &publish("Un titolo valido qui", "Un testo con un controllo \u{85} nascosto dentro."),
        "body",
        "invalid_characters",
    );
    let created = publish("Un titolo valido qui", "Prima riga\rseconda riga\r\nterza riga del testo.");
    assert_eq!(created.expect(201)["body"], "Prima riga\nseconda riga\nterza riga del testo.");
    let register = |email: &str, display: &str| {
        app.post(
            "/api/v1/auth/register",
            None,
            json!({ "email": email, "password": PASSWORD, "nickname": "nuova_utente", "display_name": display, "privacy_version": 1 }),
        )
    };
    refused(&register("nuova@example.it", "Nome \u{2066}nascosto"), "display_name", "invalid_characters");
    for bad in ["senza-chiocciola", "due@@example.it", "spazio @example.it", "a@localhost", "a@-bad-.it"] {
        let reply = register(bad, "Nuova Utente");
        let fields = reply.expect_problem(422, "validation_failed")["errors"].clone();
        assert!(fields.as_array().unwrap().iter().any(|e| e["field"] == "email"), "{bad}: {fields}");
    }
    register("nuova@example.it", "Nuova Utente").expect(201);
}

/// An id that is not a UUID is named where it was sent, however deep in
/// the body, and nothing is written.
fn malformed_ids_in_bodies_name_their_field(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    let proposal = app.proposal(&user, "spazio", "Una panchina nuova in piazza")["id"].as_str().unwrap().to_owned();
    let comments = format!("/api/v1/proposals/{proposal}/comments");
    let reply = app.post(&comments, Some(&user.token), json!({ "body": "Un commento", "parent_id": "nope" }));
    refused(&reply, "parent_id", "invalid_format");
    let report = json!({ "target": { "kind": "comment", "id": "zz" }, "reason": "spam" });
    refused(&app.post("/api/v1/reports", Some(&user.token), report), "target.id", "invalid_format");
    assert_eq!(app.get(&comments, None).expect(200)["items"].as_array().unwrap().len(), 0);
}

/// Every bad query parameter is named, each under its own name, whatever
/// else is wrong beside it; a parameter the list does not take is refused
/// like a body field the request does not take; a version number in the
/// path obeys the same range as everywhere else.
fn query_and_path_errors_name_every_parameter(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autrice");
    let proposal = app.proposal(&author, "spazio", "Una proposta con una versione")["id"].as_str().unwrap().to_owned();
    refused(&app.get("/api/v1/proposals?qualified=maybe", None), "qualified", "malformed");
    let both = app.get("/api/v1/proposals?qualified=maybe&limit=0&state=nowhere", None);
    refused(&both, "qualified", "malformed");
    refused(&both, "limit", "out_of_range");
    refused(&both, "state", "invalid_choice");
    assert_eq!(both.body["errors"].as_array().unwrap().len(), 3, "{}", both.body);
    refused(&app.get("/api/v1/proposals?sate=accepted", None), "sate", "malformed");
    app.get("/api/v1/proposals?qualified=true&limit=5", None).expect(200);
    for number in ["0", "-1", "2147483648", "99999999999999999999"] {
        refused(&app.get(&format!("/api/v1/proposals/{proposal}/versions/{number}"), None), "n", "out_of_range");
    }
    refused(&app.get(&format!("/api/v1/proposals/{proposal}/versions/uno"), None), "n", "malformed");
    app.get(&format!("/api/v1/proposals/{proposal}/versions/1"), None).expect(200);
    app.get(&format!("/api/v1/proposals/{proposal}/versions/2"), None).expect_problem(404, "not_found");
}

/// Direction marks and controls named by the rules.
const DIRECTION: &[char] = &[
    '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
    '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Characters that show nothing, or a blank.
const BLANK: &[&str] = &[
    "\u{3164}",
    "\u{115F}",
    "\u{1160}",
    "\u{FFA0}",
    "\u{2800}",
    "\u{00AD}",
    "\u{E0041}",
    "\u{E007F}",
    "\u{E0001}",
    "\u{FE0F}",
    "\u{E0100}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0301}",
    "\u{3164}\u{0301}",
    "\u{2800}\u{20DD}",
];

fn register(app: &TestApp, nickname: &str, display_name: &str) -> Reply {
    app.post(
        "/api/v1/auth/register",
        None,
        json!({
            "email": format!("{nickname}@example.it"),
            "password": PASSWORD,
            "nickname": nickname,
            "display_name": display_name,
            "privacy_version": 1,
        }),
    )
}

fn grant(app: &TestApp, admin: &TestUser, user_id: &str, role: &str) -> Reply {
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{user_id}/roles"),
        Some(&admin.token),
        Some(&json!({ "role": role })),
    )
}

/// Titles and names refuse every direction mark, and one made only of
/// characters that show nothing (or of punctuation) names nothing.
fn blank_and_direction_marks_are_refused_in_titles_and_names(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    let publish = |title: &str| {
        let body = "Un testo abbastanza lungo per essere valido.";
        app.post("/api/v1/spaces/spazio/proposals", Some(&user.token), json!({ "title": title, "body": body }))
    };
    for (i, c) in DIRECTION.iter().enumerate() {
        refused(&publish(&format!("Piste ciclabili{c} in centro")), "title", "invalid_characters");
        refused(&register(&app, &format!("nome{i}"), &format!("Mario{c} Rossi")), "display_name", "invalid_characters");
    }
    for (i, blank) in BLANK.iter().enumerate() {
        refused(&publish(&blank.repeat(12)), "title", "too_short");
        refused(&register(&app, &format!("vuoto{i}"), &blank.repeat(3)), "display_name", "too_short");
    }
    refused(&publish("!!!!!!!!!!!!"), "title", "no_letters");
    refused(&register(&app, "puntini", "..."), "display_name", "no_letters");
    assert_eq!(app.get("/api/v1/proposals", None).expect(200)["items"], json!([]), "nothing was stored");
    let kept = register(&app, "mario", "\u{3164} Mario Rossi \u{200B}");
    assert_eq!(kept.expect(201)["display_name"], "Mario Rossi", "blank ends are trimmed");
}

/// Nobody may register a name that looks like a staff member's or an
/// admin's: not with an invisible character, another case, or look-alike
/// letters; similar but different names stay free.
fn names_that_look_like_staff_are_reserved(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let staff = register(&app, "ufficio", "Ufficio Partecipazione").expect(201)["id"].as_str().unwrap().to_owned();
    grant(&app, &admin, &staff, "staff").expect(200);
    let city = register(&app, "comune", "Amministrazione comunale").expect(201)["id"].as_str().unwrap().to_owned();
    grant(&app, &admin, &city, "admin").expect(200);
    let look_alikes = [
        "Ufficio\u{200B} Partecipazione",
        "Ufficio  Partecipazione",
        "UFFICIO PARTECIPAZIONE",
        "ufficio partecipazione",
        "Uffıcio Partecipazione",
        "Uffici\u{043E} Partecipazione",
        "Ufficio Partecipazi0ne",
        "\u{FF35}fficio Partecipazione",
        "Ufficio\u{00AD}Partecipazione",
        "Amministrazione\u{200B} comunale",
        "AMMINISTRAZIONE COMUNALE",
        "Arnministrazione comunale",
        "Admin",
        "\u{0410}dmin",
    ];
    for (i, name) in look_alikes.iter().enumerate() {
        refused(&register(&app, &format!("sosia{i}"), name), "display_name", "name_reserved");
    }
    for nickname in ["uffici0", "cornune", "adrnin"] {
        refused(&register(&app, nickname, "Un nome qualsiasi"), "nickname", "name_reserved");
    }
    for (i, name) in ["Ufficio Partecipazione Giovani", "Ufficio Protocollo", "Amministrazione provinciale", "Adam"]
        .iter()
        .enumerate()
    {
        register(&app, &format!("simile{i}"), name).expect(201);
    }
    // A grant would make a look-alike of an existing name staff: refused.
    let mario = register(&app, "mario", "Mario Rossi").expect(201)["id"].as_str().unwrap().to_owned();
    register(&app, "mario_r", "MARIO ROSSI").expect(201);
    refused(&grant(&app, &admin, &mario, "staff"), "id", "name_reserved");
}

/// Registrations of look-alikes racing the grant that would reserve the
/// name: never both a look-alike account and the grant.
fn look_alike_registrations_racing_a_grant_never_both_land(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let admin = app.admin();
    for round in 0..6 {
        let name = format!("Ufficio Numero {round}");
        let staff = register(&app, &format!("staff{round}"), &name).expect(201)["id"].as_str().unwrap().to_owned();
        let barrier = Arc::new(Barrier::new(5));
        let registrations: Vec<_> = (0..4)
            .map(|i| {
                let (app, barrier) = (app.clone(), barrier.clone());
                let alike = format!("UFFICIO NUMERO {round}");
                std::thread::spawn(move || {
                    barrier.wait();
                    register(&app, &format!("sosia{round}x{i}"), &alike).status
                })
            })
            .collect();
        barrier.wait();
        let granted = grant(&app, &admin, &staff, "staff").status == 200;
        let registered = registrations.into_iter().map(|t| t.join().unwrap()).filter(|s| *s == 201).count();
        assert!(!(granted && registered > 0), "round {round}: grant and {registered} look-alikes both landed");
    }
}

backend_tests!(
    query_and_path_errors_name_every_parameter,
    nul_is_refused_everywhere,
    misleading_text_is_refused_or_normalised,
    malformed_ids_in_bodies_name_their_field,
    blank_and_direction_marks_are_refused_in_titles_and_names,
    names_that_look_like_staff_are_reserved,
    look_alike_registrations_racing_a_grant_never_both_land
);
