//! E-mail the platform sends: which letters exist, what they say in each
//! language, how long their links work, and when a failed delivery is
//! tried again. Free of I/O: the outbox (the store) keeps the letters,
//! a sender (the server) delivers them.

use crate::string_enum;
use crate::text::escape_html;
use chrono::Duration;

string_enum! {
    /// The language a person reads the platform and its e-mail in.
    pub enum Language {
        /// Italian, the default.
        It => "it",
        /// English.
        En => "en",
    }
}

impl Language {
    /// The language of a stored or sent spelling; Italian for anything
    /// else, the platform's first language.
    pub fn or_default(text: Option<&str>) -> Self {
        text.and_then(Language::parse).unwrap_or(Language::It)
    }
}

string_enum! {
    /// What a letter is about: the outbox keeps it, an admin sees it.
    pub enum MailKind {
        /// Confirm the address given at sign-up, or a new one.
        ConfirmAddress => "confirm_address",
        /// A link to choose a new password.
        PasswordReset => "password_reset",
        /// The password was changed.
        PasswordChanged => "password_changed",
        /// The address was changed (sent to the old one).
        EmailChanged => "email_changed",
        /// A notification the person chose to get by e-mail.
        Notification => "notification",
        /// The day's notifications of the kinds the person gets daily.
        Digest => "digest",
        /// The account will be deleted at the end of its grace period.
        DeletionScheduled => "deletion_scheduled",
        /// The copy of the person's data is ready to download.
        ExportReady => "export_ready",
    }
}

string_enum! {
    /// What a single-use e-mail link proves or allows.
    pub enum TokenPurpose {
        /// The person reads mail at the address the token was sent to.
        ConfirmAddress => "confirm_address",
        /// The person may choose a new password.
        PasswordReset => "password_reset",
    }
}

impl TokenPurpose {
    /// How long a link works: a reset link briefly (it is as good as the
    /// password), a confirmation link long enough for a slow inbox.
    pub fn lifetime(self) -> Duration {
        match self {
            TokenPurpose::ConfirmAddress => Duration::days(3),
            TokenPurpose::PasswordReset => Duration::hours(1),
        }
    }
}

string_enum! {
    /// Where a message is in its delivery.
    pub enum MailState {
        /// Waiting for its (next) attempt.
        Pending => "pending",
        /// Accepted by the mail server.
        Sent => "sent",
        /// Given up: refused for good, or out of attempts.
        Dead => "dead",
    }
}

/// Attempts before a message that keeps failing is given up.
pub const MAX_ATTEMPTS: i32 = 8;

/// How long to wait after the `attempts`-th failed attempt before the next
/// one: 30 s, doubling each time, at most 4 hours; `None` once
/// [`MAX_ATTEMPTS`] are spent (the message is dead). Eight attempts span
/// about an hour, long enough for a mail server restarted or briefly
/// unreachable.
pub fn retry_delay(attempts: i32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(0);
    Some(Duration::seconds(30 * 2i64.pow(doublings)).min(Duration::hours(4)))
}

/// An address with all but its first letter hidden (`m***@example.it`):
/// enough for its owner to recognise, too little to harvest.
pub fn mask_address(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

/// A letter ready for the outbox: its subject and its two bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// One line.
    pub subject: String,
    /// Plain text, for every mail client.
    pub text: String,
    /// The same in HTML, with the link as a link.
    pub html: String,
}

/// What a letter says, with what it needs to say it.
#[derive(Debug, Clone)]
pub enum LetterBody<'a> {
    /// Confirm an address by opening `link`.
    ConfirmAddress {
        /// The confirmation link.
        link: &'a str,
    },
    /// Choose a new password by opening `link`.
    PasswordReset {
        /// The reset link.
        link: &'a str,
    },
    /// The password was changed; `reset_link` is where to go if it was
    /// not the person.
    PasswordChanged {
        /// Where to ask for a reset.
        reset_link: &'a str,
    },
    /// The address was changed to `new_address` (masked).
    EmailChanged {
        /// The new address, masked with [`mask_address`].
        new_address: &'a str,
        /// Where to ask for a reset.
        reset_link: &'a str,
    },
    /// The account will be deleted on `due` unless the person signs in at
    /// `sign_in_link` and cancels.
    DeletionScheduled {
        /// When, in words, in the letter's language and the site's zone.
        due: &'a str,
        /// Where to sign in.
        sign_in_link: &'a str,
    },
    /// The copy of the person's data can be downloaded at `link` until
    /// `until`.
    ExportReady {
        /// The download link (it works without signing in: the letter is
        /// the proof).
        link: &'a str,
        /// When it stops working, in words.
        until: &'a str,
    },
}

