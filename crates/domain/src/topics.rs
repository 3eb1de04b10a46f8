//! A space's topics: its categories (what a proposal is about: mobility,
//! schools, green spaces…) and its areas (where: a district, a village of
//! the municipality). Staff of the space keep the two short lists; an
//! author files their proposal under one of each, or none; readers filter
//! a space's proposals by them. A topic is known by its slug, which stays
//! when staff rename it, so addresses and filters keep working.

use crate::codes::{ErrorCode, FieldCode};
use crate::error::{DomainError, FieldError};
use crate::policy::{ensure_author, Actor};
use crate::proposal::{ensure_editable, ProposalState};
use crate::values::{Slug, SpaceTitle};

/// Most categories, and most areas, a space has: a list a citizen can take
/// in at a glance, not a thesaurus.
pub const MAX_TOPICS: usize = 40;

/// One category or area of a space.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Its name in addresses and filters (`mobilita`, `centro-storico`):
    /// 3 to 60 of `a-z`, `0-9` and `-`; it never changes.
    pub slug: String,
    /// Its name as shown: 3 to 150 characters, one line.
    pub name: String,
}

/// Which of a space's two lists a topic belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TopicKind {
    /// What a proposal is about.
    Category,
    /// Where it applies.
    Area,
}

impl TopicKind {
    /// Both kinds, in the order they are shown.
    pub const ALL: [TopicKind; 2] = [TopicKind::Category, TopicKind::Area];

    /// The kind as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            TopicKind::Category => "category",
            TopicKind::Area => "area",
        }
    }

    /// The kind from its stored text.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The field of a proposal that names one (`category`, `area`).
    pub fn field(self) -> &'static str {
        self.as_str()
    }

    /// The field of a space that lists them (`categories`, `areas`).
    pub fn list_field(self) -> &'static str {
        match self {
            TopicKind::Category => "categories",
            TopicKind::Area => "areas",
        }
    }
}

/// Checks a space's new list of one kind: at most [`MAX_TOPICS`], each slug
/// a valid slug and used once, each name a valid one-line name (trimmed).
/// Errors name the field, e.g. `categories.2.slug`.
pub fn validate_topics(kind: TopicKind, topics: &[Topic]) -> Result<Vec<Topic>, DomainError> {
    let list = kind.list_field();
    if topics.len() > MAX_TOPICS {
        return Err(DomainError::invalid(list, FieldCode::TooLong, format!("at most {MAX_TOPICS}")));
    }
    let mut errors = Vec::new();
    let mut checked: Vec<Topic> = Vec::with_capacity(topics.len());
    let located = |errors: &mut Vec<FieldError>, i: usize, part: &str, error: DomainError| match error {
        DomainError::Invalid(fields) => {
            errors.extend(fields.into_iter().map(|f| FieldError::new(format!("{list}.{i}.{part}"), f.code, f.message)));
            Ok(())
        }
        other => Err(other),
    };
    for (i, topic) in topics.iter().enumerate() {
        let slug = match Slug::parse(&topic.slug) {
            Ok(slug) => slug.into_inner(),
            Err(error) => {
                located(&mut errors, i, "slug", error)?;
                topic.slug.clone()
            }
        };
        let name = match SpaceTitle::parse(&topic.name) {
            Ok(name) => name.into_inner(),
            Err(error) => {
                located(&mut errors, i, "name", error)?;
                topic.name.clone()
            }
        };
        if checked.iter().any(|earlier| earlier.slug == slug) {
            errors.push(FieldError::new(format!("{list}.{i}.slug"), FieldCode::Taken, "used twice in the list"));
        }
        checked.push(Topic { slug, name });
    }
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(DomainError::Invalid(errors))
    }
}

/// Where a proposal is filed: one of its space's categories and one of its
/// areas, each optional (by slug).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filing {
    /// A category's slug.
    pub category: Option<String>,
    /// An area's slug.
    pub area: Option<String>,
}

impl Filing {
    /// Filed under nothing.
    pub fn is_empty(&self) -> bool {
        self.category.is_none() && self.area.is_none()
    }

    /// Checks both choices against the space's lists, reporting both fields
    /// at fault at once.
    pub fn ensure_offered(&self, categories: &[Topic], areas: &[Topic]) -> Result<(), DomainError> {
        crate::error::Validation::new()
            .field("category", ensure_offered(TopicKind::Category, self.category.as_deref(), categories))
            .field("area", ensure_offered(TopicKind::Area, self.area.as_deref(), areas))
            .finish()
            .map(drop)
    }
}

