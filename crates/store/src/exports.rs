//! A person's copy of their data ("Scarica i miei dati", docs/domain.md,
//! Data rights): the request, its archive once built, its expiry; and the
//! reading of everything the database holds about them, section by
//! section, for the archive.

use crate::connection::DbConnection;
use crate::schema::data_exports;
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

/// An export as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord {
    /// Its id.
    pub id: Uuid,
    /// Whose data it holds.
    pub user_id: Uuid,
    /// `pending`, `ready` or `expired`.
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

#[derive(Queryable, Selectable)]
#[diesel(table_name = data_exports)]
struct ExportRow {
    id: Stored<Uuid>,
    user_id: Stored<Uuid>,
    state: String,
    requested_at: Stored<DateTime<Utc>>,
    ready_at: Option<Stored<DateTime<Utc>>>,
    expires_at: Option<Stored<DateTime<Utc>>>,
    size: Option<i64>,
}

impl From<ExportRow> for ExportRecord {
    fn from(row: ExportRow) -> Self {
        Self {
            id: row.id.0,
            user_id: row.user_id.0,
            state: row.state,
            requested_at: row.requested_at.0,
            ready_at: row.ready_at.map(|t| t.0),
            expires_at: row.expires_at.map(|t| t.0),
            size: row.size,
        }
    }
}

/// Records a request; its archive is built later (see [`next_pending`]).
pub fn insert(tx: &mut Tx<'_>, id: Uuid, user_id: Uuid, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::insert_into(data_exports::table)
        .values((
            data_exports::id.eq(Stored(id)),
            data_exports::user_id.eq(Stored(user_id)),
            data_exports::token_hash.eq(token_hash),
            data_exports::state.eq("pending"),
            data_exports::requested_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// The person's exports, newest first.
pub fn of_user(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<ExportRecord>, StoreError> {
    let rows: Vec<ExportRow> = data_exports::table
        .filter(data_exports::user_id.eq(Stored(user_id)))
        .order(data_exports::requested_at.desc())
        .select(ExportRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(ExportRecord::from).collect())
}

/// The oldest export still waiting for its archive.
pub fn next_pending(tx: &mut Tx<'_>) -> Result<Option<ExportRecord>, StoreError> {
    let rows: Vec<ExportRow> = data_exports::table
        .filter(data_exports::state.eq("pending"))
        .order(data_exports::requested_at.asc())
        .select(ExportRow::as_select())
        .limit(1)
        .load(tx.conn())?;
    Ok(rows.into_iter().next().map(ExportRecord::from))
}

/// Stores the built archive of a pending export; whether it was still
/// pending (another instance may have built it first).
/// `token_hash` is the hash of the link's token, made now that there is
/// something to download.
pub fn finish(
    tx: &mut Tx<'_>,
    id: Uuid,
    archive: &[u8],
    token_hash: &str,
    at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(diesel::update(
        data_exports::table.filter(data_exports::id.eq(Stored(id))).filter(data_exports::state.eq("pending")),
    )
    .set((
        data_exports::state.eq("ready"),
        data_exports::token_hash.eq(token_hash),
        data_exports::archive.eq(Some(archive)),
        data_exports::size.eq(Some(i64::try_from(archive.len()).unwrap_or(i64::MAX))),
        data_exports::ready_at.eq(Some(Stored(at))),
        data_exports::expires_at.eq(Some(Stored(expires_at))),
    ))
    .execute(tx.conn())?
        > 0)
}

/// The archive of a ready, unexpired export, found by its link's token
/// hash, or by its id for its owner.
pub fn archive(
    tx: &mut Tx<'_>,
    by: ArchiveKey<'_>,
    now: DateTime<Utc>,
) -> Result<Option<(ExportRecord, Vec<u8>)>, StoreError> {
    let query = data_exports::table
        .filter(data_exports::state.eq("ready"))
        .filter(data_exports::expires_at.gt(Stored(now)))
        .select((ExportRow::as_select(), data_exports::archive))
        .into_boxed();
    let query = match by {
        ArchiveKey::Token(hash) => query.filter(data_exports::token_hash.eq(hash.to_owned())),
        ArchiveKey::Owner { id, user_id } => {
            query.filter(data_exports::id.eq(Stored(id))).filter(data_exports::user_id.eq(Stored(user_id)))
        }
    };
    let rows: Vec<(ExportRow, Option<Vec<u8>>)> = query.limit(1).load(tx.conn())?;
    Ok(rows.into_iter().next().and_then(|(row, archive)| archive.map(|bytes| (ExportRecord::from(row), bytes))))
}

/// How an archive is asked for.
#[derive(Debug, Clone, Copy)]
pub enum ArchiveKey<'a> {
    /// By the SHA-256 (hex) of the token in the letter's link.
    Token(&'a str),
    /// By its id, for the signed-in owner.
    Owner {
        /// The export.
        id: Uuid,
        /// Its owner, the caller.
        user_id: Uuid,
    },
}

/// Drops the archives whose time is over; how many.
pub fn expire(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        data_exports::table.filter(data_exports::state.eq("ready")).filter(data_exports::expires_at.le(Stored(now))),
    )
    .set((data_exports::state.eq("expired"), data_exports::archive.eq(None::<Vec<u8>>)))
    .execute(tx.conn())?)
}

/// Every export of the person, archives included (their account's
/// erasure).
pub fn delete_of_user(tx: &mut Tx<'_>, user_id: Uuid) -> Result<usize, StoreError> {
    Ok(diesel::delete(data_exports::table.filter(data_exports::user_id.eq(Stored(user_id)))).execute(tx.conn())?)
}

/// One part of a person's data: a name, its columns, its rows (each value
/// as text, as stored; absent as `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// File name without extension, e.g. `comments`.
    pub name: &'static str,
    /// Column names.
    pub columns: &'static [&'static str],
    /// Rows, each with one value per column.
    pub rows: Vec<Vec<Option<String>>>,
}

