//! Supports, the per-participant tallies they are decided under, and the
//! proposal counters they move (`supports_given`, `supports_count`,
//! `qualified_at`).
//!
//! Lock order (docs/architecture.md, Concurrency): the participant's tally
//! row ([`lock_tally`]) first, then the space row in share mode, then the
//! proposals whose counters change, in ascending id order.

use crate::connection::DbConnection;
use crate::schema::{proposals, support_tallies, supports, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use emenda_domain::proposal::ProposalState;
use uuid::Uuid;

/// One support as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportRecord {
    /// The proposal supported.
    pub proposal_id: Uuid,
    /// Who supports it.
    pub user_id: Uuid,
    /// The version it was given (or last re-confirmed) on.
    pub version: i32,
    /// When it was first given.
    pub created_at: DateTime<Utc>,
    /// When it was last given or re-confirmed.
    pub updated_at: DateTime<Utc>,
    /// The subject id of the log entry of its giving; `None` until a
    /// support from before supports were logged is logged at start.
    pub log_event: Option<Uuid>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = supports)]
struct SupportRow {
    proposal_id: Stored<Uuid>,
    user_id: Stored<Uuid>,
    version: i32,
    created_at: Stored<DateTime<Utc>>,
    updated_at: Stored<DateTime<Utc>>,
    log_event: Option<Stored<Uuid>>,
}

impl From<SupportRow> for SupportRecord {
    fn from(row: SupportRow) -> Self {
        Self {
            proposal_id: row.proposal_id.0,
            user_id: row.user_id.0,
            version: row.version,
            created_at: row.created_at.0,
            updated_at: row.updated_at.0,
            log_event: row.log_event.map(|id| id.0),
        }
    }
}

/// A counted supporter of a proposal, with what a public list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupporterRecord {
    /// The supporter's id.
    pub user_id: Uuid,
    /// Their nickname.
    pub nickname: String,
    /// Their display name.
    pub display_name: String,
    /// The version their support is pinned to.
    pub version: i32,
    /// When they first gave it (the list's order).
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = supports)]
struct SupporterRow {
    user_id: Stored<Uuid>,
    #[diesel(select_expression = users::nickname)]
    nickname: String,
    #[diesel(select_expression = users::display_name)]
    display_name: String,
    version: i32,
    created_at: Stored<DateTime<Utc>>,
}

impl From<SupporterRow> for SupporterRecord {
    fn from(row: SupporterRow) -> Self {
        Self {
            user_id: row.user_id.0,
            nickname: row.nickname,
            display_name: row.display_name,
            version: row.version,
            created_at: row.created_at.0,
        }
    }
}

/// Runs one statement written with `$1, $2…` placeholders on either
/// backend (SQLite reads them as `?1, ?2…`): for the few statements the
/// query builder cannot say on both (`ON CONFLICT`, correlated updates).
macro_rules! execute_both {
    ($tx:expr, $sql:expr, $(($ty:ty, $value:expr)),* $(,)?) => {{
        let sql: &str = $sql;
        match $tx.conn() {
            DbConnection::Postgres(c) => diesel::sql_query(sql)$(.bind::<$ty, _>($value))*.execute(c),
            DbConnection::Sqlite(c) => {
                diesel::sql_query(sql.replace('$', "?"))$(.bind::<$ty, _>($value))*.execute(c)
            }
        }
    }};
}

/// A participant's tally in a space, as locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedTally {
    /// How many supports they hold there.
    pub supports: i32,
    /// The salt of their pseudonym there (hex), under which the log names
    /// them (`emenda_domain::transparency::supporter_pseudonym`).
    pub salt: String,
}

