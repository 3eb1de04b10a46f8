//! The transparency log's storage (see `emenda_domain::transparency` and
//! `docs/transparency-log.md`): writes insert pending entries; the
//! integrator gives them leaf indexes in batches, stores the new hash
//! tiles and entry bundles and signs a checkpoint; readers serve tiles,
//! bundles and checkpoints and prove inclusion and consistency.
//!
//! A write takes no lock here: its entry is one insert, numbered by the
//! table's own sequence, so unrelated writes never wait for each other's
//! commit. Only the integrator orders entries, and only one integrates at a
//! time: on PostgreSQL it holds a transaction-scoped advisory lock (other
//! instances skip their turn), on SQLite its write transaction holds the
//! database's one write lock.

use crate::connection::DbConnection;
use crate::schema::{audit_log, log_bundles, log_checkpoints, log_entries, log_tiles, proposal_versions, proposals};
use crate::versions::NewVersion;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use emenda_domain::clock::format_timestamp;
use emenda_domain::transparency::{
    self as tlog, tree, AuditLeaf, EntryKind, Hash, HashReader, LogProblem, LogReport, LogSigner, SupportEvent,
    SupportLeaf, Tile, VersionLeaf, TILE_HEIGHT, TILE_WIDTH,
};
use std::cell::RefCell;
use std::collections::HashMap;
use uuid::Uuid;

/// The advisory lock key the integrator holds on PostgreSQL ("emenlog" in
/// ASCII): one integrator across every instance on the database.
const INTEGRATOR_LOCK: i64 = 0x0065_6d65_6e6c_6f67;

/// A record's entry, to be appended to the log.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    /// What it records.
    pub kind: EntryKind,
    /// The record's id (the audit entry, or the proposal of a version).
    pub subject_id: Uuid,
    /// The version number, or 0.
    pub subject_number: i32,
    /// Hex salt of the entry's commitment, when it has one.
    pub salt: Option<&'a str>,
    /// The entry bytes (`emenda_domain::transparency`).
    pub entry: &'a [u8],
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

