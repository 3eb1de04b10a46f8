//! What people hear of, and how: the kinds of notification, who gets each
//! (the rules the fan-out applies), how each kind reaches a person by
//! e-mail by default, and what a notification's letter says.

use crate::mail::{greeting, render_letter, Language, Letter};
use crate::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// What happened that a person hears of.
    pub enum NotificationKind {
        /// A followed proposal has a new version (to its followers).
        VersionPublished => "version_published",
        /// One's amendment was accepted or rejected (to its author).
        AmendmentDecided => "amendment_decided",
        /// A followed or one's own proposal got an official answer.
        ProposalAnswered => "proposal_answered",
        /// Someone replied to one's comment (to its author).
        CommentReply => "comment_reply",
        /// Staff hid one's content (to its author, with the reason).
        ContentHidden => "content_hidden",
        /// A followed or one's own proposal reached its support threshold.
        ProposalQualified => "proposal_qualified",
    }
}

string_enum! {
    /// How a kind of notification reaches a person by e-mail (in the app
    /// it always does).
    pub enum Delivery {
        /// A letter for each notification.
        Immediate => "immediate",
        /// One letter a day with what came since the last.
        Daily => "daily",
        /// No letter.
        Never => "never",
    }
}

impl NotificationKind {
    /// How this kind reaches a person who chose nothing: what concerns
    /// their own contribution at once, the news of what they follow once
    /// a day.
    pub fn default_delivery(self) -> Delivery {
        match self {
            NotificationKind::VersionPublished => Delivery::Daily,
            _ => Delivery::Immediate,
        }
    }

    /// Whether this kind is about content that must be visible for the
    /// notification to go out: a hidden proposal or reply notifies nobody
    /// (staff see it in their queue). A hide is told to its author.
    pub fn needs_visible_content(self) -> bool {
        self != NotificationKind::ContentHidden
    }
}

/// What a notification says, besides its kind: enough for the app and the
/// letter to tell it without reading anything else.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationPayload {
    /// The proposal's reference (its address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The proposal's title when it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The version now in force (a new version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
    /// The version the recipient supports, when it is an older one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_version: Option<i32>,
    /// Accepted or rejected (an amendment); the answer's state (an answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The reason given (a decision, a hide).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What was hidden or replied to (`proposal`, `amendment`, `comment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Who replied (their display name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The amendment or comment concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<uuid::Uuid>,
}

/// The site addresses a notification's letter needs.
#[derive(Debug, Clone, Copy)]
pub struct LetterLinks<'a> {
    /// Where the notification's matter is (a proposal, a diff).
    pub link: &'a str,
    /// Where to stop letters of this kind, in one click.
    pub unsubscribe: &'a str,
    /// Where to write to contest a hide, if the site has an address.
    pub contact: Option<&'a str>,
}

/// The letter of a notification to `name`, in `language`, from `site`.
pub fn compose_notification(
    kind: NotificationKind,
    payload: &NotificationPayload,
    language: Language,
    name: &str,
    site: &str,
    links: LetterLinks<'_>,
) -> Letter {
    let it = language == Language::It;
    let title = payload.title.as_deref().unwrap_or("");
    let reason = payload.reason.as_deref().unwrap_or("");
    let (subject, mut lines) = match kind {
        NotificationKind::VersionPublished => {
            let version = payload.version.unwrap_or(0);
            let mut lines = vec![if it {
                format!("la proposta «{title}» ha una nuova versione, la {version}.")
            } else {
                format!("the proposal “{title}” has a new version, version {version}.")
            }];
            if let Some(supported) = payload.supported_version {
                lines.push(if it {
                    format!("Hai sostenuto la versione {supported}; ora è alla {version}. Guarda cosa è cambiato e, se sei d'accordo, conferma il tuo sostegno.")
                } else {
                    format!("You supported version {supported}; it is now at {version}. See what changed and, if you agree, confirm your support.")
                });
            }
            (if it { format!("Nuova versione: {title}") } else { format!("New version: {title}") }, lines)
        }
        NotificationKind::AmendmentDecided => {
            let accepted = payload.outcome.as_deref() == Some("accepted");
            let verdict = match (it, accepted) {
                (true, true) => "accolto",
                (true, false) => "respinto",
                (false, true) => "accepted",
                (false, false) => "rejected",
            };
            (
                if it {
                    format!("Il tuo emendamento è stato {verdict}")
                } else {
                    format!("Your amendment was {verdict}")
                },
                vec![if it {
                    format!("il tuo emendamento alla proposta «{title}» è stato {verdict}. Motivazione: {reason}")
                } else {
                    format!("your amendment to the proposal “{title}” was {verdict}. Reason: {reason}")
                }],
            )
        }
        NotificationKind::ProposalAnswered => (
            if it { format!("Risposta ufficiale: {title}") } else { format!("Official answer: {title}") },
            vec![if it {
                format!("la proposta «{title}» ha ricevuto una risposta ufficiale dell'amministrazione.")
            } else {
                format!("the proposal “{title}” has an official answer from the administration.")
            }],
        ),
        NotificationKind::CommentReply => {
            // No name: the replier's account was deleted since.
            let by =
                payload.by.as_deref().unwrap_or(if it { "Un partecipante eliminato" } else { "A deleted participant" });
            (
                if it { format!("{by} ha risposto al tuo commento") } else { format!("{by} replied to your comment") },
                vec![if it {
                    format!("{by} ha risposto al tuo commento sulla proposta «{title}».")
                } else {
                    format!("{by} replied to your comment on the proposal “{title}”.")
                }],
            )
        }
        NotificationKind::ContentHidden => {
            let what = match (it, payload.target.as_deref()) {
                (true, Some("comment")) => "Un tuo commento",
                (true, Some("amendment")) => "Un tuo emendamento",
                (true, _) => "Una tua proposta",
                (false, Some("comment")) => "A comment of yours",
                (false, Some("amendment")) => "An amendment of yours",
                (false, _) => "A proposal of yours",
            };
            let by_reports = payload.reason.is_none();
            let mut lines = vec![match (it, by_reports) {
                (true, false) => format!("{what} sulla proposta «{title}» è stato nascosto dallo staff. Motivo: {reason}"),
                (true, true) => format!("{what} sulla proposta «{title}» è stato nascosto dopo le segnalazioni dei lettori, in attesa dell'esame dello staff."),
                (false, false) => format!("{what} on the proposal “{title}” was hidden by staff. Reason: {reason}"),
                (false, true) => format!("{what} on the proposal “{title}” was hidden after readers' reports, until staff examine it."),
            }];
            lines.push(match (it, links.contact) {
                (true, Some(contact)) => format!("Se pensi che sia un errore, puoi contestare la decisione scrivendo a {contact}, indicando il collegamento qui sotto."),
                (true, None) => "Se pensi che sia un errore, puoi contestare la decisione scrivendo all'amministrazione, indicando il collegamento qui sotto.".into(),
                (false, Some(contact)) => format!("If you think this is a mistake, you can contest the decision by writing to {contact} with the link below."),
                (false, None) => "If you think this is a mistake, you can contest the decision by writing to the administration with the link below.".into(),
            });
            (if it { "Un tuo contenuto è stato nascosto".into() } else { "Content of yours was hidden".into() }, lines)
        }
        NotificationKind::ProposalQualified => (
            if it { format!("Soglia raggiunta: {title}") } else { format!("Threshold reached: {title}") },
            vec![if it {
                format!("la proposta «{title}» ha raggiunto i sostegni necessari: ora l'amministrazione deve esaminarla e rispondere.")
            } else {
                format!("the proposal “{title}” reached the supports it needed: the administration must now examine it and answer.")
            }],
        ),
    };
    lines.truncate(3);
    let footer = if it {
        format!("Ricevi questo messaggio da {site} perché lo hai scelto nelle tue preferenze. Per non ricevere più messaggi di questo tipo: {}", links.unsubscribe)
    } else {
        format!(
            "You receive this message from {site} because of your preferences. To stop messages of this kind: {}",
            links.unsubscribe
        )
    };
    let greeting = greeting(language, name);
    render_letter(subject, &greeting, &lines, Some(links.link), &footer)
}

