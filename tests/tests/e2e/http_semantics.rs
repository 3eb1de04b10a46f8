//! HTTP semantics on both backends: entity tags and conditional requests,
//! cursors bound to their query, unknown paths and wrong methods, `HEAD`,
//! and caching headers.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_api::connections::ConnectionLimits;
use emenda_store::Backend;
use emenda_tests::{backend_tests, generous_rate_limits, TestApp, TestUser, PASSWORD};
use serde_json::{json, Value};
use socket2::{Domain, Socket, Type};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

const TITLE: &str = "Un giardino condiviso in via Fioravanti";

/// A response with every header.
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    text: String,
    body: Value,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// All values of a header, split at commas.
    fn list(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(',').map(|s| s.trim().to_owned()))
            .collect()
    }

    fn etag(&self) -> String {
        self.header("ETag").expect("ETag").to_owned()
    }

    #[track_caller]
    fn expect(&self, status: u16) -> &Value {
        assert_eq!(self.status, status, "unexpected reply: {}", self.text);
        &self.body
    }

    #[track_caller]
    fn expect_problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!((self.status, self.body["code"].as_str().unwrap_or_default()), (status, code), "{}", self.text);
        assert_eq!(self.header("Content-Type"), Some("application/problem+json"));
        &self.body
    }

    /// Asserts a 422 naming `cursor` with `invalid_cursor`.
    #[track_caller]
    fn expect_invalid_cursor(&self) {
        let body = self.expect_problem(422, "validation_failed");
        assert_eq!(body["errors"][0]["field"], "cursor", "{body}");
        assert_eq!(body["errors"][0]["code"], "invalid_cursor", "{body}");
    }
}

fn raw(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Raw {
    let mut request = ureq::request(method, &format!("{}{path}", app.base));
    if let Some(token) = token {
        request = request.set("Authorization", &format!("Bearer {token}"));
    }
    for (name, value) in headers {
        request = request.set(name, value);
    }
    let outcome = match body {
        Some(body) => request.send_json(body.clone()),
        None => request.call(),
    };
    let response = match outcome {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(other) => panic!("{method} {path}: {other}"),
    };
    let status = response.status();
    let mut headers = Vec::new();
    for name in response.headers_names() {
        for value in response.all(&name) {
            headers.push((name.clone(), value.to_owned()));
        }
    }
    let text = response.into_string().unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Raw { status, headers, text, body }
}

struct World {
    app: TestApp,
    staff: TestUser,
    author: TestUser,
    proposal: String,
}

fn world(backend: Backend) -> World {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let staff = app.participant("ufficio");
    let author = app.participant("autrice");
    app.space(&admin, "giardini", json!({}));
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", staff.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "giardini" })),
    )
    .expect(200);
    let proposal = app.proposal(&author, "giardini", TITLE)["id"].as_str().unwrap().to_owned();
    World { app, staff, author, proposal }
}

impl World {
    fn get(&self, headers: &[(&str, &str)]) -> Raw {
        raw(&self.app, "GET", &format!("/api/v1/proposals/{}", self.proposal), None, headers, None)
    }

    fn edit(&self, body: &str, base_version: Option<i64>, headers: &[(&str, &str)]) -> Raw {
        let mut request = json!({ "title": TITLE, "body": body });
        if let Some(n) = base_version {
            request["base_version"] = json!(n);
        }
        let path = format!("/api/v1/proposals/{}/versions", self.proposal);
        raw(&self.app, "POST", &path, Some(&self.author.token), headers, Some(&request))
    }

    fn amend(&self, who: &TestUser, body: &str) -> Value {
        self.app
            .post(
                &format!("/api/v1/proposals/{}/amendments", self.proposal),
                Some(&who.token),
                json!({ "title": TITLE, "body": body, "rationale": "Rende la proposta più completa.", "base_version": 1 }),
            )
            .expect(201)
            .clone()
    }
}

