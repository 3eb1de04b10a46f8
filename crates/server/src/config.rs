//! Configuration: every setting is an environment variable and a flag.

use anyhow::{bail, Context};
use clap::Args;
use emenda_api::connections::ConnectionLimits;
use emenda_api::dto::site::{Logo, Owner};
use emenda_api::rate_limit::RateLimits;
use emenda_domain::proposal::EditLimits;
use emenda_domain::transparency::{self, LogSigner};
use std::path::{Path, PathBuf};

/// Settings shared by every command.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(long, env = "EMENDA_BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: String,
    /// Folder for the SQLite database and generated secrets.
    #[arg(long, env = "EMENDA_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// `postgres://…` for PostgreSQL; default: `emenda.db` in the data folder.
    #[arg(long, env = "EMENDA_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Secret that signs access tokens (at least 32 bytes). Unset in
    /// development: one is generated and kept in the data folder.
    #[arg(long, env = "EMENDA_JWT_SECRET", hide_env_values = true, global = true)]
    pub jwt_secret: Option<String>,
    /// First part of proposal reference codes.
    #[arg(long, env = "EMENDA_REFERENCE_PREFIX", default_value = "EMD", global = true)]
    pub reference_prefix: String,
    /// Serve the web app from this folder instead of the copy built into
    /// the binary (for working on the app: `web/dist` after `npm run build`).
    #[arg(long, env = "EMENDA_WEB_DIR", global = true)]
    pub web_dir: Option<PathBuf>,
    /// Sign-up, sign-in and refresh requests per minute per client address.
    #[arg(long, env = "EMENDA_RATE_LIMIT_AUTH", default_value_t = 30, global = true)]
    pub rate_limit_auth: u32,
    /// Other writes per minute per signed-in user (or client address).
    #[arg(long, env = "EMENDA_RATE_LIMIT_WRITES", default_value_t = 120, global = true)]
    pub rate_limit_writes: u32,
    /// Expensive reads (diffs, amendments, chain verifications) per minute
    /// per client address.
    #[arg(long, env = "EMENDA_RATE_LIMIT_EXPENSIVE_READS", default_value_t = 240, global = true)]
    pub rate_limit_expensive_reads: u32,
    /// Read client addresses from Forwarded/X-Forwarded-For (only behind a
    /// proxy that sets them).
    #[arg(long, env = "EMENDA_TRUST_PROXY_HEADERS", default_value_t = false, global = true)]
    pub trust_proxy_headers: bool,
    /// Open connections in all (0 = no limit); lowered at start to fit the
    /// process's open-file limit.
    #[arg(long, env = "EMENDA_MAX_CONNECTIONS", default_value_t = 8_000, global = true)]
    pub max_connections: usize,
    /// Open connections from one client address (0 = no limit: set it so
    /// behind a proxy, where every client has the proxy's address).
    #[arg(long, env = "EMENDA_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 256, global = true)]
    pub max_connections_per_address: usize,
    /// Seconds a request body may take to arrive once its head has.
    #[arg(long, env = "EMENDA_BODY_TIMEOUT", default_value_t = 10, global = true)]
    pub body_timeout: u64,
    /// Author edits a proposal takes in any hour (0 = no hourly limit).
    #[arg(long, env = "EMENDA_EDITS_PER_HOUR", default_value_t = 10, global = true)]
    pub edits_per_hour: usize,
    /// Author edits a proposal takes in all (0 = no limit).
    #[arg(long, env = "EMENDA_MAX_EDITS", default_value_t = 200, global = true)]
    pub max_edits: usize,
    /// The transparency log's origin: the first line of every checkpoint
    /// and the name of its key, conventionally the site's host and `/log`
    /// (e.g. `partecipa.regione.example/log`).
    #[arg(long, env = "EMENDA_LOG_ORIGIN", default_value = "localhost/emenda-log", global = true)]
    pub log_origin: String,
    /// The log's signing key, `PRIVATE+KEY+<origin>+<id>+<base64>`; default:
    /// generated on first start and kept in `<data dir>/log-key` (0600).
    /// Never in the database: whoever can change the database must not
    /// also be able to sign for the log without the key.
    #[arg(long, env = "EMENDA_LOG_KEY", hide_env_values = true, global = true)]
    pub log_key: Option<String>,
    /// The public body that publishes the site, as its header and footer
    /// name it ("Comune di …").
    #[arg(long, env = "EMENDA_OWNER_NAME", default_value = "Amministrazione titolare", global = true)]
    pub owner_name: String,
    /// The owning body's institutional website (https://…).
    #[arg(long, env = "EMENDA_OWNER_URL", global = true)]
    pub owner_url: Option<String>,
    /// Where citizens write to the owning body (accessibility feedback, privacy).
    #[arg(long, env = "EMENDA_OWNER_EMAIL", global = true)]
    pub owner_email: Option<String>,
    /// The owning body's logo: an SVG or PNG file, read at start.
    #[arg(long, env = "EMENDA_OWNER_LOGO", global = true)]
    pub owner_logo: Option<PathBuf>,
    /// The SMTP server letters go through: `smtp://host:port` (plain),
    /// `smtp://host:port?tls=required` (STARTTLS), `smtps://host:port`
    /// (TLS), with optional `user:password@`. Unset: the site sends no
    /// e-mail (no address confirmation, no password reset).
    #[arg(long, env = "EMENDA_SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,
    /// The sender of every letter, `Name <address>` or an address; the
    /// `Message-ID`s are of its domain.
    #[arg(long, env = "EMENDA_MAIL_FROM", default_value = "Emenda <noreply@localhost>", global = true)]
    pub mail_from: String,
    /// The site's public address, where links in letters lead (e.g.
    /// `https://partecipa.comune.example`); default: `http://` and the
    /// bind address.
    #[arg(long, env = "EMENDA_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Seconds a letter taken by a mail sender that died waits before
    /// another sender (or the same, restarted) takes it: longer than any
    /// delivery takes, or a slow one could be sent twice.
    #[arg(long, env = "EMENDA_MAIL_LEASE", default_value_t = 120, global = true)]
    pub mail_lease: u32,
    /// Seconds between two looks for daily digests that are due (each
    /// person gets at most one a day, a day after the last).
    #[arg(long, env = "EMENDA_DIGEST_INTERVAL", default_value_t = 600, global = true)]
    pub digest_interval: u64,
    /// How long an account waits between its owner's deletion request and
    /// its erasure, while they may cancel: a number and a unit (`30s`,
    /// `15m`, `12h`, `7d`); `0` erases at once.
    #[arg(long, env = "EMENDA_ACCOUNT_DELETION_GRACE", default_value = "7d", value_parser = parse_grace, global = true)]
    pub account_deletion_grace: chrono::Duration,
}

