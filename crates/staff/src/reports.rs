//! Reports and content moderation: participants report a proposal, an
//! amendment or a comment once; the report that brings an item to its
//! space's `max_reports_before_hiding` hides it; staff work a queue grouped
//! by item and hide, unhide or dismiss. Every operation is one transaction
//! that takes its locks in the documented order (the item's proposal, the
//! comment rows root-first, then the item's moderation row, then
//! `audit_head`), so concurrent reports hide an item exactly once.

use crate::decisions::queue_spaces;
use crate::views::{ModerationItem, Preview, QueueReport, ReasonCounts, Report};
use emenda_domain::audit::AuditAction;
use emenda_domain::error::Validation;
use emenda_domain::listing::QueueSort;
use emenda_domain::moderation::{
    already_reported, dismiss_unhides, ensure_reportable, ensure_undoable, hide_change, hide_is_undoable, preview,
    report_hides, validate_details, QueueState, ReportReason, ReportState, Target, TargetKind,
};
use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_domain::policy::ensure_staff_of;
use emenda_domain::policy::Actor;
use emenda_domain::values::StaffText;
use emenda_domain::{DomainError, ErrorCode};
use emenda_participation::{load_visible_amendment, lock_visible_amendment};
use emenda_participation::{lock_visible_proposal, LockedProposal, ProposalKey};
use emenda_service::{AuditTarget, ServiceContext, ServiceError, ServiceResult};
use emenda_store::amendments as amendment_rows;
use emenda_store::audit as audit_rows;
use emenda_store::comments::{self as comment_rows, CommentRecord};
use emenda_store::hiding;
use emenda_store::moderation::{
    self as moderation_rows, ModerationRecord, NewReport, ReportRecord, Resolution, TargetPreview,
};
use emenda_store::proposals as proposal_rows;
use emenda_store::spaces::SpaceRecord;
use emenda_store::HasStore;
use emenda_store::{StoreError, Tx};
use std::collections::HashMap;
use uuid::Uuid;

/// How many of an item's latest reports the queue shows.
pub const LATEST_REPORTS: i64 = 3;

/// A report as its reporter sends it.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    /// What kind of item.
    pub kind: TargetKind,
    /// The item.
    pub id: Uuid,
    /// Why.
    pub reason: ReportReason,
    /// Details: up to 1,000 characters, required for `other`.
    pub details: Option<String>,
}

/// What staff do to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffAction {
    /// Hide it; its open reports are upheld.
    Hide,
    /// Show it again; its open reports are dismissed.
    Unhide,
    /// Undo the hide recorded in this audit entry, while it is the hide in
    /// force: show the item again and reopen exactly the reports that hide
    /// upheld, so it is back in the open queue as it was before.
    UndoHide(Uuid),
    /// Dismiss its open reports; unhide it if they hid it.
    Dismiss,
}

/// Which entries of the report queue to show, and in which order.
#[derive(Debug, Clone, Copy)]
pub struct ReportQueue<'a> {
    /// Only this space (slug); the caller must be its staff.
    pub space: Option<&'a str>,
    /// Items with open reports, hidden items, or all.
    pub state: QueueState,
    /// Only items reported for this reason (among their open reports in
    /// the `open` view).
    pub reason: Option<ReportReason>,
    /// Oldest or newest first.
    pub sort: QueueSort,
}

/// An item locked for a change, with the facts the rules need.
struct LockedTarget {
    kind: TargetKind,
    id: Uuid,
    space: SpaceRecord,
    is_author: bool,
    hidden: bool,
    hidden_by_block: bool,
    comment: Option<CommentRecord>,
}

impl LockedTarget {
    fn audit_target(&self) -> AuditTarget {
        AuditTarget { kind: self.kind.as_str(), id: self.id, space_id: Some(self.space.id) }
    }

    fn deleted(&self) -> bool {
        self.comment.as_ref().is_some_and(|c| c.deleted_at.is_some())
    }
}

