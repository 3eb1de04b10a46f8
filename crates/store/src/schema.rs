//! The diesel schema, identical for both backends: see the migrations.
#![allow(missing_docs)]

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        nickname -> Text,
        display_name -> Text,
        password_hash -> Text,
        verified_at -> Nullable<Text>,
        blocked_at -> Nullable<Text>,
        created_at -> Text,
        updated_at -> Text,
        name_skeleton -> Nullable<Text>,
        nickname_skeleton -> Nullable<Text>,
        privacy_version -> Nullable<Integer>,
        privacy_accepted_at -> Nullable<Text>,
        email_confirmed_at -> Nullable<Text>,
        language -> Text,
        sessions_closed_at -> Nullable<Text>,
        deletion_due_at -> Nullable<Text>,
        deleted_at -> Nullable<Text>,
    }
}

diesel::table! {
    proposal_search (id) {
        id -> BigInt,
        proposal_id -> Text,
        title -> Text,
        body -> Text,
    }
}

diesel::table! {
    space_topics (space_id, kind, slug) {
        space_id -> Text,
        kind -> Text,
        slug -> Text,
        name -> Text,
        position -> Integer,
    }
}

diesel::table! {
    space_phases (space_id, position) {
        space_id -> Text,
        position -> Integer,
        name -> Text,
        starts_on -> Text,
        ends_on -> Nullable<Text>,
    }
}

diesel::table! {
    site_pages (slug, version) {
        slug -> Text,
        version -> Integer,
        title -> Text,
        body -> Text,
        author_id -> Nullable<Text>,
        created_at -> Text,
    }
}

diesel::table! {
    spaces (id) {
        id -> Text,
        slug -> Text,
        title -> Text,
        description -> Text,
        proposals_open -> Bool,
        supports_open -> Bool,
        amendments_open -> Bool,
        comments_open -> Bool,
        support_limit_per_user -> Integer,
        support_threshold -> Integer,
        supports_beyond_threshold -> Bool,
        verification_required_to_propose -> Bool,
        verification_required_to_support -> Bool,
        supporters_public -> Bool,
        amendments_visibility -> Text,
        max_reports_before_hiding -> Integer,
        created_at -> Text,
        updated_at -> Text,
        minimum_supports_per_user -> Integer,
    }
}

diesel::table! {
    role_grants (id) {
        id -> Text,
        user_id -> Text,
        role -> Text,
        space_id -> Nullable<Text>,
        granted_by -> Nullable<Text>,
        created_at -> Text,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        user_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        created_at -> Text,
        expires_at -> Text,
        used_at -> Nullable<Text>,
        revoked_at -> Nullable<Text>,
        successor_id -> Nullable<Text>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Text,
        email -> Text,
        succeeded -> Bool,
        created_at -> Text,
        address -> Text,
    }
}

