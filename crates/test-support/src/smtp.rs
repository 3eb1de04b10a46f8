//! A real SMTP server for the tests (`tests/smtp/server.py`, on Python's
//! aiosmtpd), started on a free port and stopped when dropped. Every
//! message it accepts is read back as a mail client would show it.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// `Message-ID`.
    pub message_id: String,
    /// The envelope's recipients.
    pub recipients: Vec<String>,
    /// `Subject`.
    pub subject: String,
    /// The plain-text body, decoded.
    pub text: String,
    /// The HTML body, decoded.
    pub html: String,
    /// Every header, by name.
    pub headers: Value,
}

impl ReceivedMail {
    /// The first link in the text that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        let start = self.text.find(prefix)?;
        let rest = &self.text[start..];
        Some(rest.split_whitespace().next().unwrap_or(rest).to_owned())
    }

    /// The token of the first link in the text that carries one.
    pub fn link_token(&self) -> Option<String> {
        let at = self.text.find("#token=")?;
        let rest = &self.text[at + "#token=".len()..];
        Some(rest.split_whitespace().next().unwrap_or(rest).to_owned())
    }
}

/// A running SMTP server.
pub struct SmtpServer {
    port: u16,
    dir: PathBuf,
    child: Child,
}

impl SmtpServer {
    /// Starts a server that accepts at once.
    pub fn start() -> Self {
        Self::start_with_delay(Duration::ZERO)
    }

    /// Starts a server that holds every message `delay` before accepting it.
    pub fn start_with_delay(delay: Duration) -> Self {
        let dir = std::env::temp_dir().join(format!("emenda-smtp-{}", uuid::Uuid::now_v7()));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/smtp/server.py");
        // A port the system just gave out and took back: free unless
        // another process takes it in the next instant (then the start
        // fails loudly, and is tried on another port).
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
            let mut child = Command::new("python3")
                .arg(&script)
                .args(["--port", &port.to_string(), "--dir"])
                .arg(&dir)
                .args(["--delay", &delay.as_secs_f64().to_string()])
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .expect(
                    "start tests/smtp/server.py (python3 with aiosmtpd: pip install -r tests/smtp/requirements.txt)",
                );
            let stdout = child.stdout.take().expect("its output");
            let mut line = String::new();
            let ready = BufReader::new(stdout).read_line(&mut line).is_ok() && line.trim() == "ready";
            if ready {
                return Self { port, dir, child };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("the test SMTP server did not start (is aiosmtpd installed? pip install -r tests/smtp/requirements.txt)")
    }

    /// The URL to give `EMENDA_SMTP_URL`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The URL of a port where nothing listens (deliveries fail, transiently).
    pub fn unreachable_url() -> String {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        format!("smtp://127.0.0.1:{port}")
    }

    /// Every message accepted so far, in the order accepted.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "json"));
        names.sort_by_key(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            let (nanos, count) = stem.split_once('-').unwrap_or((&stem, "0"));
            (nanos.parse::<u128>().unwrap_or(0), count.parse::<u64>().unwrap_or(0))
        });
        names
            .iter()
            .map(|path| {
                let record: Value =
                    serde_json::from_str(&std::fs::read_to_string(path).expect("read a message")).expect("its JSON");
                let text = |key: &str| record[key].as_str().unwrap_or_default().to_owned();
                ReceivedMail {
                    message_id: text("message_id"),
                    recipients: record["rcpt_tos"]
                        .as_array()
                        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                        .unwrap_or_default(),
                    subject: text("subject"),
                    text: text("text"),
                    html: text("html"),
                    headers: record["headers"].clone(),
                }
            })
            .collect()
    }

    /// Waits until `count` messages arrived (at most `within`); returns them all.
    #[track_caller]
    pub fn wait_for(&self, count: usize, within: Duration) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + within;
        loop {
            let messages = self.messages();
            if messages.len() >= count {
                return messages;
            }
            assert!(Instant::now() < deadline, "{} of {count} messages arrived within {within:?}", messages.len());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The messages to `address`.
    pub fn messages_to(&self, address: &str) -> Vec<ReceivedMail> {
        self.messages().into_iter().filter(|m| m.recipients.iter().any(|r| r == address)).collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
