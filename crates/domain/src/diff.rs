//! Differences between two texts, computed on the server so every client
//! shows the same thing. Built on `similar`; the result is a flat list of
//! operations that rebuild both texts exactly, plus hunks with context for
//! compact views.

use crate::string_enum;
use similar::{Algorithm, ChangeTag, TextDiff as SimilarDiff};
use std::time::Duration;

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

/// A diff of very long texts may take time; past this the result is still
/// correct, only less minimal.
const DIFF_TIME_BUDGET: Duration = Duration::from_secs(1);

fn context_tokens(granularity: Granularity) -> usize {
    match granularity {
        Granularity::Word => 8,
        Granularity::Line => 3,
    }
}

/// Appends text to the ops, merging it into the last op when of the same kind.
fn push_op(ops: &mut Vec<DiffOp>, op: OpKind, text: &str) {
    match ops.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => ops.push(DiffOp { op, text: text.to_owned() }),
    }
}

fn kind_of(tag: ChangeTag) -> OpKind {
    match tag {
        ChangeTag::Equal => OpKind::Equal,
        ChangeTag::Insert => OpKind::Insert,
        ChangeTag::Delete => OpKind::Delete,
    }
}

/// Compares `old` and `new` at the given granularity.
pub fn diff_texts(old: &str, new: &str, granularity: Granularity) -> TextDiff {
    let mut config = SimilarDiff::configure();
    config.algorithm(Algorithm::Myers).timeout(DIFF_TIME_BUDGET);
    let diff = match granularity {
        Granularity::Word => config.diff_words(old, new),
        Granularity::Line => config.diff_lines(old, new),
    };
    let mut ops = Vec::new();
    for change in diff.iter_all_changes() {
        push_op(&mut ops, kind_of(change.tag()), change.value());
    }
    let hunks = diff
        .grouped_ops(context_tokens(granularity))
        .into_iter()
        .filter_map(|group| {
            let first = group.first()?;
            let last = group.last()?;
            let (old_start, new_start) = (first.old_range().start, first.new_range().start);
            let mut hunk_ops = Vec::new();
            for op in &group {
                for change in diff.iter_changes(op) {
                    push_op(&mut hunk_ops, kind_of(change.tag()), change.value());
                }
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

    proptest! {
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