diesel::table! {
    sequences (name) {
        name -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    proposals (id) {
        id -> Text,
        reference -> Text,
        sequence -> BigInt,
        space_id -> Text,
        creator_id -> Text,
        state -> Text,
        current_version -> Integer,
        title -> Text,
        supports_count -> Integer,
        comments_count -> Integer,
        hidden -> Bool,
        created_at -> Text,
        updated_at -> Text,
        derived_from -> Nullable<Text>,
        supports_given -> Integer,
        qualified_at -> Nullable<Text>,
        hidden_by_block -> Bool,
        category -> Nullable<Text>,
        area -> Nullable<Text>,
    }
}

diesel::table! {
    amendments (id) {
        id -> Text,
        proposal_id -> Text,
        author_id -> Text,
        base_version -> Integer,
        title -> Text,
        body -> Text,
        rationale -> Text,
        state -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Text>,
        decision_reason -> Nullable<Text>,
        resulting_version -> Nullable<Integer>,
        promoted_proposal_id -> Nullable<Text>,
        created_at -> Text,
        updated_at -> Text,
        closed_by_proposal -> Bool,
        hidden -> Bool,
        hidden_by_block -> Bool,
        comments_count -> Integer,
    }
}

diesel::table! {
    proposal_answers (id) {
        id -> Text,
        proposal_id -> Text,
        state -> Text,
        answer -> Text,
        staff_id -> Text,
        created_at -> Text,
    }
}

diesel::table! {
    proposal_authors (proposal_id, user_id) {
        proposal_id -> Text,
        user_id -> Text,
        kind -> Text,
        added_at -> Text,
    }
}

diesel::table! {
    proposal_versions (proposal_id, number) {
        proposal_id -> Text,
        number -> Integer,
        title -> Text,
        body -> Text,
        editor_id -> Text,
        kind -> Text,
        amendment_id -> Nullable<Text>,
        accepted_by -> Nullable<Text>,
        rewritten_by -> Nullable<Text>,
        summary -> Nullable<Text>,
        created_at -> Text,
        content_hash -> Text,
        previous_hash -> Nullable<Text>,
        hash_encoding -> Integer,
        text_salt -> Nullable<Text>,
        erased_at -> Nullable<Text>,
        title_commitment -> Nullable<Text>,
        body_commitment -> Nullable<Text>,
        summary_commitment -> Nullable<Text>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        actor_id -> Nullable<Text>,
        action -> Text,
        target_kind -> Text,
        target_id -> Text,
        space_id -> Nullable<Text>,
        details -> Text,
        visibility -> Text,
        created_at -> Text,
        seq -> Nullable<BigInt>,
        previous_hash -> Nullable<Text>,
        entry_hash -> Nullable<Text>,
        details_erased_at -> Nullable<Text>,
        details_commitment -> Nullable<Text>,
    }
}

diesel::table! {
    log_entries (id) {
        id -> BigInt,
        leaf_index -> Nullable<BigInt>,
        kind -> Text,
        subject_id -> Text,
        subject_number -> Integer,
        salt -> Nullable<Text>,
        entry -> Binary,
        created_at -> Text,
    }
}

diesel::table! {
    log_tiles (level, idx) {
        level -> Integer,
        idx -> BigInt,
        data -> Binary,
    }
}

diesel::table! {
    log_bundles (idx) {
        idx -> BigInt,
        data -> Binary,
    }
}

diesel::table! {
    log_checkpoints (size) {
        size -> BigInt,
        root_hash -> Text,
        note -> Text,
        created_at -> Text,
    }
}

diesel::table! {
    support_tallies (user_id, space_id) {
        user_id -> Text,
        space_id -> Text,
        supports -> Integer,
        salt -> Nullable<Text>,
    }
}

diesel::table! {
    supports (proposal_id, user_id) {
        proposal_id -> Text,
        user_id -> Text,
        space_id -> Text,
        version -> Integer,
        created_at -> Text,
        updated_at -> Text,
        log_event -> Nullable<Text>,
    }
}

diesel::table! {
    comments (id) {
        id -> Text,
        proposal_id -> Text,
        amendment_id -> Nullable<Text>,
        space_id -> Text,
        thread_key -> Text,
        parent_id -> Nullable<Text>,
        path -> Text,
        depth -> Integer,
        author_id -> Text,
        alignment -> Text,
        body -> Text,
        revision -> Integer,
        up_votes -> Integer,
        down_votes -> Integer,
        score -> Integer,
        replies_count -> Integer,
        edited_at -> Nullable<Text>,
        deleted_at -> Nullable<Text>,
        hidden -> Bool,
        hidden_by_block -> Bool,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    comment_revisions (comment_id, revision) {
        comment_id -> Text,
        revision -> Integer,
        body -> Text,
        alignment -> Text,
        created_at -> Text,
    }
}

diesel::table! {
    comment_votes (comment_id, user_id) {
        comment_id -> Text,
        user_id -> Text,
        value -> Integer,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::table! {
    moderations (id) {
        id -> Text,
        target_kind -> Text,
        target_id -> Text,
        space_id -> Text,
        open_reports -> Integer,
        last_reported_at -> Nullable<Text>,
        created_at -> Text,
        updated_at -> Text,
        hide_entry -> Nullable<Text>,
    }
}

diesel::table! {
    reports (id) {
        id -> Text,
        moderation_id -> Text,
        reporter_id -> Text,
        reason -> Text,
        details -> Text,
        state -> Text,
        resolved_by -> Nullable<Text>,
        resolved_at -> Nullable<Text>,
        created_at -> Text,
        resolution_entry -> Nullable<Text>,
    }
}

// A view (see the `proposal_pages` migration): read-only.
diesel::table! {
    proposal_pages (proposal_id) {
        proposal_id -> Text,
        authors -> Text,
        answer -> Nullable<Text>,
        evaluating -> BigInt,
        accepted -> BigInt,
        rejected -> BigInt,
        withdrawn -> BigInt,
        category_name -> Nullable<Text>,
        area_name -> Nullable<Text>,
    }
}

diesel::joinable!(proposals -> spaces (space_id));
diesel::joinable!(proposal_authors -> proposals (proposal_id));
diesel::joinable!(proposal_authors -> users (user_id));
diesel::joinable!(proposal_versions -> proposals (proposal_id));
diesel::joinable!(role_grants -> users (user_id));
diesel::joinable!(amendments -> proposals (proposal_id));
diesel::joinable!(proposal_answers -> proposals (proposal_id));
diesel::table! {
    proposal_follows (proposal_id, user_id) {
        proposal_id -> Text,
        user_id -> Text,
        created_at -> Text,
    }
}

diesel::joinable!(proposal_follows -> proposals (proposal_id));
diesel::joinable!(proposal_follows -> users (user_id));
diesel::joinable!(supports -> proposals (proposal_id));
diesel::joinable!(supports -> users (user_id));
diesel::joinable!(comments -> users (author_id));
diesel::joinable!(comment_revisions -> comments (comment_id));
diesel::joinable!(comment_votes -> comments (comment_id));
diesel::joinable!(reports -> moderations (moderation_id));

diesel::joinable!(site_pages -> users (author_id));
diesel::joinable!(space_phases -> spaces (space_id));
diesel::joinable!(space_topics -> spaces (space_id));
diesel::joinable!(proposal_search -> proposals (proposal_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    spaces,
    role_grants,
    refresh_tokens,
    login_attempts,
    sequences,
    proposals,
    proposal_authors,
    proposal_versions,
    audit_log,
    log_entries,
    log_tiles,
    log_bundles,
    log_checkpoints,
    amendments,
    proposal_answers,
    support_tallies,
    supports,
    proposal_follows,
    comments,
    comment_revisions,
    comment_votes,
    moderations,
    reports,
    proposal_pages,
    site_pages,
    proposal_search,
    space_phases,
    space_topics,
    notifications,
    notification_digests,
);

diesel::table! {
    mail_outbox (id) {
        id -> Text,
        message_id -> Text,
        user_id -> Nullable<Text>,
        recipient -> Text,
        kind -> Text,
        language -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        created_at -> Text,
        state -> Text,
        attempts -> Integer,
        next_attempt_at -> Text,
        lease_until -> Nullable<Text>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Text>,
        unsubscribe_url -> Nullable<Text>,
    }
}

diesel::table! {
    email_tokens (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        purpose -> Text,
        email -> Text,
        created_at -> Text,
        expires_at -> Text,
        used_at -> Nullable<Text>,
    }
}

diesel::table! {
    notification_events (id) {
        id -> Text,
        kind -> Text,
        actor_id -> Nullable<Text>,
        proposal_id -> Nullable<Text>,
        subject_id -> Nullable<Text>,
        payload -> Text,
        created_at -> Text,
        cursor -> Nullable<Text>,
        lease_until -> Nullable<Text>,
        fanned_out_at -> Nullable<Text>,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        event_id -> Text,
        user_id -> Text,
        kind -> Text,
        proposal_id -> Nullable<Text>,
        payload -> Text,
        created_at -> Text,
        read_at -> Nullable<Text>,
        digest_pending -> Bool,
    }
}

diesel::table! {
    notification_digests (user_id) {
        user_id -> Text,
        sent_until -> Text,
    }
}

diesel::table! {
    notification_settings (user_id, kind) {
        user_id -> Text,
        kind -> Text,
        delivery -> Text,
    }
}

diesel::table! {
    data_exports (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        state -> Text,
        requested_at -> Text,
        ready_at -> Nullable<Text>,
        expires_at -> Nullable<Text>,
        archive -> Nullable<Binary>,
        size -> Nullable<BigInt>,
    }
}
