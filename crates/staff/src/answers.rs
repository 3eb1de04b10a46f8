//! Official answers to proposals: staff set `evaluating`, `accepted` or
//! `rejected` with a public text. Answers are appended, never changed.

use emenda_domain::audit::AuditAction;
use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_domain::policy::ensure_staff_of;
use emenda_domain::policy::Actor;
use emenda_domain::proposal::{ensure_answer_state, ensure_answerable, ProposalState};
use emenda_domain::values::StaffText;
use emenda_participation::lifecycle;
use emenda_participation::views::Proposal;
use emenda_participation::{lock_visible_proposal, LockedProposal, ProposalKey, ProposalService};
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::answers;

/// Answers.
#[derive(Debug, Clone)]
pub struct AnswerService {
    ctx: ServiceContext,
    proposals: ProposalService,
}

impl AnswerService {
    /// The service; the answered proposal is read back through `proposals`.
    pub fn new(ctx: ServiceContext, proposals: ProposalService) -> Self {
        Self { ctx, proposals }
    }

    /// Answers a proposal. A later answer supersedes an earlier one (the
    /// earlier stays readable); a withdrawn proposal cannot be answered. A
    /// final answer (accepted or rejected) closes the open amendments.
    pub fn answer(
        &self,
        actor: &Actor,
        key: &ProposalKey,
        state: ProposalState,
        text: &str,
    ) -> ServiceResult<Proposal> {
        ensure_answer_state(state)?;
        let text = StaffText::parse_field("answer", text)?;
        self.ctx.write_as(actor, |tx| {
            let LockedProposal { proposal, .. } = lock_visible_proposal(tx, key, Some(actor))?;
            ensure_staff_of(actor, proposal.space_id)?;
            ensure_answerable(proposal.state, state)?;
            lifecycle::change_state(&self.ctx, tx, actor, &proposal, &ProposalState::ANSWERABLE, state)?;
            let now = self.ctx.clock.now();
            answers::insert(tx, self.ctx.ids.new_id(), proposal.id, state, text.as_str(), actor.user_id, now)?;
            let answered = NotificationPayload {
                outcome: Some(state.as_str().to_owned()),
                ..lifecycle::about(&proposal, &proposal.title)
            };
            self.ctx.notify(
                tx,
                NotificationKind::ProposalAnswered,
                Some(actor.user_id),
                Some(proposal.id),
                None,
                &answered,
            )?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::ProposalAnswered,
                AuditTarget { kind: "proposal", id: proposal.id, space_id: Some(proposal.space_id) },
                serde_json::json!({ "reference": proposal.reference, "from": proposal.state, "to": state }),
            )?;
            self.proposals.view_for(tx, proposal, actor)
        })
    }
}
