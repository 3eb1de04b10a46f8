//! `emenda-bench fill`: a realistic data set of a chosen size, written
//! through `emenda_store::bulk` a few thousand rows per transaction, then
//! proven consistent with `emenda_store::consistency::recount`.
//!
//! Besides the crowd, the set holds the fixtures the scenarios of
//! `bench/run` need, listed in the manifest it writes: a proposal with
//! `--versions-max` versions of about 20 KB (diff), one with
//! `--comments-big` comments (comment page), one proposal per writer
//! connection owned by the editor (edits), writers who support nothing yet
//! (each PUT support is a new one), amendments on older and current
//! versions (mergeability on read), and a sample proposal of typical size.

use crate::text::{self, Rng};
use anyhow::{bail, ensure, Context};
use chrono::{DateTime, Duration, Utc};
use emenda_domain::comment::Alignment;
use emenda_domain::proposal::VersionKind;
use emenda_domain::reference::format_reference;
use emenda_domain::space::SpaceSettings;
use emenda_store::bulk::{self, BulkAmendment, BulkComment, BulkProposal, BulkSupport, BulkUser, BulkVersion};
use emenda_store::spaces::{self, SpaceRecord};
use emenda_store::{consistency, sequences, DatabaseTarget, Store, StoreError};
use serde::Serialize;
use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;
use uuid::Uuid;

/// The password of every filled account (benchmark data only).
pub const PASSWORD: &str = "bench-password-2026";
/// Accounts kept for the write scenarios: one per connection at most.
pub const WRITERS: usize = 64;
/// The reference prefix the server uses by default.
const PREFIX: &str = "EMD";
/// Proposals written per transaction.
const BATCH: usize = 500;
/// The space every proposal is in.
pub const SPACE_SLUG: &str = "bench";

/// What `fill` is asked to make.
#[derive(Debug, Clone, clap::Args)]
pub struct FillOptions {
    /// `postgres://…`, or a SQLite file path.
    #[arg(long)]
    pub database_url: String,
    /// How many proposals.
    #[arg(long, default_value_t = 100_000)]
    pub proposals: usize,
    /// The most versions a proposal has (the diff fixture has this many).
    #[arg(long, default_value_t = 7)]
    pub versions_max: usize,
    /// Comments on the one proposal with a big discussion.
    #[arg(long, default_value_t = 10_000)]
    pub comments_big: usize,
    /// Accounts in the crowd (default: a fifth of the proposals, at least 200).
    #[arg(long)]
    pub users: Option<usize>,
    /// People who follow `followed_proposal` (accounts of their own): every
    /// edit of it notifies them all.
    #[arg(long, default_value_t = 50_000)]
    pub followers: usize,
    /// Where to write the manifest the scenarios read.
    #[arg(long, default_value = "bench/results/fill.json")]
    pub manifest: PathBuf,
    /// Seed of the generator: the same seed makes the same data.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

/// What the scenarios need to know about the filled data.
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The space's slug.
    pub space_slug: String,
    /// Everyone's password.
    pub password: String,
    /// Owner of `edit_proposals`.
    pub editor_email: String,
    /// Accounts that support nothing yet, one per write connection.
    pub writer_emails: Vec<String>,
    /// A proposal of typical size (GET proposal, GET version).
    pub sample_proposal: Uuid,
    /// Its current version.
    pub sample_version: i32,
    /// The proposal with `--versions-max` versions of about 20 KB.
    pub diff_proposal: Uuid,
    /// Its last version.
    pub diff_to: i32,
    /// The proposal with the big discussion.
    pub big_comments_proposal: Uuid,
    /// One proposal per edit connection, each at version 1.
    pub edit_proposals: Vec<Uuid>,
    /// A proposal of the editor's, at version 1, followed by `followers`
    /// people: its edits measure what notifying them costs the edit.
    pub followed_proposal: Uuid,
    /// How many follow it.
    pub followers: usize,
    /// Amendments (at most 100).
    pub amendments: Vec<Uuid>,
    /// Proposal ids spread over the whole set (at most 20,000), for writes
    /// that rotate over proposals.
    pub proposal_ids: Vec<Uuid>,
    /// Rows written, by table.
    pub counts: Counts,
    /// Seconds spent writing.
    pub fill_seconds: f64,
    /// Seconds spent recounting every counter.
    pub recount_seconds: f64,
}

