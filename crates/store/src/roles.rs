//! Role grants: who is staff or admin, and where.

use crate::connection::DbConnection;
use crate::convert::{id_text, opt_id_text, parse_enum, parse_opt_id, time_text};
use crate::schema::role_grants;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::policy::{Role, RoleGrant};
use uuid::Uuid;

/// Every role a user holds.
pub fn grants_of(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<RoleGrant>, StoreError> {
    let rows: Vec<(String, Option<String>)> = role_grants::table
        .filter(role_grants::user_id.eq(id_text(user_id)))
        .order(role_grants::created_at.asc())
        .select((role_grants::role, role_grants::space_id))
        .load(tx.conn())?;
    rows.into_iter()
        .map(|(role, space)| {
            Ok(RoleGrant { role: parse_enum(&role, Role::parse)?, space_id: parse_opt_id(space.as_deref())? })
        })
        .collect()
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
            role_grants::id.eq(id_text(id)),
            role_grants::user_id.eq(id_text(user_id)),
            role_grants::role.eq(grant.role.as_str()),
            role_grants::space_id.eq(opt_id_text(grant.space_id)),
            role_grants::granted_by.eq(opt_id_text(granted_by)),
            role_grants::created_at.eq(time_text(at)),
        ))
        .execute(tx.conn())?;
    Ok(true)
}

/// Revokes a role; returns `false` when the user did not hold it.
pub fn revoke(tx: &mut Tx<'_>, user_id: Uuid, grant: RoleGrant) -> Result<bool, StoreError> {
    let target = role_grants::table
        .filter(role_grants::user_id.eq(id_text(user_id)))
        .filter(role_grants::role.eq(grant.role.as_str()));
    let deleted = match grant.space_id {
        Some(space) => diesel::delete(target.filter(role_grants::space_id.eq(id_text(space)))).execute(tx.conn())?,
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
    let ids: Vec<String> = role_grants::table
        .filter(role_grants::role.eq(Role::Admin.as_str()))
        .filter(role_grants::space_id.is_null())
        .select(role_grants::user_id)
        .load(tx.conn())?;
    ids.iter().map(|id| crate::convert::parse_id(id)).collect()
}
