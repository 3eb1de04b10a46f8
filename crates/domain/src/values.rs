//! Value types that can only hold valid values: once a `Title` exists it is
//! known to be trimmed, of an acceptable length and free of refused
//! characters, so no layer above has to check again. Each type checks its
//! input against one rule of [`crate::text`] (which characters are refused,
//! what is trimmed, the lengths, whether a visible letter is needed), the
//! same data the OpenAPI document's constraints are derived from.

use crate::codes::FieldCode;
use crate::error::DomainError;
pub use crate::text::ensure_no_nul;
use crate::text::{self as rules, char_len, is_blank, is_invisible, length_between};

/// One-line fields: no control character (C0, DEL, C1) and no line or
/// paragraph separator (U+2028, U+2029).
fn ensure_one_line(field: &str, text: &str) -> Result<(), DomainError> {
    if text.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
        Err(DomainError::invalid(
            field,
            FieldCode::InvalidCharacters,
            "must be a single line without control characters",
        ))
    } else {
        Ok(())
    }
}

macro_rules! text_value {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// The validated text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Gives up the validated text.
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

text_value!(
    /// A proposal or amendment title: 10 to 150 characters after trimming, one line.
    Title
);
text_value!(
    /// A proposal or amendment body in Markdown: 15 to 20,000 characters after trimming.
    Body
);
text_value!(
    /// A public handle: 3 to 20 characters of `a-z`, `0-9` and `_`, starting with
    /// a letter; stored lower-case so `Mario` and `mario` are one person.
    Nickname
);
text_value!(
    /// The name shown next to contributions: 1 to 60 characters, one line.
    DisplayName
);
text_value!(
    /// An e-mail address, lower-cased so that sign-in ignores case.
    Email
);
text_value!(
    /// A space's URL name: 3 to 60 characters of `a-z`, `0-9` and `-`.
    Slug
);
text_value!(
    /// A space's title: 3 to 150 characters after trimming.
    SpaceTitle
);
text_value!(
    /// Optional Markdown description of a space, up to 20,000 characters.
    Description
);
text_value!(
    /// An edit summary: up to 300 characters, one line.
    Summary
);
text_value!(
    /// Why an amendment is needed: 10 to 2,000 characters of Markdown.
    Rationale
);
text_value!(
    /// A public reason or official text from staff: 1 to 20,000 characters.
    StaffText
);
text_value!(
    /// A comment in Markdown source: 1 to 2,000 characters (not bytes) after
    /// trimming, line endings normalised.
    CommentBody
);

impl Title {
    /// Validates a title for `field`: 10 to 150 characters once spaces and
    /// invisible characters are trimmed, one line, no direction controls.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, DomainError> {
        rules::TITLE.check(field, raw).map(Self)
    }

    /// Validates the `title` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::parse_field("title", raw)
    }
}

impl Body {
    /// Validates a body for `field`; line endings are normalised to `\n`.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, DomainError> {
        rules::BODY.check(field, raw).map(Self)
    }

    /// Validates the `body` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::parse_field("body", raw)
    }
}

impl Nickname {
    /// Validates the `nickname` field ([`rules::NICKNAME`]); stored lower-case.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        rules::NICKNAME.check("nickname", raw).map(|text| Self(text.to_ascii_lowercase()))
    }
}

impl DisplayName {
    /// Validates the `display_name` field: 1 to 60 visible characters, one
    /// line, no direction controls.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        rules::DISPLAY_NAME.check("display_name", raw).map(Self)
    }
}

