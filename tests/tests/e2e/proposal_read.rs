//! A proposal read with its first lists (`GET /proposals/{id}?include=…`):
//! each list is exactly the first page its own address gives, its cursor
//! goes on there, `include` is checked, and private supporters stay private.
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser};
use serde_json::{json, Value};

const SPACE: &str = "giardini";
const TITLE: &str = "Più alberi nei giardini di quartiere";
const BODY: &str = "Proponiamo di piantare dieci alberi nei giardini. Poi di curarli ogni anno.";

struct World {
    app: TestApp,
    admin: TestUser,
    staff: TestUser,
    id: String,
}

fn world(backend: Backend, settings: Value) -> World {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, settings);
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, SPACE);
    let author = app.participant("autrice");
    let created = app.post(
        &format!("/api/v1/spaces/{SPACE}/proposals"),
        Some(&author.token),
        json!({ "title": TITLE, "body": BODY }),
    );
    let id = created.expect(201)["id"].as_str().unwrap().to_owned();
    World { app, admin, staff, id }
}

impl World {
    fn read(&self, query: &str, who: Option<&TestUser>) -> emenda_tests::Reply {
        self.app.get(&format!("/api/v1/proposals/{}{query}", self.id), who.map(|u| u.token.as_str()))
    }
}

fn a_read_with_include_carries_the_first_page_of_each_list(backend: Backend) {
    let w = world(backend, json!({}));
    let app = &w.app;
    // 21 supporters: one more than a page, so the included page has a cursor.
    for i in 0..21 {
        let citizen = app.participant(&format!("cittadino{i}"));
        app.call("PUT", &format!("/api/v1/proposals/{}/support", w.id), Some(&citizen.token), None).expect(201);
        if i == 0 {
            let amendment = json!({
                "title": TITLE,
                "body": BODY.replace("dieci", "dodici"),
                "rationale": "Dieci alberi sono pochi.",
                "base_version": 1,
            });
            app.post(&format!("/api/v1/proposals/{}/amendments", w.id), Some(&citizen.token), amendment).expect(201);
        }
    }
    let answer = json!({ "state": "evaluating", "answer": "La stiamo valutando." });
    app.post(&format!("/api/v1/moderation/proposals/{}/answer", w.id), Some(&w.staff.token), answer).expect(200);

    let plain = w.read("", None);
    assert!(plain.expect(200).get("included").is_none(), "no lists without include");
    let read = w.read("?include=answers,supporters,amendments", None);
    let body = read.expect(200).clone();
    let included = &body["included"];
    let own = |list: &str| app.get(&format!("/api/v1/proposals/{}/{list}", w.id), None).expect(200).clone();
    assert_eq!(included["answers"], own("answers"));
    assert_eq!(included["supporters"], own("supporters"));
    assert_eq!(included["amendments"], own("amendments"));
    assert_eq!(included["supporters_private"], false);
    assert_eq!(included["supporters"]["items"].as_array().unwrap().len(), 20);
    // The proposal's own fields are all there, as without include.
    let mut without = body.clone();
    without.as_object_mut().unwrap().remove("included");
    assert_eq!(&without, plain.expect(200));
    // The cursor goes on at the list's own address.
    let cursor = included["supporters"]["next_cursor"].as_str().expect("a second page");
    let rest = app.get(&format!("/api/v1/proposals/{}/supporters?cursor={cursor}", w.id), None);
    assert_eq!(rest.expect(200)["items"].as_array().unwrap().len(), 1);
    // Each amendment comes with its change in its sentence.
    let excerpt = &included["amendments"]["items"][0]["excerpt"];
    assert_eq!(
        (&excerpt["field"], &excerpt["before"], &excerpt["removed"], &excerpt["inserted"], &excerpt["after"]),
        (
            &json!("body"),
            &json!("Proponiamo di piantare "),
            &json!("dieci"),
            &json!("dodici"),
            &json!(" alberi nei giardini.")
        )
    );
    // One list alone; the lists are part of the tag.
    let only = w.read("?include=amendments", None);
    assert!(only.expect(200)["included"].get("supporters").is_none());
    assert!(only.body["included"].get("answers").is_none());
    assert_ne!(only.etag, plain.etag);
    assert_ne!(read.etag, only.etag);
    let again = app.call_with(
        "GET",
        &format!("/api/v1/proposals/{}?include=answers,supporters,amendments", w.id),
        None,
        None,
        &[("If-None-Match", read.etag.as_deref().unwrap())],
    );
    assert_eq!(again.status, 304, "an unchanged read with its lists revalidates");
}

fn include_is_checked_and_private_supporters_stay_private(backend: Backend) {
    let w = world(backend, json!({ "supporters_public": false }));
    let app = &w.app;
    let citizen = app.participant("cittadina");
    app.call("PUT", &format!("/api/v1/proposals/{}/support", w.id), Some(&citizen.token), None).expect(201);
    for bad in ["comments", "answers,answers", "", "answers,", "Answers"] {
        let reply = w.read(&format!("?include={bad}"), None);
        let problem = reply.expect_problem(422, "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "include", "{bad}: {problem}");
    }
    for who in [None, Some(&citizen)] {
        let read = w.read("?include=supporters", who);
        let included = &read.expect(200)["included"];
        assert_eq!(included["supporters_private"], true);
        assert!(included.get("supporters").is_none(), "{included}");
    }
    for who in [&w.staff, &w.admin] {
        let read = w.read("?include=supporters", Some(who));
        let included = &read.expect(200)["included"];
        assert_eq!(included["supporters_private"], false);
        assert_eq!(included["supporters"]["items"].as_array().unwrap().len(), 1);
    }
}

backend_tests!(
    a_read_with_include_carries_the_first_page_of_each_list,
    include_is_checked_and_private_supporters_stay_private
);
