//! Bulk loading for the load harness (`bench/`): many rows per statement,
//! written exactly as the services write them one at a time (the same
//! stored text of every id, instant and enum; version hashes chained with
//! `emenda_domain::history`; comment paths and thread keys derived as
//! [`crate::comments::insert`] derives them).
//!
//! These functions decide nothing: the caller hands over rows whose
//! counters (supports, tallies, comment and reply counts) it has already
//! computed, and proves them with [`crate::consistency::recount`]. They
//! take no locks either, so they are for filling a database nobody else
//! is writing to, never for a request path.

use crate::connection::DbConnection;
use crate::schema::{
    amendments, comment_revisions, comments, proposal_authors, proposal_follows, proposal_versions, proposals,
    sequences, support_tallies, supports, users,
};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::comment::Alignment;
use emenda_domain::history::{content_hash, HashEncoding, HashedVersion, TextCommitments};
use emenda_domain::proposal::{ProposalState, VersionKind};
use uuid::Uuid;

/// Rows per statement for narrow tables. Small enough to stay far below
/// SQLite's 32,766 and PostgreSQL's 65,535 bound parameters with 20 columns.
const NARROW_CHUNK: usize = 500;
/// Rows per statement for tables holding long texts (versions, amendments):
/// keeps one statement to a few megabytes.
const TEXT_CHUNK: usize = 50;

/// Runs one multi-row insert on the backend's own connection: diesel
/// writes multi-row `VALUES` for SQLite and PostgreSQL, not for the
/// connection enum.
macro_rules! batch {
    ($tx:expr, $table:ident, $rows:expr) => {{
        let insert = diesel::insert_into($table::table).values($rows);
        match $tx.conn() {
            DbConnection::Sqlite(c) => insert.execute(c)?,
            DbConnection::Postgres(c) => insert.execute(c)?,
        };
    }};
}

/// A user account.
#[derive(Debug, Clone)]
pub struct BulkUser {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Lower-cased e-mail.
    pub email: String,
    /// Lower-cased nickname.
    pub nickname: String,
    /// Shown name.
    pub display_name: String,
    /// Registration time.
    pub created_at: DateTime<Utc>,
}

/// Writes users who all share one Argon2id PHC string (hashing a password
/// per user would dominate the fill time; the hash still verifies).
pub fn insert_users(tx: &mut Tx<'_>, rows: &[BulkUser], password_hash: &str) -> Result<(), StoreError> {
    for chunk in rows.chunks(NARROW_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|u| {
                (
                    users::id.eq(Stored(u.id)),
                    users::email.eq(&u.email),
                    users::nickname.eq(&u.nickname),
                    users::display_name.eq(&u.display_name),
                    users::password_hash.eq(password_hash),
                    users::name_skeleton.eq(emenda_domain::text::name_skeleton(&u.display_name)),
                    users::nickname_skeleton.eq(emenda_domain::text::name_skeleton(&u.nickname)),
                    users::created_at.eq(Stored(u.created_at)),
                    users::updated_at.eq(Stored(u.created_at)),
                )
            })
            .collect();
        batch!(tx, users, values);
    }
    Ok(())
}

/// Writes that each of `user_ids` follows `proposal_id` since `at`.
pub fn insert_follows(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    user_ids: &[Uuid],
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in user_ids.chunks(NARROW_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|user| {
                (
                    proposal_follows::proposal_id.eq(Stored(proposal_id)),
                    proposal_follows::user_id.eq(Stored(*user)),
                    proposal_follows::created_at.eq(Stored(at)),
                )
            })
            .collect();
        batch!(tx, proposal_follows, values);
    }
    Ok(())
}

/// Takes `count` numbers of a sequence at once and returns the first; the
/// caller uses `first..first + count`, as `sequences::next` would have
/// handed them out one by one.
pub fn reserve_sequence(tx: &mut Tx<'_>, name: &str, count: i64) -> Result<i64, StoreError> {
    let updated = diesel::update(sequences::table.filter(sequences::name.eq(name)))
        .set(sequences::value.eq(sequences::value + count))
        .execute(tx.conn())?;
    if updated != 1 {
        return Err(StoreError::Corrupt(format!("missing sequence {name}")));
    }
    let last: i64 = sequences::table.filter(sequences::name.eq(name)).select(sequences::value).first(tx.conn())?;
    Ok(last - count + 1)
}

