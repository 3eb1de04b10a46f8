//! Proposal versions: append-only rows. The database refuses UPDATE and
//! DELETE on them, but for one change: erasing the texts of a version of
//! hash encoding 4, which leaves their commitments and the hash intact.

use crate::public_log;
use crate::schema::{proposal_versions, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::history::{content_hash, HashEncoding, HashedVersion, TextCommitments};
use emenda_domain::proposal::VersionKind;
use emenda_domain::transparency::EntryKind;
use uuid::Uuid;

/// A version as stored. `created_at_text` is the exact stored text the hash
/// covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
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
    /// The editor's nickname, for display.
    pub editor_nickname: String,
    /// How it came to be.
    pub kind: VersionKind,
    /// Amendment it came from.
    pub amendment_id: Option<Uuid>,
    /// Staff member who accepted that amendment.
    pub accepted_by: Option<Uuid>,
    /// Staff member who rewrote the amendment's text on accepting it.
    pub rewritten_by: Option<Uuid>,
    /// Their nickname, for display.
    pub rewritten_by_nickname: Option<String>,
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
    /// Its leaf index in the transparency log, once sequenced (about a
    /// second after it is written): what an inclusion proof asks for.
    pub log_index: Option<u64>,
    /// The salt its texts are committed under (encoding 4, texts held).
    pub text_salt: Option<String>,
    /// Set once its texts were erased.
    pub erasure: Option<Erasure>,
}

/// What remains of a version's texts once erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    /// When.
    pub erased_at: DateTime<Utc>,
    /// The title's commitment.
    pub title: String,
    /// The body's commitment.
    pub body: String,
    /// The summary's commitment, if it had a summary.
    pub summary: Option<String>,
}

impl VersionRecord {
    /// The fields its hash covers, as stored: what verification re-hashes.
    /// An encoding number nobody knows is read as the current one (the
    /// caller names such a version invalid before hashing it).
    pub fn hashed(&self) -> HashedVersion<'_> {
        let encoding =
            u16::try_from(self.hash_encoding).ok().and_then(HashEncoding::from_number).unwrap_or(HashEncoding::CURRENT);
        let texts = match (&self.erasure, &self.text_salt) {
            (Some(erased), _) => Some(TextCommitments::Erased {
                title: &erased.title,
                body: &erased.body,
                summary: erased.summary.as_deref(),
            }),
            (None, Some(salt)) => Some(TextCommitments::Salted(salt)),
            (None, None) => None,
        };
        HashedVersion {
            encoding,
            proposal_id: self.proposal_id,
            number: self.number,
            title: &self.title,
            body: &self.body,
            editor_id: self.editor_id,
            kind: self.kind,
            amendment_id: self.amendment_id,
            accepted_by: self.accepted_by,
            rewritten_by: self.rewritten_by,
            summary: self.summary.as_deref(),
            created_at: &self.created_at_text,
            previous_hash: self.previous_hash.as_deref(),
            texts,
        }
    }
}

/// What a new version holds; its hashes are computed on append.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    /// The proposal.
    pub proposal_id: Uuid,
    /// Its public reference, which the version's log entry names.
    pub reference: &'a str,
    /// Its number.
    pub number: i32,
    /// The full title, as the version holds it.
    pub title: &'a str,
    /// The full body, Markdown.
    pub body: &'a str,
    /// Editor.
    pub editor_id: Uuid,
    /// Why the version exists (created, edited, amendment accepted): the history shows it.
    pub kind: VersionKind,
    /// Amendment it came from.
    pub amendment_id: Option<Uuid>,
    /// Staff member who accepted the amendment.
    pub accepted_by: Option<Uuid>,
    /// Staff member who, accepting it, wrote a final text other than the
    /// amendment merged as it was.
    pub rewritten_by: Option<Uuid>,
    /// Edit summary.
    pub summary: Option<&'a str>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// Appends a version, chained to the one before it and entered in the
