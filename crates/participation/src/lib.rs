//! Participation: what citizens do and read in a space: spaces, proposals
//! and their versions, amendments (the participant's side), supports and
//! comments, and the one write path of a proposal (`lifecycle`). Each operation is one
//! transaction: load, let the domain decide, write, record in the audit
//! log; what it returns is a view (`views`), which the API sends as it is.

mod access;
mod actions;
pub mod amendments;
pub mod analysis;
pub mod comments;
pub mod erasure;
pub mod follows;
pub mod lifecycle;
pub mod proposals;
mod rules;
pub mod search;
pub mod spaces;
pub mod supports;
pub mod versions;
pub mod views;

pub use amendments::AmendmentService;
pub use comments::CommentService;
pub use follows::FollowService;
pub use proposals::ProposalService;
pub use spaces::SpaceService;
pub use supports::SupportService;
pub use versions::HistoryService;

pub use access::{
    find_by_key, load_visible_amendment, load_visible_proposal, lock_visible_amendment, lock_visible_proposal, may_see,
    LockedProposal,
};

pub use emenda_domain::reference::ProposalKey;