/// Adds an entry to the log, pending until the integrator sequences it, in
/// the caller's transaction: a record and its entry commit together or not
/// at all.
pub fn enqueue(tx: &mut Tx<'_>, entry: &NewEntry<'_>) -> Result<(), StoreError> {
    diesel::insert_into(log_entries::table)
        .values((
            log_entries::kind.eq(entry.kind.as_str()),
            log_entries::subject_id.eq(entry.subject_id.to_string()),
            log_entries::subject_number.eq(entry.subject_number),
            log_entries::salt.eq(entry.salt),
            log_entries::entry.eq(entry.entry),
            log_entries::created_at.eq(format_timestamp(entry.created_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// A fresh random salt, as hex, for a commitment.
pub fn new_salt() -> Result<String, StoreError> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| StoreError::Corrupt(format!("no random source for a salt: {e}")))?;
    Ok(tlog::hex(&salt))
}

/// The entry of a proposal version, in the transaction that appends it.
pub fn enqueue_version(tx: &mut Tx<'_>, version: &NewVersion<'_>, content_hash: &str) -> Result<(), StoreError> {
    let entry = tlog::version_entry(&VersionLeaf {
        proposal_id: &version.proposal_id.to_string(),
        reference: version.reference,
        number: version.number,
        content_hash,
        created_at: &format_timestamp(version.created_at),
    })
    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    enqueue(
        tx,
        &NewEntry {
            kind: EntryKind::Version,
            subject_id: version.proposal_id,
            subject_number: version.number,
            salt: None,
            entry: &entry,
            created_at: version.created_at,
        },
    )
}

/// A support event to log.
#[derive(Debug, Clone, Copy)]
pub struct SupportLogged<'a> {
    /// The event's own id (the entry's subject: one support can be given
    /// and withdrawn many times), which a support row keeps to tell its
    /// giver where it was logged.
    pub event_id: Uuid,
    /// The proposal supported.
    pub proposal_id: Uuid,
    /// Its space.
    pub space_id: Uuid,
    /// The giver.
    pub user_id: Uuid,
    /// The salt of the giver's pseudonym in the space (their tally's).
    pub pseudonym_salt: &'a str,
    /// What happened.
    pub event: SupportEvent,
    /// The version the support is (or was) pinned to.
    pub version: i32,
    /// When.
    pub at: DateTime<Utc>,
}

/// The entry of a support event, in the transaction that makes it.
pub fn enqueue_support(tx: &mut Tx<'_>, support: &SupportLogged<'_>) -> Result<(), StoreError> {
    let entry = support_entry(support)?;
    enqueue(
        tx,
        &NewEntry {
            kind: EntryKind::Support,
            subject_id: support.event_id,
            subject_number: 0,
            salt: None,
            entry: &entry,
            created_at: support.at,
        },
    )
}

/// The entry bytes of a support event.
fn support_entry(support: &SupportLogged<'_>) -> Result<Vec<u8>, StoreError> {
    let supporter = tlog::supporter_pseudonym(support.pseudonym_salt, &support.user_id.to_string());
    let entry = tlog::support_entry(&SupportLeaf {
        proposal_id: &support.proposal_id.to_string(),
        space_id: &support.space_id.to_string(),
        event: support.event,
        supporter: &supporter,
        version: support.version,
        created_at: &format_timestamp(support.at),
    })
    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(entry)
}

/// The entry bytes of an audit row (its fields as stored, as text), with
/// its details committed under `salt` (hex).
pub fn audit_entry(fields: &AuditLeaf<'_>, salt: &str) -> Result<Vec<u8>, StoreError> {
    tlog::audit_entry(fields, salt).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Reads hashes of the tree from the stored tiles, with the hashes a batch
/// is adding laid over them. Database errors are kept aside (the crate's
/// reader trait cannot carry them) and surface from [`StoredHashes::check`].
pub struct StoredHashes<'t, 'c> {
    tx: RefCell<&'t mut Tx<'c>>,
    added: HashMap<u64, Hash>,
    tiles: RefCell<HashMap<(u8, u64), Vec<u8>>>,
    failure: RefCell<Option<StoreError>>,
}

impl<'t, 'c> StoredHashes<'t, 'c> {
    /// A reader of the tree as stored.
    pub fn new(tx: &'t mut Tx<'c>) -> Self {
        Self { tx: RefCell::new(tx), added: HashMap::new(), tiles: RefCell::default(), failure: RefCell::default() }
    }

    /// The database error a read met, if any, in place of the crate's.
    fn check<T>(&self, result: Result<T, tree::Error>) -> Result<T, StoreError> {
        if let Some(failure) = self.failure.borrow_mut().take() {
            return Err(failure);
        }
        result.map_err(|e| StoreError::Corrupt(format!("the log's stored tree: {e}")))
    }

    /// Loads a stored hash tile into the cache (once per reader); false
    /// when there is no such tile.
    fn load_tile(&self, level: u8, index: u64) -> Result<bool, StoreError> {
        if self.tiles.borrow().contains_key(&(level, index)) {
            return Ok(true);
        }
        let data = tile(&mut self.tx.borrow_mut(), level, index)?;
        let found = data.is_some();
        if let Some(data) = data {
            self.tiles.borrow_mut().insert((level, index), data);
        }
        Ok(found)
    }

    /// The data of a stored hash tile, cached for the reader.
    fn tile_data(&self, level: u8, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(if self.load_tile(level, index)? { self.tiles.borrow().get(&(level, index)).cloned() } else { None })
    }

    /// The root of the tree of `size` entries.
    pub fn root(&self, size: u64) -> Result<Hash, StoreError> {
        self.check(tree::tree_hash(size, self))
    }

    /// Proof that entry `index` is in the tree of `size` entries.
    pub fn inclusion_proof(&self, size: u64, index: u64) -> Result<Vec<Hash>, StoreError> {
        self.check(tree::prove_record(size, index, self))
    }

    /// Proof that the tree of `new_size` entries extends that of `old_size`.
    pub fn consistency_proof(&self, new_size: u64, old_size: u64) -> Result<Vec<Hash>, StoreError> {
        self.check(tree::prove_tree(new_size, old_size, self))
    }
}

impl HashReader for StoredHashes<'_, '_> {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tree::Error> {
        indexes
            .iter()
            .map(|&index| {
                if let Some(hash) = self.added.get(&index) {
                    return Ok(*hash);
                }
                let tile = Tile::from_index(TILE_HEIGHT, index);
                match self.load_tile(tile.level(), tile.level_index()) {
                    Ok(true) => match self.tiles.borrow().get(&(tile.level(), tile.level_index())) {
                        Some(data) => tile.hash_at_index(data, index),
                        None => Err(tree::Error::IndexesNotInTree),
                    },
                    Ok(false) => Err(tree::Error::IndexesNotInTree),
                    Err(e) => {
                        *self.failure.borrow_mut() = Some(e);
                        Err(tree::Error::InvalidTile)
                    }
                }
            })
            .collect()
    }
}

/// What one integration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Integrated {
    /// The tree's size before.
    pub from_size: u64,
    /// Its size now: the new checkpoint's.
    pub size: u64,
}

/// Sequences up to `limit` pending entries (oldest insert first) as the
/// next leaves, stores the tiles and bundles they change and signs the new
/// checkpoint, all in the caller's write transaction. `None` when another
/// instance is integrating (PostgreSQL) or nothing is pending and a
/// checkpoint exists. The first integration of a database signs even an
/// empty tree, so that a checkpoint is always there to serve.
pub fn integrate(
    tx: &mut Tx<'_>,
    signer: &LogSigner,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Option<Integrated>, StoreError> {
    if !integrator_lock(tx, false)? {
        return Ok(None);
    }
    let latest = latest_size(tx)?;
    let pending: Vec<(i64, Vec<u8>)> = log_entries::table
        .filter(log_entries::leaf_index.is_null())
        .order(log_entries::id.asc())
        .select((log_entries::id, log_entries::entry))
        .limit(limit)
        .load(tx.conn())?;
    if pending.is_empty() && latest.is_some() {
        return Ok(None);
    }
    let from_size = latest.unwrap_or(0);
    let size = from_size + pending.len() as u64;
    let mut hashes = StoredHashes::new(tx);
    for (offset, (_, entry)) in pending.iter().enumerate() {
        let n = from_size + offset as u64;
        let new = hashes.check(tree::stored_hashes_for_record_hash(n, tlog::leaf_hash(entry), &hashes))?;
        let first = tree::stored_hash_index(0, n);
        for (i, hash) in new.into_iter().enumerate() {
            hashes.added.insert(first + i as u64, hash);
        }
    }
    let mut tiles = Vec::new();
    for tile in Tile::new_tiles(TILE_HEIGHT, from_size, size) {
        tiles.push((tile, hashes.check(tile.read_data(&hashes))?));
    }
    let root = hashes.root(size)?;
    let tx = hashes.tx.into_inner();
    assign_leaves(tx, &pending, as_i64(from_size)?)?;
    for (tile, data) in &tiles {
        save_tile(tx, i32::from(tile.level()), tile.level_index(), data)?;
        if tile.level() == 0 {
            save_bundle(tx, tile.level_index(), from_size, &pending)?;
        }
    }
    let note = signer.sign(size, root).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    diesel::insert_into(log_checkpoints::table)
        .values((
            log_checkpoints::size.eq(as_i64(size)?),
            log_checkpoints::root_hash.eq(tlog::hex(&root.0)),
            log_checkpoints::note.eq(String::from_utf8_lossy(&note).into_owned()),
            log_checkpoints::created_at.eq(format_timestamp(now)),
        ))
        .execute(tx.conn())?;
    Ok(Some(Integrated { from_size, size }))
}

/// Gives the pending entries (ids ascending) the leaf indexes from
/// `first` on, a few hundred rows per statement: a batch of 4,096 is a
/// dozen round trips, not 4,096. Every value is an integer this code
/// formats, so the statement carries no outside text.
fn assign_leaves(tx: &mut Tx<'_>, pending: &[(i64, Vec<u8>)], first: i64) -> Result<(), StoreError> {
    let mut leaf = first;
    for chunk in pending.chunks(400) {
        let mut values = String::new();
        for (id, _) in chunk {
            if !values.is_empty() {
                values.push(',');
            }
            values.push_str(&format!("({id},{leaf})"));
            leaf += 1;
        }
        // `column1`, `column2`: both backends' names for a VALUES list's columns.
        let sql = format!(
            "UPDATE log_entries SET leaf_index = v.column2 FROM (VALUES {values}) AS v WHERE log_entries.id = v.column1"
        );
        let updated = match tx.conn() {
            DbConnection::Sqlite(c) => diesel::sql_query(sql).execute(c)?,
            DbConnection::Postgres(c) => diesel::sql_query(sql).execute(c)?,
        };
        if updated != chunk.len() {
            return Err(StoreError::Corrupt(format!("{updated} of {} pending log entries sequenced", chunk.len())));
        }
    }
    Ok(())
}

/// Takes the integrator lock for the rest of the transaction: on
/// PostgreSQL the advisory lock every instance's integrator asks for
/// (`wait`: until it is free; else only if it is free now), on SQLite
/// nothing (the write transaction holds the database's one write lock).
fn integrator_lock(tx: &mut Tx<'_>, wait: bool) -> Result<bool, StoreError> {
    if let DbConnection::Postgres(c) = tx.conn() {
        #[derive(QueryableByName)]
        struct Taken {
            #[diesel(sql_type = Bool)]
            taken: bool,
        }
        let query = if wait {
            format!("SELECT true AS taken FROM (SELECT pg_advisory_xact_lock({INTEGRATOR_LOCK})) AS locked")
        } else {
            format!("SELECT pg_try_advisory_xact_lock({INTEGRATOR_LOCK}) AS taken")
        };
        let taken: Taken = diesel::sql_query(query).get_result(c)?;
        return Ok(taken.taken);
    }
    Ok(true)
}

fn as_i64(n: u64) -> Result<i64, StoreError> {
    i64::try_from(n).map_err(|_| StoreError::Corrupt(format!("log index {n} out of range")))
}

/// Writes a hash tile as it now is (a partial one grows in place).
fn save_tile(tx: &mut Tx<'_>, level: i32, index: u64, data: &[u8]) -> Result<(), StoreError> {
    let index = as_i64(index)?;
    let updated = diesel::update(log_tiles::table.filter(log_tiles::level.eq(level)).filter(log_tiles::idx.eq(index)))
        .set(log_tiles::data.eq(data))
        .execute(tx.conn())?;
    if updated == 0 {
        diesel::insert_into(log_tiles::table)
            .values((log_tiles::level.eq(level), log_tiles::idx.eq(index), log_tiles::data.eq(data)))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// Appends this batch's entries that fall in bundle `index` to it.
fn save_bundle(tx: &mut Tx<'_>, index: u64, from_size: u64, pending: &[(i64, Vec<u8>)]) -> Result<(), StoreError> {
    let start = index * TILE_WIDTH;
    let end = start + TILE_WIDTH;
    let first = start.max(from_size);
    let added: Vec<&[u8]> = pending
        .iter()
        .enumerate()
        .filter(|(offset, _)| (first..end).contains(&(from_size + *offset as u64)))
        .map(|(_, (_, entry))| entry.as_slice())
        .collect();
    let added = tlog::bundle(added).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let index = as_i64(index)?;
    let existing: Option<Vec<u8>> =
        log_bundles::table.filter(log_bundles::idx.eq(index)).select(log_bundles::data).first(tx.conn()).optional()?;
    match existing {
        Some(mut data) => {
            data.extend_from_slice(&added);
            diesel::update(log_bundles::table.filter(log_bundles::idx.eq(index)))
                .set(log_bundles::data.eq(data))
                .execute(tx.conn())?;
        }
        None => {
            diesel::insert_into(log_bundles::table)
                .values((log_bundles::idx.eq(index), log_bundles::data.eq(added)))
                .execute(tx.conn())?;
        }
    }
    Ok(())
}

/// The size of the latest signed tree, if any.
pub fn latest_size(tx: &mut Tx<'_>) -> Result<Option<u64>, StoreError> {
    let size: Option<i64> = log_checkpoints::table.select(diesel::dsl::max(log_checkpoints::size)).first(tx.conn())?;
    size.map(|s| u64::try_from(s).map_err(|_| StoreError::Corrupt(format!("negative log size {s}")))).transpose()
}

/// The latest signed checkpoint, as served.
pub fn checkpoint(tx: &mut Tx<'_>) -> Result<Option<String>, StoreError> {
    Ok(log_checkpoints::table
        .order(log_checkpoints::size.desc())
        .select(log_checkpoints::note)
        .first(tx.conn())
        .optional()?)
}

/// A stored hash tile's data, as wide as the tree now makes it.
pub fn tile(tx: &mut Tx<'_>, level: u8, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(log_tiles::table
        .filter(log_tiles::level.eq(i32::from(level)))
        .filter(log_tiles::idx.eq(as_i64(index)?))
        .select(log_tiles::data)
        .first(tx.conn())
        .optional()?)
}

/// A stored entry bundle, as long as the tree now makes it.
pub fn bundle(tx: &mut Tx<'_>, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(log_bundles::table
        .filter(log_bundles::idx.eq(as_i64(index)?))
        .select(log_bundles::data)
        .first(tx.conn())
        .optional()?)
}

/// Whether entries wait to be sequenced: the integrator's cheap poll.
pub fn has_pending(tx: &mut Tx<'_>) -> Result<bool, StoreError> {
    Ok(diesel::select(diesel::dsl::exists(log_entries::table.filter(log_entries::leaf_index.is_null())))
        .get_result(tx.conn())?)
}

/// Leaf indexes of many records of one kind at once (a page of versions or
/// of the audit log), by subject id and number.
pub fn leaf_indexes(
    tx: &mut Tx<'_>,
    kind: EntryKind,
    subjects: &[(Uuid, i32)],
) -> Result<HashMap<(Uuid, i32), u64>, StoreError> {
    let mut ids: Vec<String> = subjects.iter().map(|(id, _)| id.to_string()).collect();
    ids.sort_unstable();
    ids.dedup();
    let wanted: std::collections::HashSet<&(Uuid, i32)> = subjects.iter().collect();
    let rows: Vec<(String, i32, Option<i64>)> = log_entries::table
        .filter(log_entries::kind.eq(kind.as_str()))
        .filter(log_entries::subject_id.eq_any(&ids))
        .select((log_entries::subject_id, log_entries::subject_number, log_entries::leaf_index))
        .load(tx.conn())?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, number, index)| Some(((Uuid::parse_str(&id).ok()?, number), u64::try_from(index?).ok()?)))
        .filter(|(key, _)| wanted.contains(key))
        .collect())
}

