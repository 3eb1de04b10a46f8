//! A witness of the transparency log: what anyone outside the server runs
//! to hold it to its word. Given the log's verifier key, it opens the
//! latest checkpoint, authenticates every tile it reads against the signed
//! root (through the tiles above it, as Go's checksum-database client
//! does), checks every entry against its leaf hash, and, given a checkpoint
//! it kept from before, proves that the new tree extends the old one. A
//! server that rewrote, removed or reordered anything a kept checkpoint
//! covers cannot pass, whatever it re-signs: the consistency proof fails.
//!
//! Fetching is the caller's (`emenda verify-log` over HTTP, tests over
//! anything), so this stays free of I/O.

use crate::transparency::{self as tlog, tree, Checkpoint, Hash, HashReader, Tile, TileRequest, TILE_HEIGHT};
use std::cell::RefCell;
use std::collections::HashMap;

/// Reads a file of the log by its path after `/log/` (`checkpoint`,
/// `tile/0/000.p/5`, `tile/entries/000`).
pub trait LogSource {
    /// The bytes, or why they could not be had.
    fn fetch(&self, path: &str) -> Result<Vec<u8>, String>;
}

/// What a witness found wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WitnessError {
    /// The log could not be read.
    #[error("could not read the log: {0}")]
    Unreachable(String),
    /// The checkpoint is not signed by the key, or not a checkpoint.
    #[error("the checkpoint does not verify: {0}")]
    Checkpoint(String),
    /// A tile does not hash up to the signed root.
    #[error("a tile does not match the signed tree: {0}")]
    Tile(String),
    /// An entry does not hash to its leaf.
    #[error("entry {0} does not match the signed tree")]
    Entry(u64),
    /// The new tree does not extend the kept one: the past was rewritten,
    /// or the log was rolled back.
    #[error("the log does not extend the checkpoint kept at size {kept}: it was rewritten or rolled back ({detail})")]
    NotExtended {
        /// Size of the kept checkpoint.
        kept: u64,
        /// What failed.
        detail: String,
    },
}

/// What a witness checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Witnessed {
    /// The new checkpoint's tree size.
    pub size: u64,
    /// Its root hash.
    pub root: Hash,
    /// Entries checked against their leaves.
    pub entries_checked: u64,
    /// The size of the kept checkpoint the new one was proved to extend.
    pub extends: Option<u64>,
    /// The new checkpoint, signed: keep it for the next run.
    pub checkpoint: Vec<u8>,
}

/// Tiles fetched from the source, by path.
struct Tiles<'s, S: LogSource> {
    source: &'s S,
    fetched: RefCell<HashMap<String, Vec<u8>>>,
    failure: RefCell<Option<String>>,
}

impl<S: LogSource> Tiles<'_, S> {
    fn fetch(&self, path: &str) -> Result<Vec<u8>, String> {
        if let Some(data) = self.fetched.borrow().get(path) {
            return Ok(data.clone());
        }
        let data = self.source.fetch(path)?;
        self.fetched.borrow_mut().insert(path.to_owned(), data.clone());
        Ok(data)
    }
}

impl<S: LogSource> tree::TileReader for Tiles<'_, S> {
    fn height(&self) -> u8 {
        TILE_HEIGHT
    }

    fn read_tiles(&self, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, tree::Error> {
        tiles
            .iter()
            .map(|tile| {
                let request =
                    TileRequest::Hashes { level: tile.level(), index: tile.level_index(), width: tile.width() };
                let path = request.path();
                match self.fetch(&path) {
                    Ok(data) if data.len() == tile.width() as usize * 32 => Ok(data),
                    Ok(data) => {
                        *self.failure.borrow_mut() = Some(format!("{path} has {} bytes", data.len()));
                        Err(tree::Error::InvalidTile)
                    }
                    Err(e) => {
                        *self.failure.borrow_mut() = Some(e);
                        Err(tree::Error::InvalidTile)
                    }
                }
            })
            .collect()
    }

    fn save_tiles(&self, _tiles: &[Tile], _data: &[Vec<u8>]) {}
}