/// A published proposal with its counters already computed.
#[derive(Debug, Clone)]
pub struct BulkProposal {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Reference code (from a number of [`reserve_sequence`]).
    pub reference: String,
    /// The number inside the reference.
    pub sequence: i64,
    /// The space whose settings govern it.
    pub space_id: Uuid,
    /// Creator, written as its only author.
    pub creator_id: Uuid,
    /// Number of the current (last) version.
    pub current_version: i32,
    /// The current version's title.
    pub title: String,
    /// Supports that count.
    pub supports_count: i32,
    /// Every support row.
    pub supports_given: i32,
    /// Live comments on the proposal itself.
    pub comments_count: i32,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Time of the last version.
    pub updated_at: DateTime<Utc>,
}

/// Writes proposals in state `published` and their creators as authors.
pub fn insert_proposals(tx: &mut Tx<'_>, rows: &[BulkProposal]) -> Result<(), StoreError> {
    for chunk in rows.chunks(NARROW_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|p| {
                (
                    proposals::id.eq(Stored(p.id)),
                    proposals::reference.eq(&p.reference),
                    proposals::sequence.eq(p.sequence),
                    proposals::space_id.eq(Stored(p.space_id)),
                    proposals::creator_id.eq(Stored(p.creator_id)),
                    proposals::state.eq(Stored(ProposalState::Published)),
                    proposals::current_version.eq(p.current_version),
                    proposals::title.eq(&p.title),
                    proposals::supports_count.eq(p.supports_count),
                    proposals::supports_given.eq(p.supports_given),
                    proposals::comments_count.eq(p.comments_count),
                    proposals::created_at.eq(Stored(p.created_at)),
                    proposals::updated_at.eq(Stored(p.updated_at)),
                )
            })
            .collect();
        batch!(tx, proposals, values);
        let authors: Vec<_> = chunk
            .iter()
            .map(|p| {
                (
                    proposal_authors::proposal_id.eq(Stored(p.id)),
                    proposal_authors::user_id.eq(Stored(p.creator_id)),
                    proposal_authors::kind.eq("creator"),
                    proposal_authors::added_at.eq(Stored(p.created_at)),
                )
            })
            .collect();
        batch!(tx, proposal_authors, authors);
    }
    Ok(())
}

/// One version; its hashes are computed by [`insert_versions`].
#[derive(Debug, Clone)]
pub struct BulkVersion {
    /// The proposal.
    pub proposal_id: Uuid,
    /// 1..n.
    pub number: i32,
    /// The full title, as the version holds it.
    pub title: String,
    /// Markdown body.
    pub body: String,
    /// Who wrote it.
    pub editor_id: Uuid,
    /// `created` for version 1, `edited` after.
    pub kind: VersionKind,
    /// Edit summary.
    pub summary: Option<String>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Writes versions with their hash chain. Each proposal's versions must
/// come in one run, numbered 1..n in order (checked): version 1 starts a
/// chain, each later one links to the hash of the one before it, exactly
/// as `versions::append` links them.
pub fn insert_versions(tx: &mut Tx<'_>, rows: &[BulkVersion]) -> Result<(), StoreError> {
    let mut previous: Option<(Uuid, i32, String)> = None;
    let mut hashed = Vec::with_capacity(rows.len());
    for version in rows {
        let previous_hash = match (&previous, version.number) {
            (_, 1) => None,
            (Some((proposal, number, hash)), n) if *proposal == version.proposal_id && *number + 1 == n => {
                Some(hash.clone())
            }
            _ => {
                return Err(StoreError::Corrupt(format!(
                    "version {} of {} does not follow its predecessor",
                    version.number, version.proposal_id
                )))
            }
        };
        let created_at = Stored(version.created_at).text();
        let salt = crate::public_log::new_salt()?;
        let hash = content_hash(&HashedVersion {
            proposal_id: version.proposal_id,
            number: version.number,
            title: &version.title,
            body: &version.body,
            editor_id: version.editor_id,
            kind: version.kind,
            amendment_id: None,
            accepted_by: None,
            rewritten_by: None,
            summary: version.summary.as_deref(),
            created_at: &created_at,
            previous_hash: previous_hash.as_deref(),
            encoding: HashEncoding::CURRENT,
            texts: Some(TextCommitments::Salted(&salt)),
        });
        previous = Some((version.proposal_id, version.number, hash.clone()));
        hashed.push((version, hash, previous_hash, salt));
    }
    for chunk in hashed.chunks(TEXT_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(v, hash, previous_hash, salt)| {
                (
                    proposal_versions::proposal_id.eq(Stored(v.proposal_id)),
                    proposal_versions::number.eq(v.number),
                    proposal_versions::title.eq(&v.title),
                    proposal_versions::body.eq(&v.body),
                    proposal_versions::editor_id.eq(Stored(v.editor_id)),
                    proposal_versions::kind.eq(Stored(v.kind)),
                    proposal_versions::summary.eq(v.summary.as_deref()),
                    proposal_versions::created_at.eq(Stored(v.created_at)),
                    proposal_versions::content_hash.eq(hash),
                    proposal_versions::previous_hash.eq(previous_hash.as_deref()),
                    proposal_versions::hash_encoding.eq(i32::from(HashEncoding::CURRENT.number())),
                    proposal_versions::text_salt.eq(salt),
                )
            })
            .collect();
        batch!(tx, proposal_versions, values);
    }
    Ok(())
}

