//! Proposals: list, publish, read (with `ETag`), edit as a new version,
//! withdraw.

use crate::auth::{CurrentUser, MaybeUser};
use crate::dto::proposal_read::{Included, ProposalRead};
use crate::extract::{blocking, Body, ProposalPath, Query};
use crate::http::{self, Condition};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiError, ApiResult};
use crate::rate_limit::Limiters;
use crate::routes::{amendments, supports};
use crate::state::AppState;
use actix_web::http::header::{self, ContentType};
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use emenda_domain::listing::{ProposalCursor, ProposalFilter, ProposalSort};
use emenda_domain::policy::Actor;
use emenda_domain::proposal::ProposalState;
use emenda_domain::search::query_terms;
use emenda_domain::topics::Filing;
use emenda_domain::{DomainError, ErrorCode, FieldCode};
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::views::{Answer, Proposal, ProposalSummary};
use emenda_participation::ProposalKey;
use emenda_service::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// List parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ProposalListQuery {
    /// Space slug.
    pub space: Option<String>,
    /// Only proposals in this state.
    #[param(inline)]
    pub state: Option<ProposalState>,
    /// Only proposals this user (id) is an author of.
    pub author: Option<Uuid>,
    /// `true`: only proposals that reached the space's support threshold;
    /// `false`: only those that did not.
    pub qualified: Option<bool>,
    /// Only proposals filed under this category of the space (its slug;
    /// needs `space`).
    pub category: Option<String>,
    /// Only proposals filed under this area of the space (its slug; needs
    /// `space`).
    pub area: Option<String>,
    /// Order: `recent` (default), `most_supported`, `most_commented`, or
    /// with `q` `relevance` (its default: title matches first, newest first
    /// within each group, in publication order as the index received them).
    #[param(value_type = Option<ProposalSortParam>, inline)]
    pub sort: Option<String>,
    /// Search: words that must all be in the current title or text, in
    /// Italian ("scuola" finds "scuole", "citta" finds "città"; common words
    /// are ignored), at most 200 characters. A search counts as an
    /// expensive read.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// How a list of proposals is ordered.
// Only here to show the choices in the document: the handler reads `sort`
// as text, which is what existing cursors were fingerprinted with.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProposalSortParam {
    /// Newest first.
    Recent,
    /// Most supports first.
    MostSupported,
    /// Most comments first.
    MostCommented,
    /// With `q`: title matches first, newest first (by publication) within each group.
    Relevance,
}

#[derive(Serialize, Deserialize)]
struct CursorPosition {
    k: i64,
    id: Uuid,
}

fn parse_sort(sort: Option<&str>, searching: bool) -> Result<ProposalSort, ApiError> {
    match sort.unwrap_or(if searching { "relevance" } else { "recent" }) {
        "recent" => Ok(ProposalSort::Recent),
        "most_supported" => Ok(ProposalSort::MostSupported),
        "most_commented" => Ok(ProposalSort::MostCommented),
        "relevance" if searching => Ok(ProposalSort::Relevance),
        "relevance" => Err(ApiError::invalid_field("sort", FieldCode::InvalidChoice, "relevance needs a search (q)")),
        _ => Err(ApiError::invalid_field(
            "sort",
            FieldCode::InvalidChoice,
            "use recent, most_supported, most_commented or (with q) relevance",
        )),
    }
}

/// Lists visible proposals; with `q`, searches them.
#[utoipa::path(tag = "proposals", params(ProposalListQuery),
    responses((status = 200, description = "A page of proposals; with `q`, each with `search` (whether the title matched, and a snippet).", body = Page<ProposalSummary>),
        (status = 404, description = "The `space` filter names no space (`not_found`)."),
        (status = 422, description = "A filter or `q` is wrong (`validation_failed`: `q` blank is `required`, over 200 characters `too_long`, common words only `no_letters`; `sort=relevance` without `q`; `category` or `area` without `space` is `required` on `space`)."),
        (status = 429, description = "With `q`, a search counts as an expensive read (`rate_limited`).")))]