/// One sequenced entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    /// Its leaf index.
    pub leaf_index: u64,
    /// What it records.
    pub kind: String,
    /// The record's id.
    pub subject_id: String,
    /// The version number, or 0.
    pub subject_number: i32,
    /// The commitment's salt, if any.
    pub salt: Option<String>,
    /// The entry bytes.
    pub entry: Vec<u8>,
}

/// Sequenced entries from leaf `from`, at most `limit`, in leaf order.
pub fn entries(tx: &mut Tx<'_>, from: u64, limit: i64) -> Result<Vec<StoredEntry>, StoreError> {
    type Row = (Option<i64>, String, String, i32, Option<String>, Vec<u8>);
    let rows: Vec<Row> = log_entries::table
        .filter(log_entries::leaf_index.ge(as_i64(from)?))
        .order(log_entries::leaf_index.asc())
        .select((
            log_entries::leaf_index,
            log_entries::kind,
            log_entries::subject_id,
            log_entries::subject_number,
            log_entries::salt,
            log_entries::entry,
        ))
        .limit(limit)
        .load(tx.conn())?;
    Ok(rows
        .into_iter()
        .filter_map(|(index, kind, subject_id, subject_number, salt, entry)| {
            Some(StoredEntry { leaf_index: u64::try_from(index?).ok()?, kind, subject_id, subject_number, salt, entry })
        })
        .collect())
}

