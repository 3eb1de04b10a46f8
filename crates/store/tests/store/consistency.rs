//! The counter consistency check on both backends: silent on counters the
//! write paths kept, and naming the table, column and row of each counter
//! corrupted behind their back.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{seed_proposal, seed_user};
use chrono::Utc;
use emenda_domain::comment::{Alignment, VoteDelta};
use emenda_domain::moderation::{ReportReason, TargetKind};
use emenda_store::comments::{self, NewComment};
use emenda_store::consistency::{recount, Mismatch};
use emenda_store::moderation::{self, NewReport};
use emenda_store::testing::{execute_raw, TestDatabase};
use emenda_store::{backend_tests, proposals, supports, Backend, Store, StoreError};
use uuid::Uuid;

struct Seeded {
    proposal: Uuid,
    space: Uuid,
    supporter: Uuid,
    root: Uuid,
    reply: Uuid,
    moderation: Uuid,
}

/// A proposal with one counted support, a root comment with one live reply
/// and one up vote, and an open report on the reply: every counter kept
/// the way the services keep it.
fn seed(store: &Store) -> Seeded {
    let (proposal, author) = seed_proposal(store);
    let supporter = seed_user(store, "sostenitrice");
    let (root, reply, moderation) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let now = Utc::now();
    let space = store
        .write(|tx| {
            let space = proposals::find_by_id(tx, proposal)?.unwrap().space_id;
            supports::lock_tally(tx, supporter, space)?;
            supports::insert(tx, proposal, supporter, space, 1, now, Uuid::now_v7())?;
            supports::add_to_tally(tx, supporter, space, 1)?;
            supports::add_given(tx, proposal, 1)?;
            supports::add_counted(tx, &[proposal], 1)?;
            let comment = |id, parent| NewComment {
                id,
                proposal_id: proposal,
                amendment_id: None,
                space_id: space,
                parent,
                depth: i32::from(parent.is_some()),
                author_id: author,
                alignment: Alignment::Neutral,
                body: "Un commento",
                created_at: now,
            };
            comments::insert(tx, &comment(root, None))?;
            let root_record = comments::find_by_id(tx, root)?.unwrap();
            comments::adjust_live_counters(tx, &root_record, 1)?;
            comments::insert(tx, &comment(reply, Some((root, root_record.path.as_str()))))?;
            let reply_record = comments::find_by_id(tx, reply)?.unwrap();
            comments::adjust_live_counters(tx, &reply_record, 1)?;
            comments::set_vote(tx, root, supporter, None, Some(1), VoteDelta { up: 1, down: 0 }, now)?;
            moderation::ensure_and_lock(tx, moderation, TargetKind::Comment, reply, space, now)?;
            moderation::add_report(
                tx,
                &NewReport {
                    id: Uuid::now_v7(),
                    moderation_id: moderation,
                    reporter_id: supporter,
                    reason: ReportReason::Spam,
                    details: "",
                    created_at: now,
                },
            )?;
            Ok::<_, StoreError>(space)
        })
        .unwrap();
    Seeded { proposal, space, supporter, root, reply, moderation }
}

fn mismatches(store: &Store) -> Vec<Mismatch> {
    store.read(recount).unwrap()
}

fn kept_counters_pass(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let seeded = seed(&store);
    assert_eq!(mismatches(&store), []);
    // The seed really moved the counters the check recounts.
    let root = store.read(|tx| comments::find_by_id(tx, seeded.root)).unwrap().unwrap();
    assert_eq!((root.replies_count, root.up_votes, root.score), (1, 1, 1));
}

fn each_corrupted_counter_is_named(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let s = seed(&store);
    let (p, c, r, m) = (s.proposal, s.root, s.reply, s.moderation);
    let tally = format!("{}/{}", s.supporter, s.space);
    let cases: Vec<(String, &str, String, &str, i64)> = vec![
        ("proposals".into(), "supports_given", p.to_string(), "id", 1),
        ("proposals".into(), "supports_count", p.to_string(), "id", 1),
        ("proposals".into(), "comments_count", p.to_string(), "id", 2),
        ("comments".into(), "replies_count", c.to_string(), "id", 1),
        ("comments".into(), "up_votes", c.to_string(), "id", 1),
        ("comments".into(), "down_votes", r.to_string(), "id", 0),
        ("comments".into(), "score", c.to_string(), "id", 1),
        ("moderations".into(), "open_reports", m.to_string(), "id", 1),
    ];
    for (table, column, id, key, expected) in cases {
        let corrupt = format!("UPDATE {table} SET {column} = {column} + 2 WHERE {key} = '{id}'");
        assert_eq!(execute_raw(&store, &corrupt).unwrap(), 1, "{corrupt}");
        let found = mismatches(&store);
        assert_eq!(
            found,
            [Mismatch { table: table.clone(), id: id.clone(), column: column.into(), expected, found: expected + 2 }],
            "{corrupt}"
        );
        execute_raw(&store, &format!("UPDATE {table} SET {column} = {column} - 2 WHERE {key} = '{id}'")).unwrap();
        assert_eq!(mismatches(&store), [], "restored after {corrupt}");
    }

    // A participant's tally, wrong and then missing altogether.
    let tally_row = format!("user_id = '{}' AND space_id = '{}'", s.supporter, s.space);
    execute_raw(&store, &format!("UPDATE support_tallies SET supports = 4 WHERE {tally_row}")).unwrap();
    let expected =
        Mismatch { table: "support_tallies".into(), id: tally, column: "supports".into(), expected: 1, found: 4 };
    assert_eq!(mismatches(&store), std::slice::from_ref(&expected));
    execute_raw(&store, &format!("DELETE FROM support_tallies WHERE {tally_row}")).unwrap();
    assert_eq!(mismatches(&store), [Mismatch { found: 0, ..expected }]);

    // A hidden reply no longer counts: hiding it behind the counters' back
    // shows on its target and on its ancestor, with its text form.
    execute_raw(
        &store,
        &format!(
            "INSERT INTO support_tallies (user_id, space_id, supports) VALUES ('{}', '{}', 1)",
            s.supporter, s.space
        ),
    )
    .unwrap();
    execute_raw(&store, &format!("UPDATE comments SET hidden = TRUE WHERE id = '{r}'")).unwrap();
    let found: Vec<String> = mismatches(&store).iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            format!("proposals.comments_count of {p}: expected 1, found 2"),
            format!("comments.replies_count of {c}: expected 0, found 1"),
        ]
    );
}

backend_tests!(kept_counters_pass, each_corrupted_counter_is_named);
