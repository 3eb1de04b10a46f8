//! How typed values are stored: every id, instant, enum and JSON document
//! is a `TEXT` column on both backends (see "Storage decisions" in
//! `docs/architecture.md`). [`Stored`] carries such a value through diesel,
//! so query modules read rows straight into typed fields and bind typed
//! values, and the one textual form of each type lives here, in
//! [`StoredText`], instead of at every call site.
//!
//! Text that does not parse fails the row with a [`CorruptValue`], which
//! `StoreError::from` reports as [`crate::StoreError::Corrupt`]: stored data
//! is never guessed at, and never panics.

use crate::connection::MultiBackend;
use crate::error::CorruptValue;
use chrono::{DateTime, Utc};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::clock::{format_timestamp, parse_timestamp};
use emenda_domain::comment::Alignment;
use emenda_domain::mail::{Language, MailKind, MailState, TokenPurpose};
use emenda_domain::moderation::{ReportReason, ReportState, TargetKind};
use emenda_domain::notification::{Delivery, NotificationKind};
use emenda_domain::policy::Role;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::space::AmendmentsVisibility;
use std::io::Write;
use uuid::Uuid;

/// A type with one exact textual form in the database. The form must not
/// change by a single byte: version and audit hashes cover it.
pub(crate) trait StoredText: std::fmt::Debug + Send + Sync + Sized + 'static {
    /// What the text should have been, for the corruption report.
    const KIND: &'static str;
    /// The stored text.
    fn to_text(&self) -> String;
    /// Reads stored text back; `None` when it is not of this type.
    fn from_text(text: &str) -> Option<Self>;
}

/// Hyphenated lower case, as `Uuid`'s `Display` writes it.
impl StoredText for Uuid {
    const KIND: &'static str = "uuid";
    fn to_text(&self) -> String {
        self.to_string()
    }
    fn from_text(text: &str) -> Option<Self> {
        Uuid::parse_str(text).ok()
    }
}

/// RFC 3339 UTC with six fractional digits, so text order is time order.
impl StoredText for DateTime<Utc> {
    const KIND: &'static str = "timestamp";
    fn to_text(&self) -> String {
        format_timestamp(*self)
    }
    fn from_text(text: &str) -> Option<Self> {
        parse_timestamp(text)
    }
}

/// Compact JSON, as `serde_json` writes a value.
impl StoredText for serde_json::Value {
    const KIND: &'static str = "JSON document";
    fn to_text(&self) -> String {
        self.to_string()
    }
    fn from_text(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

/// Enums are stored as their `as_str()` spelling.
macro_rules! stored_enums {
    ($($name:ty),+ $(,)?) => {$(
        impl StoredText for $name {
            const KIND: &'static str = stringify!($name);
            fn to_text(&self) -> String {
                self.as_str().to_owned()
            }
            fn from_text(text: &str) -> Option<Self> {
                <$name>::parse(text)
            }
        }
    )+};
}

stored_enums!(AmendmentState, AmendmentsVisibility, AuditAction, AuditVisibility, ProposalState, Role, VersionKind);
stored_enums!(Alignment);
stored_enums!(ReportReason, ReportState, TargetKind);
stored_enums!(Language, MailKind, MailState, TokenPurpose);
stored_enums!(Delivery, NotificationKind);

/// A value bound to, or read from, a `TEXT` column in its [`StoredText`]
/// form. Row structs declare their fields with it; writes wrap the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub(crate) struct Stored<T: StoredText>(pub(crate) T);

impl<T: StoredText> Stored<T> {
    /// The text the column holds for this value: what a hash over stored
    /// fields must cover.
    pub(crate) fn text(&self) -> String {
        self.0.to_text()
    }
}

/// One reading for every backend: whatever the backend hands over as text
/// is parsed by the type.
impl<T: StoredText, DB: Backend> FromSql<Text, DB> for Stored<T>
where
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let text = String::from_sql(bytes)?;
        match T::from_text(&text) {
            Some(value) => Ok(Stored(value)),
            None => Err(Box::new(CorruptValue { kind: T::KIND, text })),
        }
    }
}

/// PostgreSQL takes text as its bytes.
impl<T: StoredText> ToSql<Text, Pg> for Stored<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.0.to_text().as_bytes())?;
        Ok(IsNull::No)
    }
}

/// SQLite binds an owned string: the text is made here, not borrowed.
impl<T: StoredText> ToSql<Text, Sqlite> for Stored<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0.to_text());
        Ok(IsNull::No)
    }
}

/// The connection enum's backend hands the value to whichever of the two
/// above the connection is.
impl<T: StoredText> ToSql<Text, MultiBackend> for Stored<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(IsNull::No)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn each_type_has_its_documented_text() {
        let id = Uuid::parse_str("0190F3A2-7B1C-7D4E-8F00-0123456789AB").unwrap();
        assert_eq!(Stored(id).text(), "0190f3a2-7b1c-7d4e-8f00-0123456789ab");
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap() + chrono::Duration::nanoseconds(123_456_789);
        assert_eq!(Stored(at).text(), "2026-11-25T10:00:00.123456Z");
        assert_eq!(Stored(ProposalState::Published).text(), ProposalState::Published.as_str());
        assert_eq!(Stored(serde_json::json!({"a": [1, "b"]})).text(), r#"{"a":[1,"b"]}"#);
    }

    #[test]
    fn text_reads_back_or_is_refused() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap() + chrono::Duration::microseconds(7);
        assert_eq!(DateTime::<Utc>::from_text(&Stored(at).text()), Some(at));
        assert_eq!(DateTime::<Utc>::from_text("yesterday"), None);
        assert_eq!(Uuid::from_text("not-a-uuid"), None);
        assert_eq!(AmendmentState::from_text("maybe"), None);
        assert_eq!(serde_json::Value::from_text("{"), None);
    }
}
