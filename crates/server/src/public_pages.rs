//! The public reading pages, rendered on the server: a proposal, its
//! version list, one version, a comparison of two versions, and a space
//! arrive with their main content, their `<title>` and Open Graph tags in
//! the HTML, so search engines, link previews and a reader whose script
//! does not run (or fails) get the text. The app then takes over the same
//! address and draws the page anew (`web/src/main.tsx`).
//!
//! What is rendered is what an anonymous reader may see, read through the
//! same services as the API; a signed-in reader gets their own view from
//! the app once it runs. In Italian, the site's language, in the app's own
//! words ([`crate::words`], held to its catalogue by a test).

use crate::app::web_assets::{self, WebFiles};
use crate::markdown::{escape, render as markdown};
use crate::words::{fill as say, word};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_api::rate_limit::Limiters;
use emenda_api::state::AppState;
use emenda_domain::diff::{Granularity, OpKind, TextDiff};
use emenda_domain::listing::{ProposalFilter, ProposalSort};
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::reference::ProposalKey;
use emenda_service::ServiceError;
use std::fmt::Write;

/// A page rendered for an address: what goes into the app's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The document's title (plain text).
    pub title: String,
    /// A sentence or two for link previews and search results (plain text).
    pub description: String,
    /// The page's main content (HTML).
    pub main: String,
}

/// What an address holds: a page, nothing there (404), or not a public
/// reading page at all (the app alone draws it).
#[derive(Debug)]
pub enum Outcome {
    /// The page.
    Page(Rendered),
    /// A public reading address whose proposal, version or space does not
    /// exist or may not be seen.
    Missing,
    /// Not one of the addresses rendered here.
    NotRendered,
}

/// Proposals listed on a space's page.
const SPACE_PROPOSALS: i64 = 20;
/// Versions listed on a proposal's version page.
const VERSIONS: i64 = 100;
/// Longest description, in characters.
const DESCRIPTION: usize = 200;

/// Answers a request for the app: a public reading page rendered into the
/// app's page, or, for every other address (and if reading fails), what
/// [`web_assets::serve_from`] serves. A public address with nothing there
/// is the app's page with status 404, so crawlers drop it and the app
/// still says what is missing.
pub async fn serve(files: &WebFiles, state: Option<web::Data<AppState>>, request: &HttpRequest) -> HttpResponse {
    let Some(state) = state.filter(|_| is_candidate(request)) else {
        return web_assets::serve_from(files, request).await;
    };
    // A comparison computes a diff: it counts as the expensive read the
    // API's diff is. Over the limit the page comes without its content
    // (the app's own request for the diff then meets the same limit).
    if request.path().ends_with("/confronto") {
        let limiters = request.app_data::<web::Data<Limiters>>();
        if limiters.is_some_and(|limiters| limiters.charge_expensive_read(request).is_err()) {
            return web_assets::serve_from(files, request).await;
        }
    }
    let (path, query) = (request.path().to_owned(), request.query_string().to_owned());
    let site = state.owner.name.clone();
    let outcome = web::block(move || render(&state, &path, &query)).await;
    let page = match outcome {
        Ok(Ok(Outcome::Page(page))) => Some(page),
        Ok(Ok(Outcome::Missing)) => None,
        Ok(Ok(Outcome::NotRendered)) => return web_assets::serve_from(files, request).await,
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "a public page could not be rendered; the app's page is sent");
            return web_assets::serve_from(files, request).await;
        }
        Err(_) => return web_assets::serve_from(files, request).await,
    };
    let Some(index) = files.read("index.html").await else { return HttpResponse::NotFound().finish() };
    let index = String::from_utf8_lossy(&index).into_owned();
    let (status, body) = match page.as_ref().and_then(|page| fill(&index, page, &site)) {
        Some(filled) => (StatusCode::OK, filled),
        None if page.is_none() => (StatusCode::NOT_FOUND, index),
        None => (StatusCode::OK, index),
    };
    HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
        .insert_header((header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")))
        .body(body)
}

/// Whether the request may be for a public reading page (read only then).
fn is_candidate(request: &HttpRequest) -> bool {
    (request.method() == Method::GET || request.method() == Method::HEAD)
        && ["/proposte/", "/spazi/", "/registro/"].iter().any(|start| request.path().starts_with(start))
}

/// Renders the public page at `path` (with its `query` string), reading as
/// an anonymous reader. Blocking: call it off the async workers.
pub fn render(state: &AppState, path: &str, query: &str) -> Result<Outcome, ServiceError> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let outcome = match segments.as_slice() {
        ["proposte", reference] => proposal(state, reference),
        ["proposte", reference, "versioni"] => versions(state, reference),
        ["proposte", reference, "versioni", number] => match number.parse::<i32>() {
            Ok(number) if number >= 1 => version(state, reference, number),
            _ => return Ok(Outcome::Missing),
        },
        ["proposte", reference, "confronto"] => compare(state, reference, query),
        ["spazi", slug] => space(state, slug),
        ["registro", id] => match uuid::Uuid::parse_str(id) {
            Ok(id) => audit_entry(state, id),
            Err(_) => return Ok(Outcome::Missing),
        },
        _ => return Ok(Outcome::NotRendered),
    };
    match outcome {
        Ok(page) => Ok(Outcome::Page(page)),
        Err(error) if is_missing(&error) => Ok(Outcome::Missing),
        Err(error) => Err(error),
    }
}