/// A signed-in reader's proposal is theirs (their `actions`, their support)
/// and is never answered 304 from a tag another reader was given: the tag
/// leaves `actions` out, so a browser revalidating the anonymous copy it
/// keeps (as Chromium does when `Vary: Authorization` does not match)
/// would otherwise show the signed-in reader the anonymous buttons.
fn a_signed_in_reader_never_gets_the_anonymous_copy(backend: Backend) {
    let w = world(backend);
    let anonymous = w.get(&[]);
    assert_eq!(anonymous.expect(200)["actions"]["answer"], false);
    let tag = anonymous.etag();
    let path = format!("/api/v1/proposals/{}", w.proposal);
    for (reader, flag) in [(&w.staff, "answer"), (&w.author, "edit")] {
        let own = raw(&w.app, "GET", &path, Some(&reader.token), &[("If-None-Match", &tag)], None);
        assert_eq!(own.status, 200, "{flag}: a full answer, not 304");
        assert_eq!(own.body["actions"][flag], true, "{flag}");
        assert_eq!(own.etag(), tag, "the data, and so the tag, are the same");
    }
    assert_eq!(w.get(&[("If-None-Match", &tag)]).status, 304, "anonymous readers still revalidate");
}

/// Point 1: the tag is derived from the whole representation, so an
/// amendment request (which only changes the amendment counts) changes it
/// and a stale `If-None-Match` no longer gets 304.
fn etag_covers_the_whole_representation(backend: Backend) {
    let w = world(backend);
    let first = w.get(&[]);
    first.expect(200);
    let tag1 = first.etag();
    assert!(tag1.starts_with("\"v1-") && tag1.len() == "\"v1-\"".len() + 32, "{tag1}");
    assert_eq!(w.get(&[]).etag(), tag1, "the tag is stable while nothing changes");

    let amender = w.app.participant("emendatore");
    w.amend(&amender, "Proponiamo orti rialzati e panchine nel giardino.\n\nIl costo stimato è di 45.000 euro.");
    let second = w.get(&[("If-None-Match", &tag1)]);
    assert_eq!(second.expect(200)["amendments"]["evaluating"], 1, "stale tag: the full, new representation");
    let tag2 = second.etag();
    assert_ne!(tag2, tag1, "the amendment counts are part of the representation");
    assert!(tag2.starts_with("\"v1-"), "same text version: {tag2}");

    let unchanged = w.get(&[("If-None-Match", &tag2)]);
    assert_eq!(unchanged.status, 304);
    assert_eq!(unchanged.etag(), tag2);
    assert!(unchanged.text.is_empty());

    // The new tag works for an edit; the edit's tag names version 2.
    let edited = w.edit("Un testo nuovo e abbastanza lungo per la proposta.", None, &[("If-Match", &tag2)]);
    assert_eq!(edited.expect(201)["current_version"], 2);
    assert!(edited.etag().starts_with("\"v2-"));
    assert_eq!(w.get(&[]).etag(), edited.etag(), "the edit answers with the tag GET gives");
}

/// The proposal answers with its space's name and rules, so a page can
/// draw its actions from one response; a change of the rules is a change
/// of the representation (a new tag, no 304), while the edit precondition,
/// which names the text version, still holds.
fn the_proposal_carries_its_space_rules(backend: Backend) {
    let w = world(backend);
    let first = w.get(&[]);
    let space = first.expect(200)["space"].clone();
    assert_eq!(space["slug"], "giardini");
    assert_eq!(space["title"], "Spazio giardini");
    assert_eq!(space["settings"]["supports_open"], true);
    assert_eq!(space["settings"]["support_threshold"], 0);
    assert!(space.get("description").is_none(), "the description stays on the space's page");
    let tag = first.etag();

    let admin = w.app.login("admin@example.it");
    let rules = json!({ "settings": { "supports_open": false, "support_threshold": 250 } });
    w.app.call("PATCH", "/api/v1/spaces/giardini", Some(&admin.token), Some(&rules)).expect(200);
    let after = w.get(&[("If-None-Match", &tag)]);
    let settings = after.expect(200)["space"]["settings"].clone();
    assert_eq!((settings["supports_open"].clone(), settings["support_threshold"].clone()), (json!(false), json!(250)));
    assert_ne!(after.etag(), tag);
    assert!(after.etag().starts_with("\"v1-"));
    w.edit("Un testo nuovo e abbastanza lungo per la proposta.", None, &[("If-Match", &tag)]).expect(201);
}

