//! Three-way merge of texts, so that accepting an amendment written against
//! an older version keeps every change made since instead of silently
//! undoing it.
//!
//! Texts are compared as paragraphs first. Where both sides changed the same
//! paragraphs differently, those paragraphs are merged again word by word;
//! only what still overlaps there is a conflict.
//!
//! **Bounded and deterministic.** The diffs inside a merge come from
//! [`crate::bounded`]: their work is counted in units from one budget per
//! merge, never limited by time, so the same three texts always merge the
//! same way (a preview and the acceptance of an amendment cannot disagree).
//! Where the budget runs out a changed region is taken as replaced whole,
//! which can only make a conflict larger, never drop a change. Texts longer
//! than [`MAX_MERGE_CHARS`] characters are refused with `text_too_large`.
//!
//! **Positions** (`base_start`, `base_end`) count Unicode scalar values
//! (Rust `char`s, JavaScript code points), not bytes.

use crate::bounded::{self, Budget};
use crate::codes::FieldCode;
pub use crate::conflict::Conflict;
use crate::error::DomainError;
use similar::DiffOp;

/// The longest text, in characters, that a merge accepts: the longest body a
/// version can have.
pub const MAX_MERGE_CHARS: usize = 20_000;

/// A piece of a merged text: either agreed by both sides, or a conflict whose
/// side a person must choose. Concatenating the agreed texts with one chosen
/// side of each conflict, in order, gives the final text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MergeSegment {
    /// Text both sides' changes agree on.
    Agreed {
        /// The text.
        text: String,
    },
    /// A region both sides changed differently.
    Conflict {
        /// The region as it was in the base text.
        base: String,
        /// What the current version has there.
        current: String,
        /// What the amendment proposes there.
        proposed: String,
    },
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Both sides' changes fit together; here is the result.
    Merged(String),
    /// Some regions were changed differently by both sides.
    Conflicts {
        /// Each conflicting region, in text order.
        conflicts: Vec<Conflict>,
        /// The whole merged text, agreed pieces and conflicts in order.
        segments: Vec<MergeSegment>,
    },
}

impl MergeOutcome {
    /// The merged text as segments: one agreed segment for a clean merge
    /// (none for an empty text), so a client renders both cases alike.
    pub fn segments(&self) -> Vec<MergeSegment> {
        match self {
            MergeOutcome::Merged(text) if text.is_empty() => Vec::new(),
            MergeOutcome::Merged(text) => vec![MergeSegment::Agreed { text: text.clone() }],
            MergeOutcome::Conflicts { segments, .. } => segments.clone(),
        }
    }
}

/// Splits text into paragraphs, each keeping the line break and blank
/// lines that follow it, so the pieces concatenate back to the text.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut in_blank_run = false;
    for line in bounded::lines(text) {
        let blank = line.trim().is_empty();
        if !blank && in_blank_run {
            // A new paragraph starts here: cut before this line.
            let cut = line.as_ptr() as usize - text.as_ptr() as usize;
            pieces.push(&text[start..cut]);
            start = cut;
        }
        in_blank_run = blank;
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// One side's change: base tokens `start..end` become `replacement`.
#[derive(Debug, Clone)]
struct Change {
    start: usize,
    end: usize,
    replacement: String,
}

/// The changes that turn `base` into `other`, adjacent edits coalesced.
fn changes(base: &[&str], other: &[&str], budget: &mut Budget) -> Vec<Change> {
    bounded::diff(base, other, budget)
        .into_iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| {
            let old = op.old_range();
            Change { start: old.start, end: old.end, replacement: other[op.new_range()].concat() }
        })
        .collect()
}

