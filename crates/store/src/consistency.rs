//! A consistency check of every denormalized counter: each is recomputed
//! with SQL from the rows it summarizes and compared with the stored
//! value, for every row.
//!
//! The counters are kept by the write paths, one increment at a time under
//! the locks of `docs/architecture.md` (Concurrency); this check is how
//! tests prove that no interleaving lost or doubled one, and how an
//! operator confirms an installation is sound. It is a full scan of
//! proposals, amendments, comments, supports, votes and reports, with
//! correlated counts per row, so it is deliberately NOT bounded the way a
//! request's read is: run it in tests and as an operator command in a
//! quiet moment, never from a request handler.

use crate::connection::DbConnection;
use crate::{StoreError, Tx};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use std::fmt;

/// One counter whose stored value differs from its recount.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Mismatch {
    /// The table holding the counter, e.g. `proposals`.
    #[diesel(sql_type = Text)]
    pub table: String,
    /// The row's id (`user_id/space_id` for a `support_tallies` row).
    #[diesel(sql_type = Text)]
    pub id: String,
    /// The counter column, e.g. `comments_count`.
    #[diesel(sql_type = Text)]
    pub column: String,
    /// The value recomputed from the rows it counts.
    #[diesel(sql_type = BigInt)]
    pub expected: i64,
    /// The value stored (0 for a `support_tallies` row that is missing).
    #[diesel(sql_type = BigInt)]
    pub found: i64,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{} of {}: expected {}, found {}", self.table, self.column, self.id, self.expected, self.found)
    }
}

/// One counter to recount: `found` read from each row of `from`, against
/// `expected`, a scalar subquery over the rows it summarizes.
struct Check {
    table: &'static str,
    column: &'static str,
    from: &'static str,
    id: &'static str,
    expected: &'static str,
    found: &'static str,
}

/// A comment that counts: neither deleted nor hidden (the contract in the
/// participation migration).
macro_rules! live {
    ($alias:literal) => {
        concat!(" AND ", $alias, ".deleted_at IS NULL AND ", $alias, ".hidden = FALSE")
    };
}

const CHECKS: &[Check] = &[
    Check {
        table: "proposals",
        column: "supports_given",
        from: "proposals p",
        id: "p.id",
        expected: "SELECT COUNT(*) FROM supports s WHERE s.proposal_id = p.id",
        found: "p.supports_given",
    },
    // A support counts once its giver's supports in the space reach the
    // space's minimum (the giver's tally, recounted from the rows).
    Check {
        table: "proposals",
        column: "supports_count",
        from: "proposals p",
        id: "p.id",
        expected: "SELECT COUNT(*) FROM supports s INNER JOIN spaces sp ON sp.id = s.space_id \
                   WHERE s.proposal_id = p.id AND (SELECT COUNT(*) FROM supports t \
                   WHERE t.user_id = s.user_id AND t.space_id = s.space_id) >= sp.minimum_supports_per_user",
        found: "p.supports_count",
    },
    Check {
        table: "support_tallies",
        column: "supports",
        from: "support_tallies st",
        id: "st.user_id || '/' || st.space_id",
        expected: "SELECT COUNT(*) FROM supports s WHERE s.user_id = st.user_id AND s.space_id = st.space_id",
        found: "st.supports",
    },
    // Supports whose giver has no tally row at all.
    Check {
        table: "support_tallies",
        column: "supports",
        from: "(SELECT user_id, space_id, COUNT(*) AS given FROM supports GROUP BY user_id, space_id) g \
               LEFT JOIN support_tallies st ON st.user_id = g.user_id AND st.space_id = g.space_id \
               WHERE st.user_id IS NULL",
        id: "g.user_id || '/' || g.space_id",
        expected: "g.given",
        found: "0",
    },
    Check {
        table: "proposals",
        column: "comments_count",
        from: "proposals p",
        id: "p.id",
        expected: concat!(
            "SELECT COUNT(*) FROM comments c WHERE c.proposal_id = p.id AND c.amendment_id IS NULL",
            live!("c")
        ),
        found: "p.comments_count",
    },
    Check {
        table: "amendments",
        column: "comments_count",
        from: "amendments a",
        id: "a.id",
        expected: concat!("SELECT COUNT(*) FROM comments c WHERE c.amendment_id = a.id", live!("c")),
        found: "a.comments_count",
    },
    // Live descendants at every depth: the rows whose path extends this one.
    Check {
        table: "comments",
        column: "replies_count",
        from: "comments c",
        id: "c.id",
        expected: concat!(
            "SELECT COUNT(*) FROM comments d WHERE d.proposal_id = c.proposal_id AND d.path LIKE c.path || '/%'",
            live!("d")
        ),
        found: "c.replies_count",
    },
    Check {
        table: "comments",
        column: "up_votes",
        from: "comments c",
        id: "c.id",
        expected: "SELECT COUNT(*) FROM comment_votes v WHERE v.comment_id = c.id AND v.value = 1",
        found: "c.up_votes",
    },
    Check {
        table: "comments",
        column: "down_votes",
        from: "comments c",
        id: "c.id",
        expected: "SELECT COUNT(*) FROM comment_votes v WHERE v.comment_id = c.id AND v.value = -1",
        found: "c.down_votes",
    },
    Check {
        table: "comments",
        column: "score",
        from: "comments c",
        id: "c.id",
        expected: "SELECT COALESCE(SUM(v.value), 0) FROM comment_votes v WHERE v.comment_id = c.id",
        found: "c.score",
    },
    Check {
        table: "moderations",
        column: "open_reports",
        from: "moderations m",
        id: "m.id",
        expected: "SELECT COUNT(*) FROM reports r WHERE r.moderation_id = m.id AND r.state = 'open'",
        found: "m.open_reports",
    },
];

impl Check {
    /// The query returning this counter's mismatches, by row id.
    fn sql(&self) -> String {
        format!(
            "SELECT checked.tbl AS \"table\", checked.id AS id, checked.col AS \"column\", \
             checked.expected AS expected, checked.found AS found FROM (\
             SELECT CAST('{table}' AS TEXT) AS tbl, {id} AS id, CAST('{column}' AS TEXT) AS col, \
             CAST(({expected}) AS BIGINT) AS expected, CAST({found} AS BIGINT) AS found FROM {from}\
             ) checked WHERE checked.expected <> checked.found ORDER BY checked.id",
            table = self.table,
            column = self.column,
            id = self.id,
            expected = self.expected,
            found = self.found,
            from = self.from,
        )
    }
}

/// Recounts every counter listed in [`CHECKS`] for every row and returns
/// each one that differs from its stored value (empty: all consistent),
/// grouped by counter, then by row id. See the module documentation: a
/// full scan, for tests and operators only.
pub fn recount(tx: &mut Tx<'_>) -> Result<Vec<Mismatch>, StoreError> {
    let mut mismatches = Vec::new();
    for check in CHECKS {
        let sql = check.sql();
        let found: Vec<Mismatch> = match tx.conn() {
            DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c)?,
            DbConnection::Postgres(c) => diesel::sql_query(sql).load(c)?,
        };
        mismatches.extend(found);
    }
    Ok(mismatches)
}
