//! Spaces (participatory processes) and the settings that govern what
//! participants may do inside them.

use crate::codes::FieldCode;
use crate::error::{DomainError, FieldError};
use crate::string_enum;

string_enum! {
    /// Who sees the amendments of a proposal.
    pub enum AmendmentsVisibility {
        /// Everyone.
        All => "all",
        /// Each participant sees their own; staff see all.
        Participants => "participants",
    }
}

/// The settings of a space, as PRODUCT.md lists them. Kept together so that a
/// rule can be given "the space" and decide on its own.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SpaceSettings {
    /// Participants may publish new proposals.
    pub proposals_open: bool,
    /// Participants may support proposals.
    pub supports_open: bool,
    /// Participants may request amendments.
    pub amendments_open: bool,
    /// Participants may comment.
    pub comments_open: bool,
    /// How many proposals one participant may support in the space; 0 = no limit.
    pub support_limit_per_user: i32,
    /// Supports that make a proposal qualified; 0 = no threshold.
    pub support_threshold: i32,
    /// Whether supports are still taken once the threshold is reached.
    pub supports_beyond_threshold: bool,
    /// Only verified participants may propose.
    pub verification_required_to_propose: bool,
    /// Only verified participants may support.
    pub verification_required_to_support: bool,
    /// The list of supporters is public.
    pub supporters_public: bool,
    /// Who sees amendments.
    pub amendments_visibility: AmendmentsVisibility,
    /// Reports after which an item is hidden automatically.
    pub max_reports_before_hiding: i32,
    /// A participant's supports in the space count only once they have
    /// given this many there (pending until then); 0 = count at once.
    pub minimum_supports_per_user: i32,
}

impl Default for SpaceSettings {
    fn default() -> Self {
        Self {
            proposals_open: true,
            supports_open: true,
            amendments_open: true,
            comments_open: true,
            support_limit_per_user: 0,
            support_threshold: 0,
            supports_beyond_threshold: true,
            verification_required_to_propose: false,
            verification_required_to_support: false,
            supporters_public: true,
            amendments_visibility: AmendmentsVisibility::All,
            max_reports_before_hiding: 3,
            minimum_supports_per_user: 0,
        }
    }
}

