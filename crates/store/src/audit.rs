//! The audit log: append-only (the database refuses UPDATE, DELETE and
//! REPLACE) and one hash chain in `seq` order (see
//! `emenda_domain::audit_chain`).

use crate::connection::DbConnection;
use crate::convert::{id_text, opt_id_text, parse_enum, parse_id, parse_opt_id, parse_time, time_text};
use crate::schema::{amendments, audit_head, audit_log, proposals, spaces};
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::audit_chain::{self, AuditChainReport, ChainHead, ChainVerifier, HashedAuditEntry};
use emenda_domain::policy::StaffScope;
use emenda_domain::space::AmendmentsVisibility;
use uuid::Uuid;

/// The target kind of entries about an amendment (see `AuditTarget`).
const AMENDMENT_TARGET: &str = "amendment";

/// One recorded state change.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// Id (UUID v7: time-ordered).
    pub id: Uuid,
    /// Who did it; `None` for the system.
    pub actor_id: Option<Uuid>,
    /// What was done.
    pub action: AuditAction,
    /// Kind of the thing changed, e.g. `proposal`.
    pub target_kind: String,
    /// Id of the thing changed.
    pub target_id: Uuid,
    /// Space concerned, if any.
    pub space_id: Option<Uuid>,
    /// Facts worth keeping, as JSON.
    pub details: serde_json::Value,
    /// Who may read it.
    pub visibility: AuditVisibility,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Appends an entry at the end of the chain. The store numbers and hashes
/// it here, so no code path can write an entry outside the chain.
///
/// Appends are serialised by the one-row `audit_head` table: the first
/// statement bumps its counter, which on PostgreSQL locks that row until the
/// transaction ends, so a concurrent append waits and then reads this one's
/// entry as its predecessor (each statement sees the latest committed data
/// at READ COMMITTED); SQLite write transactions hold the database write
/// lock already. Numbers are taken inside the transaction, so a rollback
/// gives its number back and the sequence stays gap-free.
pub fn insert(tx: &mut Tx<'_>, entry: &AuditEntry) -> Result<(), StoreError> {
    let taken = diesel::update(audit_head::table.filter(audit_head::id.eq(HEAD_ROW)))
        .set(audit_head::seq.eq(audit_head::seq + 1))
        .execute(tx.conn())?;
    if taken != 1 {
        return Err(StoreError::Corrupt("the audit chain head is missing".to_owned()));
    }
    let (seq, head_hash): (i64, Option<String>) = audit_head::table
        .filter(audit_head::id.eq(HEAD_ROW))
        .select((audit_head::seq, audit_head::entry_hash))
        .first(tx.conn())?;
    // Link to the latest entry as stored; the head holds the same hash, and
    // stands in if that entry was removed (verification names the gap).
    let latest: Option<Option<String>> = audit_log::table
        .filter(audit_log::seq.eq(seq - 1))
        .select(audit_log::entry_hash)
        .first(tx.conn())
        .optional()?;
    let previous_hash = latest.flatten().or(head_hash);
    let id = id_text(entry.id);
    let actor_id = opt_id_text(entry.actor_id);
    let target_id = id_text(entry.target_id);
    let space_id = opt_id_text(entry.space_id);
    let details = entry.details.to_string();
    let created_at = time_text(entry.created_at);
    let entry_hash = audit_chain::entry_hash(&HashedAuditEntry {
        seq,
        id: &id,
        actor_id: actor_id.as_deref(),
        action: entry.action.as_str(),
        target_kind: &entry.target_kind,
        target_id: &target_id,
        space_id: space_id.as_deref(),
        details: &details,
        visibility: entry.visibility.as_str(),
        created_at: &created_at,
        previous_hash: previous_hash.as_deref(),
    });
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(&id),
            audit_log::actor_id.eq(&actor_id),
            audit_log::action.eq(entry.action.as_str()),
            audit_log::target_kind.eq(&entry.target_kind),
            audit_log::target_id.eq(&target_id),
            audit_log::space_id.eq(&space_id),
            audit_log::details.eq(&details),
            audit_log::visibility.eq(entry.visibility.as_str()),
            audit_log::created_at.eq(&created_at),
            audit_log::seq.eq(seq),
            audit_log::previous_hash.eq(&previous_hash),
            audit_log::entry_hash.eq(&entry_hash),
        ))
        .execute(tx.conn())?;
    diesel::update(audit_head::table.filter(audit_head::id.eq(HEAD_ROW)))
        .set(audit_head::entry_hash.eq(&entry_hash))
        .execute(tx.conn())?;
    Ok(())
}

