//! Conversions between stored text and typed values. Stored data that does
//! not parse is reported as corrupt rather than guessed at.

use crate::error::StoreError;
use chrono::{DateTime, Utc};
use emenda_domain::clock::{format_timestamp, parse_timestamp};
use uuid::Uuid;

pub(crate) fn id_text(id: Uuid) -> String {
    id.to_string()
}

pub(crate) fn opt_id_text(id: Option<Uuid>) -> Option<String> {
    id.map(id_text)
}

pub(crate) fn time_text(at: DateTime<Utc>) -> String {
    format_timestamp(at)
}

pub(crate) fn parse_id(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| StoreError::Corrupt(format!("not a uuid: {text}")))
}

pub(crate) fn parse_opt_id(text: Option<&str>) -> Result<Option<Uuid>, StoreError> {
    text.map(parse_id).transpose()
}

pub(crate) fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    parse_timestamp(text).ok_or_else(|| StoreError::Corrupt(format!("not a timestamp: {text}")))
}

pub(crate) fn parse_opt_time(text: Option<&str>) -> Result<Option<DateTime<Utc>>, StoreError> {
    text.map(parse_time).transpose()
}

/// Reads a stored enum spelling with the enum's own parser.
pub(crate) fn parse_enum<T>(text: &str, parse: fn(&str) -> Option<T>) -> Result<T, StoreError> {
    parse(text).ok_or_else(|| StoreError::Corrupt(format!("unexpected value: {text}")))
}