/// Creates the participant's tally in the space if missing (at 0, with a
/// fresh pseudonym salt), locks it until the transaction ends and returns
/// it. A tally from before supports were logged gets its salt here.
///
/// Every support and withdrawal of this participant in this space queues
/// here, so the per-user limit and the minimum are decided on a number no
/// one else can change meanwhile, and the set of their supports in the
/// space stays as read. `ON CONFLICT DO NOTHING` makes the creation itself
/// race-free: a concurrent creator's row is waited for, never duplicated.
pub fn lock_tally(tx: &mut Tx<'_>, user_id: Uuid, space_id: Uuid) -> Result<LockedTally, StoreError> {
    let fresh = crate::public_log::new_salt()?;
    execute_both!(
        tx,
        "INSERT INTO support_tallies (user_id, space_id, supports, salt) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING",
        (Text, Stored(user_id)),
        (Text, Stored(space_id)),
        (Text, &fresh),
    )?;
    if let DbConnection::Postgres(c) = tx.conn() {
        diesel::sql_query(
            "SELECT supports FROM support_tallies WHERE user_id = $1 AND space_id = $2 FOR NO KEY UPDATE",
        )
        .bind::<Text, _>(Stored(user_id))
        .bind::<Text, _>(Stored(space_id))
        .execute(c)?;
    }
    let (supports, salt) = tally_and_salt(tx, user_id, space_id)?;
    let salt = match salt {
        Some(salt) => salt,
        None => {
            set_salt(tx, user_id, space_id, &fresh)?;
            fresh
        }
    };
    Ok(LockedTally { supports, salt })
}

/// Gives a tally its pseudonym salt, unless it has one.
fn set_salt(tx: &mut Tx<'_>, user_id: Uuid, space_id: Uuid, salt: &str) -> Result<(), StoreError> {
    diesel::update(
        support_tallies::table
            .filter(support_tallies::user_id.eq(Stored(user_id)))
            .filter(support_tallies::space_id.eq(Stored(space_id)))
            .filter(support_tallies::salt.is_null()),
    )
    .set(support_tallies::salt.eq(salt))
    .execute(tx.conn())?;
    Ok(())
}

/// How many supports the participant has given in the space (0 if none)
/// and their pseudonym's salt there, if they have one yet.
pub fn tally_and_salt(tx: &mut Tx<'_>, user_id: Uuid, space_id: Uuid) -> Result<(i32, Option<String>), StoreError> {
    let found: Option<(i32, Option<String>)> = support_tallies::table
        .filter(support_tallies::user_id.eq(Stored(user_id)))
        .filter(support_tallies::space_id.eq(Stored(space_id)))
        .select((support_tallies::supports, support_tallies::salt))
        .first(tx.conn())
        .optional()?;
    Ok(found.unwrap_or((0, None)))
}

/// How many supports the participant has given in the space (0 if none).
pub fn tally(tx: &mut Tx<'_>, user_id: Uuid, space_id: Uuid) -> Result<i32, StoreError> {
    let found: Option<i32> = support_tallies::table
        .filter(support_tallies::user_id.eq(Stored(user_id)))
        .filter(support_tallies::space_id.eq(Stored(space_id)))
        .select(support_tallies::supports)
        .first(tx.conn())
        .optional()?;
    Ok(found.unwrap_or(0))
}

/// Adds `delta` to the participant's (locked) tally.
pub fn add_to_tally(tx: &mut Tx<'_>, user_id: Uuid, space_id: Uuid, delta: i32) -> Result<(), StoreError> {
    diesel::update(
        support_tallies::table
            .filter(support_tallies::user_id.eq(Stored(user_id)))
            .filter(support_tallies::space_id.eq(Stored(space_id))),
    )
    .set(support_tallies::supports.eq(support_tallies::supports + delta))
    .execute(tx.conn())?;
    Ok(())
}

/// The participant's support of a proposal, if any.
pub fn find(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid) -> Result<Option<SupportRecord>, StoreError> {
    let rows: Vec<SupportRow> = supports::table
        .filter(supports::proposal_id.eq(Stored(proposal_id)))
        .filter(supports::user_id.eq(Stored(user_id)))
        .select(SupportRow::as_select())
        .limit(1)
        .load(tx.conn())?;
    Ok(rows.into_iter().next().map(SupportRecord::from))
}

