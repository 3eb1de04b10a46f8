//! Group commit: writes of one kind that arrive together share one
//! transaction and one commit, each in its own savepoint.
//!
//! Why: every publication takes the gap-free reference counter
//! (`sequences`), a lock held until its commit, so publications go one
//! commit at a time, and a commit writes its pages to the log (SQLite's
//! WAL) or waits for a flush to disk (PostgreSQL). Here the publications
//! queued behind one transaction run in the next one together, so the
//! counter is taken and released once per batch and the commit is paid
//! once per batch, while every write keeps its own outcome: a write that
//! fails is rolled back to its savepoint (the number it took goes back
//! with it, so references stay gap-free) and the others commit.
//!
//! What it does not help: a batch runs its writes one after another on one
//! connection, so writes whose cost is their statements' round trips
//! rather than their commit gain nothing, and lose what ran in parallel
//! before their lock (supports were tried here and went from 369 to 219 a
//! second on PostgreSQL in the bench: `docs/performance.md`).
//!
//! How: flat combining. A writer puts its work in the lane's queue, then
//! waits for the lane's leader lock. Whoever holds it takes the queue
//! (up to [`MAX_BATCH`]), runs the batch in one write transaction on its
//! own thread, commits, and hands each writer its outcome before letting
//! the lock go. A writer that gets the lock and finds its outcome already
//! delivered returns it; one that finds its work still queued leads the
//! next batch. No thread is dedicated to it, and nothing waits on a timer.

use crate::{Store, StoreError, Tx};
use parking_lot::Mutex;
use std::sync::mpsc;

/// The most writes one batch takes: enough to cover every request in
/// flight on a server's pool, small enough that one batch's locks are held
/// briefly.
pub const MAX_BATCH: usize = 64;

/// The kinds of write that are grouped, each with its own queue: writes of
/// different kinds never wait in one batch, so a slow kind cannot hold up
/// another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// New proposals: they queue on the reference counter.
    Publications,
}

/// What the leader hands back once the batch's commit is known: the
/// writer's own outcome, or the commit's failure.
type Delivery = Box<dyn FnOnce(Result<(), &StoreError>) + Send>;

/// One writer's work: runs inside the batch's transaction (or, given none
/// because the transaction could not begin, does not run) and returns how
/// to deliver its outcome.
type Job = Box<dyn for<'t, 'c> FnOnce(Option<&'t mut Tx<'c>>) -> Delivery + Send>;

/// One lane's queue and leader lock.
#[derive(Default)]
pub(crate) struct Combiner {
    queue: Mutex<Vec<Job>>,
    leader: Mutex<()>,
}

/// Every lane of one store.
#[derive(Default)]
pub(crate) struct Lanes {
    publications: Combiner,
}

impl Lanes {
    fn get(&self, lane: Lane) -> &Combiner {
        match lane {
            Lane::Publications => &self.publications,
        }
    }
}

impl Store {
    /// Runs `work` as a write of `lane`, in one transaction with the writes
    /// of the same lane waiting at the same moment, inside its own
    /// savepoint: its outcome is its own (an `Err` rolls back its changes
    /// only), and an `Ok` is returned only once the shared commit has
    /// succeeded. `work` may run on another writer's thread, hence
    /// `Send + 'static`. Use it for writes that queue on one row until
    /// commit (see the module documentation); other writes use
    /// [`Store::write`].
    pub fn write_grouped<T, E>(
        &self,
        lane: Lane,
        work: impl FnOnce(&mut Tx<'_>) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let (sender, receiver) = mpsc::sync_channel::<Result<T, E>>(1);
        let job: Job = Box::new(move |tx: Option<&mut Tx<'_>>| {
            let outcome = tx.map(|tx| tx.savepoint(work));
            Box::new(move |commit: Result<(), &StoreError>| {
                let delivered = match (outcome, commit) {
                    (Some(Err(error)), _) => Err(error),
                    (Some(Ok(value)), Ok(())) => Ok(value),
                    (_, Err(failure)) => Err(E::from(failure.shared())),
                    (None, Ok(())) => Err(E::from(StoreError::BatchAbandoned)),
                };
                // The writer waits for this until it holds the leader lock,
                // which the leader lets go only after delivering.
                let _ = sender.send(delivered);
            })
        });
        let combiner = self.lanes.get(lane);
        combiner.queue.lock().push(job);
        loop {
            let _leader = combiner.leader.lock();
            match receiver.try_recv() {
                Ok(outcome) => return outcome,
                Err(mpsc::TryRecvError::Disconnected) => {
                    // The batch holding this work unwound (a panic in
                    // another writer's work) before delivering.
                    return Err(E::from(StoreError::BatchAbandoned));
                }
                Err(mpsc::TryRecvError::Empty) => self.lead_batch(combiner),
            }
        }
    }

    /// Takes up to [`MAX_BATCH`] queued writes and runs them in one write
    /// transaction, then delivers every outcome.
    fn lead_batch(&self, combiner: &Combiner) {
        let batch: Vec<Job> = {
            let mut queue = combiner.queue.lock();
            let take = queue.len().min(MAX_BATCH);
            queue.drain(..take).collect()
        };
        if batch.is_empty() {
            return;
        }
        let mut deliveries = Vec::with_capacity(batch.len());
        let mut pending = batch.into_iter();
        let committed = self.write(|tx| {
            for job in pending.by_ref() {
                deliveries.push(job(Some(tx)));
            }
            Ok::<(), StoreError>(())
        });
        // Left only when the transaction could not begin: none of it ran.
        deliveries.extend(pending.map(|job| job(None)));
        let commit = committed.as_ref().map(|_| ());
        for deliver in deliveries {
            deliver(commit);
        }
    }
}
