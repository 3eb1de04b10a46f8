//! The audit log: append-only (the database refuses UPDATE and DELETE).

use crate::convert::{id_text, opt_id_text, parse_enum, parse_id, parse_opt_id, parse_time, time_text};
use crate::schema::audit_log;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use uuid::Uuid;

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

/// Appends an entry.
pub fn insert(tx: &mut Tx<'_>, entry: &AuditEntry) -> Result<(), StoreError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(id_text(entry.id)),
            audit_log::actor_id.eq(opt_id_text(entry.actor_id)),
            audit_log::action.eq(entry.action.as_str()),
            audit_log::target_kind.eq(&entry.target_kind),
            audit_log::target_id.eq(id_text(entry.target_id)),
            audit_log::space_id.eq(opt_id_text(entry.space_id)),
            audit_log::details.eq(entry.details.to_string()),
            audit_log::visibility.eq(entry.visibility.as_str()),
            audit_log::created_at.eq(time_text(entry.created_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

type AuditRow = (String, Option<String>, String, String, String, Option<String>, String, String, String);

/// Newest entries first, before the cursor id; staff-only entries only when
/// `include_staff`.
pub fn list(
    tx: &mut Tx<'_>,
    include_staff: bool,
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
    if !include_staff {
        query = query.filter(audit_log::visibility.eq(AuditVisibility::Public.as_str()));
    }
    if let Some(space) = space_id {
        query = query.filter(audit_log::space_id.eq(id_text(space)));
    }
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(id_text(before)));
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