/// A proposal may be filed under `chosen` only if the space offers it now.
pub fn ensure_offered(kind: TopicKind, chosen: Option<&str>, offered: &[Topic]) -> Result<(), DomainError> {
    match chosen {
        Some(slug) if !offered.iter().any(|t| t.slug == slug) => Err(DomainError::invalid(
            kind.field(),
            FieldCode::InvalidChoice,
            format!("not one of the space's {}", kind.list_field()),
        )),
        _ => Ok(()),
    }
}

/// Who may file a proposal under other topics: staff of its space at any
/// time (they keep the lists tidy), an author while the proposal still
/// takes edits.
pub fn ensure_can_file(
    actor: &Actor,
    space_id: uuid::Uuid,
    is_author: bool,
    state: ProposalState,
) -> Result<(), DomainError> {
    if actor.is_staff_of(space_id) {
        return Ok(());
    }
    ensure_author(is_author)?;
    ensure_editable(state)
}

/// Topics leave their space's list only when no proposal is filed under
/// them (`in_use`: each leaving slug with how many are): staff move those
/// proposals first, so no proposal is left naming a topic nobody can see
/// or filter by. The refusal names every topic still in use, so staff
/// learn in one answer all they have to move.
pub fn ensure_removable(kind: TopicKind, in_use: &[(String, i64)]) -> Result<(), DomainError> {
    let used: Vec<String> =
        in_use.iter().filter(|(_, n)| *n > 0).map(|(slug, n)| format!("`{slug}` ({n} proposal(s))")).collect();
    if used.is_empty() {
        return Ok(());
    }
    Err(DomainError::conflict(
        ErrorCode::TopicInUse,
        format!("proposals are filed under the {} {}: move them first", kind.field(), used.join(", ")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(slug: &str, name: &str) -> Topic {
        Topic { slug: slug.into(), name: name.into() }
    }

    fn fields(error: DomainError) -> Vec<(String, FieldCode)> {
        match error {
            DomainError::Invalid(fields) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn a_list_is_checked_entry_by_entry_and_trimmed() {
        let ok = validate_topics(TopicKind::Category, &[topic("mobilita", "  Mobilità  "), topic("scuole", "Scuole")]);
        assert_eq!(ok.unwrap(), vec![topic("mobilita", "Mobilità"), topic("scuole", "Scuole")]);
        let bad = validate_topics(
            TopicKind::Area,
            &[topic("centro", "Centro"), topic("Centro Storico", "ok name"), topic("centro", "x")],
        )
        .unwrap_err();
        assert_eq!(
            fields(bad),
            vec![
                ("areas.1.slug".to_owned(), FieldCode::InvalidCharacters),
                ("areas.2.name".to_owned(), FieldCode::TooShort),
                ("areas.2.slug".to_owned(), FieldCode::Taken),
            ]
        );
        let many: Vec<Topic> = (0..=MAX_TOPICS).map(|i| topic(&format!("t-{i:03}"), "Nome")).collect();
        assert_eq!(fields(validate_topics(TopicKind::Category, &many).unwrap_err())[0].0, "categories");
    }

    #[test]
    fn a_proposal_is_filed_only_under_an_offered_topic() {
        let offered = [topic("mobilita", "Mobilità")];
        assert!(ensure_offered(TopicKind::Category, None, &offered).is_ok());
        assert!(ensure_offered(TopicKind::Category, Some("mobilita"), &offered).is_ok());
        let refused = ensure_offered(TopicKind::Area, Some("altrove"), &offered).unwrap_err();
        assert_eq!(fields(refused), vec![("area".to_owned(), FieldCode::InvalidChoice)]);
        let both = Filing { category: Some("altro".into()), area: Some("altrove".into()) };
        assert_eq!(
            fields(both.ensure_offered(&offered, &[]).unwrap_err()),
            vec![("category".to_owned(), FieldCode::InvalidChoice), ("area".to_owned(), FieldCode::InvalidChoice)]
        );
    }

    #[test]
    fn a_topic_in_use_stays() {
        let uses = |list: &[(&str, i64)]| list.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect::<Vec<_>>();
        assert!(ensure_removable(TopicKind::Category, &uses(&[("mobilita", 0)])).is_ok());
        let refused = ensure_removable(TopicKind::Category, &uses(&[("mobilita", 2), ("verde", 0), ("scuole", 1)]));
        let refused = refused.unwrap_err();
        assert_eq!(refused.code(), ErrorCode::TopicInUse);
        let message = refused.to_string();
        assert!(
            message.contains("`mobilita` (2 proposal(s))") && message.contains("`scuole` (1 proposal(s))"),
            "{message}"
        );
        assert!(!message.contains("verde"), "{message}");
    }
}
