//! The web app embedded in the binary (built and listed by `build.rs`), so
//! one binary is the whole product. Client-side routes fall back to
//! `index.html`; hashed assets under `/assets/` are cached for a year, the
//! page itself is always revalidated so a new release is picked up at once,
//! and carries an `ETag`, so revalidating it costs a 304 without a body.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse};
use emenda_api::http::{content_tag, still_fresh, EntityTag};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));

/// Cache policy of the files whose names carry their content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy of everything else (the page and unhashed files).
const REVALIDATE: &str = "no-cache";

/// The embedded file at `name` (no leading `/`).
pub fn file(name: &str) -> Option<&'static [u8]> {
    FILES.iter().find(|(path, _)| *path == name).map(|(_, bytes)| *bytes)
}

/// The media type of a file, by its extension.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Answers a request for the app: the file asked for, or `index.html` for a
/// client route. A missing file under `/assets/` is a 404, never the page.
pub async fn serve(request: HttpRequest) -> HttpResponse {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return HttpResponse::MethodNotAllowed().insert_header((header::ALLOW, "GET, HEAD")).finish();
    }
    let name = request.path().trim_start_matches('/');
    let name = if name.is_empty() { "index.html" } else { name };
    if let Some(index) = FILES.iter().position(|(path, _)| *path == name) {
        return respond(&request, index);
    }
    if name.starts_with("assets/") {
        return HttpResponse::NotFound().content_type("text/plain; charset=utf-8").body("not found");
    }
    match FILES.iter().position(|(path, _)| *path == "index.html") {
        Some(index) => respond(&request, index),
        None => HttpResponse::NotFound().finish(),
    }
}

/// The tags of the embedded files, in the order of `FILES`, computed once.
fn tags() -> &'static [EntityTag] {
    static TAGS: OnceLock<Vec<EntityTag>> = OnceLock::new();
    TAGS.get_or_init(|| FILES.iter().map(|(_, bytes)| content_tag("app", bytes)).collect())
}

/// The file `FILES[index]`, or 304 when `If-None-Match` names its tag.
fn respond(request: &HttpRequest, index: usize) -> HttpResponse {
    let (name, bytes) = FILES[index];
    let tag = &tags()[index];
    let cache = if name.starts_with("assets/") { IMMUTABLE } else { REVALIDATE };
    let unchanged = still_fresh(request.headers(), tag);
    let mut response = if unchanged { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    response
        .insert_header((header::ETAG, tag.to_string()))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(cache)));
    if unchanged {
        return response.finish();
    }
    response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(content_type(name)))).body(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::StatusCode;
    use actix_web::test as http_test;
    use actix_web::{web, App};

    #[actix_web::test]
    async fn serves_the_app_with_client_routes_falling_back_to_the_page() {
        let app = http_test::init_service(App::new().default_service(web::to(serve))).await;
        let index = file("index.html").expect("an index.html is always embedded");
        for path in
            ["/", "/proposte/EMD-PROP-2026-11-7", "/proposte/EMD-PROP-2026-11-7/confronto?da=1&a=2", "/registro"]
        {
            let response = http_test::call_service(&app, http_test::TestRequest::get().uri(path).to_request()).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(response.headers().get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()), Some(REVALIDATE));
            assert_eq!(
                response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()),
                Some("text/html; charset=utf-8")
            );
            assert_eq!(http_test::read_body(response).await.as_ref(), index, "{path}");
        }
        let missing =
            http_test::call_service(&app, http_test::TestRequest::get().uri("/assets/nope-1234.js").to_request()).await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let post = http_test::call_service(&app, http_test::TestRequest::post().uri("/").to_request()).await;
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
    }

    #[actix_web::test]
    async fn the_page_revalidates_with_its_tag() {
        let app = http_test::init_service(App::new().default_service(web::to(serve))).await;
        let first = http_test::call_service(&app, http_test::TestRequest::get().uri("/registro").to_request()).await;
        let tag = first.headers().get(header::ETAG).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let tag = tag.expect("the page has an ETag");
        assert!(tag.starts_with("\"app-"), "{tag}");
        let again = http_test::call_service(
            &app,
            http_test::TestRequest::get()
                .uri("/proposte/EMD-PROP-2026-11-7")
                .insert_header((header::IF_NONE_MATCH, tag.as_str()))
                .to_request(),
        )
        .await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "every client route is the same page");
        assert_eq!(again.headers().get(header::ETAG).and_then(|v| v.to_str().ok()), Some(tag.as_str()));
        assert!(http_test::read_body(again).await.is_empty());
        let other = http_test::call_service(
            &app,
            http_test::TestRequest::get().uri("/").insert_header((header::IF_NONE_MATCH, "\"app-0000\"")).to_request(),
        )
        .await;
        assert_eq!(other.status(), StatusCode::OK, "a stale tag gets the page");
    }

    #[actix_web::test]
    async fn hashed_assets_are_cached_for_a_year() {
        let app = http_test::init_service(App::new().default_service(web::to(serve))).await;
        // Without a built app only the placeholder page is embedded.
        for (name, bytes) in FILES.iter().filter(|(name, _)| name.starts_with("assets/")) {
            let response =
                http_test::call_service(&app, http_test::TestRequest::get().uri(&format!("/{name}")).to_request())
                    .await;
            assert_eq!(response.status(), StatusCode::OK, "{name}");
            assert_eq!(response.headers().get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()), Some(IMMUTABLE));
            assert_eq!(http_test::read_body(response).await.as_ref(), *bytes);
        }
    }

    #[test]
    fn media_types_by_extension() {
        assert_eq!(content_type("assets/index-abc.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("assets/style-abc.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("assets/titillium-web-latin-400-normal.woff2"), "font/woff2");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
