//! Role grants: who is staff or admin, and where.

use crate::connection::DbConnection;
use crate::schema::role_grants;
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::policy::{Role, RoleGrant};
use uuid::Uuid;

/// What a grant reads back as: the role and where it applies.
#[derive(Queryable, Selectable)]
#[diesel(table_name = role_grants)]
struct GrantRow {
    role: Stored<Role>,
    space_id: Option<Stored<Uuid>>,
}

impl From<GrantRow> for RoleGrant {
    fn from(row: GrantRow) -> Self {
        RoleGrant { role: row.role.0, space_id: row.space_id.map(|s| s.0) }
    }
}

/// Every role a user holds.
pub fn grants_of(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<RoleGrant>, StoreError> {
    let rows: Vec<GrantRow> = role_grants::table
        .filter(role_grants::user_id.eq(Stored(user_id)))
        .order(role_grants::created_at.asc())
        .select(GrantRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(RoleGrant::from).collect())
}

/// Grants a role; returns `false` when the user already held it.
pub fn grant(
    tx: &mut Tx<'_>,
    id: Uuid,
    user_id: Uuid,
    grant: RoleGrant,
    granted_by: Option<Uuid>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if grants_of(tx, user_id)?.contains(&grant) {
        return Ok(false);
    }
    diesel::insert_into(role_grants::table)
        .values((
            role_grants::id.eq(Stored(id)),
            role_grants::user_id.eq(Stored(user_id)),
            role_grants::role.eq(Stored(grant.role)),
            role_grants::space_id.eq(grant.space_id.map(Stored)),
            role_grants::granted_by.eq(granted_by.map(Stored)),
            role_grants::created_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(true)
}

/// Revokes a role; returns `false` when the user did not hold it.
pub fn revoke(tx: &mut Tx<'_>, user_id: Uuid, grant: RoleGrant) -> Result<bool, StoreError> {
    let target = role_grants::table
        .filter(role_grants::user_id.eq(Stored(user_id)))
        .filter(role_grants::role.eq(Stored(grant.role)));
    let deleted = match grant.space_id {
        Some(space) => diesel::delete(target.filter(role_grants::space_id.eq(Stored(space)))).execute(tx.conn())?,
        None => diesel::delete(target.filter(role_grants::space_id.is_null())).execute(tx.conn())?,
    };
    Ok(deleted > 0)
}

/// Locks every global admin grant until the transaction ends and returns
/// the admins' ids. Changes that could remove an admin (revoking the role,
/// blocking the user) take this lock first, so two admins removing each
/// other at once queue, and the second sees the first's change: the last
/// admin is never removed. On SQLite the write transaction already holds
/// the database's write lock.
pub fn lock_admins(tx: &mut Tx<'_>) -> Result<Vec<Uuid>, StoreError> {
    if let DbConnection::Postgres(connection) = tx.conn() {
        diesel::sql_query("SELECT id FROM role_grants WHERE role = 'admin' AND space_id IS NULL FOR UPDATE")
            .execute(connection)?;
    }
    let ids: Vec<Stored<Uuid>> = role_grants::table
        .filter(role_grants::role.eq(Stored(Role::Admin)))
        .filter(role_grants::space_id.is_null())
        .select(role_grants::user_id)
        .load(tx.conn())?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}
