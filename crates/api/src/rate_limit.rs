//! Request-rate limits, so that one client cannot flood sign-up, sign-in,
//! writes or the reads that cost real work (diffs, merge assessments, chain
//! verifications). Other reads are not limited. Limits are kept per instance (in memory):
//! behind a load balancer each instance enforces them on its share, which
//! bounds the total without any shared state.

use crate::problem::ApiError;
use crate::route_table::{RateClass, RouteTable};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::Payload;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use actix_web::{FromRequest, HttpRequest, ResponseError};
use emenda_accounts::AccountService;
use emenda_domain::sign_in::client_network;
use emenda_domain::ErrorCode;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// How many requests a client may make per minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Sign-up, sign-in and refresh requests per client address.
    pub auth_per_minute: u32,
    /// Other writes (POST, PUT, PATCH, DELETE) per signed-in user, or per
    /// client address for anonymous callers.
    pub writes_per_minute: u32,
    /// Expensive reads (diffs, amendments with their merge assessment,
    /// history and audit verification) per client address.
    pub expensive_reads_per_minute: u32,
    /// Take the client address from `Forwarded`/`X-Forwarded-For` (only
    /// behind a proxy that sets them; anyone can forge them otherwise).
    pub trust_proxy_headers: bool,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            auth_per_minute: 30,
            writes_per_minute: 120,
            expensive_reads_per_minute: 240,
            trust_proxy_headers: false,
        }
    }
}

/// The path as the router sees it: `%XX` escapes decoded, so a client
/// cannot slip past a limit by spelling a path differently
/// (`/api/v1/%61mendments/…` routes like `/api/v1/amendments/…`).
pub(crate) fn decoded_path(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An address as a proxy writes it: bare, with a port, in brackets or
/// quotes (`"[2001:db8::1]:443"`).
fn parse_address(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| text.strip_prefix('[').and_then(|t| t.strip_suffix(']')).and_then(|t| t.parse().ok()))
}

/// The address the nearest proxy received the request from: the LAST
/// `for=` of `Forwarded`, else the last entry of `X-Forwarded-For`. A
/// proxy appends what it saw and keeps whatever the client sent before
/// it, so only the last entry is the proxy's word; the first is the
/// client's, and taking it would let anyone choose their own address (and
/// spend someone else's sign-in budget).
fn nearest_forwarded(req: &HttpRequest) -> Option<IpAddr> {
    let last_value = |name: &str| {
        req.headers().get_all(name).filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).last().map(str::to_owned)
    };
    if let Some(element) = last_value("forwarded") {
        return element
            .split(';')
            .find_map(|pair| pair.trim().strip_prefix("for=").or_else(|| pair.trim().strip_prefix("For=")))
            .and_then(parse_address);
    }
    last_value("x-forwarded-for").as_deref().and_then(parse_address)
}

/// The client's address: the peer, or with `trust_proxy_headers` the
/// address the nearest proxy names (see [`nearest_forwarded`]); then the
/// client's network ([`client_network`]: an IPv6 /64 is one client).
fn client_address(req: &HttpRequest, trust_proxy_headers: bool) -> IpAddr {
    let forwarded = trust_proxy_headers.then(|| nearest_forwarded(req)).flatten();
    let address = forwarded.or_else(|| req.peer_addr().map(|a| a.ip())).unwrap_or(IpAddr::from([0, 0, 0, 0]));
    client_network(address)
}

/// The client's address for a handler, derived as the limiters derive it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl FromRequest for ClientAddress {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(match req.app_data::<web::Data<Limiters>>() {
            Some(limiters) => Ok(ClientAddress(limiters.client_address(req))),
            None => Err(ApiError::new(ErrorCode::InternalError, "no state")),
        })
    }
}

/// The limiters of one instance.
pub struct Limiters {
    settings: RateLimits,
    /// Tells whose token a write carries, to count it against its user.
    accounts: AccountService,
    /// Which class each operation is counted in.
    routes: &'static RouteTable,
    auth: DefaultKeyedRateLimiter<IpAddr>,
    writes: DefaultKeyedRateLimiter<String>,
    expensive_reads: DefaultKeyedRateLimiter<IpAddr>,
}