/// transparency log in the same transaction: the previous hash is
/// read here and the content hash computed here, so no code path can write
/// a version outside the chain. A duplicate number fails with `Duplicate`.
/// Returns the new version's hash.
pub fn append(tx: &mut Tx<'_>, version: &NewVersion<'_>) -> Result<String, StoreError> {
    let previous_hash: Option<String> = if version.number > 1 {
        let hash = proposal_versions::table
            .filter(proposal_versions::proposal_id.eq(Stored(version.proposal_id)))
            .filter(proposal_versions::number.eq(version.number - 1))
            .select(proposal_versions::content_hash)
            .first(tx.conn())
            .optional()?;
        Some(hash.ok_or_else(|| StoreError::Corrupt(format!("version {} is missing", version.number - 1)))?)
    } else {
        None
    };
    // The hash covers the instant exactly as the column stores it.
    let created_at = Stored(version.created_at);
    let created_at_text = created_at.text();
    let text_salt = public_log::new_salt()?;
    let content_hash = content_hash(&HashedVersion {
        proposal_id: version.proposal_id,
        number: version.number,
        title: version.title,
        body: version.body,
        editor_id: version.editor_id,
        kind: version.kind,
        amendment_id: version.amendment_id,
        accepted_by: version.accepted_by,
        rewritten_by: version.rewritten_by,
        summary: version.summary,
        created_at: &created_at_text,
        previous_hash: previous_hash.as_deref(),
        encoding: HashEncoding::CURRENT,
        texts: Some(TextCommitments::Salted(&text_salt)),
    });
    diesel::insert_into(proposal_versions::table)
        .values((
            proposal_versions::proposal_id.eq(Stored(version.proposal_id)),
            proposal_versions::number.eq(version.number),
            proposal_versions::title.eq(version.title),
            proposal_versions::body.eq(version.body),
            proposal_versions::editor_id.eq(Stored(version.editor_id)),
            proposal_versions::kind.eq(Stored(version.kind)),
            proposal_versions::amendment_id.eq(version.amendment_id.map(Stored)),
            proposal_versions::accepted_by.eq(version.accepted_by.map(Stored)),
            proposal_versions::rewritten_by.eq(version.rewritten_by.map(Stored)),
            proposal_versions::summary.eq(version.summary),
            proposal_versions::created_at.eq(&created_at),
            proposal_versions::content_hash.eq(&content_hash),
            proposal_versions::previous_hash.eq(&previous_hash),
            proposal_versions::hash_encoding.eq(i32::from(HashEncoding::CURRENT.number())),
            proposal_versions::text_salt.eq(&text_salt),
        ))
        .execute(tx.conn())?;
    public_log::enqueue_version(tx, version, &content_hash)?;
    Ok(content_hash)
}

/// A version as read back, with its editor's nickname.
#[derive(Queryable, Selectable)]
#[diesel(table_name = proposal_versions)]
pub(crate) struct VersionRow {
    proposal_id: Stored<Uuid>,
    number: i32,
    title: String,
    body: String,
    editor_id: Stored<Uuid>,
    #[diesel(select_expression = users::nickname)]
    editor_nickname: String,
    kind: Stored<VersionKind>,
    amendment_id: Option<Stored<Uuid>>,
    accepted_by: Option<Stored<Uuid>>,
    rewritten_by: Option<Stored<Uuid>>,
    summary: Option<String>,
    created_at: Stored<DateTime<Utc>>,
    /// The same column unparsed: the text the hash covers.
    #[diesel(select_expression = proposal_versions::created_at)]
    created_at_text: String,
    content_hash: String,
    previous_hash: Option<String>,
    hash_encoding: i32,
    text_salt: Option<String>,
    erased_at: Option<Stored<DateTime<Utc>>>,
    title_commitment: Option<String>,
    body_commitment: Option<String>,
    summary_commitment: Option<String>,
}

impl From<VersionRow> for VersionRecord {
    fn from(row: VersionRow) -> Self {
        VersionRecord {
            proposal_id: row.proposal_id.0,
            number: row.number,
            title: row.title,
            body: row.body,
            editor_id: row.editor_id.0,
            editor_nickname: row.editor_nickname,
            kind: row.kind.0,
            amendment_id: row.amendment_id.map(|a| a.0),
            accepted_by: row.accepted_by.map(|a| a.0),
            rewritten_by: row.rewritten_by.map(|a| a.0),
            rewritten_by_nickname: None,
            summary: row.summary,
            created_at: row.created_at.0,
            created_at_text: row.created_at_text,
            content_hash: row.content_hash,
            previous_hash: row.previous_hash,
            hash_encoding: row.hash_encoding,
            log_index: None,
            text_salt: row.text_salt,
            erasure: row.erased_at.map(|at| Erasure {
                erased_at: at.0,
                title: row.title_commitment.unwrap_or_default(),
                body: row.body_commitment.unwrap_or_default(),
                summary: row.summary_commitment,
            }),
        }
    }
}

/// The versions of one proposal joined with their editors: what a
/// [`VersionRow`] reads.
#[diesel::dsl::auto_type]
fn versions_of(proposal_id: Stored<Uuid>) -> _ {
    proposal_versions::table
        .inner_join(users::table.on(users::id.eq(proposal_versions::editor_id)))
        .filter(proposal_versions::proposal_id.eq(proposal_id))
}