/// A stored version with its proposal's reference, as text: what its log
/// entry is built from.
#[derive(Queryable, Selectable)]
#[diesel(table_name = proposal_versions)]
struct VersionEntryRow {
    proposal_id: String,
    number: i32,
    #[diesel(select_expression = proposals::reference)]
    reference: String,
    content_hash: String,
    created_at: String,
}

impl VersionEntryRow {
    /// The entry bytes.
    fn entry(&self) -> Result<Vec<u8>, StoreError> {
        tlog::version_entry(&VersionLeaf {
            proposal_id: &self.proposal_id,
            reference: &self.reference,
            number: self.number,
            content_hash: &self.content_hash,
            created_at: &self.created_at,
        })
        .map_err(|e| StoreError::Corrupt(e.to_string()))
    }
}

/// Puts every record written before the log existed into it, as pending
/// entries in a fixed order: the audit log first (entries from before its
/// hash chain by id, then the chain in `seq` order), then every proposal's
/// versions, proposal by proposal (both once, before the first checkpoint
/// is signed), then every support not logged yet (at every start: supports
/// entered the log later). A record already logged is skipped. Returns how
/// many entries were added.
pub fn backfill(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<u64, StoreError> {
    // Instances starting together take turns: the second finds the first's
    // entries and skips them.
    integrator_lock(tx, true)?;
    let records = if latest_size(tx)?.is_some() { 0 } else { backfill_records(tx, now)? };
    Ok(records + backfill_supports(tx)?)
}

/// The audit log and every version, as [`backfill`] orders them.
fn backfill_records(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let mut added = 0;
    let logged = |tx: &mut Tx<'_>, kind: EntryKind| -> Result<std::collections::HashSet<(String, i32)>, StoreError> {
        let rows: Vec<(String, i32)> = log_entries::table
            .filter(log_entries::kind.eq(kind.as_str()))
            .select((log_entries::subject_id, log_entries::subject_number))
            .load(tx.conn())?;
        Ok(rows.into_iter().collect())
    };
    let audit_logged = logged(tx, EntryKind::Audit)?;
    type AuditText = (String, Option<String>, String, String, String, Option<String>, String, String, String);
    let rows: Vec<AuditText> = audit_log::table
        .order((audit_log::seq.is_not_null(), audit_log::seq.asc(), audit_log::id.asc()))
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
        .load(tx.conn())?;
    for (id, actor_id, action, target_kind, target_id, space_id, details, visibility, created_at) in rows {
        if audit_logged.contains(&(id.clone(), 0)) {
            continue;
        }
        let salt = new_salt()?;
        let fields = AuditLeaf {
            id: &id,
            action: &action,
            target_kind: &target_kind,
            target_id: &target_id,
            space_id: space_id.as_deref(),
            actor_id: actor_id.as_deref(),
            visibility: &visibility,
            created_at: &created_at,
            details: &details,
        };
        let entry = audit_entry(&fields, &salt)?;
        let subject_id = Uuid::parse_str(&id).map_err(|_| StoreError::Corrupt(format!("audit id {id}")))?;
        enqueue(
            tx,
            &NewEntry {
                kind: EntryKind::Audit,
                subject_id,
                subject_number: 0,
                salt: Some(&salt),
                entry: &entry,
                created_at: now,
            },
        )?;
        added += 1;
    }
    let versions_logged = logged(tx, EntryKind::Version)?;
    let mut after: Option<(String, i32)> = None;
    loop {
        let mut page = proposal_versions::table
            .inner_join(proposals::table)
            .select(VersionEntryRow::as_select())
            .order((proposal_versions::proposal_id.asc(), proposal_versions::number.asc()))
            .limit(5_000)
            .into_boxed();
        if let Some((id, number)) = &after {
            page = page.filter(
                proposal_versions::proposal_id
                    .gt(id.clone())
                    .or(proposal_versions::proposal_id.eq(id.clone()).and(proposal_versions::number.gt(*number))),
            );
        }
        let rows: Vec<VersionEntryRow> = page.load(tx.conn())?;
        let Some(last) = rows.last() else { break };
        after = Some((last.proposal_id.clone(), last.number));
        for row in rows {
            if versions_logged.contains(&(row.proposal_id.clone(), row.number)) {
                continue;
            }
            let entry = row.entry()?;
            let subject_id = Uuid::parse_str(&row.proposal_id)
                .map_err(|_| StoreError::Corrupt(format!("proposal id {}", row.proposal_id)))?;
            enqueue(
                tx,
                &NewEntry {
                    kind: EntryKind::Version,
                    subject_id,
                    subject_number: row.number,
                    salt: None,
                    entry: &entry,
                    created_at: now,
                },
            )?;
            added += 1;
        }
    }
    Ok(added)
}

