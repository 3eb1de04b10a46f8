//! The limits `docs/domain.md` states, checked at both edges (the last
//! value allowed and the first refused) where the unit tests in
//! `crates/domain/src` check only one side or none: a limit drifting by one
//! from the documentation shows here.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::error::DomainError;
use emenda_domain::reference::is_valid_prefix;
use emenda_domain::space::SpaceSettings;
use emenda_domain::values::{
    validate_password, Body, Description, DisplayName, Rationale, Slug, SpaceTitle, StaffText, Summary, Title,
};

fn code<T: std::fmt::Debug>(result: Result<T, DomainError>) -> &'static str {
    match result.unwrap_err() {
        DomainError::Invalid(fields) => fields[0].code.as_str(),
        other => other.code().as_str(),
    }
}

#[test]
fn text_lengths_count_characters_at_both_edges() {
    // "à" is two bytes: a byte count would refuse the longest valid text.
    assert!(Title::parse(&"à".repeat(150)).is_ok());
    assert_eq!(code(Title::parse(&"à".repeat(151))), "too_long");
    assert!(Title::parse(&"à".repeat(10)).is_ok());
    assert_eq!(code(Title::parse(&"à".repeat(9))), "too_short");
    assert!(Body::parse(&"è".repeat(20_000)).is_ok());
    assert_eq!(code(Body::parse(&"è".repeat(20_001))), "too_long");
    assert!(Body::parse(&"è".repeat(15)).is_ok());
    assert_eq!(code(Body::parse(&format!("  {}  ", "è".repeat(14)))), "too_short", "trimmed first");
}

#[test]
fn people_and_space_texts_at_both_edges() {
    assert!(DisplayName::parse(&"ù".repeat(60)).is_ok());
    assert_eq!(code(DisplayName::parse(&"ù".repeat(61))), "too_long");
    assert!(DisplayName::parse("A").is_ok());
    assert!(validate_password(&"p".repeat(10)).is_ok());
    assert_eq!(code(validate_password(&"p".repeat(9))), "too_short");
    assert!(validate_password(&"p".repeat(128)).is_ok());
    assert_eq!(code(validate_password(&"p".repeat(129))), "too_long");
    assert!(SpaceTitle::parse("Tre").is_ok());
    assert_eq!(code(SpaceTitle::parse("Tr")), "too_short");
    assert!(SpaceTitle::parse(&"t".repeat(150)).is_ok());
    assert_eq!(code(SpaceTitle::parse(&"t".repeat(151))), "too_long");
    assert!(Description::parse("").is_ok(), "a description may be empty");
    assert!(Description::parse(&"d".repeat(20_000)).is_ok());
    assert_eq!(code(Description::parse(&"d".repeat(20_001))), "too_long");
    assert!(Slug::parse(&"s".repeat(60)).is_ok());
    assert!(Slug::parse(&"s".repeat(61)).is_err());
    assert!(Slug::parse("abc").is_ok() && Slug::parse("ab").is_err());
    assert!(Slug::parse("bilancio-2026").is_ok());
    for bad in ["bilancio--2026", "-bilancio", "bilancio-", "Bilancio"] {
        assert!(Slug::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn participation_texts_at_both_edges() {
    assert!(Summary::parse_optional(Some(&"s".repeat(300))).unwrap().is_some());
    assert_eq!(code(Summary::parse_optional(Some(&"s".repeat(301)))), "too_long");
    assert_eq!(code(Summary::parse_optional(Some("una\nriga"))), "invalid_characters", "one line");
    assert!(Rationale::parse(&"r".repeat(10)).is_ok());
    assert_eq!(code(Rationale::parse(&"r".repeat(9))), "too_short");
    assert!(Rationale::parse(&"r".repeat(2_000)).is_ok());
    assert_eq!(code(Rationale::parse(&"r".repeat(2_001))), "too_long");
    assert!(StaffText::parse_field("answer", &"a".repeat(20_000)).is_ok());
    assert_eq!(code(StaffText::parse_field("answer", &"a".repeat(20_001))), "too_long");
    assert!(StaffText::parse_field("answer", "a").is_ok());
}

#[test]
fn space_settings_limits_at_both_edges() {
    let highest = SpaceSettings {
        support_limit_per_user: 10_000,
        support_threshold: 10_000_000,
        max_reports_before_hiding: 1_000,
        ..Default::default()
    };
    assert!(highest.validate().is_ok());
    let lowest = SpaceSettings {
        support_limit_per_user: 0,
        support_threshold: 0,
        max_reports_before_hiding: 1,
        ..Default::default()
    };
    assert!(lowest.validate().is_ok());
    let beyond = SpaceSettings {
        support_limit_per_user: 10_001,
        support_threshold: 10_000_001,
        max_reports_before_hiding: 1_001,
        ..Default::default()
    };
    let DomainError::Invalid(fields) = beyond.validate().unwrap_err() else { panic!("field errors") };
    let named: Vec<(&str, &str)> = fields.iter().map(|f| (f.field.as_str(), f.code.as_str())).collect();
    assert_eq!(
        named,
        [
            ("settings.support_limit_per_user", "out_of_range"),
            ("settings.support_threshold", "out_of_range"),
            ("settings.max_reports_before_hiding", "out_of_range"),
        ]
    );
}

#[test]
fn minimum_supports_per_user_at_both_edges() {
    assert!(SpaceSettings { minimum_supports_per_user: 0, ..Default::default() }.validate().is_ok());
    assert!(SpaceSettings { minimum_supports_per_user: 10_000, ..Default::default() }.validate().is_ok());
    for refused in [-1, 10_001] {
        let DomainError::Invalid(fields) =
            SpaceSettings { minimum_supports_per_user: refused, ..Default::default() }.validate().unwrap_err()
        else {
            panic!("field errors")
        };
        assert_eq!(
            (fields[0].field.as_str(), fields[0].code.as_str()),
            ("settings.minimum_supports_per_user", "out_of_range")
        );
    }
}

#[test]
fn reference_prefixes_are_one_to_sixteen_letters_or_digits() {
    assert!(is_valid_prefix("A") && is_valid_prefix("EMD") && is_valid_prefix("par2026"));
    assert!(is_valid_prefix(&"P".repeat(16)));
    assert!(!is_valid_prefix(&"P".repeat(17)));
    for bad in ["", "E-M", "EMD ", "ÈMD", "E_M"] {
        assert!(!is_valid_prefix(bad), "{bad:?}");
    }
}
