//! Reports (participants) and content moderation (staff): report an item
//! once; the report queue grouped by item; hide, unhide and dismiss.

use crate::auth::CurrentUser;
use crate::extract::{blocking, Body, OptionalBody, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use emenda_domain::listing::QueueSort;
use emenda_domain::moderation::{QueueState, ReportReason, Target, TargetKind};
use emenda_domain::ErrorCode;
use emenda_staff::reports::{ReportQueue, ReportRequest, StaffAction};
use emenda_staff::views::{ModerationItem, Report};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "target": { "kind": "comment", "id": "0190f3a2-7b1c-7d4e-8f00-0123456789ab" }, "reason": "offensive" }))]
pub struct CreateReportRequest {
    /// What is reported.
    pub target: Target,
    /// Why.
    pub reason: ReportReason,
    /// What is wrong: up to 1,000 characters; required when `reason` is `other`.
    #[schema(schema_with = crate::text_schema::report_details)]
    pub details: Option<String>,
}

/// Reports an item (once per participant and item). The report that
/// brings the item to the space's `max_reports_before_hiding` hides it.
#[utoipa::path(tag = "reports", request_body = CreateReportRequest,
    security(("bearer" = [])),
    responses((status = 201, description = "The report.", body = Report),
        (status = 404, description = "No such item, or one the caller cannot see (hidden, deleted, or an amendment the space keeps private) (`not_found`)."),
        (status = 409, description = "Already reported by the caller (`already_reported`), or the caller's own content (`cannot_report_own`).")))]
#[post("/reports")]
pub async fn create_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Body<CreateReportRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let request =
        ReportRequest { kind: body.target.kind, id: body.target.id, reason: body.reason, details: body.details };
    let view = blocking(move || state.reports.report(&user.actor(), &request)).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Queue parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportQueueQuery {
    /// Only this space (slug).
    pub space: Option<String>,
    /// `open` (default: items with open reports), `hidden` or `all`.
    #[param(inline)]
    pub state: Option<QueueState>,
    /// Only items reported for this reason: one of their open reports in
    /// the `open` view, any of their reports in the others.
    #[param(inline)]
    pub reason: Option<ReportReason>,
    /// `oldest` first (default: the item first reported longest ago) or
    /// `newest` first.
    #[param(inline)]
    pub sort: Option<QueueSort>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// The report queue, one entry per item, oldest first unless
/// `sort=newest` (staff, of the spaces they have staff powers in).
#[utoipa::path(tag = "moderation", params(ReportQueueQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "A page of the queue, in the order asked for.", body = Page<ModerationItem>),
        (status = 403, description = "Only staff may see the queue (`staff_only`)."),
        (status = 404, description = "The `space` filter names no space (`not_found`)."),
        (status = 422, description = "`state`, `reason` or `sort` is not one of its values, or `cursor` belongs to another query (`validation_failed`).")))]
#[get("/moderation/reports")]
pub async fn report_queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<ReportQueueQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let wanted = query.state.unwrap_or(QueueState::Open);
    let sort = query.sort.unwrap_or(QueueSort::Oldest);
    // A position means something only in its order and filters: a cursor
    // of the oldest-first queue is refused for the newest-first one.
    let scope = CursorScope::new("report_queue")
        .with("space", &query.space)
        .with("state", &wanted)
        .with("reason", &query.reason)
        .with("sort", &sort);
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || {
        let queue = ReportQueue { space: query.space.as_deref(), state: wanted, reason: query.reason, sort };
        state.reports.queue(&user.actor(), &queue, after, limit + 1)
    })
    .await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |e| e.id)))
}

/// An optional note, kept in the public audit entry.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerationNoteRequest {
    /// Up to 20,000 characters; blank means none.
    #[schema(schema_with = crate::text_schema::staff_note)]
    pub note: Option<String>,
}

/// The kinds of item staff moderate, as the path names them.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModeratedKind {
    /// Proposals.
    Proposals,
    /// Amendments.
    Amendments,
    /// Comments.
    Comments,
}