fn is_missing(error: &ServiceError) -> bool {
    matches!(error, ServiceError::Rule(rule) if rule.code() == emenda_domain::ErrorCode::NotFound)
}

fn key(reference: &str) -> Result<ProposalKey, ServiceError> {
    ProposalKey::parse(reference).ok_or_else(|| emenda_domain::DomainError::not_found("proposal").into())
}

fn proposal(state: &AppState, reference: &str) -> Result<Rendered, ServiceError> {
    let p = state.proposals.get(&key(reference)?, None)?;
    let mut main = String::new();
    breadcrumb(&mut main, &p.space_slug, &p.space.title);
    let _ = write!(main, "<h1 lang=\"it\">{}</h1>", escape(&p.title));
    let authors: Vec<String> = p.authors.iter().map(|a| escape(shown_name(&a.nickname))).collect();
    let authors_label = word(if authors.len() == 1 { "proposal.authors.one" } else { "proposal.authors.other" });
    let _ = write!(
        main,
        "<p class=\"text-secondary\">{}{sep}{}{sep}{authors_label}: {}</p>",
        state_name(p.state),
        say("versions.entry", &[("n", &p.current_version.to_string())]),
        authors.join(", "),
        sep = word("common.separator"),
    );
    let _ = write!(main, "<div class=\"markdown\" lang=\"it\">{}</div>", markdown(&p.body));
    if let Some(answer) = &p.answer {
        let _ = write!(
            main,
            "<section><h2 class=\"h4\">{}</h2><p class=\"text-secondary\">{}{}{}</p>\
             <div class=\"markdown\" lang=\"it\">{}</div></section>",
            word("proposal.answer"),
            state_name(answer.state),
            word("common.separator"),
            date(answer.created_at),
            markdown(&answer.answer)
        );
    }
    let reference = escape(&p.reference);
    let _ = write!(main, "<p><a href=\"/proposte/{reference}/versioni\">{}</a>", word("versions.heading"));
    if p.current_version > 1 {
        let _ = write!(
            main,
            "{}<a href=\"/proposte/{reference}/confronto?da={}&amp;a={}\">{}</a>",
            word("common.separator"),
            p.current_version - 1,
            p.current_version,
            word("versions.compareWithPrevious")
        );
    }
    main.push_str("</p>");
    Ok(Rendered { title: p.title.clone(), description: description(&p.body), main })
}

