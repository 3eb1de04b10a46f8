//! Reports and content moderation: what a report is, when reports hide an
//! item on their own, and what each staff action changes. The services
//! load the facts under the locks (see `docs/architecture.md`) and ask
//! these functions to decide, so every rule here is tested without a
//! database.

use crate::codes::{ErrorCode, FieldCode};
use crate::error::DomainError;
use crate::string_enum;

string_enum! {
    /// Why a participant reports an item.
    pub enum ReportReason {
        /// Advertising, repeated or automated content.
        Spam => "spam",
        /// Insults, harassment, hate.
        Offensive => "offensive",
        /// Off topic for the space or the proposal.
        DoesNotBelong => "does_not_belong",
        /// Anything else: the details say what.
        Other => "other",
    }
}

string_enum! {
    /// What can be reported and moderated.
    pub enum TargetKind {
        /// A proposal.
        Proposal => "proposal",
        /// An amendment.
        Amendment => "amendment",
        /// A comment.
        Comment => "comment",
    }
}

impl TargetKind {
    /// The kind named by a moderation path segment (`proposals`,
    /// `amendments`, `comments`), as in `/moderation/{kind}/{id}/hide`.
    pub fn from_plural(segment: &str) -> Option<Self> {
        match segment {
            "proposals" => Some(TargetKind::Proposal),
            "amendments" => Some(TargetKind::Amendment),
            "comments" => Some(TargetKind::Comment),
            _ => None,
        }
    }
}

/// An item that is reported or moderated, by kind and id: what a report
/// names, and what a queue entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// `proposal`, `amendment` or `comment`.
    pub kind: TargetKind,
    /// Its id.
    pub id: uuid::Uuid,
}

string_enum! {
    /// Where a report stands.
    pub enum ReportState {
        /// Not yet worked by staff; counts towards hiding the item. A
        /// report an undone hide had upheld is open again.
        Open => "open",
        /// Staff hid the item: the report was right.
        Upheld => "upheld",
        /// Staff kept the item visible (dismissed, or unhid it).
        Dismissed => "dismissed",
    }
}

string_enum! {
    /// Which entries of the staff queue to show.
    pub enum QueueState {
        /// Items with open reports.
        Open => "open",
        /// Items hidden now (automatically or by staff).
        Hidden => "hidden",
        /// Every item ever reported or moderated.
        All => "all",
    }
}

/// Longest report details, in characters.
pub const MAX_DETAILS: usize = crate::text::REPORT_DETAILS.max;

/// How many characters of a comment body the staff queue shows.
pub const PREVIEW_CHARS: usize = 200;

/// Validates a report's details: up to [`MAX_DETAILS`] characters of
/// multi-line text, required when the reason is `other` (the only reason
/// that says nothing by itself). Absent or blank details are stored as
/// the empty string.
pub fn validate_details(reason: ReportReason, details: Option<&str>) -> Result<String, DomainError> {
    let text = crate::text::REPORT_DETAILS.check("details", details.unwrap_or_default())?;
    if text.is_empty() && reason == ReportReason::Other {
        return Err(DomainError::invalid("details", FieldCode::Required, "say what is wrong when the reason is other"));
    }
    Ok(text)
}

/// Nobody reports their own content: it would let an author hide (or
/// count towards hiding) what they can withdraw or delete themselves, and
/// it says nothing about the content.
pub fn ensure_not_own(is_author: bool) -> Result<(), DomainError> {
    if is_author {
        Err(DomainError::conflict(ErrorCode::CannotReportOwn, "you cannot report your own content"))
    } else {
        Ok(())
    }
}

/// A participant reports an item they can see and did not write. A hidden
/// or deleted item is out of view: there is nothing left to report (staff
/// act on it directly), so it is not found.
pub fn ensure_reportable(kind: TargetKind, hidden: bool, deleted: bool, is_author: bool) -> Result<(), DomainError> {
    if hidden || deleted {
        return Err(DomainError::not_found(kind.as_str()));
    }
    ensure_not_own(is_author)
}

/// The refusal of a second report of one item by the same participant.
pub fn already_reported() -> DomainError {
    DomainError::conflict(ErrorCode::AlreadyReported, "you have already reported this item")
}