/// Point 2: `If-Match` is evaluated even with `base_version`; the two must
/// agree; a failed `If-Match` is 412, a stale `base_version` stays 409, a
/// malformed `If-Match` is 400.
fn if_match_must_hold_and_agree_with_base_version(backend: Backend) {
    let w = world(backend);
    let stale = w.get(&[]).etag();
    w.edit("Seconda versione del testo della proposta.", Some(1), &[]).expect(201);
    let current = w.get(&[]).etag();

    // A stale tag with a current base_version: refused.
    let refused = w.edit("Terza versione del testo della proposta.", Some(2), &[("If-Match", &stale)]);
    assert_eq!(refused.expect_problem(412, "precondition_failed")["current_version"], 2, "{}", refused.text);
    assert_eq!(refused.etag(), current, "a 412 carries the current tag");
    // A current tag with a stale base_version: they disagree.
    w.edit("Terza versione del testo della proposta.", Some(1), &[("If-Match", &current)])
        .expect_problem(412, "precondition_failed");
    // A stale tag alone.
    w.edit("Terza versione del testo della proposta.", None, &[("If-Match", &stale)])
        .expect_problem(412, "precondition_failed");
    // Weak tags never pass If-Match (strong comparison).
    w.edit("Terza versione del testo della proposta.", None, &[("If-Match", &format!("W/{current}"))])
        .expect_problem(412, "precondition_failed");
    // Not an entity tag at all.
    w.edit("Terza versione del testo della proposta.", None, &[("If-Match", "v2-abc")])
        .expect_problem(400, "malformed_if_match");
    // A stale base_version alone stays 409 stale_version.
    let stale_base = w.edit("Terza versione del testo della proposta.", Some(1), &[]);
    assert_eq!(stale_base.expect_problem(409, "stale_version")["current_version"], 2);
    // `*` says only that the proposal exists: base_version is still needed.
    w.edit("Terza versione del testo della proposta.", None, &[("If-Match", "*")])
        .expect_problem(422, "validation_failed");
    assert_eq!(
        w.edit("Terza versione del testo della proposta.", Some(2), &[("If-Match", "*")]).expect(201)
            ["current_version"],
        3
    );
    // Agreeing tag and base_version; then a list holding the current tag.
    let v3 = w.get(&[]).etag();
    assert_eq!(
        w.edit("Quarta versione del testo della proposta.", Some(3), &[("If-Match", &v3)]).expect(201)
            ["current_version"],
        4
    );
    let v4 = w.get(&[]).etag();
    let list = format!("\"v9-00000000000000000000000000000000\", {v4}");
    assert_eq!(
        w.edit("Quinta versione del testo della proposta.", None, &[("If-Match", &list)]).expect(201)
            ["current_version"],
        5
    );
    let versions = w.app.get(&format!("/api/v1/proposals/{}/versions", w.proposal), None);
    assert_eq!(versions.expect(200)["items"].as_array().unwrap().len(), 5, "no refused edit left a version");
}

/// Point 3: `If-None-Match` uses weak comparison, takes lists and `*`, and
/// the tag changes with a withdrawal and an answer.
fn conditional_get_follows_rfc_9110(backend: Backend) {
    let w = world(backend);
    let tag = w.get(&[]).etag();
    for header in ["*".to_owned(), format!("W/{tag}"), format!("\"nope\", {tag}"), format!("W/\"x\",W/{tag}")] {
        let reply = w.get(&[("If-None-Match", &header)]);
        assert_eq!(reply.status, 304, "If-None-Match: {header}");
        assert_eq!(reply.etag(), tag);
    }
    for header in ["\"nope\"", "W/\"nope\", \"v1-0\"", "not a tag"] {
        assert_eq!(w.get(&[("If-None-Match", header)]).status, 200, "If-None-Match: {header}");
    }

    // An answer changes the tag.
    w.app
        .post(
            &format!("/api/v1/moderation/proposals/{}/answer", w.proposal),
            Some(&w.staff.token),
            json!({ "state": "evaluating", "answer": "La valutiamo con gli uffici tecnici." }),
        )
        .expect(200);
    let answered = w.get(&[("If-None-Match", &tag)]);
    assert_eq!(answered.expect(200)["answer"]["state"], "evaluating");
    assert_ne!(answered.etag(), tag);
    assert_eq!(w.get(&[("If-None-Match", &answered.etag())]).status, 304);

    // A withdrawal changes the tag, and answers with the new one.
    let other =
        w.app.proposal(&w.author, "giardini", "Una pista ciclabile lungo il fiume")["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/proposals/{other}");
    let before = raw(&w.app, "GET", &path, None, &[], None).etag();
    let withdrawn = raw(&w.app, "POST", &format!("{path}/withdraw"), Some(&w.author.token), &[], Some(&json!({})));
    assert_eq!(withdrawn.expect(200)["state"], "withdrawn");
    assert_ne!(withdrawn.etag(), before);
    let after = raw(&w.app, "GET", &path, None, &[("If-None-Match", &before)], None);
    assert_eq!(after.expect(200)["state"], "withdrawn");
    assert_eq!(after.etag(), withdrawn.etag());
}