fn hidden_state(tx: &mut Tx<'_>, kind: TargetKind, id: Uuid) -> ServiceResult<(bool, bool)> {
    let found = moderation_rows::previews(tx, kind, &[id])?.into_iter().next();
    let found = found.ok_or_else(|| DomainError::not_found(kind.as_str()))?;
    Ok((found.hidden, found.hidden_by_block))
}

/// Locks an item as `actor` may see it: its proposal row first, then (for
/// a comment) the comment rows root-first, and reads it under those locks.
/// Hidden items exist only for staff of their space; a comment belongs to
/// its amendment's visibility too.
fn lock_target(tx: &mut Tx<'_>, actor: &Actor, kind: TargetKind, id: Uuid) -> ServiceResult<LockedTarget> {
    match kind {
        TargetKind::Proposal => {
            let LockedProposal { space, .. } = lock_visible_proposal(tx, &ProposalKey::Id(id), Some(actor))?;
            let (hidden, hidden_by_block) = hidden_state(tx, kind, id)?;
            Ok(LockedTarget {
                kind,
                id,
                space,
                is_author: proposal_rows::is_author(tx, id, actor.user_id)?,
                hidden,
                hidden_by_block,
                comment: None,
            })
        }
        TargetKind::Amendment => {
            let (amendment, LockedProposal { space, .. }) = lock_visible_amendment(tx, id, Some(actor))?;
            Ok(LockedTarget {
                kind,
                id,
                space,
                is_author: amendment.author_id == actor.user_id,
                hidden: amendment.hidden,
                hidden_by_block: amendment.hidden_by_block,
                comment: None,
            })
        }
        TargetKind::Comment => {
            let gone = || ServiceError::from(DomainError::not_found("comment"));
            let comment = comment_rows::find_by_id(tx, id)?.ok_or_else(gone)?;
            let LockedProposal { space, .. } =
                lock_visible_proposal(tx, &ProposalKey::Id(comment.proposal_id), Some(actor)).map_err(|_| gone())?;
            if let Some(amendment) = comment.amendment_id {
                load_visible_amendment(tx, amendment, Some(actor)).map_err(|_| gone())?;
            }
            let comment = comment_rows::lock_path(tx, &comment)?.ok_or_else(gone)?;
            if comment.hidden && !actor.is_staff_of(space.id) {
                return Err(gone());
            }
            Ok(LockedTarget {
                kind,
                id,
                space,
                is_author: comment.author_id == actor.user_id,
                hidden: comment.hidden,
                hidden_by_block: comment.hidden_by_block,
                comment: Some(comment),
            })
        }
    }
}

/// Hides or unhides a locked item (keeping comment counters exact);
/// returns whether it changed.
fn set_hidden(
    tx: &mut Tx<'_>,
    target: &LockedTarget,
    hidden: bool,
    by_block: bool,
    at: chrono::DateTime<chrono::Utc>,
) -> ServiceResult<bool> {
    Ok(match (&target.comment, target.kind) {
        (Some(comment), _) => hiding::set_comment_hidden(tx, comment, hidden, by_block, at)?,
        (None, TargetKind::Amendment) => hiding::set_amendment_hidden(tx, target.id, hidden, by_block, at)?,
        (None, _) => hiding::set_proposal_hidden(tx, target.id, hidden, by_block, at)?,
    })
}

/// Tells the author of an item just hidden why, and how to contest it:
/// the author of a comment or an amendment, or the authors of a proposal.
/// `reason` is staff's note; a hide by readers' reports has none.
fn tell_author_of_hide(
    ctx: &ServiceContext,
    tx: &mut Tx<'_>,
    target: &LockedTarget,
    actor_id: Option<Uuid>,
    reason: Option<&str>,
) -> ServiceResult<()> {
    let (proposal_id, author) = match (&target.comment, target.kind) {
        (Some(comment), _) => (comment.proposal_id, Some(comment.author_id)),
        (None, TargetKind::Amendment) => {
            let amendment =
                amendment_rows::find_by_id(tx, target.id)?.ok_or_else(|| DomainError::not_found("amendment"))?;
            (amendment.proposal_id, Some(amendment.author_id))
        }
        (None, _) => (target.id, None),
    };
    let proposal = proposal_rows::find_by_id(tx, proposal_id)?.ok_or_else(|| DomainError::not_found("proposal"))?;
    let hidden = NotificationPayload {
        target: Some(target.kind.as_str().to_owned()),
        reason: reason.map(str::to_owned),
        outcome: Some(if reason.is_some() { "staff" } else { "reports" }.to_owned()),
        subject_id: Some(target.id),
        ..emenda_participation::lifecycle::about(&proposal, &proposal.title)
    };
    ctx.notify(tx, NotificationKind::ContentHidden, actor_id, Some(proposal.id), author, &hidden)
}

