//! Three-way merge of texts, so that accepting an amendment written against
//! an older version keeps every change made since instead of silently
//! undoing it.
//!
//! Texts are compared as paragraphs first. Where both sides changed the same
//! paragraphs differently, those paragraphs are merged again word by word;
//! only what still overlaps there is a conflict.

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};
use std::time::{Duration, Instant};

/// A region both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conflict {
    /// The region as it was in the base text.
    pub base: String,
    /// What the current version has there.
    pub current: String,
    /// What the amendment proposes there.
    pub proposed: String,
    /// Byte offset of the region in the base text.
    pub base_start: usize,
    /// Byte offset just past the region in the base text.
    pub base_end: usize,
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Both sides' changes fit together; here is the result.
    Merged(String),
    /// Some regions were changed differently by both sides.
    Conflicts(Vec<Conflict>),
}

/// Past this budget a diff is still correct, only less minimal.
const DIFF_BUDGET: Duration = Duration::from_secs(1);

/// Splits text into paragraphs, each keeping the line break and blank
/// lines that follow it, so the pieces concatenate back to the text.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut in_blank_run = false;
    for line in text.split_inclusive('\n') {
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

/// Splits text into runs of whitespace and runs of everything else.
fn words(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<bool> = None;
    for (index, c) in text.char_indices() {
        let space = c.is_whitespace();
        if previous.is_some_and(|p| p != space) {
            pieces.push(&text[start..index]);
            start = index;
        }
        previous = Some(space);
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
fn changes(base: &[&str], other: &[&str]) -> Vec<Change> {
    let ops = capture_diff_slices_deadline(Algorithm::Myers, base, other, Some(Instant::now() + DIFF_BUDGET));
    let mut result: Vec<Change> = Vec::new();
    let mut open = false;
    for op in ops {
        let (start, end, new_range) = match op {
            DiffOp::Equal { .. } => {
                open = false;
                continue;
            }
            DiffOp::Delete { old_index, old_len, new_index } => (old_index, old_index + old_len, new_index..new_index),
            DiffOp::Insert { old_index, new_index, new_len } => (old_index, old_index, new_index..new_index + new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (old_index, old_index + old_len, new_index..new_index + new_len)
            }
        };
        let text: String = other[new_range].concat();
        match result.last_mut() {
            Some(last) if open => {
                last.end = end;
                last.replacement.push_str(&text);
            }
            _ => result.push(Change { start, end, replacement: text }),
        }
        open = true;
    }
    result
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
enum Level {
    Paragraphs,
    Words,
}

fn merge_tokens(base_text: &str, current_text: &str, proposed_text: &str, level: Level, offset: usize) -> MergeOutcome {
    let split = match level {
        Level::Paragraphs => paragraphs,
        Level::Words => words,
    };
    let (base, current, proposed) = (split(base_text), split(current_text), split(proposed_text));
    let ours = changes(&base, &current);
    let theirs = changes(&base, &proposed);
    // Byte offset of each base token, for conflict positions.
    let mut starts = Vec::with_capacity(base.len() + 1);
    let mut position = offset;
    for token in &base {
        starts.push(position);
        position += token.len();
    }
    starts.push(position);

    let mut tagged: Vec<(&Change, bool)> =
        ours.iter().map(|c| (c, true)).chain(theirs.iter().map(|c| (c, false))).collect();
    tagged.sort_by_key(|(c, is_ours)| (c.start, c.end, !is_ours));

    let mut merged = String::new();
    let mut conflicts = Vec::new();
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
        merged.push_str(&base[at..start].concat());
        at = end;
        let our_side: Vec<&Change> = group.iter().filter(|(_, o)| *o).map(|(c, _)| *c).collect();
        let their_side: Vec<&Change> = group.iter().filter(|(_, o)| !*o).map(|(c, _)| *c).collect();
        let ours_text = side_text(&base, start, end, &our_side);
        let theirs_text = side_text(&base, start, end, &their_side);
        if their_side.is_empty() || ours_text == theirs_text {
            merged.push_str(&ours_text);
            continue;
        }
        if our_side.is_empty() {
            merged.push_str(&theirs_text);
            continue;
        }
        let base_region = base[start..end].concat();
        let refined = match level {
            Level::Paragraphs => merge_tokens(&base_region, &ours_text, &theirs_text, Level::Words, starts[start]),
            Level::Words => MergeOutcome::Conflicts(vec![Conflict {
                base: base_region,
                current: ours_text,
                proposed: theirs_text,
                base_start: starts[start],
                base_end: starts[end],
            }]),
        };
        match refined {
            MergeOutcome::Merged(text) => merged.push_str(&text),
            MergeOutcome::Conflicts(mut found) => conflicts.append(&mut found),
        }
    }
    merged.push_str(&base[at..].concat());
    if conflicts.is_empty() {
        MergeOutcome::Merged(merged)
    } else {
        MergeOutcome::Conflicts(conflicts)
    }
}

/// Merges the change from `base` to `current` with the change from `base`
/// to `proposed`.
pub fn merge3(base: &str, current: &str, proposed: &str) -> MergeOutcome {
    if current == base {
        return MergeOutcome::Merged(proposed.to_owned());
    }
    if proposed == base || proposed == current {
        return MergeOutcome::Merged(current.to_owned());
    }
    merge_tokens(base, current, proposed, Level::Paragraphs, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn merged(outcome: MergeOutcome) -> String {
        match outcome {
            MergeOutcome::Merged(text) => text,
            MergeOutcome::Conflicts(c) => panic!("unexpected conflicts: {c:?}"),
        }
    }

    #[test]
    fn splitting_keeps_every_byte() {
        let text = "Primo.\nancora primo\n\n\nSecondo.\r\n\r\nTerzo";
        assert_eq!(paragraphs(text), ["Primo.\nancora primo\n\n\n", "Secondo.\r\n\r\n", "Terzo"]);
        assert_eq!(words("la  città\tè"), ["la", "  ", "città", "\t", "è"]);
        assert!(paragraphs("").is_empty() && words("").is_empty());
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
    fn the_same_word_changed_differently_is_a_conflict_with_positions() {
        let base = "Premessa.\n\nCosto: 45.000 euro.";
        let current = "Premessa.\n\nCosto: 50.000 euro.";
        let proposed = "Premessa.\n\nCosto: 60.000 euro.";
        let MergeOutcome::Conflicts(conflicts) = merge3(base, current, proposed) else { panic!("expected a conflict") };
        assert_eq!(conflicts.len(), 1);
        let c = &conflicts[0];
        assert_eq!((c.base.as_str(), c.current.as_str(), c.proposed.as_str()), ("45.000", "50.000", "60.000"));
        assert_eq!(&base[c.base_start..c.base_end], "45.000");
    }

    #[test]
    fn insertions_at_the_same_place_conflict_unless_identical() {
        let base = "Uno.\n\nDue.";
        let a = "Uno.\n\nUno e mezzo.\n\nDue.";
        let b = "Uno.\n\nUno e tre quarti.\n\nDue.";
        assert!(matches!(merge3(base, a, b), MergeOutcome::Conflicts(_)));
        assert_eq!(merged(merge3(base, a, a)), a);
    }

    #[test]
    fn empty_texts() {
        assert_eq!(merged(merge3("", "", "nuovo")), "nuovo");
        assert_eq!(merged(merge3("", "attuale", "")), "attuale");
        assert_eq!(merged(merge3("testo", "", "testo")), "");
        assert!(matches!(merge3("", "a", "b"), MergeOutcome::Conflicts(_)));
    }

    /// A text of unique paragraphs (so each edit is found where it was
    /// made) drawn from tricky pieces.
    fn paragraph() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("città".to_owned()),
            Just("perché".to_owned()),
            Just("🚲".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("**nota**".to_owned()),
            "[a-z]{1,8}",
        ];
        prop::collection::vec(piece, 1..6).prop_map(|words| words.join(" "))
    }

    fn document() -> impl Strategy<Value = (Vec<String>, String)> {
        (prop::collection::vec(paragraph(), 0..8), prop_oneof![Just("\n\n".to_owned()), Just("\r\n\r\n".to_owned())])
            .prop_map(|(paras, sep)| (paras.into_iter().enumerate().map(|(i, p)| format!("§{i} {p}")).collect(), sep))
    }

    fn join(paras: &[String], sep: &str) -> String {
        paras.join(sep)
    }

    proptest! {
        #[test]
        fn an_unchanged_side_gives_the_other_side(base in "\\PC{0,80}", other in "\\PC{0,80}") {
            prop_assert_eq!(merge3(&base, &base, &other), MergeOutcome::Merged(other.clone()));
            prop_assert_eq!(merge3(&base, &other, &base), MergeOutcome::Merged(other.clone()));
        }

        #[test]
        fn identical_changes_give_that_change((paras, sep) in document(), changed in document()) {
            let base = join(&paras, &sep);
            let both = join(&changed.0, &changed.1);
            prop_assert_eq!(merge3(&base, &both, &both), MergeOutcome::Merged(both.clone()));
        }

        #[test]
        fn identical_changes_at_word_level((paras, sep) in document(), edit in paragraph(), index in any::<prop::sample::Index>()) {
            prop_assume!(!paras.is_empty());
            let base = join(&paras, &sep);
            let mut changed = paras.clone();
            let i = index.index(paras.len());
            changed[i] = format!("{} {edit}", changed[i]);
            let both = join(&changed, &sep);
            prop_assert_eq!(merge3(&base, &both, &both), MergeOutcome::Merged(both.clone()));
        }

        #[test]
        fn disjoint_changes_all_survive(
            (paras, sep) in document(),
            edits in prop::collection::vec((any::<bool>(), paragraph()), 8),
        ) {
            let base = join(&paras, &sep);
            let (mut current, mut proposed, mut expected) = (paras.clone(), paras.clone(), paras.clone());
            // Even paragraphs may change on the current side, odd ones in the
            // amendment: never the same paragraph.
            for (i, (change, text)) in edits.iter().enumerate().take(paras.len()) {
                if !change { continue; }
                let replacement = format!("§{i}* {text}");
                if i % 2 == 0 { current[i] = replacement.clone(); } else { proposed[i] = replacement.clone(); }
                expected[i] = replacement;
            }
            let outcome = merge3(&base, &join(&current, &sep), &join(&proposed, &sep));
            prop_assert_eq!(outcome, MergeOutcome::Merged(join(&expected, &sep)));
        }

        #[test]
        fn conflicts_only_where_both_sides_changed((paras, sep) in document(), a in paragraph(), b in paragraph(), index in any::<prop::sample::Index>()) {
            prop_assume!(!paras.is_empty() && a != b);
            let i = index.index(paras.len());
            let base = join(&paras, &sep);
            let mut current = paras.clone();
            let mut proposed = paras.clone();
            current[i] = a.clone();
            proposed[i] = b.clone();
            let (current, proposed) = (join(&current, &sep), join(&proposed, &sep));
            match merge3(&base, &current, &proposed) {
                MergeOutcome::Merged(text) => {
                    // A clean merge must still hold both edits' new words.
                    let untouched: String = paras[..i].iter().map(|p| format!("{p}{sep}")).collect();
                    prop_assert!(text.starts_with(&untouched));
                }
                MergeOutcome::Conflicts(conflicts) => {
                    prop_assert!(!conflicts.is_empty());
                    for c in conflicts {
                        prop_assert_ne!(&c.current, &c.proposed);
                        prop_assert!(c.current != c.base && c.proposed != c.base, "both sides changed it");
                        prop_assert_eq!(&base[c.base_start..c.base_end], c.base.as_str());
                        // The region lies inside the one paragraph both sides edited.
                        let para_start: usize = paras[..i].iter().map(|p| p.len() + sep.len()).sum();
                        prop_assert!(c.base_start >= para_start && c.base_end <= para_start + paras[i].len() + sep.len());
                    }
                }
            }
        }
    }
}
