//! The OpenAPI 3.1 document, generated from the handlers' annotations.
//!
//! The annotations say what is particular to an operation (its success
//! answers, and the errors only it gives). The errors every operation of a
//! kind can give (401 for a secured one, 404 for one with a path id, 400,
//! 413, 415 and 422 for one with a body, 429 for a rate-limited one, 500
//! and 503 for all that reach the database) come from the middleware and
//! extractors, not from the handler, so [`StandardResponses`] adds them by
//! walking the document: a new route gets them without anyone having to
//! remember.

use crate::route_table::RateClass;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ArrayItems, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr};
use utoipa::{Modify, OpenApi, PartialSchema};

/// The media type of every error answer.
pub const PROBLEM_JSON: &str = "application/problem+json";

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// What an operation is, as far as the errors it can give are concerned.
struct Kind {
    /// Under `/api/v1`: behind authentication, the NUL filter and the rate
    /// limiter.
    api: bool,
    /// Needs a signed-in caller.
    secured: bool,
    /// Has an id (or slug, or number) in its path.
    path_id: bool,
    /// Takes a JSON body.
    body: bool,
    /// Takes query parameters.
    query: bool,
    /// Counted by the rate limiter.
    rate_limited: bool,
    /// Reaches the database (or the blocking pool).
    database: bool,
}

impl Kind {
    fn of(path: &str, method: &str, operation: &Operation) -> Self {
        let api = path.starts_with("/api/v1/");
        let query = operation
            .parameters
            .iter()
            .flatten()
            .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query));
        Self {
            api,
            secured: operation.security.as_ref().is_some_and(|s| !s.is_empty()),
            path_id: path.contains('{'),
            body: operation.request_body.is_some(),
            query,
            rate_limited: api && RateClass::of(&method_of(method), operation) != RateClass::Free,
            database: path != "/healthz",
        }
    }
}

fn method_of(name: &str) -> actix_web::http::Method {
    name.to_ascii_uppercase().parse().unwrap_or(actix_web::http::Method::GET)
}

fn retry_after() -> utoipa::openapi::header::Header {
    HeaderBuilder::new().schema(i64::schema()).description(Some("Seconds to wait before trying again.")).build()
}

/// A problem+json answer with this description.
fn problem(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(PROBLEM_JSON, ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build())
        .build()
}

/// The standard description of an error status for an operation of this
/// kind; used where the annotation gives none.
fn default_description(status: &str, kind: &Kind) -> &'static str {
    match status {
        "400" => "The body is not JSON (`malformed_request`).",
        "401" if kind.secured => {
            "Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`)."
        }
        "401" => "A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously.",
        "403" => "The caller may not do this; `code` says why.",
        "404" => "Nothing there, or nothing the caller may see (`not_found`).",
        "409" => "The request conflicts with the current state; `code` says how.",
        "412" => "A precondition (`If-Match`) does not hold (`precondition_failed`).",
        "413" => "The body is over the size limit (`payload_too_large`).",
        "415" => "The body is not `application/json` (`unsupported_media_type`).",
        "422" => "One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each.",
        "429" => "Too many requests from this client (`rate_limited`); see `Retry-After`.",
        "500" => "A failure on the platform's side (`internal_error`); the log has the cause.",
        "503" => {
            "The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`."
        }
        _ => "An error; `code` says which.",
    }
}

/// Adds the error answers that come from the middleware and extractors,
/// gives every error answer the problem+json media type and a description,
/// and makes list pages refer to their item schema.
struct StandardResponses;

impl StandardResponses {
    fn operation(path: &str, method: &str, operation: &mut Operation) {
        let kind = Kind::of(path, method, operation);
        let mut wanted: Vec<&str> = Vec::new();
        if kind.api {
            // An invalid token is refused everywhere, even where none is needed.
            wanted.push("401");
            wanted.push("500");
        }
        if kind.body {
            wanted.extend(["400", "413", "415", "422"]);
        }
        // A NUL in the path or the query is refused with 422 before any
        // handler runs, and query parameters are checked.
        if kind.api && (kind.path_id || kind.query) {
            wanted.push("422");
        }
        if kind.path_id {
            wanted.push("404");
        }
        if kind.rate_limited {
            wanted.push("429");
        }
        if kind.database {
            wanted.push("503");
        }
        let responses = &mut operation.responses.responses;
        for status in wanted {
            responses.entry(status.to_owned()).or_insert_with(|| RefOr::T(problem(default_description(status, &kind))));
        }
        for (status, response) in responses.iter_mut() {
            let RefOr::T(response) = response else { continue };
            if status.parse::<u16>().is_ok_and(|s| s >= 400) {
                if response.description.trim().is_empty() {
                    response.description = default_description(status, &kind).to_owned();
                }
                let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
                response.content.clear();
                response.content.insert(PROBLEM_JSON.to_owned(), content);
                if matches!(status.as_str(), "429" | "503") {
                    response.headers.insert("Retry-After".into(), retry_after());
                }
            }
        }
    }

