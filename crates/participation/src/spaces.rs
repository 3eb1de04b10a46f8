//! Spaces: admins create and configure them; anyone reads them.

use crate::views::Space;
use emenda_domain::audit::AuditAction;
use emenda_domain::error::Validation;
use emenda_domain::policy::{ensure_admin, ensure_staff_of, Actor};
use emenda_domain::space::{validate_phases, Phase, SettingsPatch, SpaceSettings};
use emenda_domain::topics::{ensure_removable, validate_topics, Topic, TopicKind};
use emenda_domain::values::{Description, Slug, SpaceTitle};
use emenda_domain::{DomainError, ErrorCode};
use emenda_service::{AuditTarget, ServiceContext, ServiceError, ServiceResult};
use emenda_store::spaces::{self, SpaceRecord, SpaceTotals};
use emenda_store::supports;
use emenda_store::{HasStore, Tx};
use std::collections::HashMap;
use uuid::Uuid;

/// A new space as sent by an admin.
#[derive(Debug, Clone)]
pub struct NewSpace {
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// Settings.
    pub settings: SpaceSettings,
}

/// A change to a space; absent fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct SpaceChange {
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// Settings to change.
    pub settings: Option<SettingsPatch>,
    /// The whole new list of phases.
    pub phases: Option<Vec<Phase>>,
    /// The whole new list of categories.
    pub categories: Option<Vec<Topic>>,
    /// The whole new list of areas.
    pub areas: Option<Vec<Topic>>,
}

impl SpaceChange {
    /// Whether the change is staff's to make: it names the space's topics
    /// (which staff of the space keep) and nothing else. Every other field
    /// is the admins', a field added later too: the destructuring below
    /// does not compile until it is sorted into one side or the other.
    fn only_topics(&self) -> bool {
        let SpaceChange { title, description, settings, phases, categories, areas } = self;
        let admins = title.is_some() || description.is_some() || settings.is_some() || phases.is_some();
        let staff = categories.is_some() || areas.is_some();
        staff && !admins
    }

    fn topics(&self, kind: TopicKind) -> Option<&[Topic]> {
        match kind {
            TopicKind::Category => self.categories.as_deref(),
            TopicKind::Area => self.areas.as_deref(),
        }
    }
}

/// Spaces.
#[derive(Debug, Clone)]
pub struct SpaceService {
    ctx: ServiceContext,
}

fn space_target(id: Uuid) -> AuditTarget {
    AuditTarget { kind: "space", id, space_id: Some(id) }
}

