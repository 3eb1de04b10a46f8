//! Publishing, reading, editing and withdrawing proposals.

use crate::actions::{self, ProposalFacts};
use crate::lifecycle::{self, NextVersion};
use crate::rules;
use crate::supports::my_support;
use crate::views::{Answer, Proposal, ProposalActions, ProposalSummary};
use crate::{load_visible_proposal, lock_visible_proposal, may_see, LockedProposal, ProposalKey};
use emenda_domain::amendment::{list_scope, ListScope};
use emenda_domain::audit::AuditAction;
use emenda_domain::policy::{ensure_author, ensure_can_propose, Actor};
use emenda_domain::proposal::{
    ensure_changes, ensure_current_base, ensure_editable, ensure_withdrawable, EditLimits, ProposalState, VersionKind,
};
use emenda_domain::reference::format_reference;
use emenda_domain::topics::{ensure_can_file, Filing, Topic, TopicKind};
use emenda_domain::values::{validate_text, Summary};
use emenda_domain::DomainError;
use emenda_service::{AuditTarget, ServiceContext, ServiceError, ServiceResult};
use emenda_store::answers;
use emenda_store::proposal_view::{self, ProposalPage};
use emenda_store::proposals::{
    self as proposal_rows, NewProposal, ProposalCursor, ProposalFilter, ProposalRecord, ProposalSort,
};
use emenda_store::spaces::SpaceRecord;
use emenda_store::versions::{self, NewVersion};
use emenda_store::HasStore;
use emenda_store::{amendments, follows, sequences, spaces, Lane, Tx};
use uuid::Uuid;

/// An author's edit.
#[derive(Debug, Clone)]
pub struct ProposalEdit {
    /// New title.
    pub title: String,
    /// New body.
    pub body: String,
    /// Optional note on what changed.
    pub summary: Option<String>,
    /// The version the author started from.
    pub base_version: i32,
}

/// The page with the amendment counts `reader` may see: where amendments
/// are visible to their authors only, a reader who is not staff of the
/// space counts their own (an anonymous reader none), as the list shows
/// them; a count of the others' would tell what the list keeps private.
fn counts_for_reader(tx: &mut Tx<'_>, mut page: ProposalPage, reader: Option<&Actor>) -> ServiceResult<ProposalPage> {
    page.amendment_counts = match list_scope(&page.space.settings, reader, page.proposal.space_id) {
        ListScope::All => page.amendment_counts,
        ListScope::Nothing => Vec::new(),
        ListScope::AuthoredBy(author) => amendments::count_by_state_of_author(tx, page.proposal.id, author)?,
    };
    Ok(page)
}

/// Proposals.
#[derive(Debug, Clone)]
pub struct ProposalService {
    ctx: ServiceContext,
    reference_prefix: String,
    edit_limits: EditLimits,
}

/// What a new proposal is made of: its first version's text (checked by
/// the caller) and where it is filed.
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    /// Title of version 1.
    pub title: &'a str,
    /// Text of version 1.
    pub body: &'a str,
    /// Its category and area in the space.
    pub filing: &'a Filing,
}

/// The space's categories and areas, in order.
fn space_topics(tx: &mut Tx<'_>, space_id: Uuid) -> ServiceResult<(Vec<Topic>, Vec<Topic>)> {
    let (mut categories, mut areas) = (Vec::new(), Vec::new());
    for (_, kind, topic) in spaces::topics(tx, &[space_id])? {
        match kind {
            TopicKind::Category => categories.push(topic),
            TopicKind::Area => areas.push(topic),
        }
    }
    Ok((categories, areas))
}

fn proposal_target(proposal: &ProposalRecord) -> AuditTarget {
    AuditTarget { kind: "proposal", id: proposal.id, space_id: Some(proposal.space_id) }
}

impl ProposalService {
    /// The service; `reference_prefix` starts every reference code.
    pub fn new(ctx: ServiceContext, reference_prefix: impl Into<String>) -> Self {
        Self { ctx, reference_prefix: reference_prefix.into(), edit_limits: EditLimits::default() }
    }

    /// The same service with other edit limits (an installation may lift
    /// them for a drafting workshop; the load harness does, to measure the
    /// edit path itself).
    pub fn with_edit_limits(mut self, edit_limits: EditLimits) -> Self {
        self.edit_limits = edit_limits;
        self
    }

    fn view(&self, tx: &mut Tx<'_>, proposal: ProposalRecord, actor: Option<&Actor>) -> ServiceResult<Proposal> {
        let page = proposal_view::find(tx, &ProposalKey::Id(proposal.id))?
            .ok_or_else(|| DomainError::not_found("proposal"))?;
        self.for_reader(tx, page, actor)
    }

