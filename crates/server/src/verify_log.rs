//! `emenda verify-log`: a witness of a running Emenda's transparency log,
//! from the command line, for citizens, journalists and auditors. It reads
//! the log over HTTP(S) in the c2sp.org formats, checks everything (see
//! `emenda_domain::witness`), and keeps the checkpoint it saw in a state
//! file, so that the next run proves the log only grew since.
//!
//! The state file is two lines of text and a checkpoint: `key <verifier
//! key>`, then the signed checkpoint last seen. The key is pinned there on
//! the first run (trust on first use: compare it with the one the
//! administration publishes, or give it with `--key`).

use anyhow::{bail, Context};
use emenda_domain::witness::{self, LogSource};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// The largest file of the log a witness reads: a full entry bundle of
/// 256 entries at the 64 KiB limit each, with room.
const MAX_FILE: u64 = 20 * 1024 * 1024;

/// The log of a server, read over HTTP(S).
struct HttpLog {
    base: String,
    agent: ureq::Agent,
}

impl LogSource for HttpLog {
    fn fetch(&self, path: &str) -> Result<Vec<u8>, String> {
        let url = format!("{}/log/{path}", self.base);
        let response = self.agent.get(&url).call().map_err(|e| format!("{url}: {e}"))?;
        let mut bytes = Vec::new();
        response.into_reader().take(MAX_FILE).read_to_end(&mut bytes).map_err(|e| format!("{url}: {e}"))?;
        Ok(bytes)
    }
}

/// What the state file keeps between runs.
struct State {
    key: String,
    checkpoint: Vec<u8>,
}

fn read_state(path: &Path) -> anyhow::Result<Option<State>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let (first, checkpoint) = text.split_once('\n').unwrap_or((&text, ""));
    let Some(key) = first.strip_prefix("key ") else {
        bail!("{} is not a state file of `emenda verify-log`", path.display());
    };
    Ok(Some(State { key: key.trim().to_owned(), checkpoint: checkpoint.as_bytes().to_vec() }))
}

/// Runs the witness against `url`; prints what it checked, and fails (with
/// the reason) if anything does not hold.
pub fn run(url: &str, key: Option<&str>, state_path: Option<&Path>) -> anyhow::Result<()> {
    let base = url.trim_end_matches('/').trim_end_matches("/log").to_owned();
    if !(base.starts_with("http://") || base.starts_with("https://")) {
        bail!("--url must start with http:// or https://");
    }
    let log = HttpLog { base, agent: ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build() };
    let state = state_path.map(read_state).transpose()?.flatten();
    let key = match (key, &state) {
        (Some(given), Some(kept)) if given.trim() != kept.key => {
            bail!("--key differs from the key kept in the state file: the log's key changed, or this is another log")
        }
        (Some(given), _) => given.trim().to_owned(),
        (None, Some(kept)) => kept.key.clone(),
        (None, None) => {
            let served = log.fetch("key").map_err(anyhow::Error::msg)?;
            let served = String::from_utf8(served).context("the served key is not text")?.trim().to_owned();
            eprintln!("warning: trusting the key the server serves now ({served}); compare it with the one the administration publishes, or pass --key");
            served
        }
    };
    let kept = state.as_ref().map(|s| s.checkpoint.as_slice()).filter(|c| !c.is_empty());
    let seen = witness::witness(&log, &key, kept)?;
    println!("{} entries checked against the signed tree of size {}", seen.entries_checked, seen.size);
    match seen.extends {
        Some(old) => {
            println!("the log extends the checkpoint kept before (size {old}): nothing it covered was changed")
        }
        None => {
            println!("no earlier checkpoint kept: run again later with the same --state to prove the log only grows")
        }
    }
    if let Some(path) = state_path {
        let mut text = format!("key {key}\n").into_bytes();
        text.extend_from_slice(&seen.checkpoint);
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        println!("checkpoint kept in {}", path.display());
    }
    Ok(())
}
