//! Schema migrations, embedded in the binary: one set per backend, kept in
//! step (a test compares a backend-neutral description of the resulting
//! schemas: columns, keys, indexes, constraints and immutability triggers).
//! Tables only: a view (`proposal_pages`) is where the dialects are allowed
//! to differ, and what it returns is checked through the API on both.

use crate::connection::DbConnection;
use crate::error::StoreError;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

pub(crate) fn run(connection: &mut DbConnection) -> Result<usize, StoreError> {
    let applied = match connection {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|v| v.len()),
        DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES).map(|v| v.len()),
    };
    let applied = applied.map_err(|e| StoreError::Migration(e.to_string()))?;
    crate::users::fill_skeletons(connection)?;
    Ok(applied)
}

/// One row of a schema query: every value as text (numbers are cast), so
/// one row type serves every catalogue query of both backends.
#[derive(QueryableByName)]
struct CatalogueRow {
    #[diesel(sql_type = Text)]
    a: String,
    #[diesel(sql_type = Nullable<Text>)]
    b: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    c: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    d: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    e: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    f: Option<String>,
}

fn load(connection: &mut DbConnection, sqlite: &str, postgres: &str) -> Result<Vec<CatalogueRow>, StoreError> {
    Ok(match connection {
        DbConnection::Sqlite(c) => diesel::sql_query(sqlite).load(c)?,
        DbConnection::Postgres(c) => diesel::sql_query(postgres).load(c)?,
    })
}

/// The full-text index over `proposal_search` is each backend's own (an
/// FTS5 table with its shadow tables and sync triggers on SQLite, GIN
/// expression indexes on PostgreSQL) and is left out of the comparison; the
/// search tests check that both answer alike.
const SQLITE_TABLES: &str =
    "m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name != '__diesel_schema_migrations' \
     AND m.name NOT LIKE 'proposal_search_fts%'";

const SQLITE_COLUMNS: &str = "SELECT m.name AS a, p.name AS b, p.type AS c, CAST(p.\"notnull\" AS TEXT) AS d, \
     p.dflt_value AS e, CAST(p.pk AS TEXT) AS f FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE ";
const POSTGRES_COLUMNS: &str = "SELECT c.table_name::text AS a, c.column_name::text AS b, c.data_type::text AS c, \
     CASE WHEN c.is_nullable = 'NO' THEN '1' ELSE '0' END AS d, c.column_default::text AS e, \
     COALESCE((SELECT k.ordinal_position::text FROM information_schema.table_constraints tc \
       JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name \
        AND k.table_schema = tc.table_schema AND k.table_name = tc.table_name \
       WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema \
        AND tc.table_name = c.table_name AND k.column_name = c.column_name), '0') AS f \
     FROM information_schema.columns c WHERE c.table_schema = current_schema() \
     AND c.table_name != '__diesel_schema_migrations' \
     AND c.table_name IN (SELECT t.table_name FROM information_schema.tables t \
       WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE')";

const SQLITE_FOREIGN_KEYS: &str = "SELECT m.name AS a, f.\"from\" AS b, f.\"table\" AS c, f.\"to\" AS d, \
     f.on_delete AS e, NULL AS f FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE ";
const POSTGRES_FOREIGN_KEYS: &str = "SELECT cl.relname::text AS a, at.attname::text AS b, rcl.relname::text AS c, \
     rat.attname::text AS d, CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' \
       WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END AS e, NULL AS f \
     FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid \
     JOIN pg_namespace n ON n.oid = cl.relnamespace JOIN pg_class rcl ON rcl.oid = con.confrelid \
     JOIN pg_attribute at ON at.attrelid = con.conrelid AND at.attnum = con.conkey[1] \
     JOIN pg_attribute rat ON rat.attrelid = con.confrelid AND rat.attnum = con.confkey[1] \
     WHERE con.contype = 'f' AND n.nspname = current_schema()";

const SQLITE_INDEXES: &str = "SELECT m.name AS a, il.name AS b, CAST(il.\"unique\" AS TEXT) AS c, il.origin AS d, \
     (SELECT group_concat(COALESCE(ii.name, '<expr>'), ',') FROM \
       (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno) ii) AS e, \
     (SELECT sm.sql FROM sqlite_master sm WHERE sm.type = 'index' AND sm.name = il.name) AS f \
     FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE il.origin != 'pk' AND ";