/// Witnesses the log: opens the latest checkpoint with `verifier_key`,
/// checks every entry against the signed tree (all of them: a witness
/// that checked only the newest would miss a rewrite of the oldest), and,
/// given `kept` (a checkpoint from an earlier run), proves the new tree
/// extends it.
pub fn witness<S: LogSource>(source: &S, verifier_key: &str, kept: Option<&[u8]>) -> Result<Witnessed, WitnessError> {
    let signed = source.fetch("checkpoint").map_err(WitnessError::Unreachable)?;
    let checkpoint =
        tlog::open_checkpoint(&signed, verifier_key).map_err(|e| WitnessError::Checkpoint(e.to_string()))?;
    let kept = kept
        .map(|old| tlog::open_checkpoint(old, verifier_key))
        .transpose()
        .map_err(|e| WitnessError::Checkpoint(format!("the kept checkpoint: {e}")))?;
    let (size, root) = (checkpoint.size(), *checkpoint.hash());
    let tiles = Tiles { source, fetched: RefCell::default(), failure: RefCell::default() };
    let reader = tree::TileHashReader::new(size, root, &tiles);
    let tile_error =
        |e: tree::Error| WitnessError::Tile(tiles.failure.borrow_mut().take().unwrap_or_else(|| e.to_string()));
    let extends = kept.as_ref().map(|old| extends(&reader, &checkpoint, old, &tile_error)).transpose()?;
    let mut entries_checked = 0;
    let mut bundle = 0;
    while bundle * tlog::TILE_WIDTH < size {
        let first = bundle * tlog::TILE_WIDTH;
        let width = (size - first).min(tlog::TILE_WIDTH);
        let request = TileRequest::Entries { index: bundle, width: u32::try_from(width).unwrap_or(u32::MAX) };
        let data = source.fetch(&request.path()).map_err(WitnessError::Unreachable)?;
        let entries = tlog::unbundle(&data).map_err(|e| WitnessError::Tile(format!("{}: {e}", request.path())))?;
        let indexes: Vec<u64> = (first..first + width).map(|i| tree::stored_hash_index(0, i)).collect();
        let leaves = reader.read_hashes(&indexes).map_err(tile_error)?;
        if entries.len() as u64 != width {
            return Err(WitnessError::Entry(first + (entries.len() as u64).min(width)));
        }
        for (offset, (entry, leaf)) in entries.iter().zip(&leaves).enumerate() {
            if tlog::leaf_hash(entry) != *leaf {
                return Err(WitnessError::Entry(first + offset as u64));
            }
        }
        entries_checked += width;
        bundle += 1;
    }
    if size == 0 && root != tree::EMPTY_HASH {
        return Err(WitnessError::Tile("an empty tree with a root other than the empty hash".into()));
    }
    Ok(Witnessed { size, root, entries_checked, extends, checkpoint: signed })
}

/// Proves, from the new tree's authenticated tiles, that it extends `old`.
fn extends<R: HashReader>(
    reader: &R,
    new: &Checkpoint,
    old: &Checkpoint,
    tile_error: &dyn Fn(tree::Error) -> WitnessError,
) -> Result<u64, WitnessError> {
    let not_extended = |detail: String| WitnessError::NotExtended { kept: old.size(), detail };
    if old.size() > new.size() {
        return Err(not_extended(format!("the log shrank to {} entries", new.size())));
    }
    if old.size() == 0 {
        return Ok(0);
    }
    let proof = tree::prove_tree(new.size(), old.size(), reader).map_err(tile_error)?;
    tree::check_tree(&proof, new.size(), *new.hash(), old.size(), *old.hash())
        .map_err(|e| not_extended(e.to_string()))?;
    Ok(old.size())
}
