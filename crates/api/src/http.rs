//! HTTP semantics shared by every route: entity tags and conditional
//! requests (RFC 9110 §8.8 and §13), a proposal's tagged representation
//! (every answer that returns a whole proposal carries its tag), the
//! answers for unknown paths and wrong methods, `HEAD`, and the caching
//! headers that keep tokens and personal data out of shared caches.

use crate::dto::proposal_read::ProposalRead;
use crate::problem::{ApiError, Problem};
use crate::route_table::RouteTable;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse};
use actix_web::http::header::ContentType;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, HttpResponseBuilder, ResponseError};
use emenda_domain::ErrorCode;
use emenda_participation::views::{Proposal, ProposalActions};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::future::Future;

/// One entity tag of a conditional header, e.g. `W/"v3-…"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityTag {
    /// `W/` was given: the tag only claims semantic equivalence.
    pub weak: bool,
    /// The opaque text between the quotes.
    pub opaque: String,
}

impl EntityTag {
    /// Parses one tag as sent in an `ETag` header (`"…"` or `W/"…"`).
    pub fn parse(text: &str) -> Option<Self> {
        match parse_list(text)? {
            Condition::Tags(mut tags) if tags.len() == 1 => tags.pop(),
            _ => None,
        }
    }
}

/// The value of an `If-Match` or `If-None-Match` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// `*`: any current representation.
    Any,
    /// A list of entity tags.
    Tags(Vec<EntityTag>),
}

impl Condition {
    /// Reads the header `name` (all its lines, as one list). `None` when
    /// absent, `Some(Err(()))` when it is not a valid entity-tag list.
    pub fn from_headers(headers: &HeaderMap, name: &header::HeaderName) -> Option<Result<Self, ()>> {
        let mut values = headers.get_all(name).peekable();
        values.peek()?;
        let mut joined = String::new();
        for value in values {
            let Ok(text) = value.to_str() else { return Some(Err(())) };
            if !joined.is_empty() {
                joined.push(',');
            }
            joined.push_str(text);
        }
        Some(parse_list(&joined).ok_or(()))
    }

    /// `If-None-Match` evaluation: weak comparison (RFC 9110 §13.1.2), so
    /// `W/"x"` matches `"x"`; `*` matches any existing representation.
    pub fn matches_weakly(&self, current: &EntityTag) -> bool {
        match self {
            Condition::Any => true,
            Condition::Tags(tags) => tags.iter().any(|t| t.opaque == current.opaque),
        }
    }

    /// `If-Match` evaluation: strong comparison (RFC 9110 §13.1.1), so a
    /// weak tag never matches.
    pub fn matches_strongly(&self, current: &EntityTag) -> bool {
        match self {
            Condition::Any => true,
            Condition::Tags(tags) => !current.weak && tags.iter().any(|t| !t.weak && t.opaque == current.opaque),
        }
    }
}

/// Parses `*` or `#entity-tag` (RFC 9110 §8.8.3, §13.1.1): a comma list
/// of `"opaque"` or `W/"opaque"`, empty elements allowed, at least one tag.
fn parse_list(text: &str) -> Option<Condition> {
    if text.trim() == "*" {
        return Some(Condition::Any);
    }
    let mut tags = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if rest.is_empty() {
            break;
        }
        let (weak, after) = match rest.strip_prefix("W/") {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let after = after.strip_prefix('"')?;
        let end = after.find('"')?;
        let opaque = &after[..end];
        // etagc = %x21 / %x23-7E / obs-text
        if !opaque.chars().all(|c| c == '\x21' || ('\x23'..='\x7e').contains(&c) || !c.is_ascii()) {
            return None;
        }
        tags.push(EntityTag { weak, opaque: opaque.to_owned() });
        rest = after[end + 1..].trim_start_matches([' ', '\t']);
        if !(rest.is_empty() || rest.starts_with(',')) {
            return None;
        }
    }
    (!tags.is_empty()).then_some(Condition::Tags(tags))
}

/// Whether the client's `If-None-Match` names `current`: the answer is then
/// 304 without a body. Weak comparison (RFC 9110 §13.1.2); a malformed
/// header is ignored, since the full answer is always safe.
pub fn still_fresh(headers: &HeaderMap, current: &EntityTag) -> bool {
    Condition::from_headers(headers, &header::IF_NONE_MATCH)
        .and_then(Result::ok)
        .is_some_and(|condition| condition.matches_weakly(current))
}

/// A representation serialized once, with a strong entity tag derived from
/// exactly those bytes: `"<prefix>-<first 128 bits of SHA-256 of the
/// JSON>"`. Hashing the very bytes sent as the body means the tag changes
/// whenever any field does, cannot drift as fields are added, and costs no
/// second serialization.
pub struct TaggedJson {
    /// The entity tag of `body`.
    pub tag: EntityTag,
    /// The JSON body.
    pub body: Vec<u8>,
}

