//! An erased person's name leaves the letters to others that name them,
//! and nothing else in any letter changes: a name is often a word, or a
//! part of another name.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{post_letter, seed_user};
use chrono::Utc;
use emenda_domain::mail::{Letter, MailKind};
use emenda_store::testing::{letter_bodies, query_text, TestDatabase};
use emenda_store::{backend_tests, erasure, users, Backend, Store};
use uuid::Uuid;

fn post(store: &Store, to: Uuid, kind: MailKind, subject: &str, text: &str, html: &str) -> Uuid {
    let letter = Letter { subject: subject.into(), text: text.into(), html: html.into() };
    post_letter(store, to, "marta@example.it", kind, &letter, Utc::now())
}

fn letter(store: &Store, id: Uuid) -> (String, String, String) {
    let subject = query_text(store, &format!("SELECT subject AS value FROM mail_outbox WHERE id = '{id}'")).unwrap();
    let (text, html) = store.read(|tx| letter_bodies(tx, id)).unwrap();
    (subject[0].clone(), text, html)
}

fn only_the_phrase_naming_the_person_changes(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let anna = seed_user(&store, "anna");
    let marta = seed_user(&store, "marta");
    let reply = post(
        &store,
        marta,
        MailKind::Notification,
        "anna ha risposto al tuo commento",
        "Ciao marta,\n\nanna ha risposto al tuo commento sulla proposta «Orti».\n\n",
        "<p>Ciao marta,</p>\n<p>anna ha risposto al tuo commento sulla proposta «Orti».</p>\n",
    );
    let digest = post(
        &store,
        marta,
        MailKind::Digest,
        "Le novità di oggi",
        "Ciao marta,\n\n• anna ha risposto al tuo commento: https://x/1\n• marianna ha risposto al tuo commento: https://x/2\n",
        "<p>• anna ha risposto al tuo commento: https://x/1</p>\n<p>• marianna ha risposto al tuo commento: https://x/2</p>\n",
    );
    let other_reply = post(
        &store,
        marta,
        MailKind::Notification,
        "marianna ha risposto al tuo commento",
        "Ciao marta,\n\nmarianna ha risposto al tuo commento sulla proposta «Orti».\n\n",
        "<p>marianna ha risposto al tuo commento sulla proposta «Orti».</p>\n",
    );
    let unrelated = post(
        &store,
        marta,
        MailKind::ConfirmAddress,
        "Conferma il tuo indirizzo su anna.example",
        "Ciao marta,\n\nanna ha risposto al tuo commento? No: apri https://anna.example/conferma#token=anna\n",
        "<p>https://anna.example/conferma#token=anna</p>\n",
    );
    let before: Vec<_> = [other_reply, unrelated].iter().map(|id| letter(&store, *id)).collect();

    store
        .write(|tx| {
            let user = users::find_for_update(tx, anna)?.unwrap();
            erasure::erase(tx, &user, Utc::now())
        })
        .unwrap();

    let (subject, text, html) = letter(&store, reply);
    assert_eq!(subject, "Un partecipante eliminato ha risposto al tuo commento");
    assert!(text.contains("\n\nUn partecipante eliminato ha risposto al tuo commento sulla proposta"), "{text}");
    assert!(html.contains("<p>Un partecipante eliminato ha risposto"), "{html}");
    let (_, text, html) = letter(&store, digest);
    assert!(
        text.contains("• Un partecipante eliminato ha risposto") && text.contains("• marianna ha risposto"),
        "{text}"
    );
    assert!(html.contains("<p>• Un partecipante eliminato ha risposto") && html.contains("<p>• marianna"), "{html}");
    let after: Vec<_> = [other_reply, unrelated].iter().map(|id| letter(&store, *id)).collect();
    assert_eq!(after, before, "letters that do not name her are untouched");
}

backend_tests!(only_the_phrase_naming_the_person_changes);
