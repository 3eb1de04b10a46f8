//! The audit log: append-only (the database refuses UPDATE, DELETE and
//! REPLACE), each entry also an entry of the transparency log (see
//! `public_log`).

use crate::public_log::{self, NewEntry};
use crate::schema::{amendments, audit_log, comments, proposals, spaces};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::policy::StaffScope;
use emenda_domain::space::AmendmentsVisibility;
use emenda_domain::transparency::{AuditLeaf, EntryKind};
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

/// Appends an entry, and its entry in the transparency log (see
/// `public_log`), in the caller's transaction: the record and its log
/// entry commit together. Nothing here is shared with other writes: the
/// log orders entries later, in batches, so appends never wait for each
/// other's commit.
pub fn insert(tx: &mut Tx<'_>, entry: &AuditEntry) -> Result<(), StoreError> {
    // The log entry covers each field exactly as its column stores it.
    let id = Stored(entry.id);
    let actor_id = entry.actor_id.map(Stored);
    let action = Stored(entry.action);
    let target_id = Stored(entry.target_id);
    let space_id = entry.space_id.map(Stored);
    let details = Stored(entry.details.clone());
    let visibility = Stored(entry.visibility);
    let created_at = Stored(entry.created_at);
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
        ))
        .execute(tx.conn())?;
    let salt = public_log::new_salt()?;
    let logged = public_log::audit_entry(
        &AuditLeaf {
            id: &id.text(),
            action: &action.text(),
            target_kind: &entry.target_kind,
            target_id: &target_id.text(),
            space_id: space_id.map(|s| s.text()).as_deref(),
            actor_id: actor_id.map(|a| a.text()).as_deref(),
            visibility: &visibility.text(),
            created_at: &created_at.text(),
            details: &details.text(),
        },
        &salt,
    )?;
    public_log::enqueue(
        tx,
        &NewEntry {
            kind: EntryKind::Audit,
            subject_id: entry.id,
            subject_number: 0,
            salt: Some(&salt),
            entry: &logged,
            created_at: entry.created_at,
        },
    )
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

/// An audit row's fields exactly as stored, as text: what its log entry
/// was built from, and what verification rebuilds it from.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct StoredAuditRow {
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
    /// The details' commitment, kept once the details are erased.
    pub details_commitment: Option<String>,
}

impl StoredAuditRow {
    /// The log entry this row was logged as: rebuilt from its details
    /// under `salt` while it has them, from their kept commitment once
    /// they are erased.
    pub fn entry(&self, salt: Option<&str>) -> Result<Vec<u8>, StoreError> {
        let built = match &self.details_commitment {
            Some(kept) => emenda_domain::transparency::audit_entry_with_commitment(&self.fields(), kept),
            None => emenda_domain::transparency::audit_entry(&self.fields(), salt.unwrap_or_default()),
        };
        built.map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// The fields a log entry is built from, borrowed.
    pub fn fields(&self) -> AuditLeaf<'_> {
        AuditLeaf {
            id: &self.id,
            action: &self.action,
            target_kind: &self.target_kind,
            target_id: &self.target_id,
            space_id: self.space_id.as_deref(),
            actor_id: self.actor_id.as_deref(),
            visibility: &self.visibility,
            created_at: &self.created_at,
            details: &self.details,
        }
    }
}

/// The stored rows of the entries `ids`, unparsed.
pub fn stored_rows(tx: &mut Tx<'_>, ids: &[String]) -> Result<Vec<StoredAuditRow>, StoreError> {
    Ok(audit_log::table.filter(audit_log::id.eq_any(ids)).select(StoredAuditRow::as_select()).load(tx.conn())?)
}

/// How many entries the audit log holds.
pub fn count(tx: &mut Tx<'_>) -> Result<i64, StoreError> {
    Ok(audit_log::table.count().get_result(tx.conn())?)
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
