//! Reports (participants) and content moderation (staff): report an item
//! once; the report queue grouped by item; hide, unhide and dismiss.

use crate::auth::CurrentUser;
use crate::extract::{blocking, Body, OptionalBody, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_domain::moderation::{QueueState, ReportReason, ReportState, TargetKind};
use emenda_domain::ErrorCode;
use emenda_moderation::reports::{QueueEntry, ReportRecord, ReportRequest, ReportView, StaffAction};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// The item a report or a moderation names.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetDto {
    /// `proposal`, `amendment` or `comment`.
    pub kind: TargetKind,
    /// Its id.
    pub id: Uuid,
}

/// A report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "target": { "kind": "comment", "id": "0190f3a2-7b1c-7d4e-8f00-0123456789ab" }, "reason": "offensive" }))]
pub struct ReportRequestDto {
    /// What is reported.
    pub target: TargetDto,
    /// Why.
    pub reason: ReportReason,
    /// What is wrong: up to 1,000 characters; required when `reason` is `other`.
    #[schema(schema_with = crate::text_schema::report_details)]
    pub details: Option<String>,
}

/// A report as recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportDto {
    /// Id.
    pub id: Uuid,
    /// What was reported.
    pub target: TargetDto,
    /// Why.
    pub reason: ReportReason,
    /// Details (empty when none were given).
    pub details: String,
    /// `open` until staff work it.
    pub state: ReportState,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<ReportView> for ReportDto {
    fn from(v: ReportView) -> Self {
        Self {
            id: v.report.id,
            target: TargetDto { kind: v.kind, id: v.target_id },
            reason: v.report.reason,
            details: v.report.details,
            state: v.report.state,
            created_at: v.report.created_at,
        }
    }
}

/// Reports an item (once per participant and item). The report that
/// brings the item to the space's `max_reports_before_hiding` hides it.
#[utoipa::path(tag = "reports", request_body = ReportRequestDto,
    security(("bearer" = [])),
    responses((status = 201, description = "The report.", body = ReportDto),
        (status = 404, description = "No such item, or one the caller cannot see (hidden, deleted, or an amendment the space keeps private) (`not_found`)."),
        (status = 409, description = "Already reported by the caller (`already_reported`), or the caller's own content (`cannot_report_own`).")))]
#[post("/reports")]
pub async fn create_report(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Body<ReportRequestDto>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let request =
        ReportRequest { kind: body.target.kind, id: body.target.id, reason: body.reason, details: body.details };
    let view = blocking(move || state.reports.report(&user.actor(), &request)).await?;
    Ok(HttpResponse::Created().json(ReportDto::from(view)))
}

/// Queue parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportQueueQuery {
    /// Only this space (slug).
    pub space: Option<String>,
    /// `open` (default: items with open reports), `hidden` or `all`.
    #[param(inline)]
    pub state: Option<QueueState>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

/// What staff see of an item without opening it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewDto {
    /// The title, or the first 200 characters of a comment (null for a deleted comment).
    pub text: Option<String>,
    /// Author.
    pub author_id: Uuid,
    /// Author's nickname.
    pub author_nickname: String,
}

/// One report, as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueueReportDto {
    /// Id.
    pub id: Uuid,
    /// Why.
    pub reason: ReportReason,
    /// Details (may be empty).
    pub details: String,
    /// Who reported.
    pub reporter_nickname: String,
    /// `open`, `upheld` or `dismissed`.
    pub state: ReportState,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<ReportRecord> for QueueReportDto {
    fn from(r: ReportRecord) -> Self {
        Self {
            id: r.id,
            reason: r.reason,
            details: r.details,
            reporter_nickname: r.reporter_nickname,
            state: r.state,
            created_at: r.created_at,
        }
    }
}

/// How many reports name each reason.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct ReasonCountsDto {
    /// `spam`.
    pub spam: i64,
    /// `offensive`.
    pub offensive: i64,
    /// `does_not_belong`.
    pub does_not_belong: i64,
    /// `other`.
    pub other: i64,
}

/// One item in the report queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModerationItemDto {
    /// The queue entry's id (its position in the queue).
    pub id: Uuid,
    /// The item.
    pub target: TargetDto,
    /// Its space.
    pub space_id: Uuid,
    /// The proposal it is or belongs to.
    pub proposal_id: Option<Uuid>,
    /// That proposal's reference code, for its public address.
    pub proposal_reference: Option<String>,
    /// Title or body preview and author.
    pub preview: Option<PreviewDto>,
    /// Hidden now.
    pub hidden: bool,
    /// Hidden with its blocked author.
    pub hidden_by_block: bool,
    /// Reports not yet worked by staff.
    pub open_reports: i32,
    /// Every report of the item, by reason.
    pub reasons: ReasonCountsDto,
    /// The latest three reports, newest first.
    pub latest_reports: Vec<QueueReportDto>,
    /// When it was last reported.
    pub last_reported_at: Option<DateTime<Utc>>,
}