    /// `Page_<Item>` schemas refer to `<Item>` instead of repeating it, so
    /// a generated client has one item type, not one per list.
    fn pages(openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else { return };
        let pages: Vec<String> = components.schemas.keys().filter(|name| name.starts_with("Page_")).cloned().collect();
        for page in pages {
            let item = page.trim_start_matches("Page_").to_owned();
            let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(&page) else { continue };
            let Some(RefOr::T(Schema::Array(items))) = object.properties.get_mut("items") else { continue };
            let ArrayItems::RefOrSchema(inner) = &mut items.items else { continue };
            if let RefOr::T(inline) = inner.as_ref() {
                let inline = inline.clone();
                **inner = RefOr::Ref(Ref::from_schema_name(item.clone()));
                components.schemas.entry(item).or_insert(RefOr::T(inline));
            }
        }
    }
}

impl Modify for StandardResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let PathItem { get, put, post, delete, patch, head, options, trace, .. } = item;
            for (method, operation) in [
                ("get", get),
                ("put", put),
                ("post", post),
                ("delete", delete),
                ("patch", patch),
                ("head", head),
                ("options", options),
                ("trace", trace),
            ] {
                if let Some(operation) = operation.as_mut() {
                    Self::operation(path, method, operation);
                }
            }
        }
        Self::pages(openapi);
        // A known path with a method it does not take: not an operation,
        // so described once here for clients that want to handle it.
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut not_allowed = problem("The path exists but not with this method (`method_not_allowed`).");
        not_allowed.headers.insert(
            "Allow".into(),
            HeaderBuilder::new()
                .schema(String::schema())
                .description(Some("The methods the path accepts, e.g. `GET, HEAD, POST`."))
                .build(),
        );
        components.responses.insert("MethodNotAllowed".into(), RefOr::T(not_allowed));
    }
}

/// Descriptions come from doc comments, some of them on domain types
/// written for Rust readers: intra-doc links, `None`, files of the
/// project's notes. The document is read by integrators in other
/// languages, so this rewrites them into JSON terms (the types keep their
/// comments for the code's readers).
struct PlainDescriptions;

/// Whole sentences that only make sense in the code.
const REWRITES: &[(&str, &str)] = &[
    (
        "See [`SpaceSettings`].",
        "The setting of the same name in `SpaceSettings`; leave it out to keep the current value.",
    ),
    (", as PRODUCT.md lists them.", "."),
];

/// A description in JSON terms.
pub fn plain(text: &str) -> String {
    let mut text = text.to_owned();
    for (from, to) in REWRITES {
        text = text.replace(from, to);
    }
    text = text.replace(" == None`", "` is null").replace("`None`", "`null`").replace("`Some`", "present");
    // Intra-doc links: [`Name`] -> `Name`.
    while let Some(start) = text.find("[`") {
        let Some(end) = text[start..].find("`]").map(|e| start + e) else { break };
        let name = text[start + 2..end].rsplit("::").next().unwrap_or_default().to_owned();
        text.replace_range(start..end + 2, &format!("`{name}`"));
    }
    text
}

/// A parameter whose schema comes from a function (`schema_with`, e.g. the
/// cursor's) has its description in that schema; clients and generated
/// types read the parameter's own, so it is copied up.
fn lift_parameter_description(fields: &mut serde_json::Map<String, serde_json::Value>) {
    if !fields.contains_key("in") || !fields.contains_key("name") || fields.contains_key("description") {
        return;
    }
    if let Some(text) = fields.get("schema").and_then(|schema| schema.get("description")).cloned() {
        fields.insert("description".into(), text);
    }
}

