//! The schemas of text request fields, built from the domain's text rules
//! (`emenda_domain::text`): pattern, lengths and the description of the
//! limits all come from the rule the value type checks, so nothing is
//! copied by hand. Fields name one of these functions through
//! `#[schema(schema_with = …)]`; the request extractor and the OpenAPI
//! document both read the result. Each schema carries the rule's name in
//! `x-text-rule`, which `tests/tests/e2e/openapi.rs` uses to check the
//! document against the domain.

use emenda_domain::text::{self as rules, Alphabet, Lines, TextRule};
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

/// The extension naming the rule a text property is derived from.
pub const RULE_EXTENSION: &str = "x-text-rule";

/// Every rule a request field is bound to, by the name the document
/// carries in [`RULE_EXTENSION`].
pub const RULES: &[(&str, TextRule)] = &[
    ("title", rules::TITLE),
    ("body", rules::BODY),
    ("space_title", rules::SPACE_TITLE),
    ("description", rules::DESCRIPTION),
    ("display_name", rules::DISPLAY_NAME),
    ("nickname", rules::NICKNAME),
    ("slug", rules::SLUG),
    ("summary", rules::SUMMARY),
    ("rationale", rules::RATIONALE),
    ("staff_text", rules::STAFF_TEXT),
    ("staff_note", rules::STAFF_NOTE),
    ("comment_body", rules::COMMENT_BODY),
    ("report_details", rules::REPORT_DETAILS),
];

fn string_type(optional: bool) -> SchemaType {
    if optional {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::from(Type::String)
    }
}

fn limits(rule: &TextRule) -> String {
    let length = match rule.min {
        0 => format!("up to {} characters", thousands(rule.max)),
        min => format!("{} to {} characters once trimmed", thousands(min), thousands(rule.max)),
    };
    let mut parts = vec![length];
    parts.push(match rule.lines {
        Lines::One => "one line".into(),
        Lines::Many => "line breaks and tabs allowed, no other control character".into(),
    });
    if rule.refuses_bidi {
        parts.push("no direction marks or controls".into());
    }
    match rule.alphabet {
        Alphabet::Handle => parts.push("`a-z`, `0-9` and `_`, starting with a letter (stored lower-case)".into()),
        Alphabet::Slug => parts.push("`a-z`, `0-9` and single inner hyphens".into()),
        Alphabet::Any => {}
    }
    if rule.needs_letter {
        parts.push("at least one visible letter or digit".into());
    }
    parts.join("; ")
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn text(name: &str, what: &str, optional: bool) -> Object {
    let Some((_, rule)) = RULES.iter().find(|(known, _)| *known == name) else {
        return ObjectBuilder::new().schema_type(string_type(optional)).build();
    };
    ObjectBuilder::new()
        .schema_type(string_type(optional))
        .description(Some(format!("{what}: {}.", limits(rule))))
        .pattern(Some(rule.pattern()))
        .min_length((rule.min > 0).then_some(rule.min))
        .max_length(Some(rule.max))
        .extensions(Some(ExtensionsBuilder::new().add(RULE_EXTENSION, name).build()))
        .build()
}

/// A proposal or amendment title.
pub fn title() -> Object {
    text("title", "Title", false)
}
/// A title that may be left out.
pub fn optional_title() -> Object {
    text("title", "Title", true)
}
/// A proposal or amendment body.
pub fn body() -> Object {
    text("body", "Text in Markdown", false)
}
/// A body that may be left out.
pub fn optional_body() -> Object {
    text("body", "Text in Markdown", true)
}
/// Why an amendment is needed.
pub fn rationale() -> Object {
    text("rationale", "Why the change is needed, in Markdown", false)
}
/// A space's title.
pub fn space_title() -> Object {
    text("space_title", "The space's title", false)
}
/// A space's title that may be left out.
pub fn optional_space_title() -> Object {
    text("space_title", "The space's title", true)
}
/// A space's description.
pub fn description() -> Object {
    text("description", "Description in Markdown", false)
}
/// A space's description that may be left out.
pub fn optional_description() -> Object {
    text("description", "Description in Markdown", true)
}
/// The name shown next to contributions.
pub fn display_name() -> Object {
    text("display_name", "Name shown next to contributions", false)
}
/// A public handle.
pub fn nickname() -> Object {
    text("nickname", "Public handle", false)
}
/// A space's URL name.
pub fn slug() -> Object {
    text("slug", "The space's URL name", false)
}
/// A slug that may be left out or `null` (a proposal's category or area).
pub fn optional_slug() -> Object {
    text("slug", "The slug of one of the space's categories or areas", true)
}
/// An edit summary.
pub fn summary() -> Object {
    text("summary", "What changed; blank means none", true)
}
/// A public text from staff.
pub fn staff_text() -> Object {
    text("staff_text", "Public text in Markdown", false)
}
/// An optional note from staff.
pub fn staff_note() -> Object {
    text("staff_note", "Note in Markdown; blank means none", true)
}
/// A comment.
pub fn comment_body() -> Object {
    text("comment_body", "Comment in Markdown", false)
}
/// A report's details.
pub fn report_details() -> Object {
    text("report_details", "What is wrong, in Markdown (required when the reason is `other`)", true)
}
/// An e-mail address (checked by its own rule; only its length here).
pub fn email() -> Object {
    ObjectBuilder::new()
        .schema_type(string_type(false))
        .description(Some(format!(
            "E-mail, used to sign in; never shown publicly. At most {} characters.",
            rules::EMAIL_MAX
        )))
        .max_length(Some(rules::EMAIL_MAX))
        .build()
}
/// A new password.
pub fn password() -> Object {
    let (min, max) = rules::PASSWORD_LENGTH;
    ObjectBuilder::new()
        .schema_type(string_type(false))
        .description(Some(format!("{min} to {max} characters.")))
        .min_length(Some(min))
        .max_length(Some(max))
        .build()
}
