//! Turning malformed requests into problem+json, and running service calls
//! off the async executor.
//!
//! Bodies and query strings are read with [`Body`] and [`Query`] rather
//! than actix's `Json` and `Query`: those stop at the first field serde
//! trips on and describe it in serde's words. These check the whole input
//! against the OpenAPI schema of the target type first, so one mistake
//! has one shape wherever it is made: 422 `validation_failed` listing every
//! field at fault with a stable code (`required`, `malformed`,
//! `invalid_choice`, `out_of_range`), and the document cannot promise a
//! rule the server does not apply. Only a body that is not JSON at all is
//! 400 `malformed_request`.

use crate::problem::{ApiError, ApiResult, ProblemField};
use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{web, FromRequest, HttpRequest};
use emenda_domain::reference::ProposalKey;
use emenda_domain::{DomainError, ErrorCode, FieldCode};
use emenda_service::ServiceResult;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::future::Future;
use std::pin::Pin;
use utoipa::openapi::path::ParameterIn;
use utoipa::{IntoParams, ToSchema};

/// Runs a (blocking, database-bound) service call on the blocking pool.
pub async fn blocking<T, F>(work: F) -> ApiResult<T>
where
    F: FnOnce() -> ServiceResult<T> + Send + 'static,
    T: Send + 'static,
{
    Ok(web::block(work).await??)
}

fn json_error(error: JsonPayloadError) -> ApiError {
    match error {
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            ApiError::new(ErrorCode::PayloadTooLarge, format!("the request body is larger than {limit} bytes"))
        }
        JsonPayloadError::ContentType => {
            ApiError::new(ErrorCode::UnsupportedMediaType, "send the body as application/json")
        }
        JsonPayloadError::Payload(error) if crate::connections::is_body_timeout(&error) => {
            crate::connections::body_timeout_error()
        }
        // Bodies are read as any JSON value first (see [`Body`]), so what
        // is left here is a body that is not JSON at all, or one that
        // ended early. serde's own words stay out of the answer.
        _ => ApiError::new(ErrorCode::MalformedRequest, "the body is not valid JSON"),
    }
}

/// JSON bodies: size limit and problem+json errors.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().limit(crate::JSON_LIMIT_BYTES).error_handler(|error, _| json_error(error).into())
}

/// Query strings read with actix's own extractor (none are, today): the
/// same 422 shape as [`Query`], without serde's text.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|_: QueryPayloadError, _| {
        ApiError::invalid_field("query", FieldCode::Malformed, "a query parameter has a value this list does not take")
            .into()
    })
}

/// A `proposal` query parameter (a proposal's UUID or reference code), as
/// the lists filtered by proposal take it: malformed is a 422 naming it.
pub fn proposal_param(value: Option<&str>) -> Result<Option<ProposalKey>, ApiError> {
    value
        .map(|p| {
            ProposalKey::parse(p).ok_or_else(|| {
                ApiError::invalid_field("proposal", FieldCode::InvalidFormat, "a proposal's UUID or reference code")
            })
        })
        .transpose()
}

/// Path segments: a malformed id is simply not found.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|_: PathError, _| ApiError::new(ErrorCode::NotFound, "no such resource").into())
}

/// The proposal a path names in its `{id}` segment (a UUID or a reference
/// code), parsed once where it comes in so that services take a typed key.
/// A segment that can be neither names no proposal: 404, like one that
/// names a proposal that does not exist.
#[derive(Debug, Clone)]
pub struct ProposalPath(pub ProposalKey);

impl std::ops::Deref for ProposalPath {
    type Target = ProposalKey;

    fn deref(&self) -> &ProposalKey {
        &self.0
    }
}

impl FromRequest for ProposalPath {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = req.match_info().get("id").and_then(ProposalKey::parse);
        std::future::ready(key.map(ProposalPath).ok_or_else(|| DomainError::not_found("proposal").into()))
    }
}

/// A JSON request body checked against the OpenAPI schema of `T` before
/// it is deserialized, so every missing or mistyped field is reported at
/// once.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<T> Body<T> {
    /// The body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + ToSchema + 'static> FromRequest for Body<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // Any JSON value: content type, size and syntax are checked here
        // (with the errors of `json_config`); the shape is checked below.
        let json = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
            Ok(Body(body_from_value::<T>(value)?))
        })
    }
}

