//! "Scarica i miei dati" (docs/domain.md, Data rights): a person asks for
//! a copy of everything the platform keeps about them; a background worker
//! reads it in one transaction and builds a ZIP (one JSON file with every
//! section, and a CSV per section), kept for a week and offered by a
//! letter whose link is the proof, or in the app to the signed-in owner.

use crate::service::AccountService;
use crate::tokens::{hash_refresh_token, random_secret};
use chrono::{DateTime, Duration, Utc};
use emenda_domain::mail::{letter_time, LetterBody};
use emenda_domain::DomainError;
use emenda_service::{InternalError, ServiceResult};
use emenda_store::exports::{self, ArchiveKey, ExportRecord, Section};
use emenda_store::{users, HasStore};
use std::io::Write;
use uuid::Uuid;

/// A copy of a person's data, as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Export {
    /// Its id.
    pub id: Uuid,
    /// `pending` (being built), `ready` (downloadable until `expires_at`)
    /// or `expired`.
    pub state: String,
    /// When it was asked for.
    pub requested_at: DateTime<Utc>,
    /// When its archive was built.
    pub ready_at: Option<DateTime<Utc>>,
    /// When its archive goes.
    pub expires_at: Option<DateTime<Utc>>,
    /// The archive's size in bytes, once built.
    pub size: Option<i64>,
}

impl From<ExportRecord> for Export {
    fn from(r: ExportRecord) -> Self {
        Self {
            id: r.id,
            state: r.state,
            requested_at: r.requested_at,
            ready_at: r.ready_at,
            expires_at: r.expires_at,
            size: r.size,
        }
    }
}

/// How long an archive can be downloaded once built.
pub const ARCHIVE_KEPT: Duration = Duration::days(7);

/// A request within this long of the last one gives the same export:
/// building one reads everything about a person, so it is not done on
/// every click.
pub const ONE_EXPORT_PER: Duration = Duration::hours(24);

impl AccountService {
    /// Asks for a copy of the caller's data; the archive is built in the
    /// background. Asking again within [`ONE_EXPORT_PER`] answers the same
    /// export.
    pub fn request_export(&self, user_id: Uuid) -> ServiceResult<Export> {
        self.ctx.store().write(|tx| {
            // The person's row, locked: two requests at once make one export.
            users::find_for_update(tx, user_id)?
                .filter(|u| u.deleted_at.is_none())
                .ok_or_else(|| DomainError::not_found("user"))?;
            let now = self.ctx.clock.now();
            let recent = exports::of_user(tx, user_id)?
                .into_iter()
                .find(|e| e.state != "expired" && e.requested_at > now - ONE_EXPORT_PER);
            if let Some(recent) = recent {
                return Ok(recent.into());
            }
            let id = self.ctx.ids.new_id();
            // A token nobody holds until the archive exists (see `build_next_export`).
            let placeholder = hash_refresh_token(&random_secret().map_err(no_randomness)?);
            exports::insert(tx, id, user_id, &placeholder, now)?;
            let written = exports::of_user(tx, user_id)?.into_iter().find(|e| e.id == id);
            Ok(written.ok_or_else(|| DomainError::not_found("export"))?.into())
        })
    }

    /// The caller's exports, newest first.
    pub fn exports(&self, user_id: Uuid) -> ServiceResult<Vec<Export>> {
        Ok(self.ctx.store().read(|tx| exports::of_user(tx, user_id))?.into_iter().map(Export::from).collect())
    }

