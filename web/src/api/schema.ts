// Generated from the server's /api/openapi.json by `npm run gen:api`: do not edit.
// `npm run check:api` fails when this file no longer matches the server.

export interface paths {
    "/api/v1/amendments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One amendment with diff, mergeability, conflicts and merged preview. */
        get: operations["get_amendment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/amendments/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of an amendment's comments (as the amendment's visibility allows). */
        get: operations["list_amendment_comments"];
        put?: never;
        /** Comments on an amendment (or replies to one of them). */
        post: operations["create_amendment_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/amendments/{id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Its author turns a rejected amendment into a new proposal (once). */
        post: operations["promote_amendment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/amendments/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Its author withdraws an amendment under evaluation. */
        post: operations["withdraw_amendment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first. A page ends early (with `next_cursor`)
         *     once its entries' details pass 256 KiB.
         */
        get: operations["list_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Re-checks the public record, one segment of at most 1,000 entries of
         *     the transparency log per call, against the latest signed checkpoint:
         *     the signature, the stored tree against the signed root, each entry
         *     against its leaf, and each audit entry and version against the entry
         *     that logged it. Follow `next` into `from` until `complete`. This is the
         *     server checking itself, which catches changes made behind its back; a
         *     witness that keeps checkpoints (`/log`) is what holds against the
         *     operator.
         */
        get: operations["verify_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entry of the log, at an address a citation or a link can keep
         *     (the log's pages move as it grows). The same rules as the list: an
         *     entry the caller could not see there is not found here.
         */
        get: operations["get_audit_entry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/confirm-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirms an address with a confirmation link's token. */
        post: operations["confirm_address"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs in. */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes the session of a refresh token. */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a reset link to the address, if an account has it. */
        post: operations["request_password_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets a new password with a reset link's token. */
        post: operations["reset_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotates a refresh token. */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a participant account. */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One comment. */
        get: operations["get_comment"];
        put?: never;
        post?: never;
        /** Its author deletes a comment; a placeholder stays in the thread. */
        delete: operations["delete_comment"];
        options?: never;
        head?: never;
        /** Its author edits a comment; every revision is kept. */
        patch: operations["edit_comment"];
        trace?: never;
    };
    "/api/v1/comments/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A comment's revisions, oldest first (a deleted or hidden comment's only
         *     for staff of its space).
         */
        get: operations["list_comment_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Votes a comment up (1) or down (-1), or removes the vote (0); not one's own. */
        put: operations["vote_comment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The archive a letter's link names, without signing in (the letter is
         *     the proof), while it is kept.
         */
        get: operations["archive_by_link"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/log/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The consistency proof between two signed trees: a witness that kept
         *     the older checkpoint checks with it that the newer tree only added
         *     entries.
         */
        get: operations["consistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/log/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inclusion proof of a leaf in a signed tree: with the checkpoint of
         *     that size (`/log/checkpoint`), anyone can check that the entry is in
         *     the log, as the web app does on a proposal's page.
         */
        get: operations["inclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's profile and roles. */
        get: operations["me"];
        put?: never;
        post?: never;
        /**
         * Deletes the caller's account after the site's grace period
         *     (`EMENDA_ACCOUNT_DELETION_GRACE`, 7 days unless the site says
         *     otherwise; `0` erases it at once). Every session closes now; a letter
         *     says when. Personal data are erased, supports on open proposals
         *     withdrawn; what the person published stays, as "Partecipante eliminato".
         */
        delete: operations["delete_account"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancels the caller's pending deletion: the account stays, and may
         *     write again. Cancelling when nothing is pending changes nothing.
         */
        delete: operations["cancel_deletion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Changes the caller's address. */
        put: operations["change_email"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/email-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a new confirmation link to the caller's address. */
        post: operations["resend_confirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Asks for a copy of everything the platform keeps about the caller: a
         *     ZIP (JSON and CSV) built in the background, offered by e-mail where
         *     the site sends it, and at `GET /me/exports/{id}/archive`, for 7 days.
         *     Asking again within 24 hours answers the same export.
         */
        post: operations["request_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's copies of their data, newest first. */
        get: operations["list_exports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/exports/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The archive of the caller's export, while it is kept. */
        get: operations["own_archive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets the language the caller reads the platform and its e-mail in. */
        put: operations["set_language"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How each kind of notification reaches the caller by e-mail. */
        get: operations["get_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets how a kind of notification reaches the caller by e-mail. */
        put: operations["set_setting"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first, with the unread count. */
        get: operations["list_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks every notification read (up to the newest the caller saw). */
        post: operations["mark_all_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks one notification read. */
        post: operations["mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Changes the caller's password. */
        put: operations["change_password"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The amendments waiting for a decision (staff), oldest first unless
         *     `sort=newest`; one space or one proposal at a time if asked.
         */
        get: operations["amendment_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/amendments/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accepts an amendment (staff of the space). */
        post: operations["accept_amendment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/amendments/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rejects an amendment with a public reason (staff of the space). */
        post: operations["reject_amendment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mail outbox, newest first, with how many letters are in each state
         *     (admins): what is waiting, what went, and what was given up.
         */
        get: operations["list_outbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/mail/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts a dead letter back in line with fresh attempts (admins). */
        post: operations["retry_letter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/proposals/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answers a proposal (staff of the space). */
        post: operations["answer_proposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The report queue, one entry per item, oldest first unless
         *     `sort=newest` (staff, of the spaces they have staff powers in).
         */
        get: operations["report_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What waits for staff: amendments to decide, items with open reports,
         *     proposals not answered yet (and how many of those reached their
         *     threshold), in one read.
         */
        get: operations["staff_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finds accounts by nickname, e-mail or name, in nickname order (admins). */
        get: operations["search_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/users/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Blocks a user: their sessions end at once (idempotent). */
        post: operations["block_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grants a role (idempotent). */
        put: operations["grant_role"];
        post?: never;
        /** Revokes a role (idempotent). */
        delete: operations["revoke_role"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/users/{id}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lifts a block (idempotent). */
        post: operations["unblock_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/users/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verifies a user's identity (idempotent). */
        post: operations["verify_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/{kind}/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismisses an item's open reports (staff of its space); an item those
         *     reports hid automatically becomes visible again.
         */
        post: operations["dismiss_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/{kind}/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hides an item (staff of its space): it leaves public lists and counts
         *     (a comment leaves a placeholder); its open reports are upheld.
         *     Hiding a hidden item changes nothing.
         */
        post: operations["hide_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/moderation/{kind}/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Shows a hidden item again (staff of its space), however it was hidden
         *     (its block mark is cleared); counters are restored and its open
         *     reports dismissed. Unhiding a visible item changes nothing. With
         *     `undo`, it undoes that staff hide instead: the item is shown and the
         *     reports the hide upheld are open again, in one transaction, and the
         *     audit entry names the hide undone (`undoes`) and the reports reopened.
         */
        post: operations["unhide_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stops letters of one kind, in one click from a letter (RFC 8058: the
         *     mail client POSTs here; no sign-in, the token is signed). The body, if
         *     any, is not read.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the site's pages as it is now. */
        get: operations["get_page"];
        /** Publishes a new version of a page (admins); the old ones stay readable. */
        put: operations["edit_page"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a page, newest first. */
        get: operations["list_page_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pages/{slug}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a page, e.g. the privacy notice a person accepted. */
        get: operations["get_page_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists visible proposals; with `q`, searches them. */
        get: operations["list_proposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A proposal by UUID or reference code. */
        get: operations["get_proposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A proposal's amendments, oldest first (as the space's visibility allows). */
        get: operations["list_amendments"];
        put?: never;
        /** Requests an amendment. */
        post: operations["create_amendment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every official answer of a proposal, newest (the one in force) first. */
        get: operations["list_answers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of a proposal's comments: roots, or the direct replies of `parent_id`. */
        get: operations["list_proposal_comments"];
        put?: never;
        /** Comments on a proposal (or replies to one of them). */
        post: operations["create_proposal_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compares two versions. */
        get: operations["diff_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/filing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Files a proposal under other topics of its space (staff of the space;
         *     an author while the proposal takes edits).
         */
        put: operations["file_proposal"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the caller follows the proposal, and how many people do. */
        get: operations["get_follow"];
        /** Follows the proposal. Idempotent: following it again changes nothing. */
        put: operations["follow_proposal"];
        post?: never;
        /**
         * Stops following the proposal. Idempotent: not following it is not an
         *     error; a proposal hidden since it was followed can still be unfollowed.
         */
        delete: operations["unfollow_proposal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/history/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-verifies the hash chain of every version. */
        get: operations["verify_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Gives a support on the proposal's current version, or re-confirms the
         *     caller's support on it. Idempotent.
         */
        put: operations["support_proposal"];
        post?: never;
        /**
         * Withdraws the caller's support. Idempotent: 204 whether or not there
         *     was one.
         */
        delete: operations["unsupport_proposal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/supporters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proposal's counted supporters, oldest support first; pending
         *     supports (below the space's minimum) are not listed.
         */
        get: operations["list_supporters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions, oldest first. */
        get: operations["list_versions"];
        put?: never;
        /** Publishes a new version (authors, while `published`). */
        post: operations["edit_proposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version with its text. */
        get: operations["get_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraws a proposal (authors). */
        post: operations["withdraw_proposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reports an item (once per participant and item). The report that
         *     brings the item to the space's `max_reports_before_hiding` hides it.
         */
        post: operations["create_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/site": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the site's header and footer show. */
        get: operations["get_site"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/site/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owning body's logo, when one is configured. */
        get: operations["get_logo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists spaces, oldest first. */
        get: operations["list_spaces"];
        put?: never;
        /** Creates a space (admins). */
        post: operations["create_space"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One space with its settings. */
        get: operations["get_space"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes a space's texts or settings (admins). */
        patch: operations["update_space"];
        trace?: never;
    };
    "/api/v1/spaces/{slug}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publishes a proposal in a space. */
        post: operations["create_proposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/log/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest signed checkpoint: origin, tree size, base64 root hash, then
         *     the Ed25519 signature line. Changes with every batch (about once a
         *     second under writes): revalidate every time.
         */
        get: operations["checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/log/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The note verifier key, `<name>+<key id>+<base64 key>`: what a witness
         *     checks checkpoints with. Keep it from a first visit, or compare it with
         *     the one the administration publishes elsewhere.
         */
        get: operations["key"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/log/tile/{tile}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A hash tile (`<L>/<N>[.p/<W>]`) or an entry bundle
         *     (`entries/<N>[.p/<W>]`), with `N` in groups of three digits
         *     (`x001/x234/067`). Not found until the tree is that wide.
         */
        get: operations["tile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers. */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An acceptance (`{}` for a plain one); a final title or body overrides
         *     the proposed or merged one.
         * @example {
         *       "note": "Accolto dopo la riunione del 12 novembre."
         *     }
         */
        AcceptRequest: {
            /** @description Text in Markdown: 15 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body?: string | null;
            /** @description Note in Markdown; blank means none: up to 20,000 characters; line breaks and tabs allowed, no other control character. */
            note?: string | null;
            /** @description Title: 10 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title?: string | null;
        };
        /** @description The outcome of an acceptance. */
        Accepted: {
            /** @description The amendment, now accepted. */
            amendment: components["schemas"]["AmendmentSummary"];
            version?: null | components["schemas"]["VersionSummary"];
        };
        /**
         * @description An account as admins find it: its standing and its e-mail, which only
         *     the person and admins see.
         */
        AccountDto: components["schemas"]["AccountStandingDto"] & {
            /**
             * Format: date-time
             * @description Registration time.
             */
            created_at: string;
            /** @description E-mail address. */
            email: string;
        };
        /** @description A user's standing, as admins see it after a change. */
        AccountStandingDto: components["schemas"]["UserDto"] & {
            /** @description Whether the account is blocked now. */
            blocked: boolean;
            /**
             * Format: date-time
             * @description Since when.
             */
            blocked_at?: string | null;
            /**
             * Format: date-time
             * @description When the identity was verified.
             */
            verified_at?: string | null;
        };
        /** @description Where a change of address stands. */
        AddressChangeDto: {
            /**
             * @description `pending`: a link went to the new address, and the change happens
             *     when it is opened; `done`: changed now (the site sends no e-mail).
             * @example pending
             */
            status: string;
        };
        /**
         * @description Where the commenter stands on what they comment on.
         * @enum {string}
         */
        Alignment: "in_favor" | "neutral" | "against";
        /**
         * @description An amendment with its text, its diff and, while it is evaluated, how
         *     it would merge into the current version.
         */
        Amendment: components["schemas"]["AmendmentSummary"] & {
            /** @description What the caller may do to it now. */
            actions: components["schemas"]["AmendmentActions"];
            /** @description Proposed text (the whole text). */
            body: string;
            /** @description While evaluating and in conflict: the regions to resolve. */
            conflicts: components["schemas"]["FieldConflict"][];
            /**
             * Format: int32
             * @description The proposal's current version.
             */
            current_version: number;
            /** @description Change against the base version. */
            diff: components["schemas"]["AmendmentDiff"];
            mergeability?: null | components["schemas"]["Mergeability"];
            merged_preview?: null | components["schemas"]["MergedPreview"];
            /** @description The proposal's reference code, for its address. */
            proposal_reference: string;
            /** @description Why the change is needed. */
            rationale: string;
        };
        /**
         * @description What the caller may do to an amendment now, each flag decided by the
         *     same rules the write applies, for this caller: true exactly when that
         *     write would be accepted (at the moment of reading; the write decides
         *     again). All false for an anonymous reader.
         */
        AmendmentActions: {
            /**
             * @description `POST /moderation/amendments/{id}/accept`: staff of the space, not
             *     its author, while it is under evaluation and its proposal is open.
             *     When `mergeability` is `conflict`, the acceptance needs the final
             *     text.
             */
            accept: boolean;
            /**
             * @description `POST /amendments/{id}/comments`: comment on it (a root comment).
             *     Comments open, its proposal not withdrawn, neither hidden.
             */
            comment: boolean;
            /**
             * @description `POST /amendments/{id}/promote`: its author, once it was rejected on
             *     its merits (not closed with its proposal) and not yet promoted,
             *     where the space takes new proposals from them.
             */
            promote: boolean;
            /**
             * @description `POST /moderation/amendments/{id}/reject`: staff of the space, not
             *     its author, while it is under evaluation.
             */
            reject: boolean;
            /**
             * @description `POST /amendments/{id}/withdraw`: its author, while it is under
             *     evaluation.
             */
            withdraw: boolean;
        };
        /** @description A proposal's amendments by state, as many as the reader may list. */
        AmendmentCounts: {
            /**
             * Format: int64
             * @description Accepted into a version.
             */
            accepted: number;
            /**
             * Format: int64
             * @description Waiting for a decision.
             */
            evaluating: number;
            /**
             * Format: int64
             * @description Rejected, on their merits or because the proposal closed.
             */
            rejected: number;
            /**
             * Format: int64
             * @description Withdrawn by their authors.
             */
            withdrawn: number;
        };
        /** @description The amendment's change against its base version. */
        AmendmentDiff: {
            /** @description How the text changes. */
            body: components["schemas"]["TextDiff"];
            /** @description How the title changes. */
            title: components["schemas"]["TextDiff"];
        };
        /**
         * @description Where an amendment stands.
         * @enum {string}
         */
        AmendmentState: "evaluating" | "accepted" | "rejected" | "withdrawn";
        /** @description An amendment in a list or a queue: its decision, without its text. */
        AmendmentSummary: {
            /**
             * Format: uuid
             * @description Who asked for it.
             */
            author_id: string;
            /** @description Their nickname. */
            author_nickname: string;
            /**
             * Format: int32
             * @description The version its author read: its diff is against that version.
             */
            base_version: number;
            /**
             * @description Rejected because its proposal was withdrawn or answered, not on its
             *     merits; such an amendment cannot be promoted.
             */
            closed_by_proposal: boolean;
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When it was decided or withdrawn.
             */
            decided_at?: string | null;
            /**
             * Format: uuid
             * @description Who decided it (or the author who withdrew it).
             */
            decided_by?: string | null;
            /** @description Public reason of a rejection, or the note of an acceptance. */
            decision_reason?: string | null;
            excerpt?: null | components["schemas"]["ChangeExcerpt"];
            /** @description Hidden by moderation: only staff of the space see it. */
            hidden: boolean;
            /**
             * Format: uuid
             * @description Its id: `/amendments/{id}`.
             */
            id: string;
            /**
             * Format: uuid
             * @description The proposal a rejected amendment was promoted to.
             */
            promoted_proposal_id?: string | null;
            /**
             * Format: uuid
             * @description The proposal it amends.
             */
            proposal_id: string;
            /**
             * Format: int32
             * @description The version an acceptance produced.
             */
            resulting_version?: number | null;
            /**
             * @description Where the decision stands: `evaluating` until staff accept or reject
             *     it, or its author withdraws it.
             */
            state: components["schemas"]["AmendmentState"];
            /** @description Proposed title. */
            title: string;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
        };
        /**
         * @description Who sees the amendments of a proposal.
         * @enum {string}
         */
        AmendmentsVisibility: "all" | "participants";
        /**
         * @description An official answer: the state staff set and the public text that
         *     explains it. Answers are appended, never changed; the latest is in
         *     force.
         */
        Answer: {
            /** @description The official text (Markdown). */
            answer: string;
            /**
             * Format: date-time
             * @description When it was given.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description The staff member who answered.
             */
            staff_id: string;
            /** @description Their display name, as the answer is signed. */
            staff_name: string;
            /** @description The state it set: `evaluating`, `accepted` or `rejected`. */
            state: components["schemas"]["ProposalState"];
        };
        /**
         * @description An official answer.
         * @example {
         *       "answer": "Il Comune pianterà gli alberi in primavera.",
         *       "state": "accepted"
         *     }
         */
        AnswerRequest: {
            /** @description Public text in Markdown: 1 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            answer: string;
            /** @description The state the answer puts the proposal in. */
            state: components["schemas"]["AnswerState"];
        };
        /**
         * @description The states an official answer can set: a proposal cannot be answered
         *     back to `published` or into `withdrawn`, so the request type does not
         *     offer them.
         * @enum {string}
         */
        AnswerState: "evaluating" | "accepted" | "rejected";
        /**
         * @description Every kind of state change that is recorded.
         * @enum {string}
         */
        AuditAction: "user.registered" | "role.granted" | "role.revoked" | "space.created" | "space.updated" | "proposal.created" | "proposal.edited" | "proposal.withdrawn" | "proposal.filed" | "proposal.answered" | "amendment.created" | "amendment.withdrawn" | "amendment.accepted" | "amendment.rejected" | "amendment.promoted" | "user.verified" | "user.blocked" | "user.unblocked" | "comment.created" | "comment.edited" | "comment.deleted" | "comment.voted" | "report.created" | "content.hidden" | "content.unhidden" | "reports.dismissed" | "reports.upheld" | "page.edited" | "version.erased" | "account.deleted";
        /** @description One recorded state change, as the public (or staff) log shows it. */
        AuditEntry: {
            /** @description What was done, e.g. `proposal.edited`. */
            action: components["schemas"]["AuditAction"];
            /**
             * Format: uuid
             * @description Who did it; absent for the system (an item hidden by its reports).
             */
            actor_id?: string | null;
            /** @description Their display name, as it is now (absent with `actor_id`). */
            actor_name?: string | null;
            /**
             * Format: date-time
             * @description When it happened.
             */
            created_at: string;
            /** @description The facts of the change (reference, version, reason, …). */
            details: Record<string, never>;
            /**
             * Format: uuid
             * @description Its id; the log is ordered by it, newest first.
             */
            id: string;
            /**
             * Format: int64
             * @description Its leaf index in the public transparency log (`/log`), null until
             *     sequenced (about a second after it is written).
             */
            log_index?: number | null;
            /**
             * Format: uuid
             * @description The space concerned, if any.
             */
            space_id?: string | null;
            /**
             * Format: uuid
             * @description Id of the thing changed.
             */
            target_id: string;
            /** @description Kind of the thing changed, e.g. `proposal`. */
            target_kind: string;
            /** @description `public` or `staff`. */
            visibility: components["schemas"]["AuditVisibility"];
        };
        /**
         * @description Who may read an audit entry.
         * @enum {string}
         */
        AuditVisibility: "public" | "staff";
        /** @description One author of a proposal. */
        Author: {
            /** @description The name shown. */
            display_name: string;
            /**
             * @description `creator` (who published it) or `coauthor` (whose amendment was
             *     accepted into it).
             */
            kind: string;
            /** @description Public handle. */
            nickname: string;
            /**
             * Format: uuid
             * @description Their user id.
             */
            user_id: string;
        };
        /** @description Why a user is blocked; shown publicly in the audit log. */
        BlockRequest: {
            /**
             * @description Also hide every proposal, amendment and comment of the user that is
             *     visible now (unblocking shows exactly those again). Default false.
             */
            hide_content?: boolean;
            /** @description Public text in Markdown: 1 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            justification: string;
        };
        /** @description The outcome of re-checking a history. */
        ChainReport: {
            /**
             * Format: int32
             * @description The number of the first version that does not hold, if any.
             */
            first_invalid?: number | null;
            /** @description Every link holds. */
            valid: boolean;
            /** @description How many versions were checked. */
            versions: number;
        };
        /** @description A change of address, proven by the password. */
        ChangeEmailRequest: {
            /** @description E-mail, used to sign in; never shown publicly. At most 254 characters. */
            email: string;
            /** @description The account's password. */
            password: string;
        };
        /**
         * @description The first change of an amendment in its sentence, for a card in a list:
         *     "Piantare `dieci` → `dodici` alberi in via Roma." reads as a change, the
         *     lone words "dieci / dodici" do not. `before` + `removed` + `after` is
         *     the old sentence, `before` + `inserted` + `after` the new one, each cut
         *     at a word with `…` when longer than `EXCERPT_CONTEXT` characters.
         */
        ChangeExcerpt: {
            /** @description The sentence after the change. */
            after: string;
            /** @description The sentence up to the change. */
            before: string;
            /** @description The text the change is in (the body's first change, else the title's). */
            field: components["schemas"]["ChangedField"];
            /** @description What it puts in (empty for a pure deletion). */
            inserted: string;
            /**
             * Format: int32
             * @description How many other places the amendment changes, in both texts.
             */
            other_changes: number;
            /** @description What the change takes out (empty for a pure insertion). */
            removed: string;
        };
        /** @description A change of password, proven by the current one. */
        ChangePasswordRequest: {
            /** @description 10 to 128 characters. */
            new_password: string;
            /** @description The password now. */
            password: string;
        };
        /**
         * @description Which text of an amendment a change is in.
         * @enum {string}
         */
        ChangedField: "title" | "body";
        /**
         * @description A comment as one reader may see it. A deleted comment, and a hidden one
         *     (except for staff of its space), is a placeholder: `author`,
         *     `alignment` and `body` are null.
         */
        Comment: {
            alignment?: null | components["schemas"]["Alignment"];
            /**
             * Format: uuid
             * @description The amendment it is on, if any.
             */
            amendment_id?: string | null;
            author?: null | components["schemas"]["Person"];
            /** @description Markdown source; null on a placeholder. */
            body?: string | null;
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
            /** @description Deleted by its author. */
            deleted: boolean;
            /**
             * Format: int32
             * @description 0 for a root, replies down to 3.
             */
            depth: number;
            /** @description Edited at least once (earlier revisions at `/revisions`). */
            edited: boolean;
            /**
             * Format: date-time
             * @description Last edit.
             */
            edited_at?: string | null;
            /** @description Hidden by moderation. */
            hidden: boolean;
            /**
             * Format: uuid
             * @description Its id: what a reply names as `parent_id`.
             */
            id: string;
            /**
             * Format: int32
             * @description The caller's vote (1 or -1); null when not signed in or not voted.
             */
            my_vote?: number | null;
            /**
             * Format: uuid
             * @description The comment it replies to; null for a root.
             */
            parent_id?: string | null;
            /**
             * Format: uuid
             * @description The proposal its thread belongs to (also for a comment on one of
             *     its amendments).
             */
            proposal_id: string;
            /**
             * Format: int32
             * @description Live replies at every depth below it.
             */
            replies_count: number;
            /**
             * Format: int32
             * @description Current revision (1 until edited): send it back with an edit.
             */
            revision: number;
            /** @description Up and down votes, and their score. */
            votes: components["schemas"]["CommentVotes"];
        };
        /** @description One revision of a comment. */
        CommentRevision: {
            /** @description Where the author stood. */
            alignment: components["schemas"]["Alignment"];
            /** @description Markdown source. */
            body: string;
            /**
             * Format: date-time
             * @description When it was written.
             */
            created_at: string;
            /**
             * Format: int32
             * @description Number, from 1.
             */
            revision: number;
        };
        /** @description A comment's votes. */
        CommentVotes: {
            /**
             * Format: int32
             * @description Down votes.
             */
            down: number;
            /**
             * Format: int32
             * @description Up minus down: the `best` order sorts by it.
             */
            score: number;
            /**
             * Format: int32
             * @description Up votes.
             */
            up: number;
        };
        /** @description A confirmation link's token. */
        ConfirmAddressRequest: {
            /** @description The `token` of the link in the letter. */
            token: string;
        };
        /** @description A region both sides changed differently. */
        Conflict: {
            /** @description The region as it was in the base text. */
            base: string;
            /** @description Offset just past the region in the base text, in characters. */
            base_end: number;
            /**
             * @description Offset of the region in the base text, in characters (Unicode scalar
             *     values), not bytes.
             */
            base_start: number;
            /** @description What the current version has there. */
            current: string;
            /** @description What the amendment proposes there. */
            proposed: string;
        };
        /**
         * @description A new amendment: the whole proposed text, why, and the version it was
         *     written against (so it can be merged with later edits).
         * @example {
         *       "base_version": 1,
         *       "body": "Proponiamo di piantare venti alberi lungo via Roma, tra piazza Dante e la stazione.",
         *       "rationale": "Dieci alberi non bastano a fare ombra.",
         *       "title": "Più alberi in via Roma"
         *     }
         */
        CreateAmendmentRequest: {
            /**
             * Format: int32
             * @description The version the text was written against.
             */
            base_version: number;
            /** @description Text in Markdown: 15 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body: string;
            /** @description Why the change is needed, in Markdown: 10 to 2,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            rationale: string;
            /** @description Title: 10 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title: string;
        };
        /**
         * @description A new comment or reply.
         * @example {
         *       "alignment": "in_favor",
         *       "body": "Sono d'accordo, ma servono anche panchine."
         *     }
         */
        CreateCommentRequest: {
            alignment?: null | components["schemas"]["Alignment"];
            /** @description Comment in Markdown: 1 to 2,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body: string;
            /**
             * Format: uuid
             * @description The comment replied to (same proposal or amendment; depth 3 at most).
             */
            parent_id?: string | null;
        };
        /**
         * @description A new proposal.
         * @example {
         *       "body": "Proponiamo di piantare dieci alberi lungo via Roma, tra piazza Dante e la stazione.",
         *       "title": "Più alberi in via Roma"
         *     }
         */
        CreateProposalRequest: {
            /** @description The slug of one of the space's categories or areas: 3 to 60 characters once trimmed; one line; no direction marks or controls; `a-z`, `0-9` and single inner hyphens. */
            area?: string | null;
            /** @description Text in Markdown: 15 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body: string;
            /** @description The slug of one of the space's categories or areas: 3 to 60 characters once trimmed; one line; no direction marks or controls; `a-z`, `0-9` and single inner hyphens. */
            category?: string | null;
            /** @description Title: 10 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title: string;
        };
        /**
         * @description A report.
         * @example {
         *       "reason": "offensive",
         *       "target": {
         *         "id": "0190f3a2-7b1c-7d4e-8f00-0123456789ab",
         *         "kind": "comment"
         *       }
         *     }
         */
        CreateReportRequest: {
            /** @description What is wrong, in Markdown (required when the reason is `other`): up to 1,000 characters; line breaks and tabs allowed, no other control character. */
            details?: string | null;
            /** @description Why. */
            reason: components["schemas"]["ReportReason"];
            /** @description What is reported. */
            target: components["schemas"]["Target"];
        };
        /**
         * @description A new space.
         * @example {
         *       "description": "Come spendere 500.000 euro nei quartieri.",
         *       "settings": {
         *         "amendments_enabled": true
         *       },
         *       "slug": "bilancio-2027",
         *       "title": "Bilancio partecipativo 2027"
         *     }
         */
        CreateSpaceRequest: {
            /** @description Description in Markdown: up to 20,000 characters; line breaks and tabs allowed, no other control character. */
            description?: string;
            /** @description Settings; omitted ones take their defaults. */
            settings?: components["schemas"]["SpaceSettings"];
            /** @description The space's URL name: 3 to 60 characters once trimmed; one line; no direction marks or controls; `a-z`, `0-9` and single inner hyphens. */
            slug: string;
            /** @description The space's title: 3 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title: string;
        };
        /** @description A deletion, proven by the password. */
        DeleteAccountRequest: {
            /** @description The account's password. */
            password: string;
        };
        /** @description Where a deletion stands. */
        DeletionDto: {
            /**
             * Format: date-time
             * @description When the account is, or was, erased.
             */
            deletion_due_at: string;
            /**
             * @description `scheduled` (the grace period runs; sign in and cancel before
             *     `deletion_due_at` to keep the account) or `deleted` (the site keeps
             *     no grace period: the account is erased already).
             */
            state: string;
        };
        /**
         * @description How a kind of notification reaches a person by e-mail (in the app
         *     it always does).
         * @enum {string}
         */
        Delivery: "immediate" | "daily" | "never";
        /** @description How one kind reaches the caller by e-mail. */
        DeliveryDto: {
            /** @description `immediate`, `daily` or `never`. */
            delivery: components["schemas"]["Delivery"];
            /** @description The kind. */
            kind: components["schemas"]["NotificationKind"];
        };
        /** @description A kind's delivery by e-mail. */
        DeliveryRequest: {
            /** @description `immediate`, `daily` or `never`. */
            delivery: components["schemas"]["Delivery"];
        };
        /** @description A run of text with what happened to it. */
        DiffOp: {
            /** @description Equal, insert or delete. */
            op: components["schemas"]["OpKind"];
            /** @description The text, exactly as in the source. */
            text: string;
        };
        /** @description An edit of one's own comment: a new body, a new alignment, or both. */
        EditCommentRequest: {
            alignment?: null | components["schemas"]["Alignment"];
            /** @description Comment in Markdown: 1 to 2,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body?: string;
            /**
             * Format: int32
             * @description The revision edited; `stale_revision` (409) if it is no longer current.
             */
            revision?: number | null;
        };
        /**
         * @description A new version of a page.
         * @example {
         *       "base_version": 1,
         *       "body": "Il titolare del trattamento è …",
         *       "title": "Informativa sulla privacy"
         *     }
         */
        EditPageRequest: {
            /**
             * Format: int32
             * @description The version the edit was written from.
             */
            base_version: number;
            /** @description Public text in Markdown: 1 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body: string;
            /** @description The space's title: 3 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title: string;
        };
        /**
         * @description An author's edit: the whole new text, and the version it is based on.
         * @example {
         *       "base_version": 1,
         *       "body": "Proponiamo di piantare dieci alberi lungo via Roma e sei in via Verdi.",
         *       "summary": "Aggiunta via Verdi",
         *       "title": "Più alberi in via Roma e in via Verdi"
         *     }
         */
        EditProposalRequest: {
            /**
             * Format: int32
             * @description The version the edit starts from; may be left out when `If-Match`
             *     carries the proposal's `ETag`.
             */
            base_version?: number | null;
            /** @description Text in Markdown: 15 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            body: string;
            /** @description What changed; blank means none: up to 300 characters; one line; no direction marks or controls. */
            summary?: string | null;
            /** @description Title: 10 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title: string;
        };
        /**
         * @description The `code` of a problem response.
         * @enum {string}
         */
        ErrorCode: "malformed_request" | "malformed_if_match" | "unauthenticated" | "invalid_credentials" | "token_invalid" | "token_expired" | "token_reused" | "admin_only" | "staff_only" | "not_author" | "not_amendment_author" | "own_amendment" | "proposals_closed" | "amendments_closed" | "verification_required" | "account_blocked" | "not_found" | "method_not_allowed" | "stale_version" | "merge_conflict" | "proposal_withdrawn" | "proposal_answered" | "proposal_closed" | "proposal_changed" | "state_changed" | "amendment_open_exists" | "amendment_decided" | "amendment_withdrawn" | "amendment_not_rejected" | "amendment_promoted" | "amendment_closed_with_proposal" | "supports_closed" | "support_limit_reached" | "support_threshold_reached" | "supporters_private" | "email_taken" | "email_off" | "email_unconfirmed" | "deletion_pending" | "nickname_taken" | "slug_taken" | "cannot_revoke_self" | "cannot_block_self" | "last_admin" | "duplicate" | "topic_in_use" | "comments_closed" | "not_comment_author" | "own_comment" | "comment_deleted" | "comment_hidden" | "stale_revision" | "precondition_failed" | "payload_too_large" | "content_hidden" | "already_reported" | "cannot_report_own" | "moderation_changed" | "unsupported_media_type" | "validation_failed" | "rate_limited" | "edit_rate_limited" | "edit_limit_reached" | "too_many_attempts" | "internal_error" | "database_unavailable" | "database_busy" | "overloaded" | "request_head_too_large" | "request_timeout";
        /** @description A copy of a person's data, as its owner sees it. */
        Export: {
            /**
             * Format: date-time
             * @description When its archive goes.
             */
            expires_at?: string | null;
            /**
             * Format: uuid
             * @description Its id.
             */
            id: string;
            /**
             * Format: date-time
             * @description When its archive was built.
             */
            ready_at?: string | null;
            /**
             * Format: date-time
             * @description When it was asked for.
             */
            requested_at: string;
            /**
             * Format: int64
             * @description The archive's size in bytes, once built.
             */
            size?: number | null;
            /**
             * @description `pending` (being built), `ready` (downloadable until `expires_at`)
             *     or `expired`.
             */
            state: string;
        };
        /**
         * @description The `code` of one invalid field in a `validation_failed` problem.
         * @enum {string}
         */
        FieldCode: "too_short" | "too_long" | "invalid_characters" | "invalid_format" | "out_of_range" | "required" | "unchanged" | "unknown_version" | "malformed" | "invalid_cursor" | "invalid_choice" | "not_allowed" | "text_too_large" | "too_deep" | "invalid_etag" | "mismatch" | "not_found" | "invalid" | "taken" | "expired" | "no_letters" | "name_reserved";
        /** @description A conflict in one field. */
        FieldConflict: components["schemas"]["Conflict"] & {
            /** @description `title` or `body`. */
            field: string;
        };
        /** @description Where a proposal is filed: the whole new choice. */
        FilingRequest: {
            /** @description The slug of one of the space's categories or areas: 3 to 60 characters once trimmed; one line; no direction marks or controls; `a-z`, `0-9` and single inner hyphens. */
            area?: string | null;
            /** @description The slug of one of the space's categories or areas: 3 to 60 characters once trimmed; one line; no direction marks or controls; `a-z`, `0-9` and single inner hyphens. */
            category?: string | null;
        };
        /** @description The caller's follow of a proposal, and how many people follow it. */
        FollowState: {
            /**
             * Format: int64
             * @description How many people follow it, the caller included.
             */
            followers: number;
            /** @description Whether the caller follows it (after the request). */
            following: boolean;
        };
        /**
         * @description The unit a diff compares.
         * @enum {string}
         */
        Granularity: "word" | "line";
        /**
         * @description A group of changes with some unchanged context around it. Positions count
         *     tokens (words and whitespace runs, or lines) from 0.
         */
        Hunk: {
            /** @description New tokens covered. */
            new_len: number;
            /** @description First new token of the hunk. */
            new_start: number;
            /** @description Old tokens covered. */
            old_len: number;
            /** @description First old token of the hunk. */
            old_start: number;
            /** @description The operations inside the hunk, context included. */
            ops: components["schemas"]["DiffOp"][];
        };
        /** @description The first page of each list `include` named; a list not named is absent. */
        Included: {
            amendments?: null | components["schemas"]["Page_AmendmentSummary"];
            /**
             * @description Every official answer, newest (the one in force) first, as
             *     `GET /proposals/{id}/answers` gives them.
             */
            answers?: components["schemas"]["Answer"][] | null;
            supporters?: null | components["schemas"]["Page_Supporter"];
            /**
             * @description True when `supporters` was asked for and the space keeps its
             *     supporters private from the caller (the count stays in the proposal).
             */
            supporters_private: boolean;
        };
        /**
         * @description The language a person reads the platform and its e-mail in.
         * @enum {string}
         */
        Language: "it" | "en";
        /** @description The language the caller reads the platform and its e-mail in. */
        LanguageRequest: {
            /** @description `it` or `en`. */
            language: components["schemas"]["Language"];
        };
        /**
         * @description What a re-check of the log found wrong first, as a stable code.
         * @enum {string}
         */
        LogProblem: "signature" | "root" | "missing_entry" | "leaf_hash" | "tile_hash" | "record_changed" | "record_missing" | "unlogged_record";
        /** @description A proof: the hashes, in hex, in the order RFC 9162 verifies them. */
        LogProof: {
            /** @description The proof's hashes, lower-case hex. */
            hashes: string[];
            /**
             * Format: int64
             * @description The tree size proved against.
             */
            size: number;
        };
        /**
         * @description The outcome of re-checking one segment of the log against the latest
         *     signed checkpoint. The whole log is checked by calling again from
         *     `next` until `complete`; each call's work is bounded.
         */
        LogReport: {
            /**
             * @description This call reached the end of the signed tree and also checked that
             *     every record has an entry.
             */
            complete: boolean;
            /**
             * Format: int64
             * @description The leaf index of the first entry that does not hold, if one does not.
             */
            first_invalid?: number | null;
            /**
             * Format: int64
             * @description The first leaf checked.
             */
            from: number;
            /**
             * Format: int64
             * @description The leaf after the last one checked: the `from` of the next call.
             */
            next: number;
            /**
             * Format: int64
             * @description Entries written but not yet in a signed checkpoint (sequenced within
             *     a second or so).
             */
            pending: number;
            problem?: null | components["schemas"]["LogProblem"];
            /** @description Its root hash, lower-case hex. */
            root_hash: string;
            /**
             * Format: int64
             * @description The signed tree size checked against.
             */
            tree_size: number;
            /** @description Everything checked holds. */
            valid: boolean;
        };
        /**
         * @description Sign-in form.
         * @example {
         *       "email": "maria@example.it",
         *       "password": "una-password-sicura"
         *     }
         */
        LoginRequest: {
            /** @description E-mail. */
            email: string;
            /** @description Password. */
            password: string;
        };
        /**
         * @description What a letter is about: the outbox keeps it, an admin sees it.
         * @enum {string}
         */
        MailKind: "confirm_address" | "password_reset" | "password_changed" | "email_changed" | "notification" | "digest" | "deletion_scheduled" | "export_ready";
        /**
         * @description Where a message is in its delivery.
         * @enum {string}
         */
        MailState: "pending" | "sent" | "dead";
        /** @description Up to which notification "mark all read" goes. */
        MarkAllRequest: {
            /**
             * Format: uuid
             * @description The newest notification the caller saw: those that arrived after it
             *     stay unread. Absent: every one.
             */
            up_to?: string | null;
        };
        /** @description How many notifications a "mark all read" marked. */
        MarkedDto: {
            /** @description Notifications that were unread and are now read. */
            marked: number;
        };
        /** @description The caller's own profile. */
        MeDto: components["schemas"]["UserDto"] & {
            /** @description Blocked users cannot act (they never get this far, but clients show it). */
            blocked: boolean;
            /**
             * Format: date-time
             * @description When the account will be deleted, while its deletion is pending:
             *     it writes nothing (`deletion_pending`) until the person cancels
             *     (`DELETE /me/deletion`).
             */
            deletion_due_at?: string | null;
            /** @description The e-mail they sign in with. */
            email: string;
            /**
             * @description Whether they proved they read mail at `email`. Where the site sends
             *     e-mail (`/site`'s `email`), writing waits for it (`email_unconfirmed`).
             */
            email_confirmed: boolean;
            /** @description The language they read the platform and its e-mail in. */
            language: components["schemas"]["Language"];
            /**
             * Format: int32
             * @description The version of the privacy notice they accepted at sign-up
             *     (`/pages/privacy/versions/{n}`); absent for an account an operator made.
             */
            privacy_version?: number | null;
            /** @description Roles beyond participant. */
            roles: components["schemas"]["RoleGrant"][];
        };
        /**
         * @description A piece of a merged text: either agreed by both sides, or a conflict whose
         *     side a person must choose. Concatenating the agreed texts with one chosen
         *     side of each conflict, in order, gives the final text.
         */
        MergeSegment: {
            /** @enum {string} */
            kind: "agreed";
            /** @description The text. */
            text: string;
        } | {
            /** @description The region as it was in the base text. */
            base: string;
            /** @description What the current version has there. */
            current: string;
            /** @enum {string} */
            kind: "conflict";
            /** @description What the amendment proposes there. */
            proposed: string;
        };
        /**
         * @description Whether an amendment can be applied to the current version as it is.
         * @enum {string}
         */
        Mergeability: "up_to_date" | "clean" | "conflict";
        /**
         * @description What accepting now would give, field by field: the text where it
         *     merges cleanly (null where in conflict), and always the whole text as
         *     segments, agreed pieces and conflicts in order, so a client resolves a
         *     conflict by choosing or editing each conflict's side, with no string
         *     surgery.
         */
        MergedPreview: {
            /** @description Resulting body. */
            body?: string | null;
            /** @description The resulting body as agreed pieces and conflicts. */
            body_segments: components["schemas"]["MergeSegment"][];
            /** @description Resulting title. */
            title?: string | null;
            /** @description The resulting title as agreed pieces and conflicts. */
            title_segments: components["schemas"]["MergeSegment"][];
        };
        /**
         * @description The kinds of item staff moderate, as the path names them.
         * @enum {string}
         */
        ModeratedKind: "proposals" | "amendments" | "comments";
        /** @description One item in the report queue. */
        ModerationItem: {
            /** @description Hidden now from everyone but staff of the space. */
            hidden: boolean;
            /** @description Hidden with its blocked author (unblocking shows it again). */
            hidden_by_block: boolean;
            /**
             * Format: uuid
             * @description The audit entry of the staff hide in force: set while staff hid the
             *     item from view (not automatically, nor with its author's block).
             *     An unhide that names it as `undo` undoes that hide, reopening the
             *     reports it upheld.
             */
            hide_entry_id?: string | null;
            /**
             * Format: uuid
             * @description The queue entry's id (its position in the queue).
             */
            id: string;
            /**
             * Format: date-time
             * @description When it was last reported.
             */
            last_reported_at?: string | null;
            /** @description The latest three reports, newest first. */
            latest_reports: components["schemas"]["QueueReport"][];
            /**
             * Format: int32
             * @description Reports not yet worked by staff.
             */
            open_reports: number;
            preview?: null | components["schemas"]["Preview"];
            /**
             * Format: uuid
             * @description The proposal it is or belongs to.
             */
            proposal_id?: string | null;
            /** @description That proposal's reference code, for its public address. */
            proposal_reference?: string | null;
            /** @description Every report of the item, by reason. */
            reasons: components["schemas"]["ReasonCounts"];
            /**
             * Format: uuid
             * @description The item's space: only its staff act on it.
             */
            space_id: string;
            /** @description The item reported or moderated. */
            target: components["schemas"]["Target"];
        };
        /** @description An optional note, kept in the public audit entry. */
        ModerationNoteRequest: {
            /** @description Note in Markdown; blank means none: up to 20,000 characters; line breaks and tabs allowed, no other control character. */
            note?: string | null;
        };
        /**
         * @description The caller's own support of a proposal, so they can see whether it
         *     still counts and what changed since they gave it ("you supported
         *     version 3; now at 5").
         */
        MySupport: {
            /**
             * Format: date-time
             * @description When it was last given or re-confirmed.
             */
            confirmed_at: string;
            /**
             * Format: int32
             * @description The proposal's current version: when greater than `version`, the
             *     text changed since the support (re-confirm with `PUT …/support`).
             */
            current_version: number;
            /**
             * @description Not counted yet: the caller has fewer supports in the space than its
             *     `minimum_supports_per_user`.
             */
            pending: boolean;
            /**
             * @description Where the public log recorded this support being given, for its
             *     giver alone to check.
             */
            receipt: components["schemas"]["SupportReceipt"];
            /**
             * Format: date-time
             * @description When the support was first given.
             */
            supported_at: string;
            /**
             * Format: int32
             * @description The version the support is pinned to (given or last re-confirmed on).
             */
            version: number;
        };
        /** @description A reset link's token and the new password. */
        NewPasswordRequest: {
            /** @description 10 to 128 characters. */
            password: string;
            /** @description The `token` of the link in the letter. */
            token: string;
        };
        /** @description A notification as its person reads it. */
        Notification: {
            /**
             * Format: date-time
             * @description When it happened.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description Id (for marking it read).
             */
            id: string;
            /** @description What happened. */
            kind: components["schemas"]["NotificationKind"];
            /** @description What it says. */
            payload: components["schemas"]["NotificationPayload"];
            /**
             * Format: uuid
             * @description The proposal it concerns.
             */
            proposal_id?: string | null;
            /**
             * Format: date-time
             * @description When its person read it.
             */
            read_at?: string | null;
        };
        /**
         * @description What happened that a person hears of.
         * @enum {string}
         */
        NotificationKind: "version_published" | "amendment_decided" | "proposal_answered" | "comment_reply" | "content_hidden" | "proposal_qualified";
        /** @description A page of notifications and the unread count (the bell's number). */
        NotificationPageDto: {
            /** @description Newest first. */
            items: components["schemas"]["Notification"][];
            /** @description Pass as `cursor` for the next page; absent on the last. */
            next_cursor?: string | null;
            /**
             * Format: int64
             * @description How many of the caller's notifications are unread, in all.
             */
            unread: number;
        };
        /**
         * @description What a notification says, besides its kind: enough for the app and the
         *     letter to tell it without reading anything else.
         */
        NotificationPayload: {
            /** @description Who replied (their display name). */
            by?: string | null;
            /** @description Accepted or rejected (an amendment); the answer's state (an answer). */
            outcome?: string | null;
            /** @description The reason given (a decision, a hide). */
            reason?: string | null;
            /** @description The proposal's reference (its address). */
            reference?: string | null;
            /**
             * Format: uuid
             * @description The amendment or comment concerned.
             */
            subject_id?: string | null;
            /**
             * Format: int32
             * @description The version the recipient supports, when it is an older one.
             */
            supported_version?: number | null;
            /** @description What was hidden or replied to (`proposal`, `amendment`, `comment`). */
            target?: string | null;
            /** @description The proposal's title when it happened. */
            title?: string | null;
            /**
             * Format: int32
             * @description The version now in force (a new version).
             */
            version?: number | null;
        };
        /**
         * @description What an operation does to the old text.
         * @enum {string}
         */
        OpKind: "equal" | "insert" | "delete";
        /** @description Letters in each state. */
        OutboxCounts: {
            /**
             * Format: int64
             * @description Given up: an admin should look.
             */
            dead: number;
            /**
             * Format: int64
             * @description Waiting for their (next) attempt.
             */
            pending: number;
            /**
             * Format: int64
             * @description Accepted by the mail server.
             */
            sent: number;
        };
        /** @description A page of the outbox and its counts. */
        OutboxDto: {
            /** @description Letters in each state, in the whole outbox. */
            counts: components["schemas"]["OutboxCounts"];
            /** @description The letters of this page, newest first. */
            items: components["schemas"]["OutboxLetterDto"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description A letter in the outbox, without its bodies. */
        OutboxLetterDto: {
            /**
             * Format: int32
             * @description Attempts so far.
             */
            attempts: number;
            /**
             * Format: date-time
             * @description When it was written.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description Id (for `retry`).
             */
            id: string;
            /** @description What it is about. */
            kind: components["schemas"]["MailKind"];
            /** @description The last failure, as the mail server or the network put it. */
            last_error?: string | null;
            /**
             * Format: date-time
             * @description When it is tried next (pending letters).
             */
            next_attempt_at: string;
            /** @description The address it goes to. */
            recipient: string;
            /**
             * Format: date-time
             * @description When the mail server accepted it.
             */
            sent_at?: string | null;
            /** @description `pending`, `sent` or `dead`. */
            state: components["schemas"]["MailState"];
        };
        /** @description The public body that publishes the site, as the operator configured it. */
        Owner: {
            /**
             * @description Where citizens write to it (the accessibility statement's feedback,
             *     the privacy notice's contact).
             */
            email?: string | null;
            /** @description True when a logo is configured: `GET /api/v1/site/logo`. */
            logo: boolean;
            /** @description Its name, as in the header and footer ("Comune di …", "Regione …"). */
            name: string;
            /** @description Its institutional website. */
            url?: string | null;
        };
        /** @description A version of one of the administration's pages, with its text. */
        Page: {
            author?: null | components["schemas"]["PageAuthor"];
            /** @description Text (Markdown). */
            body: string;
            /**
             * Format: date-time
             * @description When this version was written.
             */
            created_at: string;
            /**
             * Format: int32
             * @description The latest version: the one in force.
             */
            current_version: number;
            /** @description Which page: its address on the site. */
            slug: components["schemas"]["SitePage"];
            /** @description Title. */
            title: string;
            /**
             * Format: int32
             * @description 1 for the text the platform ships, then one more per edit.
             */
            version: number;
        };
        /** @description Who wrote a version of a page. */
        PageAuthor: {
            /** @description Their display name. */
            display_name: string;
            /**
             * Format: uuid
             * @description Their id.
             */
            id: string;
        };
        /** @description A version of a page without its text: the footer's links, a page's history. */
        PageSummary: {
            author?: null | components["schemas"]["PageAuthor"];
            /**
             * Format: date-time
             * @description When it was written.
             */
            created_at: string;
            /** @description Which page. */
            slug: components["schemas"]["SitePage"];
            /** @description Title. */
            title: string;
            /**
             * Format: int32
             * @description Its version.
             */
            version: number;
        };
        /** @description One page of a list. */
        Page_AccountDto: {
            /** @description The items of this page. */
            items: components["schemas"]["AccountDto"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_AmendmentSummary: {
            /** @description The items of this page. */
            items: components["schemas"]["AmendmentSummary"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_AuditEntry: {
            /** @description The items of this page. */
            items: components["schemas"]["AuditEntry"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_Comment: {
            /** @description The items of this page. */
            items: components["schemas"]["Comment"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_CommentRevision: {
            /** @description The items of this page. */
            items: components["schemas"]["CommentRevision"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_ModerationItem: {
            /** @description The items of this page. */
            items: components["schemas"]["ModerationItem"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_ProposalSummary: {
            /** @description The items of this page. */
            items: components["schemas"]["ProposalSummary"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_QueueItem: {
            /** @description The items of this page. */
            items: components["schemas"]["QueueItem"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_Space: {
            /** @description The items of this page. */
            items: components["schemas"]["Space"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_Supporter: {
            /** @description The items of this page. */
            items: components["schemas"]["Supporter"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /** @description One page of a list. */
        Page_VersionSummary: {
            /** @description The items of this page. */
            items: components["schemas"]["VersionSummary"][];
            /** @description Pass as `cursor` to get the next page; absent on the last page. */
            next_cursor?: string | null;
        };
        /**
         * @description Whose password to reset.
         * @example {
         *       "email": "maria@example.it"
         *     }
         */
        PasswordResetRequest: {
            /** @description The account's e-mail. */
            email: string;
        };
        /**
         * @description A participant as others see them next to their contribution (a
         *     comment's author, a supporter): enough to name and link them, nothing
         *     private.
         */
        Person: {
            /** @description The name they chose to be shown. */
            display_name: string;
            /**
             * Format: uuid
             * @description Their user id.
             */
            id: string;
            /** @description Public handle. */
            nickname: string;
        };
        /**
         * @description A phase of a process (proposals, evaluation, vote, results…): the space
         *     page shows them in order with their dates, and which one is under way.
         */
        Phase: {
            /**
             * Format: date
             * @description Its last day; absent while open-ended.
             */
            ends_on?: string | null;
            /** @description Its name: 3 to 150 characters, one line. */
            name: string;
            /**
             * Format: date
             * @description Its first day.
             */
            starts_on: string;
        };
        /** @description What staff see of an item without opening it. */
        Preview: {
            /**
             * Format: uuid
             * @description Its author, whom an admin may need to find.
             */
            author_id: string;
            /** @description Their nickname. */
            author_nickname: string;
            /**
             * @description The title, or the first 200 characters of a comment (null for a
             *     deleted comment).
             */
            text?: string | null;
        };
        /**
         * @description An error response (`application/problem+json`, RFC 9457). Branch on
         *     `code`, never on `detail`.
         * @example {
         *       "code": "validation_failed",
         *       "detail": "the request has invalid fields",
         *       "errors": [
         *         {
         *           "code": "too_short",
         *           "field": "title",
         *           "message": "must be at least 10 characters"
         *         },
         *         {
         *           "code": "required",
         *           "field": "body",
         *           "message": "is required"
         *         }
         *       ],
         *       "status": 422,
         *       "title": "Unprocessable Entity",
         *       "type": "urn:emenda:problem:validation_failed"
         *     }
         */
        Problem: {
            /** @description Stable machine code: branch on this. */
            code: components["schemas"]["ErrorCode"];
            /** @description With `merge_conflict`: the regions to resolve. */
            conflicts?: components["schemas"]["FieldConflict"][] | null;
            /**
             * Format: int32
             * @description With `stale_version`: the version that is current now.
             */
            current_version?: number | null;
            /** @description What happened in this case, for people; never parse it. */
            detail: string;
            /** @description With `validation_failed`: every field at fault. */
            errors?: components["schemas"]["ProblemField"][] | null;
            /**
             * Format: int32
             * @description HTTP status.
             */
            status: number;
            /** @description Short summary of the problem type (the HTTP reason phrase). */
            title: string;
            /** @description URI naming the problem type: `urn:emenda:problem:<code>`. */
            type: string;
        };
        /** @description One invalid field. */
        ProblemField: {
            /** @description Stable code, e.g. `too_short`. */
            code: components["schemas"]["FieldCode"];
            /**
             * @description JSON path of the field (or the query parameter or header), e.g.
             *     `title` or `settings.support_threshold`.
             */
            field: string;
            /** @description Human explanation. */
            message: string;
        };
        /** @description A proposal with its current text, as its page shows it to one reader. */
        Proposal: {
            /** @description What the caller may do to it now. */
            actions: components["schemas"]["ProposalActions"];
            /** @description Amendments by state, as many as the reader may list. */
            amendments: components["schemas"]["AmendmentCounts"];
            answer?: null | components["schemas"]["Answer"];
            area?: null | components["schemas"]["Topic"];
            /** @description Creator first, then co-authors, in the order they joined. */
            authors: components["schemas"]["Author"][];
            /** @description Current text (Markdown). */
            body: string;
            category?: null | components["schemas"]["Topic"];
            /** @description Hash of the current version (the head of the chain). */
            content_hash: string;
            /** @description Supports and comments. */
            counters: components["schemas"]["ProposalCounters"];
            /**
             * Format: date-time
             * @description Publication time.
             */
            created_at: string;
            /**
             * Format: int32
             * @description Current version number; versions run 1..current_version.
             */
            current_version: number;
            /** @description How the current version came to be. */
            current_version_kind: components["schemas"]["VersionKind"];
            /**
             * Format: uuid
             * @description The proposal this one grew out of (a promoted amendment).
             */
            derived_from?: string | null;
            /** @description Hidden by moderation (only staff of its space can still see it). */
            hidden: boolean;
            /**
             * Format: uuid
             * @description Its id; a path takes it or the reference code.
             */
            id: string;
            my_support?: null | components["schemas"]["MySupport"];
            /**
             * Format: date-time
             * @description When the proposal reached the space's support threshold (stays set
             *     once reached); `null` while not qualified.
             */
            qualified_at?: string | null;
            /**
             * @description Reference code, e.g. `EMD-PROP-2026-11-42`; also accepted wherever
             *     a path takes the id.
             */
            reference: string;
            /**
             * @description The space's name and rules, so a page can draw its actions (support
             *     open? threshold? amendments open?) from this one response.
             */
            space: components["schemas"]["ProposalSpace"];
            /**
             * Format: uuid
             * @description The space it was published in.
             */
            space_id: string;
            /** @description Its space's slug (also in `space`). */
            space_slug: string;
            /**
             * @description Where it stands: published, evaluating (staff are looking at it),
             *     accepted or rejected (answered), or withdrawn by its authors.
             */
            state: components["schemas"]["ProposalState"];
            /** @description Current title. */
            title: string;
            /**
             * Format: date-time
             * @description Last change of its text, state, counters or filing.
             */
            updated_at: string;
        };
        /**
         * @description What the caller may do to a proposal now, each flag decided by the same
         *     rules the write applies, for this caller: true exactly when that write
         *     would be accepted (at the moment of reading; the write decides again).
         *     All false for an anonymous reader: every one of these needs a sign-in.
         */
        ProposalActions: {
            /**
             * @description `POST …/amendments`: request an amendment. Amendments open, a
             *     verified identity if the space asks one to propose, the proposal
             *     open, and no amendment of the caller's still under evaluation on it.
             */
            amend: boolean;
            /**
             * @description `POST /moderation/proposals/{id}/answer`: give an official answer.
             *     Staff of the space, unless the proposal was withdrawn.
             */
            answer: boolean;
            /**
             * @description `POST …/comments`: comment (a root comment). Comments open, the
             *     proposal not withdrawn and not hidden.
             */
            comment: boolean;
            /**
             * @description `POST …/versions`: publish a new version. An author, while the
             *     proposal is published (not yet answered), within the edit limits
             *     (per hour and in all).
             */
            edit: boolean;
            /**
             * @description `PUT …/filing`: file it under other categories or areas of its
             *     space. Staff of the space; an author while it takes edits.
             */
            file: boolean;
            /**
             * @description `POST /moderation/proposals/{id}/hide`, `…/unhide`, `…/dismiss`:
             *     moderate it. Staff of the space.
             */
            moderate: boolean;
            /**
             * @description `POST /reports` naming this proposal: report it. Not one's own, not
             *     hidden, and not reported by the caller already.
             */
            report: boolean;
            /**
             * @description `PUT …/support`: give a support, or re-confirm theirs on the current
             *     version. Supports open, a verified identity if the space asks for
             *     one, the proposal open (published or evaluating) and not hidden, and
             *     for a new support room under the space's per-user limit and, unless
             *     it takes supports beyond it, the proposal's threshold.
             */
            support: boolean;
            /**
             * @description `POST …/withdraw`: withdraw the proposal. An author, while it is
             *     published or evaluating.
             */
            withdraw: boolean;
            /**
             * @description `DELETE …/support`: take a support back (idempotent, so true whether
             *     or not the caller supports it). Supports open and the proposal open:
             *     once closed, supports are final.
             */
            withdraw_support: boolean;
        };
        /** @description Counters shown on a proposal. */
        ProposalCounters: {
            /**
             * Format: int32
             * @description Visible comments.
             */
            comments: number;
            /**
             * Format: int32
             * @description Supports that count (their giver reached the space's
             *     `minimum_supports_per_user`).
             */
            supports: number;
            /**
             * Format: int32
             * @description Every support, counted or pending.
             */
            supports_given: number;
        };
        /** @description The proposal, and the lists asked for with `include` under `included`. */
        ProposalRead: components["schemas"]["Proposal"] & {
            included?: null | components["schemas"]["Included"];
        };
        /**
         * @description The space of a proposal, as its page needs it: the name for the
         *     breadcrumb and the rules its buttons obey (the description is on the
         *     space's own page).
         */
        ProposalSpace: {
            /** @description The rules of participation in force. */
            settings: components["schemas"]["SpaceSettings"];
            /** @description URL name. */
            slug: string;
            /** @description Its name, for the breadcrumb. */
            title: string;
        };
        /**
         * @description Where a proposal stands.
         * @enum {string}
         */
        ProposalState: "published" | "evaluating" | "accepted" | "rejected" | "withdrawn";
        /** @description A proposal in a list: its state and counters, without its text. */
        ProposalSummary: {
            /** @description The slug of the space's area it is filed under; `null`: none. */
            area?: string | null;
            /**
             * @description The slug of the space's category it is filed under (the space's
             *     `categories` name it); `null`: none.
             */
            category?: string | null;
            /**
             * Format: int32
             * @description Visible comments.
             */
            comments_count: number;
            /**
             * Format: date-time
             * @description Publication time.
             */
            created_at: string;
            /**
             * Format: int32
             * @description Current version number (= number of versions).
             */
            current_version: number;
            /**
             * Format: uuid
             * @description Its id; a path takes it or the reference code.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the proposal reached the space's support threshold (stays set).
             */
            qualified_at?: string | null;
            /**
             * @description Reference code, e.g. `EMD-PROP-2026-11-42`; also accepted wherever
             *     a path takes the id.
             */
            reference: string;
            search?: null | components["schemas"]["SearchHit"];
            /**
             * Format: uuid
             * @description The space it was published in.
             */
            space_id: string;
            /**
             * @description Where it stands: published, evaluating (staff are looking at it),
             *     accepted or rejected (answered), or withdrawn by its authors.
             */
            state: components["schemas"]["ProposalState"];
            /**
             * Format: int32
             * @description Supports that count (their giver reached the space's
             *     `minimum_supports_per_user`).
             */
            supports_count: number;
            /**
             * Format: int32
             * @description Every support, counted or pending.
             */
            supports_given: number;
            /** @description Current title. */
            title: string;
            /**
             * Format: date-time
             * @description Last change of its text, state, counters or filing.
             */
            updated_at: string;
        };
        /**
         * @description An amendment in the staff queue, with its proposal and whether it still
         *     applies cleanly, so the queue needs no request per item.
         */
        QueueItem: components["schemas"]["AmendmentSummary"] & {
            /**
             * Format: int32
             * @description The proposal's current version.
             */
            current_version: number;
            mergeability?: null | components["schemas"]["Mergeability"];
            /** @description The proposal's reference code, for its address. */
            proposal_reference: string;
            /** @description The proposal's current title. */
            proposal_title: string;
        };
        /** @description One report, as staff see it. */
        QueueReport: {
            /**
             * Format: date-time
             * @description When it was made.
             */
            created_at: string;
            /** @description What is wrong, in the reporter's words (may be empty). */
            details: string;
            /**
             * Format: uuid
             * @description The report's id.
             */
            id: string;
            /** @description Why it was reported. */
            reason: components["schemas"]["ReportReason"];
            /** @description Who reported. */
            reporter_nickname: string;
            /** @description `open`, `upheld` or `dismissed`. */
            state: components["schemas"]["ReportState"];
        };
        /** @description How many reports name each reason. */
        ReasonCounts: {
            /**
             * Format: int64
             * @description `does_not_belong`.
             */
            does_not_belong: number;
            /**
             * Format: int64
             * @description `offensive`.
             */
            offensive: number;
            /**
             * Format: int64
             * @description `other`.
             */
            other: number;
            /**
             * Format: int64
             * @description `spam`.
             */
            spam: number;
        };
        /** @description A refresh token, to rotate or to revoke. */
        RefreshRequest: {
            /** @description The refresh token from the last sign-in or refresh. */
            refresh_token: string;
        };
        /**
         * @description Registration form.
         * @example {
         *       "display_name": "Maria Rossi",
         *       "email": "maria@example.it",
         *       "nickname": "maria",
         *       "password": "una-password-sicura",
         *       "privacy_version": 1
         *     }
         */
        RegisterRequest: {
            /** @description Name shown next to contributions: 1 to 60 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            display_name: string;
            /** @description E-mail, used to sign in; never shown publicly. At most 254 characters. */
            email: string;
            language?: null | components["schemas"]["Language"];
            /** @description Public handle: 3 to 20 characters once trimmed; one line; no direction marks or controls; `a-z`, `0-9` and `_`, starting with a letter (stored lower-case); at least one visible letter or digit. */
            nickname: string;
            /** @description 10 to 128 characters. */
            password: string;
            /**
             * Format: int32
             * @description The version of the privacy notice (`GET /pages/privacy`) the person
             *     read and accepts: required, and it must be the one in force
             *     (`mismatch` when the notice changed meanwhile: show the new one).
             */
            privacy_version?: number | null;
        };
        /**
         * @description A rejection.
         * @example {
         *       "reason": "La via è troppo stretta per venti alberi."
         *     }
         */
        RejectRequest: {
            /** @description Public text in Markdown: 1 to 20,000 characters once trimmed; line breaks and tabs allowed, no other control character. */
            reason: string;
        };
        /** @description A report as recorded. */
        Report: {
            /**
             * Format: date-time
             * @description When it was made.
             */
            created_at: string;
            /** @description What is wrong, in the reporter's words (empty when none were given). */
            details: string;
            /**
             * Format: uuid
             * @description The report's id.
             */
            id: string;
            /** @description Why it was reported. */
            reason: components["schemas"]["ReportReason"];
            /** @description `open` until staff work it. */
            state: components["schemas"]["ReportState"];
            /** @description What was reported. */
            target: components["schemas"]["Target"];
        };
        /**
         * @description Why a participant reports an item.
         * @enum {string}
         */
        ReportReason: "spam" | "offensive" | "does_not_belong" | "other";
        /**
         * @description Where a report stands.
         * @enum {string}
         */
        ReportState: "open" | "upheld" | "dismissed";
        /**
         * @description A power granted to a user on top of being a participant.
         * @enum {string}
         */
        Role: "staff" | "admin";
        /** @description One role held by a user, everywhere (`space_id` is null) or in one space. */
        RoleGrant: {
            /** @description The role. */
            role: components["schemas"]["Role"];
            /**
             * Format: uuid
             * @description The space it applies to; `null` for all spaces.
             */
            space_id?: string | null;
        };
        /** @description A role, everywhere or in one space. */
        RoleRequest: {
            /** @description `staff` or `admin`. */
            role: components["schemas"]["Role"];
            /** @description Slug of the space; omitted for every space. */
            space?: string | null;
        };
        /** @description How a proposal matched a search. */
        SearchHit: {
            /** @description Its title holds every term (these come first). */
            in_title: boolean;
            /**
             * @description The passage of its text around the first matched word, in pieces
             *     to highlight; absent when the text holds none (the title matched).
             */
            snippet?: components["schemas"]["SnippetPart"][] | null;
        };
        /** @description Tokens for a session. */
        SessionDto: {
            /** @description Send as `Authorization: Bearer …`. */
            access_token: string;
            /**
             * Format: int64
             * @description Seconds until the access token expires.
             */
            expires_in: number;
            /** @description Single use: exchange at `/auth/refresh` for the next pair. */
            refresh_token: string;
            /** @description Always `Bearer`. */
            token_type: string;
            /** @description Who signed in. */
            user: components["schemas"]["MeDto"];
        };
        /** @description A partial change of settings: only the fields sent are changed. */
        SettingsPatch: {
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            amendments_open?: boolean | null;
            amendments_visibility?: null | components["schemas"]["AmendmentsVisibility"];
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            comments_open?: boolean | null;
            /**
             * Format: int32
             * @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value.
             */
            max_reports_before_hiding?: number | null;
            /**
             * Format: int32
             * @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value.
             */
            minimum_supports_per_user?: number | null;
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            proposals_open?: boolean | null;
            /**
             * Format: int32
             * @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value.
             */
            support_limit_per_user?: number | null;
            /**
             * Format: int32
             * @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value.
             */
            support_threshold?: number | null;
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            supporters_public?: boolean | null;
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            supports_beyond_threshold?: boolean | null;
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            supports_open?: boolean | null;
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            verification_required_to_propose?: boolean | null;
            /** @description The setting of the same name in `SpaceSettings`; leave it out to keep the current value. */
            verification_required_to_support?: boolean | null;
        };
        /**
         * @description Who publishes the site and its pages: what every page's header and
         *     footer show.
         */
        Site: {
            /**
             * @description Whether the site sends e-mail: without it there is no password
             *     reset and no address confirmation (`email_off`), and writing does
             *     not wait for a confirmed address.
             */
            email: boolean;
            /** @description The owning body. */
            owner: components["schemas"]["Owner"];
            /** @description The version in force of each page, in footer order. */
            pages: components["schemas"]["PageSummary"][];
        };
        /**
         * @description One of the administration's pages, named by its address.
         * @enum {string}
         */
        SitePage: "note-legali" | "privacy" | "accessibilita";
        /** @description A piece of a snippet: text, and whether it is a word the query matched. */
        SnippetPart: {
            /** @description True for a word the query matched: to highlight. */
            matched: boolean;
            /** @description The text, as written (Markdown marks left out). */
            text: string;
        };
        /** @description A participatory space: a process with its own rules of participation. */
        Space: {
            /** @description Where its proposals may apply, in order (`area`, likewise). */
            areas: components["schemas"]["Topic"][];
            /**
             * @description What its proposals may be about, in order (`category` on a
             *     proposal, and the list filter of the same name).
             */
            categories: components["schemas"]["Topic"][];
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
            /**
             * @description The position in `phases` of the one under way today (UTC); absent
             *     before the first, between two, after the last, or without phases.
             */
            current_phase?: number | null;
            /** @description What the process is about, in Markdown. */
            description: string;
            /**
             * Format: uuid
             * @description Its id (paths name a space by its slug).
             */
            id: string;
            /** @description Its phases, in order, with their dates. */
            phases: components["schemas"]["Phase"][];
            /** @description The rules of participation in force. */
            settings: components["schemas"]["SpaceSettings"];
            /** @description URL name, used in paths (`/spaces/{slug}`) and list filters. */
            slug: string;
            /** @description Its name. */
            title: string;
            /** @description What it holds now. */
            totals: components["schemas"]["SpaceCounts"];
            /**
             * Format: date-time
             * @description Last change of its texts or settings.
             */
            updated_at: string;
        };
        /**
         * @description What a space holds: its visible proposals, and the counted supports and
         *     visible comments on them.
         */
        SpaceCounts: {
            /**
             * Format: int64
             * @description Visible comments on those proposals.
             */
            comments: number;
            /**
             * Format: int64
             * @description Visible proposals.
             */
            proposals: number;
            /**
             * Format: int64
             * @description Supports that count, on those proposals.
             */
            supports: number;
        };
        /**
         * @description The settings of a space. Kept together so that a
         *     rule can be given "the space" and decide on its own.
         */
        SpaceSettings: {
            /**
             * @description Participants may request amendments.
             * @default true
             */
            amendments_open: boolean;
            /** @default all */
            amendments_visibility: components["schemas"]["AmendmentsVisibility"];
            /**
             * @description Participants may comment.
             * @default true
             */
            comments_open: boolean;
            /**
             * Format: int32
             * @description Reports after which an item is hidden automatically.
             * @default 3
             */
            max_reports_before_hiding: number;
            /**
             * Format: int32
             * @description A participant's supports in the space count only once they have
             *     given this many there (pending until then); 0 = count at once.
             * @default 0
             */
            minimum_supports_per_user: number;
            /**
             * @description Participants may publish new proposals.
             * @default true
             */
            proposals_open: boolean;
            /**
             * Format: int32
             * @description How many proposals one participant may support in the space; 0 = no limit.
             * @default 0
             */
            support_limit_per_user: number;
            /**
             * Format: int32
             * @description Supports that make a proposal qualified; 0 = no threshold.
             * @default 0
             */
            support_threshold: number;
            /**
             * @description The list of supporters is public.
             * @default true
             */
            supporters_public: boolean;
            /**
             * @description Whether supports are still taken once the threshold is reached.
             * @default true
             */
            supports_beyond_threshold: boolean;
            /**
             * @description Participants may support proposals.
             * @default true
             */
            supports_open: boolean;
            /**
             * @description Only verified participants may propose.
             * @default false
             */
            verification_required_to_propose: boolean;
            /**
             * @description Only verified participants may support.
             * @default false
             */
            verification_required_to_support: boolean;
        };
        /** @description What waits for staff in the spaces they look after (or one of them). */
        StaffSummary: {
            /**
             * Format: int64
             * @description Amendments waiting for a decision (the amendment queue).
             */
            amendments_waiting: number;
            /**
             * Format: int64
             * @description Visible proposals not answered yet (still `published`).
             */
            proposals_awaiting_answer: number;
            /**
             * Format: int64
             * @description Of those, the ones that reached their space's support threshold:
             *     the first to answer.
             */
            proposals_awaiting_answer_qualified: number;
            /**
             * Format: int64
             * @description Items with open reports (the report queue).
             */
            reports_open: number;
        };
        /**
         * @description What a support request ended with: the caller's support and the
         *     proposal's counters after it.
         */
        SupportOutcome: {
            /** @description The caller's support, pinned to the current version. */
            my_support: components["schemas"]["MySupport"];
            /**
             * Format: uuid
             * @description The proposal supported.
             */
            proposal_id: string;
            /**
             * Format: date-time
             * @description When the proposal reached the space's support threshold.
             */
            qualified_at?: string | null;
            /**
             * Format: int32
             * @description Supports that count.
             */
            supports_count: number;
            /**
             * Format: int32
             * @description Every support, counted or pending.
             */
            supports_given: number;
        };
        /**
         * @description What lets a supporter find their support in the public log, and nobody
         *     else tell it is theirs: the log names them by
         *     `sha256:hex(SHA-256(salt || their user id))`, the same for all their
         *     supports in the space.
         */
        SupportReceipt: {
            /**
             * Format: int64
             * @description Leaf index of the entry that logged the support given; `null`
             *     until the log has sequenced it.
             */
            log_index?: number | null;
            /** @description The pseudonym the log names them by in the space. */
            pseudonym?: string | null;
            /**
             * @description The salt of the supporter's pseudonym in the space (hex). Shown only
             *     to them: whoever holds it can tell which supports are theirs.
             */
            salt?: string | null;
        };
        /** @description One counted supporter, as a public supporter list shows them. */
        Supporter: {
            /**
             * Format: date-time
             * @description When they gave it.
             */
            supported_at: string;
            /** @description Who supports. */
            user: components["schemas"]["Person"];
            /**
             * Format: int32
             * @description The version their support is pinned to.
             */
            version: number;
        };
        /**
         * @description An item that is reported or moderated, by kind and id: what a report
         *     names, and what a queue entry is about.
         */
        Target: {
            /**
             * Format: uuid
             * @description Its id.
             */
            id: string;
            /** @description `proposal`, `amendment` or `comment`. */
            kind: components["schemas"]["TargetKind"];
        };
        /**
         * @description What can be reported and moderated.
         * @enum {string}
         */
        TargetKind: "proposal" | "amendment" | "comment";
        /** @description The difference between two texts. */
        TextDiff: {
            /** @description Only the changed regions, with context. */
            hunks: components["schemas"]["Hunk"][];
            /**
             * @description Every operation, in order: equal + delete rebuild the old text, equal
             *     + insert rebuild the new one.
             */
            ops: components["schemas"]["DiffOp"][];
        };
        /** @description One category or area of a space. */
        Topic: {
            /** @description Its name as shown: 3 to 150 characters, one line. */
            name: string;
            /**
             * @description Its name in addresses and filters (`mobilita`, `centro-storico`):
             *     3 to 60 of `a-z`, `0-9` and `-`; it never changes.
             */
            slug: string;
        };
        /**
         * @description An unhide: an optional note, and the hide it undoes, if it is an undo.
         * @example {
         *       "undo": "0190f3a2-7b1c-7d4e-8f00-0123456789ab"
         *     }
         */
        UnhideRequest: {
            /** @description Note in Markdown; blank means none: up to 20,000 characters; line breaks and tabs allowed, no other control character. */
            note?: string | null;
            /**
             * Format: uuid
             * @description Undo this hide: the `hide_entry_id` the hide answered with. The
             *     reports that hide upheld are reopened (and no others), so the item
             *     is back in the open queue as it was. Refused with
             *     `moderation_changed` once that hide is no longer in force.
             */
            undo?: string | null;
        };
        /** @description Changes to a space; omitted fields stay as they are. */
        UpdateSpaceRequest: {
            /**
             * @description Where its proposals may apply (districts, villages…): the whole new
             *     list, in order, as `categories`.
             */
            areas?: components["schemas"]["Topic"][] | null;
            /**
             * @description What the space's proposals may be about: the whole new list, in
             *     order (at most 40). Staff of the space may change this and `areas`
             *     alone; a category leaves only when no proposal is filed under it
             *     (409 `topic_in_use`).
             */
            categories?: components["schemas"]["Topic"][] | null;
            /** @description Description in Markdown: up to 20,000 characters; line breaks and tabs allowed, no other control character. */
            description?: string | null;
            /**
             * @description The process's phases, in order: the whole new list (an empty one
             *     removes them). Each starts after the one before has ended; only the
             *     last may be open-ended.
             */
            phases?: components["schemas"]["Phase"][] | null;
            settings?: null | components["schemas"]["SettingsPatch"];
            /** @description The space's title: 3 to 150 characters once trimmed; one line; no direction marks or controls; at least one visible letter or digit. */
            title?: string | null;
        };
        /** @description A user as others see them. */
        UserDto: {
            /**
             * Format: date-time
             * @description Registration time.
             */
            created_at: string;
            /** @description The name shown next to their contributions. */
            display_name: string;
            /**
             * Format: uuid
             * @description Their id.
             */
            id: string;
            /** @description Public handle. */
            nickname: string;
            /** @description An admin verified their identity. */
            verified: boolean;
        };
        /** @description A user's roles after a change. */
        UserRoles: {
            /** @description Every role they hold now. */
            roles: components["schemas"]["RoleGrant"][];
            /**
             * Format: uuid
             * @description The user.
             */
            user_id: string;
        };
        /** @description One immutable version with its full text. */
        Version: components["schemas"]["VersionSummary"] & {
            /** @description The text in this version (Markdown). */
            body: string;
            /** @description The title in this version. */
            title: string;
        };
        /** @description The difference between two versions. */
        VersionDiff: {
            /** @description How the text changed. */
            body: components["schemas"]["TextDiff"];
            /**
             * Format: int32
             * @description The older version.
             */
            from: number;
            /**
             * Format: date-time
             * @description When the older version's texts were erased (they then diff as
             *     empty): a reader must be told that the text was erased, not
             *     deleted by its author.
             */
            from_erased_at?: string | null;
            /** @description The unit compared: `word` or `line`. */
            granularity: components["schemas"]["Granularity"];
            /** @description How the title changed. */
            title: components["schemas"]["TextDiff"];
            /**
             * Format: int32
             * @description The newer version.
             */
            to: number;
            /**
             * Format: date-time
             * @description When the newer version's texts were erased, as `from_erased_at`.
             */
            to_erased_at?: string | null;
        };
        /**
         * @description How a version came to be.
         * @enum {string}
         */
        VersionKind: "created" | "edited" | "amendment" | "staff_edit";
        /**
         * @description A version without its text: who made it, how, and its place in the
         *     hash chain (a timeline needs no texts).
         */
        VersionSummary: {
            /**
             * Format: uuid
             * @description The staff member who accepted that amendment.
             */
            accepted_by?: string | null;
            /**
             * Format: uuid
             * @description The amendment accepted into it.
             */
            amendment_id?: string | null;
            /** @description SHA-256 of its canonical encoding: anyone can recompute it. */
            content_hash: string;
            /**
             * Format: date-time
             * @description When it was published.
             */
            created_at: string;
            /**
             * Format: uuid
             * @description Whose words these are: the author who edited, or the author of the
             *     accepted amendment.
             */
            editor_id: string;
            /** @description Their nickname. */
            editor_nickname: string;
            /**
             * Format: date-time
             * @description When its title, body and summary were erased (they are empty now);
             *     its hash still verifies against the commitments it covers.
             */
            erased_at?: string | null;
            /** @description How it came to be. */
            kind: components["schemas"]["VersionKind"];
            /**
             * Format: int64
             * @description Its leaf index in the public transparency log (`/log`), null until
             *     sequenced (about a second after it is written): what an inclusion
             *     proof (`/api/v1/log/inclusion`) asks for.
             */
            log_index?: number | null;
            /**
             * Format: int32
             * @description 1 for the first; each edit or accepted amendment adds one.
             */
            number: number;
            /**
             * @description The previous version's hash, which this one covers (null for the
             *     first), so no version can be changed or removed unseen.
             */
            previous_hash?: string | null;
            /**
             * Format: uuid
             * @description The staff member who, accepting the amendment, wrote the final
             *     text (other than the amendment merged as it was): credited for it
             *     beside the amendment's author.
             */
            rewritten_by?: string | null;
            /** @description Their nickname. */
            rewritten_by_nickname?: string | null;
            /** @description The author's note on what the edit changed. */
            summary?: string | null;
        };
        /** @description A comment's votes after the caller's vote. */
        VoteOutcome: {
            /**
             * Format: int32
             * @description Down votes.
             */
            down: number;
            /**
             * Format: int32
             * @description The caller's vote now; null once removed.
             */
            my_vote?: number | null;
            /**
             * Format: int32
             * @description Up minus down.
             */
            score: number;
            /**
             * Format: int32
             * @description Up votes.
             */
            up: number;
        };
        /** @description A vote on a comment. */
        VoteRequest: {
            /**
             * Format: int64
             * @description 1 (up), -1 (down) or 0 (remove the vote).
             */
            value: number;
        };
    };
    responses: {
        /** @description The path exists but not with this method (`method_not_allowed`). */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path accepts, e.g. `GET, HEAD, POST`. */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    get_amendment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The amendment with its diff and, while evaluated, its mergeability. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Amendment"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_amendment_comments: {
        parameters: {
            query?: {
                /** @description `oldest` (default), `newest`, `best` (score) or `most_discussed` (replies). */
                order?: null | ("oldest" | "newest" | "best" | "most_discussed");
                /** @description List the direct replies of this comment instead of the roots. */
                parent_id?: string | null;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of comments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_Comment"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_amendment_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentRequest"];
            };
        };
        responses: {
            /** @description The comment. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space takes no comments (`comments_closed`), or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The proposal was withdrawn (`proposal_withdrawn`), or the parent was deleted or hidden (`comment_deleted`, `comment_hidden`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    promote_amendment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new proposal. */
            201: {
                headers: {
                    /** @description Entity tag of the new proposal. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only its author may promote it (`not_amendment_author`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not rejected, already promoted, or closed with its proposal (`amendment_not_rejected`, `amendment_promoted`, `amendment_closed_with_proposal`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdraw_amendment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The amendment, now withdrawn. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Amendment"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only its author may withdraw it (`not_amendment_author`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already decided or withdrawn (`amendment_decided`, `amendment_withdrawn`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_audit: {
        parameters: {
            query?: {
                /** @description Only entries of this space (slug). */
                space?: string | null;
                /** @description Only entries of this kind, e.g. `amendment.accepted`. */
                action?: null | components["schemas"]["AuditAction"];
                /**
                 * @description Only entries about this proposal (UUID or reference code): its own,
                 *     its amendments' and its comments'.
                 */
                proposal?: string | null;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditEntry"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `space` filter names no space, or `proposal` no proposal the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `action` is not a kind of entry, or `proposal` neither a UUID nor a reference (`validation_failed`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verify_audit: {
        parameters: {
            query?: {
                /** @description The `next` of the previous segment; 0 or absent: the first leaf. */
                from?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the check of this segment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogReport"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `from` is beyond the signed tree (`validation_failed`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_audit_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entry's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntry"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No entry with this id that the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirm_address: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmAddressRequest"];
            };
        };
        responses: {
            /** @description The address is confirmed; when the link was for a new address, it is now the account's and the old one was told. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The new address has an account meanwhile (`email_taken`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The link is unknown or used (field `token`, `invalid`) or too old (`expired`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description The session's tokens and the user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong e-mail or password (`invalid_credentials`, never saying which). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account is blocked (`account_blocked`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`), or too many failed sign-ins for this e-mail from this address or from addresses it never signed in from (`too_many_attempts`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Signed out: the refresh token no longer works. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    request_password_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Accepted. The answer is the same whether or not an account has this address; at most 3 links an hour go to one account. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The site sends no e-mail (`email_off`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reset_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewPasswordRequest"];
            };
        };
        responses: {
            /** @description The password is changed, every session of the account closed, and a notice sent. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The password is too short or long (field `password`); the link is unknown, used, or for an address the account no longer has (field `token`, `invalid`) or too old (`expired`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new pair of tokens; the one sent is spent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The refresh token is invalid, expired or reused (`token_invalid`, `token_expired`, `token_reused`); reuse closes its whole sign-in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account is blocked (`account_blocked`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description The new account. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The e-mail or the nickname is taken (`email_taken`, `nickname_taken`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comment (a placeholder if deleted or hidden). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The placeholder. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not its author (`not_comment_author`); staff hide comments instead. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already deleted (`comment_deleted`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    edit_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditCommentRequest"];
            };
        };
        responses: {
            /** @description The comment at its new revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not its author (`not_comment_author`), or comments closed (`comments_closed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted, hidden or edited meanwhile (`comment_deleted`, `comment_hidden`, `stale_revision`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_comment_revisions: {
        parameters: {
            query?: {
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_CommentRevision"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    vote_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoteRequest"];
            };
        };
        responses: {
            /** @description The comment's votes and the caller's vote. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteOutcome"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One's own comment (`own_comment`), or comments closed (`comments_closed`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted or hidden (`comment_deleted`, `comment_hidden`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archive_by_link: {
        parameters: {
            query: {
                /** @description The `token` of the link in the letter. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ZIP. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": number[];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The link is unknown or expired (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consistency: {
        parameters: {
            query: {
                /** @description The size of the tree kept before (a checkpoint's). */
                old: number;
                /** @description The size of the newer tree (a checkpoint's). */
                size: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogProof"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `size` is beyond the latest checkpoint, or `old` not between 1 and it (`validation_failed`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inclusion: {
        parameters: {
            query: {
                /** @description The leaf index (a version's or audit entry's `log_index`). */
                index: number;
                /** @description The tree size to prove it in: a checkpoint's size. */
                size: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogProof"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `size` is beyond the latest checkpoint, or `index` not below it (`validation_failed`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAccountRequest"];
            };
        };
        responses: {
            /** @description Erased now (no grace period). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionDto"];
                };
            };
            /** @description Scheduled: erased at `deletion_due_at` unless cancelled. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The last administrator cannot leave (`last_admin`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The password is wrong (field `password`, `mismatch`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong passwords (`too_many_attempts`, with `Retry-After`). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancel_deletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No deletion pending any more (`GET /me` shows it). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    change_email: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEmailRequest"];
            };
        };
        responses: {
            /** @description `pending`: a link went to the new address, and the change happens when it is opened; `done`: the site sends no e-mail, so it changed now, unconfirmed. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressChangeDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The address has an account (`email_taken`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The password is wrong (field `password`, `mismatch`); the address is malformed or the current one (field `email`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resend_confirmation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent, unless the address is confirmed already or 3 links went out this hour. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The site sends no e-mail (`email_off`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    request_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Asked for (or asked for already today). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Export"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_exports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Export"][];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    own_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The export's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ZIP. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": number[];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such export of the caller's, not built yet, or expired (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    set_language: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LanguageRequest"];
            };
        };
        responses: {
            /** @description Set. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every kind, with the caller's choice or its default. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"][];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    set_setting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kind */
                kind: components["schemas"]["NotificationKind"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryRequest"];
            };
        };
        responses: {
            /** @description Set. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_notifications: {
        parameters: {
            query?: {
                /** @description Only unread ones. */
                unread?: boolean | null;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications and how many are unread. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mark_all_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkAllRequest"];
            };
        };
        responses: {
            /** @description How many were marked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The notification's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Read (reading it again changes nothing). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller has no notification with this id (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    change_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed: every session closed, a new one for the caller, and a notice sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The password is wrong (field `password`, `mismatch`) or the new one too short or long (field `new_password`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    amendment_queue: {
        parameters: {
            query?: {
                /** @description Only this space (slug). */
                space?: string | null;
                /**
                 * @description Only amendments of this proposal (UUID or reference code), in a
                 *     space the caller is staff of.
                 */
                proposal?: string | null;
                /** @description Only amendments in this state (default `evaluating`). */
                state?: null | ("evaluating" | "accepted" | "rejected" | "withdrawn");
                /** @description `oldest` first (default: what has waited longest) or `newest` first. */
                sort?: null | ("oldest" | "newest");
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue, in the order asked for. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_QueueItem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff may see the queue, of the space or proposal named (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `space` filter names no space, or `proposal` no proposal the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `proposal` is neither a UUID nor a reference code, `state` or `sort` is not one of its values, or `cursor` belongs to another query (`validation_failed`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    accept_amendment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptRequest"];
            };
        };
        responses: {
            /** @description The accepted amendment and the version it produced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff of the space may decide (`staff_only`), and not on their own amendment (`own_amendment`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `merge_conflict` with `conflicts` (send a final `title` and/or `body`), or the amendment or proposal changed (`amendment_decided`, `amendment_withdrawn`, `proposal_changed`, …). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reject_amendment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The rejected amendment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AmendmentSummary"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff of the space may decide (`staff_only`), and not on their own amendment (`own_amendment`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already decided or withdrawn (`amendment_decided`, `amendment_withdrawn`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_outbox: {
        parameters: {
            query?: {
                /** @description Only letters in this state (`pending`, `sent`, `dead`). */
                state?: null | components["schemas"]["MailState"];
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of letters (without their bodies) and the counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retry_letter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The letter's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description It will be tried again at once. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No dead letter has this id (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    answer_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerRequest"];
            };
        };
        responses: {
            /** @description The proposal with its answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff of the space may answer (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The proposal was withdrawn or changed state meanwhile (`proposal_withdrawn`, `state_changed`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    report_queue: {
        parameters: {
            query?: {
                /** @description Only this space (slug). */
                space?: string | null;
                /** @description `open` (default: items with open reports), `hidden` or `all`. */
                state?: null | ("open" | "hidden" | "all");
                /**
                 * @description Only items reported for this reason: one of their open reports in
                 *     the `open` view, any of their reports in the others.
                 */
                reason?: null | ("spam" | "offensive" | "does_not_belong" | "other");
                /**
                 * @description `oldest` first (default: the item first reported longest ago) or
                 *     `newest` first.
                 */
                sort?: null | ("oldest" | "newest");
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue, in the order asked for. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ModerationItem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff may see the queue (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `space` filter names no space (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `state`, `reason` or `sort` is not one of its values, or `cursor` belongs to another query (`validation_failed`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_summary: {
        parameters: {
            query?: {
                /** @description Only this space (slug); absent: every space the caller is staff of. */
                space?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffSummary"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff (of the space named) may see them (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `space` filter names no space (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    search_users: {
        parameters: {
            query?: {
                /**
                 * @description Start of a nickname or e-mail, or part of a display name; any case,
                 *     up to 100 characters. Blank or absent lists everyone.
                 */
                q?: string | null;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of matching accounts, by nickname. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AccountDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `q` is too long or holds control characters (`validation_failed`, field `q`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    block_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockRequest"];
            };
        };
        responses: {
            /** @description The user's standing now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStandingDto"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An admin cannot block themselves or the last admin (`cannot_block_self`, `last_admin`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grant_role: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleRequest"];
            };
        };
        responses: {
            /** @description The user's roles now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRoles"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An admin cannot remove their own admin role, nor the last admin's (`cannot_revoke_self`, `last_admin`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revoke_role: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleRequest"];
            };
        };
        responses: {
            /** @description The user's roles now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRoles"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An admin cannot remove their own admin role, nor the last admin's (`cannot_revoke_self`, `last_admin`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unblock_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's standing now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStandingDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verify_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's standing now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStandingDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may do this (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dismiss_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["ModeratedKind"];
                id: string;
            };
            cookie?: never;
        };
        /** @description Optional `{note}`. */
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ModerationNoteRequest"];
            };
        };
        responses: {
            /** @description The item's queue entry now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationItem"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff of the item's space may moderate it (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    hide_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["ModeratedKind"];
                id: string;
            };
            cookie?: never;
        };
        /** @description Optional `{note}`. */
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ModerationNoteRequest"];
            };
        };
        responses: {
            /** @description The item's queue entry now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationItem"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff of the item's space may moderate it (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unhide_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["ModeratedKind"];
                id: string;
            };
            cookie?: never;
        };
        /** @description Optional `{note, undo}`. */
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["UnhideRequest"];
            };
        };
        responses: {
            /** @description The item's queue entry now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationItem"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only staff of the item's space may moderate it (`staff_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `undo` names a hide that is no longer in force (`moderation_changed`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                /** @description The `token` of the letter's link. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Letters of this kind stop; the kind is returned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description The token is not valid (`token_invalid`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `note-legali`, `privacy` or `accessibilita` */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    edit_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `note-legali`, `privacy` or `accessibilita` */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditPageRequest"];
            };
        };
        responses: {
            /** @description The new version, now in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators edit the site's pages (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The page changed since `base_version` (`stale_version`, with `current_version`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_page_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `note-legali`, `privacy` or `accessibilita` */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageSummary"][];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_page_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `note-legali`, `privacy` or `accessibilita` */
                slug: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description That version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such page or version (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_proposals: {
        parameters: {
            query?: {
                /** @description Space slug. */
                space?: string | null;
                /** @description Only proposals in this state. */
                state?: null | ("published" | "evaluating" | "accepted" | "rejected" | "withdrawn");
                /** @description Only proposals this user (id) is an author of. */
                author?: string | null;
                /**
                 * @description `true`: only proposals that reached the space's support threshold;
                 *     `false`: only those that did not.
                 */
                qualified?: boolean | null;
                /**
                 * @description Only proposals filed under this category of the space (its slug;
                 *     needs `space`).
                 */
                category?: string | null;
                /**
                 * @description Only proposals filed under this area of the space (its slug; needs
                 *     `space`).
                 */
                area?: string | null;
                /**
                 * @description Order: `recent` (default), `most_supported`, `most_commented`, or
                 *     with `q` `relevance` (its default: title matches first, newest first
                 *     within each group, in publication order as the index received them).
                 */
                sort?: null | ("recent" | "most_supported" | "most_commented" | "relevance");
                /**
                 * @description Search: words that must all be in the current title or text, in
                 *     Italian ("scuola" finds "scuole", "citta" finds "città"; common words
                 *     are ignored), at most 200 characters. A search counts as an
                 *     expensive read.
                 */
                q?: string | null;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of proposals; with `q`, each with `search` (whether the title matched, and a snippet). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ProposalSummary"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `space` filter names no space (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A filter or `q` is wrong (`validation_failed`: `q` blank is `required`, over 200 characters `too_long`, common words only `no_letters`; `sort=relevance` without `q`; `category` or `area` without `space` is `required` on `space`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description With `q`, a search counts as an expensive read (`rate_limited`). */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_proposal: {
        parameters: {
            query?: {
                /**
                 * @description Lists to send with the proposal, the first page of each, comma
                 *     separated: `answers`, `supporters`, `amendments`. What a reader's
                 *     first screen shows then comes in this one answer.
                 */
                include?: string | null;
            };
            header?: {
                /** @description Entity tags (or `*`) the client holds; when one matches, the answer is 304 without a body. Weak comparison; an unparseable value is ignored. */
                "If-None-Match"?: string | null;
            };
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal with its current text, and under `included` the first page of each list `include` named (their cursors are good at the lists' own addresses with the same `id`). */
            200: {
                headers: {
                    /** @description Strong entity tag `"v<version>-<hash>"` of this representation (all of it but `actions`, which are advice for this caller: the same data gives every reader the same tag). With `include` the lists are part of it: for `If-Match`, use the tag of the read without `include`, or `base_version`. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalRead"];
                };
            };
            /** @description Unchanged since the `If-None-Match` tag (anonymous readers only: a signed-in reader always gets the whole answer, since its `actions` are theirs). */
            304: {
                headers: {
                    /** @description The current entity tag. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `include` names something else (`validation_failed`, field `include`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_amendments: {
        parameters: {
            query?: {
                /** @description Only amendments in this state. */
                state?: null | ("evaluating" | "accepted" | "rejected" | "withdrawn");
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of amendments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AmendmentSummary"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_amendment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAmendmentRequest"];
            };
        };
        responses: {
            /** @description The amendment, under evaluation. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Amendment"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space takes no amendments, requires a verified identity, or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The proposal takes no amendments now, or the caller already has an open one (`amendment_open_exists`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_answers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every answer, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Answer"][];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_proposal_comments: {
        parameters: {
            query?: {
                /** @description `oldest` (default), `newest`, `best` (score) or `most_discussed` (replies). */
                order?: null | ("oldest" | "newest" | "best" | "most_discussed");
                /** @description List the direct replies of this comment instead of the roots. */
                parent_id?: string | null;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of comments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_Comment"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_proposal_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentRequest"];
            };
        };
        responses: {
            /** @description The comment. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space takes no comments (`comments_closed`), or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The proposal was withdrawn (`proposal_withdrawn`), or the parent was deleted or hidden (`comment_deleted`, `comment_hidden`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diff_versions: {
        parameters: {
            query?: {
                /** @description Older version (default: the one before `to`). */
                from?: number | null;
                /** @description Newer version (default: the current one). */
                to?: number | null;
                /** @description Unit compared: `word` (default) or `line`. */
                granularity?: null | ("word" | "line");
            };
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The difference between the two versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiff"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    file_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FilingRequest"];
            };
        };
        responses: {
            /** @description The proposal, filed anew. */
            200: {
                headers: {
                    /** @description Entity tag of the new representation. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither staff of the space nor an author (`not_author`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An author's proposal no longer takes edits (`proposal_withdrawn`, `proposal_answered`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A topic the space does not offer (`invalid_choice` on `category` or `area`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's follow and the follower count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    follow_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller follows it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account is blocked (`account_blocked`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unfollow_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller does not follow it (any more). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account is blocked (`account_blocked`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see and does not follow (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verify_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the check. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainReport"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    support_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller already supported it: the support is now pinned to the current version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportOutcome"];
                };
            };
            /** @description A new support, pinned to the current version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportOutcome"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space takes no supports (`supports_closed`) or requires a verified identity (`verification_required`), or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The proposal is closed (`proposal_withdrawn`, `proposal_answered`), the caller gave as many supports as the space allows (`support_limit_reached`), or the proposal reached its threshold and takes no more (`support_threshold_reached`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsupport_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller does not support the proposal (any more). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space takes no supports (`supports_closed`), or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The proposal is closed and its supports are final (`proposal_withdrawn`, `proposal_answered`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_supporters: {
        parameters: {
            query?: {
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of supporters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_Supporter"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space keeps its supporters private and the caller is not its staff (`supporters_private`); the count stays in the proposal. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or one the caller may not see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_versions: {
        parameters: {
            query?: {
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_VersionSummary"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    edit_proposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The proposal's `ETag` the edit is based on (strong comparison); `*` only says it exists, so `base_version` is then still needed. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditProposalRequest"];
            };
        };
        responses: {
            /** @description The proposal with the new version. */
            201: {
                headers: {
                    /** @description Entity tag of the new representation. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not JSON (`malformed_request`), or `If-Match` is neither `*` nor a list of entity tags (`malformed_if_match`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only an author may edit (`not_author`), or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `stale_version` with `current_version`, or the proposal no longer takes edits (`proposal_withdrawn`, `proposal_answered`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition_failed`: `If-Match` names a version that is no longer current, or disagrees with `base_version`; carries `current_version` and the current `ETag`. */
            412: {
                headers: {
                    /** @description The current entity tag. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
                /** @description Version number, from 1 */
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version with its text. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Version"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdraw_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID or reference code */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal, now withdrawn. */
            200: {
                headers: {
                    /** @description Entity tag of the new representation. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only an author may withdraw it (`not_author`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already withdrawn or answered (`proposal_withdrawn`, `proposal_answered`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_report: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportRequest"];
            };
        };
        responses: {
            /** @description The report. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such item, or one the caller cannot see (hidden, deleted, or an amendment the space keeps private) (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already reported by the caller (`already_reported`), or the caller's own content (`cannot_report_own`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_site: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The owning body and the site's pages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Site"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_logo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The logo (SVG or PNG). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": unknown;
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No logo is configured (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_spaces: {
        parameters: {
            query?: {
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page, unchanged. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of spaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_Space"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_space: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSpaceRequest"];
            };
        };
        responses: {
            /** @description The new space. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may create spaces (`admin_only`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The slug is taken (`slug_taken`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_space: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The space. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            /** @description A token was sent and it is invalid or expired (`token_invalid`, `token_expired`); send none to read anonymously. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_space: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSpaceRequest"];
            };
        };
        responses: {
            /** @description The space as changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only administrators may change spaces (`admin_only`); staff of the space may change its `categories` and `areas` alone (`staff_only` for anyone else). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A category or area to remove still has proposals filed under it (`topic_in_use`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description One or more fields (body, query or path) are invalid (`validation_failed`); `errors` lists each. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProposalRequest"];
            };
        };
        responses: {
            /** @description The proposal, with its first version. */
            201: {
                headers: {
                    /** @description Entity tag of the representation, for `If-Match` and `If-None-Match`. */
                    ETag?: string;
                    /** @description The proposal's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not JSON (`malformed_request`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired (`unauthenticated`, `token_invalid`, `token_expired`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The space takes no proposals, or requires a verified identity, or the account is blocked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing there, or nothing the caller may see (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the size limit (`payload_too_large`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json` (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong (`validation_failed`; a `category` or `area` the space does not offer is `invalid_choice`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client (`rate_limited`); see `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A failure on the platform's side (`internal_error`); the log has the cause. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    checkpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint, a c2sp.org signed note. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verifier key, one line. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tile's path after `/log/tile/`, e.g. `0/000.p/17` or `entries/000`. */
                tile: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile's bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": number[];
                };
            };
            /** @description Not a tile path, or the tree is not yet that wide (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The database cannot be reached or is busy, or the server is overloaded (`database_unavailable`, `database_busy`, `overloaded`); see `Retry-After`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