    /// The page as `reader` sees it: the amendment counts they may see,
    /// and, when signed in, their own support and what they may do.
    fn for_reader(&self, tx: &mut Tx<'_>, page: ProposalPage, reader: Option<&Actor>) -> ServiceResult<Proposal> {
        let Some(actor) = reader else {
            let page = counts_for_reader(tx, page, None)?;
            return Ok(Proposal::from_page(page, None, ProposalActions::default()));
        };
        let space = spaces::find_by_id(tx, page.proposal.space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
        let mine = my_support(tx, &page.proposal, &space, actor.user_id)?;
        let facts = ProposalFacts {
            proposal: &page.proposal,
            settings: &space.settings,
            is_author: page.authors.iter().any(|a| a.user_id == actor.user_id),
            supported: mine.is_some(),
            now: self.ctx.clock.now(),
            edit_limits: self.edit_limits,
        };
        let actions = actions::for_proposal(tx, actor, &facts)?;
        let page = counts_for_reader(tx, page, Some(actor))?;
        Ok(Proposal::from_page(page, mine, actions))
    }

    /// The authors may edit the proposal again now: fewer edits than the
    /// limits allow, in the last hour and in all.
    fn ensure_edits_left(&self, tx: &mut Tx<'_>, proposal_id: Uuid) -> ServiceResult<()> {
        rules::ensure_edits_left(tx, proposal_id, self.ctx.clock.now(), self.edit_limits)
    }

    /// A proposal as readers see it, inside the caller's transaction
    /// (without anyone's own support: see [`ProposalService::view_for`]).
    pub fn view_in(&self, tx: &mut Tx<'_>, proposal: ProposalRecord) -> ServiceResult<Proposal> {
        self.view(tx, proposal, None)
    }

    /// A proposal as `actor` sees it (with their own support), inside the
    /// caller's transaction.
    pub fn view_for(&self, tx: &mut Tx<'_>, proposal: ProposalRecord, actor: &Actor) -> ServiceResult<Proposal> {
        self.view(tx, proposal, Some(actor))
    }

    /// Publishes a proposal in a space: version 1, a fresh reference code.
    pub fn create(&self, actor: &Actor, space_slug: &str, title: &str, body: &str) -> ServiceResult<Proposal> {
        self.create_filed(actor, space_slug, title, body, &Filing::default())
    }

    /// [`ProposalService::create`], filed under one of the space's
    /// categories and areas.
    pub fn create_filed(
        &self,
        actor: &Actor,
        space_slug: &str,
        title: &str,
        body: &str,
        filing: &Filing,
    ) -> ServiceResult<Proposal> {
        let (title, body) = validate_text(title, body)?;
        // Publications queue on the reference counter until their commit,
        // so on SQLite those arriving together share one commit
        // (`write_as_grouped`), each in its own savepoint: one that fails
        // gives its number back.
        let (service, author, space_slug, filing) =
            (self.clone(), actor.clone(), space_slug.to_owned(), filing.clone());
        let proposal = self.ctx.write_as_grouped(Lane::Publications, actor, move |tx| {
            let not_found = || DomainError::not_found("space");
            let space = spaces::find_by_slug(tx, &space_slug)?.ok_or_else(not_found)?;
            // `proposals_open` is read under the space's share lock, so a
            // closing of the space is ordered against this publication.
            let space = spaces::lock_for_share(tx, space.id)?.ok_or_else(not_found)?;
            let draft = Draft { title: title.as_str(), body: body.as_str(), filing: &filing };
            service.publish(tx, &author, &space, &draft, None)
        })?;
        // Read after the commit: the reference counter's lock, which every
        // publication queues on, is not held while the page is assembled.
        self.ctx.store().read(|tx| self.view(tx, proposal, Some(actor)))
    }

    /// Writes a new proposal at version 1 inside the caller's transaction:
    /// the space's rules (and its topics, for `filing`), a fresh gap-free
    /// reference, the first version and the audit entry. `origin` is the
    /// proposal and amendment a promoted amendment came from. The caller
    /// holds `space` under its share lock (`spaces::lock_for_share`, or
    /// through [`lock_visible_proposal`]), which keeps the settings and the
    /// topics checked here from changing before the commit.
    pub fn publish(
        &self,
        tx: &mut Tx<'_>,
        actor: &Actor,
        space: &SpaceRecord,
        draft: &Draft<'_>,
        origin: Option<(Uuid, Uuid)>,
    ) -> ServiceResult<ProposalRecord> {
        let Draft { title, body, filing } = *draft;
        ensure_can_propose(actor, &space.settings)?;
        if !filing.is_empty() {
            let (categories, areas) = space_topics(tx, space.id)?;
            filing.ensure_offered(&categories, &areas)?;
        }
        let now = self.ctx.clock.now();
        let sequence = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
        let reference = format_reference(&self.reference_prefix, now, sequence);
        let id = self.ctx.ids.new_id();
        let derived_from = origin.map(|(proposal, _)| proposal);
        proposal_rows::insert(
            tx,
            &NewProposal {
                id,
                reference: &reference,
                sequence,
                space_id: space.id,
                creator_id: actor.user_id,
                title,
                created_at: now,
                derived_from,
                category: filing.category.as_deref(),
                area: filing.area.as_deref(),
            },
        )?;
        versions::append(
            tx,
            &NewVersion {
                proposal_id: id,
                reference: &reference,
                number: 1,
                title,
                body,
                editor_id: actor.user_id,
                kind: VersionKind::Created,
                amendment_id: origin.map(|(_, amendment)| amendment),
                accepted_by: None,
                rewritten_by: None,
                summary: None,
                created_at: now,
            },
        )?;
        crate::search::index(tx, id, title, body)?;
        // Its author hears what becomes of it (and may stop).
        follows::follow(tx, id, actor.user_id, now)?;
        let proposal = proposal_rows::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("proposal"))?;
        self.ctx.audit(
            tx,
            Some(actor.user_id),
            AuditAction::ProposalCreated,
            proposal_target(&proposal),
            serde_json::json!({
                "reference": reference, "title": title, "derived_from": derived_from,
                "category": filing.category, "area": filing.area,
            }),
        )?;
        Ok(proposal)
    }

