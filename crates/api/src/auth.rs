//! Who is calling: the bearer token checked and the user (with roles and
//! blocked state) loaded from the database on every request.

use crate::extract::blocking;
use crate::problem::ApiError;
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, ResponseError};
use emenda_accounts::SignedInUser;
use emenda_domain::policy::Actor;
use emenda_domain::ErrorCode;
use emenda_service::AccessError;
use std::future::Future;
use std::pin::Pin;

/// A signed-in caller; extracting it fails with 401 when there is none.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub SignedInUser);

impl CurrentUser {
    /// The caller as the rules see them.
    pub fn actor(&self) -> Actor {
        self.0.actor()
    }
}

/// The caller if signed in; anonymous readers get `None`. A token that is
/// present but invalid is still an error: silently treating it as
/// anonymous would hide a client bug.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<SignedInUser>);

impl MaybeUser {
    /// The caller as the rules see them, if any.
    pub fn actor(&self) -> Option<Actor> {
        self.0.as_ref().map(SignedInUser::actor)
    }
}

fn bearer_token(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else { return Ok(None) };
    let text = value.to_str().map_err(|_| ApiError::from(invalid_header()))?;
    match text.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(Some(token.trim().to_owned()))
        }
        _ => Err(invalid_header().into()),
    }
}

fn invalid_header() -> AccessError {
    AccessError::token(ErrorCode::TokenInvalid, "use `Authorization: Bearer <token>`")
}

/// What [`authenticate`] found for this request, kept for the extractors.
#[derive(Clone)]
struct Caller(Option<SignedInUser>);

/// Middleware over every API route: a request that carries a token has it
/// checked (signature, expiry, account, blocked state) before any handler
/// runs, so an invalid or expired token, or a blocked account, is an error
/// on every endpoint, including those that do not need the caller.
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let caller = match load(req.request().clone()).await {
        Ok(caller) => caller,
        Err(error) => return Ok(req.into_response(error.error_response())),
    };
    req.extensions_mut().insert(Caller(caller));
    Ok(next.call(req).await?.map_into_boxed_body())
}

async fn caller(req: HttpRequest) -> Result<Option<SignedInUser>, ApiError> {
    if let Some(Caller(known)) = req.extensions().get::<Caller>() {
        return Ok(known.clone());
    }
    load(req.clone()).await
}

async fn load(req: HttpRequest) -> Result<Option<SignedInUser>, ApiError> {
    let Some(token) = bearer_token(&req)? else { return Ok(None) };
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::new(ErrorCode::InternalError, "no state"))?;
    // The signature is checked before any await, so a bad token is refused
    // before the body is even read.
    let (user_id, issued_at) = state.accounts.verify_access(&token)?;
    blocking(move || state.accounts.signed_in_user_at(user_id, Some(issued_at))).await.map(Some)
}

impl FromRequest for MaybeUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { caller(req).await.map(MaybeUser) })
    }
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { caller(req).await?.map(CurrentUser).ok_or_else(ApiError::unauthenticated) })
    }
}
