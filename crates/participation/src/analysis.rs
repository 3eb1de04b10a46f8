//! The costly part of reading an amendment, computed once: its diff against
//! its base, and its merge assessment against each current version.
//!
//! Both are pure functions of immutable inputs. An amendment's texts and
//! base never change, and neither does a version once written, so the
//! result for (amendment, current version) is the same on every instance
//! and forever. A per-process cache of them therefore stays correct with
//! several instances on one database, needs no invalidation, and turns a
//! reader hammering one amendment into a lookup. It is bounded by entries
//! (oldest out first), so memory stays flat whatever readers ask for.

use crate::views::AmendmentDiff;
use emenda_domain::amendment::Assessment;
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};
use uuid::Uuid;

/// How many results of each kind are kept.
const CAPACITY: usize = 256;

/// A small map that forgets its oldest entry when full.
struct Bounded<K, V> {
    entries: HashMap<K, Arc<V>>,
    order: VecDeque<K>,
}

impl<K: Hash + Eq + Clone, V> Bounded<K, V> {
    fn new() -> Self {
        Self { entries: HashMap::new(), order: VecDeque::new() }
    }

    fn get(&self, key: &K) -> Option<Arc<V>> {
        self.entries.get(key).cloned()
    }

    fn insert(&mut self, key: K, value: Arc<V>) {
        if self.entries.insert(key.clone(), value).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > CAPACITY {
            if let Some(oldest) = self.order.pop_front() {
                self.entries.remove(&oldest);
            }
        }
    }
}

struct Caches {
    diffs: Mutex<Bounded<Uuid, AmendmentDiff>>,
    assessments: Mutex<Bounded<(Uuid, i32), Assessment>>,
}

fn caches() -> &'static Caches {
    static CACHES: OnceLock<Caches> = OnceLock::new();
    CACHES.get_or_init(|| Caches { diffs: Mutex::new(Bounded::new()), assessments: Mutex::new(Bounded::new()) })
}

/// Looks up, or computes and keeps, a value; a poisoned lock (a panic
/// elsewhere) only costs the cache, never the answer.
fn cached<K: Hash + Eq + Clone, V, E>(
    cache: &Mutex<Bounded<K, V>>,
    key: K,
    compute: impl FnOnce() -> Result<V, E>,
) -> Result<Arc<V>, E> {
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key)) {
        return Ok(hit);
    }
    let value = Arc::new(compute()?);
    if let Ok(mut c) = cache.lock() {
        c.insert(key, value.clone());
    }
    Ok(value)
}

/// The amendment's diff against its base, computed at most once.
pub fn amendment_diff<E>(
    amendment_id: Uuid,
    compute: impl FnOnce() -> Result<AmendmentDiff, E>,
) -> Result<Arc<AmendmentDiff>, E> {
    cached(&caches().diffs, amendment_id, compute)
}

/// The amendment's assessment against `current_version`, computed at most
/// once.
pub fn assessment<E>(
    amendment_id: Uuid,
    current_version: i32,
    compute: impl FnOnce() -> Result<Assessment, E>,
) -> Result<Arc<Assessment>, E> {
    cached(&caches().assessments, (amendment_id, current_version), compute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_entries_go_first_and_the_size_stays_bounded() {
        let mut cache = Bounded::new();
        for i in 0..CAPACITY + 10 {
            cache.insert(i, Arc::new(i));
        }
        assert_eq!(cache.entries.len(), CAPACITY);
        assert!(cache.get(&0).is_none() && cache.get(&9).is_none());
        assert_eq!(cache.get(&(CAPACITY + 9)).as_deref(), Some(&(CAPACITY + 9)));
    }

    #[test]
    fn a_value_is_computed_once() {
        let id = Uuid::now_v7();
        let mut calls = 0;
        let diff = || AmendmentDiff {
            title: emenda_domain::diff::diff_texts("a", "b", emenda_domain::diff::Granularity::Word),
            body: emenda_domain::diff::diff_texts("c", "d", emenda_domain::diff::Granularity::Word),
        };
        for _ in 0..3 {
            amendment_diff::<()>(id, || {
                calls += 1;
                Ok(diff())
            })
            .unwrap();
        }
        assert_eq!(calls, 1);
    }
}
