//! The administration's own pages: legal notes, the privacy notice and the
//! accessibility statement (which AGID requires of every public body's
//! site). Admins edit them; each edit is a new version, and sign-up records
//! the version of the privacy notice a person accepted.

#[cfg(test)]
use crate::codes::ErrorCode;
use crate::codes::FieldCode;
use crate::error::DomainError;
use crate::string_enum;
use uuid::Uuid;

string_enum! {
    /// One of the administration's pages, named by its address.
    pub enum SitePage {
        /// "Note legali": who publishes the site, terms of use, licences.
        LegalNotes => "note-legali",
        /// "Privacy": the notice on personal data (art. 13 GDPR).
        Privacy => "privacy",
        /// "Dichiarazione di accessibilità" (Law 4/2004, AGID guidelines).
        Accessibility => "accessibilita",
    }
}

impl SitePage {
    /// Every page, in the order a footer lists them.
    pub const PAGES: [SitePage; 3] = [SitePage::LegalNotes, SitePage::Privacy, SitePage::Accessibility];

    /// The id the audit log names the page by (its entries need one): fixed
    /// per page, the same on every installation.
    pub fn audit_id(self) -> Uuid {
        match self {
            SitePage::LegalNotes => Uuid::from_u128(0x0000_0000_0000_7000_8000_5175_0000_0001),
            SitePage::Privacy => Uuid::from_u128(0x0000_0000_0000_7000_8000_5175_0000_0002),
            SitePage::Accessibility => Uuid::from_u128(0x0000_0000_0000_7000_8000_5175_0000_0003),
        }
    }
}

/// Sign-up must accept a privacy notice: a missing version is `required`.
pub fn consent_given(accepted: Option<i32>) -> Result<i32, DomainError> {
    accepted.ok_or_else(|| {
        DomainError::invalid("privacy_version", FieldCode::Required, "accept the privacy notice to sign up")
    })
}

/// The notice accepted must be the one in force: `accepted` is the version
/// the person was shown; an older one (the notice changed while they read
/// it) is `mismatch`, so they read the new one before accepting it.
pub fn ensure_current_privacy(accepted: i32, current: i32) -> Result<(), DomainError> {
    if accepted == current {
        return Ok(());
    }
    Err(DomainError::invalid(
        "privacy_version",
        FieldCode::Mismatch,
        format!("the privacy notice is now at version {current}: read it and accept that one"),
    ))
}

/// An address that names none of the pages: `not_found`, as anything else missing.
pub fn unknown_page() -> DomainError {
    DomainError::not_found("page")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_must_name_the_notice_in_force() {
        assert!(ensure_current_privacy(3, 3).is_ok());
        assert_eq!(consent_given(Some(3)), Ok(3));
        let missing = consent_given(None).unwrap_err();
        assert_eq!(missing.code(), ErrorCode::ValidationFailed);
        assert!(format!("{missing:?}").contains("Required"), "{missing:?}");
        for stale in [2, 4, 0] {
            let refused = ensure_current_privacy(stale, 3).unwrap_err();
            assert!(format!("{refused:?}").contains("Mismatch"), "{stale}: {refused:?}");
        }
    }

    #[test]
    fn pages_have_fixed_addresses_and_audit_ids() {
        for page in SitePage::PAGES {
            assert_eq!(SitePage::parse(page.as_str()), Some(page));
        }
        assert_eq!(SitePage::parse("cookie"), None);
        let ids: std::collections::HashSet<_> = SitePage::PAGES.iter().map(|p| p.audit_id()).collect();
        assert_eq!(ids.len(), 3);
    }
}
