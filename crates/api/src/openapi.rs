//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use actix_web::{get, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// Every documented path of the API.
#[derive(OpenApi)]
#[openapi(
    info(title = "Emenda API", description = "Civic participation: proposals as immutable versions, amendments, supports, comments and moderation."),
    modifiers(&BearerAuth),
    paths(
        crate::routes::health::healthz,
        crate::routes::health::readyz,
        crate::routes::auth::register,
        crate::routes::auth::login,
        crate::routes::auth::refresh,
        crate::routes::auth::logout,
        crate::routes::auth::me,
        crate::routes::spaces::list_spaces,
        crate::routes::spaces::create_space,
        crate::routes::spaces::get_space,
        crate::routes::spaces::update_space,
        crate::routes::proposals::list_proposals,
        crate::routes::proposals::create_proposal,
        crate::routes::proposals::get_proposal,
        crate::routes::proposals::edit_proposal,
        crate::routes::proposals::withdraw_proposal,
        crate::routes::versions::list_versions,
        crate::routes::versions::get_version,
        crate::routes::versions::diff_versions,
        crate::routes::versions::verify_history,
        crate::routes::proposals::list_answers,
        crate::routes::amendments::create_amendment,
        crate::routes::amendments::list_amendments,
        crate::routes::amendments::get_amendment,
        crate::routes::amendments::withdraw_amendment,
        crate::routes::amendments::promote_amendment,
        crate::routes::moderation::amendment_queue,
        crate::routes::moderation::accept_amendment,
        crate::routes::moderation::reject_amendment,
        crate::routes::moderation::answer_proposal,
        crate::routes::audit::list_audit,
        crate::routes::audit::verify_audit,
        crate::routes::roles::grant_role,
        crate::routes::roles::revoke_role,
        crate::routes::users::verify_user,
        crate::routes::users::block_user,
        crate::routes::users::unblock_user,
    ),
    components(schemas(crate::problem::Problem))
)]
pub struct ApiDoc;

/// The OpenAPI document.
#[get("/api/openapi.json")]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