impl Email {
    /// Validates the `email` field: at most 254 characters, no spaces or
    /// control characters, exactly one `@`; a local part of 1 to 64
    /// characters (letters, digits and ``!#$%&'*+/=?^_`{|}~.-``, no dot at
    /// either end or twice in a row); a domain of at least two dot-separated
    /// labels of letters, digits and inner hyphens (1 to 63 characters each),
    /// the last not all digits. Deliverability is not checked here.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        ensure_no_nul("email", raw)?;
        let text = raw.trim().to_lowercase();
        let invalid = || DomainError::invalid("email", FieldCode::InvalidFormat, "is not a valid e-mail address");
        ensure_one_line("email", &text)?;
        if char_len(&text) > rules::EMAIL_MAX || text.chars().any(|c| c.is_whitespace() || is_invisible(c)) {
            return Err(invalid());
        }
        let (local, domain) = text.split_once('@').ok_or_else(invalid)?;
        let local_ok = (1..=64).contains(&char_len(local))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |label: &&str| {
            (1..=63).contains(&char_len(label))
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let top_ok = labels.last().is_some_and(|top| !top.chars().all(|c| c.is_ascii_digit()));
        if !local_ok || labels.len() < 2 || !labels.iter().all(label_ok) || !top_ok {
            return Err(invalid());
        }
        Ok(Self(text))
    }
}

impl Slug {
    /// Validates the `slug` field ([`rules::SLUG`]).
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        rules::SLUG.check("slug", raw).map(Self)
    }
}

impl SpaceTitle {
    /// Validates a space's `title` field: 3 to 150 visible characters, one
    /// line, no direction controls.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        rules::SPACE_TITLE.check("title", raw).map(Self)
    }
}

impl Description {
    /// Validates a space's `description` field (line endings normalised).
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        rules::DESCRIPTION.check("description", raw).map(Self)
    }
}

impl Summary {
    /// Validates an optional edit `summary`; blank means none.
    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, DomainError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        ensure_no_nul("summary", raw)?;
        if raw.trim_matches(is_blank).is_empty() {
            return Ok(None);
        }
        rules::SUMMARY.check("summary", raw).map(|text| Some(Self(text)))
    }
}

impl Rationale {
    /// Validates the `rationale` field (line endings normalised).
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        rules::RATIONALE.check("rationale", raw).map(Self)
    }
}

impl StaffText {
    /// Validates a required staff text (a rejection reason, an answer) for
    /// `field` (line endings normalised).
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, DomainError> {
        ensure_no_nul(field, raw)?;
        if raw.trim_matches(is_blank).is_empty() {
            return Err(DomainError::invalid(field, FieldCode::Required, "is required and shown publicly"));
        }
        rules::STAFF_TEXT.check(field, raw).map(Self)
    }
}

impl CommentBody {
    /// Validates a comment's `body`: blank is `required`, then 1 to 2,000
    /// characters once trimmed, no control characters but line breaks and tabs.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        ensure_no_nul("body", raw)?;
        if raw.trim_matches(is_blank).is_empty() {
            return Err(DomainError::invalid("body", FieldCode::Required, "is required"));
        }
        rules::COMMENT_BODY.check("body", raw).map(Self)
    }
}

/// Validates a title and a body together, reporting the errors of both.
pub fn validate_text(title: &str, body: &str) -> Result<(Title, Body), DomainError> {
    crate::error::Validation::new().field("title", Title::parse(title)).field("body", Body::parse(body)).finish()
}

/// Checks a new password: 10 to 128 characters. Length is what resists
/// guessing; composition rules only annoy people into worse passwords.
pub fn validate_password(raw: &str) -> Result<(), DomainError> {
    ensure_no_nul("password", raw)?;
    length_between("password", raw, rules::PASSWORD_LENGTH.0, rules::PASSWORD_LENGTH.1)
}

/// What staff type to find a person: matched against the start of a
/// nickname or an e-mail address and anywhere in a display name. Lower
/// case (nicknames and addresses are stored so), trimmed, one line, 1 to
/// 100 characters: a bounded pattern, since every search reads the users
/// table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerm(String);

