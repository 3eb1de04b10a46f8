//! What every service needs: the store, the clock and the id source, passed
//! in so tests can fix time and ids. The store is private: the services
//! reach it through [`emenda_store::HasStore`], which only crates that
//! depend on the store can name (see `crate::database` for how the server
//! gets a context without ever holding a store).

use crate::error::{ServiceError, ServiceResult};
use emenda_domain::audit::AuditAction;
use emenda_domain::clock::{Clock, IdGenerator, SystemClock, UuidV7};
use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_domain::policy::Actor;
use emenda_domain::{DomainError, ErrorCode};
use emenda_store::audit::{self, AuditEntry};
use emenda_store::notifications::{self, NewEvent};
use emenda_store::users;
use emenda_store::{HasStore, Lane, Store, StoreError, Tx};
use std::sync::Arc;
use uuid::Uuid;

/// Shared by all services; cheap to clone.
#[derive(Clone)]
pub struct ServiceContext {
    /// The database, reached through [`HasStore`].
    store: Store,
    /// Where "now" comes from.
    pub clock: Arc<dyn Clock>,
    /// Where new ids come from.
    pub ids: Arc<dyn IdGenerator>,
    /// Whether a person must confirm their address before they write: on
    /// a site that sends e-mail, so that an address nobody reads cannot
    /// make an account that publishes.
    confirmed_email_required: bool,
}

impl std::fmt::Debug for ServiceContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceContext").field("store", &self.store).finish_non_exhaustive()
    }
}

/// Takes a shared lock on the user's row and checks, under it, that they
/// are not blocked and, where the site asks for it, that their address is
/// confirmed (see [`ServiceContext::write_as`]).
fn ensure_may_write(tx: &mut Tx<'_>, user_id: Uuid, confirmed_email_required: bool) -> ServiceResult<()> {
    let user = users::lock_for_share(tx, user_id)?;
    let Some(user) = user.filter(|u| u.blocked_at.is_none()) else {
        return Err(ServiceError::from(DomainError::forbidden(ErrorCode::AccountBlocked, "this account is blocked")));
    };
    if user.deletion_due_at.is_some() {
        return Err(ServiceError::from(DomainError::forbidden(
            ErrorCode::DeletionPending,
            "this account is to be deleted: cancel the deletion to take part again",
        )));
    }
    if confirmed_email_required && user.email_confirmed_at.is_none() {
        return Err(ServiceError::from(DomainError::forbidden(
            ErrorCode::EmailUnconfirmed,
            "confirm your e-mail address first: open the link we sent you",
        )));
    }
    Ok(())
}

/// The subject of an audit entry.
#[derive(Debug, Clone, Copy)]
pub struct AuditTarget {
    /// Kind, e.g. `proposal`.
    pub kind: &'static str,
    /// Id.
    pub id: Uuid,
    /// Space concerned, if any.
    pub space_id: Option<Uuid>,
}

impl HasStore for ServiceContext {
    fn store(&self) -> &Store {
        &self.store
    }
}

impl From<Store> for ServiceContext {
    /// A context over `store` with the real clock and UUID v7 ids.
    fn from(store: Store) -> Self {
        Self { store, clock: Arc::new(SystemClock), ids: Arc::new(UuidV7), confirmed_email_required: false }
    }
}

impl ServiceContext {
    /// The same context, asking people to confirm their address before
    /// they write when `required` (a site that sends e-mail).
    pub fn with_confirmed_email_required(mut self, required: bool) -> Self {
        self.confirmed_email_required = required;
        self
    }

    /// The same context with another clock (tests that move time).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Runs `work` in one write transaction on behalf of `actor`, which
    /// first takes a shared lock on the actor's user row and checks, under
    /// it, that they are still not blocked (and have confirmed their
    /// address, where the site asks for it). Authentication read the account
    /// before the transaction; without this a block committed meanwhile
    /// would let a write (a comment, a proposal) land after the block and
    /// escape its "hide their content". The user row comes first in every
    /// participant's write (docs/architecture.md, Concurrency). Not for
    /// admin operations on accounts and roles, which lock the admin grants
    /// first.
    pub fn write_as<T>(&self, actor: &Actor, work: impl FnOnce(&mut Tx<'_>) -> ServiceResult<T>) -> ServiceResult<T> {
        self.store.write(|tx| {
            ensure_may_write(tx, actor.user_id, self.confirmed_email_required)?;
            work(tx)
        })
    }

    /// [`ServiceContext::write_as`] for writes that queue behind each other
    /// until their commit (publications, on the reference counter): on
    /// SQLite the writes of `lane` waiting together
    /// share one transaction and one commit, each in its own savepoint, so
    /// each keeps its own outcome; on PostgreSQL it is `write_as`
    /// (`Store::write_grouped` says why). The blocked check runs inside
    /// each write's savepoint, as in `write_as`.
    pub fn write_as_grouped<T>(
        &self,
        lane: Lane,
        actor: &Actor,
        work: impl FnOnce(&mut Tx<'_>) -> ServiceResult<T> + Send + 'static,
    ) -> ServiceResult<T>
    where
        T: Send + 'static,
    {
        let user_id = actor.user_id;
        let confirmed_email_required = self.confirmed_email_required;
        self.store.write_grouped(lane, move |tx| {
            ensure_may_write(tx, user_id, confirmed_email_required)?;
            work(tx)
        })
    }

    /// Records that something happened that people should hear of, inside
    /// the caller's transaction: one row whatever the number of people, so
    /// the act does not wait for them. The fan-out
    /// (`emenda_accounts::notifications`) tells each of them after the
    /// commit. `actor_id` is never told of their own act.
    pub fn notify(
        &self,
        tx: &mut Tx<'_>,
        kind: NotificationKind,
        actor_id: Option<Uuid>,
        proposal_id: Option<Uuid>,
        subject_id: Option<Uuid>,
        payload: &NotificationPayload,
    ) -> ServiceResult<()> {
        let payload = serde_json::to_string(payload)
            .map_err(|e| crate::error::InternalError::new("writing a notification's payload", e.to_string()))?;
        notifications::insert_event(
            tx,
            &NewEvent {
                id: self.ids.new_id(),
                kind,
                actor_id,
                proposal_id,
                subject_id,
                payload: &payload,
                created_at: self.clock.now(),
            },
        )?;
        Ok(())
    }

    /// Records a state change in the audit log, inside the caller's
    /// transaction so the change and its record commit together.
    pub fn audit(
        &self,
        tx: &mut Tx<'_>,
        actor_id: Option<Uuid>,
        action: AuditAction,
        target: AuditTarget,
        details: serde_json::Value,
    ) -> Result<(), StoreError> {
        self.audit_entry(tx, self.ids.new_id(), actor_id, action, target, details)
    }

    /// Like [`ServiceContext::audit`], with the entry's id chosen by the
    /// caller (from [`ServiceContext::ids`]) before the change it records
    /// is written, so that rows the change writes can name their entry
    /// (a report keeps the entry of the act that closed it).
    pub fn audit_entry(
        &self,
        tx: &mut Tx<'_>,
        id: Uuid,
        actor_id: Option<Uuid>,
        action: AuditAction,
        target: AuditTarget,
        details: serde_json::Value,
    ) -> Result<(), StoreError> {
        audit::insert(
            tx,
            &AuditEntry {
                id,
                actor_id,
                action,
                target_kind: target.kind.to_owned(),
                target_id: target.id,
                space_id: target.space_id,
                details,
                visibility: action.visibility(),
                created_at: self.clock.now(),
            },
        )
    }
}
