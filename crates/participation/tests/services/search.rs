//! The search index below HTTP: proposals written without it (before
//! search existed, or loaded in bulk) are indexed by the start-up fill,
//! once, and then found.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::listing::{ProposalFilter, ProposalSort};
use emenda_domain::search::query_terms;
use emenda_domain::space::SpaceSettings;
use emenda_participation::search::{index_merges_in_background, index_missing, index_missing_in_batches, merge_index};
use emenda_store::testing::{execute_raw, query_text};
use emenda_store::HasStore;
use emenda_store::{backend_tests, Backend};
use emenda_test_support::World;

fn found(w: &World, words: &str) -> usize {
    let filter = ProposalFilter { terms: query_terms(words).unwrap(), ..ProposalFilter::default() };
    w.proposals.list(&filter, ProposalSort::Relevance, None, 100).unwrap().len()
}

fn the_start_up_fill_indexes_what_is_missing_once(backend: Backend) {
    let w = World::new(backend);
    let space = w.space("quartieri", SpaceSettings::default());
    let author = w.participant("autrice");
    for title in ["Nuove scuole nel quartiere", "Una scuola aperta la sera", "Piste ciclabili sicure"] {
        w.publish(&author, &space, title);
    }
    assert_eq!(found(&w, "scuola"), 2);
    execute_raw(w.ctx.store(), "DELETE FROM proposal_search").unwrap();
    assert_eq!(found(&w, "scuola"), 0, "without terms nothing is found");
    assert_eq!(index_missing(&w.ctx).unwrap(), 3);
    assert_eq!(found(&w, "scuola"), 2);
    assert_eq!(found(&w, "ciclabili"), 1);
    assert_eq!(index_missing(&w.ctx).unwrap(), 0, "nothing twice");
    // In batches smaller than what is missing, each batch starts after the
    // last one: nothing is skipped, nothing is read twice.
    execute_raw(w.ctx.store(), "DELETE FROM proposal_search").unwrap();
    assert_eq!(index_missing_in_batches(&w.ctx, 2).unwrap(), 3);
    assert_eq!((found(&w, "scuola"), found(&w, "ciclabili")), (2, 1));
}

backend_tests!(the_start_up_fill_indexes_what_is_missing_once);

/// Rows of the FTS5 index's data table (SQLite): each write adds a segment,
/// a merge folds several into one.
fn index_rows(w: &World) -> usize {
    query_text(w.ctx.store(), "SELECT CAST(count(*) AS TEXT) AS value FROM proposal_search_fts_data").unwrap()[0]
        .parse()
        .unwrap()
}

/// Writes leave the index's segments to the background merge, which folds
/// them without losing a term (SQLite; PostgreSQL has nothing to merge).
fn writes_leave_merging_to_the_background() {
    let w = World::new(Backend::Sqlite);
    assert!(index_merges_in_background(&w.ctx));
    let space = w.space("quartieri", SpaceSettings::default());
    let author = w.participant("autrice");
    let before = index_rows(&w);
    for n in 0..24 {
        w.publish(&author, &space, &format!("Una scuola aperta la sera, numero {n}"));
    }
    let written = index_rows(&w);
    assert!(written >= before + 24, "one segment per write, none merged in them: {before} → {written}");
    merge_index(&w.ctx).unwrap();
    let merged = index_rows(&w);
    assert!(merged < written, "the merge folds segments: {written} → {merged}");
    assert_eq!(found(&w, "scuola"), 24, "every proposal is still found");
    merge_index(&w.ctx).unwrap();
    assert_eq!(found(&w, "scuola"), 24);
}

#[test]
fn writes_leave_merging_to_the_background_on_sqlite() {
    writes_leave_merging_to_the_background();
}

#[test]
fn postgres_has_nothing_to_merge() {
    let w = World::new(Backend::Postgres);
    assert!(!index_merges_in_background(&w.ctx));
    merge_index(&w.ctx).unwrap();
}