/// Logs every support not logged yet (given before supports entered the
/// log, or written by a bulk load) as given at the time it was, oldest
/// first, giving its giver's tally a pseudonym salt where it has none.
/// Runs at every start; returns how many entries it added.
fn backfill_supports(tx: &mut Tx<'_>) -> Result<u64, StoreError> {
    use crate::schema::{support_tallies, supports};
    use crate::types::Stored;
    let mut added = 0;
    let mut salts: HashMap<(Uuid, Uuid), String> = HashMap::new();
    loop {
        type Unlogged = (Stored<Uuid>, Stored<Uuid>, Stored<Uuid>, i32, Stored<DateTime<Utc>>);
        let page: Vec<Unlogged> = supports::table
            .filter(supports::log_event.is_null())
            .order((supports::created_at.asc(), supports::proposal_id.asc(), supports::user_id.asc()))
            .select((
                supports::proposal_id,
                supports::user_id,
                supports::space_id,
                supports::version,
                supports::created_at,
            ))
            .limit(1_000)
            .load(tx.conn())?;
        if page.is_empty() {
            return Ok(added);
        }
        let mut logged = Vec::with_capacity(page.len());
        for (proposal, user, space, version, at) in page {
            let key = (user.0, space.0);
            if let std::collections::hash_map::Entry::Vacant(slot) = salts.entry(key) {
                let (_, salt) = crate::supports::tally_and_salt(tx, user.0, space.0)?;
                let salt = match salt {
                    Some(salt) => salt,
                    None => {
                        let salt = new_salt()?;
                        diesel::update(
                            support_tallies::table
                                .filter(support_tallies::user_id.eq(&user))
                                .filter(support_tallies::space_id.eq(&space)),
                        )
                        .set(support_tallies::salt.eq(&salt))
                        .execute(tx.conn())?;
                        salt
                    }
                };
                slot.insert(salt);
            }
            let support = SupportLogged {
                event_id: Uuid::now_v7(),
                proposal_id: proposal.0,
                space_id: space.0,
                user_id: user.0,
                pseudonym_salt: &salts[&key],
                event: SupportEvent::Given,
                version,
                at: at.0,
            };
            logged.push((support.proposal_id, support.user_id, support.event_id, support_entry(&support)?, at));
        }
        // A few hundred rows per statement: a large upgrade or bulk load is
        // logged in seconds, not one round trip per support.
        for chunk in logged.chunks(400) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|(_, _, event, entry, at)| {
                    (
                        log_entries::kind.eq(EntryKind::Support.as_str()),
                        log_entries::subject_id.eq(event.to_string()),
                        log_entries::subject_number.eq(0),
                        log_entries::entry.eq(entry),
                        log_entries::created_at.eq(format_timestamp(at.0)),
                    )
                })
                .collect();
            let insert = diesel::insert_into(log_entries::table).values(rows);
            match tx.conn() {
                DbConnection::Sqlite(c) => insert.execute(c)?,
                DbConnection::Postgres(c) => insert.execute(c)?,
            };
            // Ids are UUIDs parsed above: nothing here comes from text.
            let values: Vec<String> = chunk
                .iter()
                .map(|(proposal, user, event, _, _)| format!("('{proposal}','{user}','{event}')"))
                .collect();
            let sql = format!(
                "UPDATE supports SET log_event = v.column3 FROM (VALUES {}) AS v \
                 WHERE supports.proposal_id = v.column1 AND supports.user_id = v.column2",
                values.join(",")
            );
            let updated = match tx.conn() {
                DbConnection::Sqlite(c) => diesel::sql_query(sql).execute(c)?,
                DbConnection::Postgres(c) => diesel::sql_query(sql).execute(c)?,
            };
            if updated != chunk.len() {
                return Err(StoreError::Corrupt(format!("{updated} of {} supports marked logged", chunk.len())));
            }
            added += u64::try_from(chunk.len()).unwrap_or_default();
        }
    }
}

