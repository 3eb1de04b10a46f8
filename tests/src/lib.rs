//! End-to-end test harness: a real `emenda` HTTP server on a free port over
//! a fresh database (SQLite or PostgreSQL), and a small client to talk to it.

use emenda_api::connections::ConnectionLimits;
use emenda_api::rate_limit::RateLimits;
use emenda_domain::transparency::LogSigner;
use emenda_server::app::{self, ServerOptions};
use emenda_server::mail::MailOptions;
use emenda_service::Database;
use emenda_store::testing::TestDatabase;
use emenda_store::{Backend, Store};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};

pub use emenda_store::backend_tests;

/// Password used for test accounts.
pub const PASSWORD: &str = "una-password-sicura";

/// Where the links in a test server's letters lead.
pub const MAIL_LINKS: &str = "https://partecipa.comune.prova.it";

/// A running server with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// Direct access to the database, for checks the API cannot make.
    pub store: Store,
    /// The key the server signs its log's checkpoints with.
    pub log_signer: Arc<LogSigner>,
    agent: ureq::Agent,
    _database: Option<TestDatabase>,
}

/// A response: status, headers of interest and JSON body (`Null` if none).
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Parsed body.
    pub body: Value,
    /// `ETag` header.
    pub etag: Option<String>,
    /// `Retry-After` header.
    pub retry_after: Option<String>,
    /// `Content-Type` header.
    pub content_type: String,
    /// `x-request-id` header.
    pub request_id: Option<String>,
    /// `Content-Security-Policy` header.
    pub csp: Option<String>,
}

impl Reply {
    /// The problem `code` of an error reply.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    /// Asserts the status and returns the body.
    #[track_caller]
    pub fn expect(&self, status: u16) -> &Value {
        assert_eq!(self.status, status, "unexpected reply: {}", self.body);
        &self.body
    }

    /// Asserts an error status and code (and the problem+json type).
    #[track_caller]
    pub fn expect_problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!((self.status, self.code()), (status, code), "unexpected reply: {}", self.body);
        assert_eq!(self.content_type, "application/problem+json");
        &self.body
    }
}

/// A signed-in test user.
#[derive(Debug, Clone)]
pub struct TestUser {
    /// Id.
    pub id: String,
    /// E-mail.
    pub email: String,
    /// Access token.
    pub token: String,
    /// Refresh token.
    pub refresh: String,
}

/// The app's source folder: its `index.html` is the page a build starts
/// from, with the places the server fills on public pages
/// (`public_pages::fill`), and needs no build of the app.
fn web_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../web/src")
}

/// Request-rate limits too high for any test to reach.
pub fn generous_rate_limits() -> RateLimits {
    RateLimits {
        auth_per_minute: 100_000,
        writes_per_minute: 100_000,
        expensive_reads_per_minute: 100_000,
        trust_proxy_headers: false,
    }
}

/// The settings every test server runs with, and a fresh log key.
fn test_options(rate_limits: RateLimits, connections: ConnectionLimits) -> ServerOptions {
    ServerOptions {
        bind: "127.0.0.1:0".into(),
        jwt_secret: b"test secret of at least thirty-two bytes".to_vec(),
        reference_prefix: "TST".into(),
        web_dir: web_dir(),
        workers: Some(2),
        rate_limits,
        connections,
        edit_limits: emenda_domain::proposal::EditLimits::default(),
        owner: emenda_api::dto::site::Owner {
            name: "Comune di Prova".into(),
            url: Some("https://www.comune.prova.it".into()),
            email: Some("partecipazione@comune.prova.it".into()),
            logo: false,
        },
        logo: None,
        log_signer: Arc::new(emenda_server::config::new_log_signer("test.emenda.example/log").expect("a log key")),
        mail: None,
        deletion_grace: emenda_accounts::AuthSettings::default().deletion_grace,
    }
}

/// Starts a server over `store` in its own thread; returns its base URL.
fn start(store: Store, options: ServerOptions) -> String {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            match app::server(Database::from(store), &options) {
                Ok((server, address)) => {
                    let _ = sender.send(Ok(address));
                    let _ = server.await;
                }
                Err(error) => {
                    let _ = sender.send(Err(error));
                }
            }
        });
    });
    let address = receiver.recv().expect("server thread").expect("server binds");
    format!("http://{address}")
}

impl TestApp {
    /// Starts a server on a fresh database of `backend`, with rate limits
    /// too high for any test to reach.
    pub fn spawn(backend: Backend) -> Self {
        Self::spawn_with_limits(backend, generous_rate_limits())
    }

