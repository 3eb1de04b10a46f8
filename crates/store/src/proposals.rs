//! Proposals (the current state of each) and their authors.

use crate::connection::DbConnection;
use crate::schema::{proposal_authors, proposal_search, proposals, users};
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::proposal::ProposalState;
use emenda_domain::reference::ProposalKey;
use uuid::Uuid;

/// A proposal as stored: its current state and counters. The text lives in
/// its versions; `title` is the current version's, kept here for lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRecord {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// The human reference code (`EMD-PROP-2026-11-42`): unique, quoted in letters and minutes.
    pub reference: String,
    /// The space whose settings govern it.
    pub space_id: Uuid,
    /// Who published it.
    pub creator_id: Uuid,
    /// Where it is in its life; the domain says which changes are allowed.
    pub state: ProposalState,
    /// Number of the current version.
    pub current_version: i32,
    /// Current title.
    pub title: String,
    /// Supports that count (their giver reached the space's minimum).
    pub supports_count: i32,
    /// Every support, counted or pending.
    pub supports_given: i32,
    /// When the proposal first reached the space's support threshold.
    pub qualified_at: Option<DateTime<Utc>>,
    /// Visible comments.
    pub comments_count: i32,
    /// Hidden by moderation.
    pub hidden: bool,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// The proposal this one grew out of (a promoted amendment).
    pub derived_from: Option<Uuid>,
    /// The slug of the space's category it is filed under, if any.
    pub category: Option<String>,
    /// The slug of the space's area it is filed under, if any.
    pub area: Option<String>,
}

/// What publishing writes.
#[derive(Debug, Clone)]
pub struct NewProposal<'a> {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// The human reference code (`EMD-PROP-2026-11-42`): unique, quoted in letters and minutes.
    pub reference: &'a str,
    /// The sequence number inside the reference.
    pub sequence: i64,
    /// The space whose settings govern it.
    pub space_id: Uuid,
    /// Creator.
    pub creator_id: Uuid,
    /// Title of version 1.
    pub title: &'a str,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// The proposal this one grew out of.
    pub derived_from: Option<Uuid>,
    /// Its category's slug (checked against the space's list by the caller).
    pub category: Option<&'a str>,
    /// Its area's slug (likewise).
    pub area: Option<&'a str>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = proposals)]
pub(crate) struct ProposalRow {
    id: Stored<Uuid>,
    reference: String,
    space_id: Stored<Uuid>,
    creator_id: Stored<Uuid>,
    state: Stored<ProposalState>,
    current_version: i32,
    title: String,
    supports_count: i32,
    supports_given: i32,
    qualified_at: Option<Stored<DateTime<Utc>>>,
    comments_count: i32,
    hidden: bool,
    created_at: Stored<DateTime<Utc>>,
    updated_at: Stored<DateTime<Utc>>,
    derived_from: Option<Stored<Uuid>>,
    category: Option<String>,
    area: Option<String>,
}

impl From<ProposalRow> for ProposalRecord {
    fn from(row: ProposalRow) -> Self {
        ProposalRecord {
            id: row.id.0,
            reference: row.reference,
            space_id: row.space_id.0,
            creator_id: row.creator_id.0,
            state: row.state.0,
            current_version: row.current_version,
            title: row.title,
            supports_count: row.supports_count,
            supports_given: row.supports_given,
            qualified_at: row.qualified_at.map(|t| t.0),
            comments_count: row.comments_count,
            hidden: row.hidden,
            created_at: row.created_at.0,
            updated_at: row.updated_at.0,
            derived_from: row.derived_from.map(|p| p.0),
            category: row.category,
            area: row.area,
        }
    }
}

/// Files the proposal under these topics of its space (`None`: under no
/// category, or no area); the caller checked them against the space's lists.
pub fn file_under(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    category: Option<&str>,
    area: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::update(proposals::table.filter(proposals::id.eq(Stored(proposal_id))))
        .set((proposals::category.eq(category), proposals::area.eq(area), proposals::updated_at.eq(Stored(at))))
        .execute(tx.conn())?;
    Ok(())
}

