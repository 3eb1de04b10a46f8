//! A proposal page in one statement: the proposal, its current version,
//! its space (the rules the page's buttons depend on), its authors, its latest answer, its amendment
//! counts and the names of the topics it is filed under. Read alone, one statement is its own snapshot, so the page
//! costs one round trip instead of a transaction around seven queries.
//!
//! The authors and the answer come back as JSON text built by the
//! database, and the amendment counts as four scalar subqueries, through
//! the `proposal_pages` view: the one place the two dialects differ
//! (`json_group_array` on SQLite, `json_agg` on PostgreSQL) lives in the
//! view's migrations, and the query here is one typed statement, which
//! each connection prepares once and keeps (a statement with SQL fragments
//! written in the code would be prepared again on every call).

use crate::answers::AnswerRecord;
use crate::proposals::{AuthorRecord, ProposalRecord, ProposalRow};
use crate::schema::{proposal_pages, proposal_versions, proposals, spaces, users};
use crate::spaces::{SettingsRow, SpaceRules};
use crate::types::Stored;
use crate::versions::{VersionRecord, VersionRow};
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::amendment::AmendmentState;
use emenda_domain::proposal::ProposalState;
use emenda_domain::reference::ProposalKey;
use emenda_domain::topics::Topic;
use uuid::Uuid;

/// Everything a proposal page shows about the proposal itself.
#[derive(Debug, Clone)]
pub struct ProposalPage {
    /// State and counters.
    pub proposal: ProposalRecord,
    /// The current version, full text.
    pub current: VersionRecord,
    /// Its space: the page shows its name and obeys its rules (supports
    /// open, threshold, amendments open), so the reader needs no second
    /// request before the buttons are right.
    pub space: SpaceRules,
    /// Creator and co-authors, in the order they joined.
    pub authors: Vec<AuthorRecord>,
    /// The answer in force, if any (the latest).
    pub answer: Option<AnswerRecord>,
    /// Visible amendments per state, states with none left out.
    pub amendment_counts: Vec<(AmendmentState, i64)>,
    /// The space's category it is filed under, with its name.
    pub category: Option<Topic>,
    /// The space's area it is filed under, with its name.
    pub area: Option<Topic>,
}

type AuthorTuple = (String, String, String, String, String);
type AnswerTuple = (String, String, String, String, String, String);

fn corrupt(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {error}"))
}

fn uuid(text: &str, what: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|e| corrupt(what, e))
}

fn instant(text: &str, what: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|e| corrupt(what, e))
}

fn authors(json: &str) -> Result<Vec<AuthorRecord>, StoreError> {
    let mut rows: Vec<AuthorTuple> = serde_json::from_str(json).map_err(|e| corrupt("proposal authors", e))?;
    // The order they joined in, as the authors list has always given it.
    rows.sort_by(|a, b| (&a.4, &a.0).cmp(&(&b.4, &b.0)));
    rows.into_iter()
        .map(|(user_id, nickname, display_name, kind, _)| {
            Ok(AuthorRecord { user_id: uuid(&user_id, "author id")?, nickname, display_name, kind })
        })
        .collect()
}

fn answer(json: Option<&str>, proposal_id: Uuid) -> Result<Option<AnswerRecord>, StoreError> {
    let Some(json) = json else { return Ok(None) };
    let (id, state, answer, staff_id, staff_name, created_at): AnswerTuple =
        serde_json::from_str(json).map_err(|e| corrupt("proposal answer", e))?;
    Ok(Some(AnswerRecord {
        id: uuid(&id, "answer id")?,
        proposal_id,
        state: ProposalState::parse(&state).ok_or_else(|| corrupt("answer state", state))?,
        answer,
        staff_id: uuid(&staff_id, "answer staff id")?,
        staff_name,
        created_at: instant(&created_at, "answer time")?,
    }))
}