/// Whether the report that brought the item to `open_reports` hides it:
/// the space's limit is reached and the item is not hidden yet. Decided
/// under the item's moderation lock, so of concurrent reports exactly the
/// one that reaches the limit hides it.
pub fn report_hides(open_reports: i32, max_reports_before_hiding: i32, hidden: bool) -> bool {
    !hidden && open_reports >= max_reports_before_hiding.max(1)
}

/// Whether dismissing the open reports of an item unhides it: only when
/// those reports hid it. A hidden item cannot be reported (nobody but
/// staff sees it) and staff hiding upholds the open reports, so a hidden
/// item that still has open reports was hidden by them, unless the mark
/// says its author was blocked with their content.
pub fn dismiss_unhides(hidden: bool, hidden_by_block: bool, open_reports: i32) -> bool {
    hidden && !hidden_by_block && open_reports > 0
}

/// What staff hiding changes: `None` when the item already is hidden by
/// staff or reports (a no-op); otherwise whether it becomes hidden now
/// (`true`) or only loses its block mark (`false`), so that lifting the
/// block no longer unhides what staff decided to hide.
pub fn hide_change(hidden: bool, hidden_by_block: bool) -> Option<bool> {
    match (hidden, hidden_by_block) {
        (false, _) => Some(true),
        (true, true) => Some(false),
        (true, false) => None,
    }
}

/// An undo of a staff hide names the hide (its audit entry): it is undone
/// only while it is the hide in force (`hide_in_force`, the entry of the
/// staff hide that made the item hidden, cleared when it is shown again),
/// so an undo offered a while ago can never reopen reports that a later
/// decision, someone else's included, closed or hid anew; and only by the
/// staff member who hid it (`hidden_by`), since an undo takes back one's
/// own step: a colleague whose hide found the item already hidden changed
/// nothing, and has nothing to undo (anyone else shows the item with a
/// plain unhide, a decision of their own). Anything else is
/// `moderation_changed`: the undo comes too late, and staff decide afresh.
pub fn ensure_undoable(
    hide_in_force: Option<uuid::Uuid>,
    hidden_by: Option<uuid::Uuid>,
    undoes: uuid::Uuid,
    caller: uuid::Uuid,
) -> Result<(), DomainError> {
    if hide_in_force == Some(undoes) && hidden_by == Some(caller) {
        Ok(())
    } else {
        Err(DomainError::conflict(
            ErrorCode::ModerationChanged,
            "this hide is no longer in force: the item was shown again or moderated otherwise since",
        ))
    }
}

/// Whether a staff hide becomes the hide in force that an undo may name:
/// only one that made a visible item hidden, since undoing it (showing the
/// item again and reopening the reports it upheld) puts the item back
/// exactly as it was. A confirmation of reports that had already hidden
/// the item, or the take-over of a block's mark, left an item that was
/// hidden before: showing it would not be undoing them.
pub fn hide_is_undoable(change: Option<bool>, changed: bool) -> bool {
    change == Some(true) && changed
}

/// The first [`PREVIEW_CHARS`] characters of a text, with an ellipsis
/// when it was cut.
pub fn preview(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(PREVIEW_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)] // Tests fail loudly on anything unexpected.
mod tests {
    use super::*;

