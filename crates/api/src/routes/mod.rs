//! The API's routes, registered once. Each resource module declares its
//! handlers (method and path in the actix attribute, the OpenAPI operation
//! in `#[utoipa::path]`, a rate-limit class other than its method's
//! default in the operation's `x-rate-limit` extension) and lists them in
//! its `configure`. [`register`] puts every one of them in the router and
//! in the OpenAPI document at the same time; [`document`] and [`table`]
//! are derived from that one registration, so the document, the 405
//! answers and the rate limiter cannot drift from the routes.

pub mod account;
pub mod amendments;
pub mod audit;
pub mod auth;
pub mod comments;
pub mod data_rights;
pub mod follows;
pub mod health;
pub mod log;
pub mod moderation;
pub mod notifications;
pub mod proposals;
pub mod reports;
pub mod roles;
pub mod site;
pub mod spaces;
pub mod supports;
pub mod users;
pub mod versions;

use crate::route_table::RouteTable;
use crate::{connections, extract, http, input, openapi, rate_limit, JSON_LIMIT_BYTES};
use actix_web::{web, HttpRequest, HttpResponse};
use std::sync::OnceLock;
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::AppExt;

/// Where the document is served; outside the document itself.
const DOCUMENT_PATH: &str = "/api/openapi.json";

/// Registers every route, with the extractor settings that turn bad input
/// into problem+json and the middleware of the `/api/v1` scope.
pub fn register(cfg: &mut ServiceConfig) {
    cfg.app_data(extract::json_config())
        // Raw bodies (read by the NUL check) obey the same limit as JSON.
        .app_data(web::PayloadConfig::new(JSON_LIMIT_BYTES))
        .app_data(extract::query_config())
        .app_data(extract::path_config())
        .service(health::healthz)
        .service(health::readyz)
        .map(|cfg| {
            // The probes' and the document's other methods answer like the
            // API's: 405 problem+json with `Allow` (actix's own 405 is
            // plain text without it). Their GET resources come first.
            cfg.route(DOCUMENT_PATH, web::get().to(openapi_json))
                .service(web::resource(["/healthz", "/readyz", DOCUMENT_PATH]).default_service(web::to(not_found)))
        })
        .service(
            utoipa_actix_web::scope("/api/v1")
                // Innermost first: the NUL check reads the body, so it runs
                // only after the token was checked.
                .wrap(actix_web::middleware::from_fn(input::refuse_nul))
                .wrap(actix_web::middleware::from_fn(crate::auth::authenticate))
                .wrap(actix_web::middleware::from_fn(rate_limit::enforce))
                .wrap(actix_web::middleware::from_fn(http::cache_headers))
                .wrap(actix_web::middleware::from_fn(connections::bound_body_time))
                .configure(auth::configure)
                .configure(account::configure)
                .configure(data_rights::configure)
                .configure(spaces::configure)
                .configure(proposals::configure)
                .configure(versions::configure)
                .configure(amendments::configure)
                .configure(supports::configure)
                .configure(follows::configure)
                .configure(notifications::configure)
                .configure(comments::configure)
                .configure(moderation::configure)
                .configure(reports::configure)
                .configure(audit::configure)
                .configure(log::configure_proofs)
                .configure(roles::configure)
                .configure(users::configure)
                .configure(site::configure)
                .default_service(web::to(not_found)),
        )
        // The transparency log, where c2sp.org clients look for it.
        .service(utoipa_actix_web::scope("/log").configure(log::configure))
        // Every other `/api` path is an API path too: problem+json, never
        // the web app's page.
        .map(|cfg| cfg.service(web::scope("/api").default_service(web::to(not_found))));
}

/// The OpenAPI document: what [`register`] collected, finished by
/// [`openapi::finish`]. Built once, on a router that never serves.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOCUMENT: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, mut document) = actix_web::App::new()
            .into_utoipa_app()
            .openapi(openapi::ApiDoc::openapi())
            .configure(register)
            .split_for_parts();
        openapi::finish(&mut document);
        document
    })
}