/// The single row of `audit_head`.
const HEAD_ROW: i32 = 1;

/// An entry's chain fields exactly as stored, for verification: nothing is
/// parsed, so a row that would not even parse is still checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRow {
    /// Place in the chain.
    pub seq: i64,
    /// Id text.
    pub id: String,
    /// Actor id text.
    pub actor_id: Option<String>,
    /// Action text.
    pub action: String,
    /// Target kind.
    pub target_kind: String,
    /// Target id text.
    pub target_id: String,
    /// Space id text.
    pub space_id: Option<String>,
    /// Details JSON text.
    pub details: String,
    /// Visibility text.
    pub visibility: String,
    /// Creation time text.
    pub created_at: String,
    /// Stored link to the previous entry.
    pub previous_hash: Option<String>,
    /// Stored hash of this entry (empty if missing).
    pub entry_hash: String,
}

impl ChainRow {
    /// The hashed fields, borrowed.
    pub fn fields(&self) -> HashedAuditEntry<'_> {
        HashedAuditEntry {
            seq: self.seq,
            id: &self.id,
            actor_id: self.actor_id.as_deref(),
            action: &self.action,
            target_kind: &self.target_kind,
            target_id: &self.target_id,
            space_id: self.space_id.as_deref(),
            details: &self.details,
            visibility: &self.visibility,
            created_at: &self.created_at,
            previous_hash: self.previous_hash.as_deref(),
        }
    }
}

/// The chain's recorded end, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// Number of the last entry appended.
    pub seq: i64,
    /// Its hash.
    pub entry_hash: Option<String>,
    /// Entries that predate the chain.
    pub legacy_entries: i64,
}

/// The recorded end of the chain.
pub fn head(tx: &mut Tx<'_>) -> Result<Head, StoreError> {
    let (seq, entry_hash, legacy_entries) = audit_head::table
        .filter(audit_head::id.eq(HEAD_ROW))
        .select((audit_head::seq, audit_head::entry_hash, audit_head::legacy_entries))
        .first(tx.conn())
        .optional()?
        .ok_or_else(|| StoreError::Corrupt("the audit chain head is missing".to_owned()))?;
    Ok(Head { seq, entry_hash, legacy_entries })
}

/// How many entries have no place in the chain (written before it began).
pub fn unchained_count(tx: &mut Tx<'_>) -> Result<i64, StoreError> {
    Ok(audit_log::table.filter(audit_log::seq.is_null()).count().get_result(tx.conn())?)
}

/// Re-verifies the whole chain, streaming it in pages of `page_size`
/// entries in chain order so memory stays bounded whatever the log's
/// length. Call it first thing in a read transaction: on PostgreSQL it
/// switches the transaction to one snapshot (REPEATABLE READ), so the head
/// and the pages it compares are of the same moment even while entries are
/// appended; SQLite read transactions see one snapshot already.
pub fn verify(tx: &mut Tx<'_>, page_size: i64) -> Result<AuditChainReport, StoreError> {
    if let DbConnection::Postgres(c) = tx.conn() {
        c.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")?;
    }
    let head = head(tx)?;
    let unchained = unchained_count(tx)?;
    let page_size = page_size.max(1);
    let mut verifier = ChainVerifier::new();
    loop {
        let page = chain_page(tx, verifier.last_seq(), page_size)?;
        for row in &page {
            verifier.push(&row.fields(), &row.entry_hash);
        }
        if i64::try_from(page.len()).unwrap_or(i64::MAX) < page_size {
            break;
        }
    }
    let count = |n: i64| u64::try_from(n).map_err(|_| StoreError::Corrupt(format!("negative count {n}")));
    let head =
        ChainHead { seq: head.seq, hash: head.entry_hash.as_deref(), legacy_entries: count(head.legacy_entries)? };
    Ok(verifier.finish(&head, count(unchained)?))
}