const POSTGRES_INDEXES: &str = "SELECT t.relname::text AS a, i.relname::text AS b, \
     CASE WHEN ix.indisunique THEN '1' ELSE '0' END AS c, \
     CASE WHEN EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid \
       AND con.conrelid = ix.indrelid AND con.contype = 'u') THEN 'u' ELSE 'c' END AS d, \
     (SELECT string_agg(CASE WHEN k.attnum = 0 THEN '<expr>' ELSE at.attname::text END, ',' ORDER BY k.ord) \
       FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
       LEFT JOIN pg_attribute at ON at.attrelid = ix.indrelid AND at.attnum = k.attnum) AS e, \
     pg_get_expr(ix.indpred, ix.indrelid) AS f \
     FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid \
     JOIN pg_namespace n ON n.oid = t.relnamespace \
     WHERE n.nspname = current_schema() AND NOT ix.indisprimary AND t.relname != '__diesel_schema_migrations' \
     AND i.relname NOT LIKE 'proposal_search%fts'";

const SQLITE_TABLE_SQL: &str = "SELECT m.name AS a, m.sql AS b, NULL AS c, NULL AS d, NULL AS e, NULL AS f \
     FROM sqlite_master m WHERE ";
const POSTGRES_CHECKS: &str = "SELECT cl.relname::text AS a, at.attname::text AS b, NULL AS c, NULL AS d, \
     NULL AS e, NULL AS f FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid \
     JOIN pg_namespace n ON n.oid = cl.relnamespace \
     LEFT JOIN pg_attribute at ON at.attrelid = con.conrelid AND at.attnum = con.conkey[1] \
     WHERE con.contype = 'c' AND n.nspname = current_schema()";

const SQLITE_TRIGGERS: &str = "SELECT tbl_name AS a, name AS b, sql AS c, NULL AS d, NULL AS e, NULL AS f \
     FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'proposal_search_fts%'";
const POSTGRES_TRIGGERS: &str = "SELECT cl.relname::text AS a, tg.tgname::text AS b, tg.tgtype::int::text AS c, \
     NULL AS d, NULL AS e, NULL AS f FROM pg_trigger tg JOIN pg_class cl ON cl.oid = tg.tgrelid \
     JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE NOT tg.tgisinternal AND n.nspname = current_schema()";

/// The family a declared column type belongs to: what both backends agree
/// on, whatever each calls it (`TEXT`/`varchar`, `INTEGER`/`BIGINT`/`int8`…).
fn type_family(declared: &str) -> String {
    let t = declared.to_ascii_lowercase();
    let family = if t.contains("int") {
        "integer"
    } else if t.contains("char") || t.contains("text") || t.contains("clob") {
        "text"
    } else if t.contains("bool") {
        "boolean"
    } else if t.contains("real") || t.contains("floa") || t.contains("doub") || t.contains("numeric") {
        "real"
    } else if t.contains("blob") || t.contains("bytea") {
        "blob"
    } else {
        return t;
    };
    family.to_owned()
}

/// An SQL expression (default, index predicate) with what differs only in
/// spelling removed: case, `::type` casts, parentheses, spacing.
fn normalise_expression(expression: &str) -> String {
    let lower = expression.to_ascii_lowercase();
    let mut out = String::new();
    let mut chars = lower.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == ':' && chars.peek() == Some(&':') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') {
                chars.next();
            }
        } else if ch != '(' && ch != ')' {
            out.push(ch);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first identifier of each `CHECK (…)` in a SQLite `CREATE TABLE`:
/// the column the constraint is about (PostgreSQL gives the same from its
/// catalogue).
fn sqlite_check_columns(create_table: &str) -> Vec<String> {
    let upper = create_table.to_ascii_uppercase();
    let mut columns = Vec::new();
    let mut from = 0;
    while let Some(found) = upper[from..].find("CHECK") {
        let after = from + found + "CHECK".len();
        let rest = create_table[after..].trim_start();
        if let Some(inner) = rest.strip_prefix('(') {
            let name: String = inner
                .trim_start_matches(|c: char| c == '(' || c.is_whitespace())
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            columns.push(name);
        }
        from = after;
    }
    columns
}

/// The operations a SQLite trigger guards, from its `CREATE TRIGGER` text.
/// A `BEFORE INSERT` trigger on these tables refuses an insert over an
/// existing key: the REPLACE guard.
fn sqlite_trigger_guards(create_trigger: &str) -> Vec<&'static str> {
    let upper = create_trigger.to_ascii_uppercase();
    let words: Vec<&str> = upper.split_whitespace().collect();
    let event = words.windows(2).find(|w| w[0] == "BEFORE" || w[0] == "AFTER").map(|w| w[1]).unwrap_or_default();
    match event {
        "INSERT" => vec!["replace"],
        "UPDATE" => vec!["update"],
        "DELETE" => vec!["delete"],
        _ => vec!["unknown"],
    }
}

/// The operations a PostgreSQL trigger guards, from `pg_trigger.tgtype`.
/// `INSERT … ON CONFLICT DO UPDATE` goes through the UPDATE triggers, so an
/// UPDATE trigger also guards against replacing a row. TRUNCATE triggers
/// have no SQLite counterpart (SQLite has no TRUNCATE) and are not compared.
fn postgres_trigger_guards(tgtype: i32) -> Vec<&'static str> {
    let mut guards = Vec::new();
    if tgtype & 4 != 0 {
        guards.push("replace");
    }
    if tgtype & 8 != 0 {
        guards.push("delete");
    }
    if tgtype & 16 != 0 {
        guards.push("update");
        guards.push("replace");
    }
    guards
}