impl SpaceService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Creates a space (admins only).
    pub fn create(&self, actor: &Actor, input: &NewSpace) -> ServiceResult<Space> {
        ensure_admin(actor)?;
        let (slug, title, description) = Validation::new()
            .field("slug", Slug::parse(&input.slug))
            .field("title", SpaceTitle::parse(&input.title))
            .field("description", Description::parse(&input.description))
            .rule("settings", input.settings.validate())
            .finish()?;
        let now = self.ctx.clock.now();
        let space = SpaceRecord {
            id: self.ctx.ids.new_id(),
            slug: slug.into_inner(),
            title: title.into_inner(),
            description: description.into_inner(),
            settings: input.settings.clone(),
            created_at: now,
            updated_at: now,
        };
        let slug_taken = || DomainError::Conflict {
            code: ErrorCode::SlugTaken,
            message: "a space with this slug exists".into(),
            field: Some("slug"),
        };
        // `write_as`: an admin blocked, or leaving, meanwhile creates nothing.
        let result = self.ctx.write_as(actor, |tx| {
            if spaces::find_by_slug(tx, &space.slug)?.is_some() {
                return Err(slug_taken().into());
            }
            spaces::insert(tx, &space)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::SpaceCreated,
                space_target(space.id),
                serde_json::json!({ "slug": space.slug, "title": space.title }),
            )?;
            Ok::<_, ServiceError>(())
        });
        match result {
            Err(error) if error.duplicate().is_some() => Err(slug_taken().into()),
            other => other.map(|()| Space::new(space, Vec::new(), now.date_naive(), SpaceTotals::default())),
        }
    }

    /// Changes texts, settings, phases or topics of a space (admins; staff
    /// of the space may change its categories and areas alone).
    pub fn update(&self, actor: &Actor, slug: &str, change: &SpaceChange) -> ServiceResult<Space> {
        if !change.only_topics() {
            ensure_admin(actor)?;
        } else if !actor.is_any_staff() {
            // Refused before anything is read or checked, as for admins'
            // changes; staff of another space are refused below, before
            // the space is locked.
            return Err(DomainError::forbidden(ErrorCode::StaffOnly, "only staff of this space may do this").into());
        }
        let (title, description, phases, categories, areas) = Validation::new()
            .optional("title", change.title.as_deref().map(SpaceTitle::parse))
            .optional("description", change.description.as_deref().map(Description::parse))
            .optional("phases", change.phases.as_deref().map(validate_phases))
            .optional("categories", change.topics(TopicKind::Category).map(|t| validate_topics(TopicKind::Category, t)))
            .optional("areas", change.topics(TopicKind::Area).map(|t| validate_topics(TopicKind::Area, t)))
            .finish()?;
        // `write_as`: a staff member blocked meanwhile changes nothing.
        self.ctx.write_as(actor, |tx| {
            let not_found = || DomainError::not_found("space");
            ensure_staff_of(actor, spaces::find_by_slug(tx, slug)?.ok_or_else(not_found)?.id)?;
            let mut space = spaces::find_for_update(tx, slug)?.ok_or_else(not_found)?;
            if let Some(title) = title {
                space.title = title.into_inner();
            }
            if let Some(description) = description {
                space.description = description.into_inner();
            }
            let before = space.settings.clone();
            if let Some(patch) = &change.settings {
                let settings = patch.apply(&space.settings);
                settings.validate()?;
                space.settings = settings;
            }
            space.updated_at = self.ctx.clock.now();
            spaces::update(tx, &space)?;
            if let Some(phases) = &phases {
                spaces::set_phases(tx, space.id, phases)?;
            }
            for (kind, topics) in [(TopicKind::Category, &categories), (TopicKind::Area, &areas)] {
                if let Some(topics) = topics {
                    self.replace_topics(tx, space.id, kind, topics)?;
                }
            }
            // A new minimum changes which supports count, a new
            // threshold which proposals qualify: recount under the
            // space's lock, which supports in flight hold shared.
            let s = &space.settings;
            if s.minimum_supports_per_user != before.minimum_supports_per_user
                || s.support_threshold != before.support_threshold
            {
                supports::recount_space(
                    tx,
                    space.id,
                    s.minimum_supports_per_user,
                    s.support_threshold,
                    space.updated_at,
                )?;
            }
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::SpaceUpdated,
                space_target(space.id),
                serde_json::json!({
                    "settings": space.settings, "title": space.title, "phases": phases,
                    "categories": categories, "areas": areas,
                }),
            )?;
            Ok(self.views(tx, vec![space])?.remove(0))
        })
    }

    /// Replaces the space's list of one kind, under the space's lock (held
    /// by the caller): a topic leaves it only when no proposal is filed
    /// under it, which the lock keeps true until the commit (filing a
    /// proposal takes the space's share lock).
    fn replace_topics(&self, tx: &mut Tx<'_>, space_id: Uuid, kind: TopicKind, topics: &[Topic]) -> ServiceResult<()> {
        let current: Vec<Topic> =
            spaces::topics(tx, &[space_id])?.into_iter().filter(|(_, k, _)| *k == kind).map(|(_, _, t)| t).collect();
        let leaving: Vec<&str> =
            current.iter().map(|t| t.slug.as_str()).filter(|slug| !topics.iter().any(|t| t.slug == *slug)).collect();
        ensure_removable(kind, &spaces::topic_use(tx, space_id, kind, &leaving)?)?;
        spaces::set_topics(tx, space_id, kind, topics)?;
        Ok(())
    }

    /// The spaces `records` with their phases, topics and totals (one
    /// statement each for the lot).
    fn views(&self, tx: &mut Tx<'_>, records: Vec<SpaceRecord>) -> ServiceResult<Vec<Space>> {
        let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
        let mut phases: HashMap<Uuid, Vec<Phase>> = HashMap::new();
        for (space, phase) in spaces::phases(tx, &ids)? {
            phases.entry(space).or_default().push(phase);
        }
        let mut topics: HashMap<(Uuid, TopicKind), Vec<Topic>> = HashMap::new();
        for (space, kind, topic) in spaces::topics(tx, &ids)? {
            topics.entry((space, kind)).or_default().push(topic);
        }
        let totals: HashMap<Uuid, SpaceTotals> = spaces::totals(tx, &ids)?.into_iter().collect();
        let today = self.ctx.clock.now().date_naive();
        Ok(records
            .into_iter()
            .map(|r| {
                let (its_phases, its_totals) =
                    (phases.remove(&r.id).unwrap_or_default(), totals.get(&r.id).copied().unwrap_or_default());
                let categories = topics.remove(&(r.id, TopicKind::Category)).unwrap_or_default();
                let areas = topics.remove(&(r.id, TopicKind::Area)).unwrap_or_default();
                Space::new(r, its_phases, today, its_totals).with_topics(categories, areas)
            })
            .collect())
    }

    /// One space by slug.
    pub fn get(&self, slug: &str) -> ServiceResult<Space> {
        self.ctx.store().read(|tx| {
            let space = spaces::find_by_slug(tx, slug)?.ok_or_else(|| DomainError::not_found("space"))?;
            Ok(self.views(tx, vec![space])?.remove(0))
        })
    }

    /// Spaces in creation order, after the cursor.
    pub fn list(&self, after: Option<Uuid>, limit: i64) -> ServiceResult<Vec<Space>> {
        self.ctx.store().read(|tx| {
            let records = spaces::list(tx, after, limit)?;
            self.views(tx, records)
        })
    }
}