fn versions(state: &AppState, reference: &str) -> Result<Rendered, ServiceError> {
    let key = key(reference)?;
    let p = state.proposals.get(&key, None)?;
    let list = state.history.list(&key, None, 0, VERSIONS)?;
    let reference = escape(&p.reference);
    let mut main = String::new();
    breadcrumb(&mut main, &p.space_slug, &p.space.title);
    let title = say("versions.title", &[("title", &p.title)]);
    let _ = write!(main, "<h1>{}</h1><h2 class=\"h4\">{}</h2><ol>", escape(&title), word("versions.heading"));
    let sep = word("common.separator");
    for v in &list {
        let current =
            if v.number == p.current_version { format!("{sep}{}", word("versions.current")) } else { String::new() };
        let _ = write!(
            main,
            "<li><p><a href=\"/proposte/{reference}/versioni/{n}\">{}</a>{current}: {} {}{sep}{}{}</p>",
            say("versions.entry", &[("n", &v.number.to_string())]),
            kind_name(v.kind),
            say("versions.by", &[("name", &escape(shown_name(&v.editor_nickname)))]),
            rewritten(v),
            date(v.created_at),
            n = v.number
        );
        if let Some(summary) = &v.summary {
            let _ = write!(main, "<p lang=\"it\">{}</p>", escape(summary));
        }
        if v.number > 1 {
            let _ = write!(
                main,
                "<p><a href=\"/proposte/{reference}/confronto?da={}&amp;a={n}\">{} \
                 <span class=\"visually-hidden\">({})</span></a></p>",
                v.number - 1,
                word("versions.compareWithPrevious"),
                say("versions.entry", &[("n", &v.number.to_string())]),
                n = v.number
            );
        }
        main.push_str("</li>");
    }
    let _ = write!(main, "</ol><p><a href=\"/proposte/{reference}\">{}</a></p>", word("versions.back"));
    Ok(Rendered { title, description: description(&p.body), main })
}

fn version(state: &AppState, reference: &str, number: i32) -> Result<Rendered, ServiceError> {
    let key = key(reference)?;
    let v = state.history.get(&key, None, number)?;
    let p = state.proposals.get(&key, None)?;
    let reference = escape(&p.reference);
    let mut main = String::new();
    breadcrumb(&mut main, &p.space_slug, &p.space.title);
    let entry = say("versions.entry", &[("n", &number.to_string())]);
    let current = if number == p.current_version { format!(" ({})", word("versions.current")) } else { String::new() };
    let _ = write!(main, "<p class=\"text-secondary\">{entry}{current}</p>");
    let _ = write!(main, "<h1 lang=\"it\">{}</h1>", escape(&v.title));
    let _ = write!(
        main,
        "<p class=\"text-secondary\">{} {}{}{}{}</p>",
        kind_name(v.meta.kind),
        say("versions.by", &[("name", &escape(shown_name(&v.meta.editor_nickname)))]),
        word("common.separator"),
        rewritten(&v.meta),
        date(v.meta.created_at)
    );
    let _ = write!(main, "<div class=\"markdown\" lang=\"it\">{}</div><p>", markdown(&v.body));
    if number > 1 {
        let _ = write!(
            main,
            "<a href=\"/proposte/{reference}/confronto?da={}&amp;a={number}\">{}</a>{}",
            number - 1,
            word("versions.compareWithPrevious"),
            word("common.separator")
        );
    }
    back_links(&mut main, &reference);
    let title = format!("{entry}: {}", v.title);
    Ok(Rendered { title, description: description(&v.body), main })
}

fn compare(state: &AppState, reference: &str, query: &str) -> Result<Rendered, ServiceError> {
    let key = key(reference)?;
    let p = state.proposals.get(&key, None)?;
    let number = |name: &str| {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .and_then(|(_, v)| v.parse::<i32>().ok())
            .filter(|n| (1..=p.current_version).contains(n))
    };
    let to = number("a").unwrap_or(p.current_version);
    let from = number("da").unwrap_or((to - 1).max(1));
    let granularity =
        if query.split('&').any(|pair| pair == "dettaglio=line") { Granularity::Line } else { Granularity::Word };
    let diff = state.history.diff(&key, None, Some(from), Some(to), granularity)?;
    let reference = escape(&p.reference);
    let mut main = String::new();
    breadcrumb(&mut main, &p.space_slug, &p.space.title);
    let title = format!("{}: {}", word("diff.title"), p.title);
    let span = format!(
        "{}{}{}",
        say("diff.before", &[("n", &from.to_string())]),
        word("common.separator"),
        say("diff.after", &[("n", &to.to_string())])
    );
    let _ = write!(
        main,
        "<h1>{}</h1><p>{span}</p><p class=\"small text-secondary\">{}</p>\
         <section aria-label=\"{}\" class=\"diff\">",
        escape(&title),
        word("diff.legend"),
        word("diff.title")
    );
    diff_field(&mut main, word("diff.titleField"), &diff.title);
    diff_field(&mut main, word("diff.bodyField"), &diff.body);
    main.push_str("</section><p>");
    back_links(&mut main, &reference);
    Ok(Rendered { title, description: format!("{}{}{span}.", p.title, word("common.dash")), main })
}

