//! Wiring: services over one database, the HTTP server with its middleware,
//! and the single-page app served beside the API.

use crate::mail::MailOptions;
use actix_http::error::DispatchError;
use actix_http::{Extensions, HttpService};
use actix_service::{map_config, IntoServiceFactory, ServiceFactoryExt};
use actix_web::body::MessageBody;
use actix_web::dev::AppConfig;
use actix_web::dev::{fn_service, Response, Server, Service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::DefaultHeaders;
use actix_web::rt::net::TcpStream;
use actix_web::{web, App};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use emenda_accounts::{AccountService, AuthSettings, JwtKeys};
use emenda_api::connections::{ConnectionLimits, ConnectionTracker};
use emenda_api::dto::site::{Logo, Owner};
use emenda_api::rate_limit::RateLimits;
use emenda_api::AppState;
use emenda_domain::proposal::EditLimits;
use emenda_domain::transparency::LogSigner;
use emenda_service::Database;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tracing::Span;
use tracing_actix_web::{RequestId, RootSpanBuilder, TracingLogger};
use wire::ProblemSocket;

#[path = "erasure.rs"]
pub mod erasure;
#[path = "fan_out.rs"]
pub mod fan_out;
#[path = "integrator.rs"]
pub mod integrator;
#[path = "web_assets.rs"]
pub mod web_assets;
#[path = "wire.rs"]
pub mod wire;

/// What the HTTP server needs besides the database.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Address to bind; port 0 picks a free one.
    pub bind: String,
    /// Token-signing secret.
    pub jwt_secret: Vec<u8>,
    /// Reference code prefix.
    pub reference_prefix: String,
    /// Folder of the web app; empty: the app embedded in the binary.
    pub web_dir: PathBuf,
    /// Worker threads (default: one per core).
    pub workers: Option<usize>,
    /// Request-rate limits.
    pub rate_limits: RateLimits,
    /// Connection limits and the body timeout.
    pub connections: ConnectionLimits,
    /// How often a proposal's authors may edit it.
    pub edit_limits: EditLimits,
    /// The public body that publishes the site.
    pub owner: Owner,
    /// Its logo.
    pub logo: Option<Logo>,
    /// The transparency log's signing key.
    pub log_signer: Arc<LogSigner>,
    /// How the site sends e-mail; `None`: it sends none.
    pub mail: Option<MailOptions>,
    /// How long an account waits between its deletion request and its
    /// erasure (`EMENDA_ACCOUNT_DELETION_GRACE`).
    pub deletion_grace: chrono::Duration,
}

/// The process's soft limit on open files, where the system says
/// (`/proc/self/limits` on Linux); `None` elsewhere.
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|line| line.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// The connection limits, with the total lowered to leave room under the
/// open-file limit for the database pool, the log and the web app's files:
/// past it, accepting fails and nobody gets an answer at all.
fn fitted_limits(mut limits: ConnectionLimits, reserved: usize) -> ConnectionLimits {
    if let Some(files) = open_file_limit() {
        let room = files.saturating_sub(reserved).max(1);
        if limits.total == 0 || limits.total > room {
            tracing::warn!(
                configured = limits.total,
                open_file_limit = files,
                lowered_to = room,
                "EMENDA_MAX_CONNECTIONS lowered to fit the open-file limit (raise `ulimit -n` to allow more)"
            );
            limits.total = room;
        }
    }
    limits
}

/// Returns the request id that every log line of the request carries as
/// `x-request-id`, so a citizen's error report can be matched to the logs.
fn echo_request_id<S>(
    req: ServiceRequest,
    service: &S,
) -> impl std::future::Future<Output = Result<ServiceResponse, actix_web::Error>>
where
    S: actix_web::dev::Service<ServiceRequest, Response = ServiceResponse, Error = actix_web::Error>,
{
    let id = req.extensions().get::<RequestId>().map(ToString::to_string);
    let response = service.call(req);
    async move {
        let mut response = response.await?;
        if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
            response.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
        }
        Ok(response)
    }
}

