//! The audit log: append-only (the database refuses UPDATE, DELETE and
//! REPLACE) and one hash chain in `seq` order (see
//! `emenda_domain::audit_chain`).

use crate::connection::DbConnection;
use crate::schema::{amendments, audit_head, audit_log, comments, proposals, spaces};
use crate::types::Stored;
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
const PROPOSAL_TARGET: &str = "proposal";
const COMMENT_TARGET: &str = "comment";

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
    /// When it was written (UTC, stored with microseconds).
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
    let HeadRow { seq, entry_hash: head_hash, .. } = head_row(tx)?;
    // Link to the latest entry as stored; the head holds the same hash, and
    // stands in if that entry was removed (verification names the gap).
    let latest: Option<Option<String>> = audit_log::table
        .filter(audit_log::seq.eq(seq - 1))
        .select(audit_log::entry_hash)
        .first(tx.conn())
        .optional()?;
    let previous_hash = latest.flatten().or(head_hash);
    // The hash covers each field exactly as its column stores it.
    let id = Stored(entry.id);
    let actor_id = entry.actor_id.map(Stored);
    let action = Stored(entry.action);
    let target_id = Stored(entry.target_id);
    let space_id = entry.space_id.map(Stored);
    let details = Stored(entry.details.clone());
    let visibility = Stored(entry.visibility);
    let created_at = Stored(entry.created_at);
    let entry_hash = audit_chain::entry_hash(&HashedAuditEntry {
        seq,
        id: &id.text(),
        actor_id: actor_id.map(|a| a.text()).as_deref(),
        action: &action.text(),
        target_kind: &entry.target_kind,
        target_id: &target_id.text(),
        space_id: space_id.map(|s| s.text()).as_deref(),
        details: &details.text(),
        visibility: &visibility.text(),
        created_at: &created_at.text(),
        previous_hash: previous_hash.as_deref(),
    });
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(&id),
            audit_log::actor_id.eq(&actor_id),
            audit_log::action.eq(&action),
            audit_log::target_kind.eq(&entry.target_kind),
            audit_log::target_id.eq(&target_id),
            audit_log::space_id.eq(&space_id),
            audit_log::details.eq(&details),
            audit_log::visibility.eq(&visibility),
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

