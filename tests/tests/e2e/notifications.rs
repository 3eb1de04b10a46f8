//! Notifications reach exactly the right people: followers (made by
//! authoring, supporting, amending and commenting, or by hand) hear of a
//! new version, an answer and a threshold; authors of decisions on their
//! amendments, replies to their comments and hides of their content.
//! Nobody hears of their own act; a blocked person hears nothing; hidden
//! content notifies nobody. And letters: immediate ones go at once with a
//! one-click unsubscribe, daily ones do not.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_store::Backend;
use emenda_test_support::smtp::SmtpServer;
use emenda_tests::{backend_tests, TestApp, TestUser, PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const SPACE: &str = "piazza";

/// Waits until every event written so far has been fanned out.
fn settle(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.store.read(emenda_store::notifications::pending_events).unwrap() > 0 {
        assert!(Instant::now() < deadline, "the fan-out did not catch up");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The kinds of `who`'s notifications, oldest first.
fn kinds(app: &TestApp, who: &TestUser) -> Vec<String> {
    let page = app.get("/api/v1/me/notifications?limit=100", Some(&who.token)).expect(200).clone();
    let mut kinds: Vec<String> =
        page["items"].as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap().to_owned()).collect();
    kinds.reverse();
    kinds
}

fn latest(app: &TestApp, who: &TestUser) -> Value {
    app.get("/api/v1/me/notifications?limit=1", Some(&who.token)).expect(200)["items"][0].clone()
}

fn edit(app: &TestApp, author: &TestUser, reference: &str, base: i64, body: &str) {
    app.post(
        &format!("/api/v1/proposals/{reference}/versions"),
        Some(&author.token),
        json!({ "title": "Alberi in via Roma", "body": body, "base_version": base }),
    )
    .expect(201);
}

/// Who hears of each kind of event, and who does not.
fn each_event_reaches_exactly_its_people(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let staff = app.participant("staff");
    app.grant_staff(&admin, &staff, SPACE);
    let (autrice, sostenitore, seguace, commentatrice, bloccato, estraneo) = (
        app.participant("autrice"),
        app.participant("sostenitore"),
        app.participant("seguace"),
        app.participant("commentatrice"),
        app.participant("bloccato"),
        app.participant("estraneo"),
    );
    let created = app.proposal(&autrice, SPACE, "Alberi in via Roma");
    let reference = created["reference"].as_str().unwrap().to_owned();
    let proposal_id: uuid::Uuid = created["id"].as_str().unwrap().parse().unwrap();
    app.call("PUT", &format!("/api/v1/proposals/{reference}/support"), Some(&sostenitore.token), None).expect(201);
    app.call("PUT", &format!("/api/v1/proposals/{reference}/follow"), Some(&seguace.token), None).expect(200);
    app.call("PUT", &format!("/api/v1/proposals/{reference}/follow"), Some(&bloccato.token), None).expect(200);
    let comment = app
        .post(
            &format!("/api/v1/proposals/{reference}/comments"),
            Some(&commentatrice.token),
            json!({ "body": "Sono d'accordo, servono alberi." }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Following is made by acting: the author, the supporter and the
    // commenter follow now, with the one who followed by hand.
    let followers = app.get(&format!("/api/v1/proposals/{reference}/follow"), Some(&autrice.token)).expect(200).clone();
    assert_eq!(followers["followers"], 5, "{followers}");
    app.post(
        &format!("/api/v1/moderation/users/{}/block", bloccato.id),
        Some(&admin.token),
        json!({ "justification": "Messaggi offensivi ripetuti" }),
    )
    .expect(200);

    // A new version: every follower but its author, and not the blocked.
    edit(&app, &autrice, &reference, 1, "Un testo abbastanza lungo, ora con più alberi.");
    settle(&app);
    assert_eq!(kinds(&app, &sostenitore), ["version_published"]);
    assert_eq!(kinds(&app, &seguace), ["version_published"]);
    assert_eq!(kinds(&app, &commentatrice), ["version_published"]);
    assert!(kinds(&app, &autrice).is_empty(), "not of one's own act");
    assert!(kinds(&app, &estraneo).is_empty());
    assert!(
        app.store
            .read(|tx| emenda_store::notifications::list(tx, bloccato.id.parse().unwrap(), None, false, 10))
            .unwrap()
            .is_empty(),
        "a blocked person hears nothing"
    );
    let told = latest(&app, &sostenitore);
    assert_eq!(
        (told["payload"]["version"].as_i64(), told["payload"]["supported_version"].as_i64()),
        (Some(2), Some(1))
    );
    assert_eq!(told["payload"]["reference"], reference.as_str());
    assert!(latest(&app, &seguace)["payload"].get("supported_version").is_none(), "only supporters have a version");

    // A reply: the comment's author alone.
    app.post(
        &format!("/api/v1/proposals/{reference}/comments"),
        Some(&sostenitore.token),
        json!({ "body": "Anche io, soprattutto in estate.", "parent_id": comment }),
    )
    .expect(201);
    settle(&app);
    assert_eq!(kinds(&app, &commentatrice), ["version_published", "comment_reply"]);
    assert_eq!(latest(&app, &commentatrice)["payload"]["by"], "sostenitore");
    assert_eq!(kinds(&app, &sostenitore), ["version_published"], "not of one's own reply");

    // An amendment rejected: its author alone, with the reason.
    let amendment = app
        .post(
            &format!("/api/v1/proposals/{reference}/amendments"),
            Some(&seguace.token),
            json!({ "title": "Alberi in via Roma", "body": "Un testo abbastanza lungo, con alberi e panchine.",
                    "rationale": "Rende la proposta più completa.", "base_version": 2 }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(
        &format!("/api/v1/moderation/amendments/{amendment}/reject"),
        Some(&staff.token),
        json!({ "reason": "Le panchine sono già previste altrove." }),
    )
    .expect(200);
    settle(&app);
    assert_eq!(kinds(&app, &seguace), ["version_published", "amendment_decided"]);
    let decided = latest(&app, &seguace);
    assert_eq!(
        (decided["payload"]["outcome"].as_str(), decided["payload"]["reason"].as_str()),
        (Some("rejected"), Some("Le panchine sono già previste altrove."))
    );
    assert_eq!(kinds(&app, &autrice), Vec::<String>::new());

    // Hidden: its author is told why. An event about it whose fan-out
    // comes after the hide (an edit that committed just before it) then
    // notifies nobody.
    app.post(
        &format!("/api/v1/moderation/proposals/{proposal_id}/hide"),
        Some(&staff.token),
        json!({ "note": "Dati personali nel testo." }),
    )
    .expect(200);
    let ctx = emenda_service::ServiceContext::from(app.store.clone());
    let late =
        NotificationPayload { version: Some(3), reference: Some(reference.clone()), ..NotificationPayload::default() };
    app.store
        .write(|tx| {
            ctx.notify(
                tx,
                NotificationKind::VersionPublished,
                Some(autrice.id.parse().unwrap()),
                Some(proposal_id),
                None,
                &late,
            )
        })
        .unwrap();
    settle(&app);
    assert_eq!(kinds(&app, &autrice), ["content_hidden"]);
    assert_eq!(latest(&app, &autrice)["payload"]["reason"], "Dati personali nel testo.");
    assert_eq!(kinds(&app, &seguace).len(), 2, "hidden content notifies nobody");

    // Visible again: an answer reaches followers and authors, not staff.
    app.post(&format!("/api/v1/moderation/proposals/{proposal_id}/unhide"), Some(&staff.token), json!({})).expect(200);
    app.post(
        &format!("/api/v1/moderation/proposals/{proposal_id}/answer"),
        Some(&staff.token),
        json!({ "state": "accepted", "answer": "Il Comune pianterà gli alberi." }),
    )
    .expect(200);
    settle(&app);
    assert_eq!(kinds(&app, &autrice), ["content_hidden", "proposal_answered"]);
    assert_eq!(kinds(&app, &seguace).last().unwrap(), "proposal_answered");
    assert_eq!(latest(&app, &seguace)["payload"]["outcome"], "accepted");
    assert!(kinds(&app, &staff).is_empty());
    assert!(kinds(&app, &estraneo).is_empty());

    // Read one, then all; the count follows.
    let page = app.get("/api/v1/me/notifications", Some(&seguace.token)).expect(200).clone();
    assert_eq!(page["unread"], 3);
    let newest = page["items"][0]["id"].as_str().unwrap().to_owned();
    app.post(&format!("/api/v1/me/notifications/{newest}/read"), Some(&seguace.token), json!({})).expect(204);
    app.post(&format!("/api/v1/me/notifications/{newest}/read"), Some(&estraneo.token), json!({}))
        .expect_problem(404, "not_found");
    assert_eq!(
        app.get("/api/v1/me/notifications?unread=true", Some(&seguace.token)).expect(200)["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(app.post("/api/v1/me/notifications/read", Some(&seguace.token), json!({})).expect(200)["marked"], 2);
    assert_eq!(app.get("/api/v1/me/notifications", Some(&seguace.token)).expect(200)["unread"], 0);
    app.get("/api/v1/me/notifications", None).expect_problem(401, "unauthenticated");
}

/// Reaching the threshold tells followers and authors, not the supporter
/// whose support reached it.
fn a_threshold_reached_is_told(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({ "support_threshold": 1 }));
    let autrice = app.participant("autrice");
    let seguace = app.participant("seguace");
    let sostenitore = app.participant("sostenitore");
    let reference = app.proposal(&autrice, SPACE, "Alberi in via Roma")["reference"].as_str().unwrap().to_owned();
    app.call("PUT", &format!("/api/v1/proposals/{reference}/follow"), Some(&seguace.token), None).expect(200);
    app.call("PUT", &format!("/api/v1/proposals/{reference}/support"), Some(&sostenitore.token), None).expect(201);
    settle(&app);
    assert_eq!(kinds(&app, &autrice), ["proposal_qualified"]);
    assert_eq!(kinds(&app, &seguace), ["proposal_qualified"]);
    assert!(kinds(&app, &sostenitore).is_empty());
}

fn confirmed(app: &TestApp, smtp: &SmtpServer, nickname: &str) -> TestUser {
    let email = format!("{nickname}@example.it");
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": email, "password": PASSWORD, "nickname": nickname, "display_name": nickname, "privacy_version": 1 }),
    )
    .expect(201);
    let deadline = Instant::now() + Duration::from_secs(20);
    let token = loop {
        if let Some(letter) = smtp.messages_to(&email).first() {
            break letter.link_token().unwrap();
        }
        assert!(Instant::now() < deadline, "no confirmation letter");
        std::thread::sleep(Duration::from_millis(50));
    };
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect(204);
    app.login(&email)
}

/// An immediate kind sends a letter with a one-click unsubscribe that
/// works without signing in; a daily kind comes in one digest a day; a
/// chosen `never` is kept.
fn letters_follow_each_persons_choice(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let autrice = confirmed(&app, &smtp, "autrice");
    let lettrice = confirmed(&app, &smtp, "lettrice");
    let reference = app.proposal(&autrice, SPACE, "Alberi in via Roma")["reference"].as_str().unwrap().to_owned();
    let comment = app
        .post(
            &format!("/api/v1/proposals/{reference}/comments"),
            Some(&lettrice.token),
            json!({ "body": "Un commento." }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let settings = app.get("/api/v1/me/notification-settings", Some(&lettrice.token)).expect(200).clone();
    assert!(settings.as_array().unwrap().contains(&json!({ "kind": "version_published", "delivery": "daily" })));
    assert!(settings.as_array().unwrap().contains(&json!({ "kind": "comment_reply", "delivery": "immediate" })));

    // A new version (daily for the commenter): in the app, no letter.
    edit(&app, &autrice, &reference, 1, "Un testo abbastanza lungo, ora con più alberi.");
    // A reply (immediate): a letter.
    app.post(
        &format!("/api/v1/proposals/{reference}/comments"),
        Some(&autrice.token),
        json!({ "body": "Grazie!", "parent_id": comment }),
    )
    .expect(201);
    settle(&app);
    let deadline = Instant::now() + Duration::from_secs(20);
    let letter = loop {
        if let Some(letter) = smtp.messages_to(&lettrice.email).into_iter().find(|m| m.subject.contains("risposto")) {
            break letter;
        }
        assert!(Instant::now() < deadline, "no reply letter");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(letter.subject, "autrice ha risposto al tuo commento");
    assert_eq!(letter.headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
    let header = letter.headers["List-Unsubscribe"].as_str().unwrap();
    assert!(
        header.starts_with("<https://partecipa.comune.prova.it/api/v1/notifications/unsubscribe?token="),
        "{header}"
    );
    assert!(letter.text.contains("https://partecipa.comune.prova.it/disiscriviti#token="));
    // The new version (daily) comes in the day's digest, not at once.
    let deadline = Instant::now() + Duration::from_secs(20);
    let digest = loop {
        if let Some(letter) =
            smtp.messages_to(&lettrice.email).into_iter().find(|m| m.subject.starts_with("Le novità di oggi"))
        {
            break letter;
        }
        assert!(Instant::now() < deadline, "no digest");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(digest.subject, "Le novità di oggi su Comune di Prova");
    assert!(digest.text.contains("• Nuova versione: Alberi in via Roma"), "{}", digest.text);
    assert!(digest.text.contains("https://partecipa.comune.prova.it/profilo"), "{}", digest.text);
    assert!(!digest.text.contains("risposto"), "an immediate kind is not in the digest: {}", digest.text);
    assert_eq!(smtp.messages_to(&lettrice.email).len(), 3, "the confirmation, the reply and the digest");

    // One click, without signing in: replies no longer come by e-mail.
    let path = header.trim_start_matches("<https://partecipa.comune.prova.it").trim_end_matches('>');
    app.post(path, None, json!({})).expect(200);
    let settings = app.get("/api/v1/me/notification-settings", Some(&lettrice.token)).expect(200).clone();
    assert!(settings.as_array().unwrap().contains(&json!({ "kind": "comment_reply", "delivery": "never" })));
    app.post("/api/v1/notifications/unsubscribe?token=forged", None, json!({})).expect_problem(401, "token_invalid");
    // An access token is no unsubscribe token, nor the other way round.
    app.post(&format!("/api/v1/notifications/unsubscribe?token={}", lettrice.token), None, json!({}))
        .expect_problem(401, "token_invalid");
    let unsubscribe_token = path.split("token=").nth(1).unwrap();
    app.get("/api/v1/me", Some(unsubscribe_token)).expect_problem(401, "token_invalid");

    app.post(
        &format!("/api/v1/proposals/{reference}/comments"),
        Some(&autrice.token),
        json!({ "body": "Ancora grazie!", "parent_id": comment }),
    )
    .expect(201);
    settle(&app);
    std::thread::sleep(Duration::from_millis(1_500));
    // Nor a second digest the same day, for a version published since.
    edit(&app, &autrice, &reference, 2, "Un testo abbastanza lungo, ora con più alberi e ombra.");
    settle(&app);
    std::thread::sleep(Duration::from_millis(2_500));
    assert_eq!(smtp.messages_to(&lettrice.email).len(), 3, "no letter after unsubscribing, no second digest in a day");
    assert_eq!(kinds(&app, &lettrice).iter().filter(|k| *k == "comment_reply").count(), 2, "in the app it still comes");
}

backend_tests!(each_event_reaches_exactly_its_people, a_threshold_reached_is_told, letters_follow_each_persons_choice);
