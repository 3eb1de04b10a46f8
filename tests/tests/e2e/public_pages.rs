//! The public reading pages the server renders into the app's page: what an
//! anonymous reader may see, with its title and link-preview tags, and
//! nothing of what they may not (a hidden proposal's pages are 404 and
//! carry none of its text).
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::json;

/// The page at `path` as an anonymous reader gets it: status and HTML.
fn page(app: &TestApp, path: &str) -> (u16, String) {
    let reply = app.get(path, None);
    assert!(reply.content_type.starts_with("text/html"), "{path}: {}", reply.content_type);
    (reply.status, reply.body.as_str().unwrap_or_default().to_owned())
}

fn readers_get_the_text_in_the_page(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    let author = app.participant("anna");
    let title = "Piste \"ciclabili\" & sicure";
    let created = app
        .post(
            "/api/v1/spaces/quartieri/proposals",
            Some(&author.token),
            json!({ "title": title, "body": "Una rete **continua** di piste.\n\n<script>alert(1)</script>" }),
        )
        .expect(201)
        .clone();
    let reference = created["reference"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/proposals/{reference}/versions"),
        Some(&author.token),
        json!({ "title": title, "body": "Una rete **continua** di piste protette.", "base_version": 1 }),
    )
    .expect(201);

    let (status, html) = page(&app, &format!("/proposte/{reference}"));
    assert_eq!(status, 200);
    let escaped = "Piste &quot;ciclabili&quot; &amp; sicure";
    assert!(html.contains(&format!("<title>{escaped} · Comune di Prova</title>")), "{html}");
    assert!(html.contains(&format!("<meta property=\"og:title\" content=\"{escaped}\">")), "{html}");
    assert!(html.contains(&format!("<h1 lang=\"it\">{escaped}</h1>")), "{html}");
    assert!(html.contains("<p>Una rete <strong>continua</strong> di piste protette.</p>"), "{html}");
    assert!(html.contains("Versione 2"), "{html}");

    let (status, html) = page(&app, &format!("/proposte/{reference}/versioni/1"));
    assert_eq!(status, 200);
    assert!(html.contains("<p>Una rete <strong>continua</strong> di piste.</p>"), "version 1 whole: {html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"), "{html}");

    let (status, html) = page(&app, &format!("/proposte/{reference}/versioni"));
    assert_eq!(status, 200);
    assert!(html.contains(&format!("href=\"/proposte/{reference}/versioni/2\"")), "{html}");

    let (status, html) = page(&app, &format!("/proposte/{reference}/confronto?da=1&a=2"));
    assert_eq!(status, 200);
    assert!(html.contains("protette"), "{html}");
    assert!(html.contains("<ins class=\"diff-ins\">"), "{html}");

    let (status, html) = page(&app, "/spazi/quartieri");
    assert_eq!(status, 200);
    assert!(html.contains(&format!("<a href=\"/proposte/{reference}\" lang=\"it\">{escaped}</a>")), "{html}");

    for missing in ["/proposte/TST-PROP-2020-1-1", "/spazi/altrove", &format!("/proposte/{reference}/versioni/3")] {
        let (status, html) = page(&app, missing);
        assert_eq!(status, 404, "{missing}");
        assert!(html.contains("<div id=\"app\"></div>"), "{missing}: the app's page, to say what is missing");
    }

    // Hidden: none of its pages says anything of it to a reader.
    let id = created["id"].as_str().unwrap();
    app.post(&format!("/api/v1/moderation/proposals/{id}/hide"), Some(&admin.token), json!({})).expect(200);
    for path in ["", "/versioni", "/versioni/1", "/confronto?da=1&a=2"] {
        let (status, html) = page(&app, &format!("/proposte/{reference}{path}"));
        assert_eq!(status, 404, "{path}");
        assert!(!html.contains("ciclabili"), "{path}: {html}");
    }
    let (_, html) = page(&app, "/spazi/quartieri");
    assert!(!html.contains("ciclabili"), "the space no longer lists it: {html}");
}

/// A comparison computes a diff, like the API's: it spends the caller's
/// budget of expensive reads, and past it the page comes without content.
fn comparisons_count_as_expensive_reads(backend: Backend) {
    let limits =
        emenda_api::rate_limit::RateLimits { expensive_reads_per_minute: 2, ..emenda_tests::generous_rate_limits() };
    let app = TestApp::spawn_with_limits(backend, limits);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    let author = app.participant("anna");
    let created = app.proposal(&author, "quartieri", "Piste ciclabili sicure");
    let reference = created["reference"].as_str().unwrap().to_owned();
    let compare = format!("/proposte/{reference}/confronto?da=1&a=1");
    for _ in 0..2 {
        let (status, html) = page(&app, &compare);
        assert_eq!(status, 200);
        assert!(html.contains("Confronto tra versioni"), "{html}");
    }
    let (status, html) = page(&app, &compare);
    assert_eq!(status, 200, "the app's page, which asks the API itself");
    assert!(html.contains("<div id=\"app\"></div>") && !html.contains("Confronto tra versioni"), "{html}");
    app.get(&format!("/api/v1/proposals/{reference}/diff?from=1&to=1"), None).expect_problem(429, "rate_limited");
    let (_, html) = page(&app, &format!("/proposte/{reference}"));
    assert!(html.contains("Piste ciclabili sicure"), "other pages are not expensive reads: {html}");
}

