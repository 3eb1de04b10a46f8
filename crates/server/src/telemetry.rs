//! Structured logs. `EMENDA_LOG_FORMAT=json` for machines, human-readable
//! otherwise; `RUST_LOG` sets levels (default `info`). One line per request,
//! with its request id; headers (and so tokens) are never logged.

use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls do nothing.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
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
