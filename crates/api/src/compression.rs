//! gzip for JSON answers above a size, and for the public pages the server
//! renders (HTML read as an anonymous reader: no secret in them). Lists, a
//! proposal with its first pages and the OpenAPI document shrink to a fifth
//! or less; answers under [`MIN_BYTES`] gain too little to be worth the CPU
//! and go as they are. (The app's own files come compressed at build time.)
//!
//! Answers that carry tokens (`/api/v1/auth/…`) are never compressed: a
//! secret compressed beside text an attacker can choose leaks through the
//! length (BREACH). No other answer carries a secret. The entity tag stays
//! the tag of the JSON: `Vary: Accept-Encoding` keeps the two codings apart
//! in caches, the API serves no byte ranges, and an edit's `If-Match`
//! compares the tag the client got whichever coding carried it.

use crate::http::vary_on;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, Header, HeaderMap, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// Smallest JSON body that is compressed.
pub const MIN_BYTES: usize = 1024;

/// gzip level: 5 of 9 keeps most of the gain of 9 at a third of its cost.
const LEVEL: u32 = 5;

/// Middleware: compresses a JSON answer of at least [`MIN_BYTES`] with gzip
/// when the client accepts it (see the module's notes for what is left out).
pub async fn compress_answers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let gzip = AcceptEncoding::parse(&req)
        .ok()
        .and_then(|accept| accept.negotiate([Encoding::gzip(), Encoding::identity()].iter()))
        .is_some_and(|chosen| chosen == Encoding::gzip());
    let carries_tokens = req.path().starts_with("/api/v1/auth/");
    let mut response = next.call(req).await?.map_into_boxed_body();
    if carries_tokens || !is_compressible(response.headers()) {
        return Ok(response);
    }
    vary_on(response.headers_mut(), "Accept-Encoding");
    let bodiless = matches!(response.status(), StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED);
    if !gzip || bodiless || response.headers().contains_key(header::CONTENT_ENCODING) {
        return Ok(response);
    }
    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = match body.try_into_bytes() {
        Ok(bytes) if bytes.len() >= MIN_BYTES => bytes,
        Ok(bytes) => return Ok(ServiceResponse::new(request, head.set_body(BoxBody::new(bytes)))),
        // A streamed body is left as it is.
        Err(body) => return Ok(ServiceResponse::new(request, head.set_body(body))),
    };
    let Some(compressed) = gzip_bytes(&bytes) else {
        return Ok(ServiceResponse::new(request, head.set_body(BoxBody::new(bytes))));
    };
    let headers = head.headers_mut();
    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(ContentEncoding::Gzip.as_str()));
    headers.remove(header::CONTENT_LENGTH);
    Ok(ServiceResponse::new(request, head.set_body(BoxBody::new(compressed))))
}

/// Whether the answer is JSON (`application/json` or a `+json` type such
/// as problem+json).
fn is_compressible(headers: &HeaderMap) -> bool {
    let Some(media) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = media.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
        || essence == "text/html"
}