/// The id of the newest entry of `action` in the log as `token` reads it.
fn newest_entry(app: &TestApp, token: &str, action: &str) -> String {
    let page = app.get(&format!("/api/v1/audit?action={action}&limit=1"), Some(token)).expect(200).clone();
    page["items"][0]["id"].as_str().unwrap().to_owned()
}

/// An entry of the public log has a page of its own, in words, with a link
/// to what it is about; an entry a reader may not see in the log (a
/// staff-only one, one about a hidden proposal) is 404 and says nothing.
fn log_entries_have_pages_in_words(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    let author = app.participant("anna");
    let created = app.proposal(&author, "quartieri", "Piste ciclabili sicure");
    let (id, reference) = (created["id"].as_str().unwrap(), created["reference"].as_str().unwrap());
    let published = newest_entry(&app, &admin.token, "proposal.created");
    let registered = newest_entry(&app, &admin.token, "user.registered");

    let (status, html) = page(&app, &format!("/registro/{published}"));
    assert_eq!(status, 200);
    assert!(
        html.contains("<title>Voce del registro pubblico: Proposta pubblicata · Comune di Prova</title>"),
        "{html}"
    );
    assert!(html.contains(&format!("Proposta <a href=\"/proposte/{reference}\">{reference}</a>")), "{html}");
    assert!(html.contains("da <span lang=\"it\">anna</span>"), "who: {html}");

    let (status, html) = page(&app, &format!("/registro/{registered}"));
    assert_eq!(status, 404, "a staff-only entry");
    assert!(html.contains("<div id=\"app\"></div>") && !html.contains("Nuovo account"), "{html}");

    let hide = json!({ "note": "Contenuto offensivo, segnalato più volte." });
    app.post(&format!("/api/v1/moderation/proposals/{id}/hide"), Some(&admin.token), hide).expect(200);
    let (status, html) = page(&app, &format!("/registro/{published}"));
    assert_eq!(status, 404, "about a hidden proposal");
    assert!(!html.contains("anna") && !html.contains(reference), "{html}");
    let hidden = newest_entry(&app, &admin.token, "content.hidden");
    let (status, html) = page(&app, &format!("/registro/{hidden}"));
    assert_eq!(status, 200, "moderation acts stay public");
    assert!(html.contains("nota: <span lang=\"it\">Contenuto offensivo, segnalato più volte.</span>"), "{html}");
    for missing in ["/registro/nessuna", &format!("/registro/{}", uuid::Uuid::now_v7())] {
        assert_eq!(page(&app, missing).0, 404, "{missing}");
    }
}

/// Staff who rewrite an amendment's text on accepting it are credited in
/// the version, in the API and on the server's pages.
fn a_rewritten_merge_credits_the_staff_member(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    let (author, amender) = (app.participant("anna"), app.participant("bruno"));
    let created = app.proposal(&author, "quartieri", "Piste ciclabili sicure");
    let reference = created["reference"].as_str().unwrap();
    let amendment = json!({ "title": "Piste ciclabili sicure", "body": "Una rete continua di piste protette.",
        "rationale": "Serve più protezione.", "base_version": 1 });
    let amendment = app.post(&format!("/api/v1/proposals/{reference}/amendments"), Some(&amender.token), amendment);
    let id = amendment.expect(201)["id"].as_str().unwrap().to_owned();
    let own = json!({ "body": "Una rete continua di piste protette e illuminate." });
    app.post(&format!("/api/v1/moderation/amendments/{id}/accept"), Some(&admin.token), own).expect(200);

    let versions = app.get(&format!("/api/v1/proposals/{reference}/versions"), None).expect(200).clone();
    let second = &versions["items"][1];
    assert_eq!(
        (second["editor_nickname"].as_str(), second["rewritten_by"].as_str()),
        (Some("bruno"), Some(admin.id.as_str()))
    );
    let admin_name = second["rewritten_by_nickname"].as_str().unwrap().to_owned();
    let credit = format!("testo finale scritto dallo staff: {admin_name}");
    for path in ["/versioni", "/versioni/2"] {
        let (status, html) = page(&app, &format!("/proposte/{reference}{path}"));
        assert_eq!(status, 200);
        assert!(html.contains(&credit) && html.contains("di bruno"), "{path}: {html}");
    }
    let (_, html) = page(&app, &format!("/proposte/{reference}/versioni/1"));
    assert!(!html.contains("testo finale scritto"), "only the rewritten version: {html}");
}

backend_tests!(
    a_rewritten_merge_credits_the_staff_member,
    readers_get_the_text_in_the_page,
    comparisons_count_as_expensive_reads,
    log_entries_have_pages_in_words
);