/// Visible proposals still `published` (no answer yet) in these spaces (all
/// when `None`): how many, and how many of them reached their space's
/// support threshold.
pub fn count_awaiting_answer(tx: &mut Tx<'_>, spaces: Option<&[Uuid]>) -> Result<(i64, i64), StoreError> {
    let mut query = proposals::table
        .filter(proposals::hidden.eq(false))
        .filter(proposals::state.eq(Stored(ProposalState::Published)))
        .select((diesel::dsl::count_star(), diesel::dsl::count(proposals::qualified_at)))
        .into_boxed();
    if let Some(spaces) = spaces {
        let ids: Vec<Stored<Uuid>> = spaces.iter().copied().map(Stored).collect();
        query = query.filter(proposals::space_id.eq_any(ids));
    }
    // One statement, one pass over the published proposals.
    Ok(query.get_result(tx.conn())?)
}

/// Writes a new proposal at version 1 with its creator as first author.
pub fn insert(tx: &mut Tx<'_>, proposal: &NewProposal<'_>) -> Result<(), StoreError> {
    let at = Stored(proposal.created_at);
    diesel::insert_into(proposals::table)
        .values((
            proposals::id.eq(Stored(proposal.id)),
            proposals::reference.eq(proposal.reference),
            proposals::sequence.eq(proposal.sequence),
            proposals::space_id.eq(Stored(proposal.space_id)),
            proposals::creator_id.eq(Stored(proposal.creator_id)),
            proposals::state.eq(Stored(ProposalState::Published)),
            proposals::current_version.eq(1),
            proposals::title.eq(proposal.title),
            proposals::created_at.eq(&at),
            proposals::updated_at.eq(&at),
            proposals::derived_from.eq(proposal.derived_from.map(Stored)),
            proposals::category.eq(proposal.category),
            proposals::area.eq(proposal.area),
        ))
        .execute(tx.conn())?;
    add_author(tx, proposal.id, proposal.creator_id, "creator", proposal.created_at)?;
    Ok(())
}

/// Adds an author (`creator` or `coauthor`); returns `false` when the user
/// already was one.
pub fn add_author(
    tx: &mut Tx<'_>,
    proposal_id: Uuid,
    user_id: Uuid,
    kind: &str,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if is_author(tx, proposal_id, user_id)? {
        return Ok(false);
    }
    diesel::insert_into(proposal_authors::table)
        .values((
            proposal_authors::proposal_id.eq(Stored(proposal_id)),
            proposal_authors::user_id.eq(Stored(user_id)),
            proposal_authors::kind.eq(kind),
            proposal_authors::added_at.eq(Stored(at)),
        ))
        .execute(tx.conn())?;
    Ok(true)
}

fn first(rows: Vec<ProposalRow>) -> Option<ProposalRecord> {
    rows.into_iter().next().map(ProposalRecord::from)
}

