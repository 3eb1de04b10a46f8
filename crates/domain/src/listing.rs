//! How lists are asked for: the proposal lists' filters, orders and the
//! keyset position a page ends at, and the order of the staff's queues.
//! Plain values shared by the service that takes them from a request and
//! the store that turns them into a query.

use crate::proposal::ProposalState;
use crate::string_enum;
use crate::{DomainError, FieldCode};
use uuid::Uuid;

string_enum! {
    /// The order of a staff queue (amendments to decide, reported items).
    /// Both orders read the queue by id (UUID v7: the time the amendment
    /// was requested, or the item first reported or moderated), one way
    /// or the other, so the id alone is an exact keyset position: a page
    /// never repeats or skips an entry in either direction.
    pub enum QueueSort {
        /// Oldest first, the default: what has waited longest is done first.
        Oldest => "oldest",
        /// Newest first: what just arrived, e.g. a wave of spam.
        Newest => "newest",
    }
}

/// How a list is ordered. Every order ends with the id, so it is total and
/// the keyset cursor is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalSort {
    /// Newest first.
    Recent,
    /// Most supports first.
    MostSupported,
    /// Most comments first.
    MostCommented,
    /// For a search: proposals whose title holds every term first, then
    /// the others that hold them; newest first within each, in the order
    /// the search index received them (publication order), which lets a
    /// page read only the newest stretch of the index. The cursor's
    /// key says which of the two a page ended in (1: title, 0: the rest).
    Relevance,
}

/// Where the previous page ended: the sort key and id of its last item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProposalCursor {
    /// The counter the list is sorted by (ignored for `Recent`).
    pub key: i64,
    /// The id of the last item.
    pub id: Uuid,
}

/// Which proposals a list shows.
#[derive(Debug, Clone, Default)]
pub struct ProposalFilter {
    /// Only this space.
    pub space_id: Option<Uuid>,
    /// Only this state.
    pub state: Option<ProposalState>,
    /// Only proposals this user is an author of.
    pub author_id: Option<Uuid>,
    /// Only qualified proposals (`true`: reached the support threshold at
    /// some point) or only the others (`false`).
    pub qualified: Option<bool>,
    /// Only proposals filed under this category (its slug; with a space).
    pub category: Option<String>,
    /// Only proposals filed under this area (its slug; with a space).
    pub area: Option<String>,
    /// Only proposals whose current title and text hold every one of these
    /// search terms (`search::query_terms`); empty: no search.
    pub terms: Vec<String>,
}

impl ProposalFilter {
    /// A topic's slug means something only in its space: a category or an
    /// area filter without a space is refused (`required` on `space`).
    pub fn ensure_topics_have_space(&self) -> Result<(), DomainError> {
        if self.space_id.is_none() && (self.category.is_some() || self.area.is_some()) {
            return Err(DomainError::invalid(
                "space",
                FieldCode::Required,
                "a category or area filter needs its space",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_orders_are_named_as_the_api_names_them() {
        assert_eq!(QueueSort::ALL, [QueueSort::Oldest, QueueSort::Newest]);
        for sort in QueueSort::ALL {
            assert_eq!(QueueSort::parse(sort.as_str()), Some(*sort));
        }
        assert_eq!(QueueSort::parse("recent"), None);
    }

    #[test]
    fn a_topic_filter_needs_its_space() {
        let topic = ProposalFilter { category: Some("mobilita".into()), ..ProposalFilter::default() };
        let refused = topic.ensure_topics_have_space().unwrap_err();
        assert_eq!(refused.code(), crate::ErrorCode::ValidationFailed);
        let area = ProposalFilter { area: Some("centro".into()), ..ProposalFilter::default() };
        assert!(area.ensure_topics_have_space().is_err());
        let placed = ProposalFilter { space_id: Some(Uuid::nil()), ..topic };
        assert!(placed.ensure_topics_have_space().is_ok());
        assert!(ProposalFilter::default().ensure_topics_have_space().is_ok());
    }
}