impl From<QueueEntry> for ModerationItemDto {
    fn from(e: QueueEntry) -> Self {
        let mut reasons = ReasonCountsDto::default();
        for (reason, count) in e.reasons {
            match reason {
                ReportReason::Spam => reasons.spam = count,
                ReportReason::Offensive => reasons.offensive = count,
                ReportReason::DoesNotBelong => reasons.does_not_belong = count,
                ReportReason::Other => reasons.other = count,
            }
        }
        let m = e.moderation;
        Self {
            id: m.id,
            target: TargetDto { kind: m.target_kind, id: m.target_id },
            space_id: m.space_id,
            proposal_id: e.preview.as_ref().map(|p| p.proposal_id),
            proposal_reference: e.preview.as_ref().map(|p| p.proposal_reference.clone()),
            hidden: e.preview.as_ref().is_some_and(|p| p.hidden),
            hidden_by_block: e.preview.as_ref().is_some_and(|p| p.hidden_by_block),
            preview: e.preview.map(|p| PreviewDto {
                text: p.text,
                author_id: p.author_id,
                author_nickname: p.author_nickname,
            }),
            open_reports: m.open_reports,
            reasons,
            latest_reports: e.latest.into_iter().map(QueueReportDto::from).collect(),
            last_reported_at: m.last_reported_at,
        }
    }
}

/// The report queue, one entry per item, oldest first (staff, of the
/// spaces they have staff powers in).
#[utoipa::path(tag = "moderation", params(ReportQueueQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "A page of the queue, oldest item first.", body = Page<ModerationItemDto>),
        (status = 403, description = "Only staff may see the queue (`staff_only`)."),
        (status = 404, description = "The `space` filter names no space (`not_found`).")))]
#[get("/moderation/reports")]
pub async fn report_queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<ReportQueueQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let wanted = query.state.unwrap_or(QueueState::Open);
    let scope = CursorScope::new("report_queue").with("space", &query.space).with("state", &wanted);
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows =
        blocking(move || state.reports.queue(&user.actor(), query.space.as_deref(), wanted, after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |e| e.moderation.id).map(ModerationItemDto::from)))
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

async fn act(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<ModerationNoteRequest>,
    action: StaffAction,
) -> ApiResult<HttpResponse> {
    let (kind, id) = path.into_inner();
    let kind = TargetKind::from_plural(&kind).ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no such resource"))?;
    let note = body.into_inner().note;
    let entry = blocking(move || state.reports.act(&user.actor(), action, kind, id, note.as_deref())).await?;
    Ok(HttpResponse::Ok().json(ModerationItemDto::from(entry)))
}

/// Hides an item (staff of its space): it leaves public lists and counts
/// (a comment leaves a placeholder); its open reports are upheld.
/// Hiding a hidden item changes nothing.
#[utoipa::path(tag = "moderation",
    params(("kind" = ModeratedKind, Path), ("id" = Uuid, Path)),
    request_body(content = Option<ModerationNoteRequest>, description = "Optional `{note}`."), security(("bearer" = [])),
    responses((status = 200, description = "The item's queue entry now.", body = ModerationItemDto),
        (status = 403, description = "Only staff of the item's space may moderate it (`staff_only`).")))]
#[post("/moderation/{kind}/{id}/hide")]
pub async fn hide_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<ModerationNoteRequest>,
) -> ApiResult<HttpResponse> {
    act(state, user, path, body, StaffAction::Hide).await
}

/// Shows a hidden item again (staff of its space), however it was hidden
/// (its block mark is cleared); counters are restored and its open
/// reports dismissed. Unhiding a visible item changes nothing.
#[utoipa::path(tag = "moderation",
    params(("kind" = ModeratedKind, Path), ("id" = Uuid, Path)),
    request_body(content = Option<ModerationNoteRequest>, description = "Optional `{note}`."), security(("bearer" = [])),
    responses((status = 200, description = "The item's queue entry now.", body = ModerationItemDto),
        (status = 403, description = "Only staff of the item's space may moderate it (`staff_only`).")))]
#[post("/moderation/{kind}/{id}/unhide")]
pub async fn unhide_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<ModerationNoteRequest>,
) -> ApiResult<HttpResponse> {
    act(state, user, path, body, StaffAction::Unhide).await
}

/// Dismisses an item's open reports (staff of its space); an item those
/// reports hid automatically becomes visible again.
#[utoipa::path(tag = "moderation",
    params(("kind" = ModeratedKind, Path), ("id" = Uuid, Path)),
    request_body(content = Option<ModerationNoteRequest>, description = "Optional `{note}`."), security(("bearer" = [])),
    responses((status = 200, description = "The item's queue entry now.", body = ModerationItemDto),
        (status = 403, description = "Only staff of the item's space may moderate it (`staff_only`).")))]
#[post("/moderation/{kind}/{id}/dismiss")]
pub async fn dismiss_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, Uuid)>,
    body: OptionalBody<ModerationNoteRequest>,
) -> ApiResult<HttpResponse> {
    act(state, user, path, body, StaffAction::Dismiss).await
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_report).service(report_queue).service(hide_item).service(unhide_item).service(dismiss_item);
}
