//! A database for the tests of the `emenda` binary, which reach it only as
//! an operator does: by the URL they hand the binary. The server does not
//! depend on the store (a test in `tests/` keeps it so), so its tests get
//! their databases here, without naming a store type.

use emenda_store::testing::TestDatabase;
use emenda_store::Backend;
use std::path::Path;

/// The database engines the binary runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A file in the data folder.
    Sqlite,
    /// A database on the test PostgreSQL server.
    Postgres,
}

/// A place for the binary's database, gone when this value is dropped: a
/// fresh, migrated PostgreSQL database, or for SQLite the binary's own
/// default file in its data folder (which the binary creates).
pub struct BinaryDatabase {
    engine: Engine,
    postgres: Option<TestDatabase>,
}

impl BinaryDatabase {
    /// A fresh database on `engine`.
    pub fn new(engine: Engine) -> Self {
        let postgres = (engine == Engine::Postgres).then(|| TestDatabase::new(Backend::Postgres));
        Self { engine, postgres }
    }

    /// Its engine.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// What `EMENDA_DATABASE_URL` should say for a binary whose data folder
    /// is `data_dir`.
    pub fn url(&self, data_dir: &Path) -> String {
        match &self.postgres {
            Some(database) => database.target.location.clone(),
            None => data_dir.join("emenda.db").to_string_lossy().into_owned(),
        }
    }
}

/// Declares each listed `fn name(engine: Engine)` as two tests, one per
/// engine: `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! engine_tests {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name($crate::binary::Engine::Sqlite) })+
        }
        mod postgres {
            $(#[test] fn $name() { super::$name($crate::binary::Engine::Postgres) })+
        }
    };
}

/// A running `emenda` process, killed (SIGKILL) when dropped.
pub struct ServerProcess {
    child: std::process::Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
}

impl ServerProcess {
    /// Starts the binary `exe` serving the database at `url`, with its data
    /// folder (and so its log key) at `data` and the settings in `env`,
    /// and waits until it is ready.
    pub fn start(exe: &str, data: &Path, url: &str, env: &[(&str, String)]) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let mut command = std::process::Command::new(exe);
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("EMENDA_DATA_DIR", data)
            .env("RUST_LOG", "warn")
            .env("EMENDA_DATABASE_URL", url)
            .env("EMENDA_BIND", format!("127.0.0.1:{port}"))
            .env("EMENDA_JWT_SECRET", "a production secret of at least 32 bytes")
            .env("EMENDA_LOG_ORIGIN", "test.emenda.example/log")
            .env("EMENDA_RATE_LIMIT_AUTH", "100000")
            .env("EMENDA_RATE_LIMIT_WRITES", "100000")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        for (name, value) in env {
            command.env(name, value);
        }
        let child = command.spawn().expect("start emenda");
        let server = Self { child, base: format!("http://127.0.0.1:{port}") };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while ureq::get(&format!("{}/readyz", server.base)).call().is_err() {
            assert!(std::time::Instant::now() < deadline, "the server did not become ready");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        server
    }

    /// Kills the process at once (SIGKILL): no shutdown, no flush.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends a request and returns the JSON answer; panics on an error status.
pub fn call(method: &str, url: &str, token: Option<&str>, body: Option<serde_json::Value>) -> serde_json::Value {
    let mut request = ureq::request(method, url);
    if let Some(token) = token {
        request = request.set("Authorization", &format!("Bearer {token}"));
    }
    let response = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    match response {
        Ok(response) => response.into_json().unwrap_or(serde_json::Value::Null),
        Err(ureq::Error::Status(status, response)) => {
            panic!("{method} {url}: {status} {}", response.into_string().unwrap_or_default())
        }
        Err(error) => panic!("{method} {url}: {error}"),
    }
}

/// A fresh, empty folder for one test's data, named after `name`.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("emenda_{name}_{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}
