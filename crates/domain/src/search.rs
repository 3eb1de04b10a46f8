//! Full-text search in Italian, the same on both backends: one normaliser
//! and one stemmer, here, turn a text into terms before anything reaches a
//! database (SQLite's FTS5 and PostgreSQL's text search only match the
//! terms they are given, with no language of their own). So "scuola" finds
//! "scuole" (Snowball's Italian stemmer), "citta" finds "città" (accents
//! are dropped after stemming), and common words ("della", "per") are left
//! out of both the index and the query.

use crate::codes::FieldCode;
use crate::error::DomainError;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most terms a query keeps (the first ones): each is one more index lookup.
pub const MAX_QUERY_TERMS: usize = 8;
/// Characters of a snippet around its first match.
pub const SNIPPET_CHARS: usize = 180;

/// Words too common to say anything about a text (articles, prepositions
/// with their elided and joined forms, conjunctions, the commonest verbs),
/// compared after lower-casing and dropping accents.
const STOPWORDS: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "all", "alla", "alle", "allo", "anche", "c", "che", "chi", "ci", "col", "come",
    "con", "cui", "d", "da", "dagli", "dai", "dal", "dall", "dalla", "dalle", "dallo", "degli", "dei", "del", "dell",
    "della", "delle", "dello", "di", "e", "ed", "fra", "gli", "ha", "hanno", "i", "il", "in", "l", "la", "le", "lo",
    "ma", "ne", "negli", "nei", "nel", "nell", "nella", "nelle", "nello", "non", "o", "per", "piu", "quel", "quella",
    "quello", "questa", "questo", "se", "si", "sono", "su", "sugli", "sui", "sul", "sull", "sulla", "sulle", "sullo",
    "tra", "un", "una", "uno",
];

/// The text without its accents and other combining marks.
fn without_accents(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The words of `text`: runs of letters and digits, lower-cased.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The search term of one word, or `None` for a common word: lower-cased,
/// stemmed (Italian), then stripped of accents.
fn term(stemmer: &Stemmer, word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if STOPWORDS.contains(&without_accents(&lower).as_str()) {
        return None;
    }
    let stem = without_accents(&stemmer.stem(&lower));
    (!stem.is_empty()).then_some(stem)
}

fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::Italian)
}

/// The distinct terms of `text`, in order of first appearance: what the
/// index holds for a title or a body.
pub fn terms(text: &str) -> Vec<String> {
    let stemmer = stemmer();
    // A text repeats its words (a few hundred distinct ones in a long
    // text): each is stemmed once.
    let mut done: HashSet<&str> = HashSet::new();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (_, word) in words(text) {
        if !done.insert(word) {
            continue;
        }
        if let Some(term) = term(&stemmer, word) {
            if seen.insert(term.clone()) {
                out.push(term);
            }
        }
    }
    out
}

/// The terms of a query (field `q`): every one must match. A blank query
/// is `required`, one over [`MAX_QUERY_CHARS`] characters `too_long`, one
/// of common words only `no_letters` (nothing to look for); past
/// [`MAX_QUERY_TERMS`] terms the rest are ignored.
pub fn query_terms(raw: &str) -> Result<Vec<String>, DomainError> {
    if raw.trim().is_empty() {
        return Err(DomainError::invalid("q", FieldCode::Required, "say what to look for"));
    }
    if raw.chars().count() > MAX_QUERY_CHARS {
        return Err(DomainError::invalid("q", FieldCode::TooLong, format!("at most {MAX_QUERY_CHARS} characters")));
    }
    let mut terms = terms(raw);
    if terms.is_empty() {
        return Err(DomainError::invalid("q", FieldCode::NoLetters, "only common words: nothing to look for"));
    }
    terms.truncate(MAX_QUERY_TERMS);
    Ok(terms)
}

/// A piece of a snippet: text, and whether it is a word the query matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnippetPart {
    /// The text, as written (Markdown marks left out).
    pub text: String,
    /// True for a word the query matched: to highlight.
    pub matched: bool,
}

