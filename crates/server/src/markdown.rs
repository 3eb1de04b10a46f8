//! Markdown from people, made safe HTML for the server-rendered pages by
//! the same rules as the web app's renderer (`web/src/markdown.ts`), so a
//! page reads the same before and after the app takes over:
//!
//! - raw HTML is never passed through: it is shown as text;
//! - links keep only `http(s):`, `mailto:` and addresses without a scheme;
//!   any other (`javascript:`, `data:`) leaves its text unlinked; links
//!   carry `rel="nofollow ugc noopener"`;
//! - an image from another site (which the CSP would block) becomes a link
//!   named by its alt text; an image here gets `loading="lazy"`;
//! - headings start at `h3`, so people's text never breaks the page's
//!   outline;
//! - GitHub's extensions the app knows: tables (aligned with `align`, as
//!   the CSP refuses `style` attributes), strikethrough, task lists, and
//!   bare `http(s)://` and `www.` addresses made links (bare e-mail
//!   addresses stay text on both sides).
//!
//! `web/browser/markdown.test.mjs` renders one corpus both ways and
//! compares the two documents a browser builds from them.

use pulldown_cmark::{html, Alignment, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, TextMergeStream};

/// Safe HTML for untrusted Markdown.
pub fn render(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = TextMergeStream::new(Parser::new_ext(source, options));
    let mut safe = Safe::default();
    let mut out = Vec::new();
    for event in events {
        safe.push(event, &mut out);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut html, out.into_iter());
    html
}

/// Whether `href` may be linked to: `http(s):` and `mailto:`, or no scheme
/// at all before the first `/`, `?` or `#` (an address on this site).
pub fn safe_url(href: &str) -> bool {
    let trimmed = href.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("mailto:") {
        return true;
    }
    let before_path = trimmed.split(['/', '?', '#']).next().unwrap_or_default();
    !before_path.contains(':')
}

/// Whether `href` points at this site: a relative address. (The app also
/// treats an absolute address on its own origin as local; the server does
/// not know the origin it is reached by, so such an image is a link here.)
fn same_site(href: &str) -> bool {
    let trimmed = href.trim();
    safe_url(trimmed) && !trimmed.contains(':') && !trimmed.starts_with("//")
}

/// HTML-escapes `text` as the app does (`&`, `<`, `>`, `"`, `'`).
pub fn escape(text: &str) -> String {
    emenda_domain::text::escape_html(text)
}

fn link_open(href: &str, title: &str) -> String {
    let title = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(title)) };
    format!("<a href=\"{}\"{title} rel=\"nofollow ugc noopener\">", escape(href))
}

/// The rewriting state: where the events are (inside a link, an image's
/// alt text, a table) as they go by.
#[derive(Default)]
struct Safe<'a> {
    /// Per open link: whether it was kept (its end then closes it).
    links: Vec<bool>,
    /// The image whose alt text is being read: its address and title.
    image: Option<(CowStr<'a>, CowStr<'a>, String)>,
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
    body_open: bool,
    in_code: bool,
}

impl<'a> Safe<'a> {
    fn push(&mut self, event: Event<'a>, out: &mut Vec<Event<'a>>) {
        if let Some((_, _, alt)) = &mut self.image {
            match event {
                Event::End(TagEnd::Image) => {
                    if let Some((href, title, alt)) = self.image.take() {
                        out.push(Event::Html(image(&href, &title, &alt).into()));
                    }
                }
                Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                    alt.push_str(&text)
                }
                Event::SoftBreak | Event::HardBreak => alt.push('\n'),
                _ => {}
            }
            return;
        }
        match event {
            Event::Html(text) | Event::InlineHtml(text) => out.push(Event::Text(text)),
            Event::Start(Tag::Heading { level, .. }) => {
                out.push(Event::Html(format!("<h{}>", heading(level as usize)).into()))
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::Html(format!("</h{}>\n", heading(level as usize)).into()))
            }
            Event::Start(Tag::Link { link_type, dest_url, title, .. }) => {
                // `<name@example.org>` comes without its scheme.
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                let kept = safe_url(&href);
                self.links.push(kept);
                if kept {
                    out.push(Event::Html(link_open(&href, &title).into()));
                }
            }
            Event::End(TagEnd::Link) => {
                if self.links.pop().unwrap_or(false) {
                    out.push(Event::Html("</a>".into()));
                }
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => self.image = Some((dest_url, title, String::new())),
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                self.body_open = false;
                out.push(Event::Html("<table>\n".into()));
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.cell = 0;
                out.push(Event::Html("<thead>\n<tr>\n".into()));
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                out.push(Event::Html("</tr>\n</thead>\n".into()));
            }
            Event::Start(Tag::TableRow) => {
                self.cell = 0;
                let open = if self.body_open { "" } else { "<tbody>" };
                self.body_open = true;
                out.push(Event::Html(format!("{open}<tr>\n").into()));
            }
            Event::End(TagEnd::TableRow) => out.push(Event::Html("</tr>\n".into())),
            Event::Start(Tag::TableCell) => {
                let name = if self.in_head { "th" } else { "td" };
                let align = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => " align=\"left\"",
                    Some(Alignment::Center) => " align=\"center\"",
                    Some(Alignment::Right) => " align=\"right\"",
                    _ => "",
                };
                out.push(Event::Html(format!("<{name}{align}>").into()));
            }
            Event::End(TagEnd::TableCell) => {
                let name = if self.in_head { "th" } else { "td" };
                self.cell += 1;
                out.push(Event::Html(format!("</{name}>\n").into()));
            }
            Event::End(TagEnd::Table) => {
                let close = if self.body_open { "</tbody>" } else { "" };
                out.push(Event::Html(format!("{close}</table>\n").into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.in_code = true;
                out.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code = false;
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Text(text) if !self.in_code && self.links.is_empty() => autolink(text, out),
            other => out.push(other),
        }
    }
}