fn space(state: &AppState, slug: &str) -> Result<Rendered, ServiceError> {
    let s = state.spaces.get(slug)?;
    let filter = ProposalFilter { space_id: Some(s.id), ..ProposalFilter::default() };
    let proposals = state.proposals.list(&filter, ProposalSort::Recent, None, SPACE_PROPOSALS)?;
    let mut main = String::new();
    let _ = write!(
        main,
        "<nav aria-label=\"{}\"><p><a href=\"/\">{}</a></p></nav>",
        word("nav.breadcrumb"),
        word("nav.home")
    );
    let _ = write!(main, "<h1 lang=\"it\">{}</h1>", escape(&s.title));
    let _ = write!(main, "<div class=\"markdown\" lang=\"it\">{}</div>", markdown(&s.description));
    let _ = write!(main, "<h2 class=\"h4\">{} ({})</h2><ul>", word("space.proposals"), s.totals.proposals);
    for p in &proposals {
        let _ = write!(
            main,
            "<li><a href=\"/proposte/{}\" lang=\"it\">{}</a>{}{}</li>",
            escape(&p.reference),
            escape(&p.title),
            word("common.separator"),
            state_name(p.state)
        );
    }
    main.push_str("</ul>");
    Ok(Rendered { title: s.title.clone(), description: description(&s.description), main })
}

/// One entry of the public log, said as the app's log says it: what was
/// done, to what (a link), when and by whom, with the reasons and notes
/// people wrote.
fn audit_entry(state: &AppState, id: uuid::Uuid) -> Result<Rendered, ServiceError> {
    let entry = state.audit.entry(None, id)?;
    let details = entry.details.as_object().cloned().unwrap_or_default();
    let text = |key: &str| details.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let action = crate::words::find(&format!("audit.action.{}", entry.action.as_str()))
        .unwrap_or_else(|| word("audit.action.other"));
    let (sep, dash) = (word("common.separator"), word("common.dash"));
    let mut subject = Vec::new();
    let mut subject_text = Vec::new();
    let proposal = text("proposal_reference").or_else(|| text("reference"));
    if let Some(reference) = &proposal {
        let r = escape(reference);
        subject.push(format!("{} <a href=\"/proposte/{r}\">{r}</a>", word("audit.kind.proposal")));
        subject_text.push(format!("{} {reference}", word("audit.kind.proposal")));
    }
    if let (Some(_), Some(created)) = (text("proposal_reference"), text("reference")) {
        let r = escape(&created);
        subject.push(format!("{} <a href=\"/proposte/{r}\">{r}</a>", word("audit.newProposal")));
    }
    if let Some(slug) = text("slug") {
        let title = text("title").unwrap_or_else(|| slug.clone());
        subject.push(format!(
            "{} <a href=\"/spazi/{}\" lang=\"it\">{}</a>",
            word("audit.kind.space"),
            escape(&slug),
            escape(&title)
        ));
        subject_text.push(format!("{} {title}", word("audit.kind.space")));
    }
    if let Some(page) = text("page").filter(|p| ["note-legali", "privacy", "accessibilita"].contains(&p.as_str())) {
        let title = text("title").unwrap_or_else(|| page.clone());
        subject.push(format!(
            "{} <a href=\"/{}\" lang=\"it\">{}</a>",
            word("audit.kind.page"),
            escape(&page),
            escape(&title)
        ));
        subject_text.push(format!("{} {title}", word("audit.kind.page")));
    }
    let mut main = String::new();
    let _ = write!(
        main,
        "<nav aria-label=\"{}\"><p><a href=\"/registro\">{}</a></p></nav><h1>{}</h1><p><strong>{action}</strong>",
        word("nav.breadcrumb"),
        word("audit.title"),
        word("audit.entryTitle")
    );
    if !subject.is_empty() {
        let _ = write!(main, "{dash}{}", subject.join(sep));
    }
    let _ = write!(
        main,
        "</p><p class=\"small text-secondary\"><time datetime=\"{}\">{}</time>",
        entry.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        date(entry.created_at)
    );
    if let Some(name) = &entry.actor_name {
        let _ = write!(main, "{sep}{} <span lang=\"it\">{}</span>", word("audit.by"), escape(shown_name(name)));
    }
    if entry.actor_id.is_none() {
        let _ = write!(main, "{sep}{}", word("audit.automatic"));
    }
    if text("by").as_deref() == Some("command line") {
        let _ = write!(main, "{sep}{}", word("audit.byOperator"));
    }
    main.push_str("</p>");
    let mut facts = Vec::new();
    if let Some(version) = details.get("version").and_then(serde_json::Value::as_i64) {
        facts.push(format!("{}: {version}", word("audit.field.version")));
    }
    for (key, name) in
        [("reason", "audit.field.reason"), ("justification", "audit.field.justification"), ("note", "audit.field.note")]
    {
        if let Some(value) = text(key).filter(|v| !v.is_empty()) {
            facts.push(format!("{}: <span lang=\"it\">{}</span>", word(name), escape(&value)));
        }
    }
    if !facts.is_empty() {
        let _ = write!(main, "<p class=\"small\">{}</p>", facts.join(sep));
    }
    let _ = write!(main, "<p><a href=\"/registro\">{}</a></p>", word("audit.backToLog"));
    let mut description = action.to_owned();
    if !subject_text.is_empty() {
        description = format!("{description}{dash}{}", subject_text.join(sep));
    }
    description = format!("{description}{sep}{}", date(entry.created_at));
    Ok(Rendered { title: format!("{}: {action}", word("audit.entryTitle")), description, main })
}