/// `0`, or a whole number followed by `s`, `m`, `h` or `d`.
fn parse_grace(raw: &str) -> Result<chrono::Duration, String> {
    let raw = raw.trim();
    if raw == "0" {
        return Ok(chrono::Duration::zero());
    }
    let refused = || format!("{raw:?} is not a duration: write 0 or a number and s, m, h or d (7d, 12h)");
    let unit = raw.chars().last().ok_or_else(refused)?;
    let amount: i64 = raw[..raw.len() - unit.len_utf8()].parse().map_err(|_| refused())?;
    let seconds = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        _ => return Err(refused()),
    };
    amount
        .checked_mul(seconds)
        .filter(|s| (0..=365 * 86_400).contains(s))
        .map(chrono::Duration::seconds)
        .ok_or_else(|| format!("{raw:?} is out of range: at most a year"))
}

impl Settings {
    /// How the site sends e-mail; `None` when `EMENDA_SMTP_URL` is unset.
    pub fn mail(&self) -> anyhow::Result<Option<crate::mail::MailOptions>> {
        let public_url = self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.bind));
        if self.smtp_url.as_deref().is_some_and(|u| !u.trim().is_empty()) && self.public_url.is_none() {
            tracing::warn!(%public_url, "EMENDA_PUBLIC_URL is unset: links in letters lead to the bind address");
        }
        crate::mail::MailOptions::parse(
            self.smtp_url.as_deref(),
            &self.mail_from,
            &public_url,
            &self.owner_name,
            self.mail_lease,
        )
        .map(|mail| {
            mail.map(|mail| crate::mail::MailOptions {
                contact: self.owner_email.clone(),
                digest_interval: std::time::Duration::from_secs(self.digest_interval.max(1)),
                ..mail
            })
        })
    }

    /// Where the database is: `EMENDA_DATABASE_URL`, or `emenda.db` in
    /// the data folder.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_owned(),
            _ => self.data_dir.join("emenda.db").to_string_lossy().into_owned(),
        }
    }

    /// Checks settings that would otherwise fail later and less clearly.
    pub fn validate(&self) -> anyhow::Result<()> {
        if !emenda_domain::reference::is_valid_prefix(&self.reference_prefix) {
            bail!("EMENDA_REFERENCE_PREFIX must be 1 to 16 letters or digits");
        }
        if self.rate_limit_auth == 0 || self.rate_limit_writes == 0 || self.rate_limit_expensive_reads == 0 {
            bail!("EMENDA_RATE_LIMIT_AUTH, EMENDA_RATE_LIMIT_WRITES and EMENDA_RATE_LIMIT_EXPENSIVE_READS must be at least 1");
        }
        if !(1..=300).contains(&self.body_timeout) {
            bail!("EMENDA_BODY_TIMEOUT must be 1 to 300 seconds");
        }
        if self.owner_name.trim().is_empty() || self.owner_name.chars().count() > 150 {
            bail!("EMENDA_OWNER_NAME must be 1 to 150 characters");
        }
        if let Some(url) = self.owner_url.as_deref().filter(|u| !u.is_empty()) {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                bail!("EMENDA_OWNER_URL must start with https://");
            }
        }
        if let Some(email) = self.owner_email.as_deref().filter(|e| !e.is_empty()) {
            emenda_domain::values::Email::parse(email)
                .map_err(|_| anyhow::anyhow!("EMENDA_OWNER_EMAIL is not an e-mail address"))?;
        }
        Ok(())
    }

    /// The owning body as configured, and its logo read from its file.
    pub fn owner(&self) -> anyhow::Result<(Owner, Option<Logo>)> {
        let filled =
            |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let owner = Owner {
            name: self.owner_name.trim().to_owned(),
            url: filled(&self.owner_url),
            email: filled(&self.owner_email),
            logo: false,
        };
        let Some(path) = self.owner_logo.as_ref().filter(|p| !p.as_os_str().is_empty()) else {
            return Ok((owner, None));
        };
        let media_type = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            _ => bail!("EMENDA_OWNER_LOGO must be an .svg or .png file"),
        };
        let bytes = std::fs::read(path).with_context(|| format!("reading EMENDA_OWNER_LOGO {}", path.display()))?;
        if bytes.len() > 512 * 1024 {
            bail!("EMENDA_OWNER_LOGO is over 512 KiB: use a smaller file");
        }
        Ok((owner, Some(Logo { media_type, bytes })))
    }

    /// The token-signing secret: configured, or (development) kept in
    /// `<data dir>/jwt-secret`, generated on first use.
    pub fn jwt_secret(&self) -> anyhow::Result<Vec<u8>> {
        if let Some(secret) = self.jwt_secret.as_deref().filter(|s| !s.is_empty()) {
            if secret.len() < 32 {
                bail!("EMENDA_JWT_SECRET must be at least 32 bytes long");
            }
            return Ok(secret.as_bytes().to_vec());
        }
        let path = self.data_dir.join("jwt-secret");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            if existing.trim().len() >= 32 {
                return Ok(existing.trim().as_bytes().to_vec());
            }
        }
        tracing::warn!(path = %path.display(), "EMENDA_JWT_SECRET is not set: using a generated secret kept in the data folder; set it in production");
        self.ensure_data_dir()?;
        let secret = emenda_accounts::tokens::random_secret().context("no randomness for a secret")?;
        write_private(&path, &secret)?;
        Ok(secret.into_bytes())
    }

    /// The transparency log's signer: the configured key, or the one kept
    /// in `<data dir>/log-key`, generated on first use. Its name must be
    /// the configured origin.
    pub fn log_signer(&self) -> anyhow::Result<LogSigner> {
        let origin = self.log_origin.trim();
        if origin.is_empty() || origin.contains(char::is_whitespace) || origin.contains('+') {
            bail!("EMENDA_LOG_ORIGIN must be non-empty, without spaces or `+`");
        }
        let skey = match self.log_key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            Some(key) => key.to_owned(),
            None => {
                let path = self.data_dir.join("log-key");
                match std::fs::read_to_string(&path) {
                    Ok(existing) => existing.trim().to_owned(),
                    Err(_) => {
                        self.ensure_data_dir()?;
                        let (_, skey) = new_log_signer_and_key(origin)?;
                        write_private(&path, &skey)?;
                        tracing::info!(path = %path.display(), "a new signing key for the transparency log was generated; keep a copy of it safe");
                        skey
                    }
                }
            }
        };
        let vkey =
            transparency::verifier_key_of(&skey).map_err(|e| anyhow::anyhow!("EMENDA_LOG_KEY or log-key: {e}"))?;
        LogSigner::new(origin, &skey, &vkey).map_err(|e| anyhow::anyhow!("the transparency log's key: {e}"))
    }

    /// Creates the data folder (owner-only) if it is missing.
    fn ensure_data_dir(&self) -> anyhow::Result<()> {
        if !self.data_dir.exists() {
            let mut folders = std::fs::DirBuilder::new();
            folders.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut folders, 0o700);
            folders.create(&self.data_dir).with_context(|| format!("creating {}", self.data_dir.display()))?;
        }
        Ok(())
    }

    /// The request-rate limits.
    pub fn rate_limits(&self) -> RateLimits {
        RateLimits {
            auth_per_minute: self.rate_limit_auth,
            writes_per_minute: self.rate_limit_writes,
            expensive_reads_per_minute: self.rate_limit_expensive_reads,
            trust_proxy_headers: self.trust_proxy_headers,
        }
    }

    /// How often a proposal's authors may edit it.
    pub fn edit_limits(&self) -> EditLimits {
        EditLimits { per_hour: self.edits_per_hour, total: self.max_edits }
    }

    /// The connection limits and the body timeout.
    pub fn connection_limits(&self) -> ConnectionLimits {
        ConnectionLimits {
            per_address: self.max_connections_per_address,
            total: self.max_connections,
            body_timeout: std::time::Duration::from_secs(self.body_timeout),
        }
    }

    /// The folder the web app is served from; empty for the app built into
    /// the binary (the default), so the binary alone is the product.
    pub fn web_dir(&self) -> PathBuf {
        self.web_dir.clone().unwrap_or_default()
    }
}

