//! The web app, served beside the API: built into the binary (listed by
//! `build.rs`, so one binary is the whole product) or read from a folder
//! (`--web-dir`, for working on the app). Client-side routes fall back to
//! `index.html`; hashed assets under `/assets/` are cached for a year, the
//! page itself is always revalidated so a new release is picked up at once,
//! and carries an `ETag`, so revalidating it costs a 304 without a body.
//!
//! The build writes a brotli (`.br`) and a gzip (`.gz`) copy beside each
//! text file (`web/scripts/compress.mjs`, at the highest levels, once): a
//! client that accepts one gets it with `Content-Encoding`, and no request
//! spends time compressing.

use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, Header, HeaderValue};
use actix_web::http::Method;
use actix_web::{web, HttpRequest, HttpResponse};
use emenda_api::http::{content_tag, still_fresh, EntityTag};
use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));

/// Cache policy of the files whose names carry their content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy of everything else (the page and unhashed files).
const REVALIDATE: &str = "no-cache";

/// Where the app's files come from.
#[derive(Debug, Clone)]
pub enum WebFiles {
    /// The build embedded in the binary.
    Embedded,
    /// A built app in a folder, read on each request (so a new build is
    /// served without a restart).
    Folder(PathBuf),
}

impl WebFiles {
    /// The file at `name` (a path checked by [`safe_name`]), if there is one.
    pub(crate) async fn read(&self, name: &str) -> Option<Cow<'static, [u8]>> {
        match self {
            WebFiles::Embedded => file(name).map(Cow::Borrowed),
            WebFiles::Folder(root) => {
                let path = root.join(name);
                web::block(move || std::fs::read(path).ok()).await.ok().flatten().map(Cow::Owned)
            }
        }
    }
}

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

/// `name` when it is a plain relative path inside the app (segments of
/// letters, digits, `.`, `-`, `_`, none of them `..` or empty), so a
/// request can never reach outside the folder it is served from.
fn safe_name(name: &str) -> Option<&str> {
    let plain = |segment: &str| {
        !segment.is_empty()
            && segment != ".."
            && segment != "."
            && segment.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    };
    name.split('/').all(plain).then_some(name)
}

/// Answers a request for the app from the embedded build.
pub async fn serve(request: HttpRequest) -> HttpResponse {
    serve_from(&WebFiles::Embedded, &request).await
}

/// Answers a request for the app: the file asked for (in the best encoding
/// the client accepts), or `index.html` for a client route. A missing file
/// under `/assets/` is a 404, never the page.
pub async fn serve_from(files: &WebFiles, request: &HttpRequest) -> HttpResponse {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return HttpResponse::MethodNotAllowed().insert_header((header::ALLOW, "GET, HEAD")).finish();
    }
    let asked = request.path().trim_start_matches('/');
    let asked = if asked.is_empty() { "index.html" } else { asked };
    if let Some(name) = safe_name(asked) {
        if let Some(response) = respond(files, request, name).await {
            return response;
        }
    }
    if asked.starts_with("assets/") {
        return HttpResponse::NotFound().content_type("text/plain; charset=utf-8").body("not found");
    }
    match respond(files, request, "index.html").await {
        Some(response) => response,
        None => HttpResponse::NotFound().finish(),
    }
}

/// The encodings a file may be sent in, best first, with the suffix of the
/// copy that holds each.
const ENCODINGS: [(ContentEncoding, &str); 2] = [(ContentEncoding::Brotli, ".br"), (ContentEncoding::Gzip, ".gz")];

/// The file `name` in the best encoding the client accepts (`Vary:
/// Accept-Encoding` whenever a compressed copy exists), or 304 when
/// `If-None-Match` names the tag of what would be sent; `None` when there
/// is no such file.
async fn respond(files: &WebFiles, request: &HttpRequest, name: &str) -> Option<HttpResponse> {
    let plain = files.read(name).await?;
    let mut variants = Vec::new();
    for (encoding, suffix) in ENCODINGS {
        if let Some(bytes) = files.read(&format!("{name}{suffix}")).await {
            variants.push((encoding, bytes));
        }
    }
    let accepted = AcceptEncoding::parse(request).ok();
    let offered: Vec<Encoding> = variants
        .iter()
        .map(|(encoding, _)| Encoding::Known(*encoding))
        .chain(std::iter::once(Encoding::identity()))
        .collect();
    let chosen = accepted.and_then(|accept| accept.negotiate(offered.iter()));
    let has_variants = !variants.is_empty();
    let (encoding, bytes) = match chosen {
        Some(Encoding::Known(wanted)) if wanted != ContentEncoding::Identity => variants
            .into_iter()
            .find(|(encoding, _)| *encoding == wanted)
            .map(|(encoding, bytes)| (Some(encoding), bytes))
            .unwrap_or((None, plain)),
        _ => (None, plain),
    };
    let tag = tag_of(files, name, encoding, &bytes);
    let cache = if name.starts_with("assets/") { IMMUTABLE } else { REVALIDATE };
    let unchanged = still_fresh(request.headers(), &tag);
    let mut response = if unchanged { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    response
        .insert_header((header::ETAG, tag.to_string()))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(cache)));
    if has_variants {
        response.insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")));
    }
    if unchanged {
        return Some(response.finish());
    }
    if let Some(encoding) = encoding {
        response.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static(encoding.as_str())));
    }
    response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(content_type(name))));
    Some(match bytes {
        Cow::Borrowed(bytes) => response.body(bytes),
        Cow::Owned(bytes) => response.body(bytes),
    })
}