/// One support, pinned to the version it was given on.
#[derive(Debug, Clone)]
pub struct BulkSupport {
    /// The proposal.
    pub proposal_id: Uuid,
    /// The supporter.
    pub user_id: Uuid,
    /// The proposal's space.
    pub space_id: Uuid,
    /// The version supported.
    pub version: i32,
    /// When it was written (UTC, stored with microseconds).
    pub created_at: DateTime<Utc>,
}

/// Writes support rows. The proposals' counters and the givers' tallies
/// are the caller's (see [`insert_tallies`]).
pub fn insert_supports(tx: &mut Tx<'_>, rows: &[BulkSupport]) -> Result<(), StoreError> {
    for chunk in rows.chunks(NARROW_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|s| {
                (
                    supports::proposal_id.eq(Stored(s.proposal_id)),
                    supports::user_id.eq(Stored(s.user_id)),
                    supports::space_id.eq(Stored(s.space_id)),
                    supports::version.eq(s.version),
                    supports::created_at.eq(Stored(s.created_at)),
                    supports::updated_at.eq(Stored(s.created_at)),
                )
            })
            .collect();
        batch!(tx, supports, values);
    }
    Ok(())
}

/// Writes support tallies: `(user, space, supports given there)`.
pub fn insert_tallies(tx: &mut Tx<'_>, rows: &[(Uuid, Uuid, i32)]) -> Result<(), StoreError> {
    for chunk in rows.chunks(NARROW_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(user, space, given)| {
                (
                    support_tallies::user_id.eq(Stored(*user)),
                    support_tallies::space_id.eq(Stored(*space)),
                    support_tallies::supports.eq(*given),
                )
            })
            .collect();
        batch!(tx, support_tallies, values);
    }
    Ok(())
}

/// An amendment under evaluation, with its live comment count.
#[derive(Debug, Clone)]
pub struct BulkAmendment {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Proposal.
    pub proposal_id: Uuid,
    /// Who wrote it; what an author may do with it follows from this.
    pub author_id: Uuid,
    /// The version it changes.
    pub base_version: i32,
    /// Proposed title.
    pub title: String,
    /// Proposed body.
    pub body: String,
    /// Rationale.
    pub rationale: String,
    /// Live comments on it.
    pub comments_count: i32,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Writes amendments in state `evaluating`.
pub fn insert_amendments(tx: &mut Tx<'_>, rows: &[BulkAmendment]) -> Result<(), StoreError> {
    for chunk in rows.chunks(TEXT_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|a| {
                (
                    amendments::id.eq(Stored(a.id)),
                    amendments::proposal_id.eq(Stored(a.proposal_id)),
                    amendments::author_id.eq(Stored(a.author_id)),
                    amendments::base_version.eq(a.base_version),
                    amendments::title.eq(&a.title),
                    amendments::body.eq(&a.body),
                    amendments::rationale.eq(&a.rationale),
                    amendments::state.eq(Stored(AmendmentState::Evaluating)),
                    amendments::comments_count.eq(a.comments_count),
                    amendments::created_at.eq(Stored(a.created_at)),
                    amendments::updated_at.eq(Stored(a.created_at)),
                )
            })
            .collect();
        batch!(tx, amendments, values);
    }
    Ok(())
}