/// A signer with a new key from the system's random source, and that key
/// as the operator keeps it (`PRIVATE+KEY+<origin>+<id>+<base64>`).
pub fn new_log_signer_and_key(origin: &str) -> anyhow::Result<(LogSigner, String)> {
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).context("no randomness for the log's key")?;
    LogSigner::from_seed(origin, &seed).map_err(|e| anyhow::anyhow!("a new log key: {e}"))
}

/// A signer with a new key (tests).
pub fn new_log_signer(origin: &str) -> anyhow::Result<LogSigner> {
    Ok(new_log_signer_and_key(origin)?.0)
}

fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).with_context(|| format!("writing {}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_grace;

    #[test]
    fn a_grace_period_is_zero_or_a_number_and_a_unit() {
        assert_eq!(parse_grace("0"), Ok(chrono::Duration::zero()));
        assert_eq!(parse_grace("7d"), Ok(chrono::Duration::days(7)));
        assert_eq!(parse_grace("12h"), Ok(chrono::Duration::hours(12)));
        assert_eq!(parse_grace("15m"), Ok(chrono::Duration::minutes(15)));
        assert_eq!(parse_grace("30s"), Ok(chrono::Duration::seconds(30)));
        for refused in ["", "7", "d", "7w", "-1d", "1.5d", "400d", "99999999999999999d"] {
            assert!(parse_grace(refused).is_err(), "{refused:?} taken");
        }
    }
}