#[get("/proposals")]
pub async fn list_proposals(
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    query: Query<ProposalListQuery>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let terms = query.q.as_deref().map(query_terms).transpose()?.unwrap_or_default();
    let sort = parse_sort(query.sort.as_deref(), !terms.is_empty())?;
    if !terms.is_empty() {
        limiters.charge_expensive_read(&req)?;
    }
    let scope = CursorScope::new("proposals")
        .with("sort", &query.sort.as_deref().unwrap_or("recent"))
        .with("space", &query.space)
        .with("state", &query.state)
        .with("author", &query.author)
        .with("qualified", &query.qualified)
        .with("category", &query.category)
        .with("area", &query.area)
        .with("q", &terms);
    let after = scope.decode::<CursorPosition>(query.cursor.as_deref())?.map(|c| ProposalCursor { key: c.k, id: c.id });
    let rows = blocking(move || {
        let space_id = query.space.as_deref().map(|slug| state.proposals.space_id(slug)).transpose()?;
        let filter = ProposalFilter {
            space_id,
            state: query.state,
            author_id: query.author,
            qualified: query.qualified,
            category: query.category,
            area: query.area,
            terms,
        };
        state.proposals.list(&filter, sort, after, limit + 1)
    })
    .await?;
    let position = move |p: &ProposalSummary| CursorPosition {
        k: match sort {
            ProposalSort::Recent => 0,
            ProposalSort::MostSupported => i64::from(p.supports_count),
            ProposalSort::MostCommented => i64::from(p.comments_count),
            ProposalSort::Relevance => i64::from(p.search.as_ref().is_some_and(|s| s.in_title)),
        },
        id: p.id,
    };
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, position)))
}

/// A new proposal.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "title": "Più alberi in via Roma",
    "body": "Proponiamo di piantare dieci alberi lungo via Roma, tra piazza Dante e la stazione."
}))]
pub struct CreateProposalRequest {
    /// Title: 10 to 150 characters once trimmed, one line.
    #[schema(schema_with = crate::text_schema::title)]
    pub title: String,
    /// Text in Markdown: 15 to 20,000 characters once trimmed.
    #[schema(schema_with = crate::text_schema::body)]
    pub body: String,
    /// One of the space's `categories`, by slug; absent: none.
    #[serde(default)]
    #[schema(schema_with = crate::text_schema::optional_slug)]
    pub category: Option<String>,
    /// One of the space's `areas`, by slug; absent: none.
    #[serde(default)]
    #[schema(schema_with = crate::text_schema::optional_slug)]
    pub area: Option<String>,
}

/// Publishes a proposal in a space.
#[utoipa::path(tag = "proposals", params(("slug" = String, Path)),
    request_body = CreateProposalRequest, security(("bearer" = [])),
    responses((status = 201, description = "The proposal, with its first version.", body = Proposal,
            headers(("ETag" = String, description = "Entity tag of the representation, for `If-Match` and `If-None-Match`."),
                ("Location" = String, description = "The proposal's URL."))),
        (status = 403, description = "The space takes no proposals, or requires a verified identity, or the account is blocked."),
        (status = 422, description = "A field is wrong (`validation_failed`; a `category` or `area` the space does not offer is `invalid_choice`).")))]
#[post("/spaces/{slug}/proposals")]
pub async fn create_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Body<CreateProposalRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let filing = Filing { category: body.category, area: body.area };
    let view =
        blocking(move || state.proposals.create_filed(&user.actor(), &slug, &body.title, &body.body, &filing)).await?;
    let location = format!("/api/v1/proposals/{}", view.id);
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, location));
    Ok(http::with_proposal(response, view))
}

/// What a proposal read may carry besides the proposal.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ProposalReadQuery {
    /// Lists to send with the proposal, the first page of each, comma
    /// separated: `answers`, `supporters`, `amendments`. What a reader's
    /// first screen shows then comes in this one answer.
    #[param(pattern = "^(answers|supporters|amendments)(,(answers|supporters|amendments))*$")]
    pub include: Option<String>,
}

/// The lists a read asked for with `include`.
#[derive(Debug, Clone, Copy, Default)]
struct Includes {
    answers: bool,
    supporters: bool,
    amendments: bool,
}