/// Serializes `representation` and tags the bytes (see [`TaggedJson`]).
pub fn tagged_json<T: Serialize>(prefix: &str, representation: &T) -> TaggedJson {
    let body = serde_json::to_vec(representation).unwrap_or_default();
    TaggedJson { tag: content_tag(prefix, &body), body }
}

/// The strong entity tag of exactly these bytes: `"<prefix>-<first 128
/// bits of their SHA-256>"`. Equal bytes, equal tag, on every instance.
pub fn content_tag(prefix: &str, bytes: &[u8]) -> EntityTag {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    EntityTag { weak: false, opaque: format!("{prefix}-{hex}") }
}

impl std::fmt::Display for EntityTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.weak {
            f.write_str("W/")?;
        }
        write!(f, "\"{}\"", self.opaque)
    }
}

/// A proposal's JSON and its entity tag: strong, `"v<current
/// version>-<hash of the representation>"`. Hashing the representation
/// itself means the tag changes whenever anything shown changes (state,
/// text, answer, authors, counters, amendment counts, hidden, the reader's
/// own support, …) and cannot fall behind when fields are added; the
/// version number in front is what an edit's `If-Match` is checked against
/// ([`version_from_etag`]).
///
/// Everything but `actions` is hashed: they are not the proposal's data but
/// advice on this caller's writes, worked out on every read from the data
/// the tag covers and the caller's standing, and a signed-in caller gets
/// them with `no-store`, so no cache keeps them. Left out, they leave the
/// tag what every reader of the same data gets (an anonymous reader's
/// actions are all false): the tag an author's edit answers with is the
/// tag the next reader's `GET` gives.
pub fn tagged_proposal(proposal: Proposal) -> TaggedJson {
    tagged_read(ProposalRead { proposal, included: None })
}

/// [`tagged_proposal`] for a proposal read with its first lists: the lists
/// are part of that representation, so of its tag too. Such a tag names the
/// read with those lists; `If-Match` compares the tag of the proposal
/// alone (the one `GET /proposals/{id}` and every edit answer with).
pub fn tagged_read(mut read: ProposalRead) -> TaggedJson {
    let prefix = format!("v{}", read.proposal.current_version);
    let body = serde_json::to_vec(&read).unwrap_or_default();
    if read.proposal.actions == ProposalActions::default() {
        return TaggedJson { tag: content_tag(&prefix, &body), body };
    }
    read.proposal.actions = ProposalActions::default();
    let tag = tagged_json(&prefix, &read).tag;
    TaggedJson { tag, body }
}

/// The version number a tag issued by [`tagged_proposal`] embeds; `None`
/// for weak tags (never usable with `If-Match`) and for tags of any other
/// shape.
pub fn version_from_etag(tag: &EntityTag) -> Option<i32> {
    if tag.weak {
        return None;
    }
    let (version, hash) = tag.opaque.strip_prefix('v')?.split_once('-')?;
    let well_formed = hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    well_formed.then(|| version.parse().ok()).flatten()
}

/// Answers with a proposal and its `ETag`.
pub fn with_proposal(mut response: HttpResponseBuilder, proposal: Proposal) -> HttpResponse {
    let tagged = tagged_proposal(proposal);
    response.insert_header((header::ETAG, tagged.tag.to_string())).content_type(ContentType::json()).body(tagged.body)
}

/// A 412 problem: an `If-Match` precondition did not hold. It carries the
/// current version and `ETag`, so the client can refetch and retry.
pub fn precondition_failed(detail: &str, current_version: Option<i32>, current: Option<&EntityTag>) -> HttpResponse {
    let status = StatusCode::PRECONDITION_FAILED;
    let problem = Problem {
        kind: "urn:emenda:problem:precondition_failed".into(),
        title: status.canonical_reason().unwrap_or("Precondition Failed").into(),
        status: status.as_u16(),
        detail: detail.into(),
        code: ErrorCode::PreconditionFailed,
        errors: None,
        current_version,
        conflicts: None,
    };
    let mut response = HttpResponse::build(status);
    response.content_type("application/problem+json");
    if let Some(tag) = current {
        response.insert_header((header::ETAG, tag.to_string()));
    }
    response.json(problem)
}

/// A 400 problem for an `If-Match` header that is not an entity-tag list.
pub fn malformed_if_match() -> ApiError {
    ApiError::new(ErrorCode::MalformedIfMatch, "If-Match must be `*` or a list of entity tags such as \"v3-…\"")
}