fn breadcrumb(main: &mut String, space_slug: &str, space_title: &str) {
    let _ = write!(
        main,
        "<nav aria-label=\"{}\"><p><a href=\"/\">{}</a> › <a href=\"/spazi/{}\" lang=\"it\">{}</a></p></nav>",
        word("nav.breadcrumb"),
        word("nav.home"),
        escape(space_slug),
        escape(space_title)
    );
}

/// One field of a comparison, marked as the app marks it: insertions in
/// `<ins>`, deletions in `<del>`, each named for a screen reader.
fn diff_field(main: &mut String, label: &str, diff: &TextDiff) {
    let _ = write!(main, "<div class=\"diff-field\"><h2 class=\"h6\">{label}</h2>");
    if diff.ops.iter().all(|op| op.op == OpKind::Equal) {
        let _ = write!(main, "<p class=\"text-secondary\">{}</p></div>", word("diff.noChange"));
        return;
    }
    main.push_str("<div class=\"diff-text\" lang=\"it\">");
    for op in &diff.ops {
        let text = escape(&op.text);
        match op.op {
            OpKind::Equal => main.push_str(&text),
            OpKind::Insert => {
                let _ = write!(
                    main,
                    "<ins class=\"diff-ins\"><span class=\"visually-hidden\">[{}: </span>{text}\
                     <span class=\"visually-hidden\">]</span></ins>",
                    word("diff.inserted")
                );
            }
            OpKind::Delete => {
                let _ = write!(
                    main,
                    "<del class=\"diff-del\"><span class=\"visually-hidden\">[{}: </span>{text}\
                     <span class=\"visually-hidden\">]</span></del>",
                    word("diff.removed")
                );
            }
        }
    }
    main.push_str("</div></div>");
}

/// The links back from a version or a comparison, closing its paragraph.
fn back_links(main: &mut String, reference: &str) {
    let _ = write!(
        main,
        "<a href=\"/proposte/{reference}/versioni\">{}</a>{}<a href=\"/proposte/{reference}\">{}</a></p>",
        word("versions.heading"),
        word("common.separator"),
        word("versions.back")
    );
}

/// The credit of the staff member who rewrote a version's text on
/// accepting its amendment, with its separator; empty when nobody did.
fn rewritten(v: &emenda_participation::views::VersionSummary) -> String {
    v.rewritten_by_nickname.as_deref().map_or_else(String::new, |name| {
        format!("{}{}", say("versions.rewrittenBy", &[("name", &escape(shown_name(name)))]), word("common.separator"))
    })
}

/// A person's name or handle as a page shows it: an erased account's
/// (an empty name, or the handle `deleted-` and 32 hex digits, which no
/// chosen handle can be) is "Partecipante eliminato".
fn shown_name(name: &str) -> &str {
    let erased_handle = name
        .strip_prefix("deleted-")
        .is_some_and(|hex| hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    if name.is_empty() || erased_handle {
        word("common.deletedPerson")
    } else {
        name
    }
}

fn state_name(state: ProposalState) -> &'static str {
    word(match state {
        ProposalState::Published => "state.published",
        ProposalState::Evaluating => "state.evaluating",
        ProposalState::Accepted => "state.accepted",
        ProposalState::Rejected => "state.rejected",
        ProposalState::Withdrawn => "state.withdrawn",
    })
}

