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
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Text,
        email -> Text,
        succeeded -> Bool,
        created_at -> Text,
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
        summary -> Nullable<Text>,
        created_at -> Text,
        content_hash -> Text,
        previous_hash -> Nullable<Text>,
        hash_encoding -> Integer,
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
    }
}

diesel::table! {
    audit_head (id) {
        id -> Integer,
        seq -> BigInt,
        entry_hash -> Nullable<Text>,
        legacy_entries -> BigInt,
    }
}

diesel::joinable!(proposals -> spaces (space_id));
diesel::joinable!(proposal_authors -> proposals (proposal_id));
diesel::joinable!(proposal_authors -> users (user_id));
diesel::joinable!(proposal_versions -> proposals (proposal_id));
diesel::joinable!(role_grants -> users (user_id));
diesel::joinable!(amendments -> proposals (proposal_id));
diesel::joinable!(proposal_answers -> proposals (proposal_id));

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
    audit_head,
    amendments,
    proposal_answers,
);
