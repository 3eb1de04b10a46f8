//! Differences between two texts, computed on the server so every client
//! shows the same thing. The result is a flat list of operations that
//! rebuild both texts exactly, plus hunks with context for compact views.
//!
//! The work is bounded by size, never by time (see [`crate::bounded`]): a
//! word diff whose direct cost is small is computed on words; otherwise lines
//! are compared first and only changed lines are refined word by word, from
//! one budget of work units per diff, in text order. Past the budget a
//! changed region is shown as replaced whole. Same texts, same diff, always.

use crate::bounded::{self, Budget};
use crate::string_enum;
use similar::{group_diff_ops, DiffOp as Op};

string_enum! {
    /// The unit a diff compares.
    pub enum Granularity {
        /// Words and the whitespace between them: best for prose.
        Word => "word",
        /// Whole lines, line endings included: best for lists and tables.
        Line => "line",
    }
}

string_enum! {
    /// What an operation does to the old text.
    pub enum OpKind {
        /// Text present in both.
        Equal => "equal",
        /// Text only in the new version.
        Insert => "insert",
        /// Text only in the old version.
        Delete => "delete",
    }
}

/// A run of text with what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffOp {
    /// Equal, insert or delete.
    pub op: OpKind,
    /// The text, exactly as in the source.
    pub text: String,
}

/// A group of changes with some unchanged context around it. Positions count
/// tokens (words and whitespace runs, or lines) from 0.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hunk {
    /// First old token of the hunk.
    pub old_start: usize,
    /// Old tokens covered.
    pub old_len: usize,
    /// First new token of the hunk.
    pub new_start: usize,
    /// New tokens covered.
    pub new_len: usize,
    /// The operations inside the hunk, context included.
    pub ops: Vec<DiffOp>,
}

/// The difference between two texts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextDiff {
    /// Every operation, in order: equal + delete rebuild the old text, equal
    /// + insert rebuild the new one.
    pub ops: Vec<DiffOp>,
    /// Only the changed regions, with context.
    pub hunks: Vec<Hunk>,
}

fn context_tokens(granularity: Granularity) -> usize {
    match granularity {
        Granularity::Word => 8,
        Granularity::Line => 3,
    }
}

/// Appends text to the ops, merging it into the last op when of the same kind.
fn push_op(ops: &mut Vec<DiffOp>, op: OpKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match ops.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => ops.push(DiffOp { op, text: text.to_owned() }),
    }
}

/// The token-level ops of a diff, computed within `budget`.
fn token_ops(old: &[&str], new: &[&str], granularity: Granularity, budget: &mut Budget) -> Vec<Op> {
    if granularity == Granularity::Line {
        return bounded::diff(old, new, budget);
    }
    // Words: if the whole diff fits the budget, diff the words directly;
    // otherwise diff lines first and refine only the changed lines.
    let old_lines = bounded::lines_of(old);
    let new_lines = bounded::lines_of(new);
    let line_texts = |tokens: &[&str], ranges: &[std::ops::Range<usize>]| -> Vec<String> {
        ranges.iter().map(|r| tokens[r.clone()].concat()).collect()
    };
    let cost = bounded::trimmed_cost(old, new);
    if cost <= bounded::WORK_BUDGET || (old_lines.len() <= 1 && new_lines.len() <= 1) {
        return bounded::diff(old, new, budget);
    }
    let (old_line_texts, new_line_texts) = (line_texts(old, &old_lines), line_texts(new, &new_lines));
    let line_ops = bounded::diff(&old_line_texts, &new_line_texts, budget);
    let mut ops = Vec::new();
    for line_op in line_ops {
        let (lo, ln) = (line_op.old_range(), line_op.new_range());
        let old_range = span(&old_lines, lo, old.len());
        let new_range = span(&new_lines, ln, new.len());
        if let Op::Equal { .. } = line_op {
            bounded::push_range(&mut ops, true, old_range, new_range);
        } else {
            let inner = bounded::diff(&old[old_range.clone()], &new[new_range.clone()], budget);
            for op in inner {
                let equal = matches!(op, Op::Equal { .. });
                let (o, n) = (op.old_range(), op.new_range());
                bounded::push_range(
                    &mut ops,
                    equal,
                    old_range.start + o.start..old_range.start + o.end,
                    new_range.start + n.start..new_range.start + n.end,
                );
            }
        }
    }
    ops
}

