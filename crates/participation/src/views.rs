//! What the proposal services hand to their callers, which is also what the
//! API sends: each view is its resource's wire shape, serialised as it is
//! (its schema derived behind this crate's `openapi` feature), so a field
//! is declared once, here, next to the service that fills it. The store's
//! records stay the store's: they can grow columns or change shape without
//! reaching a client.

pub mod amendment;
pub mod answer;
pub mod comment;
pub mod follow;
pub mod person;
pub mod proposal;
pub mod space;
pub mod support;
pub mod version;

pub use amendment::{Amendment, AmendmentActions, AmendmentDiff, AmendmentSummary, MergedPreview};
pub use answer::Answer;
pub use comment::{Comment, CommentRevision, CommentVotes, VoteOutcome};
pub use follow::FollowState;
pub use person::Person;
pub use proposal::{AmendmentCounts, Author, Proposal, ProposalActions, ProposalCounters, ProposalSummary, SearchHit};
pub use space::{ProposalSpace, Space, SpaceCounts};
pub use support::{MySupport, SupportOutcome, SupportReceipt, Supporter};
pub use version::{Version, VersionDiff, VersionSummary};