/// The heading level people's `#` gets: two below, at most `h6`.
fn heading(depth: usize) -> usize {
    (depth + 2).min(6)
}

fn image(href: &str, title: &str, alt: &str) -> String {
    if !safe_url(href) {
        return escape(alt);
    }
    if !same_site(href) {
        let name = if alt.trim().is_empty() { href } else { alt.trim() };
        return format!("{}{}</a>", link_open(href, title), escape(name));
    }
    let title = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(title)) };
    format!("<img src=\"{}\" alt=\"{}\"{title} loading=\"lazy\">", escape(href), escape(alt))
}

/// Text with its bare addresses (`https://…`, `http://…`, `www.…`) made
/// links, as GitHub's extended autolinks: the address runs to a space or
/// `<`, then gives back trailing punctuation, an unmatched `)` and a
/// trailing entity-like `&…;`.
fn autolink<'a>(text: CowStr<'a>, out: &mut Vec<Event<'a>>) {
    let mut rest: &str = &text;
    let mut found = false;
    while let Some((start, end)) = next_address(rest) {
        found = true;
        if start > 0 {
            out.push(Event::Text(rest[..start].to_owned().into()));
        }
        let address = &rest[start..end];
        let href = if address.starts_with("www.") { format!("http://{address}") } else { address.to_owned() };
        out.push(Event::Html(link_open(&href, "").into()));
        out.push(Event::Text(address.to_owned().into()));
        out.push(Event::Html("</a>".into()));
        rest = &rest[end..];
    }
    if !found {
        out.push(Event::Text(text));
    } else if !rest.is_empty() {
        out.push(Event::Text(rest.to_owned().into()));
    }
}

/// Where the next bare address in `text` starts and ends.
fn next_address(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while from < text.len() {
        let candidates = ["https://", "http://", "www."];
        let start = candidates.iter().filter_map(|prefix| text[from..].find(prefix).map(|i| from + i)).min()?;
        let prefix_len = candidates.iter().find(|p| text[start..].starts_with(**p)).map_or(0, |p| p.len());
        // `www.` only starts a word (after a space, `*`, `_`, `~` or `(`).
        let starts_word = text[..start].chars().last().is_none_or(|c| c.is_whitespace() || "*_~(".contains(c));
        if prefix_len == 4 && !starts_word {
            from = start + prefix_len;
            continue;
        }
        let after = &text[start + prefix_len..];
        // At least one character of a domain name after the prefix.
        let domain = after.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.').count();
        if domain == 0 {
            from = start + prefix_len;
            continue;
        }
        let run = text[start..].find(|c: char| c.is_whitespace() || c == '<').unwrap_or(text.len() - start);
        let kept = backpedal(&text[start..start + run]);
        if kept.len() <= prefix_len {
            from = start + prefix_len;
            continue;
        }
        return Some((start, start + kept.len()));
    }
    None
}

/// The address without what GitHub's rules give back at its end, repeated
/// until nothing more goes.
fn backpedal(address: &str) -> &str {
    let mut current = address;
    loop {
        let trimmed = trim_once(current);
        if trimmed.len() == current.len() {
            return current;
        }
        current = trimmed;
    }
}

