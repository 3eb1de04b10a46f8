//! Demo supports, comment threads and reports: a qualified proposal, a
//! supporter whose version is out of date, Italian discussions with
//! alignment, votes, an edited and a deleted comment, and a spam comment
//! that its readers' reports hid. Everything goes through the services,
//! so every counter is what real use would leave.

use super::{actor_of, DEMO_PASSWORD};
use emenda_accounts::service::Registration;
use emenda_api::AppState;
use emenda_domain::comment::Alignment;
use emenda_domain::moderation::{ReportReason, TargetKind};
use emenda_domain::policy::Actor;
use emenda_participation::comments::{CommentEdit, CommentRequest, CommentTarget};
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::views::Comment;
use emenda_participation::ProposalKey;
use emenda_staff::reports::ReportRequest;
use uuid::Uuid;

/// Proposal indices in the demo list (see `PROPOSALS`).
const GARDEN: usize = 0;
const UNDERPASS: usize = 1;
const LIBRARY: usize = 2;
const ZONE30: usize = 6;
const CYCLE_LANES: usize = 7;

/// Supports: the garden reaches the space's threshold (qualified), the
/// underpass is edited after two citizens supported it (their support is
/// on an older version), and a few more proposals have some support.
pub(super) fn load_supports(state: &AppState, citizens: &[Actor], proposals: &[ProposalKey]) -> anyhow::Result<()> {
    for citizen in &citizens[1..] {
        state.supports.support(citizen, &proposals[GARDEN])?;
    }
    for citizen in [&citizens[0], &citizens[2]] {
        state.supports.support(citizen, &proposals[UNDERPASS])?;
    }
    for citizen in &citizens[..3] {
        state.supports.support(citizen, &proposals[LIBRARY])?;
    }
    for citizen in [&citizens[1], &citizens[3], &citizens[4], &citizens[5]] {
        state.supports.support(citizen, &proposals[CYCLE_LANES])?;
    }
    state.supports.support(&citizens[0], &proposals[ZONE30])?;

    // The author edits after the supports: Giulia and Anna supported the
    // previous version and are told it changed.
    let author = &citizens[1];
    let view = state.proposals.get(&proposals[UNDERPASS], Some(author))?;
    let edit = ProposalEdit {
        title: view.title.clone(),
        body: view.body.replacen(
            "un progetto di street art",
            "un progetto di street art e una telecamera collegata alla polizia locale",
            1,
        ),
        summary: Some("Aggiunta la videosorveglianza chiesta in assemblea".into()),
        base_version: view.current_version,
    };
    anyhow::ensure!(edit.body != view.body, "demo edit text not found");
    state.proposals.edit(author, &proposals[UNDERPASS], &edit)?;
    Ok(())
}

fn comment(
    state: &AppState,
    who: &Actor,
    target: CommentTarget<'_>,
    parent: Option<&Comment>,
    alignment: Alignment,
    body: &str,
) -> anyhow::Result<Comment> {
    let request = CommentRequest { body: body.into(), alignment: Some(alignment), parent_id: parent.map(|p| p.id) };
    Ok(state.comments.create(who, target, &request)?)
}

