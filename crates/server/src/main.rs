//! `emenda`: the civic participation platform in one binary.

use anyhow::Context;
use clap::{Parser, Subcommand};
use emenda_accounts::service::{Consent, Registration};
use emenda_server::app::{self, ServerOptions};
use emenda_server::config::Settings;
use emenda_server::{seed, telemetry};
use emenda_service::database::{self, Database};
use std::sync::Arc;

#[derive(Debug, Parser)]
#[command(name = "emenda", version, about = "Civic participation: proposals, versions, amendments")]
struct Cli {
    #[command(flatten)]
    settings: Settings,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the web app (the default).
    Serve {
        /// Load the demo data first if it is not there yet.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load data into the database.
    Seed {
        /// The Italian demo: spaces, proposals with several versions, people.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Recount every denormalised counter (supports, comments, replies,
    /// votes, open reports) from its rows and list any that disagree; exits
    /// with an error when one does. Scans whole tables: run it when the
    /// platform is quiet.
    CheckCounters,
    /// Witness a running Emenda's transparency log: check its signed
    /// checkpoint, every tile and entry, and (with --state) that it extends
    /// the checkpoint kept by the previous run. Exits with an error, and
    /// says why, if anything does not hold.
    VerifyLog {
        /// The site, e.g. https://partecipa.comune.example
        #[arg(long)]
        url: String,
        /// The log's verifier key (`name+id+base64`), as the administration
        /// publishes it; default: the one kept in --state, else the one the
        /// server serves (trusted on first use).
        #[arg(long)]
        key: Option<String>,
        /// A file that keeps the key and the last checkpoint seen between runs.
        #[arg(long)]
        state: Option<std::path::PathBuf>,
    },
    /// Erase the title, body and summary of an old version of a proposal
    /// (a person's right to erasure, a text that must not stay public):
    /// their commitments stay, so the history and the log still verify;
    /// the erasure is a public audit entry with its reason.
    EraseVersion {
        /// The proposal's reference (e.g. EMD-2026-000042) or id.
        #[arg(long)]
        proposal: String,
        /// The version's number (not the one in force).
        #[arg(long)]
        number: i32,
        /// Why, as the audit log will show it.
        #[arg(long)]
        reason: String,
    },
    /// Manage accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator (or make an existing account one).
    Create {
        /// E-mail to sign in with.
        #[arg(long)]
        email: String,
        /// Password (10 to 128 characters); prefer EMENDA_ADMIN_PASSWORD.
        #[arg(long, env = "EMENDA_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
        /// Public handle.
        #[arg(long, default_value = "admin")]
        nickname: String,
        /// Shown name.
        #[arg(long, default_value = "Amministrazione")]
        display_name: String,
    },
}

fn open_database(settings: &Settings) -> anyhow::Result<Database> {
    let url = settings.database_url();
    tracing::info!(database = %database::redacted(&url), "opening the database");
    let database = Database::open(&url).context("opening the database")?;
    let applied = database.migrate().context("migrating the database")?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    if !database.plans_are_stable().context("reading the database's build options")? {
        tracing::warn!(
            "SQLite was built without its query planner stability guarantee (build Emenda from its \
             workspace, which sets LIBSQLITE3_FLAGS): statements are planned again on every call"
        );
    }
    Ok(database)
}

fn main() -> anyhow::Result<()> {
    telemetry::init();
    let cli = Cli::parse();
    let settings = cli.settings;
    settings.validate()?;
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Migrate => {
            open_database(&settings)?;
            println!("database is up to date");
        }
        Command::Seed { .. } => {
            let database = open_database(&settings)?;
            let state = app::state(
                database,
                &settings.jwt_secret()?,
                &settings.reference_prefix,
                Arc::new(settings.log_signer()?),
            );
            report_demo(seed::load_demo(&state)?);
        }
        Command::CheckCounters => {
            let database = open_database(&settings)?;
            let mismatches = database.recount_counters()?;
            for m in &mismatches {
                println!("{}.{} of {}: {} by its rows, {} stored", m.table, m.column, m.id, m.expected, m.found);
            }
            anyhow::ensure!(mismatches.is_empty(), "{} counters disagree with their rows", mismatches.len());
            println!("every counter equals its rows");
        }
        Command::VerifyLog { url, key, state } => {
            emenda_server::verify_log::run(&url, key.as_deref(), state.as_deref())?;
        }
        Command::Admin { command: AdminCommand::Create { email, password, nickname, display_name } } => {
            let database = open_database(&settings)?;
            let signer = Arc::new(settings.log_signer()?);
            let state = app::state(database, &settings.jwt_secret()?, &settings.reference_prefix, signer);
            let registration = Registration {
                email,
                password,
                nickname,
                display_name,
                consent: Consent::ByOperator,
                language: emenda_domain::mail::Language::It,
            };
            let id = state.accounts.ensure_admin(&registration).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("administrator {id} ready");
        }
        Command::EraseVersion { proposal, number, reason } => {
            let database = open_database(&settings)?;
            let signer = Arc::new(settings.log_signer()?);
            let state = app::state(database, &settings.jwt_secret()?, &settings.reference_prefix, signer);
            let key = emenda_domain::reference::ProposalKey::parse(&proposal)
                .ok_or_else(|| anyhow::anyhow!("{proposal} is neither a proposal reference nor an id"))?;
            state.history.erase(&key, number, &reason).map_err(|e| anyhow::anyhow!("{}", e.explain()))?;
            println!("the text of version {number} of {proposal} is erased; its commitments remain");
        }
        Command::Serve { demo } => {
            let database = open_database(&settings)?;
            let secret = settings.jwt_secret()?;
            let log_signer = Arc::new(settings.log_signer()?);
            if demo {
                let state = app::state(database.clone(), &secret, &settings.reference_prefix, log_signer.clone());
                report_demo(seed::load_demo(&state)?);
            }
            let (owner, logo) = settings.owner()?;
            let options = ServerOptions {
                bind: settings.bind.clone(),
                jwt_secret: secret,
                reference_prefix: settings.reference_prefix.clone(),
                web_dir: settings.web_dir(),
                workers: None,
                rate_limits: settings.rate_limits(),
                connections: settings.connection_limits(),
                edit_limits: settings.edit_limits(),
                owner,
                logo,
                log_signer,
                mail: settings.mail()?,
                deletion_grace: settings.account_deletion_grace,
            };
            actix_web::rt::System::new().block_on(async move {
                let (server, address) = app::server(database, &options).context("binding the server")?;
                tracing::info!(%address, "Emenda is listening: open http://{address}/");
                server.await.context("serving")
            })?;
        }
    }
    Ok(())
}

fn report_demo(loaded: bool) {
    if loaded {
        println!(
            "demo data loaded: sign in as {} (or giulia_rinaldi@emenda.example) with password {}",
            seed::DEMO_ADMIN_EMAIL,
            seed::DEMO_PASSWORD
        );
    } else {
        println!("demo data already present");
    }
}
