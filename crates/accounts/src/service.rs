//! The account service: every operation on users and sessions.

use crate::email::MailSite;
use crate::passwords::{decoy_hash, hash_password, verify_password};
use crate::tokens::{hash_refresh_token, random_secret, JwtKeys};
use crate::views::User;
use chrono::{DateTime, Duration, Utc};
use emenda_domain::audit::AuditAction;
use emenda_domain::error::Validation;
use emenda_domain::mail::Language;
use emenda_domain::policy::{Actor, Role, RoleGrant};
use emenda_domain::session::{judge_replay, Replay, SpentToken, REFRESH_RETRY_GRACE};
use emenda_domain::sign_in::{address_key, judge_sign_in, SignInLimits, SignInVerdict};
use emenda_domain::site::{consent_given, ensure_current_privacy, SitePage};
use emenda_domain::values::{validate_password, DisplayName, Email, Nickname};
use emenda_domain::{DomainError, ErrorCode, FieldCode};
use emenda_service::{AccessError, AuditTarget, InternalError, ServiceContext, ServiceError, ServiceResult};
use emenda_store::tokens::NewRefreshToken;
use emenda_store::users::{NewUser, UserRecord};
use emenda_store::HasStore;
use emenda_store::{pages, roles, tokens, users};
use std::net::IpAddr;
use uuid::Uuid;

/// Lifetimes and limits of sessions.
#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// How long an access token works (at most 15 minutes).
    pub access_ttl: Duration,
    /// How long a refresh token works if unused.
    pub refresh_ttl: Duration,
    /// When a sign-in attempt may go ahead, per account and client
    /// address (see [`emenda_domain::sign_in`]).
    pub sign_in: SignInLimits,
    /// How soon after an exchange a spent refresh token may come back as a
    /// lost answer retried rather than a copy.
    pub refresh_retry_grace: Duration,
    /// Where the site's e-mail comes from and where its links lead; `None`
    /// when the site sends no e-mail.
    pub mail: Option<MailSite>,
    /// How long a deletion request waits before the account is erased
    /// (`EMENDA_ACCOUNT_DELETION_GRACE`): time for someone who asked in
    /// anger, or whose session was taken, to change it. Zero erases at once.
    pub deletion_grace: Duration,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            access_ttl: Duration::minutes(15),
            refresh_ttl: Duration::days(30),
            sign_in: SignInLimits::default(),
            refresh_retry_grace: REFRESH_RETRY_GRACE,
            mail: None,
            deletion_grace: Duration::days(7),
        }
    }
}

/// A user together with the roles they hold right now.
#[derive(Debug, Clone)]
pub struct SignedInUser {
    /// The user.
    pub user: User,
    /// Their roles.
    pub roles: Vec<RoleGrant>,
}

impl SignedInUser {
    /// The user as the rules see them.
    pub fn actor(&self) -> Actor {
        Actor { user_id: self.user.id, verified: self.user.verified_at.is_some(), roles: self.roles.clone() }
    }
}

/// What a successful sign-in or refresh hands back.
#[derive(Debug, Clone)]
pub struct Session {
    /// Bearer token for API calls.
    pub access_token: String,
    /// Seconds the access token lives.
    pub expires_in: i64,
    /// Single-use token to get the next access token.
    pub refresh_token: String,
    /// Who signed in.
    pub user: SignedInUser,
}

/// Input of a registration, as typed by the person.
#[derive(Debug, Clone)]
pub struct Registration {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
    /// Public handle.
    pub nickname: String,
    /// Shown name.
    pub display_name: String,
    /// Whose decision the account is, and what was accepted.
    pub consent: Consent,
    /// The language they read the platform and its e-mail in.
    pub language: Language,
}

/// How an account comes to exist, for the privacy notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// A person signs up and accepts this version of the privacy notice
    /// (as sent: required, and checked against the one in force).
    PrivacyNotice(Option<i32>),
    /// An operator makes the account (the command line, the demo data): no
    /// consent to record.
    ByOperator,
}

/// Users and sessions.
#[derive(Debug, Clone)]
pub struct AccountService {
    pub(crate) ctx: ServiceContext,
    pub(crate) keys: JwtKeys,
    pub(crate) settings: AuthSettings,
}

