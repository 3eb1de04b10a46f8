//! The OpenAPI document against the server: what it promises is what the
//! server does, one mistake has one shape, and the main answers keep theirs.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_api::text_schema::{RULES, RULE_EXTENSION};
use emenda_domain::text::{samples, EMAIL_MAX, PASSWORD_LENGTH};
use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Every documented operation, as (path template, method, operation).
fn operations(doc: &Value) -> Vec<(String, &'static str, Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item[method].is_object() {
                found.push((path.clone(), method, item[method].clone()));
            }
        }
    }
    found
}

/// Whether a concrete path matches a documented template.
fn matches_template(template: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or_default();
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len() && t.iter().zip(&p).all(|(t, p)| t.starts_with('{') || t == p)
}

/// Every text the document shows to a reader.
fn descriptions(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, item) in fields {
                match item {
                    Value::String(text) if key == "description" => out.push(text.clone()),
                    _ => descriptions(item, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| descriptions(item, out)),
        _ => {}
    }
}

fn document(app: &TestApp) -> Value {
    app.get("/api/openapi.json", None).expect(200).clone()
}

fn openapi_promises_what_the_server_does(backend: Backend) {
    let app = TestApp::spawn(backend);
    let doc = document(&app);
    for (path, method, operation) in operations(&doc) {
        let name = format!("{method} {path}");
        let responses = operation["responses"].as_object().expect("responses");
        for (status, response) in responses {
            assert!(
                response["description"].as_str().is_some_and(|d| !d.trim().is_empty()),
                "{name} {status} has no description"
            );
            if status.as_str() >= "400" {
                let content = response["content"].as_object().expect("error content");
                assert_eq!(content.keys().collect::<Vec<_>>(), ["application/problem+json"], "{name} {status}");
                assert_eq!(content["application/problem+json"]["schema"]["$ref"], "#/components/schemas/Problem");
            }
        }
        let has = |status: &str| responses.contains_key(status);
        let api = path.starts_with("/api/v1/");
        let secured = operation["security"].as_array().is_some_and(|s| !s.is_empty());
        if secured || api {
            assert!(has("401"), "{name} lacks 401");
        }
        if path.contains('{') {
            assert!(has("404"), "{name} lacks 404");
        }
        if operation["requestBody"].is_object() {
            for status in ["400", "413", "415", "422"] {
                assert!(has(status), "{name} lacks {status}");
            }
        }
        let expensive = ["/diff", "/history/verify", "/audit/verify"].iter().any(|end| path.ends_with(end))
            || path == "/api/v1/amendments/{id}";
        if api && (method != "get" || expensive) {
            assert!(has("429"), "{name} lacks 429");
            assert!(responses["429"]["headers"]["Retry-After"].is_object(), "{name} 429 lacks Retry-After");
        }
        if path != "/healthz" {
            assert!(responses["503"]["headers"]["Retry-After"].is_object(), "{name} lacks 503 with Retry-After");
        }
    }

    // Headers the server sets.
    let proposal = &doc["paths"]["/api/v1/proposals/{id}"]["get"];
    assert!(proposal["responses"]["200"]["headers"]["ETag"].is_object());
    assert!(proposal["responses"]["304"]["headers"]["ETag"].is_object());
    let header_names = |operation: &Value| -> Vec<String> {
        operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "header")
            .filter_map(|p| p["name"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(header_names(proposal), ["If-None-Match"]);
    let edit = &doc["paths"]["/api/v1/proposals/{id}/versions"]["post"];
    assert_eq!(header_names(edit), ["If-Match"]);
    assert!(edit["responses"]["201"]["headers"]["ETag"].is_object());
    let create = &doc["paths"]["/api/v1/spaces/{slug}/proposals"]["post"]["responses"]["201"]["headers"];
    assert!(create["ETag"].is_object() && create["Location"].is_object());
    assert!(doc["components"]["responses"]["MethodNotAllowed"]["headers"]["Allow"].is_object());

    // List pages refer to their items.
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    let pages: Vec<&String> = schemas.keys().filter(|name| name.starts_with("Page_")).collect();
    assert!(pages.len() >= 5, "{pages:?}");
    for page in pages {
        let item = page.trim_start_matches("Page_");
        assert_eq!(schemas[page]["properties"]["items"]["items"]["$ref"], format!("#/components/schemas/{item}"));
        assert!(schemas[item].is_object(), "{item}");
    }

    // Rules the server applies are in the schemas.
    assert_eq!(schemas["AnswerState"]["enum"], json!(["evaluating", "accepted", "rejected"]));
    assert_eq!(schemas["AnswerRequest"]["properties"]["state"]["$ref"], "#/components/schemas/AnswerState");
    let title = &schemas["CreateProposalRequest"]["properties"]["title"];
    assert_eq!((title["minLength"].as_u64(), title["maxLength"].as_u64()), (Some(10), Some(150)));
    let body = &schemas["CreateProposalRequest"]["properties"]["body"];
    assert_eq!((body["minLength"].as_u64(), body["maxLength"].as_u64()), (Some(15), Some(20_000)));
    let rationale = &schemas["CreateAmendmentRequest"]["properties"]["rationale"];
    assert_eq!((rationale["minLength"].as_u64(), rationale["maxLength"].as_u64()), (Some(10), Some(2_000)));
    let nickname = &schemas["RegisterRequest"]["properties"]["nickname"];
    assert_eq!((nickname["minLength"].as_u64(), nickname["maxLength"].as_u64()), (Some(3), Some(20)));
    let password = &schemas["RegisterRequest"]["properties"]["password"];
    assert_eq!((password["minLength"].as_u64(), password["maxLength"].as_u64()), (Some(10), Some(128)));
    for (path, method, operation) in operations(&doc) {
        for parameter in operation["parameters"].as_array().into_iter().flatten() {
            if parameter["name"] == "limit" {
                let schema = &parameter["schema"];
                assert_eq!(
                    (schema["minimum"].as_i64(), schema["maximum"].as_i64()),
                    (Some(1), Some(100)),
                    "{method} {path}"
                );
            }
        }
    }
    let list = &doc["paths"]["/api/v1/proposals"]["get"]["parameters"];
    let sort = list.as_array().into_iter().flatten().find(|p| p["name"] == "sort").expect("sort");
    let choices = |schema: &Value| -> Value {
        let alternatives = schema["oneOf"].as_array().cloned().unwrap_or_else(|| vec![schema.clone()]);
        alternatives.into_iter().find(|a| a["enum"].is_array()).map(|a| a["enum"].clone()).unwrap_or_default()
    };
    assert_eq!(choices(&sort["schema"]), json!(["recent", "most_supported", "most_commented", "relevance"]));

    let settings = &schemas["SpaceSettings"]["properties"];
    let range = |p: &Value| (p["minimum"].as_i64(), p["maximum"].as_i64());
    assert_eq!(range(&settings["support_threshold"]), (Some(0), Some(10_000_000)));
    assert_eq!(range(&schemas["SettingsPatch"]["properties"]["max_reports_before_hiding"]), (Some(1), Some(1_000)));

    // Examples on the main bodies and on Problem.
    for schema in
        ["Problem", "CreateProposalRequest", "EditProposalRequest", "CreateAmendmentRequest", "RegisterRequest"]
    {
        assert!(schemas[schema]["example"].is_object(), "{schema} has no example");
    }

    // Descriptions are for integrators, not Rust readers.
    let mut texts = Vec::new();
    descriptions(&doc, &mut texts);
    for text in texts {
        for leak in ["`None`", " None", "[`", ".md", "::", "Option<", "Vec<"] {
            assert!(!text.replace("If-None-Match", "").contains(leak), "description leaks {leak:?}: {text}");
        }
    }

    // Every status the server gives to these requests is documented for
    // the operation, and every error is problem+json.
    let observed = exercise(&app);
    for (method, path, reply) in &observed {
        let (template, _, operation) = operations(&doc)
            .into_iter()
            .find(|(template, m, _)| *m == method.to_lowercase() && matches_template(template, path))
            .unwrap_or_else(|| panic!("{method} {path} is not documented"));
        assert!(
            operation["responses"][reply.status.to_string()].is_object(),
            "{method} {template} answered {} ({}), which is not documented",
            reply.status,
            reply.body
        );
        if reply.status >= 400 {
            assert_eq!(reply.content_type, "application/problem+json", "{method} {path}");
        }
    }
    assert!(observed.len() > 40);

    // A known path outside `/api/v1` with a method it does not take answers
    // like the API: 405 problem+json with `Allow`.
    for path in ["/healthz", "/readyz", "/api/openapi.json"] {
        app.call("POST", path, None, None).expect_problem(405, "method_not_allowed");
        let Err(ureq::Error::Status(405, response)) = ureq::delete(&format!("{}{path}", app.base)).call() else {
            panic!("DELETE {path} was not refused with 405")
        };
        assert_eq!(response.header("Allow"), Some("GET, HEAD"), "{path}");
    }
}

/// Requests across the API, good and bad, with their replies.
fn exercise(app: &TestApp) -> Vec<(String, String, Reply)> {
    let mut log = Vec::new();
    let mut call = |method: &str, path: &str, token: Option<&str>, body: Option<Value>, headers: &[(&str, &str)]| {
        let reply = app.call_with(method, path, token, body.as_ref(), headers);
        log.push((method.to_owned(), path.to_owned(), reply.clone()));
        reply
    };
    let admin = app.admin();
    let author = app.participant("autrice");
    let other = app.participant("altro");
    app.space(&admin, "quartiere", json!({}));
    let p = app.proposal(&author, "quartiere", "Più alberi in via Roma");
    let id = p["id"].as_str().expect("id").to_owned();
    let token = Some(author.token.as_str());
    let missing = "/api/v1/proposals/00000000-0000-7000-8000-000000000000";

    call("GET", "/api/v1/proposals", None, None, &[]);
    call("GET", "/api/v1/proposals?state=nope&limit=abc", None, None, &[]);
    call("GET", "/api/v1/proposals?space=nessuno", None, None, &[]);
    call("GET", "/api/v1/proposals", Some("not-a-token"), None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}"), None, None, &[]);
    let tag = app.get(&format!("/api/v1/proposals/{id}"), None).etag.expect("etag");
    call("GET", &format!("/api/v1/proposals/{id}"), None, None, &[("If-None-Match", &tag)]);
    call("GET", missing, None, None, &[]);
    call("POST", "/api/v1/spaces/quartiere/proposals", None, Some(json!({})), &[]);
    call("POST", "/api/v1/spaces/quartiere/proposals", token, Some(json!({})), &[]);
    call("POST", "/api/v1/spaces/quartiere/proposals", token, Some(json!({"title": 1, "body": []})), &[]);
    call(
        "POST",
        "/api/v1/spaces/nessuno/proposals",
        token,
        Some(json!({"title": "Un titolo valido", "body": "Un testo abbastanza lungo."})),
        &[],
    );
    call(
        "POST",
        &format!("/api/v1/proposals/{id}/versions"),
        token,
        Some(
            json!({"title": "Un titolo nuovo e valido", "body": "Un altro testo abbastanza lungo.", "base_version": 1}),
        ),
        &[],
    );
    call(
        "POST",
        &format!("/api/v1/proposals/{id}/versions"),
        token,
        Some(
            json!({"title": "Un titolo nuovo e valido", "body": "Un altro testo abbastanza lungo.", "base_version": 1}),
        ),
        &[],
    );
    call(
        "POST",
        &format!("/api/v1/proposals/{id}/versions"),
        token,
        Some(json!({"title": "Un titolo nuovo e valido", "body": "Un altro testo abbastanza lungo."})),
        &[("If-Match", "\"v1-00000000000000000000000000000000\"")],
    );
    call(
        "POST",
        &format!("/api/v1/proposals/{id}/versions"),
        token,
        Some(json!({"title": "Un titolo nuovo e valido", "body": "Un altro testo abbastanza lungo."})),
        &[("If-Match", "garbage")],
    );
    call(
        "POST",
        &format!("/api/v1/proposals/{id}/versions"),
        Some(&other.token),
        Some(
            json!({"title": "Un titolo nuovo e valido", "body": "Un altro testo abbastanza lungo.", "base_version": 2}),
        ),
        &[],
    );
    call("GET", &format!("/api/v1/proposals/{id}/versions"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/versions?limit=0"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/versions/1"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/versions/9"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/diff?from=1&to=2"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/diff?granularity=char"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/history/verify"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/answers"), None, None, &[]);
    let amendment = call(
        "POST",
        &format!("/api/v1/proposals/{id}/amendments"),
        Some(&other.token),
        Some(
            json!({"title": "Più alberi in via Roma e via Verdi", "body": "Un testo diverso abbastanza lungo.", "rationale": "Perché serve più ombra.", "base_version": 2}),
        ),
        &[],
    );
    let amendment_id = amendment.body["id"].as_str().unwrap_or_default().to_owned();
    call(
        "POST",
        &format!("/api/v1/proposals/{id}/amendments"),
        Some(&other.token),
        Some(json!({"base_version": "due"})),
        &[],
    );
    call("GET", &format!("/api/v1/proposals/{id}/amendments"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/amendments?state=open"), None, None, &[]);
    call("GET", &format!("/api/v1/amendments/{amendment_id}"), None, None, &[]);
    call("GET", "/api/v1/amendments/not-a-uuid", None, None, &[]);
    call("GET", "/api/v1/moderation/amendments", token, None, &[]);
    call("GET", "/api/v1/moderation/amendments", Some(&admin.token), None, &[]);
    call(
        "POST",
        &format!("/api/v1/moderation/amendments/{amendment_id}/reject"),
        Some(&admin.token),
        Some(json!({})),
        &[],
    );
    call("POST", &format!("/api/v1/moderation/amendments/{amendment_id}/accept"), token, Some(json!({})), &[]);
    call(
        "POST",
        &format!("/api/v1/moderation/proposals/{id}/answer"),
        Some(&admin.token),
        Some(json!({"state": "published", "answer": "No."})),
        &[],
    );
    call(
        "POST",
        &format!("/api/v1/moderation/proposals/{id}/answer"),
        Some(&admin.token),
        Some(json!({"state": "accepted"})),
        &[("Content-Type", "text/plain")],
    );
    call("POST", &format!("/api/v1/amendments/{amendment_id}/withdraw"), Some(&other.token), None, &[]);
    call("POST", &format!("/api/v1/amendments/{amendment_id}/withdraw"), Some(&other.token), None, &[]);
    call("POST", &format!("/api/v1/amendments/{amendment_id}/promote"), Some(&other.token), None, &[]);
    call("GET", "/api/v1/spaces", None, None, &[]);
    call("GET", "/api/v1/spaces/quartiere", None, None, &[]);
    call("GET", "/api/v1/spaces/nessuno", None, None, &[]);
    call("POST", "/api/v1/spaces", token, Some(json!({"slug": "nuovo", "title": "Nuovo spazio"})), &[]);
    call("POST", "/api/v1/spaces", Some(&admin.token), Some(json!({"slug": "quartiere", "title": "Doppio"})), &[]);
    call(
        "PATCH",
        "/api/v1/spaces/quartiere",
        Some(&admin.token),
        Some(json!({"settings": {"proposals_open": "yes"}})),
        &[],
    );
    // Supports.
    let other_token = Some(other.token.as_str());
    let support = format!("/api/v1/proposals/{id}/support");
    call("PUT", &support, other_token, None, &[]);
    call("PUT", &support, other_token, None, &[]);
    call("PUT", &support, None, None, &[]);
    call("PUT", &format!("{missing}/support"), other_token, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/supporters"), None, None, &[]);
    call("GET", &format!("/api/v1/proposals/{id}/supporters?limit=0&cursor=bogus"), None, None, &[]);
    call("DELETE", &support, other_token, None, &[]);
    call("DELETE", &support, other_token, None, &[]);
    // Comments and votes.
    let comments = format!("/api/v1/proposals/{id}/comments");
    let comment =
        call("POST", &comments, other_token, Some(json!({"body": "Sono d'accordo.", "alignment": "in_favor"})), &[]);
    assert_eq!(comment.status, 201, "{}", comment.body);
    let comment_id = comment.body["id"].as_str().unwrap_or_default().to_owned();
    call("POST", &comments, other_token, Some(json!({"body": "", "alignment": "forse"})), &[]);
    call("POST", &comments, None, Some(json!({"body": "Anonimo"})), &[]);
    call("GET", &comments, None, None, &[]);
    call("GET", &format!("{comments}?order=nope&limit=101"), None, None, &[]);
    call("GET", &format!("{comments}?parent_id={comment_id}&order=best"), token, None, &[]);
    call("GET", &format!("/api/v1/amendments/{amendment_id}/comments"), None, None, &[]);
    call(
        "POST",
        &format!("/api/v1/amendments/{amendment_id}/comments"),
        token,
        Some(json!({"body": "Sull'emendamento."})),
        &[],
    );
    let one = format!("/api/v1/comments/{comment_id}");
    call("GET", &one, None, None, &[]);
    call("GET", "/api/v1/comments/00000000-0000-7000-8000-000000000000", None, None, &[]);
    call("PATCH", &one, other_token, Some(json!({"body": "Sono molto d'accordo.", "revision": 1})), &[]);
    call("PATCH", &one, other_token, Some(json!({"body": "Di nuovo.", "revision": 1})), &[]);
    call("PATCH", &one, token, Some(json!({"body": "Non mio."})), &[]);
    call("GET", &format!("{one}/revisions"), None, None, &[]);
    call("PUT", &format!("{one}/vote"), token, Some(json!({"value": 1})), &[]);
    call("PUT", &format!("{one}/vote"), other_token, Some(json!({"value": 1})), &[]);
    call("PUT", &format!("{one}/vote"), token, Some(json!({"value": 5})), &[]);
    // Reports and content moderation.
    let report = json!({"target": {"kind": "comment", "id": comment_id}, "reason": "spam", "details": "Pubblicità."});
    assert_eq!(call("POST", "/api/v1/reports", token, Some(report.clone()), &[]).status, 201);
    call("POST", "/api/v1/reports", token, Some(report), &[]);
    call(
        "POST",
        "/api/v1/reports",
        None,
        Some(json!({"target": {"kind": "comment", "id": comment_id}, "reason": "spam"})),
        &[],
    );
    call("POST", "/api/v1/reports", token, Some(json!({"target": {"kind": "space", "id": id}, "reason": "noia"})), &[]);
    call("GET", "/api/v1/moderation/reports", Some(&admin.token), None, &[]);
    call("GET", "/api/v1/moderation/reports?state=hidden&cursor=bogus", Some(&admin.token), None, &[]);
    call("GET", "/api/v1/moderation/reports", token, None, &[]);
    call("POST", &format!("/api/v1/moderation/comments/{comment_id}/hide"), token, None, &[]);
    call(
        "POST",
        &format!("/api/v1/moderation/comments/{comment_id}/hide"),
        Some(&admin.token),
        Some(json!({"note": "Spam."})),
        &[],
    );
    call("POST", &format!("/api/v1/moderation/comments/{comment_id}/unhide"), Some(&admin.token), None, &[]);
    call("POST", &format!("/api/v1/moderation/comments/{comment_id}/dismiss"), Some(&admin.token), None, &[]);
    call(
        "POST",
        "/api/v1/moderation/comments/00000000-0000-7000-8000-000000000000/hide",
        Some(&admin.token),
        None,
        &[],
    );
    call("DELETE", &one, token, None, &[]);
    call("DELETE", &one, other_token, None, &[]);
    call("DELETE", &one, other_token, None, &[]);
    call("GET", "/api/v1/audit", None, None, &[]);
    call("GET", "/api/v1/audit?cursor=bogus", None, None, &[]);
    call("GET", "/api/v1/audit/verify", None, None, &[]);
    call("GET", "/api/v1/me", None, None, &[]);
    call("GET", "/api/v1/me", token, None, &[]);
    call(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(json!({"email": "autrice@example.it", "password": "sbagliata"})),
        &[],
    );
    call(
        "POST",
        "/api/v1/auth/register",
        None,
        Some(
            json!({"email": "autrice@example.it", "password": "una-password-sicura", "nickname": "doppia", "display_name": "D"}),
        ),
        &[],
    );
    call("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": "nope"})), &[]);
    call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", other.id),
        Some(&admin.token),
        Some(json!({"role": "staff", "space": "quartiere"})),
        &[],
    );
    call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", other.id),
        Some(&admin.token),
        Some(json!({"role": "king"})),
        &[],
    );
    let too_high = json!({"slug": "soglia", "title": "Soglia", "settings": {"support_threshold": 10_000_001}});
    let refused = call("POST", "/api/v1/spaces", Some(&admin.token), Some(too_high), &[]);
    assert_eq!(refused.body["errors"][0]["code"], "out_of_range", "{}", refused.body);
    call(
        "POST",
        &format!("/api/v1/moderation/users/{}/block", admin.id),
        Some(&admin.token),
        Some(json!({"justification": "Prova"})),
        &[],
    );
    call("POST", &format!("/api/v1/moderation/users/{}/verify", other.id), Some(&admin.token), None, &[]);
    call("POST", &format!("/api/v1/proposals/{id}/withdraw"), token, None, &[]);
    call("POST", &format!("/api/v1/proposals/{id}/withdraw"), token, None, &[]);
    call("POST", "/api/v1/auth/logout", token, Some(json!({"refresh_token": author.refresh})), &[]);
    log
}

/// Asserts a 422 `validation_failed` naming exactly these (field, code)
/// pairs, in words of our own.
#[track_caller]
fn assert_fields(reply: &Reply, expected: &[(&str, &str)]) {
    let body = reply.expect_problem(422, "validation_failed");
    let mut found: Vec<(String, String)> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (e["field"].as_str().unwrap_or_default().to_owned(), e["code"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, String)> =
        expected.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect();
    expected.sort();
    assert_eq!(found, expected, "{}", reply.body);
    assert_no_framework_text(reply);
}

#[track_caller]
fn assert_no_framework_text(reply: &Reply) {
    let mut texts = vec![reply.body["detail"].as_str().unwrap_or_default().to_owned()];
    for error in reply.body["errors"].as_array().into_iter().flatten() {
        texts.push(error["message"].as_str().unwrap_or_default().to_owned());
    }
    for text in texts {
        for leak in [
            "line 1",
            "column",
            "invalid type",
            "expected",
            "unknown variant",
            "serde",
            "Query deserialize",
            "Json deserialize",
        ] {
            assert!(!text.contains(leak), "framework text {leak:?} in {text:?}");
        }
    }
}

fn the_same_mistake_gets_the_same_shape(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "quartiere", json!({}));
    let p = app.proposal(&author, "quartiere", "Più alberi in via Roma");
    let id = p["id"].as_str().expect("id");
    let token = Some(author.token.as_str());

    // Query parameters: every bad one at once, each with its code.
    let reply = app.get("/api/v1/proposals?state=nope&sort=best&limit=abc&author=someone", None);
    assert_fields(
        &reply,
        &[("state", "invalid_choice"), ("sort", "invalid_choice"), ("limit", "malformed"), ("author", "malformed")],
    );
    assert_fields(&app.get("/api/v1/proposals?limit=0", None), &[("limit", "out_of_range")]);
    assert_fields(&app.get("/api/v1/spaces?limit=101", None), &[("limit", "out_of_range")]);
    assert_fields(
        &app.get(&format!("/api/v1/proposals/{id}/diff?granularity=char"), None),
        &[("granularity", "invalid_choice")],
    );
    assert_fields(&app.get(&format!("/api/v1/proposals/{id}/diff?from=x"), None), &[("from", "malformed")]);
    assert_fields(
        &app.get(&format!("/api/v1/proposals/{id}/amendments?state=open"), None),
        &[("state", "invalid_choice")],
    );

    // Bodies: every missing field, every wrong type, every unknown field.
    let create = "/api/v1/spaces/quartiere/proposals";
    assert_fields(&app.post(create, token, json!({})), &[("title", "required"), ("body", "required")]);
    assert_fields(&app.post(create, token, json!({"title": null})), &[("title", "required"), ("body", "required")]);
    assert_fields(
        &app.post(create, token, json!({"title": 5, "body": ["x"]})),
        &[("title", "malformed"), ("body", "malformed")],
    );
    assert_fields(
        &app.post(
            create,
            token,
            json!({"title": "Un titolo valido", "body": "Un testo abbastanza lungo.", "colour": "red"}),
        ),
        &[("colour", "malformed")],
    );
    assert_fields(&app.post(create, token, json!(["not", "an", "object"])), &[("body", "malformed")]);
    let edit = format!("/api/v1/proposals/{id}/versions");
    assert_fields(
        &app.post(
            &edit,
            token,
            json!({"title": "Un titolo valido", "body": "Un testo abbastanza lungo.", "base_version": "1"}),
        ),
        &[("base_version", "malformed")],
    );
    let answer = format!("/api/v1/moderation/proposals/{id}/answer");
    assert_fields(
        &app.post(&answer, Some(&admin.token), json!({"state": "published", "answer": "No."})),
        &[("state", "invalid_choice")],
    );
    assert_fields(
        &app.post(
            "/api/v1/spaces",
            Some(&admin.token),
            json!({"slug": "nuovo", "title": "Nuovo", "settings": {"proposals_open": "yes"}}),
        ),
        &[("settings.proposals_open", "malformed")],
    );

    // Only a body that is not JSON at all is 400.
    let reply = app.call_with("POST", create, token, None, &[("Content-Type", "application/json")]);
    reply.expect_problem(400, "malformed_request");
    assert_no_framework_text(&reply);
    let reply = ureq::post(&format!("{}{create}", app.base))
        .set("Authorization", &format!("Bearer {}", author.token))
        .set("Content-Type", "application/json")
        .send_string("{\"title\": ");
    let Err(ureq::Error::Status(400, response)) = reply else { panic!("truncated JSON was not refused with 400") };
    let problem: Value = serde_json::from_str(&response.into_string().expect("body")).expect("problem");
    assert_eq!(problem["code"], "malformed_request");
    assert_eq!(problem["detail"], "the body is not valid JSON");
}

/// Ids, times, tokens, hashes and references change from run to run.
fn redacted(value: &Value) -> Value {
    let mut value = value.clone();
    redact(&mut value);
    value
}

fn redact(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (key, item) in fields.iter_mut() {
                let volatile = key == "id"
                    || key.ends_with("_id")
                    || key.ends_with("_at")
                    || key.ends_with("_hash")
                    || key.ends_with("_token")
                    || key == "reference"
                    || key == "proposal_reference"
                    || key == "next_cursor";
                // A leaf index is null until the log sequences the entry
                // (about a second after it is written), then a number.
                if (volatile && !item.is_null()) || key == "log_index" {
                    *item = Value::String(format!("[{key}]"));
                } else {
                    redact(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

fn signed(app: &TestApp, user: &TestUser, method: &str, path: &str, body: Value) -> Reply {
    app.call(method, path, Some(&user.token), Some(&body))
}

fn main_answers_keep_their_shape(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    let other = app.participant("altro");
    app.space(&admin, "quartiere", json!({}));
    let p = app.proposal(&author, "quartiere", "Più alberi in via Roma");
    let id = p["id"].as_str().expect("id").to_owned();
    let amendment = signed(
        &app,
        &other,
        "POST",
        &format!("/api/v1/proposals/{id}/amendments"),
        json!({"title": "Più alberi in via Roma", "body": "Un testo molto diverso e abbastanza lungo.", "rationale": "Serve un testo diverso.", "base_version": 1}),
    );
    let amendment_id = amendment.expect(201)["id"].as_str().expect("id").to_owned();
    signed(
        &app,
        &author,
        "POST",
        &format!("/api/v1/proposals/{id}/versions"),
        json!({"title": "Più alberi in via Roma", "body": "Un testo cambiato dall'autrice, ancora lungo.", "base_version": 1}),
    )
    .expect(201);

    let proposal = app.get(&format!("/api/v1/proposals/{id}"), None);
    assert!(proposal.etag.is_some());
    insta::assert_json_snapshot!("proposal", redacted(proposal.expect(200)), { ".title" => "[title]" });
    let versions = app.get(&format!("/api/v1/proposals/{id}/versions?limit=1"), None);
    insta::assert_json_snapshot!("version_page", redacted(versions.expect(200)));
    let diff = app.get(&format!("/api/v1/proposals/{id}/diff?from=1&to=2"), None);
    insta::assert_json_snapshot!("diff", redacted(diff.expect(200)));
    let conflicted = app.get(&format!("/api/v1/amendments/{amendment_id}"), None);
    assert_eq!(conflicted.expect(200)["mergeability"], "conflict");
    insta::assert_json_snapshot!("amendment_with_conflict", redacted(&conflicted.body));
    let invalid =
        app.post("/api/v1/spaces/quartiere/proposals", Some(&author.token), json!({"title": "corto", "body": 3}));
    insta::assert_json_snapshot!("validation_problem", redacted(invalid.expect(422)));
    let missing = app.get("/api/v1/proposals/00000000-0000-7000-8000-000000000000", None);
    insta::assert_json_snapshot!("not_found_problem", redacted(missing.expect(404)));
    let not_allowed = app.call("DELETE", "/api/v1/proposals", Some(&author.token), None);
    insta::assert_json_snapshot!("method_not_allowed_problem", redacted(not_allowed.expect(405)));
}

fn openapi_describes_every_route(backend: Backend) {
    let app = TestApp::spawn(backend);
    let doc = app.get("/api/openapi.json", None);
    let doc = doc.expect(200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let expected = [
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/refresh", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/spaces", "get"),
        ("/api/v1/spaces", "post"),
        ("/api/v1/spaces/{slug}", "get"),
        ("/api/v1/spaces/{slug}", "patch"),
        ("/api/v1/proposals", "get"),
        ("/api/v1/spaces/{slug}/proposals", "post"),
        ("/api/v1/proposals/{id}", "get"),
        ("/api/v1/proposals/{id}/versions", "post"),
        ("/api/v1/proposals/{id}/versions", "get"),
        ("/api/v1/proposals/{id}/versions/{n}", "get"),
        ("/api/v1/proposals/{id}/diff", "get"),
        ("/api/v1/proposals/{id}/history/verify", "get"),
        ("/api/v1/proposals/{id}/withdraw", "post"),
        ("/api/v1/proposals/{id}/answers", "get"),
        ("/api/v1/proposals/{id}/amendments", "post"),
        ("/api/v1/proposals/{id}/amendments", "get"),
        ("/api/v1/amendments/{id}", "get"),
        ("/api/v1/amendments/{id}/withdraw", "post"),
        ("/api/v1/amendments/{id}/promote", "post"),
        ("/api/v1/moderation/amendments", "get"),
        ("/api/v1/moderation/amendments/{id}/accept", "post"),
        ("/api/v1/moderation/amendments/{id}/reject", "post"),
        ("/api/v1/moderation/proposals/{id}/answer", "post"),
        ("/api/v1/audit", "get"),
        ("/api/v1/audit/verify", "get"),
        ("/api/v1/moderation/users/{id}/roles", "put"),
        ("/api/v1/moderation/users/{id}/roles", "delete"),
        ("/healthz", "get"),
        ("/readyz", "get"),
    ];
    for (path, method) in expected {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is not documented");
    }
    for schema in [
        "Problem",
        "Proposal",
        "TextDiff",
        "SpaceSettings",
        "SessionDto",
        "ChainReport",
        "Amendment",
        "FieldConflict",
        "Accepted",
        "LogReport",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "schema {schema} missing");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

/// Every `$ref` names a schema the document defines: a dangling one makes
/// client generators (the web app's typed client) refuse the document.
fn every_reference_resolves(backend: Backend) {
    fn references(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    out.push(target.clone());
                }
                map.values().for_each(|v| references(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, out)),
            _ => {}
        }
    }
    let app = TestApp::spawn(backend);
    let doc = document(&app);
    let mut targets = Vec::new();
    references(&doc, &mut targets);
    assert!(!targets.is_empty());
    let dangling: Vec<&String> = targets
        .iter()
        .filter(|target| {
            let name = target.strip_prefix("#/components/schemas/").unwrap_or(target.as_str());
            !doc["components"]["schemas"][name].is_object()
        })
        .collect();
    assert!(dangling.is_empty(), "undefined schemas: {dangling:?}");
}

/// Every request property bound to a text rule (`x-text-rule`) carries
/// the rule's own lengths and pattern, and the pattern, run as ECMA-262 in
/// Unicode mode as a client's validator would, accepts exactly the samples
/// the domain accepts. No other property has a pattern written by hand.
fn text_constraints_are_the_domains(backend: Backend) {
    let app = TestApp::spawn(backend);
    let doc = document(&app);
    let mut bound = 0;
    for (schema, definition) in doc["components"]["schemas"].as_object().unwrap() {
        let Some(properties) = definition["properties"].as_object() else { continue };
        for (field, property) in properties {
            let Some(name) = property[RULE_EXTENSION].as_str() else {
                let is_uuid = property["format"] == "uuid";
                assert!(property["pattern"].is_null() || is_uuid, "{schema}.{field} has a pattern of its own");
                continue;
            };
            bound += 1;
            let (_, rule) = RULES.iter().find(|(known, _)| *known == name).unwrap();
            let (min, max) = (rule.min, rule.max);
            assert_eq!(property["maxLength"], json!(max), "{schema}.{field}");
            assert_eq!(property["minLength"].as_u64().unwrap_or(0), min as u64, "{schema}.{field}");
            let pattern = property["pattern"].as_str().unwrap();
            assert_eq!(pattern, rule.pattern(), "{schema}.{field}");
            let regex = regress::Regex::with_flags(pattern, "u").unwrap();
            for sample in samples(rule) {
                let length = sample.chars().count();
                let schema_says = regex.find(&sample).is_some() && (min..=max).contains(&length);
                let domain_says = rule.check(field, &sample).is_ok();
                assert_eq!(schema_says, domain_says, "{schema}.{field} on {sample:?}");
            }
        }
    }
    assert!(bound >= 25, "only {bound} text fields are bound to a rule");
    let register = &doc["components"]["schemas"]["RegisterRequest"]["properties"];
    assert_eq!(register["email"]["maxLength"], json!(EMAIL_MAX));
    assert_eq!(register["password"]["minLength"], json!(PASSWORD_LENGTH.0));
    assert_eq!(register["password"]["maxLength"], json!(PASSWORD_LENGTH.1));
}

backend_tests!(
    text_constraints_are_the_domains,
    every_reference_resolves,
    openapi_describes_every_route,
    openapi_promises_what_the_server_does,
    the_same_mistake_gets_the_same_shape,
    main_answers_keep_their_shape
);
