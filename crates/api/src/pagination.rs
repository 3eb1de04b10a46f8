//! Cursor pagination: `?limit=` (1 to 100, default 20) and an opaque
//! `?cursor=` that the previous page returned as `next_cursor`.

use crate::problem::ApiError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use emenda_domain::FieldCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::ToSchema;

/// Default page size.
pub const DEFAULT_LIMIT: i64 = 20;
/// Largest page size.
pub const MAX_LIMIT: i64 = 100;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Checks `limit`.
pub fn limit(requested: Option<i64>) -> Result<i64, ApiError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => {
            Err(ApiError::invalid_field("limit", FieldCode::OutOfRange, format!("must be between 1 and {MAX_LIMIT}")))
        }
    }
}

/// Encodes a cursor: the position of the last item, as opaque text.
pub fn encode_cursor<C: Serialize>(position: &C) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(position).unwrap_or_default())
}

/// Decodes a cursor made by [`encode_cursor`].
pub fn decode_cursor<C: DeserializeOwned>(cursor: Option<&str>) -> Result<Option<C>, ApiError> {
    let Some(text) = cursor.filter(|c| !c.is_empty()) else { return Ok(None) };
    URL_SAFE_NO_PAD.decode(text).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).map(Some).ok_or_else(|| {
        ApiError::invalid_field("cursor", FieldCode::InvalidCursor, "use the next_cursor of a previous page")
    })
}

/// Builds a page from `limit + 1` fetched rows: the extra row only says
/// there is more.
pub fn page<R, T: ToSchema, C: Serialize>(
    mut rows: Vec<R>,
    limit: i64,
    position: impl Fn(&R) -> C,
    to_item: impl Fn(R) -> T,
) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = if more { rows.last().map(|r| encode_cursor(&position(r))) } else { None };
    Page { items: rows.into_iter().map(to_item).collect(), next_cursor }
}