/// Point 4: a cursor is only valid for the list, sort and filters it came
/// from.
fn cursors_are_bound_to_their_query(backend: Backend) {
    let w = world(backend);
    let app = &w.app;
    let get = |path: &str, token: Option<&str>| raw(app, "GET", path, token, &[], None);
    let cursor_of = |reply: Raw| reply.expect(200)["next_cursor"].as_str().expect("a next page").to_owned();
    let second =
        app.proposal(&w.author, "giardini", "Una pista ciclabile lungo il fiume")["id"].as_str().unwrap().to_owned();
    app.proposal(&w.author, "giardini", "Più alberi nel parco della stazione");

    // Proposals: sort and every filter.
    let cursor = cursor_of(get("/api/v1/proposals?limit=1", None));
    get(&format!("/api/v1/proposals?limit=1&cursor={cursor}"), None).expect(200);
    get(&format!("/api/v1/proposals?limit=2&cursor={cursor}"), None).expect(200);
    get(&format!("/api/v1/proposals?limit=1&sort=recent&cursor={cursor}"), None).expect(200);
    for filter in [
        "sort=most_supported",
        "sort=most_commented",
        "space=giardini",
        "state=published",
        &format!("author={}", w.author.id),
    ] {
        get(&format!("/api/v1/proposals?limit=1&{filter}&cursor={cursor}"), None).expect_invalid_cursor();
    }
    let supported = cursor_of(get("/api/v1/proposals?limit=1&sort=most_supported", None));
    get(&format!("/api/v1/proposals?limit=1&cursor={supported}"), None).expect_invalid_cursor();

    // Versions: bound to their proposal.
    w.edit("Seconda versione del testo della proposta.", Some(1), &[]).expect(201);
    let versions = cursor_of(get(&format!("/api/v1/proposals/{}/versions?limit=1", w.proposal), None));
    get(&format!("/api/v1/proposals/{}/versions?limit=1&cursor={versions}", w.proposal), None).expect(200);
    get(&format!("/api/v1/proposals/{second}/versions?limit=1&cursor={versions}"), None).expect_invalid_cursor();

    // Amendments of a proposal: bound to the proposal and the state filter.
    w.amend(
        &app.participant("primo"),
        "Proponiamo orti rialzati e panchine nel giardino.\n\nIl costo è di 45.000 euro.",
    );
    w.amend(
        &app.participant("secondo"),
        "Proponiamo orti rialzati e fontane nel giardino.\n\nIl costo è di 45.000 euro.",
    );
    let amendments = cursor_of(get(&format!("/api/v1/proposals/{}/amendments?limit=1", w.proposal), None));
    get(&format!("/api/v1/proposals/{}/amendments?limit=1&cursor={amendments}", w.proposal), None).expect(200);
    get(&format!("/api/v1/proposals/{}/amendments?limit=1&state=evaluating&cursor={amendments}", w.proposal), None)
        .expect_invalid_cursor();
    get(&format!("/api/v1/proposals/{second}/amendments?limit=1&cursor={amendments}"), None).expect_invalid_cursor();

    // The moderation queue: space and state.
    let staff = Some(w.staff.token.as_str());
    let queue = cursor_of(get("/api/v1/moderation/amendments?space=giardini&limit=1", staff));
    get(&format!("/api/v1/moderation/amendments?space=giardini&limit=1&cursor={queue}"), staff).expect(200);
    get(&format!("/api/v1/moderation/amendments?space=giardini&state=evaluating&limit=1&cursor={queue}"), staff)
        .expect(200);
    get(&format!("/api/v1/moderation/amendments?space=giardini&state=rejected&limit=1&cursor={queue}"), staff)
        .expect_invalid_cursor();

    // The audit log: the space filter; and a cursor of one list is no
    // cursor of another, even when both are ids.
    let audit = cursor_of(get("/api/v1/audit?limit=1", None));
    get(&format!("/api/v1/audit?limit=1&cursor={audit}"), None).expect(200);
    get(&format!("/api/v1/audit?limit=1&space=giardini&cursor={audit}"), None).expect_invalid_cursor();
    get(&format!("/api/v1/spaces?limit=1&cursor={audit}"), None).expect_invalid_cursor();
    get(&format!("/api/v1/moderation/amendments?space=giardini&limit=1&cursor={audit}"), staff).expect_invalid_cursor();
    get("/api/v1/proposals?cursor=bm90LWEtY3Vyc29y", None).expect_invalid_cursor();
}