impl std::fmt::Debug for Limiters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limiters").field("settings", &self.settings).finish_non_exhaustive()
    }
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl Limiters {
    /// Limiters with these settings, counting each request in the class
    /// `routes` gives its operation; `accounts` reads the tokens.
    pub fn new(settings: RateLimits, accounts: AccountService, routes: &'static RouteTable) -> Self {
        Self {
            settings,
            accounts,
            routes,
            auth: RateLimiter::keyed(per_minute(settings.auth_per_minute)),
            writes: RateLimiter::keyed(per_minute(settings.writes_per_minute)),
            expensive_reads: RateLimiter::keyed(per_minute(settings.expensive_reads_per_minute)),
        }
    }

    fn refused(not_until: governor::NotUntil<<DefaultClock as Clock>::Instant>) -> ApiError {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        ApiError::rate_limited(seconds.max(1))
    }

    /// The address a request comes from, as every per-address limit
    /// (these and the sign-in throttling) counts it.
    pub fn client_address(&self, req: &HttpRequest) -> IpAddr {
        client_address(req, self.settings.trust_proxy_headers)
    }

    /// Counts a request as an expensive read, whatever its route's class:
    /// for a route whose cost depends on its parameters (a proposal list
    /// with a search `q`), called by its handler.
    pub fn charge_expensive_read(&self, req: &HttpRequest) -> Result<(), ApiError> {
        self.expensive_reads.check_key(&self.client_address(req)).map_err(Self::refused)
    }

    /// Admits or refuses one request, in the class the route table
    /// gives its operation.
    fn admit(&self, req: &ServiceRequest) -> Result<(), ApiError> {
        let class = self.routes.rate_class(req.method(), &decoded_path(req.path()));
        let address = || self.client_address(req.request());
        match class {
            RateClass::Free => Ok(()),
            RateClass::ExpensiveRead => {
                self.expensive_reads.check_key(&address()).map_err(Self::refused)?;
                if self.expensive_reads.len() > 50_000 {
                    self.expensive_reads.retain_recent();
                }
                Ok(())
            }
            RateClass::Auth => self.auth.check_key(&address()).map_err(Self::refused),
            RateClass::Write => {
                let user = req
                    .headers()
                    .get(actix_web::http::header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split_once(' ').map(|(_, token)| token.trim().to_owned()))
                    .and_then(|token| self.accounts.verify_access_token(&token).ok());
                let key = match user {
                    Some(id) => format!("user:{id}"),
                    None => format!("ip:{}", address()),
                };
                self.writes.check_key(&key).map_err(Self::refused)?;
                // Forget idle clients now and then, so memory stays bounded.
                if self.writes.len() > 50_000 {
                    self.writes.retain_recent();
                    self.auth.retain_recent();
                }
                Ok(())
            }
        }
    }
}

/// Middleware over the API: admits or refuses each request. A refusal is
/// an ordinary response (429 problem+json with `Retry-After`), so it gets
/// the same headers and the same single log line as any other answer.
pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let verdict = match req.app_data::<web::Data<Limiters>>() {
        Some(limiters) => limiters.admit(&req),
        None => Err(ApiError::new(ErrorCode::InternalError, "no state")),
    };
    if let Err(refusal) = verdict {
        return Ok(req.into_response(refusal.error_response()));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_nearest_proxys_word_counts() {
        let peer: std::net::SocketAddr = "192.0.2.9:5000".parse().unwrap_or_else(|_| unreachable!());
        let request = |name: &str, value: &str| {
            actix_web::test::TestRequest::default().insert_header((name, value)).peer_addr(peer).to_http_request()
        };
        let ip = |text: &str| text.parse::<IpAddr>().unwrap_or_else(|_| unreachable!());
        // A client that writes its own header gets it kept in front: ignored.
        let spoofed = request("x-forwarded-for", "203.0.113.5, 198.51.100.7");
        assert_eq!(client_address(&spoofed, true), ip("198.51.100.7"));
        assert_eq!(client_address(&spoofed, false), ip("192.0.2.9"), "headers count only behind a proxy");
        let forwarded = request("forwarded", "for=203.0.113.5, for=\"[2001:db8:1:2:3:4:5:6]:443\";proto=https");
        assert_eq!(client_address(&forwarded, true), ip("2001:db8:1:2::"), "an IPv6 client is its /64");
        assert_eq!(client_address(&request("x-forwarded-for", "not an address"), true), ip("192.0.2.9"));
    }
}
