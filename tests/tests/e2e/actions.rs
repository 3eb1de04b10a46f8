//! The `actions` of a proposal and of an amendment tell the caller what
//! they may do. For every role and every flag, the flag a reader is shown
//! is true exactly when the write it names then succeeds for them. Each
//! pair is tried on a fresh proposal (and amendment), so no attempt
//! changes what another one sees.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, TestUser};
use serde_json::{json, Value};

const SPACE: &str = "quartiere";
const ELSEWHERE: &str = "altrove";
const TITLE: &str = "Una panchina nuova in piazza";
const CHANGED: &str = "Un testo cambiato, ancora abbastanza lungo per essere valido.";

/// Who reads and then tries the write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// No token.
    Anonymous,
    /// A participant who wrote neither the proposal nor the amendment.
    Participant,
    /// The author of the item tried: the proposal's, or the amendment's.
    Author,
    /// Staff of the proposal's space.
    Staff,
    /// Staff of another space only.
    StaffElsewhere,
    /// An administrator (staff powers everywhere).
    Admin,
    /// A participant blocked by an admin: their token is refused, so they
    /// are shown no actions at all.
    Blocked,
}

const ROLES: [Role; 7] =
    [Role::Anonymous, Role::Participant, Role::Author, Role::Staff, Role::StaffElsewhere, Role::Admin, Role::Blocked];

const PROPOSAL_FLAGS: [&str; 10] =
    ["support", "withdraw_support", "amend", "comment", "edit", "withdraw", "answer", "report", "moderate", "file"];

