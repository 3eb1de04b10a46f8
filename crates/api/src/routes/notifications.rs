//! The caller's notifications (the bell and its page), how each kind
//! reaches them by e-mail, and the one-click unsubscribe link of letters.

use crate::auth::CurrentUser;
use crate::dto::notifications::{DeliveryDto, MarkedDto, NotificationPageDto};
use crate::extract::{blocking, Body, Query};
use crate::pagination::{self, CursorScope};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use emenda_domain::notification::{Delivery, NotificationKind};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// Notification listing parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// The caller's notifications, newest first, with the unread count.
#[utoipa::path(tag = "notifications", params(NotificationQuery), security(("bearer" = [])),
    responses((status = 200, description = "A page of notifications and how many are unread.", body = NotificationPageDto)))]
#[get("/me/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<NotificationQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let unread_only = query.unread.unwrap_or(false);
    let scope = CursorScope::new("notifications").with("unread", &unread_only);
    let before: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let user_id = user.0.user.id;
    let (items, unread) =
        blocking(move || state.accounts.notifications(user_id, before, unread_only, limit + 1)).await?;
    let page = pagination::page(items, limit, &scope, |n| n.id);
    Ok(HttpResponse::Ok().json(NotificationPageDto { items: page.items, next_cursor: page.next_cursor, unread }))
}

/// Marks one notification read.
#[utoipa::path(tag = "notifications", params(("id" = Uuid, Path, description = "The notification's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Read (reading it again changes nothing)."),
        (status = 404, description = "The caller has no notification with this id (`not_found`).")))]
#[post("/me/notifications/{id}/read")]
pub async fn mark_read(state: web::Data<AppState>, user: CurrentUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let (user_id, id) = (user.0.user.id, id.into_inner());
    blocking(move || state.accounts.mark_notification_read(user_id, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Up to which notification "mark all read" goes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkAllRequest {
    /// The newest notification the caller saw: those that arrived after it
    /// stay unread. Absent: every one.
    pub up_to: Option<Uuid>,
}

/// Marks every notification read (up to the newest the caller saw).
#[utoipa::path(tag = "notifications", request_body = MarkAllRequest, security(("bearer" = [])),
    responses((status = 200, description = "How many were marked.", body = MarkedDto)))]
#[post("/me/notifications/read")]
pub async fn mark_all_read(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Body<MarkAllRequest>,
) -> ApiResult<HttpResponse> {
    let (user_id, up_to) = (user.0.user.id, body.into_inner().up_to);
    let marked = blocking(move || state.accounts.mark_all_notifications_read(user_id, up_to)).await?;
    Ok(HttpResponse::Ok().json(MarkedDto { marked }))
}

/// How each kind of notification reaches the caller by e-mail.
#[utoipa::path(tag = "notifications", security(("bearer" = [])),
    responses((status = 200, description = "Every kind, with the caller's choice or its default.", body = Vec<DeliveryDto>)))]
#[get("/me/notification-settings")]
pub async fn get_settings(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<HttpResponse> {
    let user_id = user.0.user.id;
    let settings = blocking(move || state.accounts.notification_settings(user_id)).await?;
    let settings: Vec<DeliveryDto> =
        settings.into_iter().map(|(kind, delivery)| DeliveryDto { kind, delivery }).collect();
    Ok(HttpResponse::Ok().json(settings))
}

/// A kind's delivery by e-mail.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryRequest {
    /// `immediate`, `daily` or `never`.
    pub delivery: Delivery,
}

/// Sets how a kind of notification reaches the caller by e-mail.
#[utoipa::path(tag = "notifications", request_body = DeliveryRequest, security(("bearer" = [])),
    params(("kind" = NotificationKind, Path, description = "The kind")),
    responses((status = 204, description = "Set.")))]
#[put("/me/notification-settings/{kind}")]
pub async fn set_setting(
    state: web::Data<AppState>,
    user: CurrentUser,
    kind: web::Path<NotificationKind>,
    body: Body<DeliveryRequest>,
) -> ApiResult<HttpResponse> {
    let (user_id, kind, delivery) = (user.0.user.id, kind.into_inner(), body.into_inner().delivery);
    blocking(move || state.accounts.set_notification_delivery(user_id, kind, delivery)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An unsubscribe link's token.
#[derive(Debug, Deserialize, IntoParams)]
pub struct UnsubscribeQuery {
    /// The `token` of the letter's link.
    pub token: String,
}

/// Stops letters of one kind, in one click from a letter (RFC 8058: the
/// mail client POSTs here; no sign-in, the token is signed). The body, if
/// any, is not read.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "notifications", params(UnsubscribeQuery),
    responses((status = 200, description = "Letters of this kind stop; the kind is returned.", body = DeliveryDto),
        (status = 401, description = "The token is not valid (`token_invalid`).")))]
#[post("/notifications/unsubscribe")]
pub async fn unsubscribe(state: web::Data<AppState>, query: Query<UnsubscribeQuery>) -> ApiResult<HttpResponse> {
    let token = query.into_inner().token;
    let kind = blocking(move || state.accounts.unsubscribe(&token)).await?;
    Ok(HttpResponse::Ok().json(DeliveryDto { kind, delivery: Delivery::Never }))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_notifications)
        .service(mark_all_read)
        .service(mark_read)
        .service(get_settings)
        .service(set_setting)
        .service(unsubscribe);
}