/// The passage of `text` around its first word matching `terms`, cut at
/// words to about [`SNIPPET_CHARS`] characters, as pieces to highlight;
/// `None` when no word matches (the match was in the title).
pub fn snippet(text: &str, terms: &[String]) -> Option<Vec<SnippetPart>> {
    let plain: String = text.chars().filter(|c| !matches!(c, '*' | '_' | '`' | '#' | '>' | '[' | ']')).collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    let stemmer = stemmer();
    let wanted: HashSet<&str> = terms.iter().map(String::as_str).collect();
    // Each distinct word is stemmed once, and the scan stops past the
    // window: a 20,000-character text costs a few hundred stems, not all.
    let mut known: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for (at, word) in words(&plain) {
        if matches.first().is_some_and(|&(first, _)| at > first + 4 * SNIPPET_CHARS) {
            break;
        }
        let matched =
            *known.entry(word).or_insert_with(|| term(&stemmer, word).is_some_and(|t| wanted.contains(t.as_str())));
        if matched {
            matches.push((at, at + word.len()));
        }
    }
    let &(first, _) = matches.first()?;
    // A window starting a little before the first match, at a word.
    let lead = plain[..first].char_indices().rev().nth(SNIPPET_CHARS / 3).map_or(0, |(i, _)| i);
    let start = if lead == 0 { 0 } else { plain[lead..first].find(' ').map_or(lead, |s| lead + s + 1) };
    let end_guess = plain[start..].char_indices().nth(SNIPPET_CHARS).map_or(plain.len(), |(i, _)| start + i);
    let end = if end_guess >= plain.len() {
        plain.len()
    } else {
        plain[..end_guess].rfind(' ').filter(|&e| e > first).unwrap_or(end_guess)
    };
    let mut parts = Vec::new();
    let mut at = start;
    let push = |parts: &mut Vec<SnippetPart>, text: &str, matched: bool| {
        if !text.is_empty() {
            parts.push(SnippetPart { text: text.to_owned(), matched });
        }
    };
    if start > 0 {
        push(&mut parts, "…", false);
    }
    for &(from, to) in matches.iter().filter(|(from, to)| *from >= start && *to <= end) {
        push(&mut parts, &plain[at..from], false);
        push(&mut parts, &plain[from..to], true);
        at = to;
    }
    push(&mut parts, &plain[at..end], false);
    if end < plain.len() {
        push(&mut parts, "…", false);
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_accents_meet_in_one_term() {
        assert_eq!(terms("scuola"), terms("scuole"));
        assert_eq!(terms("città"), terms("citta"));
        assert_eq!(terms("Città"), terms("CITTÀ"));
        assert_eq!(terms("alberi"), terms("albero"));
        assert_ne!(terms("scuola"), terms("parco"));
        assert_eq!(
            terms("la scuola della città e il parco"),
            [terms("scuola")[0].clone(), terms("città")[0].clone(), terms("parco")[0].clone()]
        );
        assert_eq!(terms("dell'albero"), terms("albero"), "an elided article is left out");
    }

    #[test]
    fn queries_are_checked() {
        assert_eq!(query_terms("  ").unwrap_err().code(), crate::codes::ErrorCode::ValidationFailed);
        assert!(format!("{:?}", query_terms("della per il").unwrap_err()).contains("NoLetters"));
        assert!(format!("{:?}", query_terms(&"a".repeat(201)).unwrap_err()).contains("TooLong"));
        let many = "uno due tre quattro cinque sei sette otto nove dieci undici";
        assert_eq!(query_terms(many).unwrap().len(), MAX_QUERY_TERMS);
    }

    #[test]
    fn a_snippet_highlights_the_matched_words_in_their_passage() {
        let text = "Premessa. Chiediamo **nuove scuole** nel quartiere, con giardini aperti alla città.";
        let parts = snippet(text, &query_terms("scuola citta").unwrap()).unwrap();
        let matched: Vec<&str> = parts.iter().filter(|p| p.matched).map(|p| p.text.as_str()).collect();
        assert_eq!(matched, ["scuole", "città"]);
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(whole, "Premessa. Chiediamo nuove scuole nel quartiere, con giardini aperti alla città.");
        assert_eq!(snippet(text, &query_terms("biblioteca").unwrap()), None);
        let long = format!("{} parco {}", "parola ".repeat(100), "fine ".repeat(100));
        let parts = snippet(&long, &query_terms("parchi").unwrap()).unwrap();
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert!(
            whole.starts_with('…') && whole.ends_with('…') && whole.chars().count() < SNIPPET_CHARS + 10,
            "{whole}"
        );
        assert!(parts.iter().any(|p| p.matched && p.text == "parco"));
    }
}