/// Whether two changes touch the same base region: overlapping ranges, or an
/// insertion at (or inside) the other's range, whose order would be a guess.
fn collide(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> bool {
    let insertion = a_start == a_end || b_start == b_end;
    if insertion {
        a_start.max(b_start) <= a_end.min(b_end)
    } else {
        a_start.max(b_start) < a_end.min(b_end)
    }
}

/// `base[start..end]` with one side's changes inside that span applied.
fn side_text(base: &[&str], start: usize, end: usize, side: &[&Change]) -> String {
    let mut out = String::new();
    let mut at = start;
    for change in side {
        out.push_str(&base[at..change.start].concat());
        out.push_str(&change.replacement);
        at = change.end;
    }
    out.push_str(&base[at..end].concat());
    out
}

/// How a level of the merge treats regions both sides changed.
#[derive(Clone, Copy)]
enum Level {
    Paragraphs,
    Words,
}

/// A merge in progress: the segments so far and the conflicts among them.
#[derive(Default)]
struct Merged {
    segments: Vec<MergeSegment>,
    conflicts: Vec<Conflict>,
}

impl Merged {
    fn agree(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.segments.last_mut() {
            Some(MergeSegment::Agreed { text: last }) => last.push_str(text),
            _ => self.segments.push(MergeSegment::Agreed { text: text.to_owned() }),
        }
    }

    fn append(&mut self, other: Merged) {
        for segment in other.segments {
            match segment {
                MergeSegment::Agreed { text } => self.agree(&text),
                conflict => self.segments.push(conflict),
            }
        }
        self.conflicts.extend(other.conflicts);
    }
}

/// Counts of how merges went, for tests that must reach every path.
#[cfg(test)]
pub(crate) mod stats {
    use std::cell::Cell;
    thread_local! {
        /// Word-level merges run on this thread.
        pub static WORD_LEVEL: Cell<u64> = const { Cell::new(0) };
        /// Paragraph-level merges (past the shortcuts) run on this thread.
        pub static PARAGRAPH_LEVEL: Cell<u64> = const { Cell::new(0) };
    }
}

fn merge_tokens(
    base_text: &str,
    current_text: &str,
    proposed_text: &str,
    level: Level,
    offset: usize,
    budget: &mut Budget,
) -> Merged {
    #[cfg(test)]
    match level {
        Level::Words => stats::WORD_LEVEL.with(|c| c.set(c.get() + 1)),
        Level::Paragraphs => stats::PARAGRAPH_LEVEL.with(|c| c.set(c.get() + 1)),
    }
    let split = match level {
        Level::Paragraphs => paragraphs,
        Level::Words => bounded::words,
    };
    let (base, current, proposed) = (split(base_text), split(current_text), split(proposed_text));
    let ours = changes(&base, &current, budget);
    let theirs = changes(&base, &proposed, budget);
    // Character offset of each base token, for conflict positions.
    let mut starts = Vec::with_capacity(base.len() + 1);
    let mut position = offset;
    for token in &base {
        starts.push(position);
        position += token.chars().count();
    }
    starts.push(position);

    let mut tagged: Vec<(&Change, bool)> =
        ours.iter().map(|c| (c, true)).chain(theirs.iter().map(|c| (c, false))).collect();
    tagged.sort_by_key(|(c, is_ours)| (c.start, c.end, !is_ours));

    let mut merged = Merged::default();
    let mut at = 0;
    let mut index = 0;
    while index < tagged.len() {
        // Gather every change that collides, directly or through others.
        let (mut start, mut end) = (tagged[index].0.start, tagged[index].0.end);
        let mut group = vec![tagged[index]];
        index += 1;
        while index < tagged.len() && collide(start, end, tagged[index].0.start, tagged[index].0.end) {
            let change = tagged[index].0;
            start = start.min(change.start);
            end = end.max(change.end);
            group.push(tagged[index]);
            index += 1;
        }
        merged.agree(&base[at..start].concat());
        at = end;
        let our_side: Vec<&Change> = group.iter().filter(|(_, o)| *o).map(|(c, _)| *c).collect();
        let their_side: Vec<&Change> = group.iter().filter(|(_, o)| !*o).map(|(c, _)| *c).collect();
        let ours_text = side_text(&base, start, end, &our_side);
        let theirs_text = side_text(&base, start, end, &their_side);
        if their_side.is_empty() || ours_text == theirs_text {
            merged.agree(&ours_text);
            continue;
        }
        if our_side.is_empty() {
            merged.agree(&theirs_text);
            continue;
        }
        let base_region = base[start..end].concat();
        match level {
            Level::Paragraphs => {
                let inner = merge_tokens(&base_region, &ours_text, &theirs_text, Level::Words, starts[start], budget);
                merged.append(inner);
            }
            Level::Words => {
                merged.segments.push(MergeSegment::Conflict {
                    base: base_region.clone(),
                    current: ours_text.clone(),
                    proposed: theirs_text.clone(),
                });
                merged.conflicts.push(Conflict {
                    base: base_region,
                    current: ours_text,
                    proposed: theirs_text,
                    base_start: starts[start],
                    base_end: starts[end],
                });
            }
        }
    }
    merged.agree(&base[at..].concat());
    merged
}

/// Refuses a text too long to merge, naming `field`.
pub fn ensure_mergeable(field: &str, text: &str) -> Result<(), DomainError> {
    if text.chars().count() > MAX_MERGE_CHARS {
        Err(DomainError::invalid(
            field,
            FieldCode::TextTooLarge,
            format!("is too long to merge: at most {MAX_MERGE_CHARS} characters"),
        ))
    } else {
        Ok(())
    }
}

/// Merges the change from `base` to `current` with the change from `base`
/// to `proposed`. Refuses (`text_too_large`, field `text`) any of the three
/// longer than [`MAX_MERGE_CHARS`] characters. The same texts always give the
/// same outcome.
pub fn merge3(base: &str, current: &str, proposed: &str) -> Result<MergeOutcome, DomainError> {
    for text in [base, current, proposed] {
        ensure_mergeable("text", text)?;
    }
    let mut budget = Budget::new(bounded::WORK_BUDGET);
    Ok(merge_with_budget(base, current, proposed, &mut budget))
}

fn merge_with_budget(base: &str, current: &str, proposed: &str, budget: &mut Budget) -> MergeOutcome {
    if current == base {
        return MergeOutcome::Merged(proposed.to_owned());
    }
    if proposed == base || proposed == current {
        return MergeOutcome::Merged(current.to_owned());
    }
    let merged = merge_tokens(base, current, proposed, Level::Paragraphs, 0, budget);
    if merged.conflicts.is_empty() {
        let text = merged
            .segments
            .into_iter()
            .map(|s| match s {
                MergeSegment::Agreed { text } => text,
                MergeSegment::Conflict { current, .. } => current,
            })
            .collect();
        MergeOutcome::Merged(text)
    } else {
        MergeOutcome::Conflicts { conflicts: merged.conflicts, segments: merged.segments }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn merged(outcome: Result<MergeOutcome, DomainError>) -> String {
        match outcome {
            Ok(MergeOutcome::Merged(text)) => text,
            other => panic!("expected a clean merge: {other:?}"),
        }
    }

    fn conflicts(outcome: Result<MergeOutcome, DomainError>) -> (Vec<Conflict>, Vec<MergeSegment>) {
        match outcome {
            Ok(MergeOutcome::Conflicts { conflicts, segments }) => (conflicts, segments),
            other => panic!("expected conflicts: {other:?}"),
        }
    }

    /// The text `text[start..end]`, positions counted in characters.
    fn char_slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    /// The final text when every conflict takes the side `pick` chooses.
    fn resolve(segments: &[MergeSegment], pick: for<'a> fn(&'a str, &'a str, &'a str) -> &'a str) -> String {
        segments
            .iter()
            .map(|s| match s {
                MergeSegment::Agreed { text } => text.as_str(),
                MergeSegment::Conflict { base, current, proposed } => pick(base, current, proposed),
            })
            .collect()
    }

    fn word_level_merges() -> u64 {
        stats::WORD_LEVEL.with(|c| c.get())
    }

    #[test]
    fn splitting_keeps_every_byte() {
        let text = "Primo.\nancora primo\n\n\nSecondo.\r\n\r\nTerzo";
        assert_eq!(paragraphs(text), ["Primo.\nancora primo\n\n\n", "Secondo.\r\n\r\n", "Terzo"]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn changes_to_different_paragraphs_both_survive() {
        let base = "Orti rialzati.\n\nCosto 45.000 euro.\n\nGestione del Comune.";
        let current = "Orti rialzati accessibili.\n\nCosto 45.000 euro.\n\nGestione del Comune.";
        let proposed = "Orti rialzati.\n\nCosto 45.000 euro.\n\nGestione condivisa con le associazioni.";
        assert_eq!(
            merged(merge3(base, current, proposed)),
            "Orti rialzati accessibili.\n\nCosto 45.000 euro.\n\nGestione condivisa con le associazioni."
        );
    }

    #[test]
    fn changes_to_different_words_of_one_paragraph_both_survive() {
        let base = "Il giardino apre alle 8 e chiude alle 18.";
        let current = "Il giardino apre alle 7 e chiude alle 18.";
        let proposed = "Il giardino apre alle 8 e chiude alle 20.";
        assert_eq!(merged(merge3(base, current, proposed)), "Il giardino apre alle 7 e chiude alle 20.");
    }

    #[test]
    fn the_same_word_changed_differently_is_a_conflict_with_character_positions() {
        let base = "Città più verde.\n\nCosto: 45.000 €.";
        let current = "Città più verde.\n\nCosto: 50.000 €.";
        let proposed = "Città più verde.\n\nCosto: 60.000 €.";
        let (found, segments) = conflicts(merge3(base, current, proposed));
        assert_eq!(found.len(), 1);
        let c = &found[0];
        assert_eq!((c.base.as_str(), c.current.as_str(), c.proposed.as_str()), ("45.000", "50.000", "60.000"));
        assert_eq!((c.base_start, c.base_end), (25, 31), "characters, not bytes");
        assert_eq!(char_slice(base, c.base_start, c.base_end), "45.000");
        assert_eq!(
            segments,
            [
                MergeSegment::Agreed { text: "Città più verde.\n\nCosto: ".into() },
                MergeSegment::Conflict { base: "45.000".into(), current: "50.000".into(), proposed: "60.000".into() },
                MergeSegment::Agreed { text: " €.".into() },
            ]
        );
        assert_eq!(resolve(&segments, |_, c, _| c), current);
        assert_eq!(resolve(&segments, |_, _, p| p), proposed);
        assert_eq!(resolve(&segments, |b, _, _| b), base);
    }

    #[test]
    fn segments_serialise_with_a_kind_tag() {
        let json = serde_json::to_value([
            MergeSegment::Agreed { text: "a".into() },
            MergeSegment::Conflict { base: "b".into(), current: "c".into(), proposed: "p".into() },
        ])
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!([
                {"kind": "agreed", "text": "a"},
                {"kind": "conflict", "base": "b", "current": "c", "proposed": "p"},
            ])
        );
    }

    #[test]
    fn insertions_at_the_same_place_conflict_unless_identical() {
        let base = "Uno.\n\nDue.";
        let a = "Uno.\n\nUno e mezzo.\n\nDue.";
        let b = "Uno.\n\nUno e tre quarti.\n\nDue.";
        assert!(matches!(merge3(base, a, b), Ok(MergeOutcome::Conflicts { .. })));
        assert_eq!(merged(merge3(base, a, a)), a);
    }

    #[test]
    fn empty_texts() {
        assert_eq!(merged(merge3("", "", "nuovo")), "nuovo");
        assert_eq!(merged(merge3("", "attuale", "")), "attuale");
        assert_eq!(merged(merge3("testo", "", "testo")), "");
        let (_, segments) = conflicts(merge3("", "a", "b"));
        assert_eq!(segments, [MergeSegment::Conflict { base: "".into(), current: "a".into(), proposed: "b".into() }]);
        assert!(MergeOutcome::Merged(String::new()).segments().is_empty());
    }

    #[test]
    fn texts_too_long_are_refused_not_degraded() {
        let long = "a".repeat(MAX_MERGE_CHARS + 1);
        let err = merge3("base", &long, "altro").unwrap_err();
        assert_eq!(
            err,
            DomainError::invalid(
                "text",
                FieldCode::TextTooLarge,
                format!("is too long to merge: at most {MAX_MERGE_CHARS} characters")
            )
        );
        assert!(merge3(&"è".repeat(MAX_MERGE_CHARS), "b", "c").is_ok(), "the limit counts characters");
    }

    /// Adversarial 20,000-character texts: the work done stays within the
    /// budget, whatever the content.
    #[test]
    fn adversarial_texts_merge_with_bounded_work() {
        for (base, current, proposed) in crate::bounded::tests::adversarial_triples() {
            let mut budget = Budget::new(bounded::WORK_BUDGET);
            let first = merge_with_budget(&base, &current, &proposed, &mut budget);
            assert!(budget.reads() <= 2 * bounded::WORK_BUDGET, "{} reads", budget.reads());
            let again = merge_with_budget(&base, &current, &proposed, &mut Budget::new(bounded::WORK_BUDGET));
            assert_eq!(first, again);
            let input = base.len() + current.len() + proposed.len();
            let output: usize = match &first {
                MergeOutcome::Merged(text) => text.len(),
                MergeOutcome::Conflicts { conflicts, segments } => {
                    let in_segments = segments.iter().filter(|s| matches!(s, MergeSegment::Conflict { .. })).count();
                    assert_eq!(in_segments, conflicts.len());
                    segments
                        .iter()
                        .map(|s| match s {
                            MergeSegment::Agreed { text } => text.len(),
                            MergeSegment::Conflict { base, current, proposed } => {
                                base.len() + current.len() + proposed.len()
                            }
                        })
                        .sum()
                }
            };
            assert!(output <= input, "output {output} bytes for {input} bytes of input");
        }
    }

    // ---- generated documents -------------------------------------------

    /// A document: paragraphs of lines of words, every word unique (a
    /// number is appended), so each edit can be found where it was made.
    #[derive(Debug, Clone, PartialEq)]
    struct Doc {
        paras: Vec<Vec<Vec<String>>>,
        crlf: bool,
        trailing: bool,
    }

    impl Doc {
        fn render(&self) -> String {
            let (line_sep, para_sep) = if self.crlf { ("\r\n", "\r\n\r\n") } else { ("\n", "\n\n") };
            let paras: Vec<String> =
                self.paras.iter().map(|p| p.iter().map(|l| l.join(" ")).collect::<Vec<_>>().join(line_sep)).collect();
            let mut text = paras.join(para_sep);
            if self.trailing && !paras.is_empty() {
                text.push_str(para_sep);
            }
            text
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("città".to_owned()),
            Just("perché".to_owned()),
            Just("🚲".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("**nota**".to_owned()),
            "[a-z]{1,6}",
        ]
    }

    fn doc(min_paras: usize) -> impl Strategy<Value = Doc> {
        let line = prop::collection::vec(piece(), 1..5);
        let para = prop::collection::vec(line, 1..4);
        (prop::collection::vec(para, min_paras..7), any::<bool>(), any::<bool>()).prop_map(|(paras, crlf, trailing)| {
            let mut n = 0;
            let paras = paras
                .into_iter()
                .map(|p| {
                    p.into_iter()
                        .map(|l| {
                            l.into_iter()
                                .map(|w| {
                                    n += 1;
                                    format!("{w}{n}")
                                })
                                .collect()
                        })
                        .collect()
                })
                .collect();
            Doc { paras, crlf, trailing }
        })
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Side {
        Current,
        Proposed,
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum WordEdit {
        Replace,
        Delete,
        InsertBefore,
    }

    /// Edits to apply, with the markers they insert and the words they remove.
    #[derive(Default, Debug)]
    struct Plan {
        /// (paragraph, flat word index) -> edit, per side.
        word_edits: Vec<(Side, usize, usize, WordEdit)>,
        /// Paragraph-level edits per side: delete, or insert a new paragraph before.
        para_deletes: Vec<(Side, usize)>,
        para_inserts: Vec<(Side, usize)>,
    }

    fn marker(side: Side, para: usize, index: usize) -> String {
        let letter = if side == Side::Current { 'C' } else { 'P' };
        format!("{letter}mark{para}x{index}")
    }

    /// Applies the edits of `sides` in `plan` to `doc`.
    fn apply(doc: &Doc, plan: &Plan, sides: &[Side]) -> Doc {
        let mut paras = Vec::new();
        for (p, para) in doc.paras.iter().enumerate() {
            for (side, at) in &plan.para_inserts {
                if *at == p && sides.contains(side) {
                    paras.push(vec![vec![marker(*side, p, 9999), "nuovo".to_owned() + &marker(*side, p, 9998)]]);
                }
            }
            if plan.para_deletes.iter().any(|(side, at)| *at == p && sides.contains(side)) {
                continue;
            }
            let mut flat = 0;
            let mut lines = Vec::new();
            for line in para {
                let mut new_line = Vec::new();
                let mut deleted_by = None;
                for word in line {
                    let edit = plan
                        .word_edits
                        .iter()
                        .find(|(side, at, index, _)| *at == p && *index == flat && sides.contains(side));
                    match edit {
                        None => new_line.push(word.clone()),
                        Some((side, _, _, WordEdit::Replace)) => new_line.push(marker(*side, p, flat)),
                        Some((side, _, _, WordEdit::Delete)) => deleted_by = Some((*side, flat)),
                        Some((side, _, _, WordEdit::InsertBefore)) => {
                            new_line.push(marker(*side, p, flat));
                            new_line.push(word.clone());
                        }
                    }
                    flat += 1;
                }
                // A line whose every word is deleted would become a blank
                // line and split the paragraph: its last word is replaced
                // instead, by the side that deleted it.
                if let (true, Some((side, at))) = (new_line.is_empty(), deleted_by) {
                    new_line.push(marker(side, p, at));
                }
                lines.push(new_line);
            }
            paras.push(lines);
        }
        Doc { paras, ..doc.clone() }
    }

    fn word_edit(choice: u8) -> Option<WordEdit> {
        match choice % 5 {
            0 => Some(WordEdit::Replace),
            1 => Some(WordEdit::Delete),
            2 => Some(WordEdit::InsertBefore),
            _ => None,
        }
    }

    /// Asserts that `result` holds every marker `plan` inserted for `sides`
    /// and none of the words they deleted or replaced.
    fn assert_edits_present(doc: &Doc, plan: &Plan, result: &str) -> Result<(), TestCaseError> {
        let edited = apply(doc, plan, &[Side::Current, Side::Proposed]).render();
        for token in edited.split_whitespace().filter(|w| w.contains("mark")) {
            prop_assert!(result.contains(token), "{token} missing from {result:?}");
        }
        for (p, para) in doc.paras.iter().enumerate() {
            let words: Vec<&String> = para.iter().flatten().collect();
            let gone = |w: &str| !result.split_whitespace().any(|r| r == w);
            if plan.para_deletes.iter().any(|(_, at)| *at == p) {
                for w in &words {
                    prop_assert!(gone(w), "deleted paragraph word {w} still in {result:?}");
                }
            }
            for (_, at, index, edit) in &plan.word_edits {
                if *at == p && *edit != WordEdit::InsertBefore {
                    prop_assert!(gone(words[*index]), "{} should be gone from {result:?}", words[*index]);
                }
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn an_unchanged_side_gives_the_other_side(base in "\\PC{0,80}", other in "\\PC{0,80}") {
            prop_assert_eq!(merge3(&base, &base, &other), Ok(MergeOutcome::Merged(other.clone())));
            prop_assert_eq!(merge3(&base, &other, &base), Ok(MergeOutcome::Merged(other.clone())));
        }

        #[test]
        fn identical_changes_give_that_change(base in doc(0), changed in doc(0)) {
            let both = changed.render();
            prop_assert_eq!(merge3(&base.render(), &both, &both), Ok(MergeOutcome::Merged(both.clone())));
        }

        /// Sides insert, delete and modify different paragraphs: the merge is
        /// clean and holds both sides' edits.
        #[test]
        fn edits_to_different_paragraphs_all_survive(base in doc(2), choices in prop::collection::vec(any::<u8>(), 64)) {
            let base = Doc { trailing: true, ..base };
            let mut plan = Plan::default();
            let mut owners: Vec<Option<Side>> = Vec::new();
            let last = base.paras.len() - 1;
            for p in 0..base.paras.len() {
                let c = choices[p % choices.len()];
                // The first paragraph is always the current side's, the last the
                // amendment's: both sides change something, so no shortcut applies.
                let owner = match (p, c % 3) {
                    (0, _) => Some(Side::Current),
                    (p, _) if p == last => Some(Side::Proposed),
                    (_, 0) => None,
                    (_, 1) => Some(Side::Current),
                    _ => Some(Side::Proposed),
                };
                owners.push(owner);
                let Some(side) = owner else { continue };
                let previous_other = p > 0 && owners[p - 1].is_some_and(|o| o != side);
                match (c / 3) % 4 {
                    0 => plan.para_deletes.push((side, p)),
                    1 if !previous_other => plan.para_inserts.push((side, p)),
                    _ => {
                        let words = base.paras[p].iter().flatten().count();
                        for w in 0..words {
                            let edit = word_edit(choices[(p * 7 + w) % choices.len()]).or((w == 0).then_some(WordEdit::Replace));
                            if let Some(edit) = edit {
                                plan.word_edits.push((side, p, w, edit));
                            }
                        }
                    }
                }
            }
            let before = stats::PARAGRAPH_LEVEL.with(|c| c.get());
            let current = apply(&base, &plan, &[Side::Current]).render();
            let proposed = apply(&base, &plan, &[Side::Proposed]).render();
            let expected = apply(&base, &plan, &[Side::Current, Side::Proposed]).render();
            let result = merged(merge3(&base.render(), &current, &proposed));
            prop_assert!(stats::PARAGRAPH_LEVEL.with(|c| c.get()) > before, "a shortcut was taken");
            prop_assert_eq!(&result, &expected);
            assert_edits_present(&base, &plan, &result)?;
        }

        /// Both sides edit different words of the same paragraphs (and maybe
        /// other paragraphs): the word-level merge runs and keeps both.
        #[test]
        fn edits_to_different_words_of_one_paragraph_all_survive(
            base in doc(1),
            choices in prop::collection::vec(any::<u8>(), 64),
            shared in any::<prop::sample::Index>(),
        ) {
            let shared = shared.index(base.paras.len());
            let mut plan = Plan::default();
            for p in 0..base.paras.len() {
                let both = p == shared || choices[p] % 3 == 0;
                if !both && choices[p] % 3 == 1 {
                    continue;
                }
                let words = base.paras[p].iter().flatten().count();
                // Current edits words 0, 4, 8..., the amendment words 2, 6, 10...:
                // never the same word, never neighbours.
                for w in 0..words {
                    let side = match w % 4 {
                        0 => Side::Current,
                        2 if both => Side::Proposed,
                        _ => continue,
                    };
                    let forced = p == shared && w < 3;
                    let edit = word_edit(choices[(p * 11 + w) % choices.len()])
                        .or(forced.then_some(WordEdit::Replace));
                    if let Some(edit) = edit {
                        plan.word_edits.push((side, p, w, edit));
                    }
                }
            }
            let shared_words = base.paras[shared].iter().flatten().count();
            let current = apply(&base, &plan, &[Side::Current]).render();
            let proposed = apply(&base, &plan, &[Side::Proposed]).render();
            let expected = apply(&base, &plan, &[Side::Current, Side::Proposed]).render();
            let before = word_level_merges();
            let result = merged(merge3(&base.render(), &current, &proposed));
            if shared_words >= 3 {
                // Both sides changed the shared paragraph: only the word level
                // can merge it.
                prop_assert!(word_level_merges() > before, "the word-level merge did not run");
            }
            prop_assert_eq!(&result, &expected);
            assert_edits_present(&base, &plan, &result)?;
        }

        /// Both sides change the same word to different words (plus, maybe,
        /// identical and disjoint edits elsewhere): exactly that word conflicts.
        #[test]
        fn different_edits_of_one_word_conflict_exactly_there(
            base in doc(1),
            at in any::<prop::sample::Index>(),
            word in any::<prop::sample::Index>(),
            other_edit in any::<bool>(),
        ) {
            let p = at.index(base.paras.len());
            let words: Vec<&String> = base.paras[p].iter().flatten().collect();
            let w = word.index(words.len());
            let mut current = base.clone();
            let mut proposed = base.clone();
            let replace = |doc: &mut Doc, by: &str| {
                let mut flat = 0;
                for line in &mut doc.paras[p] {
                    for x in line.iter_mut() {
                        if flat == w { *x = by.to_owned(); }
                        flat += 1;
                    }
                }
            };
            replace(&mut current, "Xcur");
            replace(&mut proposed, "Yprop");
            let last_word = p + 1 == base.paras.len() && w + 1 == words.len();
            if other_edit && !last_word {
                // The same new paragraph appended by both: an identical change
                // (not next to the conflict, or it would be part of it).
                for d in [&mut current, &mut proposed] {
                    d.paras.push(vec![vec!["Zfine".to_owned()]]);
                }
            }
            let before = word_level_merges();
            let base_text = base.render();
            let (found, segments) = conflicts(merge3(&base_text, &current.render(), &proposed.render()));
            prop_assert_eq!(found.len(), 1);
            let c = &found[0];
            prop_assert_eq!((c.base.as_str(), c.current.as_str(), c.proposed.as_str()), (words[w].as_str(), "Xcur", "Yprop"));
            prop_assert_eq!(char_slice(&base_text, c.base_start, c.base_end), words[w].as_str());
            prop_assert!(word_level_merges() > before);
            let conflict_segments = segments.iter().filter(|s| matches!(s, MergeSegment::Conflict { .. })).count();
            prop_assert_eq!(conflict_segments, 1);
            prop_assert_eq!(resolve(&segments, |_, c, _| c), current.render());
            prop_assert_eq!(resolve(&segments, |_, _, p| p), proposed.render());
            for pair in segments.windows(2) {
                let both_agreed = matches!(pair, [MergeSegment::Agreed { .. }, MergeSegment::Agreed { .. }]);
                prop_assert!(!both_agreed, "agreed pieces are coalesced");
            }
        }

        /// Same inputs, same outcome: no clock, no randomness.
        #[test]
        fn merging_is_deterministic(base in doc(0), current in doc(0), proposed in doc(0), mix in any::<bool>()) {
            let (b, mut c, p) = (base.render(), current.render(), proposed.render());
            if mix { c = format!("{b}{c}"); }
            prop_assert_eq!(merge3(&b, &c, &p), merge3(&b, &c, &p));
        }
    }
}