    /// A proposal by id or reference, as `actor` may see it.
    pub fn get(&self, key: &ProposalKey, actor: Option<&Actor>) -> ServiceResult<Proposal> {
        let not_found = || ServiceError::from(DomainError::not_found("proposal"));
        let visible = |page: Option<ProposalPage>| match page {
            Some(page) if may_see(page.proposal.hidden, page.proposal.space_id, actor) => Ok(page),
            _ => Err(not_found()),
        };
        let Some(actor) = actor else {
            // An anonymous page is one statement: one round trip, its own
            // snapshot, no transaction around it (an anonymous reader's
            // counts are all or none, which needs no second query).
            let page = self.ctx.store().read_statement(|tx| {
                let page = visible(proposal_view::find(tx, key)?)?;
                counts_for_reader(tx, page, None)
            })?;
            return Ok(Proposal::from_page(page, None, ProposalActions::default()));
        };
        self.ctx.store().read(|tx| {
            let page = visible(proposal_view::find(tx, key)?)?;
            self.for_reader(tx, page, Some(actor))
        })
    }

    /// An author's edit: a new version, accepted only when based on the
    /// current one. Concurrent edits from the same base: exactly one wins,
    /// the others get `stale_version` with the new current number.
    pub fn edit(&self, actor: &Actor, key: &ProposalKey, edit: &ProposalEdit) -> ServiceResult<Proposal> {
        let (title, body) = validate_text(&edit.title, &edit.body)?;
        let summary = Summary::parse_optional(edit.summary.as_deref())?;
        self.ctx.write_as(actor, |tx| {
            let LockedProposal { proposal, .. } = lock_visible_proposal(tx, key, Some(actor))?;
            ensure_author(proposal_rows::is_author(tx, proposal.id, actor.user_id)?)?;
            ensure_editable(proposal.state)?;
            ensure_current_base(edit.base_version, proposal.current_version)?;
            // Judged under the proposal's lock, so parallel edits cannot
            // all pass the count.
            self.ensure_edits_left(tx, proposal.id)?;
            let current = versions::get(tx, proposal.id, proposal.current_version)?
                .ok_or_else(|| DomainError::not_found("version"))?;
            ensure_changes(&current.title, &current.body, title.as_str(), body.as_str())?;
            let number = lifecycle::append_version(
                &self.ctx,
                tx,
                &proposal,
                &NextVersion {
                    base: edit.base_version,
                    allowed_states: &ProposalState::EDITABLE,
                    title: title.as_str(),
                    body: body.as_str(),
                    editor_id: actor.user_id,
                    kind: VersionKind::Edited,
                    amendment_id: None,
                    accepted_by: None,
                    rewritten_by: None,
                    summary: summary.as_ref().map(Summary::as_str),
                },
            )?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::ProposalEdited,
                proposal_target(&proposal),
                serde_json::json!({ "reference": proposal.reference, "version": number }),
            )?;
            self.view(tx, proposal, Some(actor))
        })
    }

    /// An author withdraws the proposal.
    pub fn withdraw(&self, actor: &Actor, key: &ProposalKey) -> ServiceResult<Proposal> {
        self.ctx.write_as(actor, |tx| {
            let LockedProposal { proposal, .. } = lock_visible_proposal(tx, key, Some(actor))?;
            ensure_author(proposal_rows::is_author(tx, proposal.id, actor.user_id)?)?;
            ensure_withdrawable(proposal.state)?;
            lifecycle::change_state(&self.ctx, tx, actor, &proposal, &ProposalState::OPEN, ProposalState::Withdrawn)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::ProposalWithdrawn,
                proposal_target(&proposal),
                serde_json::json!({ "reference": proposal.reference, "from": proposal.state }),
            )?;
            self.view(tx, proposal, Some(actor))
        })
    }

    /// Files the proposal under other topics of its space (`filing` is the
    /// whole new choice): staff of the space at any time, an author while
    /// the proposal still takes edits. Under the proposal's lock and the
    /// space's share lock, so a topic cannot leave the space's list
    /// between the check and the commit.
    pub fn file(&self, actor: &Actor, key: &ProposalKey, filing: &Filing) -> ServiceResult<Proposal> {
        self.ctx.write_as(actor, |tx| {
            let LockedProposal { proposal, space } = lock_visible_proposal(tx, key, Some(actor))?;
            // Staff may file any proposal: only others' authorship is read.
            let is_author = !actor.is_staff_of(space.id) && proposal_rows::is_author(tx, proposal.id, actor.user_id)?;
            ensure_can_file(actor, space.id, is_author, proposal.state)?;
            let (categories, areas) = space_topics(tx, space.id)?;
            filing.ensure_offered(&categories, &areas)?;
            if proposal.category == filing.category && proposal.area == filing.area {
                // Filed there already: nothing is written, nothing logged.
                return self.view(tx, proposal, Some(actor));
            }
            let now = self.ctx.clock.now();
            proposal_rows::file_under(tx, proposal.id, filing.category.as_deref(), filing.area.as_deref(), now)?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::ProposalFiled,
                proposal_target(&proposal),
                serde_json::json!({
                    "reference": proposal.reference,
                    "category": filing.category, "area": filing.area,
                    "from": { "category": proposal.category, "area": proposal.area },
                }),
            )?;
            let proposal =
                proposal_rows::find_by_id(tx, proposal.id)?.ok_or_else(|| DomainError::not_found("proposal"))?;
            self.view(tx, proposal, Some(actor))
        })
    }

    /// Every official answer of a proposal, newest (the one in force) first.
    pub fn answers(&self, key: &ProposalKey, actor: Option<&Actor>) -> ServiceResult<Vec<Answer>> {
        self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, key, actor)?;
            Ok(answers::list(tx, proposal.id)?.into_iter().map(Answer::from).collect())
        })
    }

    /// A page of visible proposals.
    pub fn list(
        &self,
        filter: &ProposalFilter,
        sort: ProposalSort,
        after: Option<ProposalCursor>,
        limit: i64,
    ) -> ServiceResult<Vec<ProposalSummary>> {
        filter.ensure_topics_have_space()?;
        if !filter.terms.is_empty() {
            // The page and the texts its snippets come from: one snapshot.
            return self.ctx.store().read(|tx| crate::search::search(tx, filter, sort, after, limit));
        }
        // One statement: its own snapshot, so no transaction around it.
        self.ctx.store().read_statement(|tx| {
            Ok(proposal_rows::list(tx, filter, sort, after, limit)?.into_iter().map(ProposalSummary::from).collect())
        })
    }

    /// The id of a proposal `actor` may see, for filters given by UUID or
    /// reference (`not_found` otherwise), without building its view.
    pub fn visible_id(&self, key: &ProposalKey, actor: Option<&Actor>) -> ServiceResult<Uuid> {
        self.ctx.store().read(|tx| Ok(crate::load_visible_proposal(tx, key, actor)?.id))
    }

    /// The id of a space, for list filters given by slug.
    pub fn space_id(&self, slug: &str) -> ServiceResult<Uuid> {
        self.ctx
            .store()
            .read(|tx| Ok(spaces::find_by_slug(tx, slug)?.ok_or_else(|| DomainError::not_found("space"))?.id))
    }
}
