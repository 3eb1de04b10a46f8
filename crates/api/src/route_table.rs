//! What the one list of routes tells the layers that must agree with it.
//! Each operation is declared once, on its handler (method and path in
//! the actix attribute, the rest in `#[utoipa::path]`, its rate-limit
//! class in the operation's `x-rate-limit` extension), and registered once
//! (`routes::register`), which puts it in the router and in the OpenAPI
//! document together. From that document this table is derived: the
//! methods a path takes (the 405 answer and its `Allow`) and the class
//! the rate limiter counts a request in. Nothing here lists a path.

use actix_web::dev::ResourceDef;
use actix_web::http::Method;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::OpenApi;

/// The operation extension that names a rate-limit class other than its
/// method's default (see [`RateClass::of`]).
pub const RATE_LIMIT_EXTENSION: &str = "x-rate-limit";

/// Which budget of the rate limiter a request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateClass {
    /// Not counted: reads whose cost does not grow with the data.
    Free,
    /// Sign-up, sign-in and token refresh, per client address
    /// (`x-rate-limit: auth`).
    Auth,
    /// Writes, per signed-in user or per anonymous address.
    Write,
    /// Reads whose cost grows with the texts or tables involved (diffs,
    /// merge assessments, chain verifications, account search), per
    /// client address (`x-rate-limit: expensive`).
    ExpensiveRead,
}

impl RateClass {
    /// The class of a method when the operation names none, and of
    /// requests no operation takes: writes for every method that changes
    /// something, free for reads.
    pub fn default_for(method: &Method) -> Self {
        if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
            RateClass::Free
        } else {
            RateClass::Write
        }
    }

    /// The class an operation declares, else its method's default.
    pub fn of(method: &Method, operation: &Operation) -> Self {
        let declared = operation.extensions.as_ref().and_then(|e| e.get(RATE_LIMIT_EXTENSION));
        match declared.and_then(|value| value.as_str()) {
            Some("auth") => RateClass::Auth,
            Some("expensive") => RateClass::ExpensiveRead,
            _ => RateClass::default_for(method),
        }
    }
}

/// The operations of a path item, with their methods.
pub fn operations(item: &PathItem) -> impl Iterator<Item = (Method, &Operation)> {
    [
        (Method::GET, item.get.as_ref()),
        (Method::POST, item.post.as_ref()),
        (Method::PUT, item.put.as_ref()),
        (Method::PATCH, item.patch.as_ref()),
        (Method::DELETE, item.delete.as_ref()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|o| (method, o)))
}

/// Every documented operation as the router matches it.
#[derive(Debug)]
pub struct RouteTable {
    routes: Vec<(ResourceDef, Method, RateClass)>,
}

impl RouteTable {
    /// The table of a document's operations, plus `extra` GET-only paths
    /// the document leaves out (the document itself).
    pub fn from_document(document: &OpenApi, extra: &[&str]) -> Self {
        let mut routes: Vec<(ResourceDef, Method, RateClass)> = document
            .paths
            .paths
            .iter()
            .flat_map(|(path, item)| {
                operations(item)
                    .map(|(method, operation)| {
                        let class = RateClass::of(&method, operation);
                        (ResourceDef::new(path.as_str()), method, class)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        routes.extend(extra.iter().map(|path| (ResourceDef::new(*path), Method::GET, RateClass::Free)));
        Self { routes }
    }

    /// The methods `path` answers to (with `HEAD` wherever `GET` is), in
    /// the order of RFC 9110; empty when no route has this path.
    pub fn allowed_methods(&self, path: &str) -> Vec<Method> {
        let mut allowed: Vec<Method> = Vec::new();
        for (resource, method, _) in &self.routes {
            if resource.is_match(path) && !allowed.contains(method) {
                allowed.push(method.clone());
            }
        }
        if allowed.contains(&Method::GET) {
            allowed.push(Method::HEAD);
        }
        let order = [Method::GET, Method::HEAD, Method::POST, Method::PUT, Method::PATCH, Method::DELETE];
        allowed.sort_by_key(|m| order.iter().position(|o| o == m));
        allowed
    }

    /// The class a request to `path` (decoded as the router decodes it)
    /// with `method` is counted in. `HEAD` is a `GET`.
    pub fn rate_class(&self, method: &Method, path: &str) -> RateClass {
        let method = if *method == Method::HEAD { Method::GET } else { method.clone() };
        self.routes
            .iter()
            .find(|(resource, m, _)| *m == method && resource.is_match(path))
            .map_or_else(|| RateClass::default_for(&method), |(_, _, class)| *class)
    }
}
