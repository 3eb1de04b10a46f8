//! The `emenda` binary as an operator runs it: configuration from the
//! environment, migrations, the first admin, and serving.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_test_support::binary::{BinaryDatabase, Engine};
use emenda_test_support::engine_tests;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn emenda(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_emenda"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("EMENDA_DATA_DIR", data_dir)
        .env("RUST_LOG", "warn");
    command
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("emenda_cli_{}", uuid_like()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn uuid_like() -> String {
    format!("{:?}{}", Instant::now(), std::process::id()).replace(|c: char| !c.is_ascii_alphanumeric(), "")
}

fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn migrate_admin_and_serve(engine: Engine) {
    let db = BinaryDatabase::new(engine);
    let data = temp_dir();
    let url = db.url(&data);
    let migrated = run(emenda(&data).env("EMENDA_DATABASE_URL", &url).arg("migrate"));
    assert!(String::from_utf8_lossy(&migrated.stdout).contains("up to date"));
    if db.engine() == Engine::Sqlite {
        assert!(data.join("emenda.db").exists());
    }
    run(emenda(&data)
        .env("EMENDA_DATABASE_URL", &url)
        .env("EMENDA_ADMIN_PASSWORD", "una-password-amministratore")
        .args(["admin", "create", "--email", "capo@comune.example"]));

    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = emenda(&data)
        .env("EMENDA_DATABASE_URL", &url)
        .env("EMENDA_BIND", format!("127.0.0.1:{port}"))
        .env("EMENDA_JWT_SECRET", "a production secret of at least 32 bytes")
        .env("EMENDA_REFERENCE_PREFIX", "par")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while ureq::get(&format!("{base}/readyz")).call().is_err() {
        assert!(Instant::now() < deadline, "the server did not become ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    let session: serde_json::Value = ureq::post(&format!("{base}/api/v1/auth/login"))
        .send_json(serde_json::json!({ "email": "capo@comune.example", "password": "una-password-amministratore" }))
        .unwrap()
        .into_json()
        .unwrap();
    assert_eq!(session["user"]["roles"][0]["role"], "admin");
    let token = session["access_token"].as_str().unwrap();
    ureq::post(&format!("{base}/api/v1/spaces"))
        .set("Authorization", &format!("Bearer {token}"))
        .send_json(serde_json::json!({ "slug": "consulta", "title": "Consulta giovani" }))
        .unwrap();
    let proposal: serde_json::Value = ureq::post(&format!("{base}/api/v1/spaces/consulta/proposals"))
        .set("Authorization", &format!("Bearer {token}"))
        .send_json(
            serde_json::json!({ "title": "Una sala prove per le band", "body": "Chiediamo una sala prove comunale." }),
        )
        .unwrap()
        .into_json()
        .unwrap();
    assert!(proposal["reference"].as_str().unwrap().starts_with("par-PROP-"), "the configured prefix is used");
    let _ = std::fs::remove_dir_all(&data);
}

/// Short commands end cleanly, every time: a pool thread still opening a
/// connection when `main` returned used to meet OpenSSL's exit-time cleanup
/// on PostgreSQL and crash about one run in five (SIGSEGV). Twenty-five runs
/// of `migrate` make that show almost surely (it fails 2 runs in 2 with a
/// spare connection kept).
fn short_commands_exit_cleanly(engine: Engine) {
    let db = BinaryDatabase::new(engine);
    let data = temp_dir();
    let url = db.url(&data);
    for _ in 0..25 {
        let output = emenda(&data).env("EMENDA_DATABASE_URL", &url).arg("migrate").output().unwrap();
        assert!(output.status.success(), "{:?}: {}", output.status, String::from_utf8_lossy(&output.stderr));
    }
}

engine_tests!(migrate_admin_and_serve, short_commands_exit_cleanly);

#[test]
fn a_development_secret_is_generated_once_and_kept_private() {
    let data = temp_dir();
    run(emenda(&data).arg("migrate"));
    let secret_path = data.join("jwt-secret");
    // Only commands that sign tokens need the secret.
    assert!(!secret_path.exists());
    run(emenda(&data).args(["admin", "create", "--email", "a@b.example", "--password", "una-password-lunga"]));
    let first = std::fs::read_to_string(&secret_path).unwrap();
    assert!(first.len() >= 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&secret_path).unwrap().permissions().mode() & 0o777, 0o600);
    }
    run(emenda(&data).args(["admin", "create", "--email", "a@b.example", "--password", "una-password-lunga"]));
    assert_eq!(std::fs::read_to_string(&secret_path).unwrap(), first, "the secret is reused, not regenerated");
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn bad_configuration_is_refused_with_a_reason() {
    let data = temp_dir();
    let short = emenda(&data).env("EMENDA_JWT_SECRET", "short").arg("seed").arg("--demo").output().unwrap();
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 32 bytes"));
    let prefix = emenda(&data).env("EMENDA_REFERENCE_PREFIX", "E-M-D").arg("migrate").output().unwrap();
    assert!(!prefix.status.success());
    assert!(String::from_utf8_lossy(&prefix.stderr).contains("EMENDA_REFERENCE_PREFIX"));
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn with_no_configuration_the_database_is_data_emenda_db() {
    let cwd = temp_dir();
    let mut command = Command::new(env!("CARGO_BIN_EXE_emenda"));
    command.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).current_dir(&cwd).arg("migrate");
    run(&mut command);
    assert!(cwd.join("data/emenda.db").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &str| std::fs::metadata(cwd.join(p)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode("data"), 0o700, "the data folder is the server user's only");
        assert_eq!(mode("data/emenda.db"), 0o600, "so is the database");
    }
    let _ = std::fs::remove_dir_all(&cwd);
}
