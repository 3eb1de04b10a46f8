//! The search index below HTTP: proposals written without it (before
//! search existed, or loaded in bulk) are indexed by the start-up fill,
//! once, and then found.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::listing::{ProposalCursor, ProposalFilter, ProposalSort};
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

/// Reads every page of a search by relevance, following each page's last
/// item as the next cursor, as the API does.
fn every_page(w: &World, filter: &ProposalFilter, limit: i64) -> Vec<(uuid::Uuid, bool)> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = w.proposals.list(filter, ProposalSort::Relevance, after, limit).unwrap();
        let items: Vec<(uuid::Uuid, bool)> =
            page.iter().map(|p| (p.id, p.search.as_ref().is_some_and(|s| s.in_title))).collect();
        seen.extend(items.iter().copied());
        match items.last() {
            Some(&(id, in_title)) if i64::try_from(items.len()).unwrap() == limit => {
                after = Some(ProposalCursor { key: i64::from(in_title), id });
            }
            _ => return seen,
        }
    }
}

/// A search by relevance reads the index in windows: its pages still hold
/// title matches first, then the rest, each newest first, every match
/// once, across windows and with a filter that passes over most matches;
/// a word only the oldest proposal holds is found past every window.
fn relevance_pages_are_exact_across_the_index_windows(backend: Backend) {
    let w = World::new(backend);
    let (most, few) = (w.space("quartieri", SpaceSettings::default()), w.space("frazioni", SpaceSettings::default()));
    let authors: Vec<_> = (0..6).map(|n| w.participant(&format!("autrice{n}"))).collect();
    let mut published = Vec::new();
    for n in 0..600 {
        let space = if n % 10 == 0 { &few } else { &most };
        let title = match n {
            0 => "Un ornitorinco nel parco".to_owned(),
            n if n % 3 == 0 => format!("Scuola numero {n}"),
            n => format!("Proposta numero {n}"),
        };
        let body = if n % 3 == 1 {
            "Una scuola aperta la sera per il quartiere."
        } else {
            "Un testo senza la parola cercata."
        };
        let proposal = w.proposals.create(&authors[n % authors.len()], &space.slug, &title, body).unwrap();
        published.push((proposal.id, n, space.id));
    }
    for (space, limit) in [(None, 7), (Some(few.id), 4)] {
        let filter =
            ProposalFilter { terms: query_terms("scuole").unwrap(), space_id: space, ..ProposalFilter::default() };
        let newest_first = published.iter().rev().filter(|(_, _, s)| space.is_none_or(|id| id == *s));
        let in_title = newest_first.clone().filter(|(_, n, _)| n % 3 == 0 && *n != 0).map(|(id, _, _)| (*id, true));
        let in_text = newest_first.filter(|(_, n, _)| n % 3 == 1).map(|(id, _, _)| (*id, false));
        let expected: Vec<_> = in_title.chain(in_text).collect();
        assert_eq!(every_page(&w, &filter, limit), expected, "space filter {space:?}");
    }
    let rare = ProposalFilter { terms: query_terms("ornitorinco").unwrap(), ..ProposalFilter::default() };
    assert_eq!(every_page(&w, &rare, 20), vec![(published[0].0, true)]);
}

backend_tests!(the_start_up_fill_indexes_what_is_missing_once, relevance_pages_are_exact_across_the_index_windows);