/// An amendment flag, and the amendment it is tried on: a fresh one under
/// evaluation, or one staff rejected (the only one that can be promoted).
const AMENDMENT_FLAGS: [(&str, Fixture); 6] = [
    ("withdraw", Fixture::Evaluating),
    ("promote", Fixture::Evaluating),
    ("promote", Fixture::Rejected),
    ("accept", Fixture::Evaluating),
    ("reject", Fixture::Evaluating),
    ("comment", Fixture::Evaluating),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fixture {
    Evaluating,
    Rejected,
}

struct World {
    app: TestApp,
    admin: TestUser,
    author: TestUser,
    amender: TestUser,
    participant: TestUser,
    staff: TestUser,
    elsewhere: TestUser,
    blocked: TestUser,
}

fn grant_staff(app: &TestApp, admin: &TestUser, user: &TestUser, space: &str) {
    let role = json!({ "role": "staff", "space": space });
    app.call("PUT", &format!("/api/v1/moderation/users/{}/roles", user.id), Some(&admin.token), Some(&role))
        .expect(200);
}

fn world(backend: Backend) -> World {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    app.space(&admin, ELSEWHERE, json!({}));
    let author = app.participant("autrice");
    let amender = app.participant("emendatore");
    let participant = app.participant("cittadina");
    let staff = app.participant("ufficio");
    grant_staff(&app, &admin, &staff, SPACE);
    let elsewhere = app.participant("ufficio_altrove");
    grant_staff(&app, &admin, &elsewhere, ELSEWHERE);
    let blocked = app.participant("bloccato");
    app.post(
        &format!("/api/v1/moderation/users/{}/block", blocked.id),
        Some(&admin.token),
        json!({ "justification": "Messaggi offensivi ripetuti" }),
    )
    .expect(200);
    World { app, admin, author, amender, participant, staff, elsewhere, blocked }
}

impl World {
    /// The user acting in `role`; `item_author` is who wrote the item tried.
    fn user<'a>(&'a self, role: Role, item_author: &'a TestUser) -> Option<&'a TestUser> {
        match role {
            Role::Anonymous => None,
            Role::Participant => Some(&self.participant),
            Role::Author => Some(item_author),
            Role::Staff => Some(&self.staff),
            Role::StaffElsewhere => Some(&self.elsewhere),
            Role::Admin => Some(&self.admin),
            Role::Blocked => Some(&self.blocked),
        }
    }

    fn fresh_proposal(&self) -> String {
        self.app.proposal(&self.author, SPACE, TITLE)["id"].as_str().unwrap().to_owned()
    }

    fn fresh_amendment(&self, fixture: Fixture) -> String {
        let proposal = self.fresh_proposal();
        let request = json!({
            "title": TITLE, "body": CHANGED, "rationale": "Il testo attuale non basta.", "base_version": 1
        });
        let created =
            self.app.post(&format!("/api/v1/proposals/{proposal}/amendments"), Some(&self.amender.token), request);
        let id = created.expect(201)["id"].as_str().unwrap().to_owned();
        if fixture == Fixture::Rejected {
            let reason = json!({ "reason": "Non è il momento." });
            let path = format!("/api/v1/moderation/amendments/{id}/reject");
            self.app.post(&path, Some(&self.admin.token), reason).expect(200);
        }
        id
    }

    /// The flag `reader` is shown on `path`: false when the item cannot be
    /// read at all (a blocked account is refused everything).
    fn shown(&self, path: &str, reader: Option<&TestUser>, role: Role, flag: &str) -> bool {
        let reply = self.app.get(path, reader.map(|u| u.token.as_str()));
        if role == Role::Blocked {
            reply.expect_problem(403, "account_blocked");
            return false;
        }
        let flags = &reply.expect(200)["actions"];
        flags[flag].as_bool().unwrap_or_else(|| panic!("no `{flag}` in {flags}"))
    }

    /// Tries the write `flag` names on the proposal `id`.
    fn try_on_proposal(&self, id: &str, flag: &str, who: Option<&TestUser>) -> Reply {
        let token = who.map(|u| u.token.as_str());
        let path = format!("/api/v1/proposals/{id}");
        let app = &self.app;
        match flag {
            "support" => app.call("PUT", &format!("{path}/support"), token, None),
            "withdraw_support" => app.call("DELETE", &format!("{path}/support"), token, None),
            "amend" => app.post(
                &format!("{path}/amendments"),
                token,
                json!({ "title": TITLE, "body": CHANGED, "rationale": "Il testo attuale non basta.", "base_version": 1 }),
            ),
            "comment" => app.post(&format!("{path}/comments"), token, json!({ "body": "Sono d'accordo." })),
            "edit" => {
                app.post(&format!("{path}/versions"), token, json!({ "title": TITLE, "body": CHANGED, "base_version": 1 }))
            }
            "withdraw" => app.post(&format!("{path}/withdraw"), token, json!({})),
            "answer" => app.post(
                &format!("/api/v1/moderation/proposals/{id}/answer"),
                token,
                json!({ "state": "evaluating", "answer": "La stiamo valutando." }),
            ),
            "report" => app.post(
                "/api/v1/reports",
                token,
                json!({ "target": { "kind": "proposal", "id": id }, "reason": "spam" }),
            ),
            "moderate" => app.post(&format!("/api/v1/moderation/proposals/{id}/hide"), token, json!({})),
            "file" => app.call("PUT", &format!("{path}/filing"), token, Some(&json!({}))),
            other => panic!("no write for `{other}`"),
        }
    }

    /// Tries the write `flag` names on the amendment `id`.
    fn try_on_amendment(&self, id: &str, flag: &str, who: Option<&TestUser>) -> Reply {
        let token = who.map(|u| u.token.as_str());
        let app = &self.app;
        match flag {
            "withdraw" => app.post(&format!("/api/v1/amendments/{id}/withdraw"), token, json!({})),
            "promote" => app.post(&format!("/api/v1/amendments/{id}/promote"), token, json!({})),
            "accept" => app.post(&format!("/api/v1/moderation/amendments/{id}/accept"), token, json!({})),
            "reject" => app.post(
                &format!("/api/v1/moderation/amendments/{id}/reject"),
                token,
                json!({ "reason": "Non è il momento." }),
            ),
            "comment" => {
                app.post(&format!("/api/v1/amendments/{id}/comments"), token, json!({ "body": "Sono d'accordo." }))
            }
            other => panic!("no write for `{other}`"),
        }
    }
}

/// One tried pair: what the reader was shown, and how the write answered.
struct Outcome {
    role: Role,
    flag: &'static str,
    /// The flag and, where it matters, the state of the item it was tried on.
    case: String,
    shown: bool,
    status: u16,
    code: String,
}

impl Outcome {
    fn succeeded(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Every pair agrees, and every flag is both granted and refused to
/// someone (a flag that is always false, or always true, would pass
/// vacuously).
fn assert_agree(what: &str, outcomes: &[Outcome]) {
    let disagreeing: Vec<String> = outcomes
        .iter()
        .filter(|o| o.shown != o.succeeded())
        .map(|o| format!("{:?} {}: shown {}, the write answered {} {}", o.role, o.case, o.shown, o.status, o.code))
        .collect();
    assert!(disagreeing.is_empty(), "{what} actions disagree with their writes:\n{}", disagreeing.join("\n"));
    let mut flags: Vec<&str> = outcomes.iter().map(|o| o.flag).collect();
    flags.sort_unstable();
    flags.dedup();
    for flag in flags {
        let shown: Vec<bool> = outcomes.iter().filter(|o| o.flag == flag).map(|o| o.shown).collect();
        assert!(shown.contains(&true) && shown.contains(&false), "{what} `{flag}` is never or always granted");
    }
}

fn proposal_actions_match_their_writes(backend: Backend) {
    let w = world(backend);
    let mut outcomes = Vec::new();
    for role in ROLES {
        let who = w.user(role, &w.author);
        for flag in PROPOSAL_FLAGS {
            let id = w.fresh_proposal();
            let shown = w.shown(&format!("/api/v1/proposals/{id}"), who, role, flag);
            let reply = w.try_on_proposal(&id, flag, who);
            let (status, code) = (reply.status, reply.code().into());
            outcomes.push(Outcome { role, flag, case: flag.into(), shown, status, code });
        }
    }
    assert_agree("proposal", &outcomes);
}

fn amendment_actions_match_their_writes(backend: Backend) {
    let w = world(backend);
    let mut outcomes = Vec::new();
    for role in ROLES {
        let who = w.user(role, &w.amender);
        for (flag, fixture) in AMENDMENT_FLAGS {
            let id = w.fresh_amendment(fixture);
            let shown = w.shown(&format!("/api/v1/amendments/{id}"), who, role, flag);
            let reply = w.try_on_amendment(&id, flag, who);
            let (status, code) = (reply.status, reply.code().into());
            outcomes.push(Outcome { role, flag, case: format!("{flag} ({fixture:?})"), shown, status, code });
        }
    }
    assert_agree("amendment", &outcomes);
}

/// The actions follow the reader, the entity tag does not: it names the
/// proposal's data, which is the same for every reader here.
fn actions_are_the_readers_and_the_tag_is_the_datas(backend: Backend) {
    let w = world(backend);
    let id = w.fresh_proposal();
    let path = format!("/api/v1/proposals/{id}");
    let anonymous = w.app.get(&path, None);
    let author = w.app.get(&path, Some(&w.author.token));
    let staff = w.app.get(&path, Some(&w.staff.token));
    let actions = |reply: &Reply| reply.body["actions"].clone();
    assert_eq!(actions(&anonymous), json!(all_false(&PROPOSAL_FLAGS)));
    assert_eq!(actions(&author)["edit"], true);
    assert_eq!((actions(&staff)["edit"].clone(), actions(&staff)["moderate"].clone()), (json!(false), json!(true)));
    assert_eq!(author.etag, anonymous.etag, "the author's tag is everyone's");
    assert_eq!(staff.etag, anonymous.etag, "the staff's tag is everyone's");
    let edited = w.app.post(
        &format!("{path}/versions"),
        Some(&w.author.token),
        json!({ "title": TITLE, "body": CHANGED, "base_version": 1 }),
    );
    assert_eq!(edited.expect(201)["actions"]["edit"], true, "the edit's answer is the author's representation");
    assert_eq!(edited.etag, w.app.get(&path, None).etag, "and carries the tag every reader gets");
}

fn all_false(flags: &[&str]) -> Value {
    Value::Object(flags.iter().map(|f| ((*f).to_owned(), Value::Bool(false))).collect())
}

backend_tests!(
    proposal_actions_match_their_writes,
    amendment_actions_match_their_writes,
    actions_are_the_readers_and_the_tag_is_the_datas,
);