/// The request span: every field of the one log line a request writes
/// (method, path, status, request id, timing, and for errors the problem
/// as `exception.message`). The route pattern (`/proposals/{id}`) is left
/// out: finding it walks every route's pattern again after routing, and a
/// profile of the proposal page under load put that walk at 7 % of the
/// server's time; the path says more and costs nothing.
pub struct RequestSpan;

/// A request's target as the log keeps it: the value of a `token`
/// parameter (an unsubscribe link's, a data export's) is left out, so a
/// copy of the logs stops nobody's letters and downloads nobody's data.
/// The name is matched as the server reads it: `%74oken` is `token` too.
pub fn loggable_target(target: &str) -> std::borrow::Cow<'_, str> {
    let Some((path, query)) = target.split_once('?') else { return target.into() };
    let is_token = |pair: &str| percent_decoded(pair.split('=').next().unwrap_or_default()) == "token";
    if !query.split('&').any(is_token) {
        return target.into();
    }
    let kept: Vec<&str> = query.split('&').map(|pair| if is_token(pair) { "token=[redacted]" } else { pair }).collect();
    format!("{path}?{}", kept.join("&")).into()
}

/// `%XX` escapes and `+` decoded, as a query parameter's name is read.
fn percent_decoded(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let request_id = request.extensions().get::<RequestId>().copied();
        let user_agent =
            request.headers().get(actix_web::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
        let connection = request.connection_info();
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.target = %loggable_target(request.uri().path_and_query().map_or("", |p| p.as_str())),
            http.flavor = ?request.version(),
            http.client_ip = %connection.realip_remote_addr().unwrap_or(""),
            http.user_agent = %user_agent,
            request_id = %request_id.map(|id| id.to_string()).unwrap_or_default(),
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, actix_web::Error>) {
        let status = match outcome {
            Ok(response) => response.status(),
            Err(error) => error.as_response_error().status_code(),
        };
        span.record("http.status_code", status.as_u16());
        span.record("otel.status_code", if status.is_server_error() { "ERROR" } else { "OK" });
    }
}

/// Keeps each request to one log line: the logger writes an extra event,
/// with a `Debug` dump of the error, for every response that carries an
/// error. Here the error's message goes onto the request's span instead
/// and the response is passed on without the error attached (its status,
/// headers and body unchanged). The request must not be cloned before the
/// call: routing needs it unshared.
fn errors_on_the_request_line<S, B>(
    req: ServiceRequest,
    service: &S,
) -> impl std::future::Future<Output = Result<ServiceResponse, actix_web::Error>>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody + 'static,
{
    let response = service.call(req);
    async move {
        let response = response.await?.map_into_boxed_body();
        let Some(error) = response.response().error() else { return Ok(response) };
        Span::current().record("exception.message", tracing::field::display(error));
        let (request, response) = response.into_parts();
        let response: Response<_> = response.into();
        Ok(ServiceResponse::new(request, HttpResponse::from(response)))
    }
}

/// Headers that make browsers refuse to sniff types, frame the app or load
/// anything from elsewhere: the app and the API are one origin.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'",
        ))
}

/// Builds every service over `database`, with the default rate limits.
pub fn state(database: Database, jwt_secret: &[u8], reference_prefix: &str, log_signer: Arc<LogSigner>) -> AppState {
    state_with_limits(
        database,
        jwt_secret,
        reference_prefix,
        RateLimits::default(),
        EditLimits::default(),
        log_signer,
        AuthSettings::default(),
    )
}

/// Builds every service over `database`, its accounts with `settings`.
pub fn state_with_limits(
    database: Database,
    jwt_secret: &[u8],
    reference_prefix: &str,
    limits: RateLimits,
    edit_limits: EditLimits,
    log_signer: Arc<LogSigner>,
    settings: AuthSettings,
) -> AppState {
    // A site that sends e-mail asks people to confirm their address
    // before they write; one that does not cannot.
    let database = database.requiring_confirmed_email(settings.mail.is_some());
    let accounts = AccountService::new(database.context(), JwtKeys::from_secret(jwt_secret), settings);
    AppState::new(database, accounts, reference_prefix, limits, edit_limits, emenda_api::routes::table(), log_signer)
}

