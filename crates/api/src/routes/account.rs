//! The caller's account and the links sent by e-mail: confirming an
//! address, resetting a forgotten password, changing the password, the
//! address and the language; and, for admins, the mail outbox.

use crate::auth::CurrentUser;
use crate::dto::mail::{AddressChangeDto, OutboxDto, OutboxLetterDto};
use crate::dto::sessions::SessionDto;
use crate::extract::{blocking, Body, Query};
use crate::pagination::{self, CursorScope};
use crate::problem::ApiResult;
use crate::rate_limit::ClientAddress;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use emenda_domain::mail::{Language, MailState};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// Whose password to reset.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "email": "maria@example.it" }))]
pub struct PasswordResetRequest {
    /// The account's e-mail.
    pub email: String,
}

/// A reset link's token and the new password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPasswordRequest {
    /// The `token` of the link in the letter.
    pub token: String,
    /// 10 to 128 characters.
    #[schema(schema_with = crate::text_schema::password)]
    pub password: String,
}

/// A confirmation link's token.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmAddressRequest {
    /// The `token` of the link in the letter.
    pub token: String,
}

/// A change of password, proven by the current one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// The password now.
    pub password: String,
    /// The new one: 10 to 128 characters.
    #[schema(schema_with = crate::text_schema::password)]
    pub new_password: String,
}

/// A change of address, proven by the password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeEmailRequest {
    /// The account's password.
    pub password: String,
    /// The new address. At most 254 characters.
    #[schema(schema_with = crate::text_schema::email)]
    pub email: String,
}

/// The language the caller reads the platform and its e-mail in.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageRequest {
    /// `it` or `en`.
    pub language: Language,
}

/// Sends a reset link to the address, if an account has it.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = PasswordResetRequest,
    responses((status = 202, description = "Accepted. The answer is the same whether or not an account has this address; at most 3 links an hour go to one account."),
        (status = 409, description = "The site sends no e-mail (`email_off`).")))]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    body: Body<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    let email = body.into_inner().email;
    blocking(move || state.accounts.request_password_reset(&email)).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Sets a new password with a reset link's token.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = NewPasswordRequest,
    responses((status = 204, description = "The password is changed, every session of the account closed, and a notice sent."),
        (status = 422, description = "The password is too short or long (field `password`); the link is unknown, used, or for an address the account no longer has (field `token`, `invalid`) or too old (`expired`).")))]
#[post("/auth/password-reset/confirm")]
pub async fn reset_password(state: web::Data<AppState>, body: Body<NewPasswordRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    blocking(move || state.accounts.reset_password(&body.token, &body.password)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Confirms an address with a confirmation link's token.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = ConfirmAddressRequest,
    responses((status = 204, description = "The address is confirmed; when the link was for a new address, it is now the account's and the old one was told."),
        (status = 409, description = "The new address has an account meanwhile (`email_taken`)."),
        (status = 422, description = "The link is unknown or used (field `token`, `invalid`) or too old (`expired`).")))]
#[post("/auth/confirm-email")]
pub async fn confirm_address(state: web::Data<AppState>, body: Body<ConfirmAddressRequest>) -> ApiResult<HttpResponse> {
    let token = body.into_inner().token;
    blocking(move || state.accounts.confirm_address(&token)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sends a new confirmation link to the caller's address.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", security(("bearer" = [])),
    responses((status = 202, description = "Sent, unless the address is confirmed already or 3 links went out this hour."),
        (status = 409, description = "The site sends no e-mail (`email_off`).")))]
#[post("/me/email-confirmation")]
pub async fn resend_confirmation(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<HttpResponse> {
    let user_id = user.0.user.id;
    blocking(move || state.accounts.resend_confirmation(user_id)).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Changes the caller's password.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = ChangePasswordRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "Changed: every session closed, a new one for the caller, and a notice sent.", body = SessionDto),
        (status = 422, description = "The password is wrong (field `password`, `mismatch`) or the new one too short or long (field `new_password`).")))]
#[put("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    body: Body<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let user_id = user.0.user.id;
    let session =
        blocking(move || state.accounts.change_password(user_id, &body.password, &body.new_password, address.0))
            .await?;
    Ok(HttpResponse::Ok().json(SessionDto::from(session)))
}

/// Changes the caller's address.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = ChangeEmailRequest,
    security(("bearer" = [])),
    responses((status = 202, description = "`pending`: a link went to the new address, and the change happens when it is opened; `done`: the site sends no e-mail, so it changed now, unconfirmed.", body = AddressChangeDto),
        (status = 409, description = "The address has an account (`email_taken`)."),
        (status = 422, description = "The password is wrong (field `password`, `mismatch`); the address is malformed or the current one (field `email`).")))]
#[put("/me/email")]
pub async fn change_email(
    state: web::Data<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    body: Body<ChangeEmailRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let user_id = user.0.user.id;
    let change = blocking(move || state.accounts.change_email(user_id, &body.password, &body.email, address.0)).await?;
    Ok(HttpResponse::Accepted().json(AddressChangeDto::from(change)))
}

/// Sets the language the caller reads the platform and its e-mail in.
#[utoipa::path(tag = "auth", request_body = LanguageRequest, security(("bearer" = [])),
    responses((status = 204, description = "Set.")))]
#[put("/me/language")]
pub async fn set_language(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Body<LanguageRequest>,
) -> ApiResult<HttpResponse> {
    let language = body.into_inner().language;
    let user_id = user.0.user.id;
    blocking(move || state.accounts.set_language(user_id, language)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Outbox listing parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct OutboxQuery {
    /// Only letters in this state (`pending`, `sent`, `dead`).
    pub state: Option<MailState>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// The mail outbox, newest first, with how many letters are in each state
/// (admins): what is waiting, what went, and what was given up.
#[utoipa::path(tag = "moderation", params(OutboxQuery), security(("bearer" = [])),
    responses((status = 200, description = "A page of letters (without their bodies) and the counts.", body = OutboxDto),
        (status = 403, description = "Only administrators may do this (`admin_only`).")))]
#[get("/moderation/mail")]
pub async fn list_outbox(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<OutboxQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("outbox").with("state", &query.state);
    let before: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let actor = user.actor();
    let filter = query.state;
    let (letters, counts) = blocking(move || {
        let letters = state.outbox.list(&actor, filter, before, limit + 1)?;
        Ok((letters, state.outbox.counts(&actor)?))
    })
    .await?;
    let page = pagination::page(letters, limit, &scope, |letter| letter.id).map(OutboxLetterDto::from);
    Ok(HttpResponse::Ok().json(OutboxDto::new(page, &counts)))
}

/// Puts a dead letter back in line with fresh attempts (admins).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path, description = "The letter's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "It will be tried again at once."),
        (status = 403, description = "Only administrators may do this (`admin_only`)."),
        (status = 404, description = "No dead letter has this id (`not_found`).")))]
#[post("/moderation/mail/{id}/retry")]
pub async fn retry_letter(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    blocking(move || state.outbox.retry(&user.actor(), id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(request_password_reset)
        .service(reset_password)
        .service(confirm_address)
        .service(resend_confirmation)
        .service(change_password)
        .service(change_email)
        .service(set_language)
        .service(list_outbox)
        .service(retry_letter);
}
