//! Helpers shared by the store tests.

#![allow(dead_code)] // Each test file uses some of them.

use chrono::{DateTime, TimeZone, Utc};
use emenda_domain::mail::{Language, Letter, MailKind};
use emenda_domain::proposal::VersionKind;
use emenda_store::outbox::{self, NewMail};
use emenda_store::{proposals, sequences, spaces, users, versions, Store, StoreError};
use uuid::Uuid;

/// Writes `letter` (Italian, of `kind`, made at `at`) to `user` at
/// `recipient` into the outbox; returns its id.
pub fn post_letter(
    store: &Store,
    user: Uuid,
    recipient: &str,
    kind: MailKind,
    letter: &Letter,
    at: DateTime<Utc>,
) -> Uuid {
    let id = Uuid::now_v7();
    let message_id = format!("<{id}@example.it>");
    store
        .write(|tx| {
            outbox::enqueue(
                tx,
                &NewMail {
                    id,
                    message_id: &message_id,
                    user_id: Some(user),
                    recipient,
                    kind,
                    language: Language::It,
                    letter,
                    created_at: at,
                    unsubscribe_url: None,
                },
            )
        })
        .expect("enqueue a letter");
    id
}

/// Every message in an error's chain, so a test can ask which rule refused.
pub fn refusal<T: std::fmt::Debug>(outcome: Result<T, StoreError>) -> String {
    let error = outcome.expect_err("the statement must be refused");
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

pub fn seed_user(store: &Store, nickname: &str) -> Uuid {
    let id = Uuid::now_v7();
    let email = format!("{nickname}@example.it");
    store
        .write(|tx| {
            users::insert(
                tx,
                &users::NewUser {
                    id,
                    email: &email,
                    nickname,
                    display_name: nickname,
                    password_hash: "x",
                    created_at: Utc::now(),
                },
            )
        })
        .expect("insert user");
    id
}

pub fn seed_proposal(store: &Store) -> (Uuid, Uuid) {
    let user = seed_user(store, "autrice");
    let space = spaces::SpaceRecord {
        id: Uuid::now_v7(),
        slug: "spazio".into(),
        title: "Spazio".into(),
        description: String::new(),
        settings: Default::default(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    let proposal = Uuid::now_v7();
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
    store
        .write(|tx| {
            spaces::insert(tx, &space)?;
            let n = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
            proposals::insert(
                tx,
                &proposals::NewProposal {
                    id: proposal,
                    reference: &format!("EMD-PROP-2026-11-{n}"),
                    sequence: n,
                    space_id: space.id,
                    creator_id: user,
                    title: "Titolo di prova",
                    created_at: at,
                    derived_from: None,
                    category: None,
                    area: None,
                },
            )?;
            versions::append(
                tx,
                &versions::NewVersion {
                    proposal_id: proposal,
                    reference: &format!("EMD-PROP-2026-11-{n}"),
                    number: 1,
                    title: "Titolo di prova",
                    body: "Corpo di prova",
                    editor_id: user,
                    kind: VersionKind::Created,
                    amendment_id: None,
                    accepted_by: None,
                    rewritten_by: None,
                    summary: None,
                    created_at: at,
                },
            )
        })
        .map(|_hash| ())
        .expect("seed proposal");
    (proposal, user)
}
