//! Every stable code a client may branch on: the problem codes of refused
//! requests and the codes of invalid fields. One enum each, so the API
//! document, `docs/api.md` and the code cannot disagree (a test compares
//! them), and a new code is a deliberate addition, never a typo.

use crate::string_enum;

string_enum! {
    /// The `code` of a problem response.
    pub enum ErrorCode {
        /// The body is not JSON, or the request could not be read as HTTP
        /// at all (e.g. an address longer than 65,534 bytes).
        MalformedRequest => "malformed_request",
        /// `If-Match` is neither `*` nor a list of entity tags.
        MalformedIfMatch => "malformed_if_match",
        /// The operation needs a signed-in user.
        Unauthenticated => "unauthenticated",
        /// Wrong e-mail or password (never says which).
        InvalidCredentials => "invalid_credentials",
        /// A token is malformed, unknown or not valid yet.
        TokenInvalid => "token_invalid",
        /// A token has expired.
        TokenExpired => "token_expired",
        /// A spent refresh token came back: its whole sign-in was closed.
        TokenReused => "token_reused",
        /// Only administrators may do this.
        AdminOnly => "admin_only",
        /// Only staff (of the space) may do this.
        StaffOnly => "staff_only",
        /// Only an author of the proposal may do this.
        NotAuthor => "not_author",
        /// Only the amendment's author may do this.
        NotAmendmentAuthor => "not_amendment_author",
        /// Staff may not decide their own amendment.
        OwnAmendment => "own_amendment",
        /// The space takes no new proposals.
        ProposalsClosed => "proposals_closed",
        /// The space takes no amendments.
        AmendmentsClosed => "amendments_closed",
        /// The space requires a verified identity for this.
        VerificationRequired => "verification_required",
        /// The account is blocked.
        AccountBlocked => "account_blocked",
        /// Nothing there, or nothing the caller may see.
        NotFound => "not_found",
        /// The path exists but not with this method (`Allow` lists those it has).
        MethodNotAllowed => "method_not_allowed",
        /// The edit was based on a version that is no longer current.
        StaleVersion => "stale_version",
        /// Accepting needs a final text for each conflict.
        MergeConflict => "merge_conflict",
        /// The proposal was withdrawn.
        ProposalWithdrawn => "proposal_withdrawn",
        /// The proposal was answered.
        ProposalAnswered => "proposal_answered",
        /// The proposal no longer takes amendments.
        ProposalClosed => "proposal_closed",
        /// The proposal changed while deciding.
        ProposalChanged => "proposal_changed",
        /// The proposal changed state meanwhile.
        StateChanged => "state_changed",
        /// One open amendment per participant and proposal.
        AmendmentOpenExists => "amendment_open_exists",
        /// The amendment was already decided.
        AmendmentDecided => "amendment_decided",
        /// The amendment was withdrawn.
        AmendmentWithdrawn => "amendment_withdrawn",
        /// Only a rejected amendment can be promoted.
        AmendmentNotRejected => "amendment_not_rejected",
        /// The amendment was already promoted.
        AmendmentPromoted => "amendment_promoted",
        /// The amendment was closed with its proposal, not judged: it cannot be promoted.
        AmendmentClosedWithProposal => "amendment_closed_with_proposal",
        // Supports: their refusal codes go here.
        /// The space is not taking (or letting anyone withdraw) supports.
        SupportsClosed => "supports_closed",
        /// The participant has given as many supports as the space allows.
        SupportLimitReached => "support_limit_reached",
        /// The proposal reached its threshold and the space takes no supports beyond it.
        SupportThresholdReached => "support_threshold_reached",
        /// The space keeps its supporter lists to staff.
        SupportersPrivate => "supporters_private",
        /// The e-mail has an account.
        EmailTaken => "email_taken",
        /// The site sends no e-mail (`EMENDA_SMTP_URL` unset), and the
        /// request needs it: a reset link, an address confirmation.
        EmailOff => "email_off",
        /// The site sends e-mail and the account's address is not
        /// confirmed yet: confirm it first.
        EmailUnconfirmed => "email_unconfirmed",
        /// The account is to be deleted: it writes nothing until its
        /// owner cancels the deletion.
        DeletionPending => "deletion_pending",
        /// The nickname is taken.
        NicknameTaken => "nickname_taken",
        /// The slug is taken.
        SlugTaken => "slug_taken",
        /// An admin cannot remove their own admin role.
        CannotRevokeSelf => "cannot_revoke_self",
        /// An admin cannot block their own account.
        CannotBlockSelf => "cannot_block_self",
        /// The last administrator cannot be removed or blocked.
        LastAdmin => "last_admin",
        /// The request conflicts with existing data.
        Duplicate => "duplicate",
        /// A category or area leaves its space's list only when no
        /// proposal is filed under it.
        TopicInUse => "topic_in_use",
        // Comments and comment votes: their refusal codes go here.
        /// The space takes no comments (nor comment edits or votes).
        CommentsClosed => "comments_closed",
        /// Only the comment's author may do this.
        NotCommentAuthor => "not_comment_author",
        /// Nobody votes on their own comment.
        OwnComment => "own_comment",
        /// The comment was deleted by its author.
        CommentDeleted => "comment_deleted",
        /// The comment is hidden by moderation.
        CommentHidden => "comment_hidden",
        /// The edit was based on a revision of the comment that is no longer current.
        StaleRevision => "stale_revision",
        /// `If-Match` named another representation than the current one.
        PreconditionFailed => "precondition_failed",
        /// The body is over the size limit.
        PayloadTooLarge => "payload_too_large",
        // Reports and moderation: their refusal codes go here.
        /// The item is hidden by moderation: it takes no supports, comments or votes until unhidden.
        ContentHidden => "content_hidden",
        /// One report per participant and item.
        AlreadyReported => "already_reported",
        /// Nobody reports their own content.
        CannotReportOwn => "cannot_report_own",
        /// The hide an undo names is no longer the one in force (the item
        /// was shown again, or moderated otherwise, since), or another
        /// staff member's.
        ModerationChanged => "moderation_changed",
        /// The body is not `application/json`.
        UnsupportedMediaType => "unsupported_media_type",
        /// One or more fields (body, query or path) are invalid: see `errors`.
        ValidationFailed => "validation_failed",
        /// Too many requests from this client: see `Retry-After`.
        RateLimited => "rate_limited",
        /// The proposal's authors edited it as often as an hour allows: see
        /// `Retry-After`.
        EditRateLimited => "edit_rate_limited",
        /// The proposal's authors edited it as often as a proposal may be
        /// edited; amendments and new proposals remain.
        EditLimitReached => "edit_limit_reached",
        /// Too many failed sign-ins for this e-mail from this address: see
        /// `Retry-After`.
        TooManyAttempts => "too_many_attempts",
        /// A failure on the platform's side; the log has the cause.
        InternalError => "internal_error",
        /// The database cannot be reached.
        DatabaseUnavailable => "database_unavailable",
        /// The database is busy; retry.
        DatabaseBusy => "database_busy",
        /// The server is overloaded; retry.
        Overloaded => "overloaded",
        /// The request's head (address and headers) is larger than the
        /// server reads.
        RequestHeadTooLarge => "request_head_too_large",
        /// The request body did not arrive within the body timeout.
        RequestTimeout => "request_timeout",
    }
}