/// Who acted in the entry `id` (`None` for the system, or no such entry):
/// an undo of a hide is its author's.
pub fn actor_of(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<Uuid>, StoreError> {
    let actor: Option<Option<Stored<Uuid>>> = audit_log::table
        .filter(audit_log::id.eq(Stored(id)))
        .select(audit_log::actor_id)
        .first(tx.conn())
        .optional()?;
    Ok(actor.flatten().map(|a| a.0))
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

/// The one row of `audit_head` as read back.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_head)]
struct HeadRow {
    seq: i64,
    entry_hash: Option<String>,
    legacy_entries: i64,
}

fn head_row(tx: &mut Tx<'_>) -> Result<HeadRow, StoreError> {
    audit_head::table
        .filter(audit_head::id.eq(HEAD_ROW))
        .select(HeadRow::as_select())
        .first(tx.conn())
        .optional()?
        .ok_or_else(|| StoreError::Corrupt("the audit chain head is missing".to_owned()))
}

/// The recorded end of the chain.
pub fn head(tx: &mut Tx<'_>) -> Result<Head, StoreError> {
    let HeadRow { seq, entry_hash, legacy_entries } = head_row(tx)?;
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
    verify_from(tx, ChainVerifier::new(), page_size, None)
}

/// Re-verifies at most `limit` entries after entry `after`, whose stored
/// hash the caller verified before (`after_hash`; 0 and `None` for the
/// chain's start): one bounded segment of [`verify`], with the same
/// snapshot rule. The report says whether it reached the end.
pub fn verify_segment(
    tx: &mut Tx<'_>,
    after: i64,
    after_hash: Option<&str>,
    limit: i64,
) -> Result<AuditChainReport, StoreError> {
    verify_from(tx, ChainVerifier::resume(after, after_hash), limit, Some(limit))
}

/// Feeds the verifier pages of `page_size` entries until the end of the
/// chain, or until `budget` entries were checked.
fn verify_from(
    tx: &mut Tx<'_>,
    mut verifier: ChainVerifier,
    page_size: i64,
    budget: Option<i64>,
) -> Result<AuditChainReport, StoreError> {
    if let DbConnection::Postgres(c) = tx.conn() {
        c.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")?;
    }
    let head = head(tx)?;
    let count = |n: i64| u64::try_from(n).map_err(|_| StoreError::Corrupt(format!("negative count {n}")));
    let unchained = count(unchained_count(tx)?)?;
    let page_size = page_size.max(1);
    let mut checked = 0;
    loop {
        let page = chain_page(tx, verifier.last_seq(), page_size)?;
        for row in &page {
            verifier.push(&row.fields(), &row.entry_hash);
        }
        checked += i64::try_from(page.len()).unwrap_or(i64::MAX);
        let at_end = i64::try_from(page.len()).unwrap_or(i64::MAX) < page_size;
        if at_end {
            break;
        }
        if budget.is_some_and(|budget| checked >= budget) {
            if verifier.last_seq() < head.seq {
                return Ok(verifier.pause(unchained));
            }
            // At the recorded head: one more entry, if any, is one too
            // many, and finishing names it.
            for row in chain_page(tx, verifier.last_seq(), 1)? {
                verifier.push(&row.fields(), &row.entry_hash);
            }
            break;
        }
    }
    let head =
        ChainHead { seq: head.seq, hash: head.entry_hash.as_deref(), legacy_entries: count(head.legacy_entries)? };
    Ok(verifier.finish(&head, unchained))
}

/// An entry's chain fields as read back: text, deliberately unparsed, so
/// that verification sees exactly what is stored (see [`ChainRow`]).
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct ChainEntryRow {
    #[diesel(select_expression = audit_log::seq.assume_not_null(), select_expression_type = diesel::dsl::AssumeNotNull<audit_log::seq>)]
    seq: i64,
    id: String,
    actor_id: Option<String>,
    action: String,
    target_kind: String,
    target_id: String,
    space_id: Option<String>,
    details: String,
    visibility: String,
    created_at: String,
    previous_hash: Option<String>,
    entry_hash: Option<String>,
}

impl From<ChainEntryRow> for ChainRow {
    fn from(row: ChainEntryRow) -> Self {
        ChainRow {
            seq: row.seq,
            id: row.id,
            actor_id: row.actor_id,
            action: row.action,
            target_kind: row.target_kind,
            target_id: row.target_id,
            space_id: row.space_id,
            details: row.details,
            visibility: row.visibility,
            created_at: row.created_at,
            previous_hash: row.previous_hash,
            entry_hash: row.entry_hash.unwrap_or_default(),
        }
    }
}

/// Chained entries after number `after`, in chain order, at most `limit`:
/// the pages verification streams through.
pub fn chain_page(tx: &mut Tx<'_>, after: i64, limit: i64) -> Result<Vec<ChainRow>, StoreError> {
    let rows: Vec<ChainEntryRow> = audit_log::table
        .filter(audit_log::seq.gt(after))
        .order(audit_log::seq.asc())
        .limit(limit)
        .select(ChainEntryRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(ChainRow::from).collect())
}

/// An entry as read back for readers.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct AuditRow {
    id: Stored<Uuid>,
    actor_id: Option<Stored<Uuid>>,
    action: Stored<AuditAction>,
    target_kind: String,
    target_id: Stored<Uuid>,
    space_id: Option<Stored<Uuid>>,
    details: Stored<serde_json::Value>,
    visibility: Stored<AuditVisibility>,
    created_at: Stored<DateTime<Utc>>,
}

impl From<AuditRow> for AuditEntry {
    fn from(row: AuditRow) -> Self {
        AuditEntry {
            id: row.id.0,
            actor_id: row.actor_id.map(|a| a.0),
            action: row.action.0,
            target_kind: row.target_kind,
            target_id: row.target_id.0,
            space_id: row.space_id.map(|s| s.0),
            details: row.details.0,
            visibility: row.visibility.0,
            created_at: row.created_at.0,
        }
    }
}
/// The space an entry belongs to (`Some(None)`: an entry of no space),
/// or `None` when there is no such entry: which staff may read it depends
/// on it.
pub fn space_of(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<Option<Uuid>>, StoreError> {
    let space: Option<Option<Stored<Uuid>>> = audit_log::table
        .filter(audit_log::id.eq(Stored(id)))
        .select(audit_log::space_id)
        .first(tx.conn())
        .optional()?;
    Ok(space.map(|s| s.map(|s| s.0)))
}

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

pub use emenda_domain::audit::AuditFilter;

/// Newest entries first, before the cursor id, at most `limit`; staff-only
/// The entries that stay public about an item even while it is hidden:
/// the moderation acts themselves.
fn moderation_actions() -> Vec<Stored<AuditAction>> {
    [
        AuditAction::ContentHidden,
        AuditAction::ContentUnhidden,
        AuditAction::ReportsDismissed,
        AuditAction::ReportsUpheld,
    ]
    .into_iter()
    .map(Stored)
    .collect()
}

/// entries only when the reader may see them. Entries about an amendment
/// that the reader may not see (a space showing amendments to participants
/// only, an amendment not yet accepted or rejected, a reader who is neither
/// its author nor staff of its space) are filtered out by the query itself,
/// so a page holds `limit` entries whenever that many are visible.
pub fn list(
    tx: &mut Tx<'_>,
    reader: &AuditReader,
    filter: &AuditFilter,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut query =
        audit_log::table.select(AuditRow::as_select()).order(audit_log::id.desc()).limit(limit).into_boxed();
    if !reader.include_staff {
        query = query.filter(audit_log::visibility.eq(Stored(AuditVisibility::Public)));
    }
    if let Some(space) = filter.space_id {
        query = query.filter(audit_log::space_id.eq(Stored(space)));
    }
    if let Some(action) = filter.action {
        query = query.filter(audit_log::action.eq(Stored(action)));
    }
    if let Some(proposal) = filter.proposal_id {
        let its_amendments =
            amendments::table.filter(amendments::proposal_id.eq(Stored(proposal))).select(amendments::id);
        let its_comments = comments::table.filter(comments::proposal_id.eq(Stored(proposal))).select(comments::id);
        query = query.filter(
            (audit_log::target_kind.eq(PROPOSAL_TARGET).and(audit_log::target_id.eq(Stored(proposal))))
                .or(audit_log::target_kind.eq(AMENDMENT_TARGET).and(audit_log::target_id.eq_any(its_amendments)))
                .or(audit_log::target_kind.eq(COMMENT_TARGET).and(audit_log::target_id.eq_any(its_comments))),
        );
    }
    if let Some(entry) = filter.entry_id {
        query = query.filter(audit_log::id.eq(Stored(entry)));
    }
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(Stored(before)));
    }
    let staff_spaces = match &reader.staff_scope {
        StaffScope::Everywhere => None,
        StaffScope::Spaces(spaces) => Some(spaces.iter().copied().map(Stored).collect::<Vec<_>>()),
        StaffScope::Nowhere => Some(Vec::new()),
    };
    if let Some(staff_spaces) = staff_spaces {
        // An anonymous reader is the author of nothing: no author is excluded.
        let reader_id: Vec<Stored<Uuid>> = reader.user_id.map(Stored).into_iter().collect();
        // Amendments this reader may not see; comments on them are as
        // private as the amendment.
        macro_rules! private_amendments {
            () => {
                amendments::table
                    .inner_join(proposals::table.inner_join(spaces::table))
                    .filter(spaces::amendments_visibility.eq(Stored(AmendmentsVisibility::Participants)))
                    .filter(
                        amendments::state.ne_all([Stored(AmendmentState::Accepted), Stored(AmendmentState::Rejected)]),
                    )
                    .filter(amendments::author_id.ne_all(reader_id.clone()))
                    .filter(spaces::id.ne_all(staff_spaces.clone()))
            };
        }
        let hidden = private_amendments!().select(amendments::id);
        let private_amendments = private_amendments!().select(amendments::id.nullable());
        let private_comments =
            comments::table.filter(comments::amendment_id.eq_any(private_amendments)).select(comments::id);
        query = query.filter(audit_log::target_kind.ne(AMENDMENT_TARGET).or(audit_log::target_id.ne_all(hidden)));
        query =
            query.filter(audit_log::target_kind.ne(COMMENT_TARGET).or(audit_log::target_id.ne_all(private_comments)));
        // What moderation hid leaves the public log too (its title, its
        // author), and so does everything inside it, transitively: the
        // amendments and comments of a hidden proposal, the comments of a
        // hidden amendment. Only the moderation entries themselves stay,
        // public by rule. Staff of the item's space still read all of it.
        macro_rules! hidden_proposals {
            () => {
                proposals::table
                    .filter(proposals::hidden)
                    .filter(proposals::space_id.ne_all(staff_spaces.clone()))
                    .select(proposals::id)
            };
        }
        macro_rules! hidden_amendments {
            () => {
                amendments::table
                    .inner_join(proposals::table)
                    .filter(proposals::space_id.ne_all(staff_spaces.clone()))
                    .filter(amendments::hidden.or(proposals::hidden))
            };
        }
        let hidden_comments = comments::table
            .filter(comments::space_id.ne_all(staff_spaces.clone()))
            .filter(
                comments::hidden
                    .or(comments::proposal_id.eq_any(hidden_proposals!()))
                    .or(comments::amendment_id.eq_any(hidden_amendments!().select(amendments::id.nullable()))),
            )
            .select(comments::id);
        query = query
            .filter(
                audit_log::action
                    .eq_any(moderation_actions())
                    .or(audit_log::target_kind.ne(PROPOSAL_TARGET))
                    .or(audit_log::target_id.ne_all(hidden_proposals!())),
            )
            .filter(
                audit_log::action
                    .eq_any(moderation_actions())
                    .or(audit_log::target_kind.ne(AMENDMENT_TARGET))
                    .or(audit_log::target_id.ne_all(hidden_amendments!().select(amendments::id))),
            )
            .filter(
                audit_log::action
                    .eq_any(moderation_actions())
                    .or(audit_log::target_kind.ne(COMMENT_TARGET))
                    .or(audit_log::target_id.ne_all(hidden_comments)),
            );
    }
    let rows: Vec<AuditRow> = query.load(tx.conn())?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}
