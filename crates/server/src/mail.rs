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
    /// How long a letter taken by a sender is that sender's alone: if the
    /// sender dies, another (or the same, restarted) takes the letter
    /// after this. Longer than any delivery (an SMTP step times out after
    /// 30 s), or a slow delivery could be taken over and sent twice.
    pub lease: Duration,
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
            lease: Duration::seconds(i64::from(lease_seconds.max(1))),
        }))
    }

    /// What the account service needs to write letters.
    pub fn site(&self) -> MailSite {
        MailSite {
            site_name: self.site_name.clone(),
            public_url: self.public_url.clone(),
            message_domain: self.from.email.domain().to_owned(),
        }
    }
}

/// How often an idle sender looks for due letters.
const IDLE: std::time::Duration = std::time::Duration::from_millis(500);

/// Starts the sender thread.
pub fn spawn(outbox: MailOutbox, options: &MailOptions) -> anyhow::Result<()> {
    let transport = SmtpTransport::from_url(&options.smtp_url)
        .context("reading EMENDA_SMTP_URL")?
        .timeout(Some(std::time::Duration::from_secs(30)))
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
        Ok(()) => outbox.delivered(letter).map(|()| "sent"),
        Err(failure) => outbox.failed(letter, failure).map(|state| state.as_str()),
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
    Message::builder()
        .message_id(Some(letter.message_id.clone()))
        .from(from.clone())
        .to(to)
        .subject(letter.letter.subject.clone())
        .date(SystemTime::from(letter.date))
        .multipart(MultiPart::alternative_plain_html(letter.letter.text.clone(), letter.letter.html.clone()))
        .map_err(|e| format!("the letter could not be built: {e}"))
}
