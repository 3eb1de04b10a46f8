//! Keeping the search index in step with each proposal's current text, and
//! searching it. Terms come from `emenda_domain::search` (one stemmer and
//! one normaliser for both backends); the store writes and queries them.

use crate::views::{ProposalSummary, SearchHit};
use emenda_domain::listing::{ProposalCursor, ProposalFilter, ProposalSort};
use emenda_domain::search::{snippet, terms};
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::proposals as proposal_rows;
use emenda_store::search as search_rows;
use emenda_store::{HasStore, Tx};
use std::collections::HashMap;
use uuid::Uuid;

/// Proposals indexed per transaction when filling in the index.
const BATCH: i64 = 500;

/// Writes the terms of the proposal's current title and text. Called by
/// every writer of a version, in its transaction.
pub(crate) fn index(tx: &mut Tx<'_>, proposal_id: Uuid, title: &str, body: &str) -> ServiceResult<()> {
    search_rows::index(tx, proposal_id, &terms(title).join(" "), &terms(body).join(" "))?;
    Ok(())
}

/// Indexes every proposal that has no terms yet (written before search
/// existed, or loaded in bulk), in batches; returns how many. Run at start.
pub fn index_missing(ctx: &ServiceContext) -> ServiceResult<usize> {
    index_missing_in_batches(ctx, BATCH)
}

/// [`index_missing`], `batch` proposals per transaction (at least one): a
/// small batch lets a test cross batch boundaries.
pub fn index_missing_in_batches(ctx: &ServiceContext, batch: i64) -> ServiceResult<usize> {
    let batch = batch.max(1);
    let mut done = 0;
    let mut after = None;
    loop {
        let (indexed, last) = ctx.store().write(|tx| {
            let rows = search_rows::unindexed(tx, after, batch)?;
            for (id, title, body) in &rows {
                index(tx, *id, title, body)?;
            }
            Ok::<_, emenda_service::ServiceError>((rows.len(), rows.last().map(|(id, _, _)| *id)))
        })?;
        // The next batch starts after this one's last id, known only once
        // its transaction committed.
        after = last.or(after);
        done += indexed;
        if indexed < usize::try_from(batch).unwrap_or(usize::MAX) {
            if done > 0 {
                ctx.store().write(|tx| Ok::<_, emenda_service::ServiceError>(search_rows::compact(tx)?))?;
            }
            return Ok(done);
        }
    }
}

/// A page of the visible proposals whose current title and text hold every
/// term of `filter.terms`, each with how it matched and a snippet.
pub(crate) fn search(
    tx: &mut Tx<'_>,
    filter: &ProposalFilter,
    sort: ProposalSort,
    after: Option<ProposalCursor>,
    limit: i64,
) -> ServiceResult<Vec<ProposalSummary>> {
    let rows = proposal_rows::search(tx, filter, sort, after, limit)?;
    let ids: Vec<Uuid> = rows.iter().map(|(r, _)| r.id).collect();
    let bodies: HashMap<Uuid, String> = search_rows::current_bodies(tx, &ids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|(record, in_title)| {
            let text = bodies.get(&record.id).map(String::as_str).unwrap_or_default();
            let hit = SearchHit { in_title, snippet: snippet(text, &filter.terms) };
            ProposalSummary { search: Some(hit), ..ProposalSummary::from(record) }
        })
        .collect())
}