/// Point 5: every `/api` path answers JSON; wrong methods are 405 with
/// `Allow`; `HEAD` works wherever `GET` does.
fn api_paths_methods_and_head(backend: Backend) {
    let w = world(backend);
    let app = &w.app;
    for path in
        ["/api/v2/proposals", "/api/openapi.yaml", "/api", "/api/", "/api/v1/nothing", "/api/v1/proposals/x/y/z"]
    {
        raw(app, "GET", path, None, &[], None).expect_problem(404, "not_found");
    }
    let proposal = format!("/api/v1/proposals/{}", w.proposal);
    let cases = [
        ("DELETE", "/api/v1/proposals".to_owned(), "GET, HEAD"),
        ("PUT", format!("{proposal}/versions"), "GET, HEAD, POST"),
        ("DELETE", proposal.clone(), "GET, HEAD"),
        ("GET", format!("{proposal}/withdraw"), "POST"),
        ("POST", "/api/v1/spaces/giardini".to_owned(), "GET, HEAD, PATCH"),
        ("POST", "/api/openapi.json".to_owned(), "GET, HEAD"),
        ("GET", "/api/v1/auth/login".to_owned(), "POST"),
    ];
    for (method, path, allow) in cases {
        let reply = raw(app, method, &path, None, &[], None);
        reply.expect_problem(405, "method_not_allowed");
        assert_eq!(reply.header("Allow"), Some(allow), "{method} {path}");
    }

    let get = raw(app, "GET", &proposal, None, &[], None);
    let head = raw(app, "HEAD", &proposal, None, &[], None);
    assert_eq!(head.status, 200);
    assert!(head.text.is_empty(), "HEAD has no body");
    assert_eq!(head.etag(), get.etag());
    assert_eq!(head.header("Content-Type"), Some("application/json"));
    assert_eq!(raw(app, "HEAD", &proposal, None, &[("If-None-Match", &get.etag())], None).status, 304);
    for path in [
        "/api/v1/proposals",
        "/api/v1/spaces/giardini",
        "/api/v1/audit/verify",
        "/api/openapi.json",
        "/healthz",
        "/readyz",
    ] {
        let head = raw(app, "HEAD", path, None, &[], None);
        assert_eq!((head.status, head.text.as_str()), (200, ""), "HEAD {path}");
    }
    assert_eq!(raw(app, "HEAD", "/api/v1/nothing", None, &[], None).status, 404);
    let me = raw(app, "HEAD", "/api/v1/me", Some(&w.author.token), &[], None);
    assert_eq!(me.status, 200);

    // The web app still answers its own client-side routes.
    let page = raw(app, "GET", "/proposals/whatever", None, &[], None);
    assert_eq!(page.status, 200);
    assert!(page.header("Content-Type").unwrap_or_default().starts_with("text/html"));
}

