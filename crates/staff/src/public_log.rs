//! The transparency log as the API and the integrator use it: the signed
//! checkpoint, tiles and entry bundles as served, the re-check of the log
//! against its checkpoint, and the integration of pending entries.

use emenda_domain::transparency::{self as tlog, LogReport, LogSigner, TileRequest};
use emenda_domain::DomainError;
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::public_log::{self, StoredHashes};
use emenda_store::HasStore;
use std::sync::Arc;

/// How many pending entries one integration sequences at most: a batch
/// stays one short transaction even after a backlog.
const BATCH: i64 = 4_096;

/// How many bytes of served tiles and entry bundles one process keeps in
/// memory: every hash tile of a log of 16 million entries (8 KiB per 256
/// leaves), or the latest few hundred entry bundles.
const TILE_CACHE_BYTES: u64 = 64 << 20;

/// A served tile, as kept in memory.
pub type TileBytes = Arc<[u8]>;

/// Weighs a kept tile by its length, so the cache is bounded in bytes.
#[derive(Debug, Clone, Copy)]
struct ByLength;

impl quick_cache::Weighter<TileRequest, TileBytes> for ByLength {
    fn weight(&self, _request: &TileRequest, data: &TileBytes) -> u64 {
        data.len() as u64
    }
}

/// Full tiles and entry bundles already served, by path. A full tile's
/// bytes never change (the tree only grows: the c2sp.org tlog-tiles
/// design, which is why tiles are sent as cacheable for a year), and full
/// tiles are the bulk of what every new witness reads, so what was read
/// once is served again from memory, at the speed of a static file,
/// without a database round trip. Partial tiles are not kept: each is
/// read about once per checkpoint, and a wider one has another path.
/// After an operator restores an older database this process keeps
/// serving the full tiles it had served (as every cache in front of it
/// would), and the witnesses that kept checkpoints name the rollback
/// either way.
#[derive(Clone)]
struct ServedTiles(Arc<quick_cache::sync::Cache<TileRequest, TileBytes, ByLength>>);

impl ServedTiles {
    fn new() -> Self {
        let estimated_items = usize::try_from(TILE_CACHE_BYTES / 8192).unwrap_or(usize::MAX);
        Self(Arc::new(quick_cache::sync::Cache::with_weighter(estimated_items, TILE_CACHE_BYTES, ByLength)))
    }
}

impl std::fmt::Debug for ServedTiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServedTiles").field("bytes", &self.0.weight()).finish()
    }
}

/// The log, with the key that signs its checkpoints.
#[derive(Debug, Clone)]
pub struct LogService {
    ctx: ServiceContext,
    signer: Arc<LogSigner>,
    served: ServedTiles,
}

impl LogService {
    /// The service, signing with `signer`.
    pub fn new(ctx: ServiceContext, signer: Arc<LogSigner>) -> Self {
        Self { ctx, signer, served: ServedTiles::new() }
    }

    /// The verifier key (`<name>+<id>+<base64>`) witnesses check with.
    pub fn verifier_key(&self) -> &str {
        self.signer.verifier_key()
    }

    /// The latest signed checkpoint: one statement, so no transaction
    /// around it.
    pub fn checkpoint(&self) -> ServiceResult<String> {
        self.ctx
            .store()
            .read_statement(public_log::checkpoint)?
            .ok_or_else(|| DomainError::not_found("checkpoint").into())
    }

    /// A tile this process has served before, from memory (see
    /// [`ServedTiles`]): cheap enough to call without leaving the request's
    /// thread.
    pub fn served_tile(&self, request: &TileRequest) -> Option<TileBytes> {
        self.served.0.get(request)
    }

    /// A tile or entry bundle exactly as wide as asked; not found while the
    /// tree is not yet that wide. A full one is kept in memory once read.
    pub fn tile(&self, request: TileRequest) -> ServiceResult<TileBytes> {
        if let Some(data) = self.served_tile(&request) {
            return Ok(data);
        }
        let data: TileBytes = self.read_tile(request)?.into();
        if request.is_full() {
            self.served.0.insert(request, data.clone());
        }
        Ok(data)
    }

