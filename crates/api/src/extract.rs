//! Turning malformed requests into problem+json, and running service calls
//! off the async executor.

use crate::problem::{ApiError, ApiResult};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::web;
use emenda_domain::{ErrorCode, FieldCode};
use emenda_service::ServiceResult;

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
        JsonPayloadError::Deserialize(e) => {
            let field = missing_or_unknown_field(&e.to_string());
            let mut api = ApiError::invalid_field(&field, FieldCode::Malformed, e.to_string());
            if field.is_empty() {
                api = ApiError::new(ErrorCode::MalformedRequest, format!("the body is not valid: {e}"));
            }
            api
        }
        other => ApiError::new(ErrorCode::MalformedRequest, other.to_string()),
    }
}

/// Picks the field name out of serde's messages (`missing field `title``,
/// `unknown field `x``, `invalid type … for key `x``) so the client can
/// point at it.
fn missing_or_unknown_field(message: &str) -> String {
    for marker in ["missing field `", "unknown field `"] {
        if let Some(rest) = message.split(marker).nth(1) {
            return rest.split('`').next().unwrap_or_default().to_owned();
        }
    }
    String::new()
}

/// JSON bodies: size limit and problem+json errors.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().limit(crate::JSON_LIMIT_BYTES).error_handler(|error, _| json_error(error).into())
}

/// Query strings: problem+json errors.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|error: QueryPayloadError, _| {
        let message = error.to_string();
        let field = match missing_or_unknown_field(&message) {
            named if !named.is_empty() => named,
            _ => "query".to_owned(),
        };
        ApiError::invalid_field(&field, FieldCode::Malformed, "a query parameter has a value this list does not take")
            .into()
    })
}

/// Path segments: a malformed id is simply not found.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|error: PathError, _| {
        let _ = error;
        ApiError::new(ErrorCode::NotFound, "no such resource").into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_found_in_serde_messages() {
        assert_eq!(missing_or_unknown_field("missing field `title` at line 1 column 2"), "title");
        assert_eq!(missing_or_unknown_field("unknown field `foo`, expected one of"), "foo");
        assert_eq!(missing_or_unknown_field("expected value at line 1 column 1"), "");
    }
}