/// The answer for a request no route took: 405 with `Allow` when the path
/// exists under other methods, 404 otherwise; always problem+json.
pub fn no_route(routes: &RouteTable, path: &str) -> HttpResponse {
    let allowed = routes.allowed_methods(path);
    if allowed.is_empty() {
        return ApiError::new(ErrorCode::NotFound, "no such API resource").error_response();
    }
    let list = allowed.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
    let mut response =
        ApiError::new(ErrorCode::MethodNotAllowed, format!("this resource accepts {list}")).error_response();
    if let Ok(value) = HeaderValue::from_str(&list) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

/// Middleware: `HEAD` is served as `GET` (RFC 9110 §9.3.2: same headers,
/// no content). The connection still knows the request was `HEAD` and
/// sends no body.
pub fn head_as_get<S, B>(
    mut req: ServiceRequest,
    service: &S,
) -> impl Future<Output = Result<ServiceResponse<B>, actix_web::Error>>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    service.call(req)
}

/// True for responses that carry tokens or the caller's own data: the
/// sign-in endpoints, `/me`, and anything answered to a request that
/// carries credentials (what staff or a signed-in user sees may be
/// private to them).
fn is_private(req: &ServiceRequest) -> bool {
    let path = req.path();
    path.starts_with("/api/v1/auth/") || path == "/api/v1/me" || req.headers().contains_key(header::AUTHORIZATION)
}

/// Middleware for the API: `Cache-Control: no-store` on private responses,
/// `no-cache` (store, but revalidate with the `ETag`) on public ones, and
/// `Vary: Authorization` on all, since every API answer depends on the
/// caller's credentials (an invalid token is refused everywhere).
pub async fn cache_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let private = is_private(&req);
    // The request cannot be kept for an error outcome: routing needs it
    // unshared. Errors (only a refusal of the rate limiter) pass as they are.
    let mut response = next.call(req).await?.map_into_boxed_body();
    let headers = response.headers_mut();
    let cache_control = if private { "no-store" } else { "no-cache" };
    if private || !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    }
    vary_on(headers, "Authorization");
    Ok(response)
}

/// Adds `name` to the response's `Vary`, unless it (or `*`) is there: the
/// answer depends on that request header, so a cache must key on it.
pub fn vary_on(headers: &mut HeaderMap, name: &'static str) {
    let varies = headers
        .get_all(header::VARY)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|listed| listed.trim().eq_ignore_ascii_case(name) || listed.trim() == "*");
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(opaque: &str) -> EntityTag {
        EntityTag { weak: false, opaque: opaque.into() }
    }

    #[test]
    fn entity_tag_lists_parse_as_rfc_9110_says() {
        assert_eq!(parse_list("*"), Some(Condition::Any));
        assert_eq!(
            parse_list(" \"a\" , W/\"b\",,"),
            Some(Condition::Tags(vec![tag("a"), EntityTag { weak: true, opaque: "b".into() }]))
        );
        assert_eq!(parse_list("\"\""), Some(Condition::Tags(vec![tag("")])));
        for bad in ["", ",", "a", "\"a", "\"a\"b", "W/a", "\"a b\"", "\"a\" \"b\"", "*, \"a\""] {
            assert_eq!(parse_list(bad), None, "{bad}");
        }
    }

    #[test]
    fn weak_and_strong_comparison() {
        let current = tag("v3-abc");
        let weak = Condition::Tags(vec![EntityTag { weak: true, opaque: "v3-abc".into() }]);
        assert!(weak.matches_weakly(&current));
        assert!(!weak.matches_strongly(&current));
        let list = Condition::Tags(vec![tag("x"), tag("v3-abc")]);
        assert!(list.matches_strongly(&current) && list.matches_weakly(&current));
        assert!(!Condition::Tags(vec![tag("x")]).matches_weakly(&current));
        assert!(Condition::Any.matches_strongly(&current));
    }

    #[test]
    fn proposal_tags_carry_the_version() {
        let tag = |text: &str| EntityTag::parse(text).unwrap_or(EntityTag { weak: false, opaque: String::new() });
        assert_eq!(version_from_etag(&tag("\"v7-0123456789abcdef0123456789abcdef\"")), Some(7));
        assert_eq!(version_from_etag(&tag("W/\"v7-0123456789abcdef0123456789abcdef\"")), None);
        assert_eq!(version_from_etag(&tag("\"7.1732550000000000\"")), None);
        assert_eq!(version_from_etag(&tag("\"v3-abc\"")), None);
    }

    #[test]
    fn strong_tags_follow_the_representation() {
        let tagged = tagged_json("v1", &serde_json::json!({ "n": 1 }));
        assert_eq!(tagged.body, br#"{"n":1}"#);
        let a = tagged.tag;
        let b = tagged_json("v1", &serde_json::json!({ "n": 2 })).tag;
        assert_ne!(a, b);
        assert_eq!(a, tagged_json("v1", &serde_json::json!({ "n": 1 })).tag);
        assert!(a.to_string().starts_with("\"v1-") && a.opaque.len() == 3 + 32);
        assert_eq!(EntityTag::parse(&a.to_string()), Some(a));
    }
}
