//! The administration's pages (legal notes, privacy notice, accessibility
//! statement): the platform ships an Italian text of each, written as
//! version 1 the first time the server starts; admins publish new versions;
//! every version stays readable, so the notice a person accepted at sign-up
//! can always be shown to them.

use crate::views::{Page, PageSummary};
use emenda_domain::audit::AuditAction;
use emenda_domain::error::Validation;
use emenda_domain::policy::{ensure_admin, Actor};
use emenda_domain::proposal::ensure_current_base;
use emenda_domain::site::{unknown_page, SitePage};
use emenda_domain::values::{SpaceTitle, StaffText};
use emenda_domain::DomainError;
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::pages::{self, NewPage, PageRecord};
use emenda_store::{HasStore, Tx};

/// The text the platform ships for each page: (title, Markdown).
fn shipped(page: SitePage) -> (&'static str, &'static str) {
    match page {
        SitePage::LegalNotes => ("Note legali", include_str!("../defaults/note-legali.md")),
        SitePage::Privacy => ("Informativa sulla privacy", include_str!("../defaults/privacy.md")),
        SitePage::Accessibility => ("Dichiarazione di accessibilità", include_str!("../defaults/accessibilita.md")),
    }
}

/// The administration's pages.
#[derive(Debug, Clone)]
pub struct PageService {
    ctx: ServiceContext,
}

impl PageService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Writes the shipped text as version 1 of each page that has none.
    /// Run at start-up; two instances starting together write it once (the
    /// key refuses the second, which then finds it there).
    pub fn ensure_shipped_texts(&self) -> ServiceResult<()> {
        for page in SitePage::PAGES {
            let result: ServiceResult<()> = self.ctx.store().write(|tx| {
                if pages::get(tx, page.as_str(), None)?.is_some() {
                    return Ok(());
                }
                let (title, body) = shipped(page);
                let new = NewPage {
                    slug: page.as_str(),
                    version: 1,
                    title,
                    body,
                    author_id: None,
                    created_at: self.ctx.clock.now(),
                };
                pages::insert(tx, &new)?;
                Ok(())
            });
            match result {
                Err(error) if error.duplicate().is_some() => {}
                other => other?,
            }
        }
        Ok(())
    }

    /// Version `version` of a page, or the one in force.
    pub fn get(&self, slug: &str, version: Option<i32>) -> ServiceResult<Page> {
        let page = SitePage::parse(slug).ok_or_else(unknown_page)?;
        self.ctx.store().read(|tx| {
            let current = latest(tx, page)?;
            let record = match version {
                None => current.clone(),
                Some(n) => pages::get(tx, page.as_str(), Some(n))?.ok_or_else(|| DomainError::not_found("version"))?,
            };
            Ok(Page::new(page, record, current.version))
        })
    }

    /// Every version of a page, newest first.
    pub fn versions(&self, slug: &str) -> ServiceResult<Vec<PageSummary>> {
        let page = SitePage::parse(slug).ok_or_else(unknown_page)?;
        self.ctx
            .store()
            .read(|tx| Ok(pages::versions(tx, page.as_str())?.iter().map(|r| PageSummary::new(page, r)).collect()))
    }

    /// The version in force of every page, in footer order.
    pub fn in_force(&self) -> ServiceResult<Vec<PageSummary>> {
        self.ctx.store().read(|tx| {
            let latest = pages::latest(tx)?;
            Ok(SitePage::PAGES
                .iter()
                .filter_map(|page| latest.iter().find(|r| r.slug == page.as_str()).map(|r| PageSummary::new(*page, r)))
                .collect())
        })
    }

    /// The version of the privacy notice in force: what sign-up must accept.
    pub fn privacy_version(tx: &mut Tx<'_>) -> ServiceResult<i32> {
        Ok(latest(tx, SitePage::Privacy)?.version)
    }

    /// An admin publishes a new version of a page, written from
    /// `base_version` (the one they read): a page changed meanwhile is
    /// `stale_version`, so nobody overwrites an edit they did not see.
    pub fn edit(&self, actor: &Actor, slug: &str, title: &str, body: &str, base_version: i32) -> ServiceResult<Page> {
        let page = SitePage::parse(slug).ok_or_else(unknown_page)?;
        ensure_admin(actor)?;
        let (title, body) = Validation::new()
            .field("title", SpaceTitle::parse(title))
            .field("body", StaffText::parse_field("body", body))
            .finish()?;
        let result = self.ctx.write_as(actor, |tx| {
            let current = latest(tx, page)?;
            ensure_current_base(base_version, current.version)?;
            let version = current.version + 1;
            let new = NewPage {
                slug: page.as_str(),
                version,
                title: title.as_str(),
                body: body.as_str(),
                author_id: Some(actor.user_id),
                created_at: self.ctx.clock.now(),
            };
            pages::insert(tx, &new)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::PageEdited,
                AuditTarget { kind: "page", id: page.audit_id(), space_id: None },
                serde_json::json!({ "page": page.as_str(), "version": version, "title": title.as_str() }),
            )?;
            let record =
                pages::get(tx, page.as_str(), Some(version))?.ok_or_else(|| DomainError::not_found("version"))?;
            Ok(Page::new(page, record, version))
        });
        match result {
            // Two admins publishing from the same version: the key lets one
            // through. On PostgreSQL nothing orders the two before their
            // inserts (the audit log's head is taken after), so the second
            // meets the first's key, as a unique violation or, once the first
            // committed, the immutability guard, which says it the same way.
            Err(error) if error.duplicate().is_some() => {
                Err(DomainError::StaleVersion { current: base_version + 1 }.into())
            }
            other => other,
        }
    }
}

/// The version in force of `page`; every page has one once the server started.
fn latest(tx: &mut Tx<'_>, page: SitePage) -> ServiceResult<PageRecord> {
    Ok(pages::get(tx, page.as_str(), None)?.ok_or_else(unknown_page)?)
}