/// The word-token range covered by the lines `lines`.
fn span(line_ranges: &[std::ops::Range<usize>], lines: std::ops::Range<usize>, total: usize) -> std::ops::Range<usize> {
    let start = line_ranges.get(lines.start).map_or(total, |r| r.start);
    let end = if lines.end == 0 { start } else { line_ranges.get(lines.end - 1).map_or(total, |r| r.end) };
    start..end.max(start)
}

/// Compares `old` and `new` at the given granularity. The result depends only
/// on the texts: the work is bounded by their size (see [`crate::bounded`]),
/// never by time, so the same texts always give the same diff.
pub fn diff_texts(old: &str, new: &str, granularity: Granularity) -> TextDiff {
    let mut budget = Budget::new(bounded::WORK_BUDGET);
    diff_with_budget(old, new, granularity, &mut budget)
}

/// [`diff_texts`] spending from a given budget, so tests can count the work.
pub(crate) fn diff_with_budget(old: &str, new: &str, granularity: Granularity, budget: &mut Budget) -> TextDiff {
    let split = match granularity {
        Granularity::Word => bounded::words_and_marks,
        Granularity::Line => bounded::lines,
    };
    let (old_tokens, new_tokens) = (split(old), split(new));
    let token_ops = token_ops(&old_tokens, &new_tokens, granularity, budget);
    let write = |target: &mut Vec<DiffOp>, op: &Op| match *op {
        Op::Equal { .. } => push_op(target, OpKind::Equal, &old_tokens[op.old_range()].concat()),
        _ => {
            push_op(target, OpKind::Delete, &old_tokens[op.old_range()].concat());
            push_op(target, OpKind::Insert, &new_tokens[op.new_range()].concat());
        }
    };
    let mut ops = Vec::new();
    for op in &token_ops {
        write(&mut ops, op);
    }
    let hunks = group_diff_ops(token_ops, context_tokens(granularity))
        .into_iter()
        .filter_map(|group| {
            let first = group.first()?;
            let last = group.last()?;
            let (old_start, new_start) = (first.old_range().start, first.new_range().start);
            let mut hunk_ops = Vec::new();
            for op in &group {
                write(&mut hunk_ops, op);
            }
            Some(Hunk {
                old_start,
                old_len: last.old_range().end - old_start,
                new_start,
                new_len: last.new_range().end - new_start,
                ops: hunk_ops,
            })
        })
        .collect();
    TextDiff { ops, hunks }
}

/// Applies `ops` to `old`, checking that every equal and deleted run really
/// is the next part of `old`. Returns the new text, or `None` when the ops do
/// not belong to this text. Clients can use the same walk to render.
pub fn apply_ops(old: &str, ops: &[DiffOp]) -> Option<String> {
    let mut rest = old;
    let mut out = String::with_capacity(old.len());
    for op in ops {
        match op.op {
            OpKind::Equal => {
                rest = rest.strip_prefix(op.text.as_str())?;
                out.push_str(&op.text);
            }
            OpKind::Delete => rest = rest.strip_prefix(op.text.as_str())?,
            OpKind::Insert => out.push_str(&op.text),
        }
    }
    rest.is_empty().then_some(out)
}

string_enum! {
    /// Which text of an amendment a change is in.
    pub enum ChangedField {
        /// The title.
        Title => "title",
        /// The text.
        Body => "body",
    }
}