/// Point 6: tokens and personal data are never stored by caches; API
/// answers vary with `Authorization`; public reads stay cacheable.
fn private_answers_are_never_stored(backend: Backend) {
    let w = world(backend);
    let app = &w.app;
    let no_store = |reply: &Raw, what: &str| {
        assert_eq!(reply.header("Cache-Control"), Some("no-store"), "{what}: {:?}", reply.headers);
        assert!(
            reply.list("Vary").iter().any(|v| v.eq_ignore_ascii_case("authorization")),
            "{what}: {:?}",
            reply.headers
        );
    };

    let registered = raw(
        app,
        "POST",
        "/api/v1/auth/register",
        None,
        &[],
        Some(
            &json!({ "email": "nuova@example.it", "password": PASSWORD, "nickname": "nuova", "display_name": "Nuova", "privacy_version": 1 }),
        ),
    );
    registered.expect(201);
    no_store(&registered, "register");
    let login = raw(
        app,
        "POST",
        "/api/v1/auth/login",
        None,
        &[],
        Some(&json!({ "email": "nuova@example.it", "password": PASSWORD })),
    );
    login.expect(200);
    no_store(&login, "login");
    let refresh_token = login.body["refresh_token"].as_str().unwrap().to_owned();
    let refreshed =
        raw(app, "POST", "/api/v1/auth/refresh", None, &[], Some(&json!({ "refresh_token": refresh_token })));
    refreshed.expect(200);
    no_store(&refreshed, "refresh");
    let failed = raw(
        app,
        "POST",
        "/api/v1/auth/login",
        None,
        &[],
        Some(&json!({ "email": "nuova@example.it", "password": "sbagliata-sbagliata" })),
    );
    failed.expect_problem(401, "invalid_credentials");
    no_store(&failed, "failed sign-in");
    let token = refreshed.body["access_token"].as_str().unwrap().to_owned();
    let me = raw(app, "GET", "/api/v1/me", Some(&token), &[], None);
    me.expect(200);
    no_store(&me, "me");
    let bad_token = raw(app, "GET", "/api/v1/proposals", Some("not-a-token"), &[], None);
    bad_token.expect_problem(401, "token_invalid");
    no_store(&bad_token, "401");

    // Signed-in reads may hold what only this caller sees.
    let proposal = format!("/api/v1/proposals/{}", w.proposal);
    let signed_in = raw(app, "GET", &proposal, Some(&token), &[], None);
    signed_in.expect(200);
    no_store(&signed_in, "signed-in read");
    let queue = raw(app, "GET", "/api/v1/moderation/amendments?space=giardini", Some(&w.staff.token), &[], None);
    queue.expect(200);
    no_store(&queue, "staff queue");

    // Anonymous public reads: cacheable, revalidated with the ETag.
    let public = raw(app, "GET", &proposal, None, &[], None);
    public.expect(200);
    assert_eq!(public.header("Cache-Control"), Some("no-cache"));
    assert!(public.list("Vary").iter().any(|v| v.eq_ignore_ascii_case("authorization")));
    let not_modified = raw(app, "GET", &proposal, None, &[("If-None-Match", &public.etag())], None);
    assert_eq!(not_modified.status, 304);
    assert_eq!(not_modified.header("Cache-Control"), Some("no-cache"));
    assert!(not_modified.list("Vary").iter().any(|v| v.eq_ignore_ascii_case("authorization")));
}

/// A raw TCP connection to the test server from `source`, another address
/// of the loopback range, so that one client's connection limit is not
/// the test runner's.
fn connect_from(app: &TestApp, source: [u8; 4]) -> TcpStream {
    let server: SocketAddr = app.base.trim_start_matches("http://").parse().unwrap();
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    socket.bind(&SocketAddr::from((source, 0)).into()).unwrap();
    socket.connect(&server.into()).unwrap();
    let stream: TcpStream = socket.into();
    stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    stream
}

/// Reads until the server closes the connection: the whole answer.
fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

/// Reads one answer off a connection that stays open: its head, then as
/// many body bytes as `content-length` says.
fn read_one_answer(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    let mut byte = [0u8; 1];
    while !answer.ends_with(b"\r\n\r\n") {
        assert_eq!(stream.read(&mut byte).unwrap(), 1, "the connection closed mid-answer");
        answer.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&answer).to_ascii_lowercase();
    let length: usize =
        head.lines().find_map(|line| line.strip_prefix("content-length:")).map_or(0, |n| n.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).unwrap();
    answer.extend_from_slice(&body);
    String::from_utf8_lossy(&answer).into_owned()
}