/// Reports and the staff queue.
#[derive(Debug, Clone)]
pub struct ReportService {
    ctx: ServiceContext,
}

impl ReportService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// A participant reports an item they can see, once. The report that
    /// brings the item's open reports to the space's limit hides it, in
    /// the same transaction (audited as hidden automatically).
    pub fn report(&self, actor: &Actor, request: &ReportRequest) -> ServiceResult<Report> {
        let (details,) = Validation::new()
            .field("details", validate_details(request.reason, request.details.as_deref()))
            .finish()?;
        let result = self.ctx.write_as(actor, |tx| {
            let target = lock_target(tx, actor, request.kind, request.id)?;
            ensure_reportable(target.kind, target.hidden, target.deleted(), target.is_author)?;
            if moderation_rows::has_reported(tx, target.kind, target.id, actor.user_id)? {
                return Err(already_reported().into());
            }
            let now = self.ctx.clock.now();
            let moderation = moderation_rows::ensure_and_lock(
                tx,
                self.ctx.ids.new_id(),
                target.kind,
                target.id,
                target.space.id,
                now,
            )?;
            let report_id = self.ctx.ids.new_id();
            let open = moderation_rows::add_report(
                tx,
                &NewReport {
                    id: report_id,
                    moderation_id: moderation.id,
                    reporter_id: actor.user_id,
                    reason: request.reason,
                    details: &details,
                    created_at: now,
                },
            )?;
            let hides = report_hides(open, target.space.settings.max_reports_before_hiding, target.hidden)
                && set_hidden(tx, &target, true, false, now)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::ReportCreated,
                target.audit_target(),
                serde_json::json!({ "report_id": report_id, "reason": request.reason, "open_reports": open }),
            )?;
            if hides {
                tell_author_of_hide(&self.ctx, tx, &target, None, None)?;
                self.ctx.audit(
                    tx,
                    None,
                    AuditAction::ContentHidden,
                    target.audit_target(),
                    serde_json::json!({ "automatic": true, "open_reports": open }),
                )?;
            }
            let report = moderation_rows::latest_reports(tx, &[moderation.id], 1)?
                .into_iter()
                .find(|r| r.id == report_id)
                .ok_or_else(|| StoreError::Corrupt(format!("report {report_id} vanished")))?;
            Ok(Report {
                id: report.id,
                target: Target { kind: target.kind, id: target.id },
                reason: report.reason,
                details: report.details,
                state: report.state,
                created_at: report.created_at,
            })
        });
        match result {
            // Two reports of one participant racing: the unique index decides.
            Err(error) if error.duplicate().is_some() => Err(already_reported().into()),
            other => other,
        }
    }

    /// The staff queue, one entry per item, in the queue's order, of the
    /// spaces the caller is staff of (or of one space only).
    pub fn queue(
        &self,
        actor: &Actor,
        wanted: &ReportQueue<'_>,
        after: Option<Uuid>,
        limit: i64,
    ) -> ServiceResult<Vec<ModerationItem>> {
        self.ctx.store().read(|tx| {
            let spaces = queue_spaces(tx, actor, wanted.space)?;
            let filter =
                moderation_rows::QueueFilter { spaces: spaces.as_deref(), state: wanted.state, reason: wanted.reason };
            let page = moderation_rows::queue(tx, &filter, wanted.sort, after, limit)?;
            entries(tx, page)
        })
    }

    /// Staff hide, unhide or dismiss an item (see [`StaffAction`]), with an
    /// optional note kept in the public audit entry. Repeating an action
    /// changes nothing and records nothing.
    pub fn act(
        &self,
        actor: &Actor,
        action: StaffAction,
        kind: TargetKind,
        id: Uuid,
        note: Option<&str>,
    ) -> ServiceResult<ModerationItem> {
        if !actor.is_any_staff() {
            return Err(staff_only().into());
        }
        let (note,) = Validation::new()
            .optional(
                "note",
                note.filter(|n| !emenda_domain::text::is_blank_text(n)).map(|n| StaffText::parse_field("note", n)),
            )
            .finish()?;
        let note = note.as_ref().map(StaffText::as_str);
        self.ctx.write_as(actor, |tx| {
            let target = lock_target(tx, actor, kind, id)?;
            ensure_staff_of(actor, target.space.id)?;
            let now = self.ctx.clock.now();
            let moderation =
                moderation_rows::ensure_and_lock(tx, self.ctx.ids.new_id(), kind, id, target.space.id, now)?;
            let open = moderation.open_reports;
            // The act's audit entry, named by the reports it closes (and,
            // for a hide, by the moderation row) before it is written.
            let entry = self.ctx.ids.new_id();
            let resolution = Resolution { by: actor.user_id, at: now, entry };
            let recorded = match action {
                StaffAction::Hide => {
                    let change = hide_change(target.hidden, target.hidden_by_block);
                    let changed = match change {
                        Some(true) => {
                            let hid = set_hidden(tx, &target, true, false, now)?;
                            if hid {
                                tell_author_of_hide(&self.ctx, tx, &target, Some(actor.user_id), note)?;
                            }
                            hid
                        }
                        // Hidden with its blocked author: staff take the
                        // decision over, so lifting the block keeps it hidden.
                        Some(false) => hiding::clear_block_mark(tx, kind, id)?,
                        None => false,
                    };
                    let upheld = if open > 0 {
                        moderation_rows::resolve_open(tx, moderation.id, ReportState::Upheld, &resolution)?
                    } else {
                        0
                    };
                    if hide_is_undoable(change, changed) {
                        moderation_rows::set_hide_entry(tx, moderation.id, Some(entry))?;
                    }
                    // The hidden/unhidden entries of an item alternate: a
                    // hide that only confirms the reports that already hid
                    // it is recorded as their upholding.
                    let action = if changed { AuditAction::ContentHidden } else { AuditAction::ReportsUpheld };
                    (changed || upheld > 0).then(|| {
                        (action, serde_json::json!({ "automatic": false, "note": note, "upheld_reports": upheld }))
                    })
                }
                StaffAction::Unhide => {
                    let changed = target.hidden && set_hidden(tx, &target, false, false, now)?;
                    if changed {
                        moderation_rows::set_hide_entry(tx, moderation.id, None)?;
                    }
                    let dismissed = if open > 0 {
                        moderation_rows::resolve_open(tx, moderation.id, ReportState::Dismissed, &resolution)?
                    } else {
                        0
                    };
                    (changed || dismissed > 0).then(|| {
                        (
                            AuditAction::ContentUnhidden,
                            serde_json::json!({ "note": note, "dismissed_reports": dismissed }),
                        )
                    })
                }
                StaffAction::UndoHide(hide) => {
                    let hidden_by = match moderation.hide_entry {
                        Some(entry) => audit_rows::actor_of(tx, entry)?,
                        None => None,
                    };
                    ensure_undoable(moderation.hide_entry, hidden_by, hide, actor.user_id)?;
                    // The item is hidden while its hide is in force: no
                    // report can have arrived since, nor been closed by
                    // anyone else.
                    set_hidden(tx, &target, false, false, now)?;
                    moderation_rows::set_hide_entry(tx, moderation.id, None)?;
                    let reopened = moderation_rows::reopen_upheld(tx, moderation.id, hide, now)?;
                    Some((
                        AuditAction::ContentUnhidden,
                        serde_json::json!({ "note": note, "undoes": hide, "reopened_reports": reopened }),
                    ))
                }
                StaffAction::Dismiss => {
                    let unhides = dismiss_unhides(target.hidden, target.hidden_by_block, open);
                    let dismissed = if open > 0 {
                        moderation_rows::resolve_open(tx, moderation.id, ReportState::Dismissed, &resolution)?
                    } else {
                        0
                    };
                    let unhidden = unhides && set_hidden(tx, &target, false, false, now)?;
                    if unhidden {
                        moderation_rows::set_hide_entry(tx, moderation.id, None)?;
                    }
                    (dismissed > 0).then(|| {
                        (
                            AuditAction::ReportsDismissed,
                            serde_json::json!({ "note": note, "dismissed_reports": dismissed, "unhidden": unhidden }),
                        )
                    })
                }
            };
            if let Some((audit_action, details)) = recorded {
                self.ctx.audit_entry(tx, entry, Some(actor.user_id), audit_action, target.audit_target(), details)?;
            }
            let moderation = moderation_rows::find_by_id(tx, moderation.id)?
                .ok_or_else(|| StoreError::Corrupt(format!("moderation {} vanished", moderation.id)))?;
            entries(tx, vec![moderation])?.pop().ok_or_else(|| DomainError::not_found(kind.as_str()).into())
        })
    }
}