/// An unhide: an optional note, and the hide it undoes, if it is an undo.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "undo": "0190f3a2-7b1c-7d4e-8f00-0123456789ab" }))]
pub struct UnhideRequest {
    /// Up to 20,000 characters; blank means none.
    #[schema(schema_with = crate::text_schema::staff_note)]
    pub note: Option<String>,
    /// Undo this hide: the `hide_entry_id` the hide answered with. The
    /// reports that hide upheld are reopened (and no others), so the item
    /// is back in the open queue as it was. Refused with
    /// `moderation_changed` once that hide is no longer in force.
    pub undo: Option<Uuid>,
}

async fn act(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    note: Option<String>,
    action: StaffAction,
) -> ApiResult<HttpResponse> {
    let (kind, id) = path.into_inner();
    let kind = TargetKind::from_plural(&kind).ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no such resource"))?;
    let entry = blocking(move || state.reports.act(&user.actor(), action, kind, id, note.as_deref())).await?;
    Ok(HttpResponse::Ok().json(entry))
}

/// Hides an item (staff of its space): it leaves public lists and counts
/// (a comment leaves a placeholder); its open reports are upheld.
/// Hiding a hidden item changes nothing.
#[utoipa::path(tag = "moderation",
    params(("kind" = ModeratedKind, Path), ("id" = Uuid, Path)),
    request_body(content = Option<ModerationNoteRequest>, description = "Optional `{note}`."), security(("bearer" = [])),
    responses((status = 200, description = "The item's queue entry now.", body = ModerationItem),
        (status = 403, description = "Only staff of the item's space may moderate it (`staff_only`).")))]
#[post("/moderation/{kind}/{id}/hide")]
pub async fn hide_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<ModerationNoteRequest>,
) -> ApiResult<HttpResponse> {
    act(state, user, path, body.into_inner().note, StaffAction::Hide).await
}

/// Shows a hidden item again (staff of its space), however it was hidden
/// (its block mark is cleared); counters are restored and its open
/// reports dismissed. Unhiding a visible item changes nothing. With
/// `undo`, it undoes that staff hide instead: the item is shown and the
/// reports the hide upheld are open again, in one transaction, and the
/// audit entry names the hide undone (`undoes`) and the reports reopened.
#[utoipa::path(tag = "moderation",
    params(("kind" = ModeratedKind, Path), ("id" = Uuid, Path)),
    request_body(content = Option<UnhideRequest>, description = "Optional `{note, undo}`."), security(("bearer" = [])),
    responses((status = 200, description = "The item's queue entry now.", body = ModerationItem),
        (status = 403, description = "Only staff of the item's space may moderate it (`staff_only`)."),
        (status = 409, description = "`undo` names a hide that is no longer in force (`moderation_changed`).")))]
#[post("/moderation/{kind}/{id}/unhide")]
pub async fn unhide_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<UnhideRequest>,
) -> ApiResult<HttpResponse> {
    let UnhideRequest { note, undo } = body.into_inner();
    let action = undo.map_or(StaffAction::Unhide, StaffAction::UndoHide);
    act(state, user, path, note, action).await
}

/// Dismisses an item's open reports (staff of its space); an item those
/// reports hid automatically becomes visible again.
#[utoipa::path(tag = "moderation",
    params(("kind" = ModeratedKind, Path), ("id" = Uuid, Path)),
    request_body(content = Option<ModerationNoteRequest>, description = "Optional `{note}`."), security(("bearer" = [])),
    responses((status = 200, description = "The item's queue entry now.", body = ModerationItem),
        (status = 403, description = "Only staff of the item's space may moderate it (`staff_only`).")))]
#[post("/moderation/{kind}/{id}/dismiss")]
pub async fn dismiss_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<ModerationNoteRequest>,
) -> ApiResult<HttpResponse> {
    act(state, user, path, body.into_inner().note, StaffAction::Dismiss).await
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_report).service(report_queue).service(hide_item).service(unhide_item).service(dismiss_item);
}