    /// Builds the oldest pending export, if any: reads the person's data
    /// in one transaction, writes the archive, and (where the site sends
    /// e-mail and their address is confirmed) a letter with its link.
    /// Returns the export built.
    pub fn build_next_export(&self) -> ServiceResult<Option<Uuid>> {
        let Some(pending) = self.ctx.store().read(exports::next_pending)? else { return Ok(None) };
        let built_at = self.ctx.clock.now();
        let sections = self.ctx.store().read(|tx| {
            let user = users::find_by_id(tx, pending.user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            Ok::<_, emenda_service::ServiceError>(exports::person_data(tx, user.id, &user.email)?)
        })?;
        let archive = archive(&sections, built_at)?;
        let token = random_secret().map_err(no_randomness)?;
        self.ctx.store().write(|tx| {
            let now = self.ctx.clock.now();
            let until = now + ARCHIVE_KEPT;
            if !exports::finish(tx, pending.id, &archive, &hash_refresh_token(&token), now, until)? {
                return Ok(None);
            }
            let user = users::find_by_id(tx, pending.user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            if self.sends_email() && user.email_confirmed_at.is_some() && user.deleted_at.is_none() {
                let link = format!("{}/api/v1/exports/archive?token={token}", self.mail_site()?.public_url);
                let until = letter_time(until, user.language);
                self.post(tx, &user, &user.email, &LetterBody::ExportReady { link: &link, until: &until })?;
            }
            Ok(Some(pending.id))
        })
    }

    /// The archive the letter's link names, while it is kept.
    pub fn export_archive_by_token(&self, token: &str) -> ServiceResult<(Export, Vec<u8>)> {
        let hash = hash_refresh_token(token);
        let now = self.ctx.clock.now();
        self.ctx
            .store()
            .read(|tx| exports::archive(tx, ArchiveKey::Token(&hash), now))?
            .map(|(export, bytes)| (export.into(), bytes))
            .ok_or_else(|| DomainError::not_found("export").into())
    }

    /// The archive of the caller's export `id`, while it is kept.
    pub fn export_archive(&self, user_id: Uuid, id: Uuid) -> ServiceResult<(Export, Vec<u8>)> {
        let now = self.ctx.clock.now();
        self.ctx
            .store()
            .read(|tx| exports::archive(tx, ArchiveKey::Owner { id, user_id }, now))?
            .map(|(export, bytes)| (export.into(), bytes))
            .ok_or_else(|| DomainError::not_found("export").into())
    }

    /// Drops the archives whose week is over; how many.
    pub fn expire_exports(&self) -> ServiceResult<usize> {
        let now = self.ctx.clock.now();
        Ok(self.ctx.store().write(|tx| exports::expire(tx, now))?)
    }
}

fn no_randomness(error: getrandom::Error) -> InternalError {
    InternalError::new("drawing a download token", error.to_string())
}

/// What the archive says of itself, in both languages.
const README: &str = "I tuoi dati su Emenda / Your data on Emenda\n\n\
dati.json: ogni sezione, in JSON / every section, in JSON.\n\
<sezione>.csv: la stessa sezione in CSV (UTF-8, RFC 4180) / the same section as CSV.\n\n\
account: il profilo e il consenso all'informativa / the profile and the privacy consent\n\
standing, about_you: blocco, eliminazione chiesta, il registro su di te / block, deletion asked, the log about you\n\
sign_ins: gli accessi tentati con il tuo indirizzo / sign-ins tried with your address\n\
roles, proposals, versions, amendments, comments, comment_revisions, comment_votes, supports,\n\
reports, follows,\n\
notifications, notification_settings, letters: quello che hai scritto, dato, chiesto e ricevuto /\n\
what you wrote, gave, asked for and received.\n\n\
Una cella che comincia con = + - @ ha davanti un apostrofo nei CSV, perché un foglio di calcolo\n\
non la esegua come formula / A cell starting with = + - @ is prefixed with an apostrophe in the\n\
CSV files, so that a spreadsheet does not run it as a formula.\n";

/// The ZIP of `sections`: `dati.json`, a CSV per section, `LEGGIMI.txt`.
fn archive(sections: &[Section], at: DateTime<Utc>) -> Result<Vec<u8>, InternalError> {
    let failed = |e: &dyn std::fmt::Display| InternalError::new("building a data archive", e.to_string());
    let mut json = serde_json::Map::new();
    for section in sections {
        let rows: Vec<serde_json::Value> = section
            .rows
            .iter()
            .map(|row| {
                let fields = section.columns.iter().zip(row).map(|(c, v)| ((*c).to_owned(), serde_json::json!(v)));
                serde_json::Value::Object(fields.collect())
            })
            .collect();
        json.insert(section.name.to_owned(), serde_json::Value::Array(rows));
    }
    let document = serde_json::json!({ "generated_at": at, "sections": json });
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), InternalError> {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))
    };
    add("LEGGIMI.txt", README.as_bytes())?;
    add("dati.json", serde_json::to_string_pretty(&document).map_err(|e| failed(&e))?.as_bytes())?;
    for section in sections {
        add(&format!("{}.csv", section.name), csv(section).as_bytes())?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// A section as CSV (RFC 4180: quoted where needed, CRLF), each cell a
/// spreadsheet would take for a formula prefixed with an apostrophe.
fn csv(section: &Section) -> String {
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let cells: Vec<String> = cells.into_iter().map(csv_cell).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(section.columns.to_vec());
    for row in &section.rows {
        line(row.iter().map(|v| v.as_deref().unwrap_or("")).collect());
    }
    out
}

fn csv_cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        assert_eq!(csv_cell("semplice"), "semplice");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("disse \"sì\""), "\"disse \"\"sì\"\"\"");
        assert_eq!(csv_cell("riga\nnuova"), "\"riga\nnuova\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    }
}