/// How many entries one verification call checks at most: the work of a
/// call stays bounded however long the log grows.
pub const VERIFY_SEGMENT: u64 = 1_000;

/// Re-checks leaves `from..from + VERIFY_SEGMENT` of the latest signed
/// tree: the checkpoint's signature (with `verifier_key`), the stored tree
/// against the signed root, each entry against its leaf hash, each full
/// tile against its parent, and each entry against the record it logs
/// (rebuilt from the stored row). The call that reaches the end also
/// checks the tiles above level 0 and that every audit entry and version
/// has a log entry. Call it in a read transaction (`Store::read`: one
/// snapshot on both backends), so that everything compared is of one
/// moment. `from` must not pass the tree's size (the caller checks).
pub fn verify_segment(tx: &mut Tx<'_>, verifier_key: &str, from: u64) -> Result<LogReport, StoreError> {
    let pending: i64 = log_entries::table.filter(log_entries::leaf_index.is_null()).count().get_result(tx.conn())?;
    let mut report = LogReport {
        valid: false,
        tree_size: 0,
        root_hash: String::new(),
        from,
        next: from,
        complete: false,
        first_invalid: None,
        problem: None,
        pending: u64::try_from(pending).unwrap_or_default(),
    };
    let fail = |mut report: LogReport, problem: LogProblem, at: Option<u64>| {
        report.problem = Some(problem);
        report.first_invalid = at;
        Ok(report)
    };
    let Some(note) = checkpoint(tx)? else { return fail(report, LogProblem::Signature, None) };
    let Ok(signed) = tlog::open_checkpoint(note.as_bytes(), verifier_key) else {
        return fail(report, LogProblem::Signature, None);
    };
    let size = signed.size();
    report.tree_size = size;
    report.root_hash = tlog::hex(&signed.hash().0);
    let to = (from + VERIFY_SEGMENT).min(size);
    report.next = to;
    let hashes = StoredHashes::new(tx);
    if hashes.root(size).ok() != Some(*signed.hash()) {
        return fail(report, LogProblem::Root, None);
    }
    let tx = hashes.tx.into_inner();
    let found = entries(tx, from, i64::try_from(to - from).unwrap_or(i64::MAX))?;
    let hashes = StoredHashes::new(tx);
    let leaf_hashes = hashes.read_hashes(&(from..to).map(|i| tree::stored_hash_index(0, i)).collect::<Vec<_>>()).ok();
    let tiles_hold = |level: u8, first: u64, last: u64| -> Result<Option<u64>, StoreError> {
        // Full tiles of `level` whose leaves fall in first..last, each
        // against the hash its parent holds.
        let span = TILE_WIDTH.pow(u32::from(level) + 1);
        for n in (first / span)..last.div_ceil(span) {
            if (n + 1) * span > size {
                break;
            }
            let Some(data) = hashes.tile_data(level, n)? else { return Ok(Some(n * span)) };
            let parent = hashes.read_hashes(&[tree::stored_hash_index(TILE_HEIGHT * (level + 1), n)]);
            if data.len() < TILE_WIDTH as usize * 32
                || parent.ok().map(|p| p[0]) != Some(Tile::subtree_hash(&data[..TILE_WIDTH as usize * 32]))
            {
                return Ok(Some(n * span));
            }
        }
        Ok(None)
    };
    for (offset, expected) in (from..to).enumerate() {
        let Some(entry) = found.get(offset).filter(|e| e.leaf_index == expected) else {
            return fail(report, LogProblem::MissingEntry, Some(expected));
        };
        if leaf_hashes.as_ref().map(|h| h[offset]) != Some(tlog::leaf_hash(&entry.entry)) {
            return fail(report, LogProblem::LeafHash, Some(expected));
        }
    }
    if let Some(at) = tiles_hold(0, from, to)? {
        return fail(report, LogProblem::TileHash, Some(at));
    }
    let complete = to == size;
    if complete {
        let mut level = 1;
        while TILE_WIDTH.pow(u32::from(level) + 1) <= size {
            if let Some(at) = tiles_hold(level, 0, size)? {
                return fail(report, LogProblem::TileHash, Some(at));
            }
            level += 1;
        }
    }
    let tx = hashes.tx.into_inner();
    if let Some((problem, at)) = records_hold(tx, &found)? {
        return fail(report, problem, Some(at));
    }
    if complete {
        let logged = |tx: &mut Tx<'_>, kind: EntryKind| -> Result<i64, StoreError> {
            Ok(log_entries::table.filter(log_entries::kind.eq(kind.as_str())).count().get_result(tx.conn())?)
        };
        let audits = crate::audit::count(tx)?;
        let versions: i64 = proposal_versions::table.count().get_result(tx.conn())?;
        if audits != logged(tx, EntryKind::Audit)? || versions != logged(tx, EntryKind::Version)? {
            return fail(report, LogProblem::UnloggedRecord, None);
        }
    }
    report.valid = true;
    report.complete = complete;
    Ok(report)
}

