//! A proposal with the first page of its lists, for a reader's first
//! screen in one request (`GET /proposals/{id}?include=…`): the page then
//! needs the proposal and its comments, two requests, where it made one per
//! list and one per amendment card.

use crate::pagination::Page;
use emenda_participation::views::{AmendmentSummary, Answer, Proposal, Supporter};
use serde::Serialize;
use utoipa::ToSchema;

/// The proposal, and the lists asked for with `include` under `included`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalRead {
    /// The proposal, its fields inline.
    #[serde(flatten)]
    pub proposal: Proposal,
    /// The first page of each list asked for; absent without `include`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub included: Option<Included>,
}

/// The first page of each list `include` named; a list not named is absent.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Included {
    /// Every official answer, newest (the one in force) first, as
    /// `GET /proposals/{id}/answers` gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<Answer>>,
    /// The first page of `GET /proposals/{id}/supporters` (20, its
    /// `next_cursor` good there); absent when `supporters_private`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supporters: Option<Page<Supporter>>,
    /// True when `supporters` was asked for and the space keeps its
    /// supporters private from the caller (the count stays in the proposal).
    pub supporters_private: bool,
    /// The first page of `GET /proposals/{id}/amendments` (20, each with
    /// its change in its sentence, its `next_cursor` good there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amendments: Option<Page<AmendmentSummary>>,
}
