//! Micro-benchmarks of the text work a request can trigger: the diff of two
//! versions, the three-way merge behind an amendment's mergeability, the
//! version and audit hash chains, and the checks a Markdown body passes on
//! its way in. Texts are the largest a version may hold (20,000 characters
//! of Italian-like prose), so the figures are the worst case a reader can
//! ask for. Targets (issue #16): diff < 2 ms, mergeability < 5 ms.
//!
//! Run with `cargo bench -p emenda-domain`.

#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use emenda_domain::diff::{diff_texts, Granularity};
use emenda_domain::history::{content_hash, verify_chain, HashEncoding, HashedVersion, StoredVersion};
use emenda_domain::merge::{merge3, MergeOutcome, MAX_MERGE_CHARS};
use emenda_domain::proposal::VersionKind;
use emenda_domain::transparency::{audit_entry, leaf_hash, tree, AuditLeaf, Hash, HashReader};
use emenda_domain::values::Body;
use std::hint::black_box;
use uuid::Uuid;

const WORDS: &[&str] = &[
    "il",
    "la",
    "proposta",
    "comune",
    "cittadini",
    "quartiere",
    "servizio",
    "pubblico",
    "spazio",
    "verde",
    "scuola",
    "biblioteca",
    "trasporto",
    "bilancio",
    "partecipativo",
    "regione",
    "consiglio",
    "progetto",
    "sostenibile",
    "via",
    "piazza",
    "mercato",
    "giovani",
    "anziani",
    "accessibile",
    "sicurezza",
    "percorso",
    "ciclabile",
    "orario",
    "apertura",
    "con",
    "per",
    "della",
    "nelle",
    "sono",
    "deve",
    "essere",
    "anche",
    "dopo",
    "prima",
    "entro",
    "anno",
    "mese",
];

/// Paragraphs of prose, about `chars` characters in all, the same every run.
fn paragraphs(rng: &mut TestRng, chars: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut size = 0;
    while size < chars {
        let sentences = rng.gen_range(3..=7);
        let mut paragraph = String::new();
        for _ in 0..sentences {
            let words: Vec<&str> =
                (0..rng.gen_range(8..=22)).map(|_| WORDS[rng.gen_range(0..=WORDS.len() - 1)]).collect();
            paragraph.push_str(&words.join(" "));
            paragraph.push_str(". ");
        }
        size += paragraph.len() + 2;
        out.push(paragraph.trim_end().to_owned());
    }
    out
}

/// Rewrites `count` paragraphs, starting at `from` and every `step` after.
fn rewrite(rng: &mut TestRng, text: &[String], from: usize, step: usize, count: usize) -> Vec<String> {
    let mut out = text.to_vec();
    for at in (from..out.len()).step_by(step).take(count) {
        out[at] = paragraphs(rng, 200).join(" ");
    }
    out
}

/// The largest body a version may have, just under the merge limit.
fn full_size_text(rng: &mut TestRng) -> Vec<String> {
    let mut text = paragraphs(rng, MAX_MERGE_CHARS - 1_000);
    while text.join("\n\n").chars().count() > MAX_MERGE_CHARS {
        text.pop();
    }
    text
}

/// A fixed sequence of numbers (a linear congruential generator): the texts
/// only need to look varied and be the same on every run.
struct TestRng(u64);

impl TestRng {
    fn gen_range(&mut self, range: std::ops::RangeInclusive<usize>) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let span = (range.end() - range.start() + 1) as u64;
        range.start() + usize::try_from((self.0 >> 33) % span).expect("a small range")
    }
}

fn rng() -> TestRng {
    TestRng(2026)
}

fn diff(c: &mut Criterion) {
    let mut rng = rng();
    let old = full_size_text(&mut rng);
    let new = rewrite(&mut rng, &old, 1, 5, 6).join("\n\n");
    let old = old.join("\n\n");
    let mut group = c.benchmark_group("diff_20k");
    group.bench_function("word", |b| b.iter(|| diff_texts(black_box(&old), black_box(&new), Granularity::Word)));
    group.bench_function("line", |b| b.iter(|| diff_texts(black_box(&old), black_box(&new), Granularity::Line)));
    let unrelated = full_size_text(&mut rng).join("\n\n");
    group.bench_function("word_unrelated_texts", |b| {
        b.iter(|| diff_texts(black_box(&old), black_box(&unrelated), Granularity::Word))
    });
    group.finish();
}

fn merge(c: &mut Criterion) {
    let mut rng = rng();
    let base = full_size_text(&mut rng);
    // Staff edited some paragraphs since the amendment's base; the amendment
    // rewrote others: a clean merge, the common case.
    let current = rewrite(&mut rng, &base, 0, 6, 4);
    let proposed = rewrite(&mut rng, &base, 3, 6, 4);
    // Both rewrote the same paragraphs: a conflict, the costly case.
    let clashing = rewrite(&mut rng, &base, 0, 6, 4);
    let (base, current, proposed, clashing) =
        (base.join("\n\n"), current.join("\n\n"), proposed.join("\n\n"), clashing.join("\n\n"));
    assert!(matches!(merge3(&base, &current, &proposed), Ok(MergeOutcome::Merged(_))));
    assert!(matches!(merge3(&base, &current, &clashing), Ok(MergeOutcome::Conflicts { .. })));
    let mut group = c.benchmark_group("mergeability_20k");
    group.bench_function("clean", |b| b.iter(|| merge3(black_box(&base), black_box(&current), black_box(&proposed))));
    group
        .bench_function("conflict", |b| b.iter(|| merge3(black_box(&base), black_box(&current), black_box(&clashing))));
    group.finish();
}