/// Comment threads on the garden, the library and the zone 30 (and on the
/// zone 30's open amendment), with votes, an edit, a deletion and reports.
pub(super) fn load_comments(
    state: &AppState,
    citizens: &[Actor],
    proposals: &[ProposalKey],
    open_amendment: Uuid,
) -> anyhow::Result<()> {
    use Alignment::{Against, InFavor, Neutral};
    let garden = CommentTarget::Proposal(&proposals[GARDEN]);
    let praise = comment(
        state,
        &citizens[2],
        garden,
        None,
        InFavor,
        "Ottima idea. I bambini della scuola potrebbero curare un orto per classe, come già succede al Pilastro.",
    )?;
    let question = comment(
        state,
        &citizens[4],
        garden,
        Some(&praise),
        Neutral,
        "Chi apre e chiude il cancello d'estate, quando la scuola è chiusa?",
    )?;
    let answer = comment(
        state,
        &citizens[0],
        garden,
        Some(&question),
        InFavor,
        "Nel patto di collaborazione lo prevediamo: turni dei volontari di APS Ortinsieme, con le chiavi in custodia al centro anziani.",
    )?;
    comment(state, &citizens[4], garden, Some(&answer), InFavor, "Perfetto, allora mi segno per i turni di luglio.")?;
    let costs = comment(
        state,
        &citizens[5],
        garden,
        None,
        Against,
        "5.000 euro all'anno di manutenzione mi sembrano pochi: l'acqua per gli orti da sola costa di più.",
    )?;
    // An edited comment: the first revision stays readable.
    state.comments.edit(
        &citizens[5],
        costs.id,
        &CommentEdit {
            body: Some("5.000 euro all'anno di manutenzione mi sembrano pochi: l'acqua per gli orti da sola costa di più. Propongo di prevedere almeno 8.000 euro.".into()),
            alignment: Some(Neutral),
            revision: Some(1),
        },
    )?;
    comment(
        state,
        &citizens[3],
        garden,
        Some(&costs),
        Neutral,
        "Con la fontanella aggiunta nella versione 3 il consumo è già stimato: vedi la tabella dei costi.",
    )?;
    // A deleted comment: its reply stays under the placeholder.
    let second_thoughts = comment(
        state,
        &citizens[1],
        garden,
        None,
        Against,
        "Secondo me quell'area serve come parcheggio per i genitori.",
    )?;
    comment(
        state,
        &citizens[2],
        garden,
        Some(&second_thoughts),
        Against,
        "Il parcheggio c'è già in via Fioravanti, a cinquanta metri.",
    )?;
    state.comments.delete(&citizens[1], second_thoughts.id)?;

    // Votes: the praise is the best comment, the cost remark is divisive.
    for (voter, comment, value) in [
        (&citizens[1], &praise, 1),
        (&citizens[3], &praise, 1),
        (&citizens[5], &praise, 1),
        (&citizens[0], &costs, -1),
        (&citizens[2], &costs, 1),
        (&citizens[4], &costs, 1),
        (&citizens[0], &question, 1),
    ] {
        state.comments.vote(voter, comment.id, value)?;
    }

    let library = CommentTarget::Proposal(&proposals[LIBRARY]);
    let heated = comment(
        state,
        &citizens[5],
        library,
        None,
        Against,
        "Le casette dei libri finiscono vandalizzate in una settimana, è l'ennesima proposta di chi non vive il quartiere.",
    )?;
    comment(
        state,
        &citizens[2],
        library,
        Some(&heated),
        InFavor,
        "A San Donato sono in piedi da tre anni: basta affidarle a chi abita vicino.",
    )?;
    let zone30 = CommentTarget::Proposal(&proposals[ZONE30]);
    comment(
        state,
        &citizens[3],
        zone30,
        None,
        InFavor,
        "Davanti alla Longhena le auto passano a 50 all'ora all'uscita da scuola: serve subito.",
    )?;
    comment(
        state,
        &citizens[4],
        CommentTarget::Amendment(open_amendment),
        None,
        InFavor,
        "D'accordo con i controlli: senza, i cartelli non bastano.",
    )?;

    load_reports(state, citizens, proposals, &heated)
}

/// A spam comment hidden by three readers' reports (the space hides at
/// three), still in the staff queue for review, and a heated comment with
/// one report that staff have not looked at yet.
fn load_reports(
    state: &AppState,
    citizens: &[Actor],
    proposals: &[ProposalKey],
    heated: &Comment,
) -> anyhow::Result<()> {
    let spammer = state.accounts.register(&Registration {
        email: "offerte_lampo@emenda.example".into(),
        password: DEMO_PASSWORD.into(),
        nickname: "offerte_lampo".into(),
        display_name: "Offerte Lampo".into(),
        consent: emenda_accounts::service::Consent::ByOperator,
        language: emenda_domain::mail::Language::It,
    })?;
    let spammer = actor_of(state, spammer.id)?;
    let spam = comment(
        state,
        &spammer,
        CommentTarget::Proposal(&proposals[GARDEN]),
        None,
        Alignment::Neutral,
        "Attrezzi da giardino scontati del 70%! Solo oggi su www.offerte-lampo.example",
    )?;
    for reporter in [&citizens[0], &citizens[2], &citizens[4]] {
        state.reports.report(
            reporter,
            &ReportRequest {
                kind: TargetKind::Comment,
                id: spam.id,
                reason: ReportReason::Spam,
                details: Some("Pubblicità, non c'entra con la proposta.".into()),
            },
        )?;
    }
    let hidden = state.comments.get(spam.id, None)?;
    anyhow::ensure!(hidden.hidden, "the demo spam comment should be hidden by its reports");
    state.reports.report(
        &citizens[1],
        &ReportRequest {
            kind: TargetKind::Comment,
            id: heated.id,
            reason: ReportReason::Offensive,
            details: Some("Tono offensivo verso chi ha scritto la proposta.".into()),
        },
    )?;
    Ok(())
}
