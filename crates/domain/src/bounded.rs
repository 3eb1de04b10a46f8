//! A diff engine whose work is bounded by the size of its input, never by a
//! clock, so that the same texts always give the same result however busy the
//! server is: a merge preview and the acceptance of the same amendment can
//! never disagree.
//!
//! How the work is bounded:
//!
//! 1. The common prefix and suffix of the two token sequences are matched
//!    first (linear work).
//! 2. What remains is diffed with Myers' algorithm only when its worst-case
//!    cost, counted as `(n + m)²` for `n` and `m` remaining tokens, fits in
//!    what is left of a [`Budget`] of work units; the cost is then charged.
//! 3. Otherwise the region is split on anchors, as in patience diff: tokens
//!    that occur exactly once on each side, kept where they appear in the
//!    same order on both (longest increasing subsequence). Each piece between
//!    anchors is diffed again by these rules, in order, from the same budget.
//!    The split itself is charged 16 units per token.
//! 4. When the budget cannot pay for a region, or no anchor exists, the region
//!    is reported as replaced as a whole. The result is still exact (it
//!    rebuilds both texts), only less fine-grained.
//!
//! Since every decision depends only on token counts and contents, the
//! result is deterministic; since every Myers run is paid for in advance, the
//! total work is at most the budget plus a linear term.

use similar::algorithms::{myers, Capture, Replace};
use similar::DiffOp;
use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash};
use std::ops::{Index, Range};

/// Work units one diff (or one whole merge) may spend on Myers' algorithm.
/// A unit is about 3 ns of Myers in a release build, so the whole budget is
/// about 3 ms at worst.
pub(crate) const WORK_BUDGET: u64 = 1_000_000;

/// Units charged per token for looking for anchors: hashing a token costs
/// far more than one step of Myers' algorithm.
const ANCHOR_COST_PER_TOKEN: u64 = 16;

/// FNV-1a: a small, fast hash for tokens (no protection against chosen
/// collisions is needed: the work is bounded by the budget anyway, and the
/// map is never iterated, so its order cannot change a result).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Work units left to spend, and the comparisons really made (for tests and
/// measurements: the real cost must stay within the estimated one).
#[derive(Debug)]
pub(crate) struct Budget {
    remaining: u64,
    reads: Cell<u64>,
}

impl Budget {
    /// A budget of `units` work units.
    pub(crate) fn new(units: u64) -> Self {
        Self { remaining: units, reads: Cell::new(0) }
    }

    /// Token reads made by Myers' algorithm so far (two per comparison).
    #[cfg(test)]
    pub(crate) fn reads(&self) -> u64 {
        self.reads.get()
    }

    fn try_spend(&mut self, units: u64) -> bool {
        if units <= self.remaining {
            self.remaining -= units;
            true
        } else {
            false
        }
    }
}

/// A token slice that counts every read, to measure Myers' real work.
struct Counting<'a, T> {
    items: &'a [T],
    reads: &'a Cell<u64>,
}

impl<T> Index<usize> for Counting<'_, T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        self.reads.set(self.reads.get() + 1);
        &self.items[index]
    }
}

/// Splits text into lines, each keeping its ending (`\n`, `\r\n` or a lone
/// `\r`), so the pieces concatenate back to the text.
pub(crate) fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let end = match bytes[index] {
            b'\n' => Some(index + 1),
            b'\r' if bytes.get(index + 1) == Some(&b'\n') => Some(index + 2),
            b'\r' => Some(index + 1),
            _ => None,
        };
        match end {
            Some(end) => {
                pieces.push(&text[start..end]);
                start = end;
                index = end;
            }
            None => index += 1,
        }
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// Splits text into runs of non-space and runs of space; a run of space ends
/// after each line ending, so every line boundary is also a word boundary.
pub(crate) fn words(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    for line in lines(text) {
        let mut start = 0;
        let mut previous: Option<bool> = None;
        for (index, c) in line.char_indices() {
            let space = c.is_whitespace();
            if previous.is_some_and(|p| p != space) {
                pieces.push(&line[start..index]);
                start = index;
            }
            previous = Some(space);
        }
        if start < line.len() {
            pieces.push(&line[start..]);
        }
    }
    pieces
}