/// The hashed fields of version `n` (0-based) of one proposal.
fn version_fields<'a>(n: usize, body: &'a str, previous_hash: Option<&'a str>) -> HashedVersion<'a> {
    HashedVersion {
        encoding: HashEncoding::CURRENT,
        proposal_id: Uuid::from_u128(1),
        number: i32::try_from(n + 1).expect("seven versions"),
        title: "Una biblioteca aperta la sera in ogni quartiere",
        body,
        editor_id: Uuid::from_u128(2),
        kind: if n == 0 { VersionKind::Created } else { VersionKind::Edited },
        amendment_id: None,
        accepted_by: None,
        rewritten_by: None,
        summary: None,
        created_at: "2026-11-25T10:00:00.000000Z",
        previous_hash,
        texts: Some(emenda_domain::history::TextCommitments::Salted("00112233445566778899aabbccddeeff")),
    }
}

fn hash_chains(c: &mut Criterion) {
    let mut rng = rng();
    let mut body = full_size_text(&mut rng);
    let mut bodies = Vec::new();
    for n in 0..7 {
        bodies.push(body.join("\n\n"));
        body = rewrite(&mut rng, &body, n, 7, 1);
    }
    let mut hashes: Vec<String> = Vec::new();
    for (n, body) in bodies.iter().enumerate() {
        let hash = content_hash(&version_fields(n, body, hashes.last().map(String::as_str)));
        hashes.push(hash);
    }
    let versions: Vec<StoredVersion<'_>> = bodies
        .iter()
        .enumerate()
        .map(|(n, body)| StoredVersion {
            fields: version_fields(n, body, n.checked_sub(1).map(|p| hashes[p].as_str())),
            content_hash: &hashes[n],
        })
        .collect();
    assert!(verify_chain(&versions).valid);
    c.bench_function("version_chain/verify_7_versions_of_20k", |b| b.iter(|| verify_chain(black_box(&versions))));
    c.bench_function("version_chain/hash_one_20k_version", |b| b.iter(|| content_hash(black_box(&versions[6].fields))));

    // The transparency log: 1,000 audit entries of the shape services
    // append, hashed into the tree as the integrator does.
    let actor = Uuid::from_u128(3).hyphenated().to_string();
    let entries: Vec<Vec<u8>> = (0..1_000u128)
        .map(|n| {
            let id = Uuid::from_u128(n + 10).hyphenated().to_string();
            audit_entry(
                &AuditLeaf {
                    id: &id,
                    action: "proposal.edited",
                    target_kind: "proposal",
                    target_id: &id,
                    space_id: None,
                    actor_id: Some(&actor),
                    visibility: "public",
                    created_at: "2026-12-07T10:00:00.000000Z",
                    details: r#"{"number":3,"summary":"corretto un refuso"}"#,
                },
                "0123456789abcdef0123456789abcdef",
            )
            .expect("a valid entry")
        })
        .collect();
    c.bench_function("transparency/sequence_1000_entries", |b| {
        b.iter(|| {
            let hashes = MemoryHashes::default();
            for (n, entry) in entries.iter().enumerate() {
                let n = n as u64;
                let new = tree::stored_hashes_for_record_hash(n, leaf_hash(entry), &hashes).expect("hashes");
                hashes.0.borrow_mut().extend(new);
            }
            tree::tree_hash(entries.len() as u64, &hashes).expect("root")
        })
    });
}

/// Stored hashes in memory, in stored-hash order.
#[derive(Default)]
struct MemoryHashes(std::cell::RefCell<Vec<Hash>>);

impl HashReader for MemoryHashes {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tree::Error> {
        let hashes = self.0.borrow();
        indexes.iter().map(|&i| hashes.get(i as usize).copied().ok_or(tree::Error::IndexesNotInTree)).collect()
    }
}

fn markdown_body(c: &mut Criterion) {
    let mut rng = rng();
    let mut text = paragraphs(&mut rng, 18_000);
    // What arrives from a browser on Windows: CRLF line endings, a list, a
    // heading, emphasis; the check normalises endings and scans every
    // character for controls.
    text.insert(0, "## Obiettivi\r\n\r\n- primo punto\r\n- **secondo** punto".to_owned());
    let raw = text.join("\r\n\r\n");
    assert!(Body::parse(&raw).is_ok());
    c.bench_function("markdown_body/parse_20k", |b| {
        b.iter_batched(|| raw.clone(), |raw| Body::parse(black_box(&raw)), BatchSize::SmallInput)
    });
}

criterion_group!(benches, diff, merge, hash_chains, markdown_body);
criterion_main!(benches);
