//! The web app embedded in the binary (built and listed by `build.rs`), so
//! one binary is the whole product. Client-side routes fall back to
//! `index.html`; hashed assets under `/assets/` are cached for a year, the
//! page itself is always revalidated so a new release is picked up at once.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse};

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
    if let Some(bytes) = file(name) {
        let cache = if name.starts_with("assets/") { IMMUTABLE } else { REVALIDATE };
        return respond(name, bytes, cache);
    }
    if name.starts_with("assets/") {
        return HttpResponse::NotFound().content_type("text/plain; charset=utf-8").body("not found");
    }
    match file("index.html") {
        Some(bytes) => respond("index.html", bytes, REVALIDATE),
        None => HttpResponse::NotFound().finish(),
    }
}

fn respond(name: &str, bytes: &'static [u8], cache: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, HeaderValue::from_static(content_type(name))))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(cache)))
        .body(bytes)
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