/// The proposal page for `key`, hidden or not (the caller applies the
/// visibility rule), in one statement. Run it alone on a connection
/// (`Store::read_statement`) to read in one round trip, or inside a read
/// transaction with the caller's other reads.
pub fn find(tx: &mut Tx<'_>, key: &ProposalKey) -> Result<Option<ProposalPage>, StoreError> {
    // One statement per kind of key rather than one boxed query: a boxed
    // query's SQL is built again on every call to find its cached
    // statement; these have a fixed SQL the cache finds by type.
    macro_rules! page {
        ($filter:expr) => {
            proposals::table
                .inner_join(spaces::table)
                .inner_join(
                    proposal_versions::table.on(proposal_versions::proposal_id
                        .eq(proposals::id)
                        .and(proposal_versions::number.eq(proposals::current_version))),
                )
                .inner_join(users::table.on(users::id.eq(proposal_versions::editor_id)))
                .inner_join(proposal_pages::table.on(proposal_pages::proposal_id.eq(proposals::id)))
                .filter($filter)
                .select((
                    ProposalRow::as_select(),
                    VersionRow::as_select(),
                    spaces::slug,
                    spaces::title,
                    SettingsRow::as_select(),
                    proposal_pages::authors,
                    proposal_pages::answer,
                    (
                        proposal_pages::evaluating,
                        proposal_pages::accepted,
                        proposal_pages::rejected,
                        proposal_pages::withdrawn,
                    ),
                    (proposal_pages::category_name, proposal_pages::area_name),
                ))
                .limit(1)
        };
    }
    type Row = (
        ProposalRow,
        VersionRow,
        String,
        String,
        SettingsRow,
        String,
        Option<String>,
        (i64, i64, i64, i64),
        (Option<String>, Option<String>),
    );
    let rows: Vec<Row> = match key {
        ProposalKey::Id(id) => page!(proposals::id.eq(Stored(*id))).load(tx.conn())?,
        ProposalKey::Reference(reference) => page!(proposals::reference.eq(reference.as_str())).load(tx.conn())?,
    };
    let Some((
        proposal,
        version,
        space_slug,
        space_title,
        settings,
        authors_json,
        answer_json,
        (n0, n1, n2, n3),
        (category_name, area_name),
    )) = rows.into_iter().next()
    else {
        return Ok(None);
    };
    let proposal = ProposalRecord::from(proposal);
    // A topic in use never leaves its space's list, so each has its name;
    // were one missing, its slug stands for it.
    let named = |slug: &Option<String>, name: Option<String>| {
        slug.clone().map(|slug| Topic { name: name.unwrap_or_else(|| slug.clone()), slug })
    };
    let (category, area) = (named(&proposal.category, category_name), named(&proposal.area, area_name));
    let answer = answer(answer_json.as_deref(), proposal.id)?;
    let states =
        [AmendmentState::Evaluating, AmendmentState::Accepted, AmendmentState::Rejected, AmendmentState::Withdrawn];
    let amendment_counts = states.into_iter().zip([n0, n1, n2, n3]).filter(|(_, n)| *n > 0).collect();
    let current = crate::versions::with_rewriters(tx, vec![version])?.into_iter().next();
    let current = current.ok_or_else(|| StoreError::Corrupt("a proposal without its version".into()))?;
    Ok(Some(ProposalPage {
        proposal,
        current,
        space: SpaceRules { slug: space_slug, title: space_title, settings: settings.into() },
        authors: authors(&authors_json)?,
        answer,
        amendment_counts,
        category,
        area,
    }))
}

/// Version `number` of the proposal `key`, with what the visibility rule
/// needs (the proposal's hidden flag and space), in one statement: a
/// version page costs one round trip. Versions never change once written,
/// and the flag is read in the same snapshot as the text.
pub fn find_version(
    tx: &mut Tx<'_>,
    key: &ProposalKey,
    number: i32,
) -> Result<Option<(VersionRecord, bool, Uuid)>, StoreError> {
    // One statement per kind of key, for the reason given in [`find`].
    macro_rules! version {
        ($filter:expr) => {
            proposal_versions::table
                .inner_join(users::table.on(users::id.eq(proposal_versions::editor_id)))
                .inner_join(proposals::table.on(proposals::id.eq(proposal_versions::proposal_id)))
                .filter(proposal_versions::number.eq(number))
                .filter($filter)
                .select((VersionRow::as_select(), proposals::hidden, proposals::space_id))
                .limit(1)
        };
    }
    let rows: Vec<(VersionRow, bool, Stored<Uuid>)> = match key {
        ProposalKey::Id(id) => version!(proposals::id.eq(Stored(*id))).load(tx.conn())?,
        ProposalKey::Reference(reference) => version!(proposals::reference.eq(reference.as_str())).load(tx.conn())?,
    };
    let Some((version, hidden, space)) = rows.into_iter().next() else { return Ok(None) };
    let version = crate::versions::with_rewriters(tx, vec![version])?.into_iter().next();
    Ok(version.map(|version| (version, hidden, space.0)))
}