/// The route table derived from [`document`].
pub fn table() -> &'static RouteTable {
    static TABLE: OnceLock<RouteTable> = OnceLock::new();
    TABLE.get_or_init(|| RouteTable::from_document(document(), &[DOCUMENT_PATH]))
}

/// The OpenAPI document, as JSON.
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(document())
}

/// Requests no route took answer with problem+json like every other error:
/// 405 with `Allow` when the path exists under other methods, else 404.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    http::no_route(table(), req.path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route_table::RateClass;
    use actix_web::http::Method;

    #[test]
    fn wrong_methods_name_the_allowed_ones() {
        let names =
            |path: &str| table().allowed_methods(path).iter().map(|m| m.as_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(names("/api/v1/proposals/EMD-1/versions"), ["GET", "HEAD", "POST"]);
        assert_eq!(names("/api/v1/proposals"), ["GET", "HEAD"]);
        assert_eq!(names("/api/v1/proposals/x/support"), ["PUT", "DELETE"]);
        assert_eq!(names("/api/openapi.json"), ["GET", "HEAD"]);
        assert_eq!(names("/healthz"), ["GET", "HEAD"]);
        assert!(names("/api/v2/proposals").is_empty());
    }

    #[test]
    fn each_operation_is_counted_in_its_declared_class() {
        let class = |method: Method, path: &str| table().rate_class(&method, path);
        for path in [
            "/api/v1/proposals/EMD-PROP-2026-11-1/diff",
            "/api/v1/proposals/x/history/verify",
            "/api/v1/amendments/0193",
            "/api/v1/audit/verify",
            "/api/v1/moderation/users",
        ] {
            assert_eq!(class(Method::GET, path), RateClass::ExpensiveRead, "{path}");
            assert_eq!(class(Method::HEAD, path), RateClass::ExpensiveRead, "{path}");
        }
        for path in [
            "/api/v1/proposals",
            "/api/v1/proposals/x",
            "/api/v1/amendments/x/comments",
            "/api/v1/audit",
            "/api/v1/moderation/users/x/verify",
        ] {
            assert_eq!(class(Method::GET, path), RateClass::Free, "{path}");
        }
        for path in ["/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh", "/api/v1/auth/logout"] {
            assert_eq!(class(Method::POST, path), RateClass::Auth, "{path}");
        }
        assert_eq!(class(Method::GET, "/api/v1/auth/me"), RateClass::Free);
        assert_eq!(class(Method::POST, "/api/v1/proposals"), RateClass::Write);
        assert_eq!(class(Method::POST, "/api/v1/nothing/here"), RateClass::Write, "unknown writes still count");
    }

    #[test]
    fn enums_are_documented_as_they_are_sent() {
        // The audit actions are the enum whose texts (`proposal.edited`)
        // are not its variants' names in snake case.
        let document = serde_json::to_value(document()).unwrap_or_default();
        let documented = &document["components"]["schemas"]["AuditAction"]["enum"];
        let sent: Vec<serde_json::Value> = emenda_domain::audit::AuditAction::ALL
            .iter()
            .map(|action| serde_json::to_value(action).unwrap_or_default())
            .collect();
        assert_eq!(documented, &serde_json::Value::Array(sent));
    }

    #[test]
    fn escaped_paths_are_classified_like_plain_ones() {
        use rate_limit::decoded_path;
        assert_eq!(decoded_path("/api/v1/%61mendments/x"), "/api/v1/amendments/x");
        assert_eq!(decoded_path("/api/v1/proposals/X/%64iff"), "/api/v1/proposals/X/diff");
        assert_eq!(decoded_path("/a%2"), "/a%2");
        let class = |method: Method, path: &str| table().rate_class(&method, &decoded_path(path));
        assert_eq!(class(Method::GET, "/api/v1/%61mendments/0193"), RateClass::ExpensiveRead);
        assert_eq!(class(Method::POST, "/api/v1/%61uth/login"), RateClass::Auth);
    }
}
