//! The text rules, as data: for every kind of text a person types, which
//! characters it refuses, what is trimmed, how long it may be and whether it
//! must show a letter. The value types in [`crate::values`] check input
//! against these rules, and the API derives its OpenAPI constraints
//! (`pattern`, `minLength`, `maxLength`) from the very same data
//! ([`TextRule::pattern`]), so the document cannot promise anything the
//! server does not do.
//!
//! Order of the checks, each with its field code: NUL, then any refused
//! character anywhere in the raw text (`invalid_characters`); then blank
//! characters are trimmed from both ends (and marks with nothing to combine
//! with from the start); then the length in characters (`too_short`,
//! `too_long`); then the alphabet of handles (`invalid_characters`); then,
//! for titles and names, at least one visible letter or digit
//! (`no_letters`).
//!
//! The patterns are ECMA-262 regular expressions in Unicode mode (the `u`
//! flag, which `\p{…}` and `\u{…}` need), as JSON Schema validators run
//! them. They check the raw value; `minLength`/`maxLength` bound it too,
//! while the server counts after trimming, so a value with blank ends may
//! pass the schema's lengths and still be refused.

use crate::codes::FieldCode;
use crate::error::DomainError;
use std::sync::{Mutex, PoisonError};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// How many lines a text may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: every control character and U+2028/U+2029 are refused.
    One,
    /// Several lines: CRLF and CR become `\n`; controls other than `\n`,
    /// `\r` and `\t` are refused.
    Many,
}

/// Which characters a text may be made of, once trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// Any character the rule does not refuse.
    Any,
    /// A handle: `a-z` (any case, lower-cased when stored), `0-9` and `_`,
    /// starting with a letter.
    Handle,
    /// A URL name: `a-z`, `0-9` and single inner hyphens.
    Slug,
}

/// One kind of text: every check a value of that kind goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRule {
    /// Fewest characters once trimmed (0: may be empty).
    pub min: usize,
    /// Most characters once trimmed (and, for several lines, normalised).
    pub max: usize,
    /// One line or several.
    pub lines: Lines,
    /// Whether direction controls ([`is_bidi_control`]) are refused: they
    /// can make a name or a title read differently from what it is.
    pub refuses_bidi: bool,
    /// Which characters the trimmed text may hold.
    pub alphabet: Alphabet,
    /// Whether the text must hold a visible letter or digit
    /// ([`is_visible_letter_or_digit`]): a title or a name of dots, symbols
    /// or invisible characters names nothing.
    pub needs_letter: bool,
}

const fn free(min: usize, max: usize, lines: Lines, refuses_bidi: bool, needs_letter: bool) -> TextRule {
    TextRule { min, max, lines, refuses_bidi, alphabet: Alphabet::Any, needs_letter }
}

/// A proposal or amendment title.
pub const TITLE: TextRule = free(10, 150, Lines::One, true, true);
/// A proposal or amendment body (Markdown).
pub const BODY: TextRule = free(15, 20_000, Lines::Many, false, false);
/// A space's title.
pub const SPACE_TITLE: TextRule = free(3, 150, Lines::One, true, true);
/// A space's description (Markdown), possibly empty.
pub const DESCRIPTION: TextRule = free(0, 20_000, Lines::Many, false, false);
/// The name shown next to contributions.
pub const DISPLAY_NAME: TextRule = free(1, 60, Lines::One, true, true);
/// A public handle.
pub const NICKNAME: TextRule =
    TextRule { min: 3, max: 20, lines: Lines::One, refuses_bidi: true, alphabet: Alphabet::Handle, needs_letter: true };
/// A space's URL name.
pub const SLUG: TextRule =
    TextRule { min: 3, max: 60, lines: Lines::One, refuses_bidi: true, alphabet: Alphabet::Slug, needs_letter: false };
/// An edit summary; blank means none.
pub const SUMMARY: TextRule = free(0, 300, Lines::One, true, false);
/// Why an amendment is needed (Markdown).
pub const RATIONALE: TextRule = free(10, 2_000, Lines::Many, false, false);
/// A public reason or official text from staff (Markdown).
pub const STAFF_TEXT: TextRule = free(1, 20_000, Lines::Many, false, false);
/// A comment (Markdown).
pub const COMMENT_BODY: TextRule = free(1, 2_000, Lines::Many, false, false);
/// An optional note from staff (Markdown); blank means none.
pub const STAFF_NOTE: TextRule = free(0, 20_000, Lines::Many, false, false);
/// A report's details, possibly empty.
pub const REPORT_DETAILS: TextRule = free(0, 1_000, Lines::Many, false, false);

