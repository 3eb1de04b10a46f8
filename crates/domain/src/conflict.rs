//! What a three-way merge cannot decide alone, in its own module because
//! both the merge and the errors that report it speak of it.

/// A region both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conflict {
    /// The region as it was in the base text.
    pub base: String,
    /// What the current version has there.
    pub current: String,
    /// What the amendment proposes there.
    pub proposed: String,
    /// Offset of the region in the base text, in characters (Unicode scalar
    /// values), not bytes.
    pub base_start: usize,
    /// Offset just past the region in the base text, in characters.
    pub base_end: usize,
}

/// A conflict in one field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldConflict {
    /// `title` or `body`.
    pub field: String,
    /// The conflicting region.
    #[serde(flatten)]
    pub conflict: Conflict,
}