/// One line of a digest: a notification and where it leads.
#[derive(Debug, Clone)]
pub struct DigestItem<'a> {
    /// What happened.
    pub kind: NotificationKind,
    /// What it says.
    pub payload: &'a NotificationPayload,
    /// Where it leads.
    pub link: String,
}

/// The daily digest of `items` to `name`, in `language`, from `site`; its
/// footer leads to the settings page, where each kind is chosen.
pub fn compose_digest(items: &[DigestItem<'_>], language: Language, name: &str, site: &str, settings: &str) -> Letter {
    let it = language == Language::It;
    let links = LetterLinks { link: "", unsubscribe: settings, contact: None };
    let lines: Vec<String> = items
        .iter()
        .map(|item| {
            let subject = compose_notification(item.kind, item.payload, language, name, site, links).subject;
            format!("• {subject}: {}", item.link)
        })
        .collect();
    let subject = if it { format!("Le novità di oggi su {site}") } else { format!("Today's news on {site}") };
    let intro = if it {
        format!("ecco cosa è successo alle proposte che segui ({}):", items.len())
    } else {
        format!("here is what happened to the proposals you follow ({}):", items.len())
    };
    let footer = if it {
        format!("Ricevi questo riepilogo da {site} una volta al giorno, come hai scelto. Per cambiare cosa ricevi: {settings}")
    } else {
        format!("You receive this summary from {site} once a day, as you chose. To change what you receive: {settings}")
    };
    let mut all = vec![intro];
    all.extend(lines);
    render_letter(subject, &greeting(language, name), &all, None, &footer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_supporter_of_an_older_version_is_told_both_numbers() {
        let payload = NotificationPayload {
            title: Some("Alberi".into()),
            version: Some(5),
            supported_version: Some(3),
            ..NotificationPayload::default()
        };
        let links = LetterLinks { link: "https://p.example/x", unsubscribe: "https://p.example/u", contact: None };
        let letter =
            compose_notification(NotificationKind::VersionPublished, &payload, Language::It, "Maria", "Comune", links);
        assert!(letter.text.contains("Hai sostenuto la versione 3; ora è alla 5"), "{}", letter.text);
        assert!(letter.text.contains("https://p.example/u"));
        let en =
            compose_notification(NotificationKind::VersionPublished, &payload, Language::En, "Maria", "Comune", links);
        assert!(en.text.contains("You supported version 3; it is now at 5"), "{}", en.text);
    }

    #[test]
    fn what_concerns_ones_own_contribution_comes_at_once() {
        assert_eq!(NotificationKind::AmendmentDecided.default_delivery(), Delivery::Immediate);
        assert_eq!(NotificationKind::VersionPublished.default_delivery(), Delivery::Daily);
        assert!(!NotificationKind::ContentHidden.needs_visible_content());
        assert!(NotificationKind::CommentReply.needs_visible_content());
    }
}