fn kind_name(kind: VersionKind) -> &'static str {
    word(match kind {
        VersionKind::Created => "versions.kind.created",
        VersionKind::Edited => "versions.kind.edited",
        VersionKind::Amendment => "versions.kind.amendment",
        VersionKind::StaffEdit => "versions.kind.staff_edit",
    })
}

/// A date as the Italian interface writes it (`7/12/2026`), in UTC.
fn date(at: DateTime<Utc>) -> String {
    at.format("%-d/%-m/%Y").to_string()
}

/// The start of a Markdown text as plain words, for a description.
fn description(source: &str) -> String {
    let plain: String = source
        .chars()
        .map(|c| if matches!(c, '#' | '*' | '_' | '>' | '`' | '[' | ']' | '|' | '~') { ' ' } else { c })
        .collect();
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > DESCRIPTION {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The app's page with `page` in it: its title, description and Open
/// Graph tags in the head, its content inside the app's root element.
/// `None` when the page lacks the places they go (an app built without
/// them: it is then served as it is).
pub fn fill(index: &str, page: &Rendered, site_name: &str) -> Option<String> {
    const TITLE: &str = "<title>Emenda</title>";
    const ROOT: &str = "<div id=\"app\"></div>";
    if !index.contains(TITLE) || !index.contains(ROOT) {
        return None;
    }
    let title = escape(&page.title);
    let description = escape(&page.description);
    let site = escape(site_name);
    let head = format!(
        "<title>{title} · {site}</title>\n  <meta name=\"description\" content=\"{description}\">\n  \
         <meta property=\"og:type\" content=\"article\">\n  <meta property=\"og:title\" content=\"{title}\">\n  \
         <meta property=\"og:description\" content=\"{description}\">\n  \
         <meta property=\"og:site_name\" content=\"{site}\">\n  <meta property=\"og:locale\" content=\"it_IT\">"
    );
    let body = format!(
        "<div id=\"app\"><div class=\"container my-4\" data-server-rendered>\
         <header class=\"mb-3\"><a href=\"/\" class=\"fw-semibold\">{site}</a></header>{}\
         <footer class=\"mt-5\"><p class=\"small\">{site} · <a href=\"/note-legali\">Note legali</a> · \
         <a href=\"/privacy\">Privacy</a> · <a href=\"/accessibilita\">Dichiarazione di accessibilità</a> · \
         <a href=\"/registro\">Registro pubblico</a></p></footer></div></div>",
        format_args!("<main id=\"main\">{}</main>", page.main)
    );
    Some(index.replacen(TITLE, &head, 1).replacen(ROOT, &body, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Rendered {
        Rendered {
            title: "Piste <ciclabili> & \"sicure\"".into(),
            description: "Una rete \"continua\".".into(),
            main: "<h1>Piste</h1>".into(),
        }
    }

    #[test]
    fn the_page_gets_title_tags_and_content_escaped() {
        let index = "<html><head>\n  <title>Emenda</title>\n</head><body>\n  <div id=\"app\"></div>\n</body></html>";
        let filled = fill(index, &page(), "Comune di Prova").expect("the places are there");
        assert!(filled.contains("<title>Piste &lt;ciclabili&gt; &amp; &quot;sicure&quot; · Comune di Prova</title>"));
        assert!(filled
            .contains("<meta property=\"og:title\" content=\"Piste &lt;ciclabili&gt; &amp; &quot;sicure&quot;\">"));
        assert!(filled.contains("<meta name=\"description\" content=\"Una rete &quot;continua&quot;.\">"));
        assert!(filled.contains("<main id=\"main\"><h1>Piste</h1></main>"));
        assert!(!filled.contains("<title>Emenda</title>"));
        assert_eq!(fill("<html></html>", &page(), "x"), None, "an app without the places is left as it is");
    }

    #[test]
    fn descriptions_are_plain_and_short() {
        assert_eq!(description("# Titolo\n\n**Una** _rete_ di [piste](/x)."), "Titolo Una rete di piste (/x).");
        let long = "parola ".repeat(100);
        let cut = description(&long);
        assert!(cut.chars().count() <= DESCRIPTION + 1 && cut.ends_with('…'), "{cut}");
    }
}
