//! Wiring: services over one store, the HTTP server with its middleware,
//! and the single-page app served beside the API.

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, Server, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::DefaultHeaders;
use actix_web::HttpMessage;
use actix_web::{web, App, HttpServer};
use emenda_accounts::{AccountService, AuthSettings, JwtKeys};
use emenda_api::rate_limit::RateLimits;
use emenda_api::AppState;
use emenda_service::ServiceContext;
use emenda_store::Store;
use std::net::SocketAddr;
use std::path::PathBuf;
use tracing_actix_web::{RequestId, TracingLogger};

/// What the HTTP server needs besides the store.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Address to bind; port 0 picks a free one.
    pub bind: String,
    /// Token-signing secret.
    pub jwt_secret: Vec<u8>,
    /// Reference code prefix.
    pub reference_prefix: String,
    /// Folder of the web app.
    pub web_dir: PathBuf,
    /// Worker threads (default: one per core).
    pub workers: Option<usize>,
    /// Request-rate limits.
    pub rate_limits: RateLimits,
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

/// Builds every service over `store`, with the default rate limits.
pub fn state(store: Store, jwt_secret: &[u8], reference_prefix: &str) -> AppState {
    state_with_limits(store, jwt_secret, reference_prefix, RateLimits::default())
}

/// Builds every service over `store`.
pub fn state_with_limits(store: Store, jwt_secret: &[u8], reference_prefix: &str, limits: RateLimits) -> AppState {
    let ctx = ServiceContext::new(store);
    let accounts = AccountService::new(ctx.clone(), JwtKeys::from_secret(jwt_secret), AuthSettings::default());
    AppState::new(ctx, accounts, reference_prefix, limits)
}

/// Binds the server; returns it (to be awaited) and the address it got.
pub fn server(store: Store, options: &ServerOptions) -> std::io::Result<(Server, SocketAddr)> {
    let state =
        web::Data::new(state_with_limits(store, &options.jwt_secret, &options.reference_prefix, options.rate_limits));
    let web_dir = options.web_dir.clone();
    let mut http = HttpServer::new(move || {
        let index = web_dir.join("index.html");
        App::new()
            .wrap(security_headers())
            .wrap_fn(echo_request_id)
            .wrap(TracingLogger::default())
            .app_data(state.clone())
            .configure(emenda_api::configure)
            .service(Files::new("/", web_dir.clone()).index_file("index.html").default_handler(fn_service(
                move |req: ServiceRequest| {
                    // Client-side routes (/proposals/…) get the app's page.
                    let index = index.clone();
                    async move {
                        let (req, _) = req.into_parts();
                        let file = NamedFile::open_async(index).await?;
                        let response = file.into_response(&req);
                        Ok(ServiceResponse::new(req, response))
                    }
                },
            )))
    })
    .shutdown_timeout(10);
    if let Some(workers) = options.workers {
        http = http.workers(workers);
    }
    let http = http.bind(&options.bind)?;
    let address = http.addrs().first().copied().ok_or_else(|| std::io::Error::other("no address bound"))?;
    Ok((http.run(), address))
}
