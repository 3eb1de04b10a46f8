//! Human reference codes such as `EMD-PROP-2026-11-42`, quoted in letters
//! and council minutes, so they must be stable, unique and easy to read.

use chrono::{DateTime, Datelike, Utc};
use uuid::Uuid;

/// How a caller names a proposal: by its UUID or by its reference code.
/// Parsed once, where the name comes in (a path segment), so an id that is
/// already known travels as an id and never goes back to text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProposalKey {
    /// Its UUID.
    Id(Uuid),
    /// Its reference code (checked for shape, not for existence).
    Reference(String),
}

impl ProposalKey {
    /// Reads a UUID or a reference code; `None` when `text` can be neither,
    /// so no proposal has that name and no query need look for it.
    pub fn parse(text: &str) -> Option<Self> {
        if let Ok(id) = Uuid::parse_str(text) {
            Some(Self::Id(id))
        } else if looks_like_reference(text) {
            Some(Self::Reference(text.to_owned()))
        } else {
            None
        }
    }
}

impl From<Uuid> for ProposalKey {
    fn from(id: Uuid) -> Self {
        Self::Id(id)
    }
}

impl std::fmt::Display for ProposalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Id(id) => id.fmt(f),
            Self::Reference(reference) => f.write_str(reference),
        }
    }
}

/// Checks a configured prefix: 1 to 16 ASCII letters or digits.
pub fn is_valid_prefix(prefix: &str) -> bool {
    (1..=16).contains(&prefix.len()) && prefix.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The reference of the `sequence`-th proposal, published at `published_at`.
pub fn format_reference(prefix: &str, published_at: DateTime<Utc>, sequence: i64) -> String {
    format!("{prefix}-PROP-{:04}-{:02}-{sequence}", published_at.year(), published_at.month())
}

/// Whether `text` has the shape of a reference (so a path segment can be told
/// apart from a UUID without a database round trip).
pub fn looks_like_reference(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 5
        && is_valid_prefix(parts[0])
        && parts[1] == "PROP"
        && parts[2].len() == 4
        && parts[3].len() == 2
        && !parts[4].is_empty()
        && parts[2..].iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn formats_with_zero_padded_month() {
        let at = Utc.with_ymd_and_hms(2022, 5, 3, 10, 0, 0).unwrap();
        assert_eq!(format_reference("par", at, 3343), "par-PROP-2022-05-3343");
        assert!(looks_like_reference("par-PROP-2022-05-3343"));
        assert!(looks_like_reference("EMD-PROP-2026-11-1"));
    }

    #[test]
    fn rejects_other_shapes() {
        for text in [
            "0190b8f4-7d1e-7000-8000-000000000000",
            "EMD-PROP-26-11-1",
            "EMD-PROP-2026-11-",
            "EMD-AMD-2026-11-4",
            "E_D-PROP-2026-11-4",
        ] {
            assert!(!looks_like_reference(text), "{text}");
        }
        assert!(is_valid_prefix("EMD") && !is_valid_prefix("") && !is_valid_prefix("A-B"));
    }

    #[test]
    fn keys_are_ids_or_references_or_nothing() {
        let id = "0190b8f4-7d1e-7000-8000-000000000000";
        assert_eq!(ProposalKey::parse(id).map(|k| k.to_string()).as_deref(), Some(id));
        assert!(matches!(ProposalKey::parse("EMD-PROP-2026-11-1"), Some(ProposalKey::Reference(_))));
        assert_eq!(ProposalKey::parse("not a proposal"), None);
    }
}