/// Up to ten text columns: every section's query selects its values
/// as `c0`… and pads the rest with NULL, so one row type reads them all.
#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c0: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c1: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c2: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c3: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c4: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c5: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c6: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c7: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c8: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    c9: Option<String>,
}

/// One section's query: file name, columns, their expressions, the rest
/// of the query (`FROM …`), the value it binds.
type Planned<'a> = (&'static str, &'static [&'static str], &'a [&'a str], String, &'a str);

/// Everything the database holds about the person `user_id` whose
/// address is `email`, in one read: what they wrote, gave, asked and
/// were told, each query with its one value bound. Each section's query
/// is written here once for both backends (values cast to text; ids and
/// times are stored as text; booleans written `true`/`false` on both).
pub fn person_data(tx: &mut Tx<'_>, user_id: Uuid, email: &str) -> Result<Vec<Section>, StoreError> {
    // Each query takes one value, bound (the user's id, or their address),
    // written where the backend expects its one parameter.
    let parameter = match tx.conn() {
        DbConnection::Sqlite(_) => "?",
        DbConnection::Postgres(_) => "$1",
    };
    let (user, user_value) = (parameter, user_id.to_string());
    let (address, address_value) = (parameter, email.to_owned());
    let plan: Vec<Planned<'_>> = vec![
        (
            "account",
            &["id", "email", "nickname", "display_name", "created_at", "verified_at", "email_confirmed_at", "language", "privacy_version", "privacy_accepted_at"],
            &["id", "email", "nickname", "display_name", "created_at", "verified_at", "email_confirmed_at", "language", "privacy_version", "privacy_accepted_at"],
            format!("FROM users WHERE id = {user}"),
            &user_value,
        ),
        (
            "standing",
            &["blocked_at", "deletion_due_at"],
            &["blocked_at", "deletion_due_at"],
            format!("FROM users WHERE id = {user}"),
            &user_value,
        ),
        (
            "about_you",
            &["action", "at", "details", "visibility"],
            &["action", "created_at", "details", "visibility"],
            format!("FROM audit_log WHERE target_kind = 'user' AND target_id = {user} ORDER BY created_at"),
            &user_value,
        ),
        (
            "sign_ins",
            &["at", "address", "succeeded"],
            &["created_at", "address", "CASE WHEN succeeded THEN 'true' ELSE 'false' END"],
            format!("FROM login_attempts WHERE email = {address} ORDER BY created_at"),
            &address_value,
        ),
        (
            "roles",
            &["role", "space_id", "granted_at"],
            &["role", "space_id", "created_at"],
            format!("FROM role_grants WHERE user_id = {user} ORDER BY created_at"),
            &user_value,
        ),
        (
            "proposals",
            &["reference", "as", "since", "state", "title"],
            &["p.reference", "a.kind", "a.added_at", "p.state", "p.title"],
            format!("FROM proposal_authors a JOIN proposals p ON p.id = a.proposal_id WHERE a.user_id = {user} ORDER BY a.added_at"),
            &user_value,
        ),
        (
            "versions",
            &["reference", "number", "kind", "title", "body", "summary", "created_at", "content_hash", "erased_at"],
            &["p.reference", "v.number", "v.kind", "v.title", "v.body", "v.summary", "v.created_at", "v.content_hash", "v.erased_at"],
            format!("FROM proposal_versions v JOIN proposals p ON p.id = v.proposal_id WHERE v.editor_id = {user} ORDER BY v.created_at"),
            &user_value,
        ),
        (
            "amendments",
            &["id", "reference", "base_version", "title", "body", "rationale", "state", "decision_reason", "created_at"],
            &["a.id", "p.reference", "a.base_version", "a.title", "a.body", "a.rationale", "a.state", "a.decision_reason", "a.created_at"],
            format!("FROM amendments a JOIN proposals p ON p.id = a.proposal_id WHERE a.author_id = {user} ORDER BY a.created_at"),
            &user_value,
        ),
        (
            "comments",
            &["id", "reference", "amendment_id", "parent_id", "body", "created_at", "edited_at", "deleted_at", "hidden"],
            &["c.id", "p.reference", "c.amendment_id", "c.parent_id", "c.body", "c.created_at", "c.edited_at", "c.deleted_at", "CASE WHEN c.hidden THEN 'true' ELSE 'false' END"],
            format!("FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE c.author_id = {user} ORDER BY c.created_at"),
            &user_value,
        ),
        (
            "comment_revisions",
            &["comment_id", "revision", "body", "alignment", "created_at"],
            &["r.comment_id", "r.revision", "r.body", "r.alignment", "r.created_at"],
            format!(
                "FROM comment_revisions r JOIN comments c ON c.id = r.comment_id WHERE c.author_id = {user} \
                 ORDER BY r.created_at"
            ),
            &user_value,
        ),
        (
            "comment_votes",
            &["comment_id", "value", "at"],
            &["comment_id", "value", "updated_at"],
            format!("FROM comment_votes WHERE user_id = {user} ORDER BY created_at"),
            &user_value,
        ),
        (
            "supports",
            &["reference", "version", "given_at", "confirmed_at"],
            &["p.reference", "s.version", "s.created_at", "s.updated_at"],
            format!("FROM supports s JOIN proposals p ON p.id = s.proposal_id WHERE s.user_id = {user} ORDER BY s.created_at"),
            &user_value,
        ),
        (
            "reports",
            &["id", "reason", "details", "state", "created_at"],
            &["id", "reason", "details", "state", "created_at"],
            format!("FROM reports WHERE reporter_id = {user} ORDER BY created_at"),
            &user_value,
        ),
        (
            "follows",
            &["reference", "since"],
            &["p.reference", "f.created_at"],
            format!("FROM proposal_follows f JOIN proposals p ON p.id = f.proposal_id WHERE f.user_id = {user} ORDER BY f.created_at"),
            &user_value,
        ),
        (
            "notifications",
            &["kind", "payload", "created_at", "read_at"],
            &["kind", "payload", "created_at", "read_at"],
            format!("FROM notifications WHERE user_id = {user} ORDER BY created_at"),
            &user_value,
        ),
        (
            "notification_settings",
            &["kind", "delivery"],
            &["kind", "delivery"],
            format!("FROM notification_settings WHERE user_id = {user} ORDER BY kind"),
            &user_value,
        ),
        (
            "letters",
            &["kind", "subject", "state", "created_at", "sent_at"],
            &["kind", "subject", "state", "created_at", "sent_at"],
            format!("FROM mail_outbox WHERE user_id = {user} ORDER BY created_at"),
            &user_value,
        ),
    ];
    let mut sections = Vec::with_capacity(plan.len());
    for (name, columns, values, rest, value) in plan {
        let sql = padded(values, &rest);
        let rows: Vec<TextRow> = match tx.conn() {
            DbConnection::Sqlite(c) => diesel::sql_query(&sql).bind::<diesel::sql_types::Text, _>(value).load(c)?,
            DbConnection::Postgres(c) => diesel::sql_query(&sql).bind::<diesel::sql_types::Text, _>(value).load(c)?,
        };
        let rows = rows
            .into_iter()
            .map(|r| {
                let all = [r.c0, r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7, r.c8, r.c9];
                all.into_iter().take(columns.len()).collect()
            })
            .collect();
        sections.push(Section { name, columns, rows });
    }
    Ok(sections)
}

/// `SELECT` of `values` as text, named `c0`… and padded with NULL to ten,
/// then `rest` (`FROM …`).
fn padded(values: &[&str], rest: &str) -> String {
    let selected: Vec<String> = (0..10)
        .map(|i| match values.get(i) {
            Some(value) => format!("CAST({value} AS TEXT) AS c{i}"),
            None => format!("CAST(NULL AS TEXT) AS c{i}"),
        })
        .collect();
    format!("SELECT {} {rest}", selected.join(", "))
}