string_enum! {
    /// The `code` of one invalid field in a `validation_failed` problem.
    pub enum FieldCode {
        /// Shorter than the minimum.
        TooShort => "too_short",
        /// Longer than the maximum.
        TooLong => "too_long",
        /// Holds characters the field does not allow.
        InvalidCharacters => "invalid_characters",
        /// Not in the expected format (e-mail, slug, date…).
        InvalidFormat => "invalid_format",
        /// A number outside its range.
        OutOfRange => "out_of_range",
        /// Missing.
        Required => "required",
        /// The change changes nothing.
        Unchanged => "unchanged",
        /// A version that does not exist.
        UnknownVersion => "unknown_version",
        /// The wrong JSON type, or a field the request does not take.
        Malformed => "malformed",
        /// A cursor not made by this list with these parameters.
        InvalidCursor => "invalid_cursor",
        /// Not one of the allowed values.
        InvalidChoice => "invalid_choice",
        /// Not allowed in this combination (e.g. a space on an admin grant).
        NotAllowed => "not_allowed",
        /// A text too large to compare or merge.
        TextTooLarge => "text_too_large",
        /// A reply deeper than comments may nest (depth 3 at most).
        TooDeep => "too_deep",
        /// Not a valid entity tag.
        InvalidEtag => "invalid_etag",
        /// Two ways of saying the same thing disagree (`If-Match` and `base_version`).
        Mismatch => "mismatch",
        /// What the field names does not exist (e.g. a space slug).
        NotFound => "not_found",
        /// Not valid for a reason the message gives.
        Invalid => "invalid",
        /// Already used by someone else (an e-mail, a nickname, a slug).
        Taken => "taken",
        /// A link's token that worked once and no longer does: ask for a new one.
        Expired => "expired",
        /// A title or a name without a visible letter or digit.
        NoLetters => "no_letters",
        /// A name that looks like (has the confusable skeleton of) a staff
        /// member's or an admin's, or a role grant that would make such a
        /// look-alike: only one of them may be shown so.
        NameReserved => "name_reserved",
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<&str> for FieldCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