fn plain_descriptions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            lift_parameter_description(fields);
            for (key, item) in fields.iter_mut() {
                match item {
                    serde_json::Value::String(text) if key == "description" => *text = plain(text),
                    _ => plain_descriptions(item),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(plain_descriptions),
        _ => {}
    }
}

impl Modify for PlainDescriptions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Ok(mut value) = serde_json::to_value(&*openapi) else { return };
        plain_descriptions(&mut value);
        if let Ok(cleaned) = serde_json::from_value(value) {
            *openapi = cleaned;
        }
    }
}

/// The ranges the domain applies to a space's numeric settings
/// (`SpaceSettings::validate`), shown on both settings schemas. The domain
/// types carry no schema attributes of their own, so they are added here;
/// a test checks them against the server's refusals.
const SETTING_RANGES: &[(&str, i64, i64)] = &[
    ("support_limit_per_user", 0, 10_000),
    ("support_threshold", 0, 10_000_000),
    ("max_reports_before_hiding", 1, 1_000),
    ("minimum_supports_per_user", 0, 10_000),
];

struct SettingLimits;

impl Modify for SettingLimits {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else { return };
        for name in ["SpaceSettings", "SettingsPatch"] {
            let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(name) else { continue };
            for (field, min, max) in SETTING_RANGES {
                if let Some(RefOr::T(Schema::Object(property))) = object.properties.get_mut(*field) {
                    property.minimum = Some((*min).into());
                    property.maximum = Some((*max).into());
                }
            }
        }
    }
}

/// Builds a text field's schema from its rule (`text_schema`).
type TextSchema = fn() -> utoipa::openapi::schema::Object;

/// The text rules of the domain types that the API sends and takes as they
/// are (their crates derive a plain schema): `(schema, property, rule)`.
/// The constraints come from the same rule the domain checks, and the
/// test of text constraints holds them to it like any other field.
const VIEW_TEXT_RULES: &[(&str, &str, TextSchema)] = &[
    ("Topic", "slug", crate::text_schema::slug),
    ("Topic", "name", crate::text_schema::space_title),
    ("Phase", "name", crate::text_schema::space_title),
];

struct ViewTextRules;

impl Modify for ViewTextRules {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else { return };
        for (name, field, schema) in VIEW_TEXT_RULES {
            let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(*name) else { continue };
            if let Some(property) = object.properties.get_mut(*field) {
                // The field's own words stay; the limits come with the rule.
                let mut ruled = schema();
                if let RefOr::T(Schema::Object(own)) = property {
                    ruled.description = own.description.take().or(ruled.description);
                }
                *property = RefOr::T(Schema::Object(ruled));
            }
        }
    }
}

/// The document's fixed parts: what the API is, and the schemas no
/// operation refers to by type. The operations come from the routes as
/// they are registered (`routes::document`).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Emenda API",
        description = "Civic participation: proposals as immutable versions, amendments, supports, comments and moderation.\n\n\
            Every error is `application/problem+json` (the `Problem` schema): branch on its `code`. \
            Invalid input is 422 `validation_failed` listing every field at fault in `errors`; only a body that is not JSON at all is 400 `malformed_request`. \
            A known path called with a method it does not take answers 405 `method_not_allowed` with an `Allow` header (the `MethodNotAllowed` response); an unknown path under `/api` answers 404 `not_found`.\n\n\
            Writes are rate-limited per user (or per address when anonymous); an operation whose `x-rate-limit` extension says `auth` or `expensive` is counted per address in that budget instead, and reads without it are not counted."
    ),
    components(schemas(crate::problem::Problem, crate::routes::reports::ModeratedKind))
)]
pub struct ApiDoc;

/// Finishes a document whose operations were collected: security scheme,
/// the standard error answers, the settings' ranges, plain descriptions.
pub fn finish(document: &mut utoipa::openapi::OpenApi) {
    for modifier in [&BearerAuth as &dyn Modify, &StandardResponses, &SettingLimits, &ViewTextRules, &PlainDescriptions]
    {
        modifier.modify(document);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_lose_their_rust() {
        assert_eq!(
            plain("The space; `None` for all. See [`crate::space::Slug`]."),
            "The space; `null` for all. See `Slug`."
        );
        assert_eq!(plain("See [`SpaceSettings`]."), REWRITES[0].1);
    }
}