/// Checks a JSON value against `T`'s schema, then deserializes it.
pub fn body_from_value<T: DeserializeOwned + ToSchema>(value: Value) -> Result<T, ApiError> {
    let mut components = Vec::new();
    T::schemas(&mut components);
    let definitions: Map<String, Value> = components
        .into_iter()
        .filter_map(|(name, schema)| serde_json::to_value(schema).ok().map(|s| (name, s)))
        .collect();
    let schema = serde_json::to_value(T::schema()).unwrap_or(Value::Null);
    let mut errors = Vec::new();
    if !value.is_object() && schema.get("type").and_then(Value::as_str) == Some("object") {
        errors.push(field_error("body", FieldCode::Malformed, "must be a JSON object"));
    } else {
        check(&schema, &value, "", &definitions, &mut errors, 0);
    }
    // Lengths alone are the domain's to report: it checks every field's
    // format and characters too, so it answers with the complete list.
    // With a shape error the domain is never reached, so they go along.
    let only_lengths = errors.iter().all(|e| matches!(e.code, FieldCode::TooShort | FieldCode::TooLong));
    if !errors.is_empty() && !only_lengths {
        return Err(ApiError::invalid_fields(errors));
    }
    serde_json::from_value(value).map_err(|e| unexpected_shape(&e.to_string(), "body"))
}

/// The rare input the schema lets through and serde still refuses: named
/// as well as serde's message allows, described in our words.
fn unexpected_shape(message: &str, fallback: &str) -> ApiError {
    let field = match missing_or_unknown_field(message) {
        named if !named.is_empty() => named,
        _ => fallback.to_owned(),
    };
    ApiError::invalid_field(&field, FieldCode::Malformed, "has a value of the wrong type or shape")
}

/// Picks the field name out of serde's messages (`missing field `title``,
/// `unknown field `x``) so the client can point at it.
fn missing_or_unknown_field(message: &str) -> String {
    for marker in ["missing field `", "unknown field `"] {
        if let Some(rest) = message.split(marker).nth(1) {
            return rest.split('`').next().unwrap_or_default().to_owned();
        }
    }
    String::new()
}

fn field_error(field: &str, code: FieldCode, message: impl Into<String>) -> ProblemField {
    ProblemField { field: if field.is_empty() { "body".into() } else { field.into() }, code, message: message.into() }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The JSON types a schema allows (`type` as a string or a list).
fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_type(value: &Value, kind: &str) -> bool {
    match kind {
        "null" => value.is_null(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        _ => true,
    }
}

fn type_message(types: &[&str]) -> String {
    let names: Vec<&str> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "string" => "a string",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "object" => "an object",
            "array" => "a list",
            other => other,
        })
        .collect();
    format!("must be {}", names.join(" or "))
}

fn choice_message(choices: &[Value]) -> String {
    let names: Vec<String> = choices.iter().filter_map(Value::as_str).map(str::to_owned).collect();
    format!("use one of: {}", names.join(", "))
}

/// The bounds of an integer: the schema's `minimum`/`maximum`, else those
/// of its format.
fn bounds(schema: &Value) -> (Option<i64>, Option<i64>) {
    let (format_min, format_max) = match schema.get("format").and_then(Value::as_str) {
        Some("int32") => (Some(i64::from(i32::MIN)), Some(i64::from(i32::MAX))),
        _ => (None, None),
    };
    let min = schema.get("minimum").and_then(Value::as_i64).or(format_min);
    let max = schema.get("maximum").and_then(Value::as_i64).or(format_max);
    (min, max)
}

fn range_message(min: Option<i64>, max: Option<i64>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("must be between {min} and {max}"),
        (Some(min), None) => format!("must be at least {min}"),
        (None, Some(max)) => format!("must be at most {max}"),
        (None, None) => "is out of range".into(),
    }
}

