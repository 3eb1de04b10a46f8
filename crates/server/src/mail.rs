//! The outbox's sender: a thread that takes due letters from the outbox
//! and hands them to the SMTP server, one at a time, recording each
//! outcome before the next. A letter is marked sent only after the mail
//! server accepted it, so a crash loses nothing; a crash between the two
//! re-sends at most the letter in hand, with the same `Message-ID`, which
//! mail clients show once.

use anyhow::Context;
use chrono::Duration;
use emenda_accounts::outbox::{DeliveryFailure, MailOutbox, OutgoingLetter};
use emenda_accounts::MailSite;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};
use std::time::SystemTime;

/// How the site sends e-mail: `EMENDA_SMTP_URL`, `EMENDA_MAIL_FROM`,
/// `EMENDA_PUBLIC_URL`.
#[derive(Debug, Clone)]
pub struct MailOptions {
    /// `smtp://host:port` (plain), `smtp://…?tls=required` (STARTTLS) or
    /// `smtps://…` (TLS), with optional `user:password@`. Never logged.
    pub smtp_url: String,
    /// The sender, `Name <address>` or an address.
    pub from: Mailbox,
    /// Where links in letters lead, without a trailing slash.
    pub public_url: String,
    /// The name letters are signed with.
    pub site_name: String,
    /// Where people write to the administration (`EMENDA_OWNER_EMAIL`).
    pub contact: Option<String>,
    /// How long a letter taken by a sender is that sender's alone: if the
    /// sender dies, another (or the same, restarted) takes the letter
    /// after this. Longer than a delivery takes (about a dozen SMTP steps
    /// of at most [`SMTP_STEP_TIMEOUT`]), or a slow delivery could be taken
    /// over and sent twice (only the current taker's outcome is recorded).
    pub lease: Duration,
    /// How often the daily digests that are due are looked for (each
    /// person gets at most one a day).
    pub digest_interval: std::time::Duration,
}

impl MailOptions {
    /// Reads the settings; `None` when `smtp_url` is unset or empty (the
    /// site sends no e-mail).
    pub fn parse(
        smtp_url: Option<&str>,
        from: &str,
        public_url: &str,
        site_name: &str,
        lease_seconds: u32,
    ) -> anyhow::Result<Option<Self>> {
        let Some(smtp_url) = smtp_url.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        // Checked now, so a typo stops the start instead of every letter.
        SmtpTransport::from_url(smtp_url)
            .map_err(|_| anyhow::anyhow!("EMENDA_SMTP_URL is not an smtp:// or smtps:// URL"))?;
        let from: Mailbox = from.parse().with_context(|| format!("EMENDA_MAIL_FROM is not an address: {from}"))?;
        Ok(Some(Self {
            smtp_url: smtp_url.to_owned(),
            from,
            public_url: public_url.trim_end_matches('/').to_owned(),
            site_name: site_name.to_owned(),
            contact: None,
            lease: Duration::seconds(i64::from(lease_seconds.max(1))),
            digest_interval: std::time::Duration::from_secs(600),
        }))
    }

    /// What the account service needs to write letters.
    pub fn site(&self) -> MailSite {
        MailSite {
            site_name: self.site_name.clone(),
            public_url: self.public_url.clone(),
            message_domain: self.from.email.domain().to_owned(),
            contact: self.contact.clone(),
        }
    }
}

/// How long one step of an SMTP exchange may take (connecting, a
/// command, the message): a delivery is about a dozen steps, so it ends
/// within two minutes, the default lease.
pub const SMTP_STEP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How often an idle sender looks for due letters.
const IDLE: std::time::Duration = std::time::Duration::from_millis(500);

/// Starts the sender thread.
pub fn spawn(outbox: MailOutbox, options: &MailOptions) -> anyhow::Result<()> {
    let transport = SmtpTransport::from_url(&options.smtp_url)
        .context("reading EMENDA_SMTP_URL")?
        .timeout(Some(SMTP_STEP_TIMEOUT))
        .build();
    let from = options.from.clone();
    let lease = options.lease;
    std::thread::Builder::new()
        .name("mail-sender".into())
        .spawn(move || run(&outbox, &transport, &from, lease))
        .context("starting the mail sender")?;
    Ok(())
}

fn run(outbox: &MailOutbox, transport: &SmtpTransport, from: &Mailbox, lease: Duration) {
    loop {
        // One letter at a time: its lease then covers one delivery, and a
        // crash leaves at most one letter taken and unrecorded.
        let letters = match outbox.claim(1, lease) {
            Ok(letters) => letters,
            Err(error) => {
                tracing::warn!(error = %error, "the mail sender could not read the outbox");
                std::thread::sleep(IDLE * 4);
                continue;
            }
        };
        if letters.is_empty() {
            std::thread::sleep(IDLE);
            continue;
        }
        for letter in &letters {
            deliver(outbox, transport, from, letter);
        }
    }
}

fn deliver(outbox: &MailOutbox, transport: &SmtpTransport, from: &Mailbox, letter: &OutgoingLetter) {
    let outcome = match message(from, letter) {
        Ok(message) => transport.send(&message).map(drop).map_err(|error| {
            if error.is_permanent() {
                DeliveryFailure::Permanent(error.to_string())
            } else {
                DeliveryFailure::Transient(error.to_string())
            }
        }),
        Err(error) => Err(DeliveryFailure::Permanent(error)),
    };
    let recorded = match &outcome {
        Ok(()) => outbox.delivered(letter).map(|mine| if mine { "sent" } else { "taken over" }),
        Err(failure) => outbox.failed(letter, failure).map(|state| state.map_or("taken over", |s| s.as_str())),
    };
    match (recorded, outcome) {
        (Ok(state), Ok(())) => tracing::info!(letter = %letter.id, kind = %letter.kind, state, "letter delivered"),
        (Ok(state), Err(failure)) => {
            tracing::warn!(letter = %letter.id, kind = %letter.kind, state, failure = ?failure, "letter not delivered")
        }
        // The lease runs out and the letter is tried again: at worst sent
        // twice, with one Message-ID.
        (Err(error), _) => tracing::error!(letter = %letter.id, error = %error, "a delivery could not be recorded"),
    }
}

/// The letter as a MIME message: plain text and HTML alternatives, its
/// fixed `Message-ID`, and the time of its event as its `Date`.
fn message(from: &Mailbox, letter: &OutgoingLetter) -> Result<Message, String> {
    let to: Mailbox = letter.recipient.parse().map_err(|e| format!("the recipient is not an address: {e}"))?;
    let mut builder = Message::builder()
        .message_id(Some(letter.message_id.clone()))
        .from(from.clone())
        .to(to)
        .subject(letter.letter.subject.clone())
        .date(SystemTime::from(letter.date));
    if let Some(url) = &letter.unsubscribe_url {
        // One click in the mail client stops letters of this kind
        // (RFC 8058): it POSTs to the address, which needs no sign-in.
        builder = builder.header(ListUnsubscribe(format!("<{url}>"))).header(ListUnsubscribePost);
    }
    builder
        .multipart(MultiPart::alternative_plain_html(letter.letter.text.clone(), letter.letter.html.clone()))
        .map_err(|e| format!("the letter could not be built: {e}"))
}

/// `List-Unsubscribe` (RFC 2369): where to stop letters of this kind.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post` (RFC 8058): the address takes a one-click POST.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}