impl Includes {
    /// Reads `include`: known names, comma separated, each at most once.
    fn parse(value: Option<&str>) -> Result<Includes, ApiError> {
        let mut includes = Includes::default();
        let Some(value) = value else { return Ok(includes) };
        for name in value.split(',') {
            let slot = match name {
                "answers" => &mut includes.answers,
                "supporters" => &mut includes.supporters,
                "amendments" => &mut includes.amendments,
                _ => {
                    return Err(ApiError::invalid_field(
                        "include",
                        FieldCode::InvalidChoice,
                        "a comma-separated list of answers, supporters, amendments",
                    ))
                }
            };
            if std::mem::replace(slot, true) {
                return Err(ApiError::invalid_field(
                    "include",
                    FieldCode::InvalidChoice,
                    format!("{name} is named twice"),
                ));
            }
        }
        Ok(includes)
    }

    fn any(self) -> bool {
        self.answers || self.supporters || self.amendments
    }
}

/// A proposal by UUID or reference code.
#[utoipa::path(tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code"), ProposalReadQuery,
        ("If-None-Match" = Option<String>, Header, description = "Entity tags (or `*`) the client holds; when one matches, the answer is 304 without a body. Weak comparison; an unparseable value is ignored.")),
    responses((status = 200, description = "The proposal with its current text, and under `included` the first page of each list `include` named (their cursors are good at the lists' own addresses with the same `id`).", body = ProposalRead,
            headers(("ETag" = String, description = "Strong entity tag `\"v<version>-<hash>\"` of this representation (all of it but `actions`, which are advice for this caller: the same data gives every reader the same tag). With `include` the lists are part of it: for `If-Match`, use the tag of the read without `include`, or `base_version`."))),
        (status = 304, description = "Unchanged since the `If-None-Match` tag (anonymous readers only: a signed-in reader always gets the whole answer, since its `actions` are theirs).",
            headers(("ETag" = String, description = "The current entity tag."))),
        (status = 404, description = "No such proposal, or one the caller may not see (`not_found`)."),
        (status = 422, description = "`include` names something else (`validation_failed`, field `include`).")))]
#[get("/proposals/{id}")]
pub async fn get_proposal(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<ProposalReadQuery>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let includes = Includes::parse(query.include.as_deref())?;
    // A signed-in reader's copy is theirs (their actions, their support):
    // it is always sent whole, never confirmed from a tag, which leaves the
    // actions out and so also names the anonymous copy a browser may hold.
    let anonymous = user.actor().is_none();
    let read = blocking(move || read_with_lists(&state, &id, user.actor().as_ref(), includes)).await?;
    let http::TaggedJson { tag, body } = http::tagged_read(read);
    if anonymous && http::still_fresh(req.headers(), &tag) {
        return Ok(HttpResponse::NotModified().insert_header((header::ETAG, tag.to_string())).finish());
    }
    Ok(HttpResponse::Ok().insert_header((header::ETAG, tag.to_string())).content_type(ContentType::json()).body(body))
}

/// The proposal and the first page of each list `includes` names, read as
/// their own addresses read them (each list checks what the caller may see).
fn read_with_lists(
    state: &AppState,
    id: &ProposalKey,
    actor: Option<&Actor>,
    includes: Includes,
) -> Result<ProposalRead, ServiceError> {
    let proposal = state.proposals.get(id, actor)?;
    if !includes.any() {
        return Ok(ProposalRead { proposal, included: None });
    }
    let limit = pagination::DEFAULT_LIMIT;
    let mut included = Included::default();
    if includes.answers {
        included.answers = Some(state.proposals.answers(id, actor)?);
    }
    if includes.supporters {
        match state.supports.supporters(id, actor, None, limit + 1) {
            Ok(rows) => included.supporters = Some(supports::supporters_page(rows, limit, id)),
            Err(ServiceError::Rule(refusal)) if refusal.code() == ErrorCode::SupportersPrivate => {
                included.supporters_private = true
            }
            Err(error) => return Err(error),
        }
    }
    if includes.amendments {
        let rows = state.amendments.list(id, actor, None, None, limit + 1)?;
        included.amendments = Some(amendments::amendments_page(rows, limit, id, None));
    }
    Ok(ProposalRead { proposal, included: Some(included) })
}

