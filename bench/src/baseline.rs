//! `emenda-bench baseline`: the yardsticks Emenda is measured against in
//! the same run, on the same machine and database. `GET /proposal` answers
//! a JSON document held in memory (a real proposal response, so the bytes
//! on the wire are the same); `POST /insert` writes one row into a scratch
//! table through the same store, pool and transaction kind the services
//! use, so its ratio isolates what a support costs beyond one insert;
//! `GET /static/{name}` reads a file from `--static-dir` on every request,
//! as a static-file server does (the harness saves a log tile and an entry
//! bundle there, which Emenda's log scenarios are measured against).

use actix_web::{web, App, HttpResponse, HttpServer};
use anyhow::Context;
use chrono::Utc;
use emenda_store::{bulk, DatabaseTarget, Store, StoreError};
use std::path::PathBuf;
use uuid::Uuid;

/// How to start the baselines.
#[derive(Debug, Clone, clap::Args)]
pub struct BaselineOptions {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8090")]
    pub bind: String,
    /// The database the raw insert writes to (the one Emenda uses).
    #[arg(long)]
    pub database_url: String,
    /// A file whose bytes `GET /proposal` returns (a saved real response).
    #[arg(long, conflicts_with = "size")]
    pub sample: Option<PathBuf>,
    /// Or: the size in bytes of a generated JSON document to return.
    #[arg(long)]
    pub size: Option<usize>,
    /// Files `GET /static/{name}` serves, read from disk on each request.
    #[arg(long)]
    pub static_dir: Option<PathBuf>,
    /// Worker threads (default: one per core, as the server).
    #[arg(long)]
    pub workers: Option<usize>,
}

/// A JSON document of exactly `size` bytes (at least 11).
fn padded_document(size: usize) -> Vec<u8> {
    let filler = size.saturating_sub(11);
    format!("{{\"body\":\"{}\"}}", "x".repeat(filler)).into_bytes()
}

/// The row the raw insert writes: about what a support row holds.
const SCRATCH_BODY: &str = "support-sized row";

async fn document(body: web::Data<Vec<u8>>) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(body.get_ref().clone())
}

/// Where `GET /static/{name}` reads from.
struct StaticDir(Option<PathBuf>);

/// A file read from disk on every request (the page cache keeps it in
/// memory, as it would for a static-file server), off the event loop.
async fn static_file(dir: web::Data<StaticDir>, name: web::Path<String>) -> HttpResponse {
    let name = name.into_inner();
    let Some(path) = dir.0.as_ref().filter(|_| !name.contains('/') && !name.starts_with('.')).map(|d| d.join(&name))
    else {
        return HttpResponse::NotFound().finish();
    };
    match web::block(move || std::fs::read(path)).await {
        Ok(Ok(bytes)) => HttpResponse::Ok().content_type("application/octet-stream").body(bytes),
        _ => HttpResponse::NotFound().finish(),
    }
}

async fn insert(store: web::Data<Store>) -> HttpResponse {
    let outcome = web::block(move || {
        store.write(|tx| -> Result<(), StoreError> {
            bulk::insert_scratch(tx, Uuid::now_v7(), SCRATCH_BODY, Utc::now())
        })
    })
    .await;
    match outcome {
        Ok(Ok(())) => HttpResponse::Created().finish(),
        _ => HttpResponse::InternalServerError().finish(),
    }
}

/// Serves the baselines until the process is stopped.
pub fn serve(options: &BaselineOptions) -> anyhow::Result<()> {
    let body = match (&options.sample, options.size) {
        (Some(path), _) => std::fs::read(path).with_context(|| format!("reading {}", path.display()))?,
        (None, Some(size)) => padded_document(size),
        (None, None) => padded_document(1_500),
    };
    let store = Store::open(&DatabaseTarget::parse(&options.database_url), None).context("opening the database")?;
    store.write(bulk::create_scratch_table)?;
    let (body, store) = (web::Data::new(body), web::Data::new(store));
    let static_dir = web::Data::new(StaticDir(options.static_dir.clone()));
    actix_web::rt::System::new().block_on(async move {
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(body.clone())
                .app_data(store.clone())
                .app_data(static_dir.clone())
                .route("/proposal", web::get().to(document))
                .route("/static/{name}", web::get().to(static_file))
                .route("/insert", web::post().to(insert))
        });
        if let Some(workers) = options.workers {
            server = server.workers(workers);
        }
        let server = server.bind(&options.bind).with_context(|| format!("binding {}", options.bind))?;
        eprintln!("baseline listening on {}", options.bind);
        server.run().await.context("serving")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_documents_have_the_asked_size_and_are_json() {
        for size in [11, 1_500, 20_000] {
            let doc = padded_document(size);
            assert_eq!(doc.len(), size);
            assert!(serde_json::from_slice::<serde_json::Value>(&doc).is_ok());
        }
    }
}
