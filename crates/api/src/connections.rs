//! Limits on connections and on how long a request body may take to
//! arrive, so that clients who open connections and then stall (a body
//! shorter than its `Content-Length`, thousands of idle sockets) cannot
//! exhaust the server's file handles while others wait.
//!
//! Three bounds, each answered in words rather than by a silent refusal:
//! - at most `per_address` open connections from one client address: the
//!   next one is answered `429 rate_limited` at once and closed;
//! - at most `total` open connections: the next one is answered
//!   `503 overloaded` at once and closed;
//! - a request body must arrive within `body_timeout`: otherwise the
//!   request fails with `408 request_timeout` and its connection closes.
//!
//! Request heads have their own deadline in actix-web
//! (`client_request_timeout`, 5 s), and idle keep-alive connections theirs
//! (5 s). One case has none: a chunked body sent to a route that never
//! reads it is drained by actix-http with no timer, so such a connection
//! is bounded only by the per-address count.
//! Counting happens when a connection is accepted, before a byte of it is
//! read; a refused connection holds its file handle only for the time it
//! takes to write one short answer. The counts are per instance.

use crate::problem::ApiError;
use actix_web::body::MessageBody;
use actix_web::dev::{Extensions, Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::HttpMessage;
use emenda_domain::sign_in::client_network;
use emenda_domain::ErrorCode;
use futures_core::Stream;
use parking_lot::Mutex;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, Shutdown};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// How many connections the server keeps open, and how long a body may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Open connections from one client address; 0 = no limit (behind a
    /// proxy every client shares the proxy's address, and the proxy is
    /// where this limit belongs).
    pub per_address: usize,
    /// Open connections in all; 0 = no limit. Keep it under the process's
    /// open-file limit, which the database pool and files share.
    pub total: usize,
    /// How long a request body may take to arrive, from the end of its head.
    pub body_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self { per_address: 256, total: 8_000, body_timeout: Duration::from_secs(10) }
    }
}

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Its address already holds `per_address` connections.
    PerAddress,
    /// The server already holds `total` connections.
    Total,
}

#[derive(Debug, Default)]
struct Counts {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// Counts the open connections, in all and per client address.
#[derive(Debug)]
pub struct ConnectionTracker {
    limits: ConnectionLimits,
    counts: Mutex<Counts>,
    refused: AtomicU64,
    last_report: Mutex<Option<Instant>>,
}

/// One admitted connection: its place is given back when the connection
/// closes (actix-web drops the connection's extensions then).
#[derive(Debug)]
pub struct ConnectionSlot {
    tracker: Arc<ConnectionTracker>,
    address: IpAddr,
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut counts = self.tracker.counts.lock();
        counts.total = counts.total.saturating_sub(1);
        if let Some(n) = counts.by_address.get_mut(&self.address) {
            *n -= 1;
            if *n == 0 {
                counts.by_address.remove(&self.address);
            }
        }
    }
}

impl ConnectionTracker {
    /// A tracker enforcing `limits`.
    pub fn new(limits: ConnectionLimits) -> Arc<Self> {
        Arc::new(Self { limits, counts: Mutex::default(), refused: AtomicU64::new(0), last_report: Mutex::new(None) })
    }

    /// The limits in force.
    pub fn limits(&self) -> ConnectionLimits {
        self.limits
    }

    /// Takes a place for a new connection from `address`, or says why not.
    pub fn admit(self: &Arc<Self>, address: IpAddr) -> Result<ConnectionSlot, Refusal> {
        let mut counts = self.counts.lock();
        if self.limits.total > 0 && counts.total >= self.limits.total {
            return Err(Refusal::Total);
        }
        let held = counts.by_address.get(&address).copied().unwrap_or(0);
        if self.limits.per_address > 0 && held >= self.limits.per_address {
            return Err(Refusal::PerAddress);
        }
        counts.total += 1;
        *counts.by_address.entry(address).or_insert(0) += 1;
        Ok(ConnectionSlot { tracker: self.clone(), address })
    }

    /// Open connections now: in all, and from `address`.
    pub fn open(&self, address: IpAddr) -> (usize, usize) {
        let counts = self.counts.lock();
        (counts.total, counts.by_address.get(&address).copied().unwrap_or(0))
    }

    /// actix-web's `on_connect` hook: admits the connection (its slot rides
    /// in the connection's extensions until it closes) or answers the
    /// refusal on the socket and shuts it, before any of it is read.
    pub fn on_connect(self: &Arc<Self>, connection: &dyn Any, extensions: &mut Extensions) {
        let Some(stream) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() else {
            tracing::warn!("a connection of an unknown kind is not counted against the connection limits");
            return;
        };
        let Ok(peer) = stream.peer_addr() else { return };
        // An IPv6 client holds a whole /64: counted as one.
        let address = client_network(peer.ip());
        match self.admit(address) {
            Ok(slot) => {
                extensions.insert(slot);
            }
            Err(refusal) => {
                // Written straight to the socket (the runtime has not yet
                // learnt it is writable): a fresh socket's send buffer is
                // empty, so the short answer fits at once, or the client
                // is gone anyway.
                let socket = socket2::SockRef::from(stream);
                let _ = socket.send(&refusal_response(refusal));
                let _ = socket.shutdown(Shutdown::Both);
                self.report(refusal, address);
            }
        }
    }