/// The application schema, described the same way for both backends so
/// that a test can require the two to be equal: one sorted line per
/// column (type family, NULL-ability, default, place in the primary key),
/// foreign key (target and ON DELETE), index (columns, uniqueness, name for
/// explicit ones, normalised predicate for partial ones), CHECK constraint
/// (by its first column) and guarded table (which of UPDATE, DELETE and
/// REPLACE its triggers refuse). A table, column, key, index, constraint or
/// immutability trigger added to one backend and not the other shows.
pub fn schema_columns(store: &crate::Store) -> Result<Vec<String>, StoreError> {
    store.read(|tx| {
        let conn = tx.conn();
        let mut lines = Vec::new();
        let columns = load(conn, &format!("{SQLITE_COLUMNS}{SQLITE_TABLES}"), POSTGRES_COLUMNS)?;
        for row in columns {
            let column = row.b.unwrap_or_default();
            let pk = row.f.unwrap_or_default();
            let not_null = row.d.as_deref() == Some("1") || pk != "0";
            let default = row.e.as_deref().map_or_else(|| "none".to_owned(), normalise_expression);
            lines.push(format!(
                "column {}.{column} {} {} default={default} pk={pk}",
                row.a,
                type_family(row.c.as_deref().unwrap_or_default()),
                if not_null { "not null" } else { "null" },
            ));
        }
        for row in load(conn, &format!("{SQLITE_FOREIGN_KEYS}{SQLITE_TABLES}"), POSTGRES_FOREIGN_KEYS)? {
            lines.push(format!(
                "foreign key {}.{} -> {}.{} on delete {}",
                row.a,
                row.b.unwrap_or_default(),
                row.c.unwrap_or_default(),
                row.d.unwrap_or_default(),
                row.e.unwrap_or_default().to_ascii_lowercase(),
            ));
        }
        let indexes = load(conn, &format!("{SQLITE_INDEXES}{SQLITE_TABLES}"), POSTGRES_INDEXES)?;
        for row in indexes {
            let unique = if row.c.as_deref() == Some("1") { "unique index" } else { "index" };
            // Indexes behind a UNIQUE column constraint are named by each
            // backend its own way; explicit ones keep their name.
            let name = if row.d.as_deref() == Some("c") { row.b.unwrap_or_default() } else { "-".to_owned() };
            let predicate = match (conn_is_sqlite(conn), row.f) {
                (true, Some(sql)) => {
                    let upper = sql.to_ascii_uppercase();
                    upper.rfind(" WHERE ").map(|at| normalise_expression(&sql[at + " WHERE ".len()..]))
                }
                (false, Some(predicate)) => Some(normalise_expression(&predicate)),
                (_, None) => None,
            };
            lines.push(format!(
                "{unique} {}({}) name={name} where={}",
                row.a,
                row.e.unwrap_or_default(),
                predicate.unwrap_or_else(|| "-".to_owned())
            ));
        }
        let checks: Vec<(String, String)> = if conn_is_sqlite(conn) {
            load(conn, &format!("{SQLITE_TABLE_SQL}{SQLITE_TABLES}"), POSTGRES_CHECKS)?
                .into_iter()
                .flat_map(|row| {
                    let table = row.a;
                    sqlite_check_columns(&row.b.unwrap_or_default()).into_iter().map(move |c| (table.clone(), c))
                })
                .collect()
        } else {
            load(conn, SQLITE_TABLE_SQL, POSTGRES_CHECKS)?.into_iter().map(|r| (r.a, r.b.unwrap_or_default())).collect()
        };
        lines.extend(checks.into_iter().map(|(table, column)| format!("check {table}.{column}")));
        let mut guards: std::collections::BTreeMap<String, std::collections::BTreeSet<&'static str>> =
            std::collections::BTreeMap::new();
        for row in load(conn, SQLITE_TRIGGERS, POSTGRES_TRIGGERS)? {
            let found = if conn_is_sqlite(conn) {
                sqlite_trigger_guards(row.c.as_deref().unwrap_or_default())
            } else {
                postgres_trigger_guards(row.c.as_deref().and_then(|t| t.parse().ok()).unwrap_or_default())
            };
            guards.entry(row.a).or_default().extend(found);
        }
        for (table, refused) in guards {
            lines.push(format!("guard {table} refuses {}", refused.into_iter().collect::<Vec<_>>().join(",")));
        }
        lines.sort();
        Ok(lines)
    })
}

fn conn_is_sqlite(connection: &DbConnection) -> bool {
    matches!(connection, DbConnection::Sqlite(_))
}