/// The first change of an amendment in its sentence, for a card in a list:
/// "Piantare `dieci` → `dodici` alberi in via Roma." reads as a change, the
/// lone words "dieci / dodici" do not. `before` + `removed` + `after` is
/// the old sentence, `before` + `inserted` + `after` the new one, each cut
/// at a word with `…` when longer than [`EXCERPT_CONTEXT`] characters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeExcerpt {
    /// The text the change is in (the body's first change, else the title's).
    pub field: ChangedField,
    /// The sentence up to the change.
    pub before: String,
    /// What the change takes out (empty for a pure insertion).
    pub removed: String,
    /// What it puts in (empty for a pure deletion).
    pub inserted: String,
    /// The sentence after the change.
    pub after: String,
    /// How many other places the amendment changes, in both texts.
    pub other_changes: u32,
}

/// Characters of context kept on each side of a change, and of a changed
/// run itself, in an excerpt.
pub const EXCERPT_CONTEXT: usize = 120;

/// The first change of `body` (else of `title`) in its sentence; `None`
/// when neither changes.
pub fn first_change(title: &TextDiff, body: &TextDiff) -> Option<ChangeExcerpt> {
    let groups = |diff: &TextDiff| change_groups(&diff.ops);
    let (body_groups, title_groups) = (groups(body), groups(title));
    let total = body_groups.len() + title_groups.len();
    let (field, diff, range) = match (body_groups.first(), title_groups.first()) {
        (Some(range), _) => (ChangedField::Body, body, range.clone()),
        (None, Some(range)) => (ChangedField::Title, title, range.clone()),
        (None, None) => return None,
    };
    let ops = &diff.ops;
    let mut removed = String::new();
    let mut inserted = String::new();
    for op in &ops[range.clone()] {
        match op.op {
            OpKind::Delete => removed.push_str(&op.text),
            OpKind::Insert => inserted.push_str(&op.text),
            OpKind::Equal => {
                removed.push_str(&op.text);
                inserted.push_str(&op.text);
            }
        }
    }
    let before = range.start.checked_sub(1).map_or("", |i| ops[i].text.as_str());
    let after = ops.get(range.end).map_or("", |op| op.text.as_str());
    Some(ChangeExcerpt {
        field,
        before: sentence_start(before),
        removed: clip_end(&removed),
        inserted: clip_end(&inserted),
        after: sentence_end(after),
        other_changes: u32::try_from(total - 1).unwrap_or(u32::MAX),
    })
}

/// The index ranges of the runs of changed ops, counting as one change the
/// changes separated only by a short unchanged stretch (a word or two in
/// the same sentence).
fn change_groups(ops: &[DiffOp]) -> Vec<std::ops::Range<usize>> {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (index, op) in ops.iter().enumerate() {
        if op.op == OpKind::Equal {
            continue;
        }
        match groups.last_mut() {
            Some(last) if last.end == index || (last.end + 1 == index && is_short_gap(&ops[last.end].text)) => {
                last.end = index + 1;
            }
            _ => groups.push(index..index + 1),
        }
    }
    groups
}

/// An unchanged stretch short enough to show between two changes of one
/// excerpt: under 20 characters, within one sentence.
fn is_short_gap(text: &str) -> bool {
    text.chars().count() < 20 && !text.contains(['.', '!', '?', '\n'])
}

/// Where a sentence ends: after `.`, `!`, `?` or `;` followed by a space, or at a line end.
fn is_sentence_break(previous: char, c: char) -> bool {
    c == '\n' || (c.is_whitespace() && matches!(previous, '.' | '!' | '?' | ';'))
}

