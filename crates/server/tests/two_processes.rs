//! Two `emenda` processes on one PostgreSQL database, as an administration
//! runs several instances behind a proxy: both write (accounts, proposals,
//! supports) at once, both integrate the transparency log, and the result
//! is one tree: every checkpoint either serves extends every checkpoint a
//! witness kept from the other, and the servers' own check finds every
//! record logged once.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_test_support::binary::{call, temp_dir, BinaryDatabase, Engine, ServerProcess};
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Starts `emenda` serving `url`, with its data folder (and so its log key)
/// at `data`, and waits until it is ready.
fn serve(data: &Path, url: &str) -> ServerProcess {
    ServerProcess::start(env!("CARGO_BIN_EXE_emenda"), data, url, &[])
}

/// Registers `nickname` through `base` and signs in: an access token.
fn participant(base: &str, nickname: &str) -> String {
    let email = format!("{nickname}@example.it");
    let password = "una-password-lunga";
    call(
        "POST",
        &format!("{base}/api/v1/auth/register"),
        None,
        Some(
            json!({ "email": email, "password": password, "nickname": nickname, "display_name": nickname, "privacy_version": 1 }),
        ),
    );
    let session =
        call("POST", &format!("{base}/api/v1/auth/login"), None, Some(json!({ "email": email, "password": password })));
    session["access_token"].as_str().unwrap().to_owned()
}

#[test]
fn two_processes_on_one_postgresql_build_one_tree() {
    let db = BinaryDatabase::new(Engine::Postgres);
    let data = temp_dir("two_processes");
    let url = db.url(&data);
    // The first start writes the log key into the shared data folder; the
    // second reads it: one log identity, as operations.md asks.
    let first = serve(&data, &url);
    let second = serve(&data, &url);
    let state = data.join("witness.txt");
    emenda_server::verify_log::run(&first.base, None, Some(&state)).unwrap();

    let bases = [first.base.clone(), second.base.clone()];
    // Spaces need an administrator: created through the command line, as
    // an operator does.
    let made = Command::new(env!("CARGO_BIN_EXE_emenda"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("EMENDA_DATA_DIR", &data)
        .env("EMENDA_DATABASE_URL", &url)
        .env("EMENDA_LOG_ORIGIN", "test.emenda.example/log")
        .env("EMENDA_ADMIN_PASSWORD", "una-password-amministratore")
        .args(["admin", "create", "--email", "capo@comune.example"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let boss = call(
        "POST",
        &format!("{}/api/v1/auth/login", bases[1]),
        None,
        Some(json!({ "email": "capo@comune.example", "password": "una-password-amministratore" })),
    )["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    call(
        "POST",
        &format!("{}/api/v1/spaces", bases[1]),
        Some(&boss),
        Some(json!({ "slug": "quartiere", "title": "Quartiere" })),
    );

    // Eight writers, four through each process, each publishing proposals
    // and supporting the one before; a witness keeps checkpoints from both
    // meanwhile.
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let base = bases[w % 2].clone();
            std::thread::spawn(move || {
                let token = participant(&base, &format!("scrittore{w}"));
                let mut previous: Option<String> = None;
                for n in 0..4 {
                    let created = call(
                        "POST",
                        &format!("{base}/api/v1/spaces/quartiere/proposals"),
                        Some(&token),
                        Some(json!({ "title": format!("Proposta {n} dello scrittore {w}"), "body": "Un testo abbastanza lungo da essere una proposta." })),
                    );
                    if let Some(id) = previous.replace(created["id"].as_str().unwrap().to_owned()) {
                        call("PUT", &format!("{base}/api/v1/proposals/{id}/support"), Some(&token), None);
                    }
                }
            })
        })
        .collect();
    let mut witnessed = 0;
    while writers.iter().any(|w| !w.is_finished()) {
        for base in &bases {
            emenda_server::verify_log::run(base, None, Some(&state)).unwrap();
            witnessed += 1;
        }
    }
    for writer in writers {
        writer.join().unwrap();
    }
    assert!(witnessed >= 2, "the witness ran while both wrote");

    // Both serve the same tree once the integrators caught up, and it holds
    // everything: the server's own check finds every record logged.
    let deadline = Instant::now() + Duration::from_secs(30);
    let report = loop {
        let report = call("GET", &format!("{}/api/v1/audit/verify", bases[0]), None, None);
        if report["pending"] == 0 && report["complete"] == true {
            break report;
        }
        assert!(Instant::now() < deadline, "the log did not catch up: {report}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(report["valid"], true, "{report}");
    let checkpoint = |base: &str| ureq::get(&format!("{base}/log/checkpoint")).call().unwrap().into_string().unwrap();
    assert_eq!(checkpoint(&bases[0]), checkpoint(&bases[1]), "one tree, one checkpoint");
    for base in &bases {
        emenda_server::verify_log::run(base, None, Some(&state)).unwrap();
    }
    // 8 writers × 4 proposals, 3 supports each, all in the log exactly once.
    let size: u64 = checkpoint(&bases[0]).lines().nth(1).unwrap().parse().unwrap();
    let supports = (0..size.div_ceil(256))
        .flat_map(|bundle| {
            let width = (size - bundle * 256).min(256);
            let path = emenda_domain::transparency::TileRequest::Entries {
                index: bundle,
                width: u32::try_from(width).unwrap(),
            }
            .path();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(
                &mut ureq::get(&format!("{}/log/{path}", bases[1])).call().unwrap().into_reader(),
                &mut bytes,
            )
            .unwrap();
            emenda_domain::transparency::unbundle(&bytes)
                .unwrap()
                .into_iter()
                .map(|e| emenda_domain::transparency::parse_entry(e).unwrap().kind)
                .collect::<Vec<_>>()
        })
        .filter(|kind| *kind == emenda_domain::transparency::EntryKind::Support)
        .count();
    assert_eq!(supports, 8 * 3);
    let _ = std::fs::remove_dir_all(&data);
}