    #[test]
    fn details_are_optional_except_for_other() {
        assert_eq!(validate_details(ReportReason::Spam, None).unwrap(), "");
        assert_eq!(validate_details(ReportReason::Spam, Some("  link\r\nlink  ")).unwrap(), "link\nlink");
        let DomainError::Invalid(fields) = validate_details(ReportReason::Other, Some("   ")).unwrap_err() else {
            panic!("expected a field error")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code), ("details", FieldCode::Required));
        assert!(validate_details(ReportReason::Other, Some("Dati personali di un vicino")).is_ok());
        let long = "a".repeat(MAX_DETAILS + 1);
        let DomainError::Invalid(fields) = validate_details(ReportReason::Spam, Some(&long)).unwrap_err() else {
            panic!("expected a field error")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code), ("details", FieldCode::TooLong));
        assert!(validate_details(ReportReason::Spam, Some(&"a".repeat(MAX_DETAILS))).is_ok());
        let DomainError::Invalid(fields) = validate_details(ReportReason::Spam, Some("a\u{0}b")).unwrap_err() else {
            panic!("expected a field error")
        };
        assert_eq!(fields[0].code, FieldCode::InvalidCharacters);
    }

    #[test]
    fn own_content_and_repeats_are_refused_with_stable_codes() {
        assert_eq!(ensure_not_own(true).unwrap_err().code(), ErrorCode::CannotReportOwn);
        assert!(ensure_not_own(false).is_ok());
        assert_eq!(already_reported().code(), ErrorCode::AlreadyReported);
        assert!(ensure_reportable(TargetKind::Comment, false, false, false).is_ok());
        assert_eq!(ensure_reportable(TargetKind::Comment, false, false, true).unwrap_err().code(), "cannot_report_own");
        for (hidden, deleted) in [(true, false), (false, true)] {
            let gone = ensure_reportable(TargetKind::Comment, hidden, deleted, true).unwrap_err();
            assert_eq!(gone, DomainError::not_found("comment"), "out of view before anything else");
        }
    }

    #[test]
    fn exactly_the_report_reaching_the_limit_hides() {
        for max in 1..=10 {
            let mut hidden = false;
            let mut hides = 0;
            for open in 1..=max + 5 {
                if report_hides(open, max, hidden) {
                    assert_eq!(open, max, "only the report reaching the limit hides");
                    hidden = true;
                    hides += 1;
                }
            }
            assert_eq!(hides, 1);
        }
        assert!(!report_hides(2, 3, false));
        assert!(!report_hides(5, 3, true), "a hidden item is not hidden again");
        assert!(report_hides(1, 0, false), "a limit below one still means one");
    }

    #[test]
    fn dismissing_unhides_only_what_reports_hid() {
        assert!(dismiss_unhides(true, false, 3));
        assert!(!dismiss_unhides(true, false, 0), "staff hid it: reports were upheld");
        assert!(!dismiss_unhides(true, true, 3), "hidden with its blocked author");
        assert!(!dismiss_unhides(false, false, 2));
    }

    #[test]
    fn hiding_is_idempotent_and_takes_over_a_block_mark() {
        assert_eq!(hide_change(false, false), Some(true));
        assert_eq!(hide_change(true, true), Some(false));
        assert_eq!(hide_change(true, false), None);
    }

    #[test]
    fn only_the_hide_in_force_is_undone() {
        let (hide, later) = (uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2));
        let (anna, bruno) = (Some(uuid::Uuid::from_u128(10)), uuid::Uuid::from_u128(11));
        let by_anna = |in_force, undoes, caller| ensure_undoable(in_force, anna, undoes, caller);
        assert!(by_anna(Some(hide), hide, anna.unwrap()).is_ok());
        let late = by_anna(Some(later), hide, anna.unwrap()).unwrap_err();
        assert_eq!(late.code(), ErrorCode::ModerationChanged, "another hide is in force now");
        let gone = by_anna(None, hide, anna.unwrap()).unwrap_err();
        assert_eq!(gone.code(), ErrorCode::ModerationChanged, "shown again since");
        let theirs = by_anna(Some(hide), hide, bruno).unwrap_err();
        assert_eq!(theirs.code(), ErrorCode::ModerationChanged, "only its author undoes a hide");
        assert!(hide_is_undoable(hide_change(false, false), true), "a hide that hid a visible item");
        assert!(!hide_is_undoable(hide_change(true, true), true), "taking over a block's mark");
        assert!(!hide_is_undoable(hide_change(true, false), false), "confirming reports that hid it");
        assert!(!hide_is_undoable(Some(true), false), "a hide that changed nothing");
    }

    #[test]
    fn previews_cut_at_characters_not_bytes() {
        assert_eq!(preview("breve"), "breve");
        let long = "è".repeat(PREVIEW_CHARS + 10);
        let cut = preview(&long);
        assert_eq!(cut.chars().count(), PREVIEW_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(preview(&"a".repeat(PREVIEW_CHARS)).chars().count(), PREVIEW_CHARS);
    }

    #[test]
    fn names_round_trip() {
        for kind in TargetKind::ALL {
            assert_eq!(TargetKind::from_plural(&format!("{}s", kind.as_str())), Some(*kind));
        }
        assert_eq!(TargetKind::from_plural("users"), None);
        for reason in ReportReason::ALL {
            assert_eq!(ReportReason::parse(reason.as_str()), Some(*reason));
        }
    }
}