/// The problem code in an answer read off the wire.
fn wire_code(answer: &str) -> String {
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    let problem: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    problem["code"].as_str().unwrap_or_default().to_owned()
}

/// A client that opens connections and stalls in the middle of a body
/// holds at most its address's share of connections, each for the body
/// timeout; its next connections are refused on arrival with a problem
/// answer, and everyone else is served meanwhile.
fn stalled_uploads_cannot_starve_other_clients(backend: Backend) {
    const PER_ADDRESS: usize = 12;
    const BODY_TIMEOUT: Duration = Duration::from_secs(4);
    let limits = ConnectionLimits { per_address: PER_ADDRESS, total: 1_000, body_timeout: BODY_TIMEOUT };
    let app = TestApp::spawn_with_options(backend, generous_rate_limits(), limits);
    let attacker = [127, 0, 0, 2];
    let started = Instant::now();
    let mut held: Vec<TcpStream> = (0..PER_ADDRESS)
        .map(|_| {
            let mut stream = connect_from(&app, attacker);
            // One whole exchange first: once answered, the connection is
            // surely counted (the kernel completes a connection before the
            // server has accepted it).
            stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: emenda\r\n\r\n").unwrap();
            assert!(read_one_answer(&mut stream).starts_with("HTTP/1.1 200 "));
            stream
                .write_all(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: emenda\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":")
                .unwrap();
            stream
        })
        .collect();
    // Over its share, the attacker is answered at once and cut off.
    for _ in 0..20 {
        let answer = read_to_close(&mut connect_from(&app, attacker));
        assert!(answer.starts_with("HTTP/1.1 429 "), "{answer}");
        assert_eq!(wire_code(&answer), "rate_limited", "{answer}");
        assert!(answer.to_ascii_lowercase().contains("retry-after: 5"), "{answer}");
    }
    // Everyone else is served while the attacker holds its maximum.
    app.get("/healthz", None).expect(200);
    app.get("/api/v1/spaces", None).expect(200);
    let mut nothing = [0u8; 1];
    held[0].set_nonblocking(true).unwrap();
    let still_held = held[0].peek(&mut nothing).map_err(|e| e.kind());
    assert_eq!(still_held, Err(std::io::ErrorKind::WouldBlock), "others were served while the attacker held its share");
    held[0].set_nonblocking(false).unwrap();
    // Each stalled body ends with 408 and a closed connection.
    for stream in &mut held {
        let answer = read_to_close(stream);
        assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
        assert_eq!(wire_code(&answer), "request_timeout", "{answer}");
    }
    let waited = started.elapsed();
    assert!(waited >= BODY_TIMEOUT && waited < BODY_TIMEOUT * 3, "{waited:?}");
    // Their places are given back: the address is served again.
    let mut again = connect_from(&app, attacker);
    again.write_all(b"GET /healthz HTTP/1.1\r\nHost: emenda\r\nConnection: close\r\n\r\n").unwrap();
    let answer = read_to_close(&mut again);
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
}