/// An author's edit: the whole new text, and the version it is based on.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "title": "Più alberi in via Roma e in via Verdi",
    "body": "Proponiamo di piantare dieci alberi lungo via Roma e sei in via Verdi.",
    "summary": "Aggiunta via Verdi",
    "base_version": 1
}))]
pub struct EditProposalRequest {
    /// New title: 10 to 150 characters once trimmed, one line.
    #[schema(schema_with = crate::text_schema::title)]
    pub title: String,
    /// New text in Markdown: 15 to 20,000 characters once trimmed.
    #[schema(schema_with = crate::text_schema::body)]
    pub body: String,
    /// What changed, in one line of up to 300 characters; blank means none.
    #[schema(schema_with = crate::text_schema::summary)]
    pub summary: Option<String>,
    /// The version the edit starts from; may be left out when `If-Match`
    /// carries the proposal's `ETag`.
    #[schema(minimum = 1)]
    pub base_version: Option<i32>,
}

/// Publishes a new version (authors, while `published`).
#[utoipa::path(tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code"),
        ("If-Match" = Option<String>, Header, description = "The proposal's `ETag` the edit is based on (strong comparison); `*` only says it exists, so `base_version` is then still needed.")),
    request_body = EditProposalRequest, security(("bearer" = [])),
    responses((status = 201, description = "The proposal with the new version.", body = Proposal,
            headers(("ETag" = String, description = "Entity tag of the new representation."))),
        (status = 400, description = "The body is not JSON (`malformed_request`), or `If-Match` is neither `*` nor a list of entity tags (`malformed_if_match`)."),
        (status = 403, description = "Only an author may edit (`not_author`), or the account is blocked."),
        (status = 409, description = "`stale_version` with `current_version`, or the proposal no longer takes edits (`proposal_withdrawn`, `proposal_answered`)."),
        (status = 412, description = "`precondition_failed`: `If-Match` names a version that is no longer current, or disagrees with `base_version`; carries `current_version` and the current `ETag`.",
            headers(("ETag" = String, description = "The current entity tag.")))))]
#[post("/proposals/{id}/versions")]
pub async fn edit_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
    body: Body<EditProposalRequest>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let precondition = EditPrecondition::read(&req, body.base_version)?;
    let actor = user.actor();
    let outcome = blocking(move || {
        let base_version = match &precondition {
            EditPrecondition::BaseVersion(n) => *n,
            EditPrecondition::Disagreeing => {
                let current = state.proposals.get(&id, Some(&actor))?;
                return Ok(EditOutcome::PreconditionFailed(current, DISAGREEING));
            }
            EditPrecondition::Tag(versions) => {
                let current = state.proposals.get(&id, Some(&actor))?;
                if !versions.contains(&current.current_version) {
                    return Ok(EditOutcome::PreconditionFailed(current, NOT_CURRENT));
                }
                current.current_version
            }
        };
        let edit = ProposalEdit { title: body.title, body: body.body, summary: body.summary, base_version };
        match state.proposals.edit(&actor, &id, &edit) {
            Ok(view) => Ok(EditOutcome::Edited(view)),
            // Someone else edited between the check and the edit: for a
            // client that sent a tag this is its precondition failing.
            Err(ServiceError::Rule(DomainError::StaleVersion { .. }))
                if matches!(precondition, EditPrecondition::Tag(_)) =>
            {
                Ok(EditOutcome::PreconditionFailed(state.proposals.get(&id, Some(&actor))?, NOT_CURRENT))
            }
            Err(error) => Err(error),
        }
    })
    .await?;
    Ok(match outcome {
        EditOutcome::Edited(view) => http::with_proposal(HttpResponse::Created(), view),
        EditOutcome::PreconditionFailed(current, detail) => {
            let current_version = current.current_version;
            let tag = http::tagged_proposal(current).tag;
            http::precondition_failed(detail, Some(current_version), Some(&tag))
        }
    })
}

const NOT_CURRENT: &str = "If-Match names a version that is no longer current; fetch the proposal again and merge";
const DISAGREEING: &str = "If-Match and base_version name different versions";

/// What an edit says it is based on.
enum EditPrecondition {
    /// Only `base_version` (a stale one is 409 `stale_version`).
    BaseVersion(i32),
    /// `If-Match`: the versions its strong tags were issued for; the edit
    /// goes ahead only if one of them is current (412 otherwise).
    Tag(Vec<i32>),
    /// `If-Match` and `base_version` name different versions (412).
    Disagreeing,
}

