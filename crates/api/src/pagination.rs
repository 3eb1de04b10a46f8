//! Cursor pagination: `?limit=` (1 to 100, default 20) and an opaque
//! `?cursor=` that the previous page returned as `next_cursor`.
//!
//! A cursor is a keyset position, and a position only means something in
//! the list, sort and filters it came from: the id of the last `recent`
//! proposal is no place to resume a `most_supported` list. So every cursor
//! carries a fingerprint of its query ([`CursorScope`]) and is refused
//! (422 `invalid_cursor`) anywhere else.

use crate::problem::ApiError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use emenda_domain::FieldCode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};
use utoipa::ToSchema;

/// Default page size.
pub const DEFAULT_LIMIT: i64 = 20;
/// Largest page size.
pub const MAX_LIMIT: i64 = 100;

/// What a cursor is made of: unpadded URL-safe base64, as
/// [`CursorScope::encode`] writes it.
const CURSOR_PATTERN: &str = "^[A-Za-z0-9_-]*$";

/// The schema of every list's `cursor` parameter, declared once here
/// beside the encoding it describes (`#[param(schema_with = ...)]`).
pub fn cursor_schema() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .description(Some("`next_cursor` of the previous page, unchanged."))
        .pattern(Some(CURSOR_PATTERN))
        .build()
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
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

/// What a cursor is bound to: the list (its name and the resource it
/// belongs to), its sort and its filters. The page size is not part of it:
/// changing `limit` between pages is fine.
#[derive(Debug, Clone)]
pub struct CursorScope(String);

impl CursorScope {
    /// The scope of the list `name` (e.g. `proposals`).
    pub fn new(name: &str) -> Self {
        Self(name.to_owned())
    }

    /// Adds a query parameter (sort or filter) the positions depend on;
    /// absent filters count too (`null`).
    pub fn with<V: Serialize>(mut self, parameter: &str, value: &V) -> Self {
        let value = serde_json::to_string(value).unwrap_or_default();
        self.0.push('&');
        self.0.push_str(parameter);
        self.0.push('=');
        self.0.push_str(&value);
        self
    }

    /// A short fingerprint of the scope, carried inside the cursor.
    fn fingerprint(&self) -> String {
        Sha256::digest(self.0.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect()
    }

    /// Encodes a cursor: the position of the last item, bound to this scope.
    pub fn encode<C: Serialize>(&self, position: &C) -> String {
        let cursor = BoundCursor { q: self.fingerprint(), p: position };
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&cursor).unwrap_or_default())
    }

    /// Decodes a cursor made by [`CursorScope::encode`] for this same
    /// scope; a cursor of another list, sort or filter is `invalid_cursor`.
    pub fn decode<C: DeserializeOwned>(&self, cursor: Option<&str>) -> Result<Option<C>, ApiError> {
        let Some(text) = cursor.filter(|c| !c.is_empty()) else { return Ok(None) };
        let cursor: BoundCursor<C> = URL_SAFE_NO_PAD
            .decode(text)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or_else(|| invalid_cursor("use the next_cursor of a previous page"))?;
        if cursor.q != self.fingerprint() {
            return Err(invalid_cursor(
                "this cursor belongs to another list, sort or filter; send the same query as for the previous page",
            ));
        }
        Ok(Some(cursor.p))
    }
}

#[derive(Serialize, Deserialize)]
struct BoundCursor<C> {
    /// Fingerprint of the scope.
    q: String,
    /// Position.
    p: C,
}

fn invalid_cursor(message: &str) -> ApiError {
    ApiError::invalid_field("cursor", FieldCode::InvalidCursor, message)
}

impl<T> Page<T> {
    /// The same page with each item shown another way (an API projection
    /// of a view, where the wire shape differs).
    pub fn map<U>(self, to_item: impl Fn(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(to_item).collect(), next_cursor: self.next_cursor }
    }
}

/// Builds a page from `limit + 1` fetched rows: the extra row only says
/// there is more.
pub fn page<T, C: Serialize>(mut rows: Vec<T>, limit: i64, scope: &CursorScope, position: impl Fn(&T) -> C) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = if more { rows.last().map(|r| scope.encode(&position(r))) } else { None };
    Page { items: rows, next_cursor }
}

/// Like [`page`], for items whose size varies by orders of magnitude (an
/// audit entry may carry a 20,000-character reason): the page also ends
/// once the items' `size` adds up to `budget` bytes, so a response stays
/// bounded by bytes as well as by count. The item that crosses the budget
/// is kept, so every page holds at least one and paging always advances.
pub fn page_within<T, C: Serialize>(
    mut rows: Vec<T>,
    limit: i64,
    budget: usize,
    size: impl Fn(&T) -> usize,
    scope: &CursorScope,
    position: impl Fn(&T) -> C,
) -> Page<T> {
    let mut used = 0;
    let within = rows
        .iter()
        .position(|row| {
            let over = used >= budget;
            used += size(row);
            over
        })
        .unwrap_or(rows.len());
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > within.min(limit);
    rows.truncate(within.min(limit));
    let next_cursor = if more { rows.last().map(|r| scope.encode(&position(r))) } else { None };
    Page { items: rows, next_cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_end_at_their_byte_budget_and_always_advance() {
        let scope = CursorScope::new("sizes");
        let sized = |sizes: &[usize], budget| {
            let rows: Vec<(usize, usize)> = sizes.iter().copied().enumerate().collect();
            let page = page_within(rows, 100, budget, |r| r.1, &scope, |r| r.0).map(|r| r.0 as i64);
            (page.items, page.next_cursor.is_some())
        };
        assert_eq!(sized(&[10, 10, 10], 100), (vec![0, 1, 2], false));
        assert_eq!(sized(&[60, 60, 60], 100), (vec![0, 1], true), "the item crossing the budget is the last");
        assert_eq!(sized(&[500, 1], 100), (vec![0], true), "one oversized item still makes a page");
        let rows: Vec<(usize, usize)> = (0..5).map(|i| (i, 1)).collect();
        let page = page_within(rows, 3, 100, |r| r.1, &scope, |r| r.0).map(|r| r.0 as i64);
        assert_eq!((page.items, page.next_cursor.is_some()), (vec![0, 1, 2], true), "the count still bounds a page");
    }

    #[test]
    fn cursors_only_work_in_their_scope() {
        let recent = CursorScope::new("proposals").with("sort", &"recent").with("space", &None::<String>);
        let supported = CursorScope::new("proposals").with("sort", &"most_supported").with("space", &None::<String>);
        let cursor = recent.encode(&7_i32);
        assert_eq!(recent.decode::<i32>(Some(&cursor)).ok().flatten(), Some(7));
        assert!(supported.decode::<i32>(Some(&cursor)).is_err());
        assert!(recent.decode::<i32>(Some("not a cursor")).is_err());
        assert!(recent.decode::<i32>(None).is_ok_and(|c| c.is_none()));
    }

    #[test]
    fn the_documented_pattern_holds_every_cursor() {
        let scope = CursorScope::new("proposals").with("sort", &"recent");
        for position in [0_i64, 7, i64::MAX, -1] {
            let cursor = scope.encode(&(position, "é/+?=", [255_u8; 9]));
            assert!(cursor.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'), "{cursor}");
        }
        assert_eq!(CURSOR_PATTERN, "^[A-Za-z0-9_-]*$", "the check above spells this pattern");
    }
}
