//! Proposal versions: append-only rows (the database refuses UPDATE and
//! DELETE on them).

use crate::convert::{id_text, opt_id_text, parse_enum, parse_id, parse_opt_id, parse_time};
use crate::schema::{proposal_versions, users};
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::clock::format_timestamp;
use emenda_domain::history::{content_hash, HashEncoding, HashedVersion};
use emenda_domain::proposal::VersionKind;
use uuid::Uuid;

/// A version as stored. `created_at_text` is the exact stored text the hash
/// covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    /// The proposal.
    pub proposal_id: Uuid,
    /// 1..n.
    pub number: i32,
    /// Title.
    pub title: String,
    /// Markdown body.
    pub body: String,
    /// Who wrote it.
    pub editor_id: Uuid,
    /// The editor's nickname, for display.
    pub editor_nickname: String,
    /// How it came to be.
    pub kind: VersionKind,
    /// Amendment it came from.
    pub amendment_id: Option<Uuid>,
    /// Staff member who accepted that amendment.
    pub accepted_by: Option<Uuid>,
    /// Edit summary.
    pub summary: Option<String>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Creation time exactly as stored and hashed.
    pub created_at_text: String,
    /// SHA-256 of this version's canonical encoding.
    pub content_hash: String,
    /// The previous version's hash.
    pub previous_hash: Option<String>,
    /// Which canonical encoding `content_hash` was computed with.
    pub hash_encoding: i32,
}

/// What a new version holds; its hashes are computed on append.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    /// The proposal.
    pub proposal_id: Uuid,
    /// Its number.
    pub number: i32,
    /// Title.
    pub title: &'a str,
    /// Body.
    pub body: &'a str,
    /// Editor.
    pub editor_id: Uuid,
    /// Kind.
    pub kind: VersionKind,
    /// Amendment it came from.
    pub amendment_id: Option<Uuid>,
    /// Staff member who accepted the amendment.
    pub accepted_by: Option<Uuid>,
    /// Edit summary.
    pub summary: Option<&'a str>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Appends a version, chained to the one before it: the previous hash is
/// read here and the content hash computed here, so no code path can write
/// a version outside the chain. A duplicate number fails with `Duplicate`.
/// Returns the new version's hash.
pub fn append(tx: &mut Tx<'_>, version: &NewVersion<'_>) -> Result<String, StoreError> {
    let previous_hash: Option<String> = if version.number > 1 {
        let hash = proposal_versions::table
            .filter(proposal_versions::proposal_id.eq(id_text(version.proposal_id)))
            .filter(proposal_versions::number.eq(version.number - 1))
            .select(proposal_versions::content_hash)
            .first(tx.conn())
            .optional()?;
        Some(hash.ok_or_else(|| StoreError::Corrupt(format!("version {} is missing", version.number - 1)))?)
    } else {
        None
    };
    let created_at = format_timestamp(version.created_at);
    let content_hash = content_hash(&HashedVersion {
        proposal_id: version.proposal_id,
        number: version.number,
        title: version.title,
        body: version.body,
        editor_id: version.editor_id,
        kind: version.kind,
        amendment_id: version.amendment_id,
        accepted_by: version.accepted_by,
        summary: version.summary,
        created_at: &created_at,
        previous_hash: previous_hash.as_deref(),
        encoding: HashEncoding::CURRENT,
    });
    diesel::insert_into(proposal_versions::table)
        .values((
            proposal_versions::proposal_id.eq(id_text(version.proposal_id)),
            proposal_versions::number.eq(version.number),
            proposal_versions::title.eq(version.title),
            proposal_versions::body.eq(version.body),
            proposal_versions::editor_id.eq(id_text(version.editor_id)),
            proposal_versions::kind.eq(version.kind.as_str()),
            proposal_versions::amendment_id.eq(opt_id_text(version.amendment_id)),
            proposal_versions::accepted_by.eq(opt_id_text(version.accepted_by)),
            proposal_versions::summary.eq(version.summary),
            proposal_versions::created_at.eq(&created_at),
            proposal_versions::content_hash.eq(&content_hash),
            proposal_versions::previous_hash.eq(&previous_hash),
            proposal_versions::hash_encoding.eq(i32::from(HashEncoding::CURRENT.number())),
        ))
        .execute(tx.conn())?;
    Ok(content_hash)
}

#[derive(Queryable)]
struct VersionRow {
    proposal_id: String,
    number: i32,
    title: String,
    body: String,
    editor_id: String,
    editor_nickname: String,
    kind: String,
    amendment_id: Option<String>,
    accepted_by: Option<String>,
    summary: Option<String>,
    created_at: String,
    content_hash: String,
    previous_hash: Option<String>,
    hash_encoding: i32,
}

impl TryFrom<VersionRow> for VersionRecord {
    type Error = StoreError;
    fn try_from(row: VersionRow) -> Result<Self, StoreError> {
        Ok(VersionRecord {
            proposal_id: parse_id(&row.proposal_id)?,
            number: row.number,
            title: row.title,
            body: row.body,
            editor_id: parse_id(&row.editor_id)?,
            editor_nickname: row.editor_nickname,
            kind: parse_enum(&row.kind, VersionKind::parse)?,
            amendment_id: parse_opt_id(row.amendment_id.as_deref())?,
            accepted_by: parse_opt_id(row.accepted_by.as_deref())?,
            summary: row.summary,
            created_at: parse_time(&row.created_at)?,
            created_at_text: row.created_at,
            content_hash: row.content_hash,
            previous_hash: row.previous_hash,
            hash_encoding: row.hash_encoding,
        })
    }
}

macro_rules! version_query {
    ($proposal_id:expr) => {
        proposal_versions::table
            .inner_join(users::table.on(users::id.eq(proposal_versions::editor_id)))
            .filter(proposal_versions::proposal_id.eq(id_text($proposal_id)))
            .select((
                proposal_versions::proposal_id,
                proposal_versions::number,
                proposal_versions::title,
                proposal_versions::body,
                proposal_versions::editor_id,
                users::nickname,
                proposal_versions::kind,
                proposal_versions::amendment_id,
                proposal_versions::accepted_by,
                proposal_versions::summary,
                proposal_versions::created_at,
                proposal_versions::content_hash,
                proposal_versions::previous_hash,
                proposal_versions::hash_encoding,
            ))
    };
}

/// One version.
pub fn get(tx: &mut Tx<'_>, proposal_id: Uuid, number: i32) -> Result<Option<VersionRecord>, StoreError> {
    let rows: Vec<VersionRow> =
        version_query!(proposal_id).filter(proposal_versions::number.eq(number)).limit(1).load(tx.conn())?;
    rows.into_iter().next().map(VersionRecord::try_from).transpose()
}

/// Versions after number `after`, oldest first, at most `limit`.
pub fn list(tx: &mut Tx<'_>, proposal_id: Uuid, after: i32, limit: i64) -> Result<Vec<VersionRecord>, StoreError> {
    let rows: Vec<VersionRow> = version_query!(proposal_id)
        .filter(proposal_versions::number.gt(after))
        .order(proposal_versions::number.asc())
        .limit(limit)
        .load(tx.conn())?;
    rows.into_iter().map(VersionRecord::try_from).collect()
}
