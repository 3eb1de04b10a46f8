//! `emenda-bench`: the load harness's own binary (see `bench/README.md`).
//! It fills a database fast, serves the bare baselines Emenda is compared
//! with, and writes the report; `bench/run` drives the load with wrk.

mod baseline;
mod fan_out;
mod fill;
mod log_delays;
mod report;
mod text;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "emenda-bench", about = "Load harness for Emenda")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create, migrate and fill a database with a realistic data set.
    Fill(fill::FillOptions),
    /// Serve the baselines: a bare JSON handler and a raw single-row insert.
    Baseline(baseline::BaselineOptions),
    /// Write latest.json and latest.md from the recorded runs.
    Report(report::ReportOptions),
    /// How long entries written since an instant waited for a signed
    /// checkpoint of the transparency log.
    LogDelays(log_delays::LogDelayOptions),
    /// How long the notifications of edits of a much-followed proposal
    /// took to be written, and how many a second.
    FanOut(fan_out::FanOutOptions),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Fill(options) => {
            let manifest = fill::fill(&options)?;
            let c = &manifest.counts;
            println!(
                "filled {} in {:.1} s (recount {:.1} s, every counter equals its rows): {} users, {} proposals, {} versions ({} MB of text), {} supports, {} comments, {} amendments, {} follows of one proposal",
                manifest.backend,
                manifest.fill_seconds,
                manifest.recount_seconds,
                c.users,
                c.proposals,
                c.versions,
                c.version_bytes / 1_000_000,
                c.supports,
                c.comments,
                c.amendments,
                c.follows
            );
        }
        Command::Baseline(options) => baseline::serve(&options)?,
        Command::Report(options) => report::report(&options)?,
        Command::LogDelays(options) => log_delays::report(&options)?,
        Command::FanOut(options) => fan_out::report(&options)?,
    }
    Ok(())
}