    /// A tile as the database holds it now, cut to the width asked.
    fn read_tile(&self, request: TileRequest) -> ServiceResult<Vec<u8>> {
        let missing = || DomainError::not_found("tile");
        let store = self.ctx.store();
        match request {
            TileRequest::Hashes { level, index, width } => {
                let data = store.read_statement(|tx| public_log::tile(tx, level, index))?.ok_or_else(missing)?;
                let len = usize::try_from(width).unwrap_or(usize::MAX).saturating_mul(32);
                data.get(..len).map(<[u8]>::to_vec).ok_or_else(|| missing().into())
            }
            TileRequest::Entries { index, width } => {
                let data = store.read_statement(|tx| public_log::bundle(tx, index))?.ok_or_else(missing)?;
                let entries = tlog::unbundle(&data).map_err(|e| emenda_store::StoreError::Corrupt(e.to_string()))?;
                let width = usize::try_from(width).unwrap_or(usize::MAX);
                if entries.len() < width {
                    return Err(missing().into());
                }
                Ok(tlog::bundle(entries.into_iter().take(width))
                    .map_err(|e| emenda_store::StoreError::Corrupt(e.to_string()))?)
            }
        }
    }

    /// Re-checks one segment of the log, from leaf `from`, against the
    /// latest checkpoint (see `public_log::verify_segment`). Anyone may
    /// call it; it reveals nothing the tiles do not.
    pub fn verify(&self, from: u64) -> ServiceResult<LogReport> {
        let key = self.signer.verifier_key().to_owned();
        self.ctx.store().read(|tx| {
            tlog::check_segment_start(from, signed_size(tx)?)?;
            Ok(public_log::verify_segment(tx, &key, from)?)
        })
    }

    /// The proof that leaf `index` is in the tree of `size` leaves (RFC
    /// 9162 inclusion proof, hashes in hex, leaf side first), for a size
    /// some signed checkpoint has reached.
    pub fn inclusion_proof(&self, index: u64, size: u64) -> ServiceResult<Vec<String>> {
        self.ctx.store().read(|tx| {
            tlog::check_inclusion_request(index, size, signed_size(tx)?)?;
            Ok(hex_all(&StoredHashes::new(tx).inclusion_proof(size, index)?))
        })
    }

    /// The proof that the tree of `size` leaves extends the tree of `old`
    /// leaves (RFC 9162 consistency proof, hashes in hex).
    pub fn consistency_proof(&self, old: u64, size: u64) -> ServiceResult<Vec<String>> {
        self.ctx.store().read(|tx| {
            tlog::check_consistency_request(old, size, signed_size(tx)?)?;
            Ok(hex_all(&StoredHashes::new(tx).consistency_proof(size, old)?))
        })
    }

    /// What a server does once at start: enters every record written
    /// before the log existed (only before the first checkpoint), then
    /// sequences whatever is pending. Returns the number of entries
    /// sequenced.
    pub fn start(&self) -> ServiceResult<u64> {
        let now = self.ctx.clock.now();
        let backfilled = self.ctx.store().write(|tx| public_log::backfill(tx, now))?;
        if backfilled > 0 {
            tracing::info!(backfilled, "records written before the log are entered in it");
        }
        self.integrate()
    }

    /// Sequences pending entries and signs checkpoints until none is left
    /// (or another instance is integrating). Returns the number of entries
    /// sequenced.
    pub fn integrate(&self) -> ServiceResult<u64> {
        let mut sequenced = 0;
        loop {
            let signer = &self.signer;
            let batch = self.ctx.store().write(|tx| public_log::integrate(tx, signer, self.ctx.clock.now(), BATCH))?;
            let Some(batch) = batch else { return Ok(sequenced) };
            let taken = batch.size - batch.from_size;
            sequenced += taken;
            // A batch short of full took every pending entry.
            if taken < BATCH as u64 {
                return Ok(sequenced);
            }
        }
    }

    /// Whether entries wait to be sequenced: cheap, for the integrator's poll.
    pub fn has_pending(&self) -> ServiceResult<bool> {
        Ok(self.ctx.store().read(public_log::has_pending)?)
    }
}

/// The size of the latest signed tree (0 before the first checkpoint).
fn signed_size(tx: &mut emenda_store::Tx<'_>) -> ServiceResult<u64> {
    Ok(public_log::latest_size(tx)?.unwrap_or(0))
}

/// Hashes as lower-case hex, as the proofs are sent.
fn hex_all(hashes: &[tlog::Hash]) -> Vec<String> {
    hashes.iter().map(|h| tlog::hex(&h.0)).collect()
}