/// The proposal with this id.
pub fn find_by_id(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<ProposalRecord>, StoreError> {
    Ok(first(
        proposals::table
            .filter(proposals::id.eq(Stored(id)))
            .select(ProposalRow::as_select())
            .limit(1)
            .load(tx.conn())?,
    ))
}

/// The proposal with this reference code.
pub fn find_by_reference(tx: &mut Tx<'_>, reference: &str) -> Result<Option<ProposalRecord>, StoreError> {
    Ok(first(
        proposals::table
            .filter(proposals::reference.eq(reference))
            .select(ProposalRow::as_select())
            .limit(1)
            .load(tx.conn())?,
    ))
}

/// Locks the proposal's row until the transaction ends and reads it under
/// the lock, in one statement.
///
/// This is the locking rule every write that depends on a proposal's state
/// follows (edits, withdrawals, answers, amendment requests and decisions):
/// lock first, then read the state, then decide. Concurrent writers of one
/// proposal therefore queue and each sees what the previous one committed.
/// PostgreSQL takes a row lock (`SELECT … FOR NO KEY UPDATE`, which leaves
/// inserts that reference the proposal free); SQLite needs nothing,
/// because a write transaction begins `IMMEDIATE` and so already holds the
/// database's only write lock.
pub fn find_for_update(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<ProposalRecord>, StoreError> {
    if let DbConnection::Postgres(connection) = tx.conn() {
        // One statement: the lock and the read it protects.
        return Ok(first(
            proposals::table
                .filter(proposals::id.eq(Stored(id)))
                .select(ProposalRow::as_select())
                .for_no_key_update()
                .load(connection)?,
        ));
    }
    find_by_id(tx, id)
}

/// The id and the space of the proposal `key` names, read without a lock:
/// what a writer needs to take its locks in order (the space, then the
/// proposal) before it reads anything it will decide on.
pub fn locate(tx: &mut Tx<'_>, key: &ProposalKey) -> Result<Option<(Uuid, Uuid)>, StoreError> {
    let rows: Vec<(Stored<Uuid>, Stored<Uuid>)> = match key {
        ProposalKey::Id(id) => proposals::table
            .filter(proposals::id.eq(Stored(*id)))
            .select((proposals::id, proposals::space_id))
            .limit(1)
            .load(tx.conn())?,
        ProposalKey::Reference(reference) => proposals::table
            .filter(proposals::reference.eq(reference.as_str()))
            .select((proposals::id, proposals::space_id))
            .limit(1)
            .load(tx.conn())?,
    };
    Ok(rows.into_iter().next().map(|(id, space)| (id.0, space.0)))
}

/// Locks several proposals' rows in one statement, in ascending id order
/// (the order every multi-proposal lock takes, so two such writers never
/// meet in a cycle). The caller reads them again afterwards. SQLite's
/// write transaction already holds the write lock.
pub fn lock_many(tx: &mut Tx<'_>, ids: &[Uuid]) -> Result<(), StoreError> {
    if let DbConnection::Postgres(connection) = tx.conn() {
        let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        proposals::table
            .select(proposals::id)
            .filter(proposals::id.eq_any(ids))
            .order(proposals::id.asc())
            .for_no_key_update()
            .load::<String>(connection)?;
    }
    Ok(())
}

/// Moves the proposal from `expected` to `expected + 1` with the new title,
/// if it is still in one of `states`. Returns `false` when the current
/// version is no longer `expected` or the state no longer allows it: the
/// compare-and-set repeats, in the database, the checks the caller made,
/// so a write that slipped past the row lock still cannot land.
pub fn advance_version(
    tx: &mut Tx<'_>,
    id: Uuid,
    expected: i32,
    states: &[ProposalState],
    title: &str,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let states: Vec<Stored<ProposalState>> = states.iter().copied().map(Stored).collect();
    let updated = diesel::update(
        proposals::table
            .filter(proposals::id.eq(Stored(id)))
            .filter(proposals::current_version.eq(expected))
            .filter(proposals::state.eq_any(states)),
    )
    .set((
        proposals::current_version.eq(expected + 1),
        proposals::title.eq(title),
        proposals::updated_at.eq(Stored(at)),
    ))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Changes the state if it is still one of `from`; returns whether it did.
pub fn change_state(
    tx: &mut Tx<'_>,
    id: Uuid,
    from: &[ProposalState],
    to: ProposalState,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let from: Vec<Stored<ProposalState>> = from.iter().copied().map(Stored).collect();
    let updated =
        diesel::update(proposals::table.filter(proposals::id.eq(Stored(id))).filter(proposals::state.eq_any(from)))
            .set((proposals::state.eq(Stored(to)), proposals::updated_at.eq(Stored(at))))
            .execute(tx.conn())?;
    Ok(updated == 1)
}

/// One author of a proposal, with what readers need to show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorRecord {
    /// The person, by id.
    pub user_id: Uuid,
    /// The public handle: unique, lower case.
    pub nickname: String,
    /// The name shown beside their words.
    pub display_name: String,
    /// `creator` or `coauthor`.
    pub kind: String,
}

/// An author as read back, joined with their user.
#[derive(Queryable, Selectable)]
#[diesel(table_name = proposal_authors)]
struct AuthorRow {
    user_id: Stored<Uuid>,
    #[diesel(select_expression = users::nickname)]
    nickname: String,
    #[diesel(select_expression = users::display_name)]
    display_name: String,
    kind: String,
}

impl From<AuthorRow> for AuthorRecord {
    fn from(row: AuthorRow) -> Self {
        AuthorRecord { user_id: row.user_id.0, nickname: row.nickname, display_name: row.display_name, kind: row.kind }
    }
}

/// The authors of a proposal, creator first.
pub fn authors(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<Vec<AuthorRecord>, StoreError> {
    let rows: Vec<AuthorRow> = proposal_authors::table
        .inner_join(users::table)
        .filter(proposal_authors::proposal_id.eq(Stored(proposal_id)))
        .order((proposal_authors::added_at.asc(), proposal_authors::user_id.asc()))
        .select(AuthorRow::as_select())
        .load(tx.conn())?;
    Ok(rows.into_iter().map(AuthorRecord::from).collect())
}

/// Whether the user is an author of the proposal.
pub fn is_author(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid) -> Result<bool, StoreError> {
    let count: i64 = proposal_authors::table
        .filter(proposal_authors::proposal_id.eq(Stored(proposal_id)))
        .filter(proposal_authors::user_id.eq(Stored(user_id)))
        .count()
        .get_result(tx.conn())?;
    Ok(count > 0)
}

pub use emenda_domain::listing::{ProposalCursor, ProposalFilter, ProposalSort};

/// One page of visible (not hidden) proposals. With search terms and the
/// `Relevance` order, see [`search`].
pub fn list(
    tx: &mut Tx<'_>,
    filter: &ProposalFilter,
    sort: ProposalSort,
    after: Option<ProposalCursor>,
    limit: i64,
) -> Result<Vec<ProposalRecord>, StoreError> {
    Ok(search(tx, filter, sort, after, limit)?.into_iter().map(|(record, _)| record).collect())
}

/// A query of proposals (alone or joined with their search terms)
/// narrowed to what `filter` asks, besides its search terms.
macro_rules! filtered {
    ($query:expr, $filter:expr) => {{
        let (mut query, filter) = ($query, $filter);
        if let Some(space) = filter.space_id {
            query = query.filter(proposals::space_id.eq(Stored(space)));
        }
        if let Some(state) = filter.state {
            query = query.filter(proposals::state.eq(Stored(state)));
        }
        if let Some(category) = &filter.category {
            query = query.filter(proposals::category.eq(category.clone()));
        }
        if let Some(area) = &filter.area {
            query = query.filter(proposals::area.eq(area.clone()));
        }
        match filter.qualified {
            Some(true) => query = query.filter(proposals::qualified_at.is_not_null()),
            Some(false) => query = query.filter(proposals::qualified_at.is_null()),
            None => {}
        }
        if let Some(author) = filter.author_id {
            let authored = proposal_authors::table
                .filter(proposal_authors::user_id.eq(Stored(author)))
                .select(proposal_authors::proposal_id);
            query = query.filter(proposals::id.eq_any(authored));
        }
        query
    }};
}

/// Where a search term must be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// In the title or the text, every term.
    Anywhere,
    /// Every term in the title.
    InTitle,
    /// Every term, but not every one in the title.
    NotAllInTitle,
}

/// One page of visible proposals, each with whether its title holds every
/// search term (true when there are none). With `Relevance` the title
/// matches come first: the page is read from them, then, if it is not full,
/// from the rest.
pub fn search(
    tx: &mut Tx<'_>,
    filter: &ProposalFilter,
    sort: ProposalSort,
    after: Option<ProposalCursor>,
    limit: i64,
) -> Result<Vec<(ProposalRecord, bool)>, StoreError> {
    if sort != ProposalSort::Relevance || filter.terms.is_empty() {
        let found = if filter.terms.is_empty() { None } else { Some(Found::Anywhere) };
        let rows = page(tx, filter, found, sort, after, limit)?;
        return Ok(rows.into_iter().map(|r| (r, filter.terms.is_empty())).collect());
    }
    let mut rows = Vec::new();
    // Still in the title matches (or at the start): read on there.
    if after.is_none_or(|c| c.key == 1) {
        let last = after.map(|c| c.id);
        rows.extend(found_group(tx, filter, Found::InTitle, last, limit)?.into_iter().map(|r| (r, true)));
    }
    let room = limit - i64::try_from(rows.len()).unwrap_or(limit);
    if room > 0 {
        let last = after.filter(|c| c.key == 0).map(|c| c.id);
        rows.extend(found_group(tx, filter, Found::NotAllInTitle, last, room)?.into_iter().map(|r| (r, false)));
    }
    Ok(rows)
}

/// The rows of the search index read in the first window of a group: a
/// common word fills a page from a few hundred rows.
const FIRST_WINDOW: i64 = 256;

/// One group of a search by relevance (the proposals whose terms are
/// `found` as asked), after the proposal `last`, in the order of the
/// search index (the order proposals were first indexed: publication
/// order, newest first). Read window by window down the index, each four
/// times wider than the last and each starting at the next match, so a
/// page of a common word costs a few hundred index rows however many
/// proposals hold it, a rare word a window per match, a missing word one
/// window; never more than one pass over the index.
fn found_group(
    tx: &mut Tx<'_>,
    filter: &ProposalFilter,
    found: Found,
    last: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ProposalRecord>, StoreError> {
    // The window's upper end, exclusive: below the last item's index row,
    // or past the newest one.
    let mut high: i64 = match last {
        Some(id) => {
            let row: Option<i64> = proposal_search::table
                .filter(proposal_search::proposal_id.eq(Stored(id)))
                .select(proposal_search::id)
                .first(tx.conn())
                .optional()?;
            // A cursor names a proposal that was listed, so indexed.
            row.unwrap_or(0)
        }
        None => {
            let newest: Option<i64> =
                proposal_search::table.select(diesel::dsl::max(proposal_search::id)).first(tx.conn())?;
            newest.map_or(0, |n| n + 1)
        }
    };
    let mut rows = Vec::new();
    let mut width = FIRST_WINDOW;
    while high > 0 && i64::try_from(rows.len()).unwrap_or(limit) < limit {
        let low = high.saturating_sub(width).max(0);
        let room = limit - i64::try_from(rows.len()).unwrap_or(limit);
        let query = proposals::table
            .inner_join(proposal_search::table)
            .select(ProposalRow::as_select())
            .filter(proposals::hidden.eq(false))
            .filter(proposal_search::id.ge(low).and(proposal_search::id.lt(high)))
            .into_boxed();
        let query = filtered!(query, filter).filter(window_matching(tx, &filter.terms, found, low, high));
        let window: Vec<ProposalRow> = query.order(proposal_search::id.desc()).limit(room).load(tx.conn())?;
        rows.extend(window.into_iter().map(ProposalRecord::from));
        if i64::try_from(rows.len()).unwrap_or(limit) >= limit {
            break;
        }
        // Stretches of the index where nothing matches are skipped: the
        // next window ends just past the next match below this one, so a
        // rare word costs a window per match, and a missing one a window.
        high = match next_match_below(tx, &filter.terms, found, low)? {
            Some(row) => row + 1,
            None => break,
        };
        width = width.saturating_mul(4);
    }
    Ok(rows)
}

/// The newest row of the search index below `below` whose terms are
/// `found` as asked (whatever else a list filters on): one step down
/// SQLite's FTS5 lists, which it reads newest first; on PostgreSQL the
/// newest of the matches below that its GIN index finds.
fn next_match_below(tx: &mut Tx<'_>, terms: &[String], found: Found, below: i64) -> Result<Option<i64>, StoreError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{BigInt, Nullable, Text};
    let next = match tx.backend() {
        crate::Backend::Sqlite => diesel::select(
            sql::<Nullable<BigInt>>("(SELECT rowid FROM proposal_search_fts WHERE proposal_search_fts MATCH ")
                .bind::<Text, _>(fts_expression(terms, found))
                .sql(" AND rowid < ")
                .bind::<BigInt, _>(below)
                .sql(" ORDER BY rowid DESC LIMIT 1)"),
        )
        .get_result(tx.conn())?,
        crate::Backend::Postgres => {
            // Two bounded reads rather than one that the planner may run as
            // a walk down the id index, tokenising every text on the way,
            // for a word nobody wrote (seconds at 10,000 proposals): first
            // the few nearest rows (a common word is among them), then
            // every match from the GIN index alone (a rare or missing word
            // costs only its matches).
            #[derive(QueryableByName)]
            struct Next {
                #[diesel(sql_type = Nullable<BigInt>)]
                id: Option<i64>,
            }
            let condition = match found {
                Found::Anywhere => format!("{PG_ALL}$2)"),
                Found::InTitle => format!("{PG_TITLE}$2)"),
                Found::NotAllInTitle => format!("{PG_ALL}$2) AND NOT {PG_TITLE}$2)"),
            };
            // Newest first and stopping at the first match: a common word
            // tokenises one text, a missing one `NEAR_ROWS`.
            let near = format!(
                "SELECT max(id) AS id FROM (SELECT id FROM (SELECT id, title, body FROM proposal_search \
                 WHERE id < $1 ORDER BY id DESC LIMIT {NEAR_ROWS}) AS proposal_search WHERE {condition} \
                 ORDER BY id DESC LIMIT 1) AS nearest"
            );
            let anywhere = format!(
                "SELECT max(id) AS id FROM (SELECT id FROM proposal_search WHERE {condition} OFFSET 0) AS matches \
                 WHERE id < $1"
            );
            let query = tsquery(terms);
            let DbConnection::Postgres(c) = tx.conn() else {
                return Err(StoreError::Corrupt("a PostgreSQL transaction on another backend".into()));
            };
            let next: Next = diesel::sql_query(near).bind::<BigInt, _>(below).bind::<Text, _>(&query).get_result(c)?;
            match next.id {
                Some(id) => Some(id),
                None => {
                    let next: Next =
                        diesel::sql_query(anywhere).bind::<BigInt, _>(below).bind::<Text, _>(&query).get_result(c)?;
                    next.id
                }
            }
        }
    };
    Ok(next)
}

/// PostgreSQL: how many rows below a window the next match is looked for
/// among before the GIN index is asked for every match.
const NEAR_ROWS: i64 = 16;

/// PostgreSQL: the terms of a `proposal_search` row, title and text, hold
/// the query (the GIN-indexed expression; the caller closes the bracket).
const PG_ALL: &str =
    "to_tsvector('simple', proposal_search.title || ' ' || proposal_search.body) @@ to_tsquery('simple', ";
/// PostgreSQL: the title of a `proposal_search` row holds the query.
const PG_TITLE: &str = "to_tsvector('simple', proposal_search.title) @@ to_tsquery('simple', ";

/// The source of a search by relevance: proposals with their terms.
type WithTerms = diesel::dsl::InnerJoinQuerySource<proposals::table, proposal_search::table>;

/// The condition that the terms of the rows `low..high` of the search
/// index are `found` as asked. SQLite's FTS5 reads only that stretch of
/// its lists (it takes the rowid bounds); PostgreSQL checks the window's
/// rows against their GIN-indexed vectors.
fn window_matching(
    tx: &mut Tx<'_>,
    terms: &[String],
    found: Found,
    low: i64,
    high: i64,
) -> Box<dyn diesel::BoxableExpression<WithTerms, crate::connection::MultiBackend, SqlType = diesel::sql_types::Bool>> {
    use diesel::dsl::sql;
    use diesel::sql_types::{BigInt, Bool, Text};
    match tx.backend() {
        crate::Backend::Sqlite => Box::new(
            sql::<Bool>(
                "proposal_search.id IN (SELECT rowid FROM proposal_search_fts WHERE proposal_search_fts MATCH ",
            )
            .bind::<Text, _>(fts_expression(terms, found))
            .sql(" AND rowid >= ")
            .bind::<BigInt, _>(low)
            .sql(" AND rowid < ")
            .bind::<BigInt, _>(high)
            .sql(")"),
        ),
        crate::Backend::Postgres => {
            let query = tsquery(terms);
            match found {
                Found::Anywhere => Box::new(sql::<Bool>(PG_ALL).bind::<Text, _>(query).sql(")")),
                Found::InTitle => Box::new(sql::<Bool>(PG_TITLE).bind::<Text, _>(query).sql(")")),
                Found::NotAllInTitle => Box::new(
                    sql::<Bool>(PG_ALL)
                        .bind::<Text, _>(query.clone())
                        .sql(") AND NOT ")
                        .sql(PG_TITLE)
                        .bind::<Text, _>(query)
                        .sql(")"),
                ),
            }
        }
    }
}

/// An FTS5 query for `terms` found as asked (the terms are letters and
/// digits only, so quoting them is enough).
fn fts_expression(terms: &[String], found: Found) -> String {
    let all = terms.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(" AND ");
    let title = terms.iter().map(|t| format!("title : \"{t}\"")).collect::<Vec<_>>().join(" AND ");
    match found {
        Found::Anywhere => all,
        Found::InTitle => title,
        Found::NotAllInTitle => format!("({all}) NOT ({title})"),
    }
}

/// A PostgreSQL `tsquery` holding every one of `terms`.
fn tsquery(terms: &[String]) -> String {
    terms.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(" & ")
}

/// The condition that a proposal's terms are `found` as asked, for this
/// backend's full-text index (the terms are letters and digits only, so
/// quoting them is enough).
fn matching(
    tx: &mut Tx<'_>,
    terms: &[String],
    found: Found,
) -> Box<
    dyn diesel::BoxableExpression<proposals::table, crate::connection::MultiBackend, SqlType = diesel::sql_types::Bool>,
> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    match tx.backend() {
        crate::Backend::Sqlite => {
            let expression = fts_expression(terms, found);
            Box::new(
                sql::<Bool>(
                    "proposals.id IN (SELECT s.proposal_id FROM proposal_search_fts \
                     JOIN proposal_search s ON s.id = proposal_search_fts.rowid WHERE proposal_search_fts MATCH ",
                )
                .bind::<Text, _>(expression)
                .sql(")"),
            )
        }
        crate::Backend::Postgres => {
            let query = tsquery(terms);
            const ALL: &str = "to_tsvector('simple', s.title || ' ' || s.body) @@ to_tsquery('simple', ";
            const TITLE: &str = "to_tsvector('simple', s.title) @@ to_tsquery('simple', ";
            let head = "proposals.id IN (SELECT s.proposal_id FROM proposal_search s WHERE ";
            match found {
                Found::Anywhere => Box::new(sql::<Bool>(head).sql(ALL).bind::<Text, _>(query).sql("))")),
                Found::InTitle => Box::new(sql::<Bool>(head).sql(TITLE).bind::<Text, _>(query).sql("))")),
                Found::NotAllInTitle => Box::new(
                    sql::<Bool>(head)
                        .sql(ALL)
                        .bind::<Text, _>(query.clone())
                        .sql(") AND NOT ")
                        .sql(TITLE)
                        .bind::<Text, _>(query)
                        .sql("))"),
                ),
            }
        }
    }
}

/// One page of visible proposals in one order, optionally only those whose
/// terms are `found` as asked.
fn page(
    tx: &mut Tx<'_>,
    filter: &ProposalFilter,
    found: Option<Found>,
    sort: ProposalSort,
    after: Option<ProposalCursor>,
    limit: i64,
) -> Result<Vec<ProposalRecord>, StoreError> {
    let mut query = proposals::table.select(ProposalRow::as_select()).filter(proposals::hidden.eq(false)).into_boxed();
    if let Some(found) = found {
        query = query.filter(matching(tx, &filter.terms, found));
    }
    query = filtered!(query, filter);
    query = match sort {
        ProposalSort::Recent | ProposalSort::Relevance => {
            if let Some(c) = after {
                query = query.filter(proposals::id.lt(Stored(c.id)));
            }
            query.order(proposals::id.desc())
        }
        ProposalSort::MostSupported => {
            if let Some(c) = after {
                let key = i32::try_from(c.key).unwrap_or(i32::MAX);
                query = query.filter(
                    proposals::supports_count
                        .lt(key)
                        .or(proposals::supports_count.eq(key).and(proposals::id.lt(Stored(c.id)))),
                );
            }
            query.order((proposals::supports_count.desc(), proposals::id.desc()))
        }
        ProposalSort::MostCommented => {
            if let Some(c) = after {
                let key = i32::try_from(c.key).unwrap_or(i32::MAX);
                query = query.filter(
                    proposals::comments_count
                        .lt(key)
                        .or(proposals::comments_count.eq(key).and(proposals::id.lt(Stored(c.id)))),
                );
            }
            query.order((proposals::comments_count.desc(), proposals::id.desc()))
        }
    };
    Ok(query.limit(limit).load(tx.conn())?.into_iter().map(ProposalRecord::from).collect())
}
