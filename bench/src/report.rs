//! `emenda-bench report`: turns the per-run lines `bench/run` collected
//! (one wrk summary per scenario and connection count) into
//! `latest.json` and `latest.md`, with each figure's ratio to its baseline
//! from the same run, and refuses (exit status) a run where the harness
//! itself broke: a scenario without a single successful response.

use anyhow::{ensure, Context};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Where the runs are and where the report goes.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportOptions {
    /// One JSON object per line, as `bench/run` writes them.
    #[arg(long)]
    pub runs: PathBuf,
    /// Facts about the whole run (backend, sizes, peak RSS), a JSON object.
    #[arg(long)]
    pub meta: PathBuf,
    /// The JSON report to write.
    #[arg(long)]
    pub json: PathBuf,
    /// The Markdown report to write.
    #[arg(long)]
    pub markdown: PathBuf,
}

/// What the wrk script's `done()` prints for one run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Measured {
    /// Responses received, whatever their status.
    pub requests: u64,
    /// Responses with a 2xx status.
    pub ok: u64,
    /// Responses with another status, by status.
    #[serde(default)]
    pub non_2xx: BTreeMap<String, u64>,
    /// Socket errors (connect, read, write, timeout), by kind.
    #[serde(default)]
    pub socket_errors: BTreeMap<String, u64>,
    /// Seconds the run lasted.
    pub duration_s: f64,
    /// Successful responses per second.
    pub rps: f64,
    /// Median latency, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency, milliseconds.
    pub p99_ms: f64,
}

/// One scenario at one connection count.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Run {
    /// Scenario name, e.g. `get_proposal`.
    pub scenario: String,
    /// `read`, `write`, `tile` or `bundle` for Emenda's scenarios; `bare`,
    /// `insert`, `static_tile` and `static_bundle` for the baselines.
    pub kind: String,
    /// Concurrent connections.
    pub connections: u32,
    /// What wrk measured.
    pub measured: Measured,
    /// Filled in by the report: this run's req/s over its baseline's at
    /// the same connection count (reads: the bare handler; writes: the
    /// raw insert; a log tile or bundle: the same bytes as a static file).
    #[serde(default)]
    pub ratio: Option<f64>,
}

impl Run {
    fn failed(&self) -> bool {
        self.measured.ok == 0
    }

    fn noisy(&self) -> bool {
        !self.measured.non_2xx.is_empty() || self.measured.socket_errors.values().any(|n| *n > 0)
    }
}

/// Computes each run's ratio to its baseline at the same connection count.
pub fn add_ratios(runs: &mut [Run]) {
    let baseline = |runs: &[Run], kind: &str, connections: u32| {
        runs.iter().find(|r| r.kind == kind && r.connections == connections && !r.failed()).map(|r| r.measured.rps)
    };
    let ratios: Vec<Option<f64>> = runs
        .iter()
        .map(|run| {
            let against = match run.kind.as_str() {
                "read" => baseline(runs, "bare", run.connections),
                "write" => baseline(runs, "insert", run.connections),
                "tile" => baseline(runs, "static_tile", run.connections),
                "bundle" => baseline(runs, "static_bundle", run.connections),
                _ => None,
            };
            against.filter(|b| *b > 0.0).map(|b| run.measured.rps / b)
        })
        .collect();
    for (run, ratio) in runs.iter_mut().zip(ratios) {
        run.ratio = ratio;
    }
}

fn statuses(map: &BTreeMap<String, u64>) -> String {
    map.iter().filter(|(_, n)| **n > 0).map(|(k, n)| format!("{k}: {n}")).collect::<Vec<_>>().join(", ")
}