/// Each entry against the record it logs, rebuilt from the stored row:
/// the first that differs or whose record is gone.
fn records_hold(tx: &mut Tx<'_>, found: &[StoredEntry]) -> Result<Option<(LogProblem, u64)>, StoreError> {
    let audit_ids: Vec<String> =
        found.iter().filter(|e| e.kind == EntryKind::Audit.as_str()).map(|e| e.subject_id.clone()).collect();
    let audits: HashMap<String, crate::audit::StoredAuditRow> =
        crate::audit::stored_rows(tx, &audit_ids)?.into_iter().map(|row| (row.id.clone(), row)).collect();
    let mut proposal_ids: Vec<String> =
        found.iter().filter(|e| e.kind == EntryKind::Version.as_str()).map(|e| e.subject_id.clone()).collect();
    proposal_ids.sort_unstable();
    proposal_ids.dedup();
    let mut versions: HashMap<(String, i32), Vec<u8>> = HashMap::new();
    for chunk in proposal_ids.chunks(500) {
        let rows: Vec<VersionEntryRow> = proposal_versions::table
            .inner_join(proposals::table)
            .filter(proposal_versions::proposal_id.eq_any(chunk))
            .select(VersionEntryRow::as_select())
            .load(tx.conn())?;
        for row in rows {
            let entry = row.entry().unwrap_or_default();
            versions.insert((row.proposal_id, row.number), entry);
        }
    }
    for entry in found {
        let rebuilt = match EntryKind::parse(&entry.kind) {
            Some(EntryKind::Audit) => match audits.get(&entry.subject_id) {
                Some(row) => row.entry(entry.salt.as_deref()).ok(),
                None => return Ok(Some((LogProblem::RecordMissing, entry.leaf_index))),
            },
            Some(EntryKind::Version) => match versions.get(&(entry.subject_id.clone(), entry.subject_number)) {
                Some(bytes) => Some(bytes.clone()),
                None => return Ok(Some((LogProblem::RecordMissing, entry.leaf_index))),
            },
            // A support event's record is its entry (the row it gave may be
            // withdrawn since): it must say what its kind says.
            Some(EntryKind::Support) => tlog::parse_entry(&entry.entry)
                .ok()
                .filter(|parsed| parsed.kind == EntryKind::Support)
                .map(|_| entry.entry.clone()),
            None => None,
        };
        if rebuilt.as_deref() != Some(entry.entry.as_slice()) {
            return Ok(Some((LogProblem::RecordChanged, entry.leaf_index)));
        }
    }
    Ok(None)
}