    /// Starts a server on a fresh database of `backend` with these limits.
    /// Every test's requests come from one address, so no connection limit
    /// applies per address here (the connection tests set their own).
    pub fn spawn_with_limits(backend: Backend, rate_limits: RateLimits) -> Self {
        let connections = ConnectionLimits { per_address: 0, ..ConnectionLimits::default() };
        Self::spawn_with_options(backend, rate_limits, connections)
    }

    /// Starts a server on a fresh database of `backend` with these request
    /// and connection limits.
    pub fn spawn_with_options(backend: Backend, rate_limits: RateLimits, connections: ConnectionLimits) -> Self {
        emenda_server::telemetry::init_with_default("warn");
        let database = TestDatabase::new(backend);
        let store = database.store();
        let options = test_options(rate_limits, connections);
        let log_signer = options.log_signer.clone();
        let base = start(store.clone(), options);
        let agent = ureq::AgentBuilder::new().timeout(std::time::Duration::from_secs(60)).build();
        TestApp { base, store, log_signer, agent, _database: Some(database) }
    }

    /// Starts a server on a fresh database of `backend` whose accounts are
    /// erased `grace` after their deletion is asked for.
    pub fn spawn_with_deletion_grace(backend: Backend, grace: chrono::Duration) -> Self {
        emenda_server::telemetry::init_with_default("warn");
        let database = TestDatabase::new(backend);
        let store = database.store();
        let mut options =
            test_options(generous_rate_limits(), ConnectionLimits { per_address: 0, ..ConnectionLimits::default() });
        options.deletion_grace = grace;
        let log_signer = options.log_signer.clone();
        let base = start(store.clone(), options);
        let agent = ureq::AgentBuilder::new().timeout(std::time::Duration::from_secs(60)).build();
        TestApp { base, store, log_signer, agent, _database: Some(database) }
    }

    /// Starts a server on a fresh database of `backend` that sends e-mail
    /// through the SMTP server at `smtp_url`, from
    /// `partecipazione@comune.prova.it`, with links to
    /// `https://partecipa.comune.prova.it`.
    pub fn spawn_with_mail(backend: Backend, smtp_url: &str) -> Self {
        Self::spawn_with_mail_and_grace(backend, smtp_url, emenda_accounts::AuthSettings::default().deletion_grace)
    }

    /// [`TestApp::spawn_with_mail`], erasing accounts `grace` after their
    /// deletion is asked for.
    pub fn spawn_with_mail_and_grace(backend: Backend, smtp_url: &str, grace: chrono::Duration) -> Self {
        emenda_server::telemetry::init_with_default("warn");
        let database = TestDatabase::new(backend);
        let store = database.store();
        let mut options =
            test_options(generous_rate_limits(), ConnectionLimits { per_address: 0, ..ConnectionLimits::default() });
        options.mail = MailOptions::parse(
            Some(smtp_url),
            "Comune di Prova <partecipazione@comune.prova.it>",
            MAIL_LINKS,
            "Comune di Prova",
            120,
        )
        .expect("mail settings")
        // Digests looked for every second: a test need not wait minutes.
        .map(|mail| MailOptions { digest_interval: std::time::Duration::from_secs(1), ..mail });
        options.deletion_grace = grace;
        let log_signer = options.log_signer.clone();
        let base = start(store.clone(), options);
        let agent = ureq::AgentBuilder::new().timeout(std::time::Duration::from_secs(60)).build();
        TestApp { base, store, log_signer, agent, _database: Some(database) }
    }

    /// A second server on this one's database (its own connection pool,
    /// the same log key and settings), as a second instance behind a load
    /// balancer would be. It does not own the database.
    pub fn beside(&self) -> TestApp {
        let database = self._database.as_ref().expect("the first instance owns the database");
        let store = database.store();
        let mut options =
            test_options(generous_rate_limits(), ConnectionLimits { per_address: 0, ..ConnectionLimits::default() });
        options.log_signer = self.log_signer.clone();
        let base = start(store.clone(), options);
        let agent = ureq::AgentBuilder::new().timeout(std::time::Duration::from_secs(60)).build();
        TestApp { base, store, log_signer: self.log_signer.clone(), agent, _database: None }
    }