    /// One warning a second at most, with how many were refused since the
    /// last one: an attacker must not be able to flood the log instead.
    fn report(&self, refusal: Refusal, address: IpAddr) {
        let refused = self.refused.fetch_add(1, Ordering::Relaxed) + 1;
        let mut last = self.last_report.lock();
        let now = Instant::now();
        if last.is_some_and(|at| now.duration_since(at) < Duration::from_secs(1)) {
            return;
        }
        *last = Some(now);
        self.refused.store(0, Ordering::Relaxed);
        let (total, from_address) = self.open(address);
        tracing::warn!(
            ?refusal,
            %address,
            refused,
            open = total,
            open_from_address = from_address,
            limit_total = self.limits.total,
            limit_per_address = self.limits.per_address,
            "connections refused: over the connection limit"
        );
    }
}

/// The whole HTTP answer to a refused connection: problem+json, like every
/// other refusal, with `Connection: close`.
fn refusal_response(refusal: Refusal) -> Vec<u8> {
    let (error, status_line, retry_after) = match refusal {
        Refusal::PerAddress => (
            ApiError::rate_limited(5).with_detail("too many open connections from this address; close some and retry"),
            "429 Too Many Requests",
            5,
        ),
        Refusal::Total => (
            ApiError::new(ErrorCode::Overloaded, "the server holds all the connections it can; try again shortly"),
            "503 Service Unavailable",
            5,
        ),
    };
    let body = error.problem_json();
    format!(
        "HTTP/1.1 {status_line}\r\ncontent-type: application/problem+json\r\nretry-after: {retry_after}\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Middleware: the request body must arrive within the body timeout. A body
/// that stalls fails the request's body extraction with `408
/// request_timeout` (mapped where the body is read), and actix-web closes
/// the connection, since the rest of the body was never read.
pub async fn bound_body_time(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let timeout = req.app_data::<ConnectionLimits>().copied().unwrap_or_default().body_timeout;
    let payload = req.take_payload();
    let bounded: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> =
        Box::pin(DeadlinePayload { inner: payload, timeout, deadline: None, expired: false });
    req.set_payload(Payload::from(bounded));
    next.call(req).await
}

/// A request body that fails with `TimedOut` once its deadline passes. The
/// clock starts when the body is first read, so time the request spent
/// waiting (for a database connection to check its token, say) is not
/// charged to the client.
struct DeadlinePayload {
    inner: Payload,
    timeout: Duration,
    deadline: Option<Pin<Box<actix_web::rt::time::Sleep>>>,
    expired: bool,
}

impl Stream for DeadlinePayload {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.expired {
            return Poll::Ready(None);
        }
        if let Poll::Ready(item) = Pin::new(&mut self.inner).poll_next(cx) {
            return Poll::Ready(item);
        }
        let timeout = self.timeout;
        let deadline = self.deadline.get_or_insert_with(|| Box::pin(actix_web::rt::time::sleep(timeout)));
        if deadline.as_mut().poll(cx).is_ready() {
            self.expired = true;
            let error = std::io::Error::new(std::io::ErrorKind::TimedOut, "the request body did not arrive in time");
            return Poll::Ready(Some(Err(PayloadError::Io(error))));
        }
        Poll::Pending
    }
}

/// Whether a body-read error is the body timeout's.
pub fn is_body_timeout(error: &PayloadError) -> bool {
    matches!(error, PayloadError::Io(e) if e.kind() == std::io::ErrorKind::TimedOut)
}

/// The answer to a body that did not arrive in time.
pub fn body_timeout_error() -> ApiError {
    ApiError::new(ErrorCode::RequestTimeout, "the request body did not arrive in time")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_counted_per_address_and_in_all_and_given_back() {
        let tracker = ConnectionTracker::new(ConnectionLimits { per_address: 2, total: 3, ..Default::default() });
        let (a, b): (IpAddr, IpAddr) =
            ("127.0.0.2".parse().unwrap_or(IpAddr::from([0; 4])), IpAddr::from([127, 0, 0, 3]));
        let first = tracker.admit(a).expect("first");
        let _second = tracker.admit(a).expect("second");
        assert_eq!(tracker.admit(a).err(), Some(Refusal::PerAddress));
        let _third = tracker.admit(b).expect("another address");
        assert_eq!(tracker.admit(b).err(), Some(Refusal::Total));
        drop(first);
        assert_eq!(tracker.open(a), (2, 1));
        assert!(tracker.admit(a).is_ok(), "a closed connection gives its place back");
    }

    #[test]
    fn zero_means_no_limit() {
        let tracker = ConnectionTracker::new(ConnectionLimits { per_address: 0, total: 0, ..Default::default() });
        let slots: Vec<_> = (0..1000).map(|_| tracker.admit(IpAddr::from([10, 0, 0, 1]))).collect();
        assert!(slots.iter().all(Result::is_ok));
    }

    #[test]
    fn refusals_are_whole_problem_responses() {
        let text = String::from_utf8(refusal_response(Refusal::PerAddress)).expect("ascii");
        let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
        assert!(head.starts_with("HTTP/1.1 429 ") && head.contains("retry-after: 5"), "{head}");
        assert!(head.contains(&format!("content-length: {}", body.len())), "{head}");
        let problem: serde_json::Value = serde_json::from_str(body).expect("json");
        assert_eq!(problem["code"], "rate_limited");
        let text = String::from_utf8(refusal_response(Refusal::Total)).expect("ascii");
        assert!(text.starts_with("HTTP/1.1 503 ") && text.contains("\"code\":\"overloaded\""), "{text}");
    }
}
