//! Users and sign-in attempts.

use crate::schema::{login_attempts, role_grants, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::mail::Language;
use emenda_domain::policy::{Role, RoleGrant};
use emenda_domain::sign_in::SignInAttempt;
use emenda_domain::text::name_skeleton;
use emenda_domain::values::SearchTerm;
use uuid::Uuid;

/// A user as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Lower-cased e-mail.
    pub email: String,
    /// Lower-cased public handle.
    pub nickname: String,
    /// Name shown next to contributions.
    pub display_name: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// When the identity was verified.
    pub verified_at: Option<DateTime<Utc>>,
    /// When the user was blocked.
    pub blocked_at: Option<DateTime<Utc>>,
    /// Registration time.
    pub created_at: DateTime<Utc>,
    /// The version of the privacy notice accepted at sign-up (none for
    /// accounts made by an operator or before consent was recorded).
    pub privacy_version: Option<i32>,
    /// When it was accepted.
    pub privacy_accepted_at: Option<DateTime<Utc>>,
    /// When the person proved they read mail at `email` (operators'
    /// accounts count as confirmed when made).
    pub email_confirmed_at: Option<DateTime<Utc>>,
    /// The language they read the platform and its e-mail in.
    pub language: Language,
    /// When every session of the account was last closed (a new or reset
    /// password): access tokens issued before are refused.
    pub sessions_closed_at: Option<DateTime<Utc>>,
    /// When the person asked for the account to be deleted, the time it
    /// will be (after the grace period), while they may still cancel.
    pub deletion_due_at: Option<DateTime<Utc>>,
    /// When the account was erased: the row holds no personal datum since.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// What registering writes.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Validated, lower-cased e-mail.
    pub email: &'a str,
    /// Validated nickname.
    pub nickname: &'a str,
    /// Validated display name.
    pub display_name: &'a str,
    /// Argon2id PHC string.
    pub password_hash: &'a str,
    /// Registration time.
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserRow {
    id: Stored<Uuid>,
    email: String,
    nickname: String,
    display_name: String,
    password_hash: String,
    verified_at: Option<Stored<DateTime<Utc>>>,
    blocked_at: Option<Stored<DateTime<Utc>>>,
    created_at: Stored<DateTime<Utc>>,
    privacy_version: Option<i32>,
    privacy_accepted_at: Option<Stored<DateTime<Utc>>>,
    email_confirmed_at: Option<Stored<DateTime<Utc>>>,
    language: Stored<Language>,
    sessions_closed_at: Option<Stored<DateTime<Utc>>>,
    deletion_due_at: Option<Stored<DateTime<Utc>>>,
    deleted_at: Option<Stored<DateTime<Utc>>>,
}

impl From<UserRow> for UserRecord {
    fn from(row: UserRow) -> Self {
        UserRecord {
            id: row.id.0,
            email: row.email,
            nickname: row.nickname,
            display_name: row.display_name,
            password_hash: row.password_hash,
            verified_at: row.verified_at.map(|t| t.0),
            blocked_at: row.blocked_at.map(|t| t.0),
            created_at: row.created_at.0,
            privacy_version: row.privacy_version,
            privacy_accepted_at: row.privacy_accepted_at.map(|t| t.0),
            email_confirmed_at: row.email_confirmed_at.map(|t| t.0),
            language: row.language.0,
            sessions_closed_at: row.sessions_closed_at.map(|t| t.0),
            deletion_due_at: row.deletion_due_at.map(|t| t.0),
            deleted_at: row.deleted_at.map(|t| t.0),
        }
    }
}

/// Records that the user accepted version `version` of the privacy notice at `at`.
pub fn record_privacy_consent(tx: &mut Tx<'_>, id: Uuid, version: i32, at: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(users::table.filter(users::id.eq(Stored(id))))
        .set((users::privacy_version.eq(Some(version)), users::privacy_accepted_at.eq(Some(Stored(at)))))
        .execute(tx.conn())?;
    Ok(())
}

/// When the account leaves its address for `new`, the sign-in attempts
/// recorded under the old one (with the addresses they came from) go:
/// they no longer say anything about this account, and would otherwise
/// outlive its erasure, which knows only the current address.
fn forget_old_address(tx: &mut Tx<'_>, id: Uuid, new: &str) -> Result<(), StoreError> {
    let old: Option<String> =
        users::table.filter(users::id.eq(Stored(id))).select(users::email).first(tx.conn()).optional()?;
    if let Some(old) = old.filter(|old| old != new) {
        diesel::delete(login_attempts::table.filter(login_attempts::email.eq(old))).execute(tx.conn())?;
    }
    Ok(())
}

/// Records that the user proved, at `at`, that they read mail at `email`:
/// the address becomes the account's (it may be a new one) and confirmed.
/// A taken address fails with `Duplicate`.
pub fn confirm_email(tx: &mut Tx<'_>, id: Uuid, email: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    forget_old_address(tx, id, email)?;
    diesel::update(users::table.filter(users::id.eq(Stored(id))))
        .set((users::email.eq(email), users::email_confirmed_at.eq(Some(Stored(at))), users::updated_at.eq(Stored(at))))
        .execute(tx.conn())?;
    Ok(())
}

/// Changes the user's address without proof that they read mail there (a
/// site that sends no e-mail): the address is not confirmed.
pub fn change_email_unconfirmed(tx: &mut Tx<'_>, id: Uuid, email: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    forget_old_address(tx, id, email)?;
    diesel::update(users::table.filter(users::id.eq(Stored(id))))
        .set((
            users::email.eq(email),
            users::email_confirmed_at.eq(None::<Stored<DateTime<Utc>>>),
            users::updated_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Replaces the user's password hash and closes every session at `at`.
pub fn set_password_hash(tx: &mut Tx<'_>, id: Uuid, password_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
    diesel::update(users::table.filter(users::id.eq(Stored(id))))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(Stored(at)),
            users::sessions_closed_at.eq(Some(Stored(at))),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Sets the language the user reads the platform and its e-mail in.
pub fn set_language(tx: &mut Tx<'_>, id: Uuid, language: Language) -> Result<(), StoreError> {
    diesel::update(users::table.filter(users::id.eq(Stored(id))))
        .set(users::language.eq(Stored(language)))
        .execute(tx.conn())?;
    Ok(())
}

/// Writes a new user; a taken e-mail or nickname fails with `Duplicate`.
pub fn insert(tx: &mut Tx<'_>, user: &NewUser<'_>) -> Result<(), StoreError> {
    let now = Stored(user.created_at);
    diesel::insert_into(users::table)
        .values((
            users::id.eq(Stored(user.id)),
            users::email.eq(user.email),
            users::nickname.eq(user.nickname),
            users::display_name.eq(user.display_name),
            users::password_hash.eq(user.password_hash),
            users::name_skeleton.eq(name_skeleton(user.display_name)),
            users::nickname_skeleton.eq(name_skeleton(user.nickname)),
            users::created_at.eq(&now),
            users::updated_at.eq(&now),
        ))
        .execute(tx.conn())?;
    Ok(())
}

fn first(rows: Vec<UserRow>) -> Option<UserRecord> {
    rows.into_iter().next().map(UserRecord::from)
}

/// The user with this id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<UserRecord>, StoreError> {
    Ok(first(users::table.filter(users::id.eq(Stored(id))).select(UserRow::as_select()).limit(1).load(tx.conn())?))
}

/// Locks the user's row until the transaction ends and reads it again, so
/// that starting a session and blocking the user are serialised: a block
/// either sees the new refresh token (and revokes it) or the session sees
/// the block (and is refused). PostgreSQL takes a row lock; SQLite's write
/// transaction already holds the write lock.
pub fn find_for_update(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<UserRecord>, StoreError> {
    if let crate::connection::DbConnection::Postgres(connection) = tx.conn() {
        diesel::sql_query("SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE")
            .bind::<diesel::sql_types::Text, _>(id.to_string())
            .execute(connection)?;
    }
    find_by_id(tx, id)
}

/// Takes a shared lock on the user's row until the transaction ends and
/// reads it again. A participant's write holds it from its first statement,
/// so a block (whose `UPDATE` needs the row exclusively) waits for writes
/// in flight and every write that starts later sees the block: a blocked
/// user's content is either there before the block, and hidden with it
/// when asked, or refused. Shared locks never queue behind each other.
/// SQLite's write transaction already holds the write lock.
pub fn lock_for_share(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<UserRecord>, StoreError> {
    if let crate::connection::DbConnection::Postgres(connection) = tx.conn() {
        diesel::sql_query("SELECT id FROM users WHERE id = $1 FOR SHARE")
            .bind::<diesel::sql_types::Text, _>(id.to_string())
            .execute(connection)?;
    }
    find_by_id(tx, id)
}

/// The user and every role they hold, in one statement (a left join on the
/// grants, oldest grant first), so authenticating a request costs one
/// round trip: authorization reads roles from the database every time.
pub fn find_with_roles(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<(UserRecord, Vec<RoleGrant>)>, StoreError> {
    type Row = (UserRow, Option<Stored<Role>>, Option<Stored<Uuid>>);
    let rows: Vec<Row> = users::table
        .left_join(role_grants::table)
        .filter(users::id.eq(Stored(id)))
        .order(role_grants::created_at.asc())
        .select((UserRow::as_select(), role_grants::role.nullable(), role_grants::space_id.nullable()))
        .load(tx.conn())?;
    let mut rows = rows.into_iter();
    let Some((user, first_role, first_space)) = rows.next() else { return Ok(None) };
    let grants = std::iter::once((first_role, first_space))
        .chain(rows.map(|(_, role, space)| (role, space)))
        .filter_map(|(role, space)| role.map(|role| RoleGrant { role: role.0, space_id: space.map(|s| s.0) }))
        .collect();
    Ok(Some((UserRecord::from(user), grants)))
}

/// The user with this (lower-cased) e-mail.
pub fn find_by_email(tx: &mut Tx<'_>, email: &str) -> Result<Option<UserRecord>, StoreError> {
    Ok(first(users::table.filter(users::email.eq(email)).select(UserRow::as_select()).limit(1).load(tx.conn())?))
}

/// Records that the user's identity was verified; `false` when it already
/// was (the first verification's time is kept).
pub fn set_verified(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(users::table.filter(users::id.eq(Stored(id))).filter(users::verified_at.is_null()))
        .set((users::verified_at.eq(Stored(at)), users::updated_at.eq(Stored(at))))
        .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Blocks (`Some(time)`) or unblocks (`None`) a user; `false` when they
/// already were in that state.
pub fn set_blocked(
    tx: &mut Tx<'_>,
    id: Uuid,
    at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let target = users::table.filter(users::id.eq(Stored(id)));
    let updated = match at {
        Some(at) => diesel::update(target.filter(users::blocked_at.is_null()))
            .set((users::blocked_at.eq(Some(Stored(at))), users::updated_at.eq(Stored(now))))
            .execute(tx.conn())?,
        None => diesel::update(target.filter(users::blocked_at.is_not_null()))
            .set((users::blocked_at.eq(None::<Stored<DateTime<Utc>>>), users::updated_at.eq(Stored(now))))
            .execute(tx.conn())?,
    };
    Ok(updated == 1)
}

/// Whether a nickname is taken.
pub fn nickname_taken(tx: &mut Tx<'_>, nickname: &str) -> Result<bool, StoreError> {
    let count: i64 = users::table.filter(users::nickname.eq(nickname)).count().get_result(tx.conn())?;
    Ok(count > 0)
}

/// Serialises sign-in attempts for one e-mail until the transaction ends,
/// so that judging the recent attempts and recording a new one is one
/// step: however many guesses arrive at once, each is judged with every
/// one before it recorded. PostgreSQL takes a transaction-scoped advisory
/// lock keyed by the e-mail (there may be no user row to lock: unknown
/// e-mails are throttled too); SQLite's write transaction already holds
/// the write lock.
pub fn lock_sign_in(tx: &mut Tx<'_>, email: &str) -> Result<(), StoreError> {
    if let crate::connection::DbConnection::Postgres(connection) = tx.conn() {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text")
            .bind::<diesel::sql_types::Text, _>(email)
            .execute(connection)?;
    }
    Ok(())
}

/// Marks a recorded attempt as successful once the password checked out,
/// and forgets the e-mail's other attempts from the same address: its
/// failures are forgiven (whoever knows the password gains nothing by
/// guessing) and its older success is superseded, so an account keeps one
/// row per address it signs in from.
pub fn mark_login_succeeded(tx: &mut Tx<'_>, id: Uuid, email: &str, address: &str) -> Result<(), StoreError> {
    diesel::update(login_attempts::table.filter(login_attempts::id.eq(Stored(id))))
        .set(login_attempts::succeeded.eq(true))
        .execute(tx.conn())?;
    diesel::delete(
        login_attempts::table
            .filter(login_attempts::email.eq(email))
            .filter(login_attempts::address.eq(address))
            .filter(login_attempts::id.ne(Stored(id))),
    )
    .execute(tx.conn())?;
    Ok(())
}

/// Records a sign-in attempt from a client address, for throttling.
pub fn record_login_attempt(
    tx: &mut Tx<'_>,
    id: Uuid,
    email: &str,
    address: &str,
    succeeded: bool,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::id.eq(Stored(id)),
            login_attempts::email.eq(email),
            login_attempts::address.eq(address),
            login_attempts::succeeded.eq(succeeded),
            login_attempts::created_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Forgets an e-mail's failed sign-ins older than `failures_before` and
/// successful ones older than `successes_before`: they no longer count
/// for anything, and keeping them would let anyone grow the table without
/// bound.
pub fn forget_login_attempts(
    tx: &mut Tx<'_>,
    email: &str,
    failures_before: DateTime<Utc>,
    successes_before: DateTime<Utc>,
) -> Result<usize, StoreError> {
    Ok(diesel::delete(
        login_attempts::table.filter(login_attempts::email.eq(email)).filter(
            login_attempts::succeeded
                .eq(false)
                .and(login_attempts::created_at.lt(Stored(failures_before)))
                .or(login_attempts::succeeded.eq(true).and(login_attempts::created_at.lt(Stored(successes_before)))),
        ),
    )
    .execute(tx.conn())?)
}

/// Every recorded sign-in attempt for an e-mail, oldest first. Once the
/// stale ones are forgotten these are few: the throttling caps the
/// failures, and each address keeps one success.
pub fn login_attempts(tx: &mut Tx<'_>, email: &str) -> Result<Vec<SignInAttempt>, StoreError> {
    let rows: Vec<(String, bool, Stored<DateTime<Utc>>)> = login_attempts::table
        .filter(login_attempts::email.eq(email))
        .order(login_attempts::created_at.asc())
        .select((login_attempts::address, login_attempts::succeeded, login_attempts::created_at))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(address, succeeded, at)| SignInAttempt { address, succeeded, at: at.0 }).collect())
}

diesel::define_sql_function! {
    /// Lower case, on both backends (ASCII only on SQLite, whose `LIKE`
    /// ignores ASCII case anyway).
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// A page of users for staff, by nickname: those whose nickname or e-mail
/// starts with `term` or whose display name contains it (every user when
/// `term` is `None`), after the nickname `after`. One statement with fixed
/// SQL; it reads the users in nickname order until the page is full, so its
/// worst case (a term nobody matches) is one pass over the table.
pub fn search(
    tx: &mut Tx<'_>,
    term: Option<&SearchTerm>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<UserRecord>, StoreError> {
    let escaped = term.map(SearchTerm::like_escaped).unwrap_or_default();
    let prefix = format!("{escaped}%");
    let inside = format!("%{escaped}%");
    let rows: Vec<UserRow> = users::table
        .filter(
            users::nickname.like(&prefix).escape('\\').or(users::email.like(&prefix).escape('\\')).or(lower(
                users::display_name,
            )
            .like(&inside)
            .escape('\\')),
        )
        .filter(users::nickname.gt(after.unwrap_or("")))
        .order(users::nickname.asc())
        .select(UserRow::as_select())
        .limit(limit)
        .load(tx.conn())?;
    Ok(rows.into_iter().map(UserRecord::from).collect())
}

/// Orders registrations against role grants, so that a name checked as
/// free of look-alikes stays so until the transaction ends: registrations
/// take the lock shared (they do not exclude each other), a grant that
/// makes someone staff takes it exclusively. On SQLite the write
/// transaction already holds the database's write lock.
pub fn lock_reserved_names(tx: &mut Tx<'_>, exclusive: bool) -> Result<(), StoreError> {
    if let crate::connection::DbConnection::Postgres(connection) = tx.conn() {
        let query = if exclusive {
            "SELECT pg_advisory_xact_lock(hashtextextended('emenda.reserved_names', 0))::text"
        } else {
            "SELECT pg_advisory_xact_lock_shared(hashtextextended('emenda.reserved_names', 0))::text"
        };
        diesel::sql_query(query).execute(connection)?;
    }
    Ok(())
}

/// Which of a display name and a nickname look like (share the skeleton
/// of) those of a user holding any role: `(display name, nickname)`.
pub fn reserved_look_alikes(tx: &mut Tx<'_>, display_name: &str, nickname: &str) -> Result<(bool, bool), StoreError> {
    let holders = role_grants::table.select(role_grants::user_id);
    let name: Option<Stored<Uuid>> = users::table
        .filter(users::name_skeleton.eq(name_skeleton(display_name)))
        .filter(users::id.eq_any(holders))
        .select(users::id)
        .first(tx.conn())
        .optional()?;
    let holders = role_grants::table.select(role_grants::user_id);
    let nick: Option<Stored<Uuid>> = users::table
        .filter(users::nickname_skeleton.eq(name_skeleton(nickname)))
        .filter(users::id.eq_any(holders))
        .select(users::id)
        .first(tx.conn())
        .optional()?;
    Ok((name.is_some(), nick.is_some()))
}

/// Whether another user's display name or nickname looks like this
/// user's (shares its skeleton).
pub fn has_look_alike(tx: &mut Tx<'_>, user_id: Uuid) -> Result<bool, StoreError> {
    let own: Option<(Option<String>, Option<String>)> = users::table
        .filter(users::id.eq(Stored(user_id)))
        .select((users::name_skeleton, users::nickname_skeleton))
        .first(tx.conn())
        .optional()?;
    let Some((name, nick)) = own else { return Ok(false) };
    let other: Option<Stored<Uuid>> = users::table
        .filter(users::id.ne(Stored(user_id)))
        .filter(users::name_skeleton.eq(name).or(users::nickname_skeleton.eq(nick)))
        .select(users::id)
        .first(tx.conn())
        .optional()?;
    Ok(other.is_some())
}

/// Fills the skeletons of users stored before they existed (see the
/// `name_skeletons` migration); returns how many were filled. Run after
/// every migration, so it finds nothing once done.
pub(crate) fn fill_skeletons(connection: &mut crate::connection::DbConnection) -> Result<usize, StoreError> {
    let missing: Vec<(Stored<Uuid>, String, String)> = users::table
        .filter(users::name_skeleton.is_null().or(users::nickname_skeleton.is_null()))
        .select((users::id, users::display_name, users::nickname))
        .load(connection)?;
    for (id, display_name, nickname) in &missing {
        diesel::update(users::table.filter(users::id.eq(id)))
            .set((
                users::name_skeleton.eq(name_skeleton(display_name)),
                users::nickname_skeleton.eq(name_skeleton(nickname)),
            ))
            .execute(connection)?;
    }
    Ok(missing.len())
}

/// The display names of these users, by id (a list that names people, such as the audit log).
pub fn display_names(tx: &mut Tx<'_>, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Stored<Uuid>, String)> = users::table
        .filter(users::id.eq_any(ids.iter().map(|id| Stored(*id)).collect::<Vec<_>>()))
        .select((users::id, users::display_name))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(id, name)| (id.0, name)).collect())
}