/// Rows written, by table.
#[derive(Debug, Default, Serialize)]
pub struct Counts {
    /// Accounts.
    pub users: usize,
    /// Proposals.
    pub proposals: usize,
    /// Versions.
    pub versions: usize,
    /// Bytes of version bodies.
    pub version_bytes: usize,
    /// Supports.
    pub supports: usize,
    /// Comments.
    pub comments: usize,
    /// Follows.
    pub follows: usize,
    /// Amendments.
    pub amendments: usize,
}

/// Ids ordered like the services' (UUID v7 of the creation instant), so
/// "recent" lists and "oldest" comment pages follow the filled times.
fn id_at(at: DateTime<Utc>) -> Uuid {
    let seconds = u64::try_from(at.timestamp()).unwrap_or_default();
    Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, seconds, at.timestamp_subsec_nanos()))
}

/// The rows of one batch of proposals.
#[derive(Default)]
struct Batch {
    proposals: Vec<BulkProposal>,
    versions: Vec<BulkVersion>,
    supports: Vec<BulkSupport>,
    amendments: Vec<BulkAmendment>,
    comments: Vec<BulkComment>,
}

/// Everything fixed for the whole fill.
struct Plan {
    space_id: Uuid,
    users: Vec<Uuid>,
    /// First index of the crowd in `users` (editor and writers come first).
    crowd_from: usize,
    versions_max: usize,
    comments_big: usize,
    start: DateTime<Utc>,
    step: Duration,
}

impl Plan {
    fn crowd(&self, rng: &mut Rng) -> Uuid {
        self.users[self.crowd_from + rng.below(self.users.len() - self.crowd_from)]
    }
}

/// A thread of `count` live comments: each is a root or a reply to an
/// earlier comment not yet at the deepest level; every ancestor's
/// `replies_count` counts it. Returns the comments and how many there are.
fn thread(
    rng: &mut Rng,
    plan: &Plan,
    proposal_id: Uuid,
    amendment_id: Option<Uuid>,
    count: usize,
    from: DateTime<Utc>,
) -> Vec<BulkComment> {
    let mut rows: Vec<BulkComment> = Vec::with_capacity(count);
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(count);
    for k in 0..count {
        let created_at = from + Duration::seconds(i64::try_from(k).unwrap_or_default() * 7 + 1);
        let parent = if k > 0 && rng.chance(0.45) {
            let candidate = rng.below(k);
            (rows[candidate].depth < 3).then_some(candidate)
        } else {
            None
        };
        let id = id_at(created_at);
        let (parent_ref, depth) = match parent {
            Some(p) => (Some((rows[p].id, rows[p].thread_key_and_path().1)), rows[p].depth + 1),
            None => (None, 0),
        };
        let mut ancestor = parent;
        while let Some(a) = ancestor {
            rows[a].replies_count += 1;
            ancestor = parents[a];
        }
        let sentences = rng.between(1, 4);
        let body = (0..sentences).map(|_| text::sentence(rng)).collect::<Vec<_>>().join(" ");
        let alignment = [Alignment::InFavor, Alignment::Neutral, Alignment::Against][rng.below(3)];
        rows.push(BulkComment {
            id,
            proposal_id,
            amendment_id,
            space_id: plan.space_id,
            parent: parent_ref,
            depth,
            author_id: plan.crowd(rng),
            alignment,
            body,
            replies_count: 0,
            created_at,
        });
        parents.push(parent);
    }
    rows
}