/// A live comment (never edited, deleted or hidden) with its reply count.
#[derive(Debug, Clone)]
pub struct BulkComment {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Proposal.
    pub proposal_id: Uuid,
    /// Amendment commented on, if any.
    pub amendment_id: Option<Uuid>,
    /// Space of the proposal.
    pub space_id: Uuid,
    /// The parent, for a reply: its id and path.
    pub parent: Option<(Uuid, String)>,
    /// Depth (0 for a root).
    pub depth: i32,
    /// Who wrote it; what an author may do with it follows from this.
    pub author_id: Uuid,
    /// Alignment.
    pub alignment: Alignment,
    /// Markdown source.
    pub body: String,
    /// Live descendants at every depth.
    pub replies_count: i32,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl BulkComment {
    /// The thread key and materialized path, as `comments::insert` derives
    /// them: a root files under its proposal or amendment, a reply under
    /// its parent.
    pub fn thread_key_and_path(&self) -> (Uuid, String) {
        match &self.parent {
            Some((parent_id, parent_path)) => (*parent_id, format!("{parent_path}/{}", self.id)),
            None => (self.amendment_id.unwrap_or(self.proposal_id), self.id.to_string()),
        }
    }
}

/// Writes comments and their first revisions; parents must come before
/// their replies (the foreign key is checked per statement).
pub fn insert_comments(tx: &mut Tx<'_>, rows: &[BulkComment]) -> Result<(), StoreError> {
    for chunk in rows.chunks(NARROW_CHUNK / 2) {
        let keys: Vec<(Uuid, String)> = chunk.iter().map(BulkComment::thread_key_and_path).collect();
        let values: Vec<_> = chunk
            .iter()
            .zip(&keys)
            .map(|(c, (thread_key, path))| {
                (
                    comments::id.eq(Stored(c.id)),
                    comments::proposal_id.eq(Stored(c.proposal_id)),
                    comments::amendment_id.eq(c.amendment_id.map(Stored)),
                    comments::space_id.eq(Stored(c.space_id)),
                    comments::thread_key.eq(Stored(*thread_key)),
                    comments::parent_id.eq(c.parent.as_ref().map(|(id, _)| Stored(*id))),
                    comments::path.eq(path),
                    comments::depth.eq(c.depth),
                    comments::author_id.eq(Stored(c.author_id)),
                    comments::alignment.eq(Stored(c.alignment)),
                    comments::body.eq(&c.body),
                    comments::replies_count.eq(c.replies_count),
                    comments::created_at.eq(Stored(c.created_at)),
                    comments::updated_at.eq(Stored(c.created_at)),
                )
            })
            .collect();
        batch!(tx, comments, values);
        let revisions: Vec<_> = chunk
            .iter()
            .map(|c| {
                (
                    comment_revisions::comment_id.eq(Stored(c.id)),
                    comment_revisions::revision.eq(1),
                    comment_revisions::body.eq(&c.body),
                    comment_revisions::alignment.eq(Stored(c.alignment)),
                    comment_revisions::created_at.eq(Stored(c.created_at)),
                )
            })
            .collect();
        batch!(tx, comment_revisions, revisions);
    }
    Ok(())
}

/// Refreshes the planner's statistics after a bulk load (`ANALYZE`), so
/// the first requests are planned on the real table sizes.
pub fn analyze(tx: &mut Tx<'_>) -> Result<(), StoreError> {
    tx.conn().batch_execute("ANALYZE")?;
    Ok(())
}

/// Creates `bench_scratch`, a table outside the schema for the harness's
/// raw-insert baseline, if it is missing.
pub fn create_scratch_table(tx: &mut Tx<'_>) -> Result<(), StoreError> {
    tx.conn().batch_execute(
        "CREATE TABLE IF NOT EXISTS bench_scratch (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)",
    )?;
    Ok(())
}

/// Inserts one row into `bench_scratch`: the cheapest durable write the
/// database offers, the yardstick for a support.
pub fn insert_scratch(tx: &mut Tx<'_>, id: Uuid, body: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    let (id, at) = (Stored(id).text(), Stored(at).text());
    match tx.conn() {
        DbConnection::Postgres(c) => {
            diesel::sql_query("INSERT INTO bench_scratch (id, body, created_at) VALUES ($1, $2, $3)")
                .bind::<diesel::sql_types::Text, _>(id)
                .bind::<diesel::sql_types::Text, _>(body)
                .bind::<diesel::sql_types::Text, _>(at)
                .execute(c)?
        }
        DbConnection::Sqlite(c) => {
            diesel::sql_query("INSERT INTO bench_scratch (id, body, created_at) VALUES (?, ?, ?)")
                .bind::<diesel::sql_types::Text, _>(id)
                .bind::<diesel::sql_types::Text, _>(body)
                .bind::<diesel::sql_types::Text, _>(at)
                .execute(c)?
        }
    };
    Ok(())
}