    /// Sends a request; `token` signs it in, `body` is sent as JSON.
    pub fn call(&self, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> Reply {
        self.call_with(method, path, token, body, &[])
    }

    /// Like [`TestApp::call`], with extra headers.
    pub fn call_with(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = self.agent.request(method, &format!("{}{path}", self.base));
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
        let etag = response.header("ETag").map(str::to_owned);
        let retry_after = response.header("Retry-After").map(str::to_owned);
        let content_type = response.content_type().to_owned();
        let request_id = response.header("x-request-id").map(str::to_owned);
        let csp = response.header("Content-Security-Policy").map(str::to_owned);
        let text = response.into_string().unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Reply { status, body, etag, retry_after, content_type, request_id, csp }
    }

    /// GET.
    pub fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.call("GET", path, token, None)
    }

    /// POST with a JSON body.
    pub fn post(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.call("POST", path, token, Some(&body))
    }

    /// Registers and signs in a participant.
    pub fn participant(&self, nickname: &str) -> TestUser {
        let email = format!("{nickname}@example.it");
        self.post(
            "/api/v1/auth/register",
            None,
            json!({ "email": email, "password": PASSWORD, "nickname": nickname, "display_name": nickname, "privacy_version": 1 }),
        )
        .expect(201);
        self.login(&email)
    }

    /// `admin` makes `user` staff of the space `space`.
    pub fn grant_staff(&self, admin: &TestUser, user: &TestUser, space: &str) {
        self.call(
            "PUT",
            &format!("/api/v1/moderation/users/{}/roles", user.id),
            Some(&admin.token),
            Some(&json!({ "role": "staff", "space": space })),
        )
        .expect(200);
    }

    /// Signs in.
    pub fn login(&self, email: &str) -> TestUser {
        let reply = self.post("/api/v1/auth/login", None, json!({ "email": email, "password": PASSWORD }));
        let body = reply.expect(200);
        TestUser {
            id: body["user"]["id"].as_str().expect("user id").to_owned(),
            email: email.to_owned(),
            token: body["access_token"].as_str().expect("access token").to_owned(),
            refresh: body["refresh_token"].as_str().expect("refresh token").to_owned(),
        }
    }

    /// The services over this app's database, as the command line builds
    /// them (same log key as the server).
    pub fn state(&self, jwt_secret: &[u8], reference_prefix: &str) -> emenda_api::AppState {
        app::state(Database::from(self.store.clone()), jwt_secret, reference_prefix, self.log_signer.clone())
    }

    /// Waits until the log's signed checkpoint covers every entry written
    /// so far (the integrator runs a few times a second), and returns its
    /// size.
    pub fn wait_for_log(&self) -> u64 {
        for _ in 0..200 {
            let pending = self.store.read(emenda_store::public_log::has_pending).expect("pending entries");
            if !pending {
                return self.store.read(emenda_store::public_log::latest_size).expect("log size").unwrap_or(0);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the log did not integrate its pending entries within 10 s");
    }

    /// Creates an administrator the way an operator does (the command
    /// line's code path) and signs them in.
    pub fn admin(&self) -> TestUser {
        let state = self.state(b"unused here but long enough to sign", "TST");
        state
            .accounts
            .ensure_admin(&emenda_accounts::service::Registration {
                email: "admin@example.it".into(),
                password: PASSWORD.into(),
                nickname: "admin".into(),
                display_name: "Admin".into(),
                consent: emenda_accounts::service::Consent::ByOperator,
                language: emenda_domain::mail::Language::It,
            })
            .expect("create admin");
        self.login("admin@example.it")
    }

    /// Creates a space as `admin` with default settings (plus `settings`).
    pub fn space(&self, admin: &TestUser, slug: &str, settings: Value) -> Value {
        self.post(
            "/api/v1/spaces",
            Some(&admin.token),
            json!({ "slug": slug, "title": format!("Spazio {slug}"), "description": "Un percorso di prova", "settings": settings }),
        )
        .expect(201)
        .clone()
    }

    /// Publishes a proposal and returns it.
    pub fn proposal(&self, author: &TestUser, slug: &str, title: &str) -> Value {
        self.post(
            &format!("/api/v1/spaces/{slug}/proposals"),
            Some(&author.token),
            json!({ "title": title, "body": "Un testo abbastanza lungo per essere valido." }),
        )
        .expect(201)
        .clone()
    }

    /// Asserts that every denormalized counter in the database equals its
    /// recount from the rows (`emenda_store::consistency::recount`): the
    /// closing check of every concurrency test.
    pub fn assert_counters_consistent(&self) {
        let mismatches = self.store.read(emenda_store::consistency::recount).expect("recount the counters");
        assert!(mismatches.is_empty(), "counters differ from their rows: {mismatches:#?}");
    }
}
