//! A person's notifications and their choices, as the API sends them.

use emenda_accounts::notifications::Notification;
use emenda_domain::notification::{Delivery, NotificationKind};
use serde::Serialize;
use utoipa::ToSchema;

/// A page of notifications and the unread count (the bell's number).
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPageDto {
    /// Newest first.
    pub items: Vec<Notification>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
    /// How many of the caller's notifications are unread, in all.
    pub unread: i64,
}

/// How one kind reaches the caller by e-mail.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryDto {
    /// The kind.
    pub kind: NotificationKind,
    /// `immediate`, `daily` or `never`.
    pub delivery: Delivery,
}

/// How many notifications a "mark all read" marked.
#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedDto {
    /// Notifications that were unread and are now read.
    pub marked: usize,
}
