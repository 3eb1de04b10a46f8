//! The search index below HTTP: proposals written without it (before
//! search existed, or loaded in bulk) are indexed by the start-up fill,
//! once, and then found.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::listing::{ProposalFilter, ProposalSort};
use emenda_domain::search::query_terms;
use emenda_domain::space::SpaceSettings;
use emenda_participation::search::{index_missing, index_missing_in_batches};
use emenda_store::testing::execute_raw;
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