enum RefreshOutcome {
    Rotated(Box<Session>),
    Reused,
}

fn taken(code: ErrorCode, field: &'static str, message: &str) -> ServiceError {
    DomainError::Conflict { code, message: message.into(), field: Some(field) }.into()
}

impl AccountService {
    /// A service signing tokens with `keys`.
    pub fn new(ctx: ServiceContext, keys: JwtKeys, settings: AuthSettings) -> Self {
        Self { ctx, keys, settings }
    }

    /// Registers a participant. Every invalid field is reported at once.
    pub fn register(&self, input: &Registration) -> ServiceResult<User> {
        let (email, nickname, display_name) = Validation::new()
            .field("email", Email::parse(&input.email))
            .field("nickname", Nickname::parse(&input.nickname))
            .field("display_name", DisplayName::parse(&input.display_name))
            .rule("password", validate_password(&input.password))
            .rule(
                "privacy_version",
                match input.consent {
                    Consent::PrivacyNotice(accepted) => consent_given(accepted).map(drop),
                    Consent::ByOperator => Ok(()),
                },
            )
            .finish()?;
        let password_hash =
            hash_password(&input.password).map_err(|e| InternalError::new("hashing a password", e.to_string()))?;
        let id = self.ctx.ids.new_id();
        let created_at = self.ctx.clock.now();
        let result = self.ctx.store().write(|tx| {
            if users::find_by_email(tx, email.as_str())?.is_some() {
                return Err(taken(ErrorCode::EmailTaken, "email", "an account with this e-mail exists"));
            }
            if users::nickname_taken(tx, nickname.as_str())? {
                return Err(taken(ErrorCode::NicknameTaken, "nickname", "this nickname is taken"));
            }
            // Held to the end of the transaction, so a grant that would
            // make a look-alike staff waits for this registration or is
            // seen by it (the lock table in docs/architecture.md).
            users::lock_reserved_names(tx, false)?;
            let (name_reserved, nickname_reserved) =
                users::reserved_look_alikes(tx, display_name.as_str(), nickname.as_str())?;
            let reserved = |field| {
                DomainError::invalid(field, FieldCode::NameReserved, "looks like the name of a staff member or admin")
            };
            Validation::new()
                .rule("nickname", if nickname_reserved { Err(reserved("nickname")) } else { Ok(()) })
                .rule("display_name", if name_reserved { Err(reserved("display_name")) } else { Ok(()) })
                .finish()?;
            let user = NewUser {
                id,
                email: email.as_str(),
                nickname: nickname.as_str(),
                display_name: display_name.as_str(),
                password_hash: &password_hash,
                created_at,
            };
            users::insert(tx, &user)?;
            if input.language != Language::It {
                users::set_language(tx, id, input.language)?;
            }
            if input.consent == Consent::ByOperator {
                // The operator vouches for the address of an account they make.
                users::confirm_email(tx, id, email.as_str(), created_at)?;
            }
            if let Consent::PrivacyNotice(Some(accepted)) = input.consent {
                let current = pages::get(tx, SitePage::Privacy.as_str(), None)?
                    .ok_or_else(|| DomainError::not_found("privacy notice"))?;
                ensure_current_privacy(accepted, current.version)?;
                users::record_privacy_consent(tx, id, accepted, created_at)?;
            }
            self.ctx.audit(
                tx,
                Some(id),
                AuditAction::UserRegistered,
                AuditTarget { kind: "user", id, space_id: None },
                serde_json::json!({ "nickname": nickname.as_str() }),
            )?;
            let record = users::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("user"))?;
            self.welcome(tx, &record)?;
            Ok(User::from(record))
        });
        match result {
            // Two registrations racing for one e-mail: the database decides.
            Err(error) if error.duplicate().is_some() => {
                Err(if error.duplicate().is_some_and(|constraint| constraint.contains("nickname")) {
                    taken(ErrorCode::NicknameTaken, "nickname", "this nickname is taken")
                } else {
                    taken(ErrorCode::EmailTaken, "email", "an account with this e-mail exists")
                })
            }
            other => other,
        }
    }

    /// Signs in with e-mail and password from a client `address`. After
    /// too many failures for this e-mail from this address, or from
    /// addresses it never signed in from, refuses for a while whatever the
    /// password (see [`emenda_domain::sign_in`]).
    pub fn login(&self, email: &str, password: &str, address: IpAddr) -> ServiceResult<Session> {
        let email = email.trim().to_lowercase();
        let Some(user) = self.attempt_password(&email, password, address)? else {
            return Err(AccessError::InvalidCredentials.into());
        };
        // The session starts under the user's row lock, with the blocked
        // state read again there: a block committed while the password was
        // being checked refuses the session, and a block that comes after
        // revokes the token written here.
        self.ctx.store().write(|tx| {
            let user = users::find_for_update(tx, user.id)?.ok_or(AccessError::InvalidCredentials)?;
            if user.blocked_at.is_some() {
                return Err(blocked().into());
            }
            let roles = roles::grants_of(tx, user.id)?;
            let now = self.ctx.clock.now();
            let ids = (self.ctx.ids.new_id(), self.ctx.ids.new_id());
            self.start_session(tx, SignedInUser { user: user.into(), roles }, ids, now)
        })
    }

    /// Checks `password` for the account of `email` (lower-cased) from
    /// `address`, throttled as a sign-in is: the account when it is right,
    /// `None` when it is wrong or there is no such account. Every check of
    /// a password goes through here (signing in, and proving it to change
    /// the password or the address), so a stolen session cannot guess it
    /// faster than a stranger at the sign-in form.
    pub(crate) fn attempt_password(
        &self,
        email: &str,
        password: &str,
        address: IpAddr,
    ) -> ServiceResult<Option<UserRecord>> {
        let address = address_key(address);
        let attempt_id = self.ctx.ids.new_id();
        let limits = &self.settings.sign_in;
        // The attempt is judged and recorded (as a failure) before the
        // password is checked, in one transaction under the e-mail's lock:
        // parallel guesses cannot all be judged before any is recorded.
        let user = self.ctx.store().write(|tx| {
            users::lock_sign_in(tx, email)?;
            // The time is read once the lock is held, so a wait for the
            // pool or the lock does not date the attempt in the past.
            let now = self.ctx.clock.now();
            let (failures_before, successes_before) = limits.forget_before(now);
            users::forget_login_attempts(tx, email, failures_before, successes_before)?;
            let history = users::login_attempts(tx, email)?;
            if let SignInVerdict::Wait { seconds } = judge_sign_in(&history, &address, now, limits) {
                return Err(ServiceError::from(AccessError::TooManyAttempts { retry_after: seconds }));
            }
            users::record_login_attempt(tx, attempt_id, email, &address, false, now)?;
            Ok(users::find_by_email(tx, email)?)
        })?;
        let stored_hash = user.as_ref().map_or(decoy_hash(), |u| u.password_hash.as_str());
        let password_ok = verify_password(password, stored_hash) && user.is_some();
        if password_ok {
            self.ctx.store().write(|tx| {
                users::lock_sign_in(tx, email)?;
                users::mark_login_succeeded(tx, attempt_id, email, &address)
            })?;
        }
        Ok(user.filter(|_| password_ok))
    }

    pub(crate) fn start_session(
        &self,
        tx: &mut emenda_store::Tx<'_>,
        user: SignedInUser,
        (family_id, token_id): (Uuid, Uuid),
        now: DateTime<Utc>,
    ) -> ServiceResult<Session> {
        let refresh_token = random_secret().map_err(|e| InternalError::new("drawing a refresh token", e))?;
        let token_hash = hash_refresh_token(&refresh_token);
        tokens::insert(
            tx,
            &NewRefreshToken {
                id: token_id,
                user_id: user.user.id,
                family_id,
                token_hash: &token_hash,
                created_at: now,
                expires_at: now + self.settings.refresh_ttl,
            },
        )?;
        let access_token = self.keys.issue(user.user.id, now, now + self.settings.access_ttl)?;
        Ok(Session { access_token, expires_in: self.settings.access_ttl.num_seconds(), refresh_token, user })
    }

    /// Exchanges a refresh token for a new pair. A token works once: if a
    /// spent or revoked token comes back, someone copied it, so its whole
    /// family is revoked and both holders must sign in again. The one
    /// exception is a lost answer retried at once (see
    /// [`emenda_domain::session`]): exchanged again, its unused successor
    /// retired.
    pub fn refresh(&self, refresh_token: &str) -> ServiceResult<Session> {
        let token_hash = hash_refresh_token(refresh_token);
        let outcome = self.ctx.store().write(|tx| -> ServiceResult<RefreshOutcome> {
            let Some(found) = tokens::find_by_hash(tx, &token_hash)? else {
                return Err(invalid_refresh().into());
            };
            // The user row is locked before the token is spent, the same
            // order a block takes (user, then tokens): a block and a refresh
            // are serialised and never deadlock. Refreshes of one user are
            // serialised too, so the token read again under the lock is
            // the truth, not what a concurrent refresh has since changed.
            let user = users::find_for_update(tx, found.user_id)?.ok_or_else(invalid_refresh)?;
            if user.blocked_at.is_some() {
                return Err(blocked().into());
            }
            let token = tokens::find_by_hash(tx, &token_hash)?.ok_or_else(invalid_refresh)?;
            let now = self.ctx.clock.now();
            let successor_id = self.ctx.ids.new_id();
            if token.used_at.is_some() || token.revoked_at.is_some() {
                if !self.retire_lost_successor(tx, &token, now)? {
                    tokens::revoke_family(tx, token.family_id, now)?;
                    return Ok(RefreshOutcome::Reused);
                }
                tokens::set_successor(tx, token.id, successor_id)?;
            } else {
                if token.expires_at <= now {
                    return Err(AccessError::token(
                        ErrorCode::TokenExpired,
                        "the refresh token has expired; sign in again",
                    )
                    .into());
                }
                if !tokens::spend(tx, token.id, now, successor_id)? {
                    tokens::revoke_family(tx, token.family_id, now)?;
                    return Ok(RefreshOutcome::Reused);
                }
            }
            let roles = roles::grants_of(tx, user.id)?;
            Ok(RefreshOutcome::Rotated(Box::new(self.start_session(
                tx,
                SignedInUser { user: user.into(), roles },
                (token.family_id, successor_id),
                now,
            )?)))
        })?;
        match outcome {
            RefreshOutcome::Rotated(session) => Ok(*session),
            RefreshOutcome::Reused => Err(AccessError::token(
                ErrorCode::TokenReused,
                "this refresh token was already used; every session it belongs to is now closed",
            )
            .into()),
        }
    }

    /// For a token seen before: whether it is a lost answer retried (then
    /// its unused successor is retired here, and the caller issues a new
    /// one) rather than a copy.
    fn retire_lost_successor(
        &self,
        tx: &mut emenda_store::Tx<'_>,
        token: &tokens::RefreshTokenRecord,
        now: DateTime<Utc>,
    ) -> ServiceResult<bool> {
        let successor = match token.successor_id {
            Some(id) => tokens::find(tx, id)?,
            None => None,
        };
        let spent = SpentToken {
            used_at: token.used_at,
            revoked: token.revoked_at.is_some(),
            successor_unused: successor.as_ref().is_some_and(|s| s.used_at.is_none() && s.revoked_at.is_none()),
        };
        match (judge_replay(spent, now, self.settings.refresh_retry_grace), successor) {
            (Replay::ExchangeAgain, Some(successor)) => Ok(tokens::retire_unused(tx, successor.id, now)?),
            _ => Ok(false),
        }
    }

    /// Ends the session a refresh token belongs to. Unknown tokens are
    /// ignored: logging out twice is not an error.
    pub fn logout(&self, user_id: Uuid, refresh_token: &str) -> ServiceResult<()> {
        let token_hash = hash_refresh_token(refresh_token);
        let now = self.ctx.clock.now();
        self.ctx.store().write(|tx| {
            // Under the user's row lock, like a refresh: a refresh of this
            // family in flight commits its new token before the family is
            // revoked, or starts after and finds its token revoked.
            users::find_for_update(tx, user_id)?;
            if let Some(token) = tokens::find_by_hash(tx, &token_hash)?.filter(|t| t.user_id == user_id) {
                tokens::revoke_family(tx, token.family_id, now)?;
            }
            Ok(())
        })
    }

    /// Checks an access token's signature and expiry (no database); returns
    /// the user id it was issued to.
    pub fn verify_access_token(&self, access_token: &str) -> ServiceResult<Uuid> {
        Ok(self.keys.verify(access_token, self.ctx.clock.now())?)
    }

    /// Checks an access token's signature and expiry (no database); returns
    /// the user id it was issued to and the second it was issued.
    pub fn verify_access(&self, access_token: &str) -> ServiceResult<(Uuid, i64)> {
        Ok(self.keys.verify_issued(access_token, self.ctx.clock.now())?)
    }

    /// Loads a user whose token was verified, with roles read now; blocked
    /// or deleted accounts are refused.
    pub fn signed_in_user(&self, user_id: Uuid) -> ServiceResult<SignedInUser> {
        self.signed_in_user_at(user_id, None)
    }

    /// [`AccountService::signed_in_user`] for a token issued at `issued_at`
    /// (microseconds since the epoch): refused when the account's sessions
    /// were closed after it was issued (a new or reset password, a
    /// deletion asked for) or the account is erased. A session started by
    /// the closing itself (a password change signs its maker in again) is
    /// issued at the closing's very time, and works.
    pub fn signed_in_user_at(&self, user_id: Uuid, issued_at: Option<i64>) -> ServiceResult<SignedInUser> {
        // One statement (the user with their grants): one round trip per
        // authenticated request, no transaction around it.
        self.ctx.store().read_statement(|tx| {
            let (user, roles) = users::find_with_roles(tx, user_id)?
                .ok_or_else(|| AccessError::token(ErrorCode::TokenInvalid, "the account no longer exists"))?;
            if user.blocked_at.is_some() {
                return Err(blocked().into());
            }
            if user.deleted_at.is_some() {
                return Err(AccessError::token(ErrorCode::TokenInvalid, "the account no longer exists").into());
            }
            let closed_since = user.sessions_closed_at.map(|at| at.timestamp_micros());
            if issued_at.zip(closed_since).is_some_and(|(issued, closed)| issued < closed) {
                return Err(
                    AccessError::token(ErrorCode::TokenInvalid, "this session was closed; sign in again").into()
                );
            }
            Ok(SignedInUser { user: user.into(), roles })
        })
    }

    /// Turns a bearer token into the signed-in user, with roles read now.
    pub fn authenticate(&self, access_token: &str) -> ServiceResult<SignedInUser> {
        let (user_id, issued_at) = self.verify_access(access_token)?;
        self.signed_in_user_at(user_id, Some(issued_at))
    }

    /// Makes sure an admin with this e-mail exists: registers them if
    /// needed and grants the global admin role. Returns the user id.
    pub fn ensure_admin(&self, registration: &Registration) -> ServiceResult<Uuid> {
        let email = Email::parse(&registration.email)?;
        let existing = self.ctx.store().read(|tx| users::find_by_email(tx, email.as_str()))?;
        let user_id = match existing {
            Some(user) => user.id,
            None => self.register(registration)?.id,
        };
        let confirmed_at = self.ctx.clock.now();
        let now = self.ctx.clock.now();
        let grant = RoleGrant { role: Role::Admin, space_id: None };
        self.ctx.store().write(|tx| {
            // Ordered against registrations like any grant; the operator's
            // choice of admin is not second-guessed for look-alikes.
            users::lock_reserved_names(tx, true)?;
            // The operator vouches for the address of the admin they name.
            if users::find_by_id(tx, user_id)?.is_some_and(|u| u.email_confirmed_at.is_none()) {
                users::confirm_email(tx, user_id, email.as_str(), confirmed_at)?;
            }
            if roles::grant(tx, self.ctx.ids.new_id(), user_id, grant, None, now)? {
                self.ctx.audit(
                    tx,
                    None,
                    AuditAction::RoleGranted,
                    AuditTarget { kind: "user", id: user_id, space_id: None },
                    serde_json::json!({ "role": "admin", "space_id": null, "by": "command line" }),
                )?;
            }
            Ok::<_, ServiceError>(())
        })?;
        Ok(user_id)
    }
}

fn blocked() -> DomainError {
    DomainError::forbidden(ErrorCode::AccountBlocked, "this account is blocked")
}

fn invalid_refresh() -> AccessError {
    AccessError::token(ErrorCode::TokenInvalid, "the refresh token is not valid")
}