/// Every entry's kind and bytes in the order writes inserted them (the
/// order of their transactions' inserts, which a write that waited on
/// another's lock can only follow): what tests of write ordering read.
pub fn insertion_order(tx: &mut Tx<'_>) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    Ok(log_entries::table
        .order(log_entries::id.asc())
        .select((log_entries::kind, log_entries::entry))
        .load(tx.conn())?)
}

/// A proposal's versions as the log holds them (sequenced or pending):
/// `(number, content hash)` in number order, read from the entries
/// themselves.
pub fn logged_versions(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<(i32, String)>, StoreError> {
    let rows: Vec<(i32, Vec<u8>)> = log_entries::table
        .filter(log_entries::kind.eq(EntryKind::Version.as_str()))
        .filter(log_entries::subject_id.eq(proposal_id.to_string()))
        .order(log_entries::subject_number.asc())
        .select((log_entries::subject_number, log_entries::entry))
        .load(tx.conn())?;
    Ok(rows
        .into_iter()
        .map(|(number, entry)| {
            let hash = tlog::parse_entry(&entry).ok().and_then(|e| e.field("content_hash").map(str::to_owned));
            (number, hash.unwrap_or_default())
        })
        .collect())
}

/// Every signed checkpoint, by tree size: `(size, note)`.
pub fn checkpoints(tx: &mut Tx<'_>) -> Result<Vec<(u64, String)>, StoreError> {
    let rows: Vec<(i64, String)> = log_checkpoints::table
        .order(log_checkpoints::size.asc())
        .select((log_checkpoints::size, log_checkpoints::note))
        .load(tx.conn())?;
    Ok(rows.into_iter().filter_map(|(size, note)| Some((u64::try_from(size).ok()?, note))).collect())
}

/// How long each entry written at or after `since` waited for a signed
/// checkpoint that holds it, in seconds, in leaf order: from the time the
/// entry's record carries (taken before its transaction committed, so the
/// figure errs long) to the signing time of the first checkpoint whose
/// size covers it. What the benchmark reports as integration delay.
pub fn integration_delays(tx: &mut Tx<'_>, since: DateTime<Utc>) -> Result<Vec<f64>, StoreError> {
    let checkpoints: Vec<(i64, String)> = log_checkpoints::table
        .order(log_checkpoints::size.asc())
        .select((log_checkpoints::size, log_checkpoints::created_at))
        .load(tx.conn())?;
    let entries: Vec<(Option<i64>, String)> = log_entries::table
        .filter(log_entries::created_at.ge(format_timestamp(since)))
        .filter(log_entries::leaf_index.is_not_null())
        .order(log_entries::leaf_index.asc())
        .select((log_entries::leaf_index, log_entries::created_at))
        .load(tx.conn())?;
    let parse = |text: &str| emenda_domain::clock::parse_timestamp(text);
    let mut delays = Vec::with_capacity(entries.len());
    let mut next = 0;
    for (index, written) in entries {
        let Some(index) = index else { continue };
        while next < checkpoints.len() && checkpoints[next].0 <= index {
            next += 1;
        }
        let (Some((_, signed)), Some(written)) = (checkpoints.get(next), parse(&written)) else { continue };
        if let Some(signed) = parse(signed) {
            delays.push((signed - written).num_microseconds().unwrap_or(i64::MAX) as f64 / 1e6);
        }
    }
    Ok(delays)
}