impl SpaceSettings {
    /// Checks the numeric settings; booleans are valid by construction.
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut errors = Vec::new();
        let mut bounded = |field: &str, value: i32, max: i32| {
            if !(0..=max).contains(&value) {
                errors.push(FieldError::new(
                    format!("settings.{field}"),
                    FieldCode::OutOfRange,
                    format!("must be between 0 and {max}"),
                ));
            }
        };
        bounded("support_limit_per_user", self.support_limit_per_user, 10_000);
        bounded("support_threshold", self.support_threshold, 10_000_000);
        bounded("max_reports_before_hiding", self.max_reports_before_hiding, 1_000);
        bounded("minimum_supports_per_user", self.minimum_supports_per_user, 10_000);
        if self.support_limit_per_user > 0 && self.minimum_supports_per_user > self.support_limit_per_user {
            errors.push(FieldError::new(
                "settings.minimum_supports_per_user",
                FieldCode::OutOfRange,
                "cannot exceed support_limit_per_user: no support could ever count",
            ));
        }
        if self.max_reports_before_hiding == 0 {
            errors.push(FieldError::new(
                "settings.max_reports_before_hiding",
                FieldCode::OutOfRange,
                "must be at least 1",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_open() {
        let settings = SpaceSettings::default();
        assert!(settings.validate().is_ok());
        assert!(settings.proposals_open && settings.supporters_public);
        assert_eq!(settings.max_reports_before_hiding, 3);
    }

    #[test]
    fn negative_and_zero_limits_are_refused_with_their_field() {
        let settings = SpaceSettings { support_limit_per_user: -1, max_reports_before_hiding: 0, ..Default::default() };
        let DomainError::Invalid(errors) = settings.validate().unwrap_err() else { panic!() };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["settings.support_limit_per_user", "settings.max_reports_before_hiding"]);
    }

    #[test]
    fn the_minimum_is_bounded_and_never_above_the_limit() {
        let field = |s: SpaceSettings| match s.validate() {
            Err(DomainError::Invalid(errors)) => errors[0].field.clone(),
            other => panic!("expected a field error, got {other:?}"),
        };
        assert_eq!(
            field(SpaceSettings { minimum_supports_per_user: -1, ..Default::default() }),
            "settings.minimum_supports_per_user"
        );
        let above = SpaceSettings { support_limit_per_user: 2, minimum_supports_per_user: 3, ..Default::default() };
        assert_eq!(field(above), "settings.minimum_supports_per_user");
        assert!(SpaceSettings { support_limit_per_user: 3, minimum_supports_per_user: 3, ..Default::default() }
            .validate()
            .is_ok());
        assert!(SpaceSettings { minimum_supports_per_user: 3, ..Default::default() }.validate().is_ok());
    }

    #[test]
    fn visibility_spelling_round_trips() {
        for v in AmendmentsVisibility::ALL {
            assert_eq!(AmendmentsVisibility::parse(v.as_str()), Some(*v));
        }
        assert_eq!(AmendmentsVisibility::parse("everyone"), None);
    }
}

/// A partial change of settings: only the fields sent are changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SettingsPatch {
    /// See [`SpaceSettings`].
    pub proposals_open: Option<bool>,
    /// See [`SpaceSettings`].
    pub supports_open: Option<bool>,
    /// See [`SpaceSettings`].
    pub amendments_open: Option<bool>,
    /// See [`SpaceSettings`].
    pub comments_open: Option<bool>,
    /// See [`SpaceSettings`].
    pub support_limit_per_user: Option<i32>,
    /// See [`SpaceSettings`].
    pub support_threshold: Option<i32>,
    /// See [`SpaceSettings`].
    pub supports_beyond_threshold: Option<bool>,
    /// See [`SpaceSettings`].
    pub verification_required_to_propose: Option<bool>,
    /// See [`SpaceSettings`].
    pub verification_required_to_support: Option<bool>,
    /// See [`SpaceSettings`].
    pub supporters_public: Option<bool>,
    /// See [`SpaceSettings`].
    pub amendments_visibility: Option<AmendmentsVisibility>,
    /// See [`SpaceSettings`].
    pub max_reports_before_hiding: Option<i32>,
    /// See [`SpaceSettings`].
    pub minimum_supports_per_user: Option<i32>,
}

impl SettingsPatch {
    /// The settings with this patch applied (then to be validated).
    pub fn apply(&self, base: &SpaceSettings) -> SpaceSettings {
        SpaceSettings {
            proposals_open: self.proposals_open.unwrap_or(base.proposals_open),
            supports_open: self.supports_open.unwrap_or(base.supports_open),
            amendments_open: self.amendments_open.unwrap_or(base.amendments_open),
            comments_open: self.comments_open.unwrap_or(base.comments_open),
            support_limit_per_user: self.support_limit_per_user.unwrap_or(base.support_limit_per_user),
            support_threshold: self.support_threshold.unwrap_or(base.support_threshold),
            supports_beyond_threshold: self.supports_beyond_threshold.unwrap_or(base.supports_beyond_threshold),
            verification_required_to_propose: self
                .verification_required_to_propose
                .unwrap_or(base.verification_required_to_propose),
            verification_required_to_support: self
                .verification_required_to_support
                .unwrap_or(base.verification_required_to_support),
            supporters_public: self.supporters_public.unwrap_or(base.supporters_public),
            amendments_visibility: self.amendments_visibility.unwrap_or(base.amendments_visibility),
            max_reports_before_hiding: self.max_reports_before_hiding.unwrap_or(base.max_reports_before_hiding),
            minimum_supports_per_user: self.minimum_supports_per_user.unwrap_or(base.minimum_supports_per_user),
        }
    }
}

#[cfg(test)]
mod patch_tests {
    use super::*;

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let base = SpaceSettings::default();
        let patch = SettingsPatch { proposals_open: Some(false), support_threshold: Some(500), ..Default::default() };
        let patched = patch.apply(&base);
        assert!(!patched.proposals_open);
        assert_eq!(patched.support_threshold, 500);
        assert_eq!(SpaceSettings { proposals_open: true, support_threshold: 0, ..patched }, base);
    }
}

/// Most phases a process has.
pub const MAX_PHASES: usize = 12;

/// A phase of a process (proposals, evaluation, vote, results…): the space
/// page shows them in order with their dates, and which one is under way.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Its name: 3 to 150 characters, one line.
    pub name: String,
    /// Its first day.
    pub starts_on: chrono::NaiveDate,
    /// Its last day; absent while open-ended.
    pub ends_on: Option<chrono::NaiveDate>,
}

