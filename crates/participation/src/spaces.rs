//! Spaces: admins create and configure them; anyone reads them.

use crate::views::Space;
use emenda_domain::audit::AuditAction;
use emenda_domain::error::Validation;
use emenda_domain::policy::{ensure_admin, Actor};
use emenda_domain::space::{validate_phases, Phase, SettingsPatch, SpaceSettings};
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
        let result = self.ctx.store().write(|tx| {
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

    /// Changes texts or settings of a space (admins only).
    pub fn update(&self, actor: &Actor, slug: &str, change: &SpaceChange) -> ServiceResult<Space> {
        ensure_admin(actor)?;
        let (title, description, phases) = Validation::new()
            .optional("title", change.title.as_deref().map(SpaceTitle::parse))
            .optional("description", change.description.as_deref().map(Description::parse))
            .optional("phases", change.phases.as_deref().map(validate_phases))
            .finish()?;
        self.ctx.store().write(|tx| {
            let mut space = spaces::find_for_update(tx, slug)?.ok_or_else(|| DomainError::not_found("space"))?;
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
                serde_json::json!({ "settings": space.settings, "title": space.title, "phases": phases }),
            )?;
            Ok(self.views(tx, vec![space])?.remove(0))
        })
    }

    /// The spaces `records` with their phases and totals (one statement
    /// each for the lot).
    fn views(&self, tx: &mut Tx<'_>, records: Vec<SpaceRecord>) -> ServiceResult<Vec<Space>> {
        let ids: Vec<Uuid> = records.iter().map(|r| r.id).collect();
        let mut phases: HashMap<Uuid, Vec<Phase>> = HashMap::new();
        for (space, phase) in spaces::phases(tx, &ids)? {
            phases.entry(space).or_default().push(phase);
        }
        let totals: HashMap<Uuid, SpaceTotals> = spaces::totals(tx, &ids)?.into_iter().collect();
        let today = self.ctx.clock.now().date_naive();
        Ok(records
            .into_iter()
            .map(|r| {
                let (its_phases, its_totals) =
                    (phases.remove(&r.id).unwrap_or_default(), totals.get(&r.id).copied().unwrap_or_default());
                Space::new(r, its_phases, today, its_totals)
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