/// Passwords: 10 to 128 characters, anything but NUL. Length is what
/// resists guessing; composition rules only annoy people into worse ones.
pub const PASSWORD_LENGTH: (usize, usize) = (10, 128);
/// Longest e-mail address, in characters.
pub const EMAIL_MAX: usize = 254;
/// Longest search term, in characters.
pub const SEARCH_TERM_MAX: usize = 100;

/// Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt): no
/// crate of the unicode-rs family exposes it, and the list is small and
/// only grows into reserved ranges already listed here.
const DEFAULT_IGNORABLE: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFF8}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E0FFF}'),
];

/// Characters that take no space on screen, or show as a blank: every
/// default-ignorable code point (zero-width space and joiners, word joiner,
/// byte-order mark, soft hyphen, Hangul fillers U+115F, U+1160, U+3164,
/// U+FFA0, variation selectors, tag characters U+E0000–U+E007F…) and the
/// blank braille pattern U+2800. Trimmed like spaces.
pub fn is_invisible(c: char) -> bool {
    c == '\u{2800}' || DEFAULT_IGNORABLE.iter().any(|&(low, high)| (low..=high).contains(&c))
}

/// Bidirectional marks, embeddings, overrides and isolates: U+061C,
/// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whitespace or an invisible character: what trimming removes.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Whether a text is empty once trimmed: an optional text that is blank
/// counts as absent.
pub fn is_blank_text(text: &str) -> bool {
    text.chars().all(is_blank)
}

/// Characters that change how the character before them is drawn (emoji
/// and text presentation, glyph variants, the tags of a subdivision flag,
/// the joiner inside an emoji sequence): blank alone, part of what they
/// follow otherwise.
fn is_extender(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{E0020}'..='\u{E007F}' | '\u{200D}')
}

/// Trims blank characters from the end, but keeps extenders that belong
/// to a visible character before them: "Parco ❤️" keeps its emoji heart
/// (U+2764 U+FE0F), a flag keeps its tags, "Titolo \u{FE0F}" loses the
/// lone selector with the space.
fn trim_end_blank(text: &str) -> &str {
    let mut end = text.len();
    while let Some(c) = text[..end].chars().next_back() {
        if !is_blank(c) {
            break;
        }
        if is_extender(c) {
            let base = text[..end].chars().rev().find(|ch| !is_extender(*ch));
            if base.is_some_and(|b| !is_blank(b)) {
                break;
            }
        }
        end -= c.len_utf8();
    }
    &text[..end]
}