fn trim_once(address: &str) -> &str {
    // Cut at an opening parenthesis that never closes.
    let mut depth = 0usize;
    for (i, c) in address.char_indices() {
        match c {
            '(' => {
                if !address[i..].contains(')') {
                    return &address[..i];
                }
                depth += 1;
            }
            ')' if depth > 0 => depth -= 1,
            _ => {}
        }
    }
    if let Some(stripped) = address.strip_suffix(';') {
        if let Some(amp) = stripped.rfind('&') {
            if stripped[amp + 1..].bytes().all(|b| b.is_ascii_alphanumeric()) && amp + 1 < stripped.len() {
                return &address[..amp];
            }
        }
    }
    let last = address.chars().last();
    match last {
        Some('?' | '!' | '.' | ',' | ':' | ';' | '*' | '_' | '\'' | '"' | '~') => &address[..address.len() - 1],
        Some(')') => {
            let open = address.matches('(').count();
            let close = address.matches(')').count();
            if close > open {
                &address[..address.len() - 1]
            } else {
                address
            }
        }
        _ => address,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("Ciao <script>alert(1)</script> e <b>grassetto</b>\n\n<div onclick=\"x\">blocco</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn only_safe_links_are_kept() {
        let html =
            render("[a](javascript:alert(1)) [b](https://example.org/città) [c](/proposte/X) [d](data:text/html,x)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("<a href=\"https://example.org/città\" rel=\"nofollow ugc noopener\">b</a>"), "{html}");
        assert!(html.contains("<a href=\"/proposte/X\" rel=\"nofollow ugc noopener\">c</a>"), "{html}");
        assert!(html.starts_with("<p>a <a") && html.ends_with(" d</p>\n"), "unsafe links keep their text: {html}");
    }

    #[test]
    fn images_from_elsewhere_become_links() {
        let html = render("![mappa](/assets/mappa.png) ![foto](https://example.org/f.jpg \"Foto\") ![x](javascript:1)");
        assert!(html.contains("<img src=\"/assets/mappa.png\" alt=\"mappa\" loading=\"lazy\">"), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://example.org/f.jpg\" title=\"Foto\" rel=\"nofollow ugc noopener\">foto</a>"
            ),
            "{html}"
        );
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn headings_start_below_the_page_title() {
        assert_eq!(render("# Uno\n\n#### Quattro\n\n###### Sei"), "<h3>Uno</h3>\n<h6>Quattro</h6>\n<h6>Sei</h6>\n");
    }

    #[test]
    fn tables_align_without_style_attributes() {
        let html = render("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
        assert!(html.contains("<th align=\"center\">a</th>"), "{html}");
        assert!(html.contains("<td align=\"right\">2</td>"), "{html}");
        assert!(!html.contains("style"), "{html}");
        assert!(!render("| a |\n|---|\n").contains("tbody"), "no body without rows");
    }

    #[test]
    fn bare_addresses_become_links_without_their_punctuation() {
        let html = render("Vedi https://www.comune.it/bando. Oppure (www.esempio.it/a_(b)) e http://x.org/?q=1&amp;");
        assert!(html.contains("<a href=\"https://www.comune.it/bando\" rel=\"nofollow ugc noopener\">https://www.comune.it/bando</a>."), "{html}");
        assert!(
            html.contains(
                "<a href=\"http://www.esempio.it/a_(b)\" rel=\"nofollow ugc noopener\">www.esempio.it/a_(b)</a>)"
            ),
            "{html}"
        );
        assert!(!render("`https://x.org` e [t](https://y.org)").contains("x.org\" rel"), "no link inside code");
    }

    #[test]
    fn the_shared_corpus_renders_safely() {
        let corpus: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../web/test/markdown-corpus.json")).expect("the corpus is JSON");
        assert!(corpus.len() >= 20);
        for entry in corpus {
            let html = render(entry["source"].as_str().expect("a source"));
            for refused in ["<script", "<div", "<span", "javascript:", "<!--"] {
                assert!(!html.contains(refused), "{}: {refused} in {html}", entry["name"]);
            }
            for tag in html.split('<').skip(1).map(|rest| rest.split('>').next().unwrap_or_default()) {
                assert!(!tag.contains("onclick"), "{}: a handler in <{tag}>", entry["name"]);
            }
        }
    }

    #[test]
    fn scheme_rules_match_the_app() {
        for (href, safe) in [
            ("https://a.b", true),
            ("HTTP://a.b", true),
            ("mailto:a@b.c", true),
            ("/proposte", true),
            ("pagina?x=a:b", true),
            ("javascript:alert(1)", false),
            (" JavaScript:alert(1)", false),
            ("data:text/html,x", false),
            ("vbscript:x", false),
        ] {
            assert_eq!(safe_url(href), safe, "{href}");
        }
    }
}