/// The proposals the participant supports in the space, ascending by id
/// (the lock order). Bounded by the tally the caller holds locked.
pub fn proposals_supported(tx: &mut Tx<'_>, user_id: Uuid, space_id: Uuid) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<Stored<Uuid>> = supports::table
        .filter(supports::user_id.eq(Stored(user_id)))
        .filter(supports::space_id.eq(Stored(space_id)))
        .order(supports::proposal_id.asc())
        .select(supports::proposal_id)
        .load(tx.conn())?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// Every proposal the user supports, in any space, ascending: what an
/// account's erasure goes through.
pub fn held_by(tx: &mut Tx<'_>, user_id: Uuid) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<Stored<Uuid>> = supports::table
        .filter(supports::user_id.eq(Stored(user_id)))
        .order(supports::proposal_id.asc())
        .select(supports::proposal_id)
        .load(tx.conn())?;
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// A new support, logged as the entry `log_event`; a second one for the
/// same pair fails with `Duplicate` (the primary key), whatever the
/// interleaving.
pub fn insert(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    user_id: Uuid,
    space_id: Uuid,
    version: i32,
    at: DateTime<Utc>,
    log_event: Uuid,
) -> Result<(), StoreError> {
    let at = Stored(at);
    diesel::insert_into(supports::table)
        .values((
            supports::proposal_id.eq(Stored(proposal_id)),
            supports::user_id.eq(Stored(user_id)),
            supports::space_id.eq(Stored(space_id)),
            supports::version.eq(version),
            supports::created_at.eq(&at),
            supports::updated_at.eq(&at),
            supports::log_event.eq(Some(Stored(log_event))),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// Re-pins an existing support to `version`.
pub fn reconfirm(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    user_id: Uuid,
    version: i32,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::update(
        supports::table
            .filter(supports::proposal_id.eq(Stored(proposal_id)))
            .filter(supports::user_id.eq(Stored(user_id))),
    )
    .set((supports::version.eq(version), supports::updated_at.eq(Stored(at))))
    .execute(tx.conn())?;
    Ok(())
}

/// Deletes a support; returns whether there was one.
pub fn delete(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid) -> Result<bool, StoreError> {
    let deleted = diesel::delete(
        supports::table
            .filter(supports::proposal_id.eq(Stored(proposal_id)))
            .filter(supports::user_id.eq(Stored(user_id))),
    )
    .execute(tx.conn())?;
    Ok(deleted == 1)
}

/// Adds `given` to a proposal's `supports_given` (the caller holds its lock).
pub fn add_given(tx: &mut Tx<'_>, proposal_id: Uuid, given: i32) -> Result<(), StoreError> {
    diesel::update(proposals::table.filter(proposals::id.eq(Stored(proposal_id))))
        .set(proposals::supports_given.eq(proposals::supports_given + given))
        .execute(tx.conn())?;
    Ok(())
}

/// Adds `counted` to the `supports_count` of each proposal (the caller
/// holds their locks).
pub fn add_counted(tx: &mut Tx<'_>, proposal_ids: &[Uuid], counted: i32) -> Result<(), StoreError> {
    if proposal_ids.is_empty() {
        return Ok(());
    }
    let ids: Vec<Stored<Uuid>> = proposal_ids.iter().copied().map(Stored).collect();
    diesel::update(proposals::table.filter(proposals::id.eq_any(ids)))
        .set(proposals::supports_count.eq(proposals::supports_count + counted))
        .execute(tx.conn())?;
    Ok(())
}

/// Records `at` as the qualification time of those proposals that have
/// `threshold` counted supports and none recorded yet: the first time
/// stays (qualification is sticky). Only proposals still open to supports
/// (published, evaluating) qualify: a minimum crossing that moves the count
/// of a withdrawn or answered proposal does not make it qualified after
/// the fact. Returns the proposals qualified now (their followers hear of
/// it).
pub fn mark_qualified(
    tx: &mut Tx<'_>,
    proposal_ids: &[Uuid],
    threshold: i32,
    at: DateTime<Utc>,
) -> Result<Vec<Uuid>, StoreError> {
    if threshold <= 0 || proposal_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Stored<Uuid>> = proposal_ids.iter().copied().map(Stored).collect();
    let open = [Stored(ProposalState::Published), Stored(ProposalState::Evaluating)];
    // The caller holds the proposals' locks: what is read here is what
    // the update below changes.
    let reaching: Vec<Stored<Uuid>> = proposals::table
        .filter(proposals::id.eq_any(ids))
        .filter(proposals::qualified_at.is_null())
        .filter(proposals::supports_count.ge(threshold))
        .filter(proposals::state.eq_any(open))
        .select(proposals::id)
        .load(tx.conn())?;
    if reaching.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(proposals::table.filter(proposals::id.eq_any(&reaching)))
        .set(proposals::qualified_at.eq(Some(Stored(at))))
        .execute(tx.conn())?;
    Ok(reaching.into_iter().map(|id| id.0).collect())
}

/// Recounts `supports_count` of every proposal in the space for a new
/// `minimum` (a support counts when its giver's tally reaches it), then
/// marks as qualified, at `at`, those that reach `threshold` now. Called
/// by a settings change under the space's exclusive lock, which supports
/// in flight hold in share mode. The space's proposals are locked first,
/// in ascending id order as every multi-proposal lock is, so the recount
/// queues behind writers of one proposal instead of meeting them in a
/// cycle.
pub fn recount_space(
    tx: &mut Tx<'_>,
    space_id: Uuid,
    minimum: i32,
    threshold: i32,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    if let DbConnection::Postgres(connection) = tx.conn() {
        diesel::sql_query("SELECT id FROM proposals WHERE space_id = $1 ORDER BY id FOR NO KEY UPDATE")
            .bind::<diesel::sql_types::Text, _>(Stored(space_id))
            .execute(connection)?;
    }
    execute_both!(
        tx,
        "UPDATE proposals SET supports_count = (SELECT COUNT(*) FROM supports s JOIN support_tallies t \
         ON t.user_id = s.user_id AND t.space_id = s.space_id \
         WHERE s.proposal_id = proposals.id AND t.supports >= $1) WHERE space_id = $2",
        (Integer, minimum),
        (Text, Stored(space_id)),
    )?;
    if threshold > 0 {
        execute_both!(
            tx,
            "UPDATE proposals SET qualified_at = $1 \
             WHERE space_id = $2 AND qualified_at IS NULL AND supports_count >= $3 \
             AND state IN ('published', 'evaluating')",
            (Text, Stored(at)),
            (Text, Stored(space_id)),
            (Integer, threshold),
        )?;
    }
    Ok(())
}

/// One page of a proposal's counted supporters (their giver's tally in the
/// space reaches `minimum`), oldest support first, after the `(created_at,
/// user id)` of the previous page's last one. Walks the
/// `supports_proposal_time` index.
pub fn supporters(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    minimum: i32,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<SupporterRecord>, StoreError> {
    let mut query =
        supports::table
            .inner_join(users::table)
            .inner_join(support_tallies::table.on(
                support_tallies::user_id.eq(supports::user_id).and(support_tallies::space_id.eq(supports::space_id)),
            ))
            .filter(supports::proposal_id.eq(Stored(proposal_id)))
            .filter(support_tallies::supports.ge(minimum))
            .select(SupporterRow::as_select())
            .order((supports::created_at.asc(), supports::user_id.asc()))
            .limit(limit)
            .into_boxed();
    if let Some((at, user)) = after {
        let at = Stored(at);
        query = query.filter(
            supports::created_at.gt(at).or(supports::created_at.eq(at).and(supports::user_id.gt(Stored(user)))),
        );
    }
    Ok(query.load(tx.conn())?.into_iter().map(SupporterRecord::from).collect())
}