type ChainTuple = (
    i64,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// Chained entries after number `after`, in chain order, at most `limit`:
/// the pages verification streams through.
pub fn chain_page(tx: &mut Tx<'_>, after: i64, limit: i64) -> Result<Vec<ChainRow>, StoreError> {
    let rows: Vec<ChainTuple> = audit_log::table
        .filter(audit_log::seq.gt(after))
        .order(audit_log::seq.asc())
        .limit(limit)
        .select((
            audit_log::seq.assume_not_null(),
            audit_log::id,
            audit_log::actor_id,
            audit_log::action,
            audit_log::target_kind,
            audit_log::target_id,
            audit_log::space_id,
            audit_log::details,
            audit_log::visibility,
            audit_log::created_at,
            audit_log::previous_hash,
            audit_log::entry_hash,
        ))
        .load(tx.conn())?;
    Ok(rows
        .into_iter()
        .map(
            |(
                seq,
                id,
                actor_id,
                action,
                target_kind,
                target_id,
                space_id,
                details,
                visibility,
                created_at,
                previous_hash,
                entry_hash,
            )| {
                ChainRow {
                    seq,
                    id,
                    actor_id,
                    action,
                    target_kind,
                    target_id,
                    space_id,
                    details,
                    visibility,
                    created_at,
                    previous_hash,
                    entry_hash: entry_hash.unwrap_or_default(),
                }
            },
        )
        .collect())
}

type AuditRow = (String, Option<String>, String, String, String, Option<String>, String, String, String);

/// Who is reading the log, as far as the list query filters for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReader {
    /// Staff-only entries are included.
    pub include_staff: bool,
    /// The reader, if signed in: the author of an amendment sees its entries.
    pub user_id: Option<Uuid>,
    /// Where the reader has staff powers: staff see the entries of every
    /// amendment of their spaces.
    pub staff_scope: StaffScope,
}

/// Newest entries first, before the cursor id, at most `limit`; staff-only
/// entries only when the reader may see them. Entries about an amendment
/// that the reader may not see (a space showing amendments to participants
/// only, an amendment not yet accepted or rejected, a reader who is neither
/// its author nor staff of its space) are filtered out by the query itself,
/// so a page holds `limit` entries whenever that many are visible.
pub fn list(
    tx: &mut Tx<'_>,
    reader: &AuditReader,
    space_id: Option<Uuid>,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut query = audit_log::table
        .select((
            audit_log::id,
            audit_log::actor_id,
            audit_log::action,
            audit_log::target_kind,
            audit_log::target_id,
            audit_log::space_id,
            audit_log::details,
            audit_log::visibility,
            audit_log::created_at,
        ))
        .order(audit_log::id.desc())
        .limit(limit)
        .into_boxed();
    if !reader.include_staff {
        query = query.filter(audit_log::visibility.eq(AuditVisibility::Public.as_str()));
    }
    if let Some(space) = space_id {
        query = query.filter(audit_log::space_id.eq(id_text(space)));
    }
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(id_text(before)));
    }
    let staff_spaces = match &reader.staff_scope {
        StaffScope::Everywhere => None,
        StaffScope::Spaces(spaces) => Some(spaces.iter().copied().map(id_text).collect::<Vec<_>>()),
        StaffScope::Nowhere => Some(Vec::new()),
    };
    if let Some(staff_spaces) = staff_spaces {
        // Ids are never empty, so an anonymous reader excludes no author.
        let reader_id = reader.user_id.map(id_text).unwrap_or_default();
        let hidden = amendments::table
            .inner_join(proposals::table.inner_join(spaces::table))
            .filter(spaces::amendments_visibility.eq(AmendmentsVisibility::Participants.as_str()))
            .filter(amendments::state.ne_all([AmendmentState::Accepted.as_str(), AmendmentState::Rejected.as_str()]))
            .filter(amendments::author_id.ne(reader_id))
            .filter(spaces::id.ne_all(staff_spaces))
            .select(amendments::id);
        query = query.filter(audit_log::target_kind.ne(AMENDMENT_TARGET).or(audit_log::target_id.ne_all(hidden)));
    }
    let rows: Vec<AuditRow> = query.load(tx.conn())?;
    rows.into_iter()
        .map(|(id, actor, action, target_kind, target_id, space, details, visibility, created_at)| {
            Ok(AuditEntry {
                id: parse_id(&id)?,
                actor_id: parse_opt_id(actor.as_deref())?,
                action: parse_enum(&action, AuditAction::parse)?,
                target_kind,
                target_id: parse_id(&target_id)?,
                space_id: parse_opt_id(space.as_deref())?,
                details: serde_json::from_str(&details).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                visibility: parse_enum(&visibility, AuditVisibility::parse)?,
                created_at: parse_time(&created_at)?,
            })
        })
        .collect()
}
