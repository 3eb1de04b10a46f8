//! Structured logs. `EMENDA_LOG_FORMAT=json` for machines, human-readable
//! otherwise; `RUST_LOG` sets levels (default `info`). One line per request,
//! with its request id; headers (and so tokens) are never logged.

use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls do nothing.
pub fn init() {
    init_with_default("info");
}

/// Like [`init`], with `default_filter` where `RUST_LOG` is unset: test
/// servers log warnings and errors only, so that a failing test's output
/// carries the server's side of the story without every request's line.
pub fn init_with_default(default_filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let json = std::env::var("EMENDA_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    // Each request is a span (with its request id, method, route, status);
    // logging spans as they close gives one line per request with its timing.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .with_span_events(FmtSpan::CLOSE);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}