/// A combining mark (general category M): shown on the character before it.
pub fn is_mark(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// A letter or digit (general category L or N) that is not invisible: the
/// Hangul fillers are letters that show nothing.
pub fn is_visible_letter_or_digit(c: char) -> bool {
    matches!(c.general_category_group(), GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number)
        && !is_invisible(c)
}

impl TextRule {
    /// Whether the rule refuses `c` anywhere in a text.
    pub fn refuses(&self, c: char) -> bool {
        let control = match self.lines {
            Lines::One => c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'),
            Lines::Many => c.is_control() && !matches!(c, '\n' | '\r' | '\t'),
        };
        control || (self.refuses_bidi && is_bidi_control(c))
    }

    /// Validates `raw` for `field` and returns the text to store: trimmed,
    /// line endings normalised to `\n` for several lines.
    pub fn check(&self, field: &str, raw: &str) -> Result<String, DomainError> {
        ensure_no_nul(field, raw)?;
        if raw.chars().any(|c| self.refuses(c)) {
            let message = match self.lines {
                Lines::One if self.refuses_bidi => {
                    "must be a single line without control characters or direction controls"
                }
                Lines::One => "must be a single line without control characters",
                Lines::Many => "must not contain control characters (only line breaks and tabs are allowed)",
            };
            return Err(DomainError::invalid(field, FieldCode::InvalidCharacters, message));
        }
        let normalised;
        let text = match self.lines {
            Lines::One => raw,
            Lines::Many => {
                normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
                &normalised
            }
        };
        let text = self.trim(text);
        length_between(field, text, self.min, self.max)?;
        let alphabet_ok = match self.alphabet {
            Alphabet::Any => true,
            Alphabet::Handle => {
                text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            }
            Alphabet::Slug => {
                !text.starts_with('-')
                    && !text.ends_with('-')
                    && !text.contains("--")
                    && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            }
        };
        if !alphabet_ok {
            let message = match self.alphabet {
                Alphabet::Slug => "use a-z, 0-9 and single hyphens inside",
                _ => "use letters a-z, digits and _, starting with a letter",
            };
            return Err(DomainError::invalid(field, FieldCode::InvalidCharacters, message));
        }
        if self.needs_letter && !text.is_empty() && !text.chars().any(is_visible_letter_or_digit) {
            return Err(DomainError::invalid(field, FieldCode::NoLetters, "must contain a visible letter or digit"));
        }
        Ok(text.to_owned())
    }

    /// Removes blank characters from both ends and, in free text, marks at
    /// the start (nothing is there for them to combine with).
    fn trim<'a>(&self, text: &'a str) -> &'a str {
        let lone_marks = self.alphabet == Alphabet::Any;
        let start = text.trim_start_matches(|c: char| is_blank(c) || (lone_marks && is_mark(c)));
        // Handles and slugs take no emoji: every blank goes from their end.
        if lone_marks {
            trim_end_blank(start)
        } else {
            start.trim_end_matches(is_blank)
        }
    }

    /// The rule's characters as an ECMA-262 pattern (Unicode mode) over the
    /// raw value: the refused characters, the alphabet with blank ends, and
    /// for a required text something visible: a letter or digit where
    /// [`TextRule::needs_letter`], else a character that trimming keeps.
    pub fn pattern(&self) -> String {
        // Scanning every code point takes a while, and the document is
        // built on every request for it: each rule's pattern is kept.
        static PATTERNS: Mutex<Vec<(TextRule, String)>> = Mutex::new(Vec::new());
        let mut known = PATTERNS.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, pattern)) = known.iter().find(|(rule, _)| rule == self) {
            return pattern.clone();
        }
        let pattern = self.build_pattern();
        known.push((*self, pattern.clone()));
        pattern
    }

    fn build_pattern(&self) -> String {
        let allowed = class(true, |c| self.refuses(c), "");
        let blank_ends = class(false, |c| is_blank(c) && !self.refuses(c), "");
        match self.alphabet {
            Alphabet::Handle => format!("^{blank_ends}*[A-Za-z][A-Za-z0-9_]*{blank_ends}*$"),
            Alphabet::Slug => format!("^{blank_ends}*[a-z0-9]+(?:-[a-z0-9]+)*{blank_ends}*$"),
            Alphabet::Any if self.needs_letter => {
                let invisible = class(false, is_invisible, "");
                format!("^(?={allowed}*?(?!{invisible})[\\p{{L}}\\p{{N}}]){allowed}*$")
            }
            Alphabet::Any if self.min > 0 => {
                let kept = class(true, |c| self.refuses(c) || is_blank(c), "\\p{M}");
                format!("^(?={allowed}*?{kept}){allowed}*$")
            }
            Alphabet::Any => format!("^{allowed}*$"),
        }
    }
}

/// A bracket expression of every character matching `member` (negated when
/// `negate`), as ranges scanned from the predicate itself, plus `extra`.
fn class(negate: bool, member: impl Fn(char) -> bool, extra: &str) -> String {
    let mut out = String::from(if negate { "[^" } else { "[" });
    let mut start: Option<char> = None;
    let mut last = '\0';
    let push = |out: &mut String, low: char, high: char| {
        out.push_str(&escape(low));
        if high != low {
            if u32::from(high) > u32::from(low) + 1 {
                out.push('-');
            }
            out.push_str(&escape(high));
        }
    };
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        if member(c) {
            if start.is_none() {
                start = Some(c);
            }
            last = c;
        } else if let Some(low) = start.take() {
            push(&mut out, low, last);
        }
    }
    if let Some(low) = start {
        push(&mut out, low, last);
    }
    out.push_str(extra);
    out.push(']');
    out
}

