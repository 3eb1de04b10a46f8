//! Every answer in problem+json, even the few that actix-web's HTTP/1
//! parser writes itself before any of our code runs: a request head over
//! its buffer (431) and a request it cannot parse at all, such as a URI
//! longer than 65,534 bytes (400). It writes those with an empty body and
//! closes the connection. This module wraps each connection's socket and,
//! on the way out, replaces exactly such an empty 400 or 431 with the same
//! status carrying a problem document. Nothing else is touched: every
//! answer our handlers write has a body, so an empty 400/431 can only come
//! from the parser.

use actix_web::rt::net::TcpStream;
use emenda_api::problem::ApiError;
use emenda_domain::ErrorCode;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Sleep};

/// The heads the parser writes for a request it refused, and the problem
/// each becomes. Matched in the lower case actix-web writes headers in.
const PARSER_REFUSALS: [(&[u8], u16); 2] = [
    (b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n", 431),
    (b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n", 400),
];

/// The whole answer that replaces a parser's empty refusal.
fn problem_answer(status: u16) -> Vec<u8> {
    let (code, reason, detail) = match status {
        431 => (
            ErrorCode::RequestHeadTooLarge,
            "Request Header Fields Too Large",
            "the request's head (its address and headers) is larger than the server reads",
        ),
        _ => (
            ErrorCode::MalformedRequest,
            "Bad Request",
            "the request could not be read as HTTP (an address too long, or malformed)",
        ),
    };
    let body = ApiError::new(code, detail).problem_json();
    format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/problem+json\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Where the head that starts at `at` ends (after its blank line).
fn head_end(bytes: &[u8], at: usize) -> Option<usize> {
    memchr::memmem::find(&bytes[at..], b"\r\n\r\n").map(|i| at + i + 4)
}

/// `bytes` with a parser's empty refusal replaced, if it holds one.
fn rewrite(bytes: &[u8]) -> Option<Vec<u8>> {
    PARSER_REFUSALS.iter().find_map(|(head, status)| {
        let at = memchr::memmem::find(bytes, head)?;
        let end = head_end(bytes, at)?;
        let mut out = Vec::with_capacity(bytes.len() + 256);
        out.extend_from_slice(&bytes[..at]);
        out.extend_from_slice(&problem_answer(*status));
        out.extend_from_slice(&bytes[end..]);
        Some(out)
    })
}

/// How long, and for how many bytes, a refused connection is read and
/// discarded after its answer: closing a socket with unread input resets
/// it, and the reset can reach the client before it has read the answer.
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 4 * 1024 * 1024;

/// After a refusal: the rest of the client's request, read and dropped
/// until it stops, so the answer is read before the connection closes.
#[derive(Debug)]
struct Linger {
    deadline: Pin<Box<Sleep>>,
    discarded: usize,
}

/// A connection's socket, with the parser's empty refusals rewritten on
/// their way out. Reads pass through untouched.
#[derive(Debug)]
pub struct ProblemSocket {
    /// Always there, but for the moment a lingering close takes it away.
    inner: Option<TcpStream>,
    /// Bytes accepted from the writer but not yet on the socket: the
    /// rewritten answer, longer than what it replaced.
    pending: Vec<u8>,
    /// Set once a refusal was rewritten: the close lingers.
    linger: Option<Linger>,
    /// The write side was shut (the client has seen the whole answer).
    shut: bool,
}

impl ProblemSocket {
    /// Wraps an accepted connection.
    pub fn new(inner: TcpStream) -> Self {
        Self { inner: Some(inner), pending: Vec::new(), linger: None, shut: false }
    }

    /// Reads and drops what the client still sends, until it closes, the
    /// time runs out or too much came: ready then.
    fn discard_input(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let (Some(linger), Some(inner)) = (self.linger.as_mut(), self.inner.as_mut()) else { return Poll::Ready(()) };
        let mut scratch = [0u8; 8192];
        loop {
            if linger.deadline.as_mut().poll(cx).is_ready() || linger.discarded >= LINGER_BYTES {
                return Poll::Ready(());
            }
            let mut buf = ReadBuf::new(&mut scratch);
            match Pin::new(&mut *inner).poll_read(cx, &mut buf) {
                Poll::Ready(Ok(())) if buf.filled().is_empty() => return Poll::Ready(()),
                Poll::Ready(Ok(())) => linger.discarded += buf.filled().len(),
                Poll::Ready(Err(_)) => return Poll::Ready(()),
                Poll::Pending => return Poll::Pending,
            }
        }
    }

    /// The socket underneath (for the connection's address and limits).
    pub fn socket(&self) -> Option<&TcpStream> {
        self.inner.as_ref()
    }

    /// The socket to read or write; gone only once dropped.
    fn io(&mut self) -> io::Result<Pin<&mut TcpStream>> {
        self.inner.as_mut().map(Pin::new).ok_or_else(|| io::ErrorKind::NotConnected.into())
    }

    /// Writes out what is pending; ready once nothing is.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            let written = self.io()?.poll_write(cx, &pending);
            self.pending = pending;
            let written = ready!(written)?;
            if written == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.pending.drain(..written);
        }
        Poll::Ready(Ok(()))
    }
}

/// actix-web drops a connection whose request it refused as soon as the
/// answer is handed over, without shutting it: the close lingers here
/// instead, on the runtime the connection ran on, so the client reads the
/// answer before the connection goes.
impl Drop for ProblemSocket {
    fn drop(&mut self) {
        if self.linger.is_none() {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        let Some(inner) = self.inner.take() else { return };
        let mut closing = ProblemSocket {
            inner: Some(inner),
            pending: std::mem::take(&mut self.pending),
            linger: self.linger.take(),
            shut: self.shut,
        };
        runtime.spawn(async move {
            let _ = std::future::poll_fn(|cx| Pin::new(&mut closing).poll_shutdown(cx)).await;
            // Done lingering: this drop closes the socket for good.
            drop(closing.linger.take());
        });
    }
}

impl AsyncRead for ProblemSocket {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        self.io()?.poll_read(cx, buf)
    }
}

impl AsyncWrite for ProblemSocket {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        ready!(self.drain(cx))?;
        // A parser refusal is the last thing written on its connection, so
        // it is always whole in one buffer.
        if let Some(rewritten) = rewrite(buf) {
            self.pending = rewritten;
            self.linger = Some(Linger { deadline: Box::pin(sleep(LINGER)), discarded: 0 });
            // The writer's bytes are taken whole; what is left goes out on
            // the next write, flush or shutdown.
            let _ = self.drain(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        self.io()?.poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.drain(cx))?;
        self.io()?.poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.drain(cx))?;
        if !self.shut {
            ready!(self.io()?.poll_shutdown(cx))?;
            self.shut = true;
        }
        ready!(self.discard_input(cx));
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_parsers_empty_refusals_are_rewritten() {
        let refusal = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\ndate: x\r\n\r\n";
        let out = String::from_utf8(rewrite(refusal).expect("rewritten")).expect("text");
        let (head, body) = out.split_once("\r\n\r\n").expect("head and body");
        assert!(head.starts_with("HTTP/1.1 431 ") && head.contains("application/problem+json"), "{head}");
        assert!(head.contains(&format!("content-length: {}", body.len())), "{head}");
        let problem: serde_json::Value = serde_json::from_str(body).expect("json");
        assert_eq!((problem["status"].as_u64(), problem["code"].as_str()), (Some(431), Some("request_head_too_large")));
        let earlier = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}";
        let both = [&earlier[..], b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n"].concat();
        let out = rewrite(&both).expect("rewritten");
        assert!(out.starts_with(earlier), "an answer before the refusal is kept as it was");
        // Our own answers always have a body: they are never touched.
        assert!(rewrite(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 57\r\n\r\n{...}").is_none());
        assert!(rewrite(earlier).is_none());
    }
}
