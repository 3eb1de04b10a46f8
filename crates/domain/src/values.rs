//! Value types that can only hold valid values: once a `Title` exists it is
//! known to be trimmed and of an acceptable length, so no layer above has to
//! check again.

use crate::error::DomainError;

fn char_len(text: &str) -> usize {
    text.chars().count()
}

fn length_between(field: &str, text: &str, min: usize, max: usize) -> Result<(), DomainError> {
    let len = char_len(text);
    if len < min {
        Err(DomainError::invalid(field, "too_short", format!("must be at least {min} characters")))
    } else if len > max {
        Err(DomainError::invalid(field, "too_long", format!("must be at most {max} characters")))
    } else {
        Ok(())
    }
}

fn has_control_chars(text: &str, allow_newlines: bool) -> bool {
    text.chars().any(|c| c.is_control() && !(allow_newlines && matches!(c, '\n' | '\r' | '\t')))
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

impl Title {
    /// Validates a title for `field`.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between(field, text, 10, 150)?;
        if has_control_chars(text, false) {
            return Err(DomainError::invalid(
                field,
                "invalid_characters",
                "must be a single line without control characters",
            ));
        }
        Ok(Self(text.to_owned()))
    }

    /// Validates the `title` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::parse_field("title", raw)
    }
}

impl Body {
    /// Validates a body for `field`.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between(field, text, 15, 20_000)?;
        if has_control_chars(text, true) {
            return Err(DomainError::invalid(field, "invalid_characters", "must not contain control characters"));
        }
        Ok(Self(text.to_owned()))
    }

    /// Validates the `body` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::parse_field("body", raw)
    }
}

impl Nickname {
    /// Validates the `nickname` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim().to_lowercase();
        length_between("nickname", &text, 3, 20)?;
        let mut chars = text.chars();
        let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        let rest_ok = text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !starts_with_letter || !rest_ok {
            return Err(DomainError::invalid(
                "nickname",
                "invalid_characters",
                "use letters a-z, digits and _, starting with a letter",
            ));
        }
        Ok(Self(text))
    }
}

impl DisplayName {
    /// Validates the `display_name` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between("display_name", text, 1, 60)?;
        if has_control_chars(text, false) {
            return Err(DomainError::invalid("display_name", "invalid_characters", "must be a single line"));
        }
        Ok(Self(text.to_owned()))
    }
}

impl Email {
    /// Validates the `email` field: one `@`, a non-empty local part, a dotted
    /// domain, no spaces, at most 254 characters. Deliverability is not
    /// checked here.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim().to_lowercase();
        let invalid = || DomainError::invalid("email", "invalid_format", "is not a valid e-mail address");
        if text.len() > 254 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = text.split_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && domain.split('.').all(|label| !label.is_empty() && label.len() <= 63);
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(invalid());
        }
        Ok(Self(text))
    }
}

impl Slug {
    /// Validates the `slug` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between("slug", text, 3, 60)?;
        let chars_ok = text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !chars_ok || text.starts_with('-') || text.ends_with('-') || text.contains("--") {
            return Err(DomainError::invalid("slug", "invalid_characters", "use a-z, 0-9 and single hyphens inside"));
        }
        Ok(Self(text.to_owned()))
    }
}

impl SpaceTitle {
    /// Validates a space's `title` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between("title", text, 3, 150)?;
        if has_control_chars(text, false) {
            return Err(DomainError::invalid("title", "invalid_characters", "must be a single line"));
        }
        Ok(Self(text.to_owned()))
    }
}

impl Description {
    /// Validates a space's `description` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between("description", text, 0, 20_000)?;
        if has_control_chars(text, true) {
            return Err(DomainError::invalid(
                "description",
                "invalid_characters",
                "must not contain control characters",
            ));
        }
        Ok(Self(text.to_owned()))
    }
}

impl Summary {
    /// Validates an optional edit `summary`; blank means none.
    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, DomainError> {
        let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        length_between("summary", text, 1, 300)?;
        if has_control_chars(text, false) {
            return Err(DomainError::invalid("summary", "invalid_characters", "must be a single line"));
        }
        Ok(Some(Self(text.to_owned())))
    }
}

impl Rationale {
    /// Validates the `rationale` field.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        length_between("rationale", text, 10, 2_000)?;
        if has_control_chars(text, true) {
            return Err(DomainError::invalid("rationale", "invalid_characters", "must not contain control characters"));
        }
        Ok(Self(text.to_owned()))
    }
}

impl StaffText {
    /// Validates a required staff text (a rejection reason, an answer) for `field`.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(DomainError::invalid(field, "required", "is required and shown publicly"));
        }
        length_between(field, text, 1, 20_000)?;
        if has_control_chars(text, true) {
            return Err(DomainError::invalid(field, "invalid_characters", "must not contain control characters"));
        }
        Ok(Self(text.to_owned()))
    }
}

/// Validates a title and a body together, reporting the errors of both.
pub fn validate_text(title: &str, body: &str) -> Result<(Title, Body), DomainError> {
    match (Title::parse(title), Body::parse(body)) {
        (Ok(title), Ok(body)) => Ok((title, body)),
        (title, body) => {
            let errors = [title.err(), body.err()]
                .into_iter()
                .flatten()
                .flat_map(|e| match e {
                    DomainError::Invalid(fields) => fields,
                    _ => Vec::new(),
                })
                .collect();
            Err(DomainError::Invalid(errors))
        }
    }
}

/// Checks a new password: 10 to 128 characters. Length is what resists
/// guessing; composition rules only annoy people into worse passwords.
pub fn validate_password(raw: &str) -> Result<(), DomainError> {
    length_between("password", raw, 10, 128)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(err: DomainError) -> &'static str {
        match err {
            DomainError::Invalid(errors) => errors[0].code,
            other => other.code(),
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

    #[test]
    fn rationale_and_staff_texts() {
        assert_eq!(code(Rationale::parse("breve").unwrap_err()), "too_short");
        assert!(Rationale::parse("Serve a rendere il testo più chiaro.").is_ok());
        assert_eq!(code(StaffText::parse_field("reason", "   ").unwrap_err()), "required");
        assert_eq!(StaffText::parse_field("reason", " Fuori tema ").unwrap().as_str(), "Fuori tema");
    }
}
