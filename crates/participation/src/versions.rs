//! Reading a proposal's history: versions, diffs between any two, and the
//! re-verification of the hash chain.

use crate::views::{Version, VersionDiff, VersionSummary};
use crate::{load_visible_proposal, may_see, ProposalKey};
use emenda_domain::audit::AuditAction;
use emenda_domain::diff::{diff_texts, Granularity};
use emenda_domain::history::{
    check_against_log, ensure_erasable, verify_chain, ChainReport, HashEncoding, StoredVersion,
};
use emenda_domain::policy::Actor;
use emenda_domain::{DomainError, FieldCode};
use emenda_service::{AuditTarget, ServiceContext, ServiceError, ServiceResult};
use emenda_store::versions::{self, VersionRecord};
use emenda_store::HasStore;
use emenda_store::Tx;
use emenda_store::{proposal_view, public_log};

/// Reads history.
#[derive(Debug, Clone)]
pub struct HistoryService {
    ctx: ServiceContext,
}

fn load_version(tx: &mut Tx<'_>, proposal_id: uuid::Uuid, number: i32, field: &str) -> ServiceResult<VersionRecord> {
    versions::get(tx, proposal_id, number)?.ok_or_else(|| {
        DomainError::invalid(field, FieldCode::UnknownVersion, format!("there is no version {number}")).into()
    })
}

impl HistoryService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// The operator's erasure procedure (`emenda erase-version`, see
    /// `docs/operations.md`): empties the title, body and summary of
    /// version `number`, keeping their commitments so the chain and the log
    /// still verify, and records it in the public audit log with the
    /// reason. Refused for the version in force (its text is what the
    /// proposal shows: a new version must replace it first), for one
    /// already erased, and for one hashed before encoding 4 (its hash
    /// covers the text itself, so erasing it would break the chain).
    pub fn erase(&self, key: &ProposalKey, number: i32, reason: &str) -> ServiceResult<()> {
        self.ctx.store().write(|tx| {
            let proposal = crate::find_by_key(tx, key)?.ok_or_else(|| DomainError::not_found("proposal"))?;
            let version = load_version(tx, proposal.id, number, "number")?;
            let encoding = u16::try_from(version.hash_encoding).ok().and_then(HashEncoding::from_number);
            let reason =
                ensure_erasable(number, proposal.current_version, encoding, version.erasure.is_some(), reason)?;
            if !versions::erase(tx, proposal.id, number, self.ctx.clock.now())? {
                return Err(
                    DomainError::invalid("number", FieldCode::UnknownVersion, "this version cannot be erased").into()
                );
            }
            self.ctx.audit(
                tx,
                None,
                AuditAction::VersionErased,
                AuditTarget { kind: "proposal", id: proposal.id, space_id: Some(proposal.space_id) },
                serde_json::json!({ "proposal_reference": proposal.reference, "version": number, "reason": reason }),
            )?;
            Ok(())
        })
    }

    /// Versions after number `after`, oldest first.
    pub fn list(
        &self,
        key: &ProposalKey,
        actor: Option<&Actor>,
        after: i32,
        limit: i64,
    ) -> ServiceResult<Vec<VersionSummary>> {
        self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, key, actor)?;
            Ok(versions::list(tx, proposal.id, after, limit)?.into_iter().map(VersionSummary::from).collect())
        })
    }

    /// One version.
    pub fn get(&self, key: &ProposalKey, actor: Option<&Actor>, number: i32) -> ServiceResult<Version> {
        let proposal_not_found = || ServiceError::from(DomainError::not_found("proposal"));
        // One statement: the version with its proposal's visibility.
        let found = self
            .ctx
            .store()
            .read_statement(|tx| Ok::<_, ServiceError>(proposal_view::find_version(tx, key, number)?))?;
        match found {
            Some((version, hidden, space_id)) if may_see(hidden, space_id, actor) => Ok(Version::from(version)),
            Some(_) => Err(proposal_not_found()),
            // No such version; whether the proposal exists (and may be
            // seen) decides which of the two is missing.
            None => self.ctx.store().read(|tx| {
                load_visible_proposal(tx, key, actor)?;
                Err(DomainError::not_found("version").into())
            }),
        }
    }

    /// The difference between versions `from` and `to` (default: the one
    /// before the current, and the current).
    pub fn diff(
        &self,
        key: &ProposalKey,
        actor: Option<&Actor>,
        from: Option<i32>,
        to: Option<i32>,
        granularity: Granularity,
    ) -> ServiceResult<VersionDiff> {
        let (old, new) = self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, key, actor)?;
            let to = to.unwrap_or(proposal.current_version);
            let from = from.unwrap_or((to - 1).max(1));
            Ok::<_, emenda_service::ServiceError>((
                load_version(tx, proposal.id, from, "from")?,
                load_version(tx, proposal.id, to, "to")?,
            ))
        })?;
        Ok(VersionDiff {
            from: old.number,
            to: new.number,
            granularity,
            title: diff_texts(&old.title, &new.title, granularity),
            body: diff_texts(&old.body, &new.body, granularity),
            from_erased_at: old.erasure.as_ref().map(|e| e.erased_at),
            to_erased_at: new.erasure.as_ref().map(|e| e.erased_at),
        })
    }

    /// Re-reads every version and re-checks the chain, and holds it to the
    /// transparency log (`history::check_against_log`).
    pub fn verify(&self, key: &ProposalKey, actor: Option<&Actor>) -> ServiceResult<ChainReport> {
        let (all, logged) = self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, key, actor)?;
            let logged = public_log::logged_versions(tx, proposal.id)?;
            let mut all = Vec::new();
            loop {
                let after = all.last().map_or(0, |v: &VersionRecord| v.number);
                let page = versions::list(tx, proposal.id, after, 500)?;
                if page.is_empty() {
                    break;
                }
                all.extend(page);
            }
            Ok::<_, emenda_service::ServiceError>((all, logged))
        })?;
        // A version whose encoding number is unknown cannot be checked: the
        // history is verified up to it and it is named as the first invalid.
        let known = all
            .iter()
            .position(|v| u16::try_from(v.hash_encoding).ok().and_then(HashEncoding::from_number).is_none())
            .unwrap_or(all.len());
        let stored: Vec<StoredVersion<'_>> =
            all[..known].iter().map(|v| StoredVersion { fields: v.hashed(), content_hash: &v.content_hash }).collect();
        let report = match (verify_chain(&stored), all.get(known)) {
            (report, Some(unknown)) if report.valid => {
                ChainReport { valid: false, versions: all.len(), first_invalid: Some(unknown.number) }
            }
            (report, _) => ChainReport { versions: all.len(), ..report },
        };
        // The chain links versions to each other; the log says which is
        // the newest, so a history cut short or rewritten is named too.
        let stored: Vec<(i32, &str)> = all.iter().map(|v| (v.number, v.content_hash.as_str())).collect();
        let logged: Vec<(i32, &str)> = logged.iter().map(|(n, h)| (*n, h.as_str())).collect();
        Ok(check_against_log(report, &stored, &logged))
    }
}
