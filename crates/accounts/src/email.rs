//! The account's e-mail: confirming the address, resetting a forgotten
//! password, changing the password or the address, and the notices those
//! changes send. Every letter is written to the outbox in the transaction
//! of the change that causes it (see `emenda_store::outbox`): a change
//! cannot commit without its letter, nor a letter without its change.

use crate::passwords::hash_password;
use crate::service::{AccountService, Session, SignedInUser};
use crate::tokens::{hash_refresh_token, random_secret};
use chrono::{DateTime, Duration, Utc};
use emenda_domain::error::Validation;
use emenda_domain::mail::{compose, mask_address, Language, Letter, LetterBody, MailKind, TokenPurpose};
use emenda_domain::values::{validate_password, Email};
use emenda_domain::{DomainError, ErrorCode, FieldCode};
use emenda_service::{InternalError, ServiceError, ServiceResult};
use emenda_store::email_tokens::{self, NewEmailToken};
use emenda_store::outbox::{self, NewMail};
use emenda_store::users::UserRecord;
use emenda_store::{roles, tokens, users, HasStore, Tx};
use std::net::IpAddr;
use uuid::Uuid;

/// Where the site's e-mail comes from and where its links lead.
#[derive(Debug, Clone)]
pub struct MailSite {
    /// The name letters are signed with (the owning administration).
    pub site_name: String,
    /// The site's public address, without a trailing slash: links in
    /// letters lead there.
    pub public_url: String,
    /// The domain of every `Message-ID` (the sender address's).
    pub message_domain: String,
    /// Where people write to the administration (to contest a hide).
    pub contact: Option<String>,
}

/// Letters of one kind one account may be sent in an hour: a form that
/// sends mail must not become a way to flood someone's inbox.
const LETTERS_PER_HOUR: i64 = 3;

/// Letters of any kind one address may be sent in an hour, whichever
/// accounts ask: several accounts must not add up to a flood.
const LETTERS_TO_AN_ADDRESS_PER_HOUR: i64 = 5;

/// Where a change of address stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressChange {
    /// A confirmation link went to the new address; the account keeps the
    /// old one until it is opened.
    Pending,
    /// The site sends no e-mail, so the address changed at once (and is
    /// not confirmed).
    Done,
}

fn email_off() -> ServiceError {
    DomainError::conflict(ErrorCode::EmailOff, "this site sends no e-mail").into()
}

fn link_refused(code: FieldCode, message: &str) -> ServiceError {
    DomainError::invalid("token", code, message.to_string()).into()
}

fn hashing_failed(error: impl ToString) -> ServiceError {
    InternalError::new("hashing a password", error.to_string()).into()
}

impl AccountService {
    pub(crate) fn mail_site(&self) -> ServiceResult<&MailSite> {
        self.settings.mail.as_ref().ok_or_else(email_off)
    }

    /// Whether the site sends e-mail (and so asks people to confirm their
    /// address before they write).
    pub fn sends_email(&self) -> bool {
        self.settings.mail.is_some()
    }

    /// Writes a letter to `user` (at `to`, their address unless said
    /// otherwise) into the outbox, in the caller's transaction.
    pub(crate) fn post(
        &self,
        tx: &mut Tx<'_>,
        user: &UserRecord,
        to: &str,
        body: &LetterBody<'_>,
    ) -> ServiceResult<()> {
        let site = self.mail_site()?;
        // The name is the account's own words: it goes only to the address
        // the account proved, so nobody can make the site's sender carry
        // their text to someone else's inbox.
        let proven = user.email_confirmed_at.is_some() && to == user.email;
        let name = if proven { user.display_name.as_str() } else { "" };
        let letter = compose(body, user.language, name, &site.site_name);
        self.enqueue(tx, user.id, to, body.kind(), user.language, &letter, None)
    }