/// Checks a process's phases: at most [`MAX_PHASES`], each named (as a
/// space's title is), none ending before it starts, each starting after the
/// one before it has ended (a phase without an end must be the last).
/// Names are trimmed. Errors name the field, e.g. `phases.1.ends_on`.
pub fn validate_phases(phases: &[Phase]) -> Result<Vec<Phase>, DomainError> {
    if phases.len() > MAX_PHASES {
        return Err(DomainError::invalid("phases", FieldCode::TooLong, format!("at most {MAX_PHASES} phases")));
    }
    let mut errors = Vec::new();
    let mut checked = Vec::with_capacity(phases.len());
    for (i, phase) in phases.iter().enumerate() {
        match crate::values::SpaceTitle::parse(&phase.name) {
            Ok(name) => checked.push(Phase { name: name.into_inner(), ..phase.clone() }),
            Err(DomainError::Invalid(fields)) => {
                errors
                    .extend(fields.into_iter().map(|f| FieldError::new(format!("phases.{i}.name"), f.code, f.message)));
                checked.push(phase.clone());
            }
            Err(other) => return Err(other),
        }
        if phase.ends_on.is_some_and(|end| end < phase.starts_on) {
            errors.push(FieldError::new(
                format!("phases.{i}.ends_on"),
                FieldCode::OutOfRange,
                "before the phase starts",
            ));
        }
        if let Some(previous) = i.checked_sub(1).map(|p| &phases[p]) {
            let after_previous = match previous.ends_on {
                Some(end) => phase.starts_on > end,
                None => false,
            };
            if !after_previous {
                errors.push(FieldError::new(
                    format!("phases.{i}.starts_on"),
                    FieldCode::OutOfRange,
                    "a phase starts after the one before it has ended",
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(DomainError::Invalid(errors))
    }
}

/// The phase under way on `today`, by position: the one whose dates hold
/// it; `None` before the first, between two, and after the last has ended.
pub fn current_phase(phases: &[Phase], today: chrono::NaiveDate) -> Option<usize> {
    phases.iter().position(|p| p.starts_on <= today && p.ends_on.is_none_or(|end| today <= end))
}

#[cfg(test)]
mod phase_tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn phase(name: &str, from: &str, to: Option<&str>) -> Phase {
        Phase { name: name.into(), starts_on: day(from), ends_on: to.map(day) }
    }

    #[test]
    fn phases_follow_each_other_and_one_is_under_way() {
        let phases = vec![
            phase("  Proposte  ", "2026-01-01", Some("2026-02-28")),
            phase("Valutazione", "2026-03-01", Some("2026-03-31")),
            phase("Voto", "2026-04-10", None),
        ];
        let checked = validate_phases(&phases).unwrap_or_default();
        assert_eq!(checked[0].name, "Proposte");
        assert_eq!(current_phase(&checked, day("2025-12-31")), None);
        assert_eq!(current_phase(&checked, day("2026-02-28")), Some(0));
        assert_eq!(current_phase(&checked, day("2026-03-01")), Some(1));
        assert_eq!(current_phase(&checked, day("2026-04-05")), None, "between two phases");
        assert_eq!(current_phase(&checked, day("2027-01-01")), Some(2));
    }

    #[test]
    fn wrong_phases_name_their_field() {
        let fields = |phases: &[Phase]| -> Vec<String> {
            match validate_phases(phases) {
                Err(DomainError::Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
                _ => Vec::new(),
            }
        };
        assert_eq!(fields(&[phase("No", "2026-01-01", None)]), ["phases.0.name"]);
        assert_eq!(fields(&[phase("Proposte", "2026-02-01", Some("2026-01-01"))]), ["phases.0.ends_on"]);
        assert_eq!(
            fields(&[phase("Proposte", "2026-01-01", None), phase("Voto", "2026-02-01", None)]),
            ["phases.1.starts_on"],
            "an open-ended phase must be the last"
        );
        assert_eq!(
            fields(&[phase("Proposte", "2026-01-01", Some("2026-01-31")), phase("Voto", "2026-01-31", None)]),
            ["phases.1.starts_on"]
        );
        let many: Vec<Phase> = (0..13)
            .map(|i| phase("Fase", &format!("2026-01-{:02}", i + 1), Some(&format!("2026-01-{:02}", i + 1))))
            .collect();
        assert_eq!(fields(&many), ["phases"]);
    }
}
