//! Input no database can store, refused before any handler runs: NUL.
//! PostgreSQL text cannot hold U+0000, so without this a NUL in a path,
//! a query or a JSON string became a 500 there and a stored value on
//! SQLite. One check here answers the same 422 on both backends, whatever
//! field or route it arrives through (the value types refuse NUL too).

use crate::problem::ApiError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::Next;
use actix_web::{web, ResponseError};
use emenda_domain::{ErrorCode, FieldCode};
use serde_json::Value;

/// `%00` is the only way a NUL reaches a path or a query string: a raw NUL
/// cannot appear in a request line.
fn has_encoded_nul(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

/// The JSON escape of NUL, in either case of hex digits (`\u0000`); a raw
/// NUL byte is not valid JSON and the JSON reader refuses it.
fn has_escaped_nul(body: &[u8]) -> bool {
    body.windows(6).any(|w| w[0] == b'\\' && w[1] == b'u' && w[2..].iter().all(|&b| b == b'0'))
}

/// The path of the first string (key or value) holding a NUL, as
/// `settings.title` or `items.2`.
fn nul_field(value: &Value, path: &str) -> Option<String> {
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match value {
        Value::String(text) if text.contains('\0') => {
            Some(if path.is_empty() { "body".to_owned() } else { path.to_owned() })
        }
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| nul_field(item, &join(&i.to_string()))),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            if key.contains('\0') {
                Some(join(&key.replace('\0', "")))
            } else {
                nul_field(item, &join(key))
            }
        }),
        _ => None,
    }
}

fn refusal(field: &str) -> ApiError {
    ApiError::invalid_field(field, FieldCode::InvalidCharacters, "must not contain the NUL character")
}

/// Middleware over every API route: refuses a NUL in the path, the query
/// string or a JSON body with 422 `validation_failed` naming the field.
pub async fn refuse_nul(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if has_encoded_nul(req.uri().path()) {
        return Ok(req.into_response(refusal("path").error_response()));
    }
    if has_encoded_nul(req.query_string()) {
        let name = req
            .query_string()
            .split('&')
            .find(|pair| has_encoded_nul(pair))
            .and_then(|pair| pair.split('=').next())
            .filter(|name| !has_encoded_nul(name))
            .unwrap_or("query")
            .to_owned();
        return Ok(req.into_response(refusal(&name).error_response()));
    }
    // Every type the JSON reader accepts (`application/json`, `text/json`,
    // `…+json`), so no JSON body reaches a handler unchecked.
    let is_json = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.to_str().is_ok_and(|t| t.to_ascii_lowercase().contains("json")));
    if is_json {
        // Read under the same limit as the JSON reader (`PayloadConfig` is
        // registered with `JSON_LIMIT_BYTES`); a body that cannot be read
        // whole is refused here, never passed on truncated or empty.
        let body = match req.extract::<web::Bytes>().await {
            Ok(body) => body,
            Err(error) => {
                let refusal = if error.as_error::<PayloadError>().is_some_and(crate::connections::is_body_timeout) {
                    crate::connections::body_timeout_error()
                } else {
                    ApiError::new(
                        ErrorCode::PayloadTooLarge,
                        format!("the request body is larger than {} bytes", crate::JSON_LIMIT_BYTES),
                    )
                };
                return Ok(req.into_response(refusal.error_response()));
            }
        };
        if has_escaped_nul(&body) {
            if let Some(field) = serde_json::from_slice::<Value>(&body).ok().and_then(|v| nul_field(&v, "")) {
                return Ok(req.into_response(refusal(&field).error_response()));
            }
        }
        req.set_payload(Payload::from(body));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_is_found_wherever_it_hides() {
        assert!(has_encoded_nul("/api/v1/spaces/%00") && has_encoded_nul("space=a%00b"));
        assert!(!has_encoded_nul("/api/v1/spaces/100") && !has_encoded_nul("limit=10&x=%20"));
        assert!(has_escaped_nul(br#"{"t":"a\u0000"}"#) && !has_escaped_nul(br#"{"t":"\u00e8"}"#));
        let body: Value = serde_json::from_str(r#"{"title":"ok","settings":{"x":["a","b\u0000"]}}"#).unwrap();
        assert_eq!(nul_field(&body, "").as_deref(), Some("settings.x.1"));
    }
}