/// Binds the server; returns it (to be awaited) and the address it got.
pub fn server(database: Database, options: &ServerOptions) -> std::io::Result<(Server, SocketAddr)> {
    // Database work runs on each worker's blocking threads, and no more of
    // it can run at once than the pool has connections: threads beyond
    // that only wait for one, each holding its stack and a malloc arena.
    // So the threads are sized by the pool, and the rest queue as tasks.
    let workers = options.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool_size = database.max_connections();
    let blocking_threads = usize::try_from(pool_size).unwrap_or(usize::MAX).div_ceil(workers).max(2);
    let state = state_with_limits(
        database,
        &options.jwt_secret,
        &options.reference_prefix,
        options.rate_limits,
        options.edit_limits,
        options.log_signer.clone(),
        AuthSettings {
            mail: options.mail.as_ref().map(MailOptions::site),
            deletion_grace: options.deletion_grace,
            ..AuthSettings::default()
        },
    )
    .with_owner(options.owner.clone(), options.logo.clone());
    if let Some(mail) = &options.mail {
        crate::mail::spawn(state.outbox.clone(), mail).map_err(|e| std::io::Error::other(format!("{e:#}")))?;
    }
    // The log has a signed checkpoint before the first request, and every
    // record written before it existed is in it.
    let sequenced = state.log.start().map_err(|e| std::io::Error::other(format!("integrating the log: {e}")))?;
    if sequenced > 0 {
        tracing::info!(sequenced, "transparency log entries sequenced at start");
    }
    integrator::spawn(state.log.clone());
    fan_out::spawn(state.accounts.clone(), options.mail.as_ref().map(|m| m.digest_interval));
    erasure::spawn(state.accounts.clone(), state.erasure.clone(), options.deletion_grace);
    // Proposals without search terms (from before search, or loaded in
    // bulk) are indexed before the first request can look for them.
    let indexed = emenda_participation::search::index_missing(&state.database.context())
        .map_err(|e| std::io::Error::other(format!("indexing proposals for search: {e}")))?;
    if indexed > 0 {
        tracing::info!(indexed, "proposals indexed for search");
    }
    // The site's own pages exist from the first start (their shipped text
    // as version 1), so sign-up always has a privacy notice to accept.
    state.pages.ensure_shipped_texts().map_err(|e| std::io::Error::other(format!("writing the site's pages: {e}")))?;
    let state = web::Data::new(state);
    let web_dir = options.web_dir.clone();
    let reserved = usize::try_from(pool_size).unwrap_or(usize::MAX).saturating_add(64);
    let limits = fitted_limits(options.connections, reserved);
    if options.rate_limits.trust_proxy_headers && limits.per_address > 0 {
        tracing::warn!(
            per_address = limits.per_address,
            "behind a proxy every connection comes from the proxy's address: the per-address connection limit \
             applies to the proxy (set EMENDA_MAX_CONNECTIONS_PER_ADDRESS=0 and limit clients in the proxy)"
        );
    }
    let tracker = ConnectionTracker::new(limits);
    let app = move || {
        let app = App::new()
            .wrap_fn(emenda_api::http::head_as_get)
            .wrap(actix_web::middleware::from_fn(emenda_api::compression::compress_answers))
            .wrap(security_headers())
            .wrap_fn(errors_on_the_request_line)
            .wrap_fn(echo_request_id)
            .wrap(TracingLogger::<RequestSpan>::new())
            .app_data(state.clone())
            .app_data(web::Data::from(state.limiters.clone()))
            .app_data(limits)
            .configure(emenda_api::configure);
        // The app built into the binary, or the folder given to serve.
        let files = if web_dir.as_os_str().is_empty() {
            web_assets::WebFiles::Embedded
        } else {
            web_assets::WebFiles::Folder(web_dir.clone())
        };
        app.app_data(web::Data::new(files)).default_service(web::to(
            |files: web::Data<web_assets::WebFiles>, request: HttpRequest| async move {
                let state = request.app_data::<web::Data<AppState>>().cloned();
                crate::public_pages::serve(&files, state, &request).await
            },
        ))
    };
    let listener = std::net::TcpListener::bind(&options.bind)?;
    let address = listener.local_addr()?;
    // actix-web's `HttpServer`, assembled by hand for one difference: each
    // accepted socket is wrapped (`wire::ProblemSocket`) so that even the
    // HTTP parser's own refusals answer in problem+json. The timeouts are
    // actix-web's defaults: a request head within 5 s, an idle kept-alive
    // connection closed after 5 s, a refused connection's input drained for
    // up to 1 s before it closes.
    let server = actix_server::Server::build()
        .workers(workers)
        .worker_max_blocking_threads(blocking_threads)
        .shutdown_timeout(10)
        .listen("emenda", listener, move || {
            let tracker = tracker.clone();
            let factory = app().into_factory().map_err(|error: actix_web::Error| error.error_response());
            let http = HttpService::build()
                .keep_alive(Duration::from_secs(5))
                .client_request_timeout(Duration::from_secs(5))
                // Before closing a connection whose body was refused unread,
                // read and drop the rest for up to a second, so the client
                // gets the answer rather than a reset (`HttpServer`'s default).
                .client_disconnect_timeout(Duration::from_secs(1))
                .local_addr(address)
                .on_connect_ext(move |io: &ProblemSocket, extensions: &mut Extensions| {
                    if let Some(socket) = io.socket() {
                        tracker.on_connect(socket, extensions);
                    }
                })
                .h1(map_config(factory, move |()| AppConfig::default()));
            fn_service(|stream: TcpStream| async move {
                let peer = stream.peer_addr().ok();
                Ok::<_, DispatchError>((ProblemSocket::new(stream), peer))
            })
            .and_then(http)
        })?
        .run();
    Ok((server, address))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::StatusCode;
    use actix_web::test;
    use emenda_api::problem::ApiError;
    use std::sync::{Arc, Mutex};
    use tracing_subscriber::fmt::format::FmtSpan;

    /// Log output kept in memory.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[actix_web::test]
    async fn a_client_error_is_one_log_line_without_a_debug_dump() {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_span_events(FmtSpan::CLOSE)
            .with_ansi(false)
            .finish();
        let _default = tracing::subscriber::set_default(subscriber);
        let app = test::init_service(
            App::new().wrap_fn(errors_on_the_request_line).wrap(TracingLogger::<RequestSpan>::new()).route(
                "/missing",
                web::get().to(|| async {
                    Err::<HttpResponse, _>(ApiError::new(emenda_domain::ErrorCode::NotFound, "nothing here"))
                }),
            ),
        )
        .await;
        let response = test::call_service(&app, test::TestRequest::get().uri("/missing").to_request()).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let body = test::read_body(response).await;
        assert!(String::from_utf8_lossy(&body).contains("\"code\":\"not_found\""), "the problem body is unchanged");
        let text = String::from_utf8(captured.0.lock().expect("log buffer").clone()).expect("utf-8 logs");
        assert_eq!(text.lines().count(), 1, "one line per request: {text}");
        assert!(text.contains("http.status_code=404") && text.contains("404 not_found: nothing here"), "{text}");
        assert!(!text.contains("ApiError"), "no Debug dump of the error: {text}");
    }
}

#[cfg(test)]
mod target_tests {
    use super::loggable_target;

    #[test]
    fn tokens_never_reach_the_log() {
        assert_eq!(loggable_target("/api/v1/proposals?limit=2"), "/api/v1/proposals?limit=2");
        assert_eq!(
            loggable_target("/api/v1/notifications/unsubscribe?token=eyJ.secret.sig&x=1"),
            "/api/v1/notifications/unsubscribe?token=[redacted]&x=1"
        );
        assert_eq!(loggable_target("/a?mytoken=1"), "/a?mytoken=1");
        // The name as the server decodes it.
        assert_eq!(loggable_target("/api/v1/exports/archive?%74oken=abc"), "/api/v1/exports/archive?token=[redacted]");
        assert_eq!(
            loggable_target("/api/v1/exports/archive?t%6Fken=abc&b=2"),
            "/api/v1/exports/archive?token=[redacted]&b=2"
        );
        assert_eq!(loggable_target("/a?%7=1"), "/a?%7=1");
    }
}