/// HTML-escapes `text` (`&`, `<`, `>`, `"`, `'`) for element content and
/// attribute values: the server's pages and the platform's letters escape
/// alike, as the web app does.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn escape(c: char) -> String {
    let code = u32::from(c);
    if code > 0xFFFF {
        format!("\\u{{{code:X}}}")
    } else {
        format!("\\u{code:04X}")
    }
}

pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}

pub(crate) fn length_between(field: &str, text: &str, min: usize, max: usize) -> Result<(), DomainError> {
    let len = char_len(text);
    if len < min {
        Err(DomainError::invalid(field, FieldCode::TooShort, format!("must be at least {min} characters")))
    } else if len > max {
        Err(DomainError::invalid(field, FieldCode::TooLong, format!("must be at most {max} characters")))
    } else {
        Ok(())
    }
}

/// Refuses the NUL character (U+0000), which PostgreSQL text cannot hold, in
/// any input: the API calls this for path and query parameters, the value
/// types for every field, before anything reaches the database.
pub fn ensure_no_nul(field: &str, value: &str) -> Result<(), DomainError> {
    if value.contains('\0') {
        Err(DomainError::invalid(field, FieldCode::InvalidCharacters, "must not contain the NUL character"))
    } else {
        Ok(())
    }
}

/// The form under which two names count as the same to a reader: the
/// Unicode confusable skeleton (UTS #39) of the name without whitespace and
/// invisible characters, case-folded. `Ufficio\u{200B} Partecipazione`,
/// `UFFICIO PARTECIPAZIONE` and `Uffıcio Partecipazione` (dotless i) all
/// share the skeleton of `Ufficio Partecipazione`.
///
/// Skeleton and case folding are applied until nothing changes: a
/// prototype may be upper case (`0` maps to `O`) and a lower-case letter
/// may have a prototype of its own, so one pass of each is not enough to
/// make `0` and `o` meet.
pub fn name_skeleton(name: &str) -> String {
    let mut current: String = name.chars().filter(|&c| !is_blank(c)).collect::<String>().to_lowercase();
    for _ in 0..4 {
        let next: String = unicode_security::skeleton(&current).collect::<String>().to_lowercase();
        let next: String = next.chars().filter(|&c| !is_blank(c)).collect();
        if next == current {
            break;
        }
        current = next;
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_real_names_keep_what_they_are_made_of() {
        let title = |raw: &str| crate::values::Title::parse(raw).map(|t| t.into_inner());
        assert_eq!(title("Un parco per tutti ❤️").ok().as_deref(), Some("Un parco per tutti ❤️"));
        assert_eq!(title("Più alberi in città 🌳 ☀️").ok().as_deref(), Some("Più alberi in città 🌳 ☀️"));
        let flag = "Gemellaggio con la Scozia 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(title(flag).ok().as_deref(), Some(flag));
        assert_eq!(title("Titolo della proposta \u{FE0F}").ok().as_deref(), Some("Titolo della proposta"));
        for name in ["Nicolò Bianchi", "Nicolo\u{300} Bianchi", "Anna D'Angelo", "Anna D’Angelo", "Sant'Anna Pro Loco"]
        {
            assert!(crate::values::DisplayName::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn look_alike_names_share_a_skeleton() {
        let staff = name_skeleton("Ufficio Partecipazione");
        for alike in [
            "Ufficio\u{200B} Partecipazione",
            "Ufficio  Partecipazione",
            "UFFICIO PARTECIPAZIONE",
            "Uffıcio Partecipazione",
            "Ufficio Partecipazi0ne",
            "Uffici\u{043E} Partecipazione",
            "Ufficio\u{00AD}Partecipazione",
            "\u{FF35}fficio Partecipazione",
        ] {
            assert_eq!(name_skeleton(alike), staff, "{alike:?}");
        }
        for different in ["Ufficio Partecipazione Giovani", "Ufficio Protocollo", "Uffici Partecipazione"] {
            assert_ne!(name_skeleton(different), staff, "{different:?}");
        }
        assert_eq!(name_skeleton("mario_rossi"), name_skeleton("rnario_r0ssi"));
    }

    #[test]
    fn invisible_letters_are_not_visible() {
        for c in ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{2800}', '\u{00AD}', '\u{E0041}', '\u{FE0F}'] {
            assert!(is_invisible(c) && !is_visible_letter_or_digit(c), "{c:?}");
        }
        assert!(is_visible_letter_or_digit('à') && is_visible_letter_or_digit('7') && is_visible_letter_or_digit('名'));
        assert!(is_mark('\u{0301}') && !is_mark('a'));
    }
}

/// Every character the text rules name, and a few that must stay allowed:
/// what the rules, and the schema patterns derived from them, are tested
/// on, here and against the served API document.
pub const HOSTILE: &[char] = &[
    '\u{0}',
    '\u{1}',
    '\t',
    '\n',
    '\r',
    '\u{1B}',
    '\u{7F}',
    '\u{80}',
    '\u{85}',
    '\u{9F}',
    '\u{2028}',
    '\u{2029}',
    '\u{061C}',
    '\u{200E}',
    '\u{200F}',
    '\u{202A}',
    '\u{202B}',
    '\u{202C}',
    '\u{202D}',
    '\u{202E}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{2060}',
    '\u{FEFF}',
    '\u{115F}',
    '\u{1160}',
    '\u{3164}',
    '\u{FFA0}',
    '\u{2800}',
    '\u{00AD}',
    '\u{E0001}',
    '\u{E0041}',
    '\u{E007F}',
    '\u{FE0F}',
    '\u{E0100}',
    '\u{180B}',
    '\u{034F}',
    '\u{0301}',
    '\u{0489}',
    '\u{20DD}',
    ' ',
    '\u{A0}',
    '\u{3000}',
    '.',
    '!',
    '-',
    '_',
    '😀',
    'à',
    'Z',
    '7',
    '\u{24B6}',
    '\u{0660}',
];

/// Samples for a rule: each [`HOSTILE`] character alone, repeated, at the
/// ends of and inside a valid text, with combining marks, and several of
/// them together.
pub fn samples(rule: &TextRule) -> Vec<String> {
    let base = match rule.alphabet {
        Alphabet::Handle => "mario_rossi".to_owned(),
        Alphabet::Slug => "bilancio-2026".to_owned(),
        Alphabet::Any => "Piste ciclabili in centro".chars().cycle().take(rule.min.max(25)).collect(),
    };
    let mut out = vec![base.clone(), String::new(), "a".repeat(rule.min.max(1))];
    for &c in HOSTILE {
        let (head, tail) = base.split_at(base.len() / 2);
        out.push(c.to_string().repeat(rule.min.max(3)));
        out.push(format!("{c}{base}"));
        out.push(format!("{base}{c}"));
        out.push(format!("{head}{c}{tail}"));
        out.push(format!("{c}\u{0301}{c}").repeat(rule.min.max(3)));
        out.push(format!("{c}\u{0301}").repeat(rule.min.max(3)));
    }
    out.push("\u{3164}\u{2800}\u{00AD}\u{E0041}\u{0301}".repeat(rule.min.max(3)));
    out.push(".!-".repeat(rule.min.max(3)));
    out
}

#[cfg(test)]
mod pattern_tests {
    use super::*;

    pub(crate) fn all_rules() -> Vec<(&'static str, TextRule)> {
        vec![
            ("title", TITLE),
            ("body", BODY),
            ("space title", SPACE_TITLE),
            ("description", DESCRIPTION),
            ("display name", DISPLAY_NAME),
            ("nickname", NICKNAME),
            ("slug", SLUG),
            ("summary", SUMMARY),
            ("rationale", RATIONALE),
            ("staff text", STAFF_TEXT),
            ("comment", COMMENT_BODY),
            ("report details", REPORT_DETAILS),
            ("staff note", STAFF_NOTE),
        ]
    }

    #[test]
    fn each_pattern_accepts_exactly_what_its_rule_accepts() {
        for (name, rule) in all_rules() {
            let pattern = rule.pattern();
            let regex = regress::Regex::with_flags(&pattern, "u").expect("an ECMA-262 pattern");
            for sample in samples(&rule) {
                let len = sample.chars().count();
                let schema = regex.find(&sample).is_some() && (rule.min..=rule.max).contains(&len);
                let domain = rule.check("f", &sample).is_ok();
                assert_eq!(schema, domain, "{name}: {sample:?} schema {schema}, domain {domain}");
            }
        }
    }
}
