//! The search terms of each proposal's current title and text (stemmed and
//! normalised by the caller), which each backend's full-text index reads:
//! an FTS5 table on SQLite, GIN indexes on PostgreSQL (see the migration).
//! The query side is in `proposals::search`.

use crate::schema::{proposal_search, proposal_versions, proposals};
use crate::types::Stored;
use crate::{StoreError, Tx};
use diesel::prelude::*;
use uuid::Uuid;

/// Writes the proposal's terms (space-separated), replacing any earlier ones.
pub fn index(tx: &mut Tx<'_>, proposal_id: Uuid, title_terms: &str, body_terms: &str) -> Result<(), StoreError> {
    let updated = diesel::update(proposal_search::table.filter(proposal_search::proposal_id.eq(Stored(proposal_id))))
        .set((proposal_search::title.eq(title_terms), proposal_search::body.eq(body_terms)))
        .execute(tx.conn())?;
    if updated == 0 {
        diesel::insert_into(proposal_search::table)
            .values((
                proposal_search::proposal_id.eq(Stored(proposal_id)),
                proposal_search::title.eq(title_terms),
                proposal_search::body.eq(body_terms),
            ))
            .execute(tx.conn())?;
    }
    Ok(())
}

/// Up to `limit` proposals after `after` (by id) that have no terms yet,
/// with their current title and text: what a start-up fills in (proposals
/// written before search existed, or loaded in bulk). The caller passes
/// the last id of the previous batch, so a fill reads the table once
/// rather than once per batch.
pub fn unindexed(tx: &mut Tx<'_>, after: Option<Uuid>, limit: i64) -> Result<Vec<(Uuid, String, String)>, StoreError> {
    let indexed = proposal_search::table.select(proposal_search::proposal_id);
    let mut query = proposals::table
        .inner_join(
            proposal_versions::table.on(proposal_versions::proposal_id
                .eq(proposals::id)
                .and(proposal_versions::number.eq(proposals::current_version))),
        )
        .filter(proposals::id.ne_all(indexed))
        .select((proposals::id, proposal_versions::title, proposal_versions::body))
        .order(proposals::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(proposals::id.gt(Stored(after)));
    }
    let rows: Vec<(Stored<Uuid>, String, String)> = query.load(tx.conn())?;
    Ok(rows.into_iter().map(|(id, title, body)| (id.0, title, body)).collect())
}

/// The current text of each of these proposals, by id.
pub fn current_bodies(tx: &mut Tx<'_>, ids: &[Uuid]) -> Result<Vec<(Uuid, String)>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Stored<Uuid>, String)> = proposals::table
        .inner_join(
            proposal_versions::table.on(proposal_versions::proposal_id
                .eq(proposals::id)
                .and(proposal_versions::number.eq(proposals::current_version))),
        )
        .filter(proposals::id.eq_any(ids.iter().map(|id| Stored(*id)).collect::<Vec<_>>()))
        .select((proposals::id, proposal_versions::body))
        .load(tx.conn())?;
    Ok(rows.into_iter().map(|(id, body)| (id.0, body)).collect())
}

/// Folds the full-text index into one piece after a bulk of writes (the
/// start-up fill): on SQLite each transaction adds a segment to the FTS5
/// index, and hundreds of them would be merged bit by bit inside later
/// writes, each paying for it. PostgreSQL's GIN index needs nothing.
pub fn compact(tx: &mut Tx<'_>) -> Result<(), StoreError> {
    if let crate::connection::DbConnection::Sqlite(connection) = tx.conn() {
        diesel::sql_query("INSERT INTO proposal_search_fts (proposal_search_fts) VALUES ('optimize')")
            .execute(connection)?;
    }
    Ok(())
}