    /// Writes `letter` to the outbox with a `Message-ID` of its own, in the
    /// caller's transaction: every letter the site sends goes through here.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn enqueue(
        &self,
        tx: &mut Tx<'_>,
        user_id: Uuid,
        to: &str,
        kind: MailKind,
        language: Language,
        letter: &Letter,
        unsubscribe_url: Option<&str>,
    ) -> ServiceResult<()> {
        let site = self.mail_site()?;
        let id = self.ctx.ids.new_id();
        let message_id = format!("<{id}@{}>", site.message_domain);
        outbox::enqueue(
            tx,
            &NewMail {
                id,
                message_id: &message_id,
                user_id: Some(user_id),
                recipient: to,
                kind,
                language,
                letter,
                created_at: self.ctx.clock.now(),
                unsubscribe_url,
            },
        )?;
        Ok(())
    }

    /// Issues a single-use link for `purpose` to `email`; returns the link.
    fn issue_link(
        &self,
        tx: &mut Tx<'_>,
        user_id: Uuid,
        purpose: TokenPurpose,
        email: &str,
        now: DateTime<Utc>,
    ) -> ServiceResult<String> {
        let site = self.mail_site()?;
        let token = random_secret().map_err(|e| InternalError::new("drawing a link token", e))?;
        email_tokens::insert(
            tx,
            &NewEmailToken {
                token_hash: &hash_refresh_token(&token),
                user_id,
                purpose,
                email,
                created_at: now,
                expires_at: now + purpose.lifetime(),
            },
        )?;
        let path = match purpose {
            TokenPurpose::ConfirmAddress => "conferma-indirizzo",
            TokenPurpose::PasswordReset => "nuova-password",
        };
        // After `#`: a browser never sends it, so no server or proxy log
        // holds the token.
        Ok(format!("{}/{path}#token={token}", site.public_url))
    }

    fn forgot_password_link(&self) -> ServiceResult<String> {
        Ok(format!("{}/password-dimenticata", self.mail_site()?.public_url))
    }

    /// Whether fewer than [`LETTERS_PER_HOUR`] letters of `kind` went to
    /// `user` in the last hour, and fewer than
    /// [`LETTERS_TO_AN_ADDRESS_PER_HOUR`] of any kind to the address `to`.
    fn may_send(
        &self,
        tx: &mut Tx<'_>,
        user_id: Uuid,
        to: &str,
        kind: MailKind,
        now: DateTime<Utc>,
    ) -> ServiceResult<bool> {
        let since = now - Duration::hours(1);
        Ok(outbox::count_since(tx, user_id, kind, since)? < LETTERS_PER_HOUR
            && outbox::count_to_since(tx, to, since)? < LETTERS_TO_AN_ADDRESS_PER_HOUR)
    }

    /// In the registration's transaction: a confirmation link to a person
    /// who signed up. Nothing when the site sends no e-mail.
    pub(crate) fn welcome(&self, tx: &mut Tx<'_>, user: &UserRecord) -> ServiceResult<()> {
        let now = self.ctx.clock.now();
        if !self.sends_email()
            || user.email_confirmed_at.is_some()
            || !self.may_send(tx, user.id, &user.email, MailKind::ConfirmAddress, now)?
        {
            return Ok(());
        }
        let link = self.issue_link(tx, user.id, TokenPurpose::ConfirmAddress, &user.email, now)?;
        self.post(tx, user, &user.email, &LetterBody::ConfirmAddress { link: &link })
    }

    /// Sends a new confirmation link to the caller's address. Nothing when
    /// it is confirmed already or when enough links went out this hour.
    pub fn resend_confirmation(&self, user_id: Uuid) -> ServiceResult<()> {
        self.mail_site()?;
        self.ctx.store().write(|tx| {
            let user = users::find_for_update(tx, user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            let now = self.ctx.clock.now();
            if user.email_confirmed_at.is_some()
                || !self.may_send(tx, user.id, &user.email, MailKind::ConfirmAddress, now)?
            {
                return Ok(());
            }
            let link = self.issue_link(tx, user.id, TokenPurpose::ConfirmAddress, &user.email, now)?;
            self.post(tx, &user, &user.email, &LetterBody::ConfirmAddress { link: &link })
        })
    }

    /// Sends a reset link to `email` if an account has it. Answers the
    /// same whether or not one does, so the form tells nobody which
    /// addresses have accounts; a blocked account gets no link.
    pub fn request_password_reset(&self, email: &str) -> ServiceResult<()> {
        self.mail_site()?;
        let email = email.trim().to_lowercase();
        self.ctx.store().write(|tx| {
            let Some(user) = users::find_by_email(tx, &email)? else {
                return Ok(());
            };
            let user = users::find_for_update(tx, user.id)?.ok_or_else(|| DomainError::not_found("user"))?;
            let now = self.ctx.clock.now();
            if user.blocked_at.is_some() || !self.may_send(tx, user.id, &user.email, MailKind::PasswordReset, now)? {
                return Ok(());
            }
            let link = self.issue_link(tx, user.id, TokenPurpose::PasswordReset, &user.email, now)?;
            self.post(tx, &user, &user.email, &LetterBody::PasswordReset { link: &link })
        })
    }

    /// Spends a link's token for `purpose`, under its account's row lock:
    /// refused when unknown, spent, for another purpose, or sent to an
    /// address the account no longer has (`invalid`), or too old
    /// (`expired`). Returns the account and the address the link went to.
    fn spend_link(
        &self,
        tx: &mut Tx<'_>,
        token: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> ServiceResult<(UserRecord, String)> {
        let hash = hash_refresh_token(token);
        let invalid = || link_refused(FieldCode::Invalid, "this link is not valid (any more); ask for a new one");
        let Some(found) = email_tokens::find(tx, &hash)?.filter(|t| t.purpose == purpose) else {
            return Err(invalid());
        };
        let user = users::find_for_update(tx, found.user_id)?.ok_or_else(invalid)?;
        // A reset link is for the address the account has; a confirmation
        // link may carry a new address (a change of address).
        if purpose == TokenPurpose::PasswordReset && found.email != user.email {
            return Err(invalid());
        }
        if found.used_at.is_some() || user.blocked_at.is_some() {
            return Err(invalid());
        }
        if found.expires_at <= now {
            return Err(link_refused(FieldCode::Expired, "this link has expired; ask for a new one"));
        }
        if !email_tokens::spend(tx, &hash, now)? {
            return Err(invalid());
        }
        Ok((user, found.email))
    }

    /// Confirms an address with the token of a confirmation link. When the
    /// link carries a new address, the account's address becomes it and
    /// the old address is told.
    pub fn confirm_address(&self, token: &str) -> ServiceResult<()> {
        let result = self.ctx.store().write(|tx| {
            let now = self.ctx.clock.now();
            let (user, address) = self.spend_link(tx, token, TokenPurpose::ConfirmAddress, now)?;
            let changed = address != user.email;
            if changed && users::find_by_email(tx, &address)?.is_some() {
                return Err(taken());
            }
            users::confirm_email(tx, user.id, &address, now)?;
            email_tokens::retire_unused(tx, user.id, TokenPurpose::ConfirmAddress, now)?;
            if changed {
                // Reset links went to the old address: they no longer work.
                email_tokens::retire_unused(tx, user.id, TokenPurpose::PasswordReset, now)?;
                let reset_link = self.forgot_password_link()?;
                let new_address = mask_address(&address);
                let notice = LetterBody::EmailChanged { new_address: &new_address, reset_link: &reset_link };
                self.post(tx, &user, &user.email, &notice)?;
            }
            Ok(())
        });
        match result {
            Err(error) if error.duplicate().is_some() => Err(taken()),
            other => other,
        }
    }

    /// Sets a new password with the token of a reset link: every session
    /// of the account is closed, every other reset link retired, the
    /// address counts as confirmed (the link was read there), and a notice
    /// goes to it.
    pub fn reset_password(&self, token: &str, password: &str) -> ServiceResult<()> {
        Validation::new().rule("password", validate_password(password)).finish()?;
        let password_hash = hash_password(password).map_err(hashing_failed)?;
        self.ctx.store().write(|tx| {
            let now = self.ctx.clock.now();
            let (user, _) = self.spend_link(tx, token, TokenPurpose::PasswordReset, now)?;
            self.replace_password(tx, &user, &password_hash, now)?;
            if user.email_confirmed_at.is_none() {
                users::confirm_email(tx, user.id, &user.email, now)?;
            }
            Ok(())
        })
    }

    /// Changes the caller's password, proven by the current one: every
    /// session closes and a new one starts for the caller, and a notice
    /// goes to their address.
    pub fn change_password(&self, user_id: Uuid, current: &str, new: &str, address: IpAddr) -> ServiceResult<Session> {
        Validation::new().rule("new_password", validate_password(new)).finish()?;
        self.check_password(user_id, current, address)?;
        let password_hash = hash_password(new).map_err(hashing_failed)?;
        self.ctx.store().write(|tx| {
            let user = users::find_for_update(tx, user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            let now = self.ctx.clock.now();
            self.replace_password(tx, &user, &password_hash, now)?;
            let roles = roles::grants_of(tx, user.id)?;
            let ids = (self.ctx.ids.new_id(), self.ctx.ids.new_id());
            self.start_session(tx, SignedInUser { user: user.into(), roles }, ids, now)
        })
    }

    fn replace_password(
        &self,
        tx: &mut Tx<'_>,
        user: &UserRecord,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> ServiceResult<()> {
        users::set_password_hash(tx, user.id, password_hash, now)?;
        tokens::revoke_all_for_user(tx, user.id, now)?;
        // Every link in flight goes: a reset link, and a pending change of
        // address, which whoever knew the old password may have asked for.
        email_tokens::retire_unused(tx, user.id, TokenPurpose::PasswordReset, now)?;
        email_tokens::retire_unused(tx, user.id, TokenPurpose::ConfirmAddress, now)?;
        if self.sends_email() {
            let reset_link = self.forgot_password_link()?;
            self.post(tx, user, &user.email, &LetterBody::PasswordChanged { reset_link: &reset_link })?;
        }
        Ok(())
    }

    /// Checks the caller's password from `address`, throttled and
    /// recorded as a sign-in is (a wrong one is a field error, not a
    /// failed sign-in: the caller is signed in already).
    pub(crate) fn check_password(&self, user_id: Uuid, password: &str, address: IpAddr) -> ServiceResult<()> {
        let user = self
            .ctx
            .store()
            .read(|tx| users::find_by_id(tx, user_id))?
            .ok_or_else(|| DomainError::not_found("user"))?;
        match self.attempt_password(&user.email, password, address)? {
            Some(found) if found.id == user_id => Ok(()),
            _ => {
                Err(DomainError::invalid("password", FieldCode::Mismatch, "this is not the account's password").into())
            }
        }
    }

    /// Changes the caller's address, proven by their password. When the
    /// site sends e-mail, a link goes to the new address and the change
    /// happens when it is opened; otherwise it happens now, unconfirmed.
    pub fn change_email(
        &self,
        user_id: Uuid,
        password: &str,
        email: &str,
        address: IpAddr,
    ) -> ServiceResult<AddressChange> {
        let (email,) = Validation::new().field("email", Email::parse(email)).finish()?;
        self.check_password(user_id, password, address)?;
        let result = self.ctx.store().write(|tx| {
            let user = users::find_for_update(tx, user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            if user.email == email.as_str() {
                return Err(DomainError::invalid("email", FieldCode::Unchanged, "this is the account's address").into());
            }
            if users::find_by_email(tx, email.as_str())?.is_some() {
                return Err(taken());
            }
            let now = self.ctx.clock.now();
            if !self.sends_email() {
                users::change_email_unconfirmed(tx, user.id, email.as_str(), now)?;
                return Ok(AddressChange::Done);
            }
            if self.may_send(tx, user.id, email.as_str(), MailKind::ConfirmAddress, now)? {
                let link = self.issue_link(tx, user.id, TokenPurpose::ConfirmAddress, email.as_str(), now)?;
                self.post(tx, &user, email.as_str(), &LetterBody::ConfirmAddress { link: &link })?;
            }
            Ok(AddressChange::Pending)
        });
        match result {
            Err(error) if error.duplicate().is_some() => Err(taken()),
            other => other,
        }
    }

    /// Sets the language the caller reads the platform and its e-mail in.
    pub fn set_language(&self, user_id: Uuid, language: Language) -> ServiceResult<()> {
        Ok(self.ctx.store().write(|tx| users::set_language(tx, user_id, language))?)
    }
}

fn taken() -> ServiceError {
    DomainError::Conflict {
        code: ErrorCode::EmailTaken,
        message: "an account with this e-mail exists".into(),
        field: Some("email"),
    }
    .into()
}
