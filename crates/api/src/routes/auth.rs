//! Registration, sign-in, token rotation, sign-out and the caller's profile.

use crate::auth::CurrentUser;
use crate::dto::sessions::{MeDto, SessionDto};
use crate::dto::users::UserDto;
use crate::extract::{blocking, Body};
use crate::problem::ApiResult;
use crate::rate_limit::ClientAddress;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use emenda_accounts::service::{Consent, Registration};
use emenda_domain::mail::Language;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registration form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "maria@example.it",
    "password": "una-password-sicura",
    "nickname": "maria",
    "display_name": "Maria Rossi",
    "privacy_version": 1
}))]
pub struct RegisterRequest {
    /// E-mail, used to sign in; never shown publicly. At most 254 characters.
    #[schema(schema_with = crate::text_schema::email)]
    pub email: String,
    /// 10 to 128 characters.
    #[schema(schema_with = crate::text_schema::password)]
    pub password: String,
    /// Public handle: 3 to 20 of `a-z`, `0-9` and `_`, starting with a
    /// letter (stored lower-case).
    #[schema(schema_with = crate::text_schema::nickname)]
    pub nickname: String,
    /// Name shown next to contributions: 1 to 60 characters, one line.
    #[schema(schema_with = crate::text_schema::display_name)]
    pub display_name: String,
    /// The version of the privacy notice (`GET /pages/privacy`) the person
    /// read and accepts: required, and it must be the one in force
    /// (`mismatch` when the notice changed meanwhile: show the new one).
    #[schema(minimum = 1)]
    pub privacy_version: Option<i32>,
    /// The language to write to them in (`it`, the default, or `en`).
    pub language: Option<Language>,
}

/// Sign-in form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "email": "maria@example.it", "password": "una-password-sicura" }))]
pub struct LoginRequest {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// A refresh token, to rotate or to revoke.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token from the last sign-in or refresh.
    pub refresh_token: String,
}

/// Creates a participant account.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = RegisterRequest,
    responses((status = 201, description = "The new account.", body = UserDto),
        (status = 409, description = "The e-mail or the nickname is taken (`email_taken`, `nickname_taken`).")))]
#[post("/auth/register")]
pub async fn register(state: web::Data<AppState>, body: Body<RegisterRequest>) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let input = Registration {
        email: body.email,
        password: body.password,
        nickname: body.nickname,
        display_name: body.display_name,
        consent: Consent::PrivacyNotice(body.privacy_version),
        language: body.language.unwrap_or(Language::It),
    };
    let user = blocking(move || state.accounts.register(&input)).await?;
    Ok(HttpResponse::Created().json(UserDto::from(&user)))
}

/// Signs in.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = LoginRequest,
    responses((status = 200, description = "The session's tokens and the user.", body = SessionDto),
        (status = 401, description = "Wrong e-mail or password (`invalid_credentials`, never saying which)."),
        (status = 403, description = "The account is blocked (`account_blocked`)."),
        (status = 429, description = "Too many requests from this client (`rate_limited`), or too many failed sign-ins for this e-mail from this address or from addresses it never signed in from (`too_many_attempts`); see `Retry-After`.")))]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    address: ClientAddress,
    body: Body<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let session = blocking(move || state.accounts.login(&body.email, &body.password, address.0)).await?;
    Ok(HttpResponse::Ok().json(SessionDto::from(session)))
}

/// Rotates a refresh token.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = RefreshRequest,
    responses((status = 200, description = "A new pair of tokens; the one sent is spent.", body = SessionDto),
        (status = 401, description = "The refresh token is invalid, expired or reused (`token_invalid`, `token_expired`, `token_reused`); reuse closes its whole sign-in."),
        (status = 403, description = "The account is blocked (`account_blocked`).")))]
#[post("/auth/refresh")]
pub async fn refresh(state: web::Data<AppState>, body: Body<RefreshRequest>) -> ApiResult<HttpResponse> {
    let token = body.into_inner().refresh_token;
    let session = blocking(move || state.accounts.refresh(&token)).await?;
    Ok(HttpResponse::Ok().json(SessionDto::from(session)))
}

/// Revokes the session of a refresh token.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = RefreshRequest,
    security(("bearer" = [])), responses((status = 204, description = "Signed out: the refresh token no longer works.")))]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Body<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let token = body.into_inner().refresh_token;
    let user_id = user.0.user.id;
    blocking(move || state.accounts.logout(user_id, &token)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's profile and roles.
#[utoipa::path(tag = "auth", security(("bearer" = [])),
    responses((status = 200, description = "The caller.", body = MeDto)))]
#[get("/me")]
pub async fn me(user: CurrentUser) -> HttpResponse {
    HttpResponse::Ok().json(MeDto::from(&user.0))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(register).service(login).service(refresh).service(logout).service(me);
}