impl SearchTerm {
    /// Validates the `q` of a search; blank means "no filter" (`None`).
    pub fn parse(raw: &str) -> Result<Option<Self>, DomainError> {
        ensure_no_nul("q", raw)?;
        let term = raw.trim_matches(is_blank);
        if term.is_empty() {
            return Ok(None);
        }
        ensure_one_line("q", term)?;
        length_between("q", term, 1, rules::SEARCH_TERM_MAX)?;
        Ok(Some(Self(term.to_lowercase())))
    }

    /// The term as typed, lower-cased.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The term as a `LIKE` pattern fragment: `%`, `_` and the escape
    /// character `\` itself match only themselves.
    pub fn like_escaped(&self) -> String {
        let mut escaped = String::with_capacity(self.0.len());
        for c in self.0.chars() {
            if matches!(c, '%' | '_' | '\\') {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_are_bounded_and_escaped() {
        assert_eq!(SearchTerm::parse("  ").unwrap(), None);
        let term = SearchTerm::parse(" Giulia_50%\\ ").unwrap().unwrap();
        assert_eq!(term.as_str(), "giulia_50%\\");
        assert_eq!(term.like_escaped(), "giulia\\_50\\%\\\\");
        assert_eq!(code(SearchTerm::parse(&"a".repeat(101)).unwrap_err()), "too_long");
        assert_eq!(code(SearchTerm::parse("a\nb").unwrap_err()), "invalid_characters");
        assert_eq!(code(SearchTerm::parse("a\0b").unwrap_err()), "invalid_characters");
    }

    fn code(err: DomainError) -> &'static str {
        match err {
            DomainError::Invalid(errors) => errors[0].code.as_str(),
            other => other.code().as_str(),
        }
    }

    #[test]
    fn title_is_trimmed_and_bounded() {
        assert_eq!(Title::parse("  Piste ciclabili in centro  ").unwrap().as_str(), "Piste ciclabili in centro");
        assert_eq!(code(Title::parse("   corto   ").unwrap_err()), "too_short");
        assert_eq!(code(Title::parse(&"à".repeat(151)).unwrap_err()), "too_long");
        assert!(Title::parse(&"è".repeat(150)).is_ok(), "length counts characters, not bytes");
        assert_eq!(code(Title::parse("Due righe\nnel titolo").unwrap_err()), "invalid_characters");
    }

    #[test]
    fn body_is_bounded_and_keeps_newlines() {
        assert_eq!(code(Body::parse("troppo corto").unwrap_err()), "too_short");
        assert!(Body::parse("Primo paragrafo.\r\n\r\nSecondo paragrafo.").is_ok());
        assert_eq!(code(Body::parse(&"x".repeat(20_001)).unwrap_err()), "too_long");
        assert!(Body::parse(&"x".repeat(20_000)).is_ok());
        assert_eq!(code(Body::parse("testo con un \u{0007} campanello").unwrap_err()), "invalid_characters");
    }

    #[test]
    fn nickname_rules() {
        assert_eq!(Nickname::parse("Mario_Rossi").unwrap().as_str(), "mario_rossi");
        assert_eq!(code(Nickname::parse("ab").unwrap_err()), "too_short");
        assert_eq!(code(Nickname::parse("1mario").unwrap_err()), "invalid_characters");
        assert_eq!(code(Nickname::parse("mario rossi").unwrap_err()), "invalid_characters");
        assert_eq!(code(Nickname::parse("niccolò").unwrap_err()), "invalid_characters");
        assert_eq!(code(Nickname::parse(&"a".repeat(21)).unwrap_err()), "too_long");
    }

    #[test]
    fn email_rules() {
        assert_eq!(
            Email::parse(" Anna.Bianchi@Comune.Bologna.IT ").unwrap().as_str(),
            "anna.bianchi@comune.bologna.it"
        );
        for bad in ["", "anna", "anna@", "@comune.it", "anna@comune", "an na@comune.it", "a@b@c.it", "anna@comune..it"]
        {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn slug_rules() {
        assert!(Slug::parse("bilancio-partecipativo-2026").is_ok());
        for bad in ["ab", "Bilancio", "-inizio", "fine-", "due--trattini", "spazio vuoto"] {
            assert!(Slug::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn password_and_summary_rules() {
        assert!(validate_password("corta").is_err());
        assert!(validate_password("abbastanza-lunga").is_ok());
        assert!(validate_password(&"p".repeat(129)).is_err());
        assert_eq!(Summary::parse_optional(Some("   ")).unwrap(), None);
        assert!(Summary::parse_optional(Some(&"s".repeat(301))).is_err());
        assert_eq!(DisplayName::parse("  Anna  ").unwrap().as_str(), "Anna");
        assert!(DisplayName::parse("   ").is_err());
    }

    #[test]
    fn title_and_body_errors_are_reported_together() {
        let DomainError::Invalid(errors) = validate_text("corto", "").unwrap_err() else { panic!() };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "body"]);
        assert!(validate_text("Un titolo abbastanza lungo", "Un corpo abbastanza lungo").is_ok());
    }

    type Parse = fn(&str) -> Result<(), DomainError>;

    /// Every value type, as a function of its raw text, with a valid sample.
    fn every_value() -> Vec<(&'static str, Parse, &'static str)> {
        vec![
            ("title", |t| Title::parse(t).map(drop), "Piste ciclabili in centro"),
            ("body", |t| Body::parse(t).map(drop), "Un corpo abbastanza lungo."),
            ("nickname", |t| Nickname::parse(t).map(drop), "mario_rossi"),
            ("display_name", |t| DisplayName::parse(t).map(drop), "Mario Rossi"),
            ("email", |t| Email::parse(t).map(drop), "mario@comune.it"),
            ("slug", |t| Slug::parse(t).map(drop), "bilancio-2026"),
            ("title", |t| SpaceTitle::parse(t).map(drop), "Bilancio partecipativo"),
            ("description", |t| Description::parse(t).map(drop), "Descrizione dello spazio"),
            ("summary", |t| Summary::parse_optional(Some(t)).map(drop), "Corretto un refuso"),
            ("rationale", |t| Rationale::parse(t).map(drop), "Serve a chiarire il testo."),
            ("reason", |t| StaffText::parse_field("reason", t).map(drop), "Fuori tema"),
            ("password", validate_password, "abbastanza-lunga"),
        ]
    }

    fn field_and_code(err: DomainError) -> (String, &'static str) {
        match err {
            DomainError::Invalid(errors) => (errors[0].field.clone(), errors[0].code.as_str()),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn every_value_refuses_nul() {
        for (field, parse, sample) in every_value() {
            assert!(parse(sample).is_ok(), "{field}: {sample} should be valid");
            let (middle, end) = (format!("{}\0{}", &sample[..3], &sample[3..]), format!("{sample}\0"));
            for bad in [middle, end] {
                let (at, code) = field_and_code(parse(&bad).unwrap_err());
                assert_eq!((at.as_str(), code), (field, "invalid_characters"), "{bad:?}");
            }
        }
        assert!(ensure_no_nul("q", "ricerca").is_ok());
        let (at, code) = field_and_code(ensure_no_nul("q", "a\0b").unwrap_err());
        assert_eq!((at.as_str(), code), ("q", "invalid_characters"));
    }

    #[test]
    fn invisible_only_titles_and_names_are_empty() {
        let invisible = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF} \u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}";
        assert_eq!(code(Title::parse(invisible).unwrap_err()), "too_short");
        assert_eq!(code(SpaceTitle::parse(invisible).unwrap_err()), "too_short");
        assert_eq!(code(DisplayName::parse(invisible).unwrap_err()), "too_short");
        assert_eq!(Summary::parse_optional(Some("\u{FEFF}\u{200B}")).unwrap(), None);
        assert_eq!(code(StaffText::parse_field("reason", "\u{200B}").unwrap_err()), "required");
        assert_eq!(
            Title::parse("\u{FEFF}Piste ciclabili in centro\u{200B} ").unwrap().as_str(),
            "Piste ciclabili in centro",
            "invisible characters at the ends are trimmed"
        );
    }

    #[test]
    fn one_line_fields_refuse_separators_and_controls() {
        for bad in ["\u{2028}", "\u{2029}", "\n", "\r", "\t", "\u{7}", "\u{7F}", "\u{85}", "\u{9B}"] {
            let title = format!("Piste ciclabili{bad}in centro");
            assert_eq!(code(Title::parse(&title).unwrap_err()), "invalid_characters", "title with {bad:?}");
            assert_eq!(code(SpaceTitle::parse(&title).unwrap_err()), "invalid_characters");
            assert_eq!(code(DisplayName::parse(&format!("Mario{bad}Rossi")).unwrap_err()), "invalid_characters");
            assert_eq!(code(Nickname::parse(&format!("mario{bad}rossi")).unwrap_err()), "invalid_characters");
            assert_eq!(code(Slug::parse(&format!("bilancio{bad}2026")).unwrap_err()), "invalid_characters");
            let summary = Summary::parse_optional(Some(&format!("Corretto{bad}refuso"))).unwrap_err();
            assert_eq!(code(summary), "invalid_characters");
            assert!(Email::parse(&format!("mario{bad}@comune.it")).is_err());
        }
        assert_eq!(code(Email::parse("mario\u{2028}@comune.it").unwrap_err()), "invalid_characters");
        assert_eq!(code(Email::parse("mario\u{85}@comune.it").unwrap_err()), "invalid_characters");
    }

    #[test]
    fn titles_and_names_refuse_direction_marks_and_need_a_visible_letter() {
        for bad in ['\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            let title = format!("Piste ciclabili{bad} in centro");
            assert_eq!(code(Title::parse(&title).unwrap_err()), "invalid_characters", "title with {bad:?}");
            assert_eq!(code(DisplayName::parse(&format!("Mario{bad} Rossi")).unwrap_err()), "invalid_characters");
            assert_eq!(code(SpaceTitle::parse(&title).unwrap_err()), "invalid_characters");
        }
        let blanks = ['\u{3164}', '\u{115F}', '\u{1160}', '\u{FFA0}', '\u{2800}', '\u{00AD}', '\u{E0041}', '\u{E007F}'];
        for blank in blanks {
            let only = blank.to_string().repeat(12);
            assert_eq!(code(Title::parse(&only).unwrap_err()), "too_short", "title of {blank:?}");
            assert_eq!(code(DisplayName::parse(&only).unwrap_err()), "too_short", "name of {blank:?}");
            let with_marks = format!("{blank}\u{0301}\u{FE0F}").repeat(6);
            assert!(Title::parse(&with_marks).is_err(), "title of {with_marks:?}");
            assert!(DisplayName::parse(&with_marks).is_err(), "name of {with_marks:?}");
            assert_eq!(DisplayName::parse(&format!("{blank} Mario Rossi {blank}")).unwrap().as_str(), "Mario Rossi");
        }
        assert_eq!(code(DisplayName::parse("\u{0301}\u{0301}\u{0301}").unwrap_err()), "too_short");
        assert_eq!(code(DisplayName::parse("...").unwrap_err()), "no_letters");
        assert_eq!(code(Title::parse("!!!!!!!!!!!!").unwrap_err()), "no_letters");
        assert_eq!(code(Title::parse("\u{3164}\u{0301}!!!!!!!!!!!!").unwrap_err()), "no_letters");
        assert!(DisplayName::parse("Zoë 🚲").is_ok() && DisplayName::parse("7").is_ok());
        assert!(Title::parse("Più alberi in via Saragozza").is_ok());
    }

    #[test]
    fn multi_line_texts_refuse_controls_but_keep_newlines_and_tabs() {
        for bad in ["\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}"] {
            let text = format!("Primo paragrafo{bad} e poi il resto.");
            assert_eq!(code(Body::parse(&text).unwrap_err()), "invalid_characters", "body with {bad:?}");
            assert_eq!(code(Rationale::parse(&text).unwrap_err()), "invalid_characters");
            assert_eq!(code(StaffText::parse_field("answer", &text).unwrap_err()), "invalid_characters");
            assert_eq!(code(Description::parse(&text).unwrap_err()), "invalid_characters");
        }
        assert_eq!(
            Body::parse("Primo paragrafo.\n\n\tSecondo paragrafo.").unwrap().as_str(),
            "Primo paragrafo.\n\n\tSecondo paragrafo."
        );
    }

    #[test]
    fn carriage_returns_become_line_feeds() {
        assert_eq!(
            Body::parse("Primo paragrafo.\r\n\r\nSecondo.\rTerzo.").unwrap().as_str(),
            "Primo paragrafo.\n\nSecondo.\nTerzo."
        );
        assert_eq!(Rationale::parse("Una riga\r\nun'altra").unwrap().as_str(), "Una riga\nun'altra");
        // Lengths count the normalised text: 21,001 characters sent, 14,001 kept.
        let long = "x\r\n".repeat(7_000) + "x";
        assert_eq!(Body::parse(&long).unwrap().as_str().chars().count(), 14_001);
    }

    #[test]
    fn direction_controls_are_refused_in_titles_and_names() {
        for bad in
            ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
        {
            let title = format!("Piste ciclabili {bad}in centro");
            assert_eq!(code(Title::parse(&title).unwrap_err()), "invalid_characters", "{bad:?}");
            assert_eq!(code(SpaceTitle::parse(&title).unwrap_err()), "invalid_characters");
            assert_eq!(code(DisplayName::parse(&format!("Mario {bad}Rossi")).unwrap_err()), "invalid_characters");
            assert_eq!(code(Nickname::parse(&format!("mario{bad}")).unwrap_err()), "invalid_characters");
        }
        assert!(
            Body::parse("Testo con \u{2067}isolamento\u{2069} in un corpo.").is_ok(),
            "bodies may quote other scripts"
        );
    }

    #[test]
    fn email_addresses_are_checked_strictly() {
        for good in [
            "anna@comune.it",
            "anna.bianchi+iscrizioni@comune.bologna.it",
            "a@b.co",
            "o'neil@città.it",
            "x_1@a-b.example",
        ] {
            assert!(Email::parse(good).is_ok(), "{good} should be accepted");
        }
        let long_local = format!("{}@comune.it", "a".repeat(65));
        let long_label = format!("anna@{}.it", "a".repeat(64));
        let too_long = format!("anna@{}.it", ["abcdefghij"; 25].join("."));
        for bad in [
            "anna@-comune.it",
            "anna@comune-.it",
            "anna@comune_x.it",
            "anna@comune.123",
            ".anna@comune.it",
            "anna.@comune.it",
            "an..na@comune.it",
            "anna(x)@comune.it",
            "anna@comune.it.",
            "anna@.comune.it",
            "anna@\u{200B}comune.it",
            "an\u{A0}na@comune.it",
            long_local.as_str(),
            long_label.as_str(),
            too_long.as_str(),
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(code(Email::parse("anna@comune").unwrap_err()), "invalid_format");
    }

    #[test]
    fn rationale_and_staff_texts() {
        assert_eq!(code(Rationale::parse("breve").unwrap_err()), "too_short");
        assert!(Rationale::parse("Serve a rendere il testo più chiaro.").is_ok());
        assert_eq!(code(StaffText::parse_field("reason", "   ").unwrap_err()), "required");
        assert_eq!(StaffText::parse_field("reason", " Fuori tema ").unwrap().as_str(), "Fuori tema");
    }
}