/// The Markdown table of every run, then the warnings.
pub fn markdown(meta: &serde_json::Value, runs: &[Run]) -> String {
    let mut out = String::new();
    let backend = meta.get("backend").and_then(|b| b.as_str()).unwrap_or("?");
    let _ = writeln!(out, "# Emenda load run ({backend})\n");
    for key in [
        "date",
        "commit",
        "machine",
        "proposals",
        "duration_s",
        "quick",
        "server_peak_rss_mb",
        "baseline_peak_rss_mb",
        "counters_exact_after_load",
        "list_deep_offset",
        "log_delays",
        "fan_out",
    ] {
        if let Some(value) = meta.get(key) {
            let _ = writeln!(out, "- {key}: {value}");
        }
    }
    let _ = writeln!(
        out,
        "\n| scenario | conn | req/s | ratio to baseline | p50 ms | p99 ms | non-2xx / errors |\n|---|---|---|---|---|---|---|"
    );
    for run in runs {
        let m = &run.measured;
        let ratio = match (run.kind.as_str(), run.ratio) {
            ("bare" | "insert" | "static_tile" | "static_bundle", _) => "baseline".to_owned(),
            (_, Some(r)) => format!("{:.1} %", r * 100.0),
            (_, None) => "n/a".to_owned(),
        };
        let mut problems = statuses(&m.non_2xx);
        let errors = statuses(&m.socket_errors);
        if !errors.is_empty() {
            problems = if problems.is_empty() { errors } else { format!("{problems}; {errors}") };
        }
        let _ = writeln!(
            out,
            "| {} | {} | {:.0} | {} | {:.2} | {:.2} | {} |",
            run.scenario,
            run.connections,
            m.rps,
            ratio,
            m.p50_ms,
            m.p99_ms,
            if problems.is_empty() { "0".to_owned() } else { problems }
        );
    }
    let noisy: Vec<&Run> = runs.iter().filter(|r| r.noisy()).collect();
    if !noisy.is_empty() {
        let _ = writeln!(
            out,
            "\n**Warning: some responses were not 2xx.** req/s counts 2xx responses only; latencies cover all.\n"
        );
        for run in noisy {
            let _ = writeln!(
                out,
                "- {} at {} connections: {} of {} responses not 2xx ({}) {}",
                run.scenario,
                run.connections,
                run.measured.requests - run.measured.ok,
                run.measured.requests,
                statuses(&run.measured.non_2xx),
                statuses(&run.measured.socket_errors)
            );
        }
    }
    let failed: Vec<&Run> = runs.iter().filter(|r| r.failed()).collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\n**FAILED: no successful response at all** (the harness is broken):\n");
        for run in failed {
            let _ = writeln!(out, "- {} at {} connections", run.scenario, run.connections);
        }
    }
    out
}

/// Writes both reports; fails when a run has no successful response.
pub fn report(options: &ReportOptions) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&options.runs).with_context(|| format!("reading {}", options.runs.display()))?;
    let mut runs = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        runs.push(serde_json::from_str::<Run>(line).with_context(|| format!("line {} of the runs", n + 1))?);
    }
    ensure!(!runs.is_empty(), "no run was recorded");
    add_ratios(&mut runs);
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&options.meta).with_context(|| format!("reading {}", options.meta.display()))?,
    )?;
    let json = serde_json::json!({ "meta": meta, "runs": runs });
    std::fs::write(&options.json, serde_json::to_string_pretty(&json)?)?;
    let md = markdown(&meta, &runs);
    std::fs::write(&options.markdown, &md)?;
    print!("{md}");
    let failed = runs.iter().filter(|r| r.failed()).count();
    ensure!(failed == 0, "{failed} scenario runs had no successful response");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(scenario: &str, kind: &str, connections: u32, ok: u64, rps: f64) -> Run {
        Run {
            scenario: scenario.to_owned(),
            kind: kind.to_owned(),
            connections,
            measured: Measured {
                requests: ok,
                ok,
                non_2xx: BTreeMap::new(),
                socket_errors: BTreeMap::new(),
                duration_s: 1.0,
                rps,
                p50_ms: 1.0,
                p99_ms: 2.0,
            },
            ratio: None,
        }
    }

    #[test]
    fn ratios_use_the_baseline_of_the_same_kind_and_connections() {
        let mut runs = vec![
            run("bare", "bare", 16, 10, 1000.0),
            run("bare", "bare", 64, 10, 2000.0),
            run("insert", "insert", 64, 10, 400.0),
            run("get", "read", 64, 10, 500.0),
            run("support", "write", 64, 10, 100.0),
            run("get", "read", 1, 10, 50.0),
            run("static_tile", "static_tile", 64, 10, 800.0),
            run("log_tile", "tile", 64, 10, 1200.0),
            run("log_bundle", "bundle", 64, 10, 300.0),
        ];
        add_ratios(&mut runs);
        assert_eq!(runs[3].ratio, Some(0.25));
        assert_eq!(runs[4].ratio, Some(0.25));
        assert_eq!(runs[5].ratio, None);
        assert_eq!(runs[7].ratio, Some(1.5), "a tile is measured against the same bytes as a static file");
        assert_eq!(runs[8].ratio, None, "no static bundle was run");
    }

    #[test]
    fn non_2xx_and_failures_are_spelled_out() {
        let mut noisy = run("edit", "write", 16, 5, 5.0);
        noisy.measured.requests = 8;
        noisy.measured.non_2xx.insert("409".to_owned(), 3);
        let md = markdown(&serde_json::json!({"backend": "sqlite"}), &[noisy, run("list", "read", 16, 0, 0.0)]);
        assert!(md.contains("409: 3"), "{md}");
        assert!(md.contains("3 of 8 responses not 2xx"), "{md}");
        assert!(md.contains("FAILED") && md.contains("- list at 16 connections"), "{md}");
    }
}