/// When the proposal's author edits (versions of kind `edited`) were
/// made, oldest first: what the edit rate is judged on. As many rows as
/// the edit limit allows (200 by default), as no more are ever taken.
pub fn edit_times(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<DateTime<Utc>>, StoreError> {
    let times: Vec<Stored<DateTime<Utc>>> = proposal_versions::table
        .filter(proposal_versions::proposal_id.eq(Stored(proposal_id)))
        .filter(proposal_versions::kind.eq(Stored(VersionKind::Edited)))
        .order(proposal_versions::number.asc())
        .select(proposal_versions::created_at)
        .load(tx.conn())?;
    Ok(times.into_iter().map(|t| t.0).collect())
}

/// One version.
pub fn get(tx: &mut Tx<'_>, proposal_id: Uuid, number: i32) -> Result<Option<VersionRecord>, StoreError> {
    let rows: Vec<VersionRow> = versions_of(Stored(proposal_id))
        .filter(proposal_versions::number.eq(number))
        .select(VersionRow::as_select())
        .limit(1)
        .load(tx.conn())?;
    Ok(with_rewriters(tx, rows)?.into_iter().next())
}

/// Versions after number `after`, oldest first, at most `limit`.
pub fn list(tx: &mut Tx<'_>, proposal_id: Uuid, after: i32, limit: i64) -> Result<Vec<VersionRecord>, StoreError> {
    let rows: Vec<VersionRow> = versions_of(Stored(proposal_id))
        .filter(proposal_versions::number.gt(after))
        .order(proposal_versions::number.asc())
        .select(VersionRow::as_select())
        .limit(limit)
        .load(tx.conn())?;
    with_rewriters(tx, rows)
}

/// The records of these rows, each with the nickname of the staff member
/// who rewrote it, if one did (one more read, only when one did).
pub(crate) fn with_rewriters(tx: &mut Tx<'_>, rows: Vec<VersionRow>) -> Result<Vec<VersionRecord>, StoreError> {
    let mut records: Vec<VersionRecord> = rows.into_iter().map(VersionRecord::from).collect();
    let subjects: Vec<(Uuid, i32)> = records.iter().map(|r| (r.proposal_id, r.number)).collect();
    if !subjects.is_empty() {
        let indexes = public_log::leaf_indexes(tx, EntryKind::Version, &subjects)?;
        for record in &mut records {
            record.log_index = indexes.get(&(record.proposal_id, record.number)).copied();
        }
    }
    let mut ids: Vec<Stored<Uuid>> = records.iter().filter_map(|r| r.rewritten_by).map(Stored).collect();
    if ids.is_empty() {
        return Ok(records);
    }
    ids.sort_unstable_by_key(|id| id.0);
    ids.dedup_by_key(|id| id.0);
    let names: Vec<(Stored<Uuid>, String)> =
        users::table.filter(users::id.eq_any(ids)).select((users::id, users::nickname)).load(tx.conn())?;
    for record in &mut records {
        record.rewritten_by_nickname = record
            .rewritten_by
            .and_then(|id| names.iter().find(|(user, _)| user.0 == id).map(|(_, name)| name.clone()));
    }
    Ok(records)
}

/// Erases a version's title, body and summary: they become empty, the
/// salt goes, and their commitments (computed from the texts under the
/// salt) are stored in their place, so the version's hash and the chain
/// still verify and nobody can test a guess against what remains. Only a
/// version of encoding 4 whose texts are held can be erased (the database
/// refuses any other change). Returns whether it erased it: `false` for a
/// version that is missing, already erased or of an older encoding.
pub fn erase(tx: &mut Tx<'_>, proposal_id: Uuid, number: i32, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let Some(version) = get(tx, proposal_id, number)? else { return Ok(false) };
    let (Some(salt), None, HashEncoding::V4) = (&version.text_salt, &version.erasure, version.hashed().encoding) else {
        return Ok(false);
    };
    let (title, body, summary) =
        TextCommitments::Salted(salt).of(&version.title, &version.body, version.summary.as_deref());
    diesel::update(
        proposal_versions::table
            .filter(proposal_versions::proposal_id.eq(Stored(proposal_id)))
            .filter(proposal_versions::number.eq(number)),
    )
    .set((
        proposal_versions::title.eq(""),
        proposal_versions::body.eq(""),
        proposal_versions::summary.eq(None::<String>),
        proposal_versions::text_salt.eq(None::<String>),
        proposal_versions::erased_at.eq(Some(Stored(at))),
        proposal_versions::title_commitment.eq(Some(title)),
        proposal_versions::body_commitment.eq(Some(body)),
        proposal_versions::summary_commitment.eq(summary),
    ))
    .execute(tx.conn())?;
    Ok(true)
}
