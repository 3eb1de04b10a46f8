//! Official answers to proposals: staff set `evaluating`, `accepted` or
//! `rejected` with a public text. Answers are appended, never changed.

use emenda_domain::amendment::ensure_staff_of;
use emenda_domain::audit::AuditAction;
use emenda_domain::policy::Actor;
use emenda_domain::proposal::{ensure_answer_state, ensure_answerable, state_changed, ProposalState};
use emenda_domain::values::StaffText;
use emenda_domain::DomainError;
use emenda_proposals::amendments::close_open_amendments;
use emenda_proposals::{lock_visible_proposal, ProposalService, ProposalView};
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::answers;
use emenda_store::proposals as proposal_rows;

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
    pub fn answer(&self, actor: &Actor, key: &str, state: ProposalState, text: &str) -> ServiceResult<ProposalView> {
        ensure_answer_state(state)?;
        let text = StaffText::parse_field("answer", text)?;
        self.ctx.write_as(actor, |tx| {
            let proposal = lock_visible_proposal(tx, key, Some(actor))?;
            ensure_staff_of(actor, proposal.space_id)?;
            ensure_answerable(proposal.state, state)?;
            let now = self.ctx.clock.now();
            if !proposal_rows::change_state(tx, proposal.id, &ProposalState::ANSWERABLE, state, now)? {
                return Err(state_changed().into());
            }
            answers::insert(tx, self.ctx.ids.new_id(), proposal.id, state, text.as_str(), actor.user_id, now)?;
            if state.closes_amendments() {
                close_open_amendments(&self.ctx, tx, actor, &proposal, "proposal answered")?;
            }
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::ProposalAnswered,
                AuditTarget { kind: "proposal", id: proposal.id, space_id: Some(proposal.space_id) },
                serde_json::json!({ "reference": proposal.reference, "from": proposal.state, "to": state }),
            )?;
            let proposal =
                proposal_rows::find_by_id(tx, proposal.id)?.ok_or_else(|| DomainError::not_found("proposal"))?;
            self.proposals.view_for(tx, proposal, actor)
        })
    }
}
