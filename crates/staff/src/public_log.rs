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

/// The log, with the key that signs its checkpoints.
#[derive(Debug, Clone)]
pub struct LogService {
    ctx: ServiceContext,
    signer: Arc<LogSigner>,
}

impl LogService {
    /// The service, signing with `signer`.
    pub fn new(ctx: ServiceContext, signer: Arc<LogSigner>) -> Self {
        Self { ctx, signer }
    }

    /// The verifier key (`<name>+<id>+<base64>`) witnesses check with.
    pub fn verifier_key(&self) -> &str {
        self.signer.verifier_key()
    }

    /// The latest signed checkpoint.
    pub fn checkpoint(&self) -> ServiceResult<String> {
        self.ctx.store().read(public_log::checkpoint)?.ok_or_else(|| DomainError::not_found("checkpoint").into())
    }

    /// A tile or entry bundle exactly as wide as asked; not found while the
    /// tree is not yet that wide.
    pub fn tile(&self, request: TileRequest) -> ServiceResult<Vec<u8>> {
        let missing = || DomainError::not_found("tile");
        match request {
            TileRequest::Hashes { level, index, width } => {
                let data = self.ctx.store().read(|tx| public_log::tile(tx, level, index))?.ok_or_else(missing)?;
                let len = usize::try_from(width).unwrap_or(usize::MAX).saturating_mul(32);
                data.get(..len).map(<[u8]>::to_vec).ok_or_else(|| missing().into())
            }
            TileRequest::Entries { index, width } => {
                let data = self.ctx.store().read(|tx| public_log::bundle(tx, index))?.ok_or_else(missing)?;
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