/// [`words`], with each punctuation mark of a word its own token: a diff
/// then shows "visibile" + "." → "visibile anche di notte" + "." as the
/// words added, not "visibile." replaced whole. Letters, digits and marks
/// joined to them stay together, and so does a number with its separators
/// ("45.000"); an apostrophe is a mark of its own ("l", "'", "albero");
/// whitespace runs are as in [`words`].
pub(crate) fn words_and_marks(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    for word in words(text) {
        if word.chars().next().is_some_and(char::is_whitespace) {
            pieces.push(word);
            continue;
        }
        let mut start = 0;
        let mut chars = word.char_indices().peekable();
        let mut previous = None;
        while let Some((index, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            // A separator between digits belongs to its number: "45.000", "3,5", "12:30".
            let in_number = matches!(c, '.' | ',' | ':')
                && previous.is_some_and(|p: char| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            previous = Some(c);
            if in_number || is_word_char(c) {
                continue;
            }
            if start < index {
                pieces.push(&word[start..index]);
            }
            let end = index + c.len_utf8();
            pieces.push(&word[index..end]);
            start = end;
        }
        if start < word.len() {
            pieces.push(&word[start..]);
        }
    }
    pieces
}

/// Letters, digits and combining marks: what a word is made of. Anything
/// else in a non-space run (punctuation, symbols, emoji) is a token alone.
fn is_word_char(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    c.is_alphanumeric() || c.general_category_group() == GeneralCategoryGroup::Mark
}

/// The word-token ranges of each line of `tokens` (as split by [`words`]).
pub(crate) fn lines_of(tokens: &[&str]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (index, token) in tokens.iter().enumerate() {
        if token.ends_with('\n') || token.ends_with('\r') {
            ranges.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < tokens.len() {
        ranges.push(start..tokens.len());
    }
    ranges
}

/// The worst-case Myers cost of diffing `old` and `new` once their common
/// prefix and suffix are set aside.
pub(crate) fn trimmed_cost<T: Eq>(old: &[T], new: &[T]) -> u64 {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old, new) = (&old[prefix..], &new[prefix..]);
    let suffix = old.iter().rev().zip(new.iter().rev()).take_while(|(a, b)| a == b).count();
    let total = (old.len() + new.len() - 2 * suffix) as u64;
    total * total
}

/// Appends an equal run or a change covering the given ranges.
pub(crate) fn push_range(ops: &mut Vec<DiffOp>, equal: bool, old: Range<usize>, new: Range<usize>) {
    push(ops, make_op(equal, old, new));
}

/// Appends an op, merging it with the last one when both are equal runs or
/// both are changes, so the list alternates between equal and changed.
fn push(ops: &mut Vec<DiffOp>, op: DiffOp) {
    let (old, new) = (op.old_range(), op.new_range());
    if old.is_empty() && new.is_empty() {
        return;
    }
    let equal = matches!(op, DiffOp::Equal { .. });
    if let Some(last) = ops.last_mut() {
        let last_equal = matches!(last, DiffOp::Equal { .. });
        let (last_old, last_new) = (last.old_range(), last.new_range());
        if last_equal == equal && last_old.end == old.start && last_new.end == new.start {
            *last = make_op(equal, last_old.start..old.end, last_new.start..new.end);
            return;
        }
    }
    ops.push(make_op(equal, old, new));
}

fn make_op(equal: bool, old: Range<usize>, new: Range<usize>) -> DiffOp {
    let (old_index, old_len, new_index, new_len) = (old.start, old.len(), new.start, new.len());
    if equal {
        DiffOp::Equal { old_index, new_index, len: old_len }
    } else if new_len == 0 {
        DiffOp::Delete { old_index, old_len, new_index }
    } else if old_len == 0 {
        DiffOp::Insert { old_index, new_index, new_len }
    } else {
        DiffOp::Replace { old_index, old_len, new_index, new_len }
    }
}

/// The ops turning `old` into `new`, equal runs and changes alternating,
/// within `budget` (see the module documentation).
pub(crate) fn diff<T: Hash + Eq>(old: &[T], new: &[T], budget: &mut Budget) -> Vec<DiffOp> {
    let mut ops = Vec::new();
    diff_into(&mut ops, old, 0..old.len(), new, 0..new.len(), budget);
    ops
}

fn diff_into<T: Hash + Eq>(
    ops: &mut Vec<DiffOp>,
    old: &[T],
    old_range: Range<usize>,
    new: &[T],
    new_range: Range<usize>,
    budget: &mut Budget,
) {
    let (mut os, mut oe, mut ns, mut ne) = (old_range.start, old_range.end, new_range.start, new_range.end);
    let prefix_start = (os, ns);
    while os < oe && ns < ne && old[os] == new[ns] {
        os += 1;
        ns += 1;
    }
    push(ops, make_op(true, prefix_start.0..os, prefix_start.1..ns));
    let mut suffix = 0;
    while os < oe - suffix && ns < ne - suffix && old[oe - suffix - 1] == new[ne - suffix - 1] {
        suffix += 1;
    }
    oe -= suffix;
    ne -= suffix;
    let (n, m) = ((oe - os) as u64, (ne - ns) as u64);
    if n == 0 || m == 0 {
        push(ops, make_op(false, os..oe, ns..ne));
    } else if budget.try_spend((n + m) * (n + m)) {
        let mut hook = Replace::new(Capture::new());
        let old_view = Counting { items: old, reads: &budget.reads };
        let new_view = Counting { items: new, reads: &budget.reads };
        let result = myers::diff(&mut hook, &old_view, os..oe, &new_view, ns..ne);
        if let Err(never) = result {
            match never {}
        }
        for op in hook.into_inner().into_ops() {
            let equal = matches!(op, DiffOp::Equal { .. });
            push(ops, make_op(equal, op.old_range(), op.new_range()));
        }
    } else if budget.try_spend(ANCHOR_COST_PER_TOKEN * (n + m)) {
        let anchors = unique_anchors(old, os..oe, new, ns..ne);
        if anchors.is_empty() {
            push(ops, make_op(false, os..oe, ns..ne));
        } else {
            let (mut o, mut w) = (os, ns);
            for (a, b) in anchors {
                diff_into(ops, old, o..a, new, w..b, budget);
                push(ops, make_op(true, a..a + 1, b..b + 1));
                (o, w) = (a + 1, b + 1);
            }
            diff_into(ops, old, o..oe, new, w..ne, budget);
        }
    } else {
        push(ops, make_op(false, os..oe, ns..ne));
    }
    push(ops, make_op(true, oe..oe + suffix, ne..ne + suffix));
}

/// Pairs `(old index, new index)` of tokens that occur exactly once in each
/// range, in an order both sides agree on (the longest such chain).
fn unique_anchors<T: Hash + Eq>(
    old: &[T],
    old_range: Range<usize>,
    new: &[T],
    new_range: Range<usize>,
) -> Vec<(usize, usize)> {
    // token -> (count in old, index in old, count in new, index in new)
    let mut seen: HashMap<&T, (u32, usize, u32, usize), BuildHasherDefault<Fnv>> = HashMap::default();
    for i in old_range.clone() {
        let entry = seen.entry(&old[i]).or_insert((0, i, 0, 0));
        entry.0 += 1;
    }
    for j in new_range.clone() {
        if let Some(entry) = seen.get_mut(&new[j]) {
            entry.2 += 1;
            entry.3 = j;
        }
    }
    // Candidates in old order (the map is only read by key, never iterated,
    // so its random order cannot leak into the result).
    let candidates: Vec<(usize, usize)> =
        old_range.filter_map(|i| seen.get(&old[i]).filter(|e| e.0 == 1 && e.2 == 1).map(|e| (e.1, e.3))).collect();
    longest_increasing(&candidates)
}

/// The longest subsequence of `pairs` (sorted by first) whose seconds
/// increase; ties resolved by position, so deterministic.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k] = index in `pairs` of the smallest tail of a chain of length k+1
    let mut tails: Vec<usize> = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; pairs.len()];
    for (index, &(_, b)) in pairs.iter().enumerate() {
        let position = tails.partition_point(|&t| pairs[t].1 < b);
        parent[index] = position.checked_sub(1).map(|p| tails[p]);
        if position == tails.len() {
            tails.push(index);
        } else {
            tails[position] = index;
        }
    }
    let mut chain = Vec::new();
    let mut at = tails.last().copied();
    while let Some(index) = at {
        chain.push(pairs[index]);
        at = parent[index];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A deterministic stream of pseudo-random words.
    fn random_words(seed: u64, chars: usize) -> String {
        let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let mut out = String::new();
        while out.chars().count() < chars {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let len = 2 + (state >> 60) as usize % 7;
            for k in 0..len {
                out.push(char::from(b'a' + ((state >> (8 + 5 * k)) % 26) as u8));
            }
            out.push(if (state >> 50) % 9 == 0 { '\n' } else { ' ' });
        }
        out.chars().take(chars).collect()
    }

    /// Replaces every `every`-th word of `text` by `by`.
    fn edit_words(text: &str, every: usize, by: &str) -> String {
        words(text)
            .iter()
            .enumerate()
            .map(|(i, w)| if i % (2 * every) == 0 && !w.trim().is_empty() { by } else { w })
            .collect()
    }

    /// Pairs of texts of about 20,000 characters meant to make a diff work
    /// hard: unrelated texts, a text and its reverse, repeated lines, one
    /// long line with scattered edits, one repeated word.
    pub(crate) fn adversarial_pairs() -> Vec<(String, String)> {
        const N: usize = 20_000;
        let a = random_words(1, N);
        let b = random_words(2, N);
        let reversed: String = a.chars().rev().collect();
        let reversed_words: String = words(&a).into_iter().rev().collect();
        let same_lines = "la stessa riga\n".repeat(N / 15);
        let other_lines = "un\'altra riga\n".repeat(N / 15);
        let every_seventh: String =
            (0..N / 15).map(|i| if i % 7 == 0 { "riga diversa!\n" } else { "la stessa riga\n" }).collect();
        let one_line = a.replace('\n', " ");
        let one_line_edited = edit_words(&one_line, 50, "CAMBIATO");
        let a_run = "a ".repeat(N / 2);
        let ab_run = "a b ".repeat(N / 4);
        vec![
            (a.clone(), b.clone()),
            (a.clone(), reversed),
            (a.clone(), reversed_words),
            (same_lines.clone(), other_lines),
            (same_lines, every_seventh),
            (one_line.clone(), one_line_edited),
            (a_run, ab_run),
            ("x".repeat(N), "y".repeat(N)),
            (a.clone(), edit_words(&a, 13, "NUOVO")),
            (String::new(), a),
        ]
    }

    /// Triples (base, current, proposed) built from the adversarial texts.
    pub(crate) fn adversarial_triples() -> Vec<(String, String, String)> {
        let mut triples = Vec::new();
        for (old, new) in adversarial_pairs() {
            triples.push((old.clone(), new.clone(), edit_words(&old, 11, "PROPOSTO")));
            triples.push((old.clone(), edit_words(&old, 7, "ATTUALE"), edit_words(&old, 5, "PROPOSTO")));
            triples.push((old.clone(), new.clone(), old.chars().rev().collect()));
        }
        triples
    }

    #[test]
    fn adversarial_texts_diff_within_the_budget() {
        for (old, new) in adversarial_pairs() {
            for split in [words, lines] {
                let (o, n) = (split(&old), split(&new));
                let mut budget = Budget::new(WORK_BUDGET);
                let ops = diff(&o, &n, &mut budget);
                assert!(budget.reads() <= 2 * WORK_BUDGET, "{} reads", budget.reads());
                assert_eq!(apply(&o, &n, &ops), (old.clone(), new.clone()));
                assert!(ops.len() <= o.len() + n.len() + 1, "output bounded by the input");
                assert_eq!(ops, diff(&o, &n, &mut Budget::new(WORK_BUDGET)), "same texts, same ops");
            }
        }
    }

    /// Rebuilds `new` from `old` and the ops, checking the ops are exact.
    fn apply<'a>(old: &[&'a str], new: &[&'a str], ops: &[DiffOp]) -> (String, String) {
        let (mut a, mut b) = (String::new(), String::new());
        let (mut o, mut n) = (0, 0);
        for op in ops {
            assert_eq!(op.old_range().start, o);
            assert_eq!(op.new_range().start, n);
            if let DiffOp::Equal { .. } = op {
                assert_eq!(old[op.old_range()], new[op.new_range()]);
            }
            a.push_str(&old[op.old_range()].concat());
            b.push_str(&new[op.new_range()].concat());
            (o, n) = (op.old_range().end, op.new_range().end);
        }
        (a, b)
    }

    #[test]
    fn tokens_concatenate_back_and_lines_are_word_boundaries() {
        let text = "uno  due\r\n tre\rquattro\n\n cinque";
        assert_eq!(lines(text), ["uno  due\r\n", " tre\r", "quattro\n", "\n", " cinque"]);
        assert_eq!(words(text), ["uno", "  ", "due", "\r\n", " ", "tre", "\r", "quattro", "\n", "\n", " ", "cinque"]);
        assert_eq!(words(text).concat(), text);
    }

    #[test]
    fn small_diffs_are_minimal_and_exact() {
        let old = ["a", "b", "c", "d"];
        let new = ["a", "x", "c", "d", "e"];
        let mut budget = Budget::new(WORK_BUDGET);
        let ops = diff(&old, &new, &mut budget);
        assert_eq!(apply(&old, &new, &ops), (old.concat(), new.concat()));
        let changed: Vec<_> = ops.iter().filter(|o| !matches!(o, DiffOp::Equal { .. })).collect();
        assert_eq!(changed.len(), 2, "{ops:?}");
    }

    #[test]
    fn an_exhausted_budget_still_gives_exact_ops() {
        let old: Vec<String> = (0..400).map(|i| format!("w{}", i * 7 % 400)).collect();
        let new: Vec<String> = (0..400).map(|i| format!("w{}", i * 13 % 400)).collect();
        let (old, new): (Vec<&str>, Vec<&str>) =
            (old.iter().map(|s| s.as_str()).collect(), new.iter().map(|s| s.as_str()).collect());
        for units in [0, 100, 10_000, WORK_BUDGET] {
            let mut budget = Budget::new(units);
            let ops = diff(&old, &new, &mut budget);
            assert_eq!(apply(&old, &new, &ops), (old.concat(), new.concat()));
            assert!(budget.reads() <= 2 * units, "reads {} over {units}", budget.reads());
        }
    }

    #[test]
    fn anchors_follow_the_longest_common_order() {
        assert_eq!(longest_increasing(&[(0, 3), (1, 1), (2, 2), (3, 0), (4, 4)]), [(1, 1), (2, 2), (4, 4)]);
        assert!(longest_increasing(&[]).is_empty());
    }
}
