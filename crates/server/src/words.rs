//! The Italian words of the pages the server renders, by the keys the
//! app's Italian catalogue (`web/src/i18n/it/`) gives them. A page drawn
//! by the server and then by the app must say the same thing in the same
//! words; the test below reads the catalogue and fails on any word here
//! that is not exactly the catalogue's, so a change of copy in the app
//! cannot leave the server's pages behind unnoticed.

/// Each key the server's pages use, with the catalogue's text.
const ITALIAN: &[(&str, &str)] = &[
    ("nav.home", "Processi"),
    ("nav.breadcrumb", "Percorso"),
    ("nav.audit", "Registro pubblico"),
    ("common.separator", " · "),
    ("common.dash", " — "),
    ("state.published", "Pubblicata"),
    ("state.evaluating", "In valutazione"),
    ("state.accepted", "Accolta"),
    ("state.rejected", "Respinta"),
    ("state.withdrawn", "Ritirata"),
    ("proposal.authors.one", "Proponente"),
    ("proposal.authors.other", "Proponenti"),
    ("proposal.answer", "Risposta ufficiale"),
    ("space.proposals", "Proposte"),
    ("versions.title", "Versioni di «{title}»"),
    ("versions.heading", "Storia delle versioni"),
    ("versions.entry", "Versione {n}"),
    ("versions.by", "di {name}"),
    ("versions.rewrittenBy", "testo finale scritto dallo staff: {name}"),
    ("versions.current", "attuale"),
    ("versions.compareWithPrevious", "Confronta con la precedente"),
    ("versions.back", "Torna alla proposta"),
    ("versions.kind.created", "Creazione"),
    ("versions.kind.edited", "Modifica degli autori"),
    ("versions.kind.amendment", "Emendamento accettato"),
    ("versions.kind.staff_edit", "Modifica dello staff"),
    ("diff.title", "Confronto tra versioni"),
    ("diff.before", "Da versione {n}"),
    ("diff.after", "A versione {n}"),
    ("diff.legend", "Legenda: testo inserito sottolineato, testo rimosso barrato."),
    ("diff.titleField", "Titolo"),
    ("diff.bodyField", "Testo"),
    ("diff.noChange", "Nessuna differenza."),
    ("diff.inserted", "inserito"),
    ("diff.removed", "rimosso"),
    ("audit.title", "Registro pubblico"),
    ("audit.entryTitle", "Voce del registro pubblico"),
    ("audit.by", "da"),
    ("audit.automatic", "azione automatica"),
    ("audit.byOperator", "dal gestore del server"),
    ("audit.kind.proposal", "Proposta"),
    ("audit.kind.space", "Processo"),
    ("audit.kind.page", "Pagina"),
    ("audit.newProposal", "nuova proposta"),
    ("audit.action.other", "Altra azione"),
    ("audit.field.reason", "motivazione"),
    ("audit.field.note", "nota"),
    ("audit.field.justification", "motivazione"),
    ("audit.field.version", "versione"),
    ("audit.backToLog", "Tutto il registro"),
    ("audit.action.user.registered", "Nuovo account"),
    ("audit.action.role.granted", "Ruolo assegnato"),
    ("audit.action.role.revoked", "Ruolo revocato"),
    ("audit.action.space.created", "Processo creato"),
    ("audit.action.space.updated", "Processo modificato"),
    ("audit.action.proposal.created", "Proposta pubblicata"),
    ("audit.action.proposal.edited", "Nuova versione di una proposta"),
    ("audit.action.proposal.withdrawn", "Proposta ritirata"),
    ("audit.action.proposal.filed", "Categoria o zona di una proposta cambiata"),
    ("audit.action.proposal.answered", "Risposta ufficiale"),
    ("audit.action.amendment.created", "Emendamento proposto"),
    ("audit.action.amendment.withdrawn", "Emendamento ritirato"),
    ("audit.action.amendment.accepted", "Emendamento accettato"),
    ("audit.action.amendment.rejected", "Emendamento respinto"),
    ("audit.action.amendment.promoted", "Emendamento diventato proposta"),
    ("audit.action.user.verified", "Identità verificata"),
    ("audit.action.user.blocked", "Utente bloccato"),
    ("audit.action.user.unblocked", "Utente sbloccato"),
    ("audit.action.comment.created", "Commento pubblicato"),
    ("audit.action.comment.edited", "Commento modificato"),
    ("audit.action.comment.deleted", "Commento eliminato"),
    ("audit.action.comment.voted", "Voto a un commento"),
    ("audit.action.report.created", "Segnalazione"),
    ("audit.action.content.hidden", "Contenuto nascosto"),
    ("audit.action.content.unhidden", "Contenuto di nuovo visibile"),
    ("audit.action.reports.dismissed", "Segnalazioni archiviate"),
    ("audit.action.reports.upheld", "Segnalazioni accolte"),
    ("audit.action.page.edited", "Pagina del sito modificata"),
    ("audit.action.version.erased", "Testo di una versione cancellato"),
    ("audit.action.account.deleted", "Account eliminato su richiesta"),
    ("common.deletedPerson", "Partecipante eliminato"),
];

/// The text of `key`, if the server knows it.
pub fn find(key: &str) -> Option<&'static str> {
    ITALIAN.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// The text of `key`. A key missing here is a mistake in the server's
/// code: debug builds (and so every test) stop on it; a release build
/// shows the key rather than nothing.
pub fn word(key: &'static str) -> &'static str {
    let found = find(key);
    debug_assert!(found.is_some(), "the server's pages use `{key}`, which `words::ITALIAN` lacks");
    found.unwrap_or(key)
}

/// The text of `key` with its `{name}` places filled (values as given:
/// escape them first where the result is HTML).
pub fn fill(key: &'static str, values: &[(&str, &str)]) -> String {
    let mut text = word(key).to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The app's Italian catalogue: every `'key': 'text'` (or `"text"`)
    /// line of its files.
    fn catalogue() -> HashMap<String, String> {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/src/i18n/it");
        let mut entries = HashMap::new();
        for file in std::fs::read_dir(folder).expect("the app's Italian catalogue is there") {
            let source = std::fs::read_to_string(file.expect("readable").path()).expect("readable");
            for line in source.lines() {
                if let Some((key, text)) = entry(line.trim()) {
                    entries.insert(key, text);
                }
            }
        }
        entries
    }

    /// One catalogue line's key and text, quotes and escapes undone.
    fn entry(line: &str) -> Option<(String, String)> {
        let rest = line.strip_prefix('\'')?;
        let (key, rest) = rest.split_once("': ")?;
        let rest = rest.strip_suffix(',').unwrap_or(rest);
        let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let text = rest.strip_prefix(quote)?.strip_suffix(quote)?;
        Some((key.to_owned(), text.replace(&format!("\\{quote}"), &quote.to_string())))
    }

    #[test]
    fn every_word_is_the_app_catalogues_word() {
        let catalogue = catalogue();
        assert!(catalogue.len() > 300, "the catalogue was read: {} entries", catalogue.len());
        let differing: Vec<String> = ITALIAN
            .iter()
            .filter(|(key, text)| catalogue.get(*key).map(String::as_str) != Some(*text))
            .map(|(key, text)| format!("{key}: server «{text}», app «{:?}»", catalogue.get(*key)))
            .collect();
        assert!(differing.is_empty(), "words that differ from the app's:\n{}", differing.join("\n"));
    }

    #[test]
    fn places_are_filled() {
        assert_eq!(fill("versions.title", &[("title", "Piste")]), "Versioni di «Piste»");
        assert_eq!(find("nessuna.chiave"), None);
    }
}
