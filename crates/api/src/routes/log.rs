//! The transparency log in the c2sp.org formats, at the site's root so
//! that witnesses and monitors written for those formats find it where
//! they look: `/log/checkpoint` (tlog-checkpoint, a signed-note signed
//! with Ed25519), `/log/tile/<L>/<N>[.p/<W>]` and
//! `/log/tile/entries/<N>[.p/<W>]` (tlog-tiles, height 8), and `/log/key`
//! (the note verifier key). Public and cross-origin: anyone may keep a
//! copy.

use crate::extract::{blocking, Query};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{get, web, HttpResponse, HttpResponseBuilder};
use emenda_domain::transparency::TileRequest;
use emenda_domain::ErrorCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

/// A tile never changes once served at a width (a wider one has another
/// path), so it may be kept for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Headers every log answer carries: readable from any origin.
fn public(mut response: HttpResponseBuilder, content_type: &'static str, cache: &'static str) -> HttpResponseBuilder {
    response
        .insert_header((header::CONTENT_TYPE, HeaderValue::from_static(content_type)))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(cache)))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")));
    response
}

/// The latest signed checkpoint: origin, tree size, base64 root hash, then
/// the Ed25519 signature line. Changes with every batch (about once a
/// second under writes): revalidate every time.
#[utoipa::path(tag = "transparency",
    responses((status = 200, description = "The checkpoint, a c2sp.org signed note.", content_type = "text/plain", body = String)))]
#[get("/checkpoint")]
pub async fn checkpoint(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let note = blocking(move || state.log.checkpoint()).await?;
    Ok(public(HttpResponse::Ok(), "text/plain; charset=utf-8", "no-cache").body(note))
}

/// The note verifier key, `<name>+<key id>+<base64 key>`: what a witness
/// checks checkpoints with. Keep it from a first visit, or compare it with
/// the one the administration publishes elsewhere.
#[utoipa::path(tag = "transparency",
    responses((status = 200, description = "The verifier key, one line.", content_type = "text/plain", body = String)))]
#[get("/key")]
pub async fn key(state: web::Data<AppState>) -> HttpResponse {
    public(HttpResponse::Ok(), "text/plain; charset=utf-8", "public, max-age=3600")
        .body(format!("{}\n", state.log.verifier_key()))
}

/// A hash tile (`<L>/<N>[.p/<W>]`) or an entry bundle
/// (`entries/<N>[.p/<W>]`), with `N` in groups of three digits
/// (`x001/x234/067`). Not found until the tree is that wide.
#[utoipa::path(tag = "transparency",
    params(("tile" = String, Path, description = "The tile's path after `/log/tile/`, e.g. `0/000.p/17` or `entries/000`.")),
    responses((status = 200, description = "The tile's bytes.", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, description = "Not a tile path, or the tree is not yet that wide (`not_found`).")))]
#[get("/tile/{tile:.*}")]
pub async fn tile(state: web::Data<AppState>, path: web::Path<String>) -> ApiResult<HttpResponse> {
    let request = TileRequest::parse(&path.into_inner())
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "not a tile of this log"))?;
    // A tile served before comes from memory, without a hop to the
    // blocking pool.
    let data = match state.log.served_tile(&request) {
        Some(data) => data,
        None => blocking(move || state.log.tile(request)).await?,
    };
    Ok(public(HttpResponse::Ok(), "application/octet-stream", IMMUTABLE).body(data.to_vec()))
}

/// Which inclusion proof.
#[derive(Debug, Deserialize, IntoParams)]
pub struct InclusionQuery {
    /// The leaf index (a version's or audit entry's `log_index`).
    #[param(minimum = 0)]
    pub index: u64,
    /// The tree size to prove it in: a checkpoint's size.
    #[param(minimum = 1)]
    pub size: u64,
}

/// A proof: the hashes, in hex, in the order RFC 9162 verifies them.
#[derive(Debug, Serialize, ToSchema)]
pub struct LogProof {
    /// The tree size proved against.
    pub size: u64,
    /// The proof's hashes, lower-case hex.
    pub hashes: Vec<String>,
}

/// The inclusion proof of a leaf in a signed tree: with the checkpoint of
/// that size (`/log/checkpoint`), anyone can check that the entry is in
/// the log, as the web app does on a proposal's page.
#[utoipa::path(tag = "transparency", params(InclusionQuery),
    responses((status = 200, description = "The proof.", body = LogProof),
        (status = 422, description = "`size` is beyond the latest checkpoint, or `index` not below it (`validation_failed`).")))]
#[get("/log/inclusion")]
pub async fn inclusion(state: web::Data<AppState>, query: Query<InclusionQuery>) -> ApiResult<HttpResponse> {
    let InclusionQuery { index, size } = query.into_inner();
    let hashes = blocking(move || state.log.inclusion_proof(index, size)).await?;
    Ok(HttpResponse::Ok().json(LogProof { size, hashes }))
}

/// Which consistency proof.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ConsistencyQuery {
    /// The size of the tree kept before (a checkpoint's).
    #[param(minimum = 1)]
    pub old: u64,
    /// The size of the newer tree (a checkpoint's).
    #[param(minimum = 1)]
    pub size: u64,
}

/// The consistency proof between two signed trees: a witness that kept
/// the older checkpoint checks with it that the newer tree only added
/// entries.
#[utoipa::path(tag = "transparency", params(ConsistencyQuery),
    responses((status = 200, description = "The proof.", body = LogProof),
        (status = 422, description = "`size` is beyond the latest checkpoint, or `old` not between 1 and it (`validation_failed`).")))]
#[get("/log/consistency")]
pub async fn consistency(state: web::Data<AppState>, query: Query<ConsistencyQuery>) -> ApiResult<HttpResponse> {
    let ConsistencyQuery { old, size } = query.into_inner();
    let hashes = blocking(move || state.log.consistency_proof(old, size)).await?;
    Ok(HttpResponse::Ok().json(LogProof { size, hashes }))
}

/// Registers the proof routes, under `/api/v1`.
pub fn configure_proofs(cfg: &mut ServiceConfig) {
    cfg.service(inclusion).service(consistency);
}

/// Registers the routes, under `/log`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(checkpoint).service(key).service(tile);
}