/// Generates proposal `index` and everything attached to it into `batch`,
/// counting each new support in its giver's `tally`.
fn proposal(rng: &mut Rng, plan: &Plan, index: usize, sequence: i64, batch: &mut Batch, tally: &mut [i32]) {
    let created_at = plan.start + plan.step * i32::try_from(index).unwrap_or(i32::MAX);
    let id = id_at(created_at);
    // Fixtures first (see the module documentation), then the crowd.
    let (versions, size, creator) = match index {
        0 => (plan.versions_max, 20_000, plan.crowd(rng)),
        1 => (1, 5_000, plan.crowd(rng)),
        i if (2..2 + WRITERS).contains(&i) => (1, 4_000, plan.users[0]),
        i if i == SAMPLE_INDEX => (3.min(plan.versions_max), 6_000, plan.crowd(rng)),
        i if i == FOLLOWED_INDEX => (1, 4_000, plan.users[0]),
        _ => (1 + rng.skewed(plan.versions_max - 1), rng.log_size(2_000, 20_000), plan.crowd(rng)),
    };
    let mut paragraphs = text::body(rng, size);
    let mut title = text::title(rng);
    let mut bodies = Vec::with_capacity(versions);
    let mut at = created_at;
    for number in 1..=versions {
        if number > 1 {
            text::edit(rng, &mut paragraphs);
            if rng.chance(0.2) {
                title = text::title(rng);
            }
            at += Duration::hours(3);
        }
        let body = text::join(&paragraphs);
        batch.versions.push(BulkVersion {
            proposal_id: id,
            number: i32::try_from(number).unwrap_or(i32::MAX),
            title: title.clone(),
            body,
            editor_id: creator,
            kind: if number == 1 { VersionKind::Created } else { VersionKind::Edited },
            summary: (number > 1).then(|| format!("Revisione {number}")),
            created_at: at,
        });
        bodies.push(paragraphs.clone());
    }
    let current_version = i32::try_from(versions).unwrap_or(i32::MAX);

    // Supports: distinct members of the crowd, each on some version.
    let wanted = if (2..2 + WRITERS).contains(&index) { 0 } else { rng.skewed(60) };
    let mut supporters = HashSet::new();
    for _ in 0..wanted {
        let user = plan.crowd_from + rng.below(plan.users.len() - plan.crowd_from);
        if supporters.insert(user) {
            tally[user] += 1;
            batch.supports.push(BulkSupport {
                proposal_id: id,
                user_id: plan.users[user],
                space_id: plan.space_id,
                version: i32::try_from(rng.between(1, versions)).unwrap_or(1),
                created_at: at + Duration::minutes(i64::try_from(supporters.len()).unwrap_or_default()),
            });
        }
    }
    let supports = i32::try_from(supporters.len()).unwrap_or(i32::MAX);

    // Comments on the proposal.
    let count = if index == 1 { plan.comments_big } else { rng.skewed(12) };
    let comments = thread(rng, plan, id, None, count, at + Duration::hours(1));
    let comments_count = i32::try_from(comments.len()).unwrap_or(i32::MAX);
    batch.comments.extend(comments);

    // One proposal in forty gets an amendment, on the current version or
    // the one before (so mergeability has to rebase it on read).
    if index % 40 == 5 {
        let base = if versions > 1 && rng.chance(0.5) { versions - 1 } else { versions };
        let mut proposed = bodies[base - 1].clone();
        text::edit(rng, &mut proposed);
        let amendment_at = at + Duration::hours(2);
        let amendment_id = id_at(amendment_at);
        let replies = rng.below(4);
        let discussion = thread(rng, plan, id, Some(amendment_id), replies, amendment_at);
        batch.amendments.push(BulkAmendment {
            id: amendment_id,
            proposal_id: id,
            author_id: plan.crowd(rng),
            base_version: i32::try_from(base).unwrap_or(1),
            title: title.clone(),
            body: text::join(&proposed),
            rationale: text::paragraph(rng),
            comments_count: i32::try_from(discussion.len()).unwrap_or(i32::MAX),
            created_at: amendment_at,
        });
        batch.comments.extend(discussion);
    }

    batch.proposals.push(BulkProposal {
        id,
        reference: format_reference(PREFIX, created_at, sequence),
        sequence,
        space_id: plan.space_id,
        creator_id: creator,
        current_version,
        title,
        supports_count: supports,
        supports_given: supports,
        comments_count,
        created_at,
        updated_at: at,
    });
}