/// The end of `text` from the start of its last sentence, cut to
/// [`EXCERPT_CONTEXT`] characters at a word.
fn sentence_start(text: &str) -> String {
    let mut start = 0;
    let mut previous = ' ';
    for (index, c) in text.char_indices() {
        if is_sentence_break(previous, c) {
            start = index + c.len_utf8();
        }
        previous = c;
    }
    let sentence = text[start..].trim_start();
    let chars = sentence.chars().count();
    if chars <= EXCERPT_CONTEXT {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().skip(chars - EXCERPT_CONTEXT).collect();
    let at_word = cut.split_once(char::is_whitespace).map_or(cut.as_str(), |(_, rest)| rest);
    format!("…{at_word}")
}

/// The start of `text` to the end of its first sentence, cut to
/// [`EXCERPT_CONTEXT`] characters at a word.
fn sentence_end(text: &str) -> String {
    let mut previous = ' ';
    let mut end = text.len();
    for (index, c) in text.char_indices() {
        if is_sentence_break(previous, c) {
            end = index;
            break;
        }
        previous = c;
    }
    clip_end(text[..end].trim_end())
}

/// `text` cut to [`EXCERPT_CONTEXT`] characters at a word, with `…`.
fn clip_end(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CONTEXT {
        return text.to_owned();
    }
    let cut: String = text.chars().take(EXCERPT_CONTEXT).collect();
    let at_word = cut.rsplit_once(char::is_whitespace).map_or(cut.as_str(), |(kept, _)| kept);
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn word_diff_marks_changed_words() {
        let d = diff_texts("la piazza è chiusa", "la piazza è aperta", Granularity::Word);
        let changed: Vec<_> = d.ops.iter().filter(|o| o.op != OpKind::Equal).map(|o| (o.op, o.text.as_str())).collect();
        assert_eq!(changed, [(OpKind::Delete, "chiusa"), (OpKind::Insert, "aperta")]);
        assert_eq!(d.hunks.len(), 1);
    }

    #[test]
    fn punctuation_is_a_token_of_its_own() {
        let d = diff_texts("Il parco è visibile.", "Il parco è visibile anche di notte.", Granularity::Word);
        let changed: Vec<_> = d.ops.iter().filter(|o| o.op != OpKind::Equal).map(|o| (o.op, o.text.as_str())).collect();
        assert_eq!(changed, [(OpKind::Insert, " anche di notte")]);
        let d = diff_texts("dieci alberi, forse", "dodici alberi; forse", Granularity::Word);
        let changed: Vec<_> = d.ops.iter().filter(|o| o.op != OpKind::Equal).map(|o| (o.op, o.text.as_str())).collect();
        assert_eq!(
            changed,
            [(OpKind::Delete, "dieci"), (OpKind::Insert, "dodici"), (OpKind::Delete, ","), (OpKind::Insert, ";")]
        );
        // A number keeps its separators.
        let d = diff_texts("costo 45.000 euro, ore 12:30", "costo 60.000 euro, ore 12:30", Granularity::Word);
        let changed: Vec<_> = d.ops.iter().filter(|o| o.op != OpKind::Equal).map(|o| o.text.as_str()).collect();
        assert_eq!(changed, ["45.000", "60.000"]);
        // Accents (composed or combining) stay inside their word.
        let d = diff_texts("la citta\u{300} e la città", "la citta\u{300} o la città", Granularity::Word);
        assert!(d.ops.iter().all(|o| o.op == OpKind::Equal || o.text == "e" || o.text == "o"), "{:?}", d.ops);
    }

    #[test]
    fn an_excerpt_shows_the_first_change_in_its_sentence() {
        let old = "Premessa lunga. Piantare dieci alberi in via Roma. Poi si vedrà.";
        let new = "Premessa lunga. Piantare dodici alberi in via Roma. Poi si vedrà di notte.";
        let title = diff_texts("Titolo", "Titolo", Granularity::Word);
        let body = diff_texts(old, new, Granularity::Word);
        let e = first_change(&title, &body).expect("a change");
        assert_eq!(e.field, ChangedField::Body);
        assert_eq!((e.before.as_str(), e.removed.as_str(), e.inserted.as_str()), ("Piantare ", "dieci", "dodici"));
        assert_eq!(e.after, " alberi in via Roma.");
        assert_eq!(e.other_changes, 1, "the second sentence changes too");
        // Two words changed a word apart read as one change.
        let body = diff_texts("Dieci alberi, in via Roma.", "Dodici alberi; in via Roma.", Granularity::Word);
        let e = first_change(&title, &body).expect("a change");
        assert_eq!((e.removed.as_str(), e.inserted.as_str(), e.other_changes), ("Dieci alberi,", "Dodici alberi;", 0));
        // Only the title changed.
        let same = diff_texts(old, old, Granularity::Word);
        let e = first_change(&diff_texts("Più alberi", "Più alberi e panchine", Granularity::Word), &same)
            .expect("a change");
        assert_eq!(
            (e.field, e.before.as_str(), e.inserted.as_str()),
            (ChangedField::Title, "Più alberi", " e panchine")
        );
        assert_eq!(first_change(&title, &same), None);
        // Long context is cut at a word.
        let long = "parola ".repeat(60);
        let body = diff_texts(&format!("{long}vecchia {long}"), &format!("{long}nuova {long}"), Granularity::Word);
        let e = first_change(&title, &body).expect("a change");
        assert!(e.before.starts_with('…') && e.before.chars().count() <= EXCERPT_CONTEXT + 1, "{}", e.before);
        assert!(e.after.ends_with('…') && e.after.chars().count() <= EXCERPT_CONTEXT + 1, "{}", e.after);
    }

    #[test]
    fn line_diff_keeps_line_endings() {
        let d = diff_texts("uno\r\ndue\r\ntre\r\n", "uno\r\nDUE\r\ntre\r\n", Granularity::Line);
        assert!(d.ops.contains(&DiffOp { op: OpKind::Delete, text: "due\r\n".into() }));
        assert!(d.ops.contains(&DiffOp { op: OpKind::Insert, text: "DUE\r\n".into() }));
    }

    #[test]
    fn identical_texts_have_no_hunks() {
        let d = diff_texts("uguale", "uguale", Granularity::Word);
        assert!(d.hunks.is_empty());
        assert_eq!(d.ops, [DiffOp { op: OpKind::Equal, text: "uguale".into() }]);
        assert!(diff_texts("", "", Granularity::Line).ops.is_empty());
    }

    #[test]
    fn hunks_keep_only_nearby_context() {
        let old = (0..60).map(|i| format!("riga {i}\n")).collect::<String>();
        let new = old.replace("riga 5\n", "riga cinque\n").replace("riga 50\n", "riga cinquanta\n");
        let d = diff_texts(&old, &new, Granularity::Line);
        assert_eq!(d.hunks.len(), 2);
        assert_eq!(d.hunks[0].old_start, 2);
        assert_eq!(d.hunks[0].old_len, 7);
    }

    #[test]
    fn apply_refuses_ops_of_another_text() {
        let d = diff_texts("alfa beta", "alfa gamma", Granularity::Word);
        assert_eq!(apply_ops("alfa beta", &d.ops).as_deref(), Some("alfa gamma"));
        assert_eq!(apply_ops("alfa delta", &d.ops), None);
        assert_eq!(apply_ops("alfa beta in più", &d.ops), None);
    }

    /// Text drawn from pieces that stress tokenisation: accents, emoji,
    /// combining marks, CRLF and lone CR, tabs, Markdown.
    fn tricky_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("città".to_owned()),
            Just("perché".to_owned()),
            Just("🚲".to_owned()),
            Just("👩‍👩‍👧".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("\r\n".to_owned()),
            Just("\n".to_owned()),
            Just("\r".to_owned()),
            Just(" ".to_owned()),
            Just("\t".to_owned()),
            Just("- ".to_owned()),
            Just("**".to_owned()),
            "\\PC{0,6}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
    }

    #[test]
    fn adversarial_texts_diff_with_bounded_work_and_exact_output() {
        for (old, new) in crate::bounded::tests::adversarial_pairs() {
            for granularity in [Granularity::Word, Granularity::Line] {
                let mut budget = Budget::new(bounded::WORK_BUDGET);
                let d = diff_with_budget(&old, &new, granularity, &mut budget);
                assert!(budget.reads() <= 2 * bounded::WORK_BUDGET, "{} reads", budget.reads());
                assert_eq!(apply_ops(&old, &d.ops).as_deref(), Some(new.as_str()));
                let hunk_ops: usize = d.hunks.iter().map(|h| h.ops.len()).sum();
                assert!(d.ops.len() + hunk_ops <= 4 * (old.len() + new.len()) + 4, "output bounded by the input");
                assert_eq!(d, diff_texts(&old, &new, granularity), "same texts, same diff");
            }
        }
    }

    #[test]
    fn a_long_text_with_scattered_edits_still_shows_word_changes() {
        let old: String = (0..2_500).map(|i| format!("parola{i} ")).collect();
        let new = old.replace("parola100 ", "cambiata ").replace("parola2400 ", "modificata ");
        let d = diff_texts(&old, &new, Granularity::Word);
        let changed: Vec<_> = d.ops.iter().filter(|o| o.op != OpKind::Equal).map(|o| o.text.as_str()).collect();
        assert_eq!(changed, ["parola100", "cambiata", "parola2400", "modificata"]);
    }

    /// Prints the slowest diff and merge of the adversarial texts (median
    /// and worst of 7 runs each). Run with
    /// `cargo test --release -p emenda-domain -- --ignored --nocapture timing`.
    #[test]
    #[ignore]
    fn timing_of_adversarial_texts() {
        use std::time::{Duration, Instant};
        fn measure(mut run: impl FnMut()) -> (Duration, Duration) {
            let mut times: Vec<Duration> = (0..7)
                .map(|_| {
                    let start = Instant::now();
                    run();
                    start.elapsed()
                })
                .collect();
            times.sort();
            (times[3], times[6])
        }
        let (mut diff_median, mut diff_worst) = (Duration::ZERO, Duration::ZERO);
        for (old, new) in crate::bounded::tests::adversarial_pairs() {
            for granularity in [Granularity::Word, Granularity::Line] {
                let (median, worst) = measure(|| {
                    std::hint::black_box(diff_texts(&old, &new, granularity));
                });
                diff_median = diff_median.max(median);
                diff_worst = diff_worst.max(worst);
            }
        }
        let (mut merge_median, mut merge_worst) = (Duration::ZERO, Duration::ZERO);
        for (base, current, proposed) in crate::bounded::tests::adversarial_triples() {
            let (median, worst) = measure(|| {
                std::hint::black_box(crate::merge::merge3(&base, &current, &proposed).ok());
            });
            merge_median = merge_median.max(median);
            merge_worst = merge_worst.max(worst);
        }
        println!("diff: worst median {diff_median:?}, worst run {diff_worst:?}");
        println!("merge: worst median {merge_median:?}, worst run {merge_worst:?}");
    }

    proptest! {
        #[test]
        fn diffing_is_deterministic(old in tricky_text(), new in tricky_text(), line in any::<bool>()) {
            let granularity = if line { Granularity::Line } else { Granularity::Word };
            prop_assert_eq!(diff_texts(&old, &new, granularity), diff_texts(&old, &new, granularity));
        }

        #[test]
        fn ops_rebuild_both_texts(old in tricky_text(), new in tricky_text(), line in any::<bool>()) {
            let granularity = if line { Granularity::Line } else { Granularity::Word };
            let d = diff_texts(&old, &new, granularity);
            prop_assert_eq!(apply_ops(&old, &d.ops), Some(new.clone()));
            let rebuilt_old: String = d.ops.iter().filter(|o| o.op != OpKind::Insert).map(|o| o.text.as_str()).collect();
            prop_assert_eq!(rebuilt_old, old.clone());
            for pair in d.ops.windows(2) {
                prop_assert_ne!(pair[0].op, pair[1].op, "adjacent ops of one kind are merged");
            }
            prop_assert_eq!(d.hunks.is_empty(), old == new);
        }
    }
}
