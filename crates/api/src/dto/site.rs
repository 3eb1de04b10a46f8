//! The site's own answer: who publishes it (the operator's settings, held
//! in the application state) and its pages in force.

use emenda_staff::views::PageSummary;
use serde::Serialize;
use utoipa::ToSchema;

/// The public body that publishes the site, as the operator configured it.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct Owner {
    /// Its name, as in the header and footer ("Comune di …", "Regione …").
    pub name: String,
    /// Its institutional website.
    pub url: Option<String>,
    /// Where citizens write to it (the accessibility statement's feedback,
    /// the privacy notice's contact).
    pub email: Option<String>,
    /// True when a logo is configured: `GET /api/v1/site/logo`.
    pub logo: bool,
}

/// The owner's logo, as configured: its bytes and media type.
#[derive(Debug, Clone)]
pub struct Logo {
    /// `image/svg+xml` or `image/png`.
    pub media_type: &'static str,
    /// The file.
    pub bytes: Vec<u8>,
}

/// Who publishes the site and its pages: what every page's header and
/// footer show.
#[derive(Debug, Serialize, ToSchema)]
pub struct Site {
    /// The owning body.
    pub owner: Owner,
    /// The version in force of each page, in footer order.
    pub pages: Vec<PageSummary>,
    /// Whether the site sends e-mail: without it there is no password
    /// reset and no address confirmation (`email_off`), and writing does
    /// not wait for a confirmed address.
    pub email: bool,
}
