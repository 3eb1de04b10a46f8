//! What waits for staff, counted in one read: the amendment queue, the
//! report queue and the proposals still without an answer, over the
//! spaces the caller looks after (or the one they ask about).

use crate::decisions::queue_spaces;
use crate::views::StaffSummary;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::policy::Actor;
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::{amendments, moderation, proposals, HasStore};

/// Staff's counts.
#[derive(Debug, Clone)]
pub struct SummaryService {
    ctx: ServiceContext,
}

impl SummaryService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// What waits in `space_slug`, or in every space the caller is staff
    /// of; refused to anyone who is staff nowhere (`staff_only`), or not
    /// of the space named.
    pub fn summary(&self, actor: &Actor, space_slug: Option<&str>) -> ServiceResult<StaffSummary> {
        self.ctx.store().read(|tx| {
            let spaces = queue_spaces(tx, actor, space_slug)?;
            let spaces = spaces.as_deref();
            let (awaiting, qualified) = proposals::count_awaiting_answer(tx, spaces)?;
            Ok(StaffSummary {
                amendments_waiting: amendments::count_in_state(tx, spaces, AmendmentState::Evaluating)?,
                reports_open: moderation::count_open_items(tx, spaces)?,
                proposals_awaiting_answer: awaiting,
                proposals_awaiting_answer_qualified: qualified,
            })
        })
    }
}
