//! What handlers share: one instance of each service.

use crate::dto::site::{Logo, Owner};
use crate::rate_limit::{Limiters, RateLimits};
use crate::route_table::RouteTable;
use emenda_accounts::outbox::MailOutbox;
use emenda_accounts::AccountService;
use emenda_domain::proposal::EditLimits;
use emenda_domain::transparency::LogSigner;
use emenda_participation::erasure::ErasureService;
use emenda_participation::{
    AmendmentService, CommentService, FollowService, HistoryService, ProposalService, SpaceService, SupportService,
};
use emenda_service::Database;
use emenda_staff::{
    AnswerService, AuditService, DecisionService, LogService, PageService, ReportService, RoleService, SummaryService,
    UserModerationService,
};
use std::sync::Arc;

/// Application state, cloned into every worker.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Users and sessions.
    pub accounts: AccountService,
    /// Spaces.
    pub spaces: SpaceService,
    /// Proposals.
    pub proposals: ProposalService,
    /// Versions, diffs, verification.
    pub history: HistoryService,
    /// Amendments, participant side.
    pub amendments: AmendmentService,
    /// Supports and supporter lists.
    pub supports: SupportService,
    /// Erasing accounts whose deletion is due.
    pub erasure: ErasureService,
    /// Follows of proposals.
    pub follows: FollowService,
    /// Comments and comment votes.
    pub comments: CommentService,
    /// Amendment decisions.
    pub decisions: DecisionService,
    /// Official answers.
    pub answers: AnswerService,
    /// Audit log reads.
    pub audit: AuditService,
    /// The transparency log: checkpoints, tiles, verification, integration.
    pub log: LogService,
    /// Role grants.
    pub roles: RoleService,
    /// Account verification and blocks.
    pub user_moderation: UserModerationService,
    /// Reports and content moderation.
    pub reports: ReportService,
    /// What waits for staff, counted.
    pub summary: SummaryService,
    /// The mail outbox's books (its sender is the server's).
    pub outbox: MailOutbox,
    /// The site's own pages.
    pub pages: PageService,
    /// The public body that publishes the site (the server's settings).
    pub owner: Owner,
    /// Its logo, when configured.
    pub logo: Option<Logo>,
    /// The database, for readiness checks.
    pub database: Database,
    /// Request-rate limits of this instance.
    pub limiters: Arc<Limiters>,
}

impl AppState {
    /// The same state, published by `owner` (and its `logo`).
    pub fn with_owner(mut self, mut owner: Owner, logo: Option<Logo>) -> Self {
        owner.logo = logo.is_some();
        self.owner = owner;
        self.logo = logo;
        self
    }

    /// Builds every service over one database; `routes` is the API's route
    /// table (`routes::table`), which the rate limiter counts by.
    pub fn new(
        database: Database,
        accounts: AccountService,
        reference_prefix: &str,
        limits: RateLimits,
        edit_limits: EditLimits,
        routes: &'static RouteTable,
        log_signer: Arc<LogSigner>,
    ) -> Self {
        let limiters = Arc::new(Limiters::new(limits, accounts.clone(), routes));
        let ctx = database.context();
        let proposals = ProposalService::new(ctx.clone(), reference_prefix).with_edit_limits(edit_limits);
        Self {
            accounts,
            spaces: SpaceService::new(ctx.clone()),
            amendments: AmendmentService::new(ctx.clone(), proposals.clone()),
            supports: SupportService::new(ctx.clone()),
            erasure: ErasureService::new(ctx.clone()),
            follows: FollowService::new(ctx.clone()),
            comments: CommentService::new(ctx.clone()),
            decisions: DecisionService::new(ctx.clone()),
            answers: AnswerService::new(ctx.clone(), proposals.clone()),
            proposals,
            history: HistoryService::new(ctx.clone()),
            audit: AuditService::new(ctx.clone()),
            log: LogService::new(ctx.clone(), log_signer),
            roles: RoleService::new(ctx.clone()),
            user_moderation: UserModerationService::new(ctx.clone()),
            pages: PageService::new(ctx.clone()),
            summary: SummaryService::new(ctx.clone()),
            outbox: MailOutbox::new(ctx.clone()),
            reports: ReportService::new(ctx),
            owner: Owner { name: "Amministrazione titolare".into(), ..Owner::default() },
            logo: None,
            database,
            limiters,
        }
    }
}