impl EditPrecondition {
    /// Reads `If-Match` and `base_version`. When both are sent they must
    /// name the same version; `If-Match: *` only says the proposal exists,
    /// so `base_version` is still needed.
    fn read(req: &HttpRequest, base_version: Option<i32>) -> Result<Self, ApiError> {
        let condition = match Condition::from_headers(req.headers(), &header::IF_MATCH) {
            None | Some(Ok(Condition::Any)) => None,
            Some(Ok(Condition::Tags(tags))) => Some(tags),
            Some(Err(())) => return Err(http::malformed_if_match()),
        };
        match (condition, base_version) {
            (None, Some(n)) => Ok(Self::BaseVersion(n)),
            (None, None) => Err(ApiError::invalid_field(
                "base_version",
                FieldCode::Required,
                "say which version the edit is based on (base_version or If-Match)",
            )),
            (Some(tags), base) => {
                let versions: Vec<i32> = tags.iter().filter_map(http::version_from_etag).collect();
                match base {
                    Some(n) if !versions.contains(&n) => Ok(Self::Disagreeing),
                    Some(n) => Ok(Self::Tag(vec![n])),
                    None => Ok(Self::Tag(versions)),
                }
            }
        }
    }
}

/// How an edit ended, short of a service error.
enum EditOutcome {
    /// The new version.
    Edited(Proposal),
    /// `If-Match` did not hold: the current proposal, and why.
    PreconditionFailed(Proposal, &'static str),
}

/// Withdraws a proposal (authors).
#[utoipa::path(tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses((status = 200, description = "The proposal, now withdrawn.", body = Proposal,
            headers(("ETag" = String, description = "Entity tag of the new representation."))),
        (status = 403, description = "Only an author may withdraw it (`not_author`)."),
        (status = 409, description = "Already withdrawn or answered (`proposal_withdrawn`, `proposal_answered`).")))]
#[post("/proposals/{id}/withdraw")]
pub async fn withdraw_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.proposals.withdraw(&user.actor(), &id)).await?;
    Ok(http::with_proposal(HttpResponse::Ok(), view))
}

/// Where a proposal is filed: the whole new choice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FilingRequest {
    /// One of the space's `categories`, by slug; `null` or absent: none.
    #[serde(default)]
    #[schema(schema_with = crate::text_schema::optional_slug)]
    pub category: Option<String>,
    /// One of the space's `areas`, by slug; `null` or absent: none.
    #[serde(default)]
    #[schema(schema_with = crate::text_schema::optional_slug)]
    pub area: Option<String>,
}

/// Files a proposal under other topics of its space (staff of the space;
/// an author while the proposal takes edits).
#[utoipa::path(tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code")), request_body = FilingRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The proposal, filed anew.", body = Proposal,
            headers(("ETag" = String, description = "Entity tag of the new representation."))),
        (status = 403, description = "Neither staff of the space nor an author (`not_author`)."),
        (status = 409, description = "An author's proposal no longer takes edits (`proposal_withdrawn`, `proposal_answered`)."),
        (status = 422, description = "A topic the space does not offer (`invalid_choice` on `category` or `area`).")))]
#[put("/proposals/{id}/filing")]
pub async fn file_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
    body: Body<FilingRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let filing = Filing { category: body.category, area: body.area };
    let view = blocking(move || state.proposals.file(&user.actor(), &id, &filing)).await?;
    Ok(http::with_proposal(HttpResponse::Ok(), view))
}

/// Every official answer of a proposal, newest (the one in force) first.
#[utoipa::path(tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code")),
    responses((status = 200, description = "Every answer, newest first.", body = Vec<Answer>)))]
#[get("/proposals/{id}/answers")]
pub async fn list_answers(state: web::Data<AppState>, user: MaybeUser, id: ProposalPath) -> ApiResult<HttpResponse> {
    let answers = blocking(move || state.proposals.answers(&id, user.actor().as_ref())).await?;
    Ok(HttpResponse::Ok().json(answers))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_answers)
        .service(list_proposals)
        .service(create_proposal)
        .service(get_proposal)
        .service(edit_proposal)
        .service(withdraw_proposal)
        .service(file_proposal);
}