/// Over the total, a connection from anywhere is answered 503 `overloaded`
/// on arrival; once connections close, the server takes new ones again.
fn connections_over_the_total_are_refused_in_words(backend: Backend) {
    const TOTAL: usize = 6;
    let limits = ConnectionLimits { per_address: 0, total: TOTAL, body_timeout: Duration::from_secs(2) };
    let app = TestApp::spawn_with_options(backend, generous_rate_limits(), limits);
    let idle: Vec<TcpStream> = (0..TOTAL)
        .map(|i| {
            let mut stream = connect_from(&app, [127, 0, 1, 1 + i as u8]);
            stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: emenda\r\n\r\n").unwrap();
            assert!(read_one_answer(&mut stream).starts_with("HTTP/1.1 200 "));
            stream
        })
        .collect();
    let answer = read_to_close(&mut connect_from(&app, [127, 0, 2, 1]));
    assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
    assert_eq!(wire_code(&answer), "overloaded", "{answer}");
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut stream = connect_from(&app, [127, 0, 2, 1]);
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: emenda\r\nConnection: close\r\n\r\n").unwrap();
        let answer = read_to_close(&mut stream);
        if answer.starts_with("HTTP/1.1 200 ") {
            break;
        }
        assert!(Instant::now() < deadline, "closed connections never gave their places back: {answer}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// What the HTTP parser refuses before any handler runs (an address over
/// 64 KiB, a head over 128 KiB) is answered in problem+json too, with its
/// status, and the connection closes.
fn requests_too_large_to_parse_are_refused_in_words(backend: Backend) {
    let app = TestApp::spawn(backend);
    let send = |request: Vec<u8>| {
        let mut stream = connect_from(&app, [127, 0, 0, 1]);
        // The server stops reading at its limit: the rest may not go out.
        let _ = stream.write_all(&request);
        read_to_close(&mut stream)
    };
    let long_address = format!("GET /api/v1/spaces?q={} HTTP/1.1\r\nHost: emenda\r\n\r\n", "a".repeat(100 * 1024));
    let answer = send(long_address.into_bytes());
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert_eq!(wire_code(&answer), "malformed_request", "{answer}");
    let huge_header = format!(
        "GET /api/v1/spaces HTTP/1.1\r\nHost: emenda\r\nAuthorization: Bearer {}\r\n\r\n",
        "x".repeat(1024 * 1024)
    );
    let answer = send(huge_header.into_bytes());
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
    assert_eq!(wire_code(&answer), "request_head_too_large", "{answer}");
    // Ordinary errors keep their own bodies, untouched.
    app.get("/api/v1/nowhere", None).expect_problem(404, "not_found");
}

/// A proposal's JSON above the size travels gzipped to a client that
/// accepts it, is the same JSON once unpacked, carries the same tag, and
/// that tag still guards an edit's `If-Match`.
fn a_large_answer_travels_gzipped_and_its_tag_still_guards_edits(backend: Backend) {
    let w = world(backend);
    let long = "Una proposta lunga, scritta perché la risposta superi la soglia della compressione. ".repeat(20);
    w.edit(&long, Some(1), &[]).expect(201);
    let plain = w.get(&[]);
    assert_eq!(plain.header("content-encoding"), None);
    let path = format!("{}/api/v1/proposals/{}", w.app.base, w.proposal);
    let packed = ureq::get(&path).set("Accept-Encoding", "gzip, br").call().expect("GET");
    assert_eq!(packed.header("Content-Encoding"), Some("gzip"));
    let vary = packed.all("Vary").join(", ");
    assert!(vary.contains("Accept-Encoding") && vary.contains("Authorization"), "{vary}");
    let tag = packed.header("ETag").map(str::to_owned);
    assert_eq!(tag.as_deref(), Some(plain.etag().as_str()), "one tag for the JSON, whichever coding carried it");
    let mut bytes = Vec::new();
    packed.into_reader().read_to_end(&mut bytes).expect("body");
    assert!(bytes.len() * 3 < plain.text.len(), "{} bytes for {}", bytes.len(), plain.text.len());
    let mut unpacked = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice()).read_to_string(&mut unpacked).expect("gzip");
    assert_eq!(unpacked, plain.text);
    let tag = tag.unwrap_or_default();
    assert_eq!(
        w.edit("Terza versione del testo della proposta.", Some(2), &[("If-Match", &tag)]).expect(201)
            ["current_version"],
        3
    );
    let document =
        ureq::get(&format!("{}/api/openapi.json", w.app.base)).set("Accept-Encoding", "gzip").call().expect("GET");
    assert_eq!(document.header("Content-Encoding"), Some("gzip"), "the document is JSON too");
}

backend_tests!(
    a_signed_in_reader_never_gets_the_anonymous_copy,
    a_large_answer_travels_gzipped_and_its_tag_still_guards_edits,
    requests_too_large_to_parse_are_refused_in_words,
    stalled_uploads_cannot_starve_other_clients,
    connections_over_the_total_are_refused_in_words,
    the_proposal_carries_its_space_rules,
    etag_covers_the_whole_representation,
    if_match_must_hold_and_agree_with_base_version,
    conditional_get_follows_rfc_9110,
    cursors_are_bound_to_their_query,
    api_paths_methods_and_head,
    private_answers_are_never_stored,
);