/// The proposal of typical size the read scenarios fetch.
const SAMPLE_INDEX: usize = 2 + WRITERS;

/// Where the followed proposal is in the fill order (after the sample).
const FOLLOWED_INDEX: usize = SAMPLE_INDEX + 1;

/// Fills the database; returns the manifest it also writes to disk.
pub fn fill(options: &FillOptions) -> anyhow::Result<Manifest> {
    ensure!(options.proposals > FOLLOWED_INDEX, "--proposals must be more than {FOLLOWED_INDEX}");
    ensure!((2..=50).contains(&options.versions_max), "--versions-max must be between 2 and 50");
    let started = Instant::now();
    let target = DatabaseTarget::parse(&options.database_url);
    let store = Store::open(&target, Some(2)).context("opening the database")?;
    store.migrate().context("migrating")?;
    if store.read(|tx| spaces::find_by_slug(tx, SPACE_SLUG))?.is_some() {
        bail!("the database already holds the benchmark data: fill a fresh one");
    }
    let mut rng = Rng::new(options.seed);
    let now = Utc::now();
    let start = now - Duration::days(400);
    let step = Duration::microseconds((360 * 86_400_000_000i64) / i64::try_from(options.proposals).unwrap_or(1));

    // The space: default settings, no limit or minimum, so every support counts.
    let space = SpaceRecord {
        id: id_at(start),
        slug: SPACE_SLUG.to_owned(),
        title: "Bilancio partecipativo (benchmark)".to_owned(),
        description: "Dati generati per le misure di prestazione.".to_owned(),
        settings: SpaceSettings::default(),
        created_at: start,
        updated_at: start,
    };
    store.write(|tx| spaces::insert(tx, &space))?;

    // Accounts: the editor, the writers, the crowd; one shared password hash.
    let crowd = options.users.unwrap_or((options.proposals / 5).max(200));
    let total_users = 1 + WRITERS + crowd;
    let hash = emenda_accounts::passwords::hash_password(PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let users: Vec<BulkUser> = (0..total_users)
        .map(|i| {
            let (nickname, name) = match i {
                0 => ("bench_editor".to_owned(), "Redazione Benchmark".to_owned()),
                i if i <= WRITERS => (format!("bench_writer_{i}"), format!("Scrittore {i}")),
                i => (format!("utente_{i}"), format!("Utente {i}")),
            };
            BulkUser {
                id: id_at(start + Duration::milliseconds(i64::try_from(i).unwrap_or_default())),
                email: format!("{nickname}@bench.example"),
                nickname,
                display_name: name,
                created_at: start,
            }
        })
        .collect();
    store.write(|tx| bulk::insert_users(tx, &users, &hash))?;
    let plan = Plan {
        space_id: space.id,
        users: users.iter().map(|u| u.id).collect(),
        crowd_from: 1 + WRITERS,
        versions_max: options.versions_max,
        comments_big: options.comments_big,
        start,
        step,
    };

    let mut counts = Counts { users: total_users, ..Counts::default() };
    let mut tally = vec![0i32; total_users];
    let mut manifest_ids = Vec::new();
    let (mut sample, mut diff, mut big, mut edits, mut amendments) = (None, None, None, Vec::new(), Vec::new());
    let mut followed = None;
    let spread = (options.proposals / 20_000).max(1);
    let mut index = 0;
    while index < options.proposals {
        let size = BATCH.min(options.proposals - index);
        let mut batch = Batch::default();
        store.write(|tx| -> Result<(), StoreError> {
            let first = bulk::reserve_sequence(tx, sequences::PROPOSAL_REFERENCE, i64::try_from(size).unwrap_or(0))?;
            for k in 0..size {
                proposal(&mut rng, &plan, index + k, first + i64::try_from(k).unwrap_or(0), &mut batch, &mut tally);
            }
            bulk::insert_proposals(tx, &batch.proposals)?;
            bulk::insert_versions(tx, &batch.versions)?;
            bulk::insert_amendments(tx, &batch.amendments)?;
            bulk::insert_supports(tx, &batch.supports)?;
            bulk::insert_comments(tx, &batch.comments)
        })?;
        for (k, p) in batch.proposals.iter().enumerate() {
            match index + k {
                0 => diff = Some((p.id, p.current_version)),
                1 => big = Some(p.id),
                i if (2..2 + WRITERS).contains(&i) => edits.push(p.id),
                SAMPLE_INDEX => sample = Some((p.id, p.current_version)),
                FOLLOWED_INDEX => followed = Some(p.id),
                i if i % spread == 0 && manifest_ids.len() < 20_000 => manifest_ids.push(p.id),
                _ => {}
            }
        }
        amendments.extend(batch.amendments.iter().map(|a| a.id).take(100 - amendments.len().min(100)));
        counts.proposals += batch.proposals.len();
        counts.versions += batch.versions.len();
        counts.version_bytes += batch.versions.iter().map(|v| v.body.len()).sum::<usize>();
        counts.supports += batch.supports.len();
        counts.comments += batch.comments.len();
        counts.amendments += batch.amendments.len();
        index += size;
        if index % 10_000 < BATCH {
            eprintln!("  {index} proposals written ({:.0} s)", started.elapsed().as_secs_f64());
        }
    }
    let tallies: Vec<(Uuid, Uuid, i32)> =
        tally.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, n)| (plan.users[i], space.id, *n)).collect();
    store.write(|tx| {
        bulk::insert_tallies(tx, &tallies)?;
        bulk::create_scratch_table(tx)
    })?;
    // The followers of the followed proposal: accounts of their own.
    let Some(followed_proposal) = followed else { bail!("the followed proposal was not written") };
    let followers: Vec<BulkUser> = (0..options.followers)
        .map(|i| BulkUser {
            id: id_at(start + Duration::milliseconds(i64::try_from(total_users + i).unwrap_or_default())),
            email: format!("seguace_{i}@bench.example"),
            nickname: format!("seguace_{i}"),
            display_name: format!("Seguace {i}"),
            created_at: start,
        })
        .collect();
    for chunk in followers.chunks(10_000) {
        let ids: Vec<Uuid> = chunk.iter().map(|u| u.id).collect();
        store.write(|tx| {
            bulk::insert_users(tx, chunk, &hash)?;
            bulk::insert_follows(tx, followed_proposal, &ids, start)
        })?;
    }
    counts.users += followers.len();
    counts.follows = followers.len();
    store.write(bulk::analyze)?;
    let fill_seconds = started.elapsed().as_secs_f64();

    let recount_started = Instant::now();
    let mismatches = store.read(consistency::recount)?;
    for m in mismatches.iter().take(20) {
        eprintln!("  mismatch: {m}");
    }
    ensure!(mismatches.is_empty(), "{} counters disagree with their rows after the fill", mismatches.len());
    let recount_seconds = recount_started.elapsed().as_secs_f64();

    let (Some((diff_proposal, diff_to)), Some(big_comments_proposal), Some((sample_proposal, sample_version))) =
        (diff, big, sample)
    else {
        bail!("the fixtures were not written");
    };
    let manifest = Manifest {
        backend: format!("{:?}", store.backend()).to_lowercase(),
        space_slug: SPACE_SLUG.to_owned(),
        password: PASSWORD.to_owned(),
        editor_email: users[0].email.clone(),
        writer_emails: users[1..=WRITERS].iter().map(|u| u.email.clone()).collect(),
        sample_proposal,
        sample_version,
        diff_proposal,
        diff_to,
        big_comments_proposal,
        edit_proposals: edits,
        followed_proposal,
        followers: options.followers,
        amendments,
        proposal_ids: manifest_ids,
        counts,
        fill_seconds,
        recount_seconds,
    };
    if let Some(folder) = options.manifest.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(&options.manifest, serde_json::to_string_pretty(&manifest)?)
        .with_context(|| format!("writing {}", options.manifest.display()))?;
    Ok(manifest)
}