/// `bytes` in gzip; `None` only if writing to memory failed.
fn gzip_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::new(LEVEL));
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderName;
    use actix_web::middleware::from_fn;
    use actix_web::test::{call_service, init_service, read_body, TestRequest};
    use actix_web::{web, App, HttpResponse};
    use flate2::read::GzDecoder;
    use std::io::Read;

    /// A JSON array of `n` small objects: about 30 bytes each.
    fn json_of(n: usize) -> String {
        let items: Vec<String> = (0..n).map(|i| format!(r#"{{"id":{i},"title":"proposta {i}"}}"#)).collect();
        format!("[{}]", items.join(","))
    }

    async fn answer(
        path: &str,
        accept: Option<&str>,
        content_type: &str,
        body: String,
    ) -> (Vec<(HeaderName, String)>, Vec<u8>) {
        let content_type = content_type.to_owned();
        let app = init_service(App::new().wrap(from_fn(compress_answers)).default_service(web::to(move || {
            let (content_type, body) = (content_type.clone(), body.clone());
            async move { HttpResponse::Ok().content_type(content_type).body(body) }
        })))
        .await;
        let mut request = TestRequest::get().uri(path);
        if let Some(accept) = accept {
            request = request.insert_header((header::ACCEPT_ENCODING, accept));
        }
        let response = call_service(&app, request.to_request()).await;
        let headers =
            response.headers().iter().map(|(k, v)| (k.clone(), v.to_str().unwrap_or_default().to_owned())).collect();
        (headers, read_body(response).await.to_vec())
    }

    fn get<'a>(headers: &'a [(HeaderName, String)], name: &HeaderName) -> Option<&'a str> {
        headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn gunzip(bytes: &[u8]) -> String {
        let mut text = String::new();
        GzDecoder::new(bytes).read_to_string(&mut text).expect("valid gzip");
        text
    }

    #[actix_web::test]
    async fn a_large_json_answer_is_gzipped_for_a_client_that_accepts_it() {
        let body = json_of(200);
        let (headers, sent) =
            answer("/api/v1/proposals", Some("gzip, deflate, br"), "application/json", body.clone()).await;
        assert_eq!(get(&headers, &header::CONTENT_ENCODING), Some("gzip"));
        assert_eq!(get(&headers, &header::VARY), Some("Accept-Encoding"));
        assert!(sent.len() * 4 < body.len(), "{} bytes of {}", sent.len(), body.len());
        assert_eq!(gunzip(&sent), body);
        let (headers, sent) = answer("/api/v1/x", Some("gzip"), "application/problem+json", json_of(100)).await;
        assert_eq!(get(&headers, &header::CONTENT_ENCODING), Some("gzip"), "problem+json is JSON too");
        assert_eq!(gunzip(&sent), json_of(100));
    }

    #[actix_web::test]
    async fn small_answers_and_clients_without_gzip_get_the_json_as_it_is() {
        let large = json_of(200);
        for accept in [None, Some("br"), Some("gzip;q=0, identity"), Some("identity")] {
            let (headers, sent) = answer("/api/v1/proposals", accept, "application/json", large.clone()).await;
            assert_eq!(get(&headers, &header::CONTENT_ENCODING), None, "{accept:?}");
            assert_eq!(get(&headers, &header::VARY), Some("Accept-Encoding"), "{accept:?}");
            assert_eq!(sent, large.as_bytes());
        }
        let small = json_of(10);
        assert!(small.len() < MIN_BYTES);
        let (headers, sent) = answer("/api/v1/proposals", Some("gzip"), "application/json", small.clone()).await;
        assert_eq!(get(&headers, &header::CONTENT_ENCODING), None);
        assert_eq!(sent, small.as_bytes());
    }

    #[actix_web::test]
    async fn answers_with_tokens_and_other_media_types_are_never_compressed() {
        let large = json_of(200);
        let (headers, sent) = answer("/api/v1/auth/login", Some("gzip"), "application/json", large.clone()).await;
        assert_eq!(
            get(&headers, &header::CONTENT_ENCODING),
            None,
            "a token beside chosen text leaks through the length"
        );
        assert_eq!(sent, large.as_bytes());
        // The app's own files come compressed at build time, or not at all.
        let (headers, sent) = answer("/assets/app.css", Some("gzip"), "text/css; charset=utf-8", large.clone()).await;
        assert_eq!(get(&headers, &header::CONTENT_ENCODING), None);
        assert_eq!(get(&headers, &header::VARY), None);
        assert_eq!(sent, large.as_bytes());
    }

    #[actix_web::test]
    async fn server_rendered_pages_are_compressed() {
        let large = json_of(200);
        let (headers, sent) = answer("/proposte/X", Some("gzip"), "text/html; charset=utf-8", large.clone()).await;
        assert_eq!(get(&headers, &header::CONTENT_ENCODING), Some("gzip"));
        assert_eq!(get(&headers, &header::VARY), Some("Accept-Encoding"));
        assert!(sent.len() < large.len());
    }
}