fn staff_only() -> DomainError {
    DomainError::forbidden(ErrorCode::StaffOnly, "only staff may moderate")
}

/// Builds queue entries for a page with one query per kind of data
/// (reason counts, latest reports, previews per target kind), never one
/// per item.
fn entries(tx: &mut Tx<'_>, page: Vec<ModerationRecord>) -> ServiceResult<Vec<ModerationItem>> {
    let ids: Vec<Uuid> = page.iter().map(|m| m.id).collect();
    let mut reasons: HashMap<Uuid, Vec<(ReportReason, i64)>> = HashMap::new();
    for (moderation, reason, count) in moderation_rows::reason_counts(tx, &ids)? {
        reasons.entry(moderation).or_default().push((reason, count));
    }
    let mut latest: HashMap<Uuid, Vec<ReportRecord>> = HashMap::new();
    for report in moderation_rows::latest_reports(tx, &ids, LATEST_REPORTS)? {
        latest.entry(report.moderation_id).or_default().push(report);
    }
    let mut previews: HashMap<(TargetKind, Uuid), TargetPreview> = HashMap::new();
    for kind in TargetKind::ALL {
        let targets: Vec<Uuid> = page.iter().filter(|m| m.target_kind == *kind).map(|m| m.target_id).collect();
        if targets.is_empty() {
            continue;
        }
        for mut found in moderation_rows::previews(tx, *kind, &targets)? {
            found.text = found.text.as_deref().map(preview);
            previews.insert((*kind, found.id), found);
        }
    }
    Ok(page
        .into_iter()
        .map(|m| {
            let preview = previews.remove(&(m.target_kind, m.target_id));
            ModerationItem {
                id: m.id,
                target: Target { kind: m.target_kind, id: m.target_id },
                space_id: m.space_id,
                proposal_id: preview.as_ref().map(|p| p.proposal_id),
                proposal_reference: preview.as_ref().map(|p| p.proposal_reference.clone()),
                hidden: preview.as_ref().is_some_and(|p| p.hidden),
                hidden_by_block: preview.as_ref().is_some_and(|p| p.hidden_by_block),
                preview: preview.map(|p| Preview {
                    text: p.text,
                    author_id: p.author_id,
                    author_nickname: p.author_nickname,
                }),
                open_reports: m.open_reports,
                hide_entry_id: m.hide_entry,
                reasons: ReasonCounts::from_counts(&reasons.remove(&m.id).unwrap_or_default()),
                latest_reports: latest.remove(&m.id).unwrap_or_default().into_iter().map(QueueReport::from).collect(),
                last_reported_at: m.last_reported_at,
            }
        })
        .collect())
}