/// Checks `value` against a schema (as JSON), adding one error per field at
/// fault. Formats and characters are left to the domain's value types,
/// which check lengths again with the same limits and say more.
fn check(
    schema: &Value,
    value: &Value,
    path: &str,
    definitions: &Map<String, Value>,
    errors: &mut Vec<ProblemField>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or_default();
        if let Some(target) = definitions.get(name) {
            check(target, value, path, definitions, errors, depth + 1);
        }
        return;
    }
    for composite in ["oneOf", "anyOf"] {
        if let Some(Value::Array(alternatives)) = schema.get(composite) {
            let fitting: Vec<Vec<ProblemField>> = alternatives
                .iter()
                .map(|alternative| {
                    let mut found = Vec::new();
                    check(alternative, value, path, definitions, &mut found, depth + 1);
                    found
                })
                .collect();
            if fitting.iter().any(Vec::is_empty) {
                return;
            }
            // Explain against the one alternative that is not `null`, when
            // that is all there is (an optional field).
            let non_null: Vec<&Vec<ProblemField>> = alternatives
                .iter()
                .zip(&fitting)
                .filter(|(alternative, _)| types_of(alternative) != ["null"])
                .map(|(_, found)| found)
                .collect();
            match non_null.as_slice() {
                [only] => errors.extend(only.iter().cloned()),
                _ => errors.push(field_error(path, FieldCode::Malformed, "has a value of the wrong type or shape")),
            }
            return;
        }
    }
    if let Some(Value::Array(parts)) = schema.get("allOf") {
        for part in parts {
            check(part, value, path, definitions, errors, depth + 1);
        }
        return;
    }
    let types = types_of(schema);
    if !types.is_empty() && !types.iter().any(|t| has_type(value, t)) {
        errors.push(field_error(path, FieldCode::Malformed, type_message(&types)));
        return;
    }
    if value.is_null() {
        return;
    }
    if let Some(Value::Array(choices)) = schema.get("enum") {
        if !choices.contains(value) {
            errors.push(field_error(path, FieldCode::InvalidChoice, choice_message(choices)));
        }
        return;
    }
    match value {
        // An id that is not one: named here, since serde's own refusal
        // would not say which field it was.
        Value::String(text)
            if schema.get("format").and_then(Value::as_str) == Some("uuid") && uuid::Uuid::parse_str(text).is_err() =>
        {
            errors.push(field_error(path, FieldCode::InvalidFormat, "must be a UUID"));
        }
        // Lengths as the domain counts them (characters, trimmed), so a
        // body with a wrong type and a short title reports both at once.
        // A blank text is left to the domain, which may call it `required`.
        Value::String(text) if !text.trim().is_empty() => {
            let length = text.trim().chars().count();
            let limit = |key: &str| schema.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
            if let Some(min) = limit("minLength").filter(|min| length < *min) {
                errors.push(field_error(path, FieldCode::TooShort, format!("must be at least {min} characters")));
            } else if let Some(max) = limit("maxLength").filter(|max| length > *max) {
                errors.push(field_error(path, FieldCode::TooLong, format!("must be at most {max} characters")));
            }
        }
        Value::Number(number) if types.contains(&"integer") => {
            let (min, max) = bounds(schema);
            let n = number.as_i64();
            let below = matches!((n, min), (Some(n), Some(min)) if n < min);
            let above = match (n, max) {
                (Some(n), Some(max)) => n > max,
                (None, Some(_)) => true, // larger than any i64
                _ => false,
            };
            if below || above {
                errors.push(field_error(path, FieldCode::OutOfRange, range_message(min, max)));
            }
        }
        Value::Object(fields) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
            if let Some(Value::Array(required)) = schema.get("required") {
                for name in required.iter().filter_map(Value::as_str) {
                    if fields.get(name).is_none_or(Value::is_null) {
                        errors.push(field_error(&join(path, name), FieldCode::Required, "is required"));
                    }
                }
            }
            for (key, item) in fields {
                match properties.and_then(|p| p.get(key)) {
                    Some(property) => {
                        let required = schema
                            .get("required")
                            .and_then(Value::as_array)
                            .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(key)));
                        if !(required && item.is_null()) {
                            check(property, item, &join(path, key), definitions, errors, depth + 1);
                        }
                    }
                    None if closed => {
                        errors.push(field_error(
                            &join(path, key),
                            FieldCode::Malformed,
                            "is not a field of this request",
                        ));
                    }
                    None => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items").filter(|s| s.is_object()) {
                for (i, item) in items.iter().enumerate() {
                    check(item_schema, item, &join(path, &i.to_string()), definitions, errors, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// Query parameters checked against the `IntoParams` description of `T`
/// (the one the document shows) before they are deserialized, so every
/// bad parameter is reported at once with a stable code, each under its
/// own name. A parameter the route does not take is `malformed`, as a body
/// field the request does not take is: a misspelt `sate=accepted` must not
/// silently list everything.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    /// The parameters.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + IntoParams> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(query_from_str::<T>(req.query_string()).map(Query).map_err(Into::into))
    }
}

/// An optional value's schema without its `null` alternative (a query
/// parameter is either there or not, never null).
fn without_null(schema: &Value) -> &Value {
    ["oneOf", "anyOf"]
        .iter()
        .find_map(|composite| schema.get(composite).and_then(Value::as_array))
        .and_then(|alternatives| alternatives.iter().find(|a| types_of(a) != ["null"]))
        .unwrap_or(schema)
}

/// Checks a query string against `T`'s parameters, then deserializes it.
pub fn query_from_str<T: DeserializeOwned + IntoParams>(query: &str) -> Result<T, ApiError> {
    let pairs = web::Query::<Vec<(String, String)>>::from_query(query)
        .map_err(|_| ApiError::invalid_field("query", FieldCode::Malformed, "the query string is not well formed"))?
        .into_inner();
    let mut errors = Vec::new();
    let mut known = Vec::new();
    for parameter in T::into_params(|| Some(ParameterIn::Query)) {
        let Ok(parameter) = serde_json::to_value(&parameter) else { continue };
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
        let name = name.as_str();
        known.push(name.to_owned());
        let schema = parameter.get("schema").cloned().unwrap_or(Value::Null);
        let values: Vec<&str> = pairs.iter().filter(|(key, _)| key == name).map(|(_, v)| v.as_str()).collect();
        match values.as_slice() {
            [] => {
                if parameter.get("required") == Some(&Value::Bool(true)) {
                    errors.push(field_error(name, FieldCode::Required, "is required"));
                }
            }
            [one] => check_query_value(name, one, &schema, &mut errors),
            _ => errors.push(field_error(name, FieldCode::Malformed, "give this parameter once")),
        }
    }
    let mut unknown: Vec<&str> =
        pairs.iter().map(|(key, _)| key.as_str()).filter(|k| !known.iter().any(|n| n == k)).collect();
    unknown.sort_unstable();
    unknown.dedup();
    for name in unknown {
        errors.push(field_error(name, FieldCode::Malformed, "is not a parameter of this request"));
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid_fields(errors));
    }
    web::Query::<T>::from_query(query)
        .map(web::Query::into_inner)
        .map_err(|e| unexpected_shape(&e.to_string(), "query"))
}