/// The tag of the bytes sent: each encoding is its own representation, so
/// each has its own tag. The embedded files' tags are computed once.
fn tag_of(files: &WebFiles, name: &str, encoding: Option<ContentEncoding>, bytes: &[u8]) -> EntityTag {
    let sent = match encoding {
        Some(encoding) => {
            let suffix = ENCODINGS.iter().find(|(e, _)| *e == encoding).map_or("", |(_, suffix)| suffix);
            Cow::Owned(format!("{name}{suffix}"))
        }
        None => Cow::Borrowed(name),
    };
    match files {
        WebFiles::Embedded => match FILES.iter().position(|(path, _)| *path == sent) {
            Some(index) => tags()[index].clone(),
            None => content_tag("app", bytes),
        },
        WebFiles::Folder(_) => content_tag("app", bytes),
    }
}

/// The tags of the embedded files, in the order of `FILES`, computed once.
fn tags() -> &'static [EntityTag] {
    static TAGS: OnceLock<Vec<EntityTag>> = OnceLock::new();
    TAGS.get_or_init(|| FILES.iter().map(|(_, bytes)| content_tag("app", bytes)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderMap;
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

    /// A built app in a fresh folder: the page, one asset with its two
    /// compressed copies (marked contents, so the test sees which was sent)
    /// and a file outside the app's folder that must never be served.
    fn folder() -> WebFiles {
        let root = std::env::temp_dir().join(format!("emenda-web-{}", uuid::Uuid::now_v7()));
        let app = root.join("app");
        std::fs::create_dir_all(app.join("assets")).expect("temp folder");
        std::fs::write(app.join("index.html"), "<!doctype html><title>app</title>").expect("write");
        std::fs::write(app.join("assets/index-1.js"), "plain").expect("write");
        std::fs::write(app.join("assets/index-1.js.br"), "brotli").expect("write");
        std::fs::write(app.join("assets/index-1.js.gz"), "gzip").expect("write");
        std::fs::write(root.join("secret.txt"), "secret").expect("write");
        WebFiles::Folder(app)
    }

    async fn fetch(
        files: &WebFiles,
        path: &str,
        headers: &[(header::HeaderName, &str)],
    ) -> (StatusCode, HeaderMap, String) {
        let files = web::Data::new(files.clone());
        let app = http_test::init_service(App::new().app_data(files).default_service(web::to(
            |files: web::Data<WebFiles>, request: HttpRequest| async move { serve_from(&files, &request).await },
        )))
        .await;
        let mut request = http_test::TestRequest::get().uri(path);
        for (name, value) in headers {
            request = request.insert_header((name.clone(), *value));
        }
        let response = http_test::call_service(&app, request.to_request()).await;
        let (status, headers) = (response.status(), response.headers().clone());
        let body = String::from_utf8_lossy(&http_test::read_body(response).await).into_owned();
        (status, headers, body)
    }

    fn value(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
        headers.get(name).and_then(|v| v.to_str().ok())
    }

    #[actix_web::test]
    async fn each_client_gets_the_smallest_copy_it_accepts() {
        let files = folder();
        let cases = [
            (Some("gzip, deflate, br, zstd"), "brotli", Some("br")),
            (Some("gzip"), "gzip", Some("gzip")),
            (Some("br;q=0.5, gzip"), "gzip", Some("gzip")),
            (Some("identity"), "plain", None),
            (None, "plain", None),
        ];
        let mut tags = Vec::new();
        for (accept, body, encoding) in cases {
            let headers: Vec<_> = accept.map(|a| (header::ACCEPT_ENCODING, a)).into_iter().collect();
            let (status, got, sent) = fetch(&files, "/assets/index-1.js", &headers).await;
            assert_eq!(status, StatusCode::OK, "{accept:?}");
            assert_eq!(sent, body, "{accept:?}");
            assert_eq!(value(&got, header::CONTENT_ENCODING), encoding, "{accept:?}");
            assert_eq!(value(&got, header::CONTENT_TYPE), Some("text/javascript; charset=utf-8"), "{accept:?}");
            assert_eq!(value(&got, header::VARY), Some("Accept-Encoding"), "{accept:?}");
            assert_eq!(value(&got, header::CACHE_CONTROL), Some(IMMUTABLE));
            tags.push(value(&got, header::ETAG).map(str::to_owned));
        }
        assert_ne!(tags[0], tags[1], "each coding is its own representation with its own tag");
        assert_ne!(tags[1], tags[3]);
        let brotli_tag = tags[0].clone().expect("a tag");
        let (status, _, body) = fetch(
            &files,
            "/assets/index-1.js",
            &[(header::ACCEPT_ENCODING, "br"), (header::IF_NONE_MATCH, brotli_tag.as_str())],
        )
        .await;
        assert_eq!((status, body.as_str()), (StatusCode::NOT_MODIFIED, ""));
        let (_, got, _) = fetch(&files, "/registro", &[(header::ACCEPT_ENCODING, "br")]).await;
        assert_eq!(value(&got, header::VARY), None, "a file without copies does not vary");
    }

    #[actix_web::test]
    async fn nothing_outside_the_app_folder_is_served() {
        let files = folder();
        for path in ["/../secret.txt", "/assets/../../secret.txt", "/assets/..%2f..%2fsecret.txt", "/%2e%2e/secret.txt"]
        {
            let (status, _, body) = fetch(&files, path, &[]).await;
            assert!(!body.contains("secret"), "{path}: {status} {body}");
        }
        let (status, _, _) = fetch(&files, "/assets/missing-1.js", &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, body) = fetch(&files, "/proposte/EMD-PROP-2026-11-7", &[]).await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "<!doctype html><title>app</title>"));
    }

    #[test]
    fn media_types_by_extension() {
        assert_eq!(content_type("assets/index-abc.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("assets/style-abc.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("assets/titillium-web-latin-400-normal.woff2"), "font/woff2");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
