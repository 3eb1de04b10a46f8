//! Group commit: writes of one kind that arrive together share one
//! transaction and one commit, each in its own savepoint.
//!
//! Why: on SQLite every write waits for the one writer, and each commit
//! writes every page it touched to the WAL: a publication touches the
//! same pages as the one before (the reference counter, the indexes, the
//! log's table). Here the publications
//! queued behind one transaction run in the next one together, so the
//! shared pages are written once per batch, while every write keeps its
//! own outcome: a write that
//! fails is rolled back to its savepoint (the number it took goes back
//! with it, so references stay gap-free) and the others commit.
//!
//! Only on SQLite, where writes go one at a time anyway and no row is
//! locked. On PostgreSQL a batch would hold the counter while its later
//! writes wait for their user and space rows, an order no single write
//! takes (`docs/architecture.md`, Concurrency): with a promotion waiting
//! on the counter while holding a proposal that a block waits on, that
//! is a deadlock. And a batch runs its writes one after another on one
//! connection, so where round trips are the cost it loses what ran in
//! parallel (supports grouped went from 369 to 219 a second on PostgreSQL
//! in the bench; publications gained within the noise:
//! `docs/performance.md`). So on PostgreSQL each write has its own
//! transaction, as with [`Store::write`].
//!
//! How: flat combining. A writer puts its work in the lane's queue, then
//! waits for the lane's leader lock. Whoever holds it takes the queue
//! (up to [`MAX_BATCH`]), runs the batch in one write transaction on its
//! own thread, commits, and hands each writer its outcome before letting
//! the lock go. A writer that gets the lock and finds its outcome already
//! delivered returns it; one that finds its work still queued leads the
//! next batch. No thread is dedicated to it, and nothing waits on a timer.
//! A write that panics has its savepoint rolled back and its panic raised
//! again on its own thread; a write that leaves the transaction broken
//! fails the whole batch. A writer whose outcome is ready may still wait
//! for a batch a newcomer started before it got the lock back (the lock
//! is not fair): a latency cost, never a wrong outcome.

use crate::{Backend, Store, StoreError, Tx};
use parking_lot::Mutex;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

/// The most writes one batch takes: enough to cover every request in
/// flight on a server's pool, small enough that one batch's transaction
/// stays short.
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

/// What a writer receives: its outcome, or the panic its work raised on
/// the leader's thread, to raise again on its own.
enum Received<T, E> {
    Outcome(Result<T, E>),
    Panicked(Box<dyn std::any::Any + Send>),
}

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
    /// only, a panic is raised again on the caller's thread), and an `Ok`
    /// is returned only once the shared commit has succeeded. `work` may
    /// run on another writer's thread, hence `Send + 'static`. On
    /// PostgreSQL it is [`Store::write`] (see the module documentation).
    pub fn write_grouped<T, E>(
        &self,
        lane: Lane,
        work: impl FnOnce(&mut Tx<'_>) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        if self.backend == Backend::Postgres {
            return self.write(work);
        }
        let (sender, receiver) = mpsc::sync_channel::<Received<T, E>>(1);
        let job: Job = Box::new(move |tx: Option<&mut Tx<'_>>| {
            let outcome = tx.map(|tx| {
                let ran = std::panic::catch_unwind(AssertUnwindSafe(|| tx.savepoint(work)));
                if ran.is_err() {
                    tx.roll_back_open_savepoint();
                }
                ran
            });
            Box::new(move |commit: Result<(), &StoreError>| {
                let received = match (outcome, commit) {
                    (Some(Err(panic)), _) => Received::Panicked(panic),
                    (Some(Ok(Err(error))), _) => Received::Outcome(Err(error)),
                    (Some(Ok(Ok(value))), Ok(())) => Received::Outcome(Ok(value)),
                    (_, Err(failure)) => Received::Outcome(Err(E::from(failure.shared()))),
                    (None, Ok(())) => Received::Outcome(Err(E::from(StoreError::BatchAbandoned))),
                };
                // The writer waits for this until it holds the leader lock,
                // which the leader lets go only after delivering.
                let _ = sender.send(received);
            })
        });
        let combiner = self.lanes.get(lane);
        combiner.queue.lock().push(job);
        loop {
            let _leader = combiner.leader.lock();
            match receiver.try_recv() {
                Ok(Received::Outcome(outcome)) => return outcome,
                Ok(Received::Panicked(panic)) => std::panic::resume_unwind(panic),
                Err(mpsc::TryRecvError::Disconnected) => {
                    // The batch holding this work unwound before delivering.
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
                // A savepoint that could not be rolled back, or a
                // transaction the database ended on its own: what ran is
                // gone or unsure, and what follows would commit alone. The
                // whole batch fails, what said `Ok` too.
                if !tx.is_intact() {
                    return Err(StoreError::BatchAbandoned);
                }
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