/// One query value, by its schema: numbers must parse and be in range,
/// enumerations must name a value, UUIDs must parse.
fn check_query_value(name: &str, raw: &str, schema: &Value, errors: &mut Vec<ProblemField>) {
    let schema = without_null(schema);
    let types = types_of(schema);
    if types.contains(&"integer") {
        let Ok(n) = raw.trim().parse::<i64>() else {
            errors.push(field_error(name, FieldCode::Malformed, "must be a whole number"));
            return;
        };
        let (min, max) = bounds(schema);
        if min.is_some_and(|min| n < min) || max.is_some_and(|max| n > max) {
            errors.push(field_error(name, FieldCode::OutOfRange, range_message(min, max)));
        }
        return;
    }
    if types.contains(&"boolean") {
        if !matches!(raw, "true" | "false") {
            errors.push(field_error(name, FieldCode::Malformed, "must be true or false"));
        }
        return;
    }
    if let Some(Value::Array(choices)) = schema.get("enum") {
        if !choices.iter().any(|c| c.as_str() == Some(raw)) {
            errors.push(field_error(name, FieldCode::InvalidChoice, choice_message(choices)));
        }
        return;
    }
    if schema.get("format").and_then(Value::as_str) == Some("uuid") && uuid::Uuid::parse_str(raw).is_err() {
        errors.push(field_error(name, FieldCode::Malformed, "must be a UUID"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[test]
    fn field_names_are_found_in_serde_messages() {
        assert_eq!(missing_or_unknown_field("missing field `title` at line 1 column 2"), "title");
        assert_eq!(missing_or_unknown_field("unknown field `foo`, expected one of"), "foo");
        assert_eq!(missing_or_unknown_field("expected value at line 1 column 1"), "");
    }

    #[derive(Debug, Deserialize, ToSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        #[schema(minimum = 1)]
        count: i32,
        note: Option<String>,
    }

    fn codes(error: ApiError) -> Vec<(String, FieldCode)> {
        error.fields().iter().map(|f| (f.field.clone(), f.code)).collect()
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let error = body_from_value::<Sample>(json!({"note": 3, "extra": true})).unwrap_err();
        let mut found = codes(error);
        found.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            found,
            [
                ("count".into(), FieldCode::Required),
                ("extra".into(), FieldCode::Malformed),
                ("note".into(), FieldCode::Malformed),
                ("title".into(), FieldCode::Required),
            ]
        );
        let error = body_from_value::<Sample>(json!({"title": "x", "count": 0})).unwrap_err();
        assert_eq!(codes(error), [("count".into(), FieldCode::OutOfRange)]);
        let error = body_from_value::<Sample>(json!({"title": "x", "count": 1e12})).unwrap_err();
        assert_eq!(codes(error), [("count".into(), FieldCode::Malformed)]);
        assert!(body_from_value::<Sample>(json!({"title": "x", "count": 2, "note": null})).is_ok());
        let error = body_from_value::<Sample>(json!([1])).unwrap_err();
        assert_eq!(codes(error), [("body".into(), FieldCode::Malformed)]);
    }
}

/// A JSON body the client may leave out: an absent or empty body is
/// `T::default()`; a body that is sent is checked exactly like [`Body`].
#[derive(Debug)]
pub struct OptionalBody<T>(pub T);

impl<T> OptionalBody<T> {
    /// The body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + ToSchema + Default + 'static> FromRequest for OptionalBody<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let headers = req.headers();
        let length = headers.get(actix_web::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok());
        let chunked = headers.contains_key(actix_web::http::header::TRANSFER_ENCODING);
        if length == Some("0") || (length.is_none() && !chunked) {
            return Box::pin(std::future::ready(Ok(OptionalBody(T::default()))));
        }
        let body = Body::<T>::from_request(req, payload);
        Box::pin(async move { Ok(OptionalBody(body.await?.into_inner())) })
    }
}