impl LetterBody<'_> {
    /// The kind the outbox files it under.
    pub fn kind(&self) -> MailKind {
        match self {
            LetterBody::ConfirmAddress { .. } => MailKind::ConfirmAddress,
            LetterBody::PasswordReset { .. } => MailKind::PasswordReset,
            LetterBody::PasswordChanged { .. } => MailKind::PasswordChanged,
            LetterBody::EmailChanged { .. } => MailKind::EmailChanged,
            LetterBody::DeletionScheduled { .. } => MailKind::DeletionScheduled,
            LetterBody::ExportReady { .. } => MailKind::ExportReady,
        }
    }
}

/// A moment as a letter states it: "8 dicembre 2026, 14:05 UTC" /
/// "8 December 2026, 14:05 UTC". UTC, said so, because the letter is read
/// anywhere; Italian text puts it after "il giorno", which no day elides.
pub fn letter_time(at: chrono::DateTime<chrono::Utc>, language: Language) -> String {
    use chrono::{Datelike, Timelike};
    const MESI: [&str; 12] = [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if language == Language::It { &MESI } else { &MONTHS };
    let month = names[at.month0() as usize];
    format!("{} {month} {}, {:02}:{:02} UTC", at.day(), at.year(), at.hour(), at.minute())
}

/// Writes `body` to `name` in `language`, signed by the site `site`.
pub fn compose(body: &LetterBody<'_>, language: Language, name: &str, site: &str) -> Letter {
    let it = language == Language::It;
    let greeting = greeting(language, name);
    let (subject, lines, link): (String, Vec<String>, Option<&str>) = match body {
        LetterBody::ConfirmAddress { link } => (
            if it { format!("Conferma il tuo indirizzo su {site}") } else { format!("Confirm your address on {site}") },
            vec![if it {
                "per confermare che questo indirizzo è tuo, apri il collegamento qui sotto. Funziona una sola volta, per 3 giorni.".into()
            } else {
                "to confirm this address is yours, open the link below. It works once, for 3 days.".into()
            }],
            Some(link),
        ),
        LetterBody::PasswordReset { link } => (
            if it { format!("Nuova password per {site}") } else { format!("A new password for {site}") },
            vec![if it {
                "qualcuno (speriamo tu) ha chiesto di scegliere una nuova password. Apri il collegamento qui sotto: funziona una sola volta, per un'ora. Se non sei stato tu, ignora questo messaggio: la password resta quella di prima.".into()
            } else {
                "someone (we hope you) asked to choose a new password. Open the link below: it works once, for one hour. If it was not you, ignore this message: your password stays as it was.".into()
            }],
            Some(link),
        ),
        LetterBody::PasswordChanged { reset_link } => (
            if it {
                format!("La tua password su {site} è cambiata")
            } else {
                format!("Your password on {site} changed")
            },
            vec![if it {
                format!("la password del tuo account è appena cambiata e ogni accesso aperto è stato chiuso. Se non sei stato tu, scegline subito una nuova: {reset_link}")
            } else {
                format!("the password of your account has just changed and every open session was closed. If it was not you, choose a new one now: {reset_link}")
            }],
            None,
        ),
        LetterBody::EmailChanged { new_address, reset_link } => (
            if it {
                format!("Il tuo indirizzo su {site} è cambiato")
            } else {
                format!("Your address on {site} changed")
            },
            vec![if it {
                format!("l'indirizzo del tuo account ora è {new_address}: i messaggi non arriveranno più qui. Se non sei stato tu, scegli subito una nuova password: {reset_link}")
            } else {
                format!("the address of your account is now {new_address}: messages will no longer come here. If it was not you, choose a new password now: {reset_link}")
            }],
            None,
        ),
        LetterBody::ExportReady { link, until } => (
            if it { format!("I tuoi dati su {site} sono pronti") } else { format!("Your data on {site} is ready") },
            vec![if it {
                format!("la copia dei tuoi dati che hai chiesto è pronta: un archivio ZIP con ogni dato che la piattaforma conserva su di te, in JSON e in CSV. Il collegamento qui sotto funziona fino al giorno {until}; non inoltrarlo: chi lo apre scarica i tuoi dati.")
            } else {
                format!("the copy of your data you asked for is ready: a ZIP archive with every datum the platform keeps about you, in JSON and CSV. The link below works until {until}; do not forward it: whoever opens it downloads your data.")
            }],
            Some(link),
        ),
        LetterBody::DeletionScheduled { due, sign_in_link } => (
            if it {
                format!("Il tuo account su {site} sarà eliminato")
            } else {
                format!("Your account on {site} will be deleted")
            },
            vec![if it {
                format!("hai chiesto di eliminare il tuo account: sarà eliminato il giorno {due} e ogni accesso aperto è stato chiuso. I tuoi dati personali saranno cancellati; ciò che hai pubblicato resterà, firmato «Partecipante eliminato». Se cambi idea, accedi entro quella data e annulla l'eliminazione: {sign_in_link}")
            } else {
                format!("you asked to delete your account: it will be deleted on {due} and every open session was closed. Your personal data will be erased; what you published stays, signed \"Deleted participant\". If you change your mind, sign in before then and cancel the deletion: {sign_in_link}")
            }],
            None,
        ),
    };
    let footer = if it {
        format!("Messaggio di servizio di {site}: riguarda il tuo account e non puoi disattivarlo.")
    } else {
        format!("A service message from {site}: it is about your account and cannot be turned off.")
    };
    render_letter(subject, &greeting, &lines, link, &footer)
}

/// "Ciao Maria," or, without a name, "Ciao,".
pub fn greeting(language: Language, name: &str) -> String {
    let hello = if language == Language::It { "Ciao" } else { "Hello" };
    if name.is_empty() {
        format!("{hello},")
    } else {
        format!("{hello} {name},")
    }
}

/// Lays a letter out, in plain text and in HTML alike: the greeting, the
/// lines, the link on its own, then the footer after a signature mark.
pub fn render_letter(subject: String, greeting: &str, lines: &[String], link: Option<&str>, footer: &str) -> Letter {
    let mut text = format!("{greeting}\n\n");
    let mut html = format!("<p>{}</p>\n", escape_html(greeting));
    for line in lines {
        text.push_str(line);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>\n", escape_html(line)));
    }
    if let Some(link) = link {
        text.push_str(&format!("{link}\n\n"));
        let link = escape_html(link);
        html.push_str(&format!("<p><a href=\"{link}\">{link}</a></p>\n"));
    }
    text.push_str(&format!("-- \n{footer}\n"));
    html.push_str(&format!("<hr>\n<p><small>{}</small></p>\n", escape_html(footer)));
    Letter { subject, text, html }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_states_a_moment_in_its_language_and_in_utc() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-08T09:05:00Z").unwrap().with_timezone(&chrono::Utc);
        assert_eq!(letter_time(at, Language::It), "8 dicembre 2026, 09:05 UTC");
        assert_eq!(letter_time(at, Language::En), "8 December 2026, 09:05 UTC");
        let body =
            LetterBody::DeletionScheduled { due: &letter_time(at, Language::It), sign_in_link: "https://x/accedi" };
        let letter = compose(&body, Language::It, "Anna", "Partecipa");
        assert!(letter.text.contains("il giorno 8 dicembre 2026"), "{}", letter.text);
    }

    #[test]
    fn retries_back_off_and_stop() {
        assert_eq!(retry_delay(1), Some(Duration::seconds(30)));
        assert_eq!(retry_delay(2), Some(Duration::seconds(60)));
        assert_eq!(retry_delay(7), Some(Duration::seconds(30 * 64)));
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
        let total: i64 = (1..MAX_ATTEMPTS).filter_map(retry_delay).map(|d| d.num_seconds()).sum();
        assert!((3_600..4 * 3_600).contains(&total), "{total} s between the first and the last attempt");
    }

    #[test]
    fn letters_speak_the_persons_language_and_escape_their_name() {
        let body = LetterBody::PasswordReset { link: "https://p.example/#/reset?token=a&b" };
        let it = compose(&body, Language::It, "<Maria>", "Comune");
        let en = compose(&body, Language::En, "<Maria>", "Comune");
        assert!(it.subject.starts_with("Nuova password"), "{}", it.subject);
        assert!(en.subject.starts_with("A new password"), "{}", en.subject);
        assert!(it.text.contains("https://p.example/#/reset?token=a&b"));
        assert!(it.html.contains("&lt;Maria&gt;") && !it.html.contains("<Maria>"));
        assert!(it.html.contains("href=\"https://p.example/#/reset?token=a&amp;b\""));
    }

    #[test]
    fn addresses_are_masked() {
        assert_eq!(mask_address("maria@example.it"), "m***@example.it");
        assert_eq!(mask_address("nonsense"), "***");
    }
}
