//! Demo data: two Italian co-design processes with proposals written the
//! way citizens write them, several edited into 3 to 7 versions, with
//! amendments, answers, supports, discussions and reports. Created through
//! the services, so every rule, hash and counter holds as in real use.

use anyhow::Context;
use emenda_accounts::service::Registration;
use emenda_api::AppState;
use emenda_domain::amendment::Mergeability;
use emenda_domain::policy::{Actor, Role};
use emenda_domain::proposal::ProposalState;
use emenda_domain::space::SpaceSettings;
use emenda_domain::topics::{Filing, Topic};
use emenda_participation::amendments::AmendmentRequest;
use emenda_participation::proposals::ProposalEdit;
use emenda_participation::spaces::{NewSpace, SpaceChange};
use emenda_participation::views::Amendment;
use emenda_participation::ProposalKey;
use emenda_staff::decisions::Acceptance;

mod participation;

/// Password of every demo account (demo data only, never production).
pub const DEMO_PASSWORD: &str = "emenda-demo-2026";
/// The demo administrator's e-mail.
pub const DEMO_ADMIN_EMAIL: &str = "admin@emenda.example";

struct DemoUser {
    nickname: &'static str,
    name: &'static str,
}

const CITIZENS: &[DemoUser] = &[
    DemoUser { nickname: "giulia_rinaldi", name: "Giulia Rinaldi" },
    DemoUser { nickname: "marco_bellini", name: "Marco Bellini" },
    DemoUser { nickname: "anna_ferri", name: "Anna Ferri" },
    DemoUser { nickname: "luca_toscano", name: "Luca Toscano" },
    DemoUser { nickname: "sara_monti", name: "Sara Monti" },
    DemoUser { nickname: "aps_ortinsieme", name: "APS Ortinsieme" },
];

struct DemoProposal {
    space: usize,
    author: usize,
    title: &'static str,
    body: &'static str,
    /// Successive edits: (text to replace, replacement, summary).
    edits: &'static [(&'static str, &'static str, &'static str)],
}

const PROPOSALS: &[DemoProposal] = &[
    DemoProposal {
        space: 0,
        author: 0,
        title: "Un giardino condiviso nell'area verde di via Fioravanti",
        body: "L'area verde dietro la scuola di via Fioravanti è oggi poco curata e usata solo di passaggio.\n\nProponiamo di trasformarla in un giardino condiviso con orti rialzati, una piccola serra e panchine all'ombra, gestito da un patto di collaborazione tra Comune, scuola e associazioni del quartiere.\n\nCosto stimato: 45.000 euro per i lavori e 5.000 euro all'anno per la manutenzione.",
        edits: &[
            ("orti rialzati", "orti rialzati accessibili anche in carrozzina", "Accessibilità degli orti"),
            ("45.000 euro", "52.000 euro (compresa una fontanella)", "Aggiunta la fontanella"),
            ("gestito da un patto di collaborazione tra Comune, scuola e associazioni del quartiere.", "gestito da un patto di collaborazione tra Comune, scuola, APS Ortinsieme e il centro anziani.\n\nLa scuola userà gli orti per le lezioni di scienze nei mesi di aprile, maggio e settembre.", "Chi gestisce il giardino"),
            ("poco curata e usata solo di passaggio.", "poco curata, poco illuminata e usata solo di passaggio.", "Precisazione sullo stato attuale"),
        ],
    },
    DemoProposal {
        space: 0,
        author: 1,
        title: "Illuminazione a LED nel sottopasso della stazione Zanolini",
        body: "Il sottopasso pedonale della stazione Zanolini è buio anche di giorno e molte persone, soprattutto la sera, preferiscono attraversare i binari in superficie allungando il percorso.\n\nChiediamo nuovi corpi illuminanti a LED, la tinteggiatura delle pareti con colori chiari e un progetto di street art con le scuole del quartiere.",
        edits: &[
            ("a LED,", "a LED con sensori di presenza,", "Risparmio energetico"),
            ("con le scuole del quartiere.", "con le scuole del quartiere e il liceo artistico.", "Coinvolgimento del liceo artistico"),
        ],
    },
    DemoProposal {
        space: 0,
        author: 2,
        title: "Biblioteca diffusa: casette per lo scambio di libri nei parchi",
        body: "Proponiamo di installare dieci casette di legno per lo scambio libero di libri nei parchi del quartiere, costruite nel laboratorio di falegnameria del centro giovani.\n\nOgni casetta avrà un custode volontario che ne controlla lo stato una volta alla settimana.",
        edits: &[
            ("dieci casette", "dodici casette", "Due casette in più per il parco Grosso"),
            ("una volta alla settimana.", "una volta alla settimana e segnala i danni all'ufficio di quartiere.", "Segnalazione dei danni"),
            ("costruite nel laboratorio", "costruite con legno di recupero nel laboratorio", "Materiali di recupero"),
            ("Ogni casetta avrà", "Le casette avranno un ripiano basso per i libri per bambini. Ogni casetta avrà", "Spazio per i più piccoli"),
            ("nei parchi del quartiere,", "nei parchi e nelle piazze del quartiere,", "Anche nelle piazze"),
            ("un custode volontario", "uno o due custodi volontari", "Più custodi per casetta"),
        ],
    },
    DemoProposal {
        space: 0,
        author: 3,
        title: "Campo da basket e calcetto rinnovato al parco di villa Angeletti",
        body: "Il campo polivalente del parco di villa Angeletti ha il fondo rovinato e i canestri senza retina da anni.\n\nProponiamo il rifacimento del fondo in materiale drenante, nuovi canestri e porte da calcetto, e una fontanella vicino alle panchine.",
        edits: &[],
    },
    DemoProposal {
        space: 0,
        author: 4,
        title: "Sportello di quartiere per l'aiuto digitale agli anziani",
        body: "Molte persone anziane non riescono a usare SPID, il fascicolo sanitario e le prenotazioni online.\n\nProponiamo uno sportello settimanale nella casa di quartiere, con volontari formati e due computer, per accompagnare chi ha bisogno nelle pratiche digitali.",
        edits: &[
            ("uno sportello settimanale", "uno sportello aperto due pomeriggi a settimana", "Più aperture"),
            ("con volontari formati e due computer,", "con volontari formati dal servizio civile, due computer e un tablet,", "Formazione e dotazione"),
        ],
    },
    DemoProposal {
        space: 0,
        author: 5,
        title: "Compostiera di comunità per gli orti di via del Lavoro",
        body: "Gli orti di via del Lavoro producono molti scarti verdi che oggi finiscono nell'indifferenziato.\n\nProponiamo una compostiera di comunità gestita dall'associazione, con un corso gratuito di compostaggio aperto a tutto il quartiere.",
        edits: &[],
    },
    DemoProposal {
        space: 1,
        author: 1,
        title: "Zona 30 intorno a tutte le scuole primarie della città",
        body: "Chiediamo che le strade entro 300 metri da ogni scuola primaria diventino zona 30, con attraversamenti rialzati e segnaletica ben visibile.\n\nNelle ore di entrata e uscita le strade davanti alle scuole dovrebbero essere chiuse al traffico privato, come già sperimentato con successo in altre città.",
        edits: &[
            ("entro 300 metri", "entro 500 metri", "Raggio più ampio"),
            ("con attraversamenti rialzati", "con attraversamenti rialzati, dossi e marciapiedi allargati dove possibile", "Interventi fisici"),
            ("come già sperimentato con successo in altre città.", "come già sperimentato con successo a Milano e Torino con le \"strade scolastiche\".", "Esempi concreti"),
            ("Chiediamo che le strade", "Per la sicurezza di bambine e bambini chiediamo che le strade", "Motivazione"),
            ("chiuse al traffico privato,", "chiuse al traffico privato per 30 minuti,", "Durata della chiusura"),
            ("segnaletica ben visibile.", "segnaletica ben visibile anche di notte.", "Segnaletica notturna"),
        ],
    },
    DemoProposal {
        space: 1,
        author: 0,
        title: "Collegare le piste ciclabili di via Saragozza e dei viali",
        body: "La pista ciclabile di via Saragozza si interrompe a porta Saragozza e chi va in bicicletta deve immettersi nel traffico dei viali.\n\nProponiamo un tratto protetto di 400 metri che colleghi le due piste, con un semaforo dedicato alle biciclette all'incrocio.",
        edits: &[
            ("un tratto protetto di 400 metri", "un tratto protetto e bidirezionale di 400 metri", "Pista bidirezionale"),
            ("con un semaforo dedicato", "con una rastrelliera coperta e un semaforo dedicato", "Parcheggio bici"),
        ],
    },
    DemoProposal {
        space: 1,
        author: 2,
        title: "Autobus notturno nei fine settimana verso i quartieri periferici",
        body: "Dopo mezzanotte i quartieri periferici non sono serviti da nessun autobus e chi lavora di sera o esce nel fine settimana deve usare l'auto.\n\nProponiamo una linea notturna il venerdì e il sabato, con partenza ogni 30 minuti dalla stazione centrale fino alle 3.",
        edits: &[
            ("ogni 30 minuti", "ogni 20 minuti", "Frequenza maggiore"),
            ("fino alle 3.", "fino alle 3, con fermate a chiamata dopo l'1.", "Fermate a chiamata"),
            ("il venerdì e il sabato,", "il venerdì, il sabato e i prefestivi,", "Anche i prefestivi"),
        ],
    },
    DemoProposal {
        space: 1,
        author: 3,
        title: "Parcheggi scambiatori con noleggio di biciclette alle porte della città",
        body: "Chi arriva in auto dalla provincia non ha alternative comode per entrare in centro.\n\nProponiamo tre parcheggi scambiatori con stazioni di bici a noleggio e una navetta elettrica ogni 10 minuti verso il centro storico.",
        edits: &[],
    },
    DemoProposal {
        space: 1,
        author: 4,
        title: "Marciapiedi accessibili lungo via Emilia Levante",
        body: "In molti tratti di via Emilia Levante i marciapiedi sono stretti, interrotti da pali e senza scivoli agli incroci.\n\nChiediamo un piano di abbattimento delle barriere architettoniche con priorità ai percorsi verso fermate dell'autobus, farmacie e ambulatori.",
        edits: &[
            ("senza scivoli agli incroci.", "senza scivoli agli incroci, un ostacolo quotidiano per carrozzine e passeggini.", "Chi ne è colpito"),
            ("con priorità ai percorsi", "concordato con le associazioni delle persone con disabilità, con priorità ai percorsi", "Coprogettazione con le associazioni"),
            ("farmacie e ambulatori.", "farmacie, ambulatori e scuole.", "Anche le scuole"),
            ("Chiediamo un piano", "Chiediamo un piano triennale", "Orizzonte temporale"),
        ],
    },
    DemoProposal {
        space: 1,
        author: 5,
        title: "Cargo bike condivise per i negozi e le famiglie del centro",
        body: "Le consegne dell'ultimo miglio in centro storico avvengono quasi tutte con furgoni che sostano in doppia fila.\n\nProponiamo un servizio di cargo bike condivise, prenotabili a ore da negozi, associazioni e famiglie, con tre punti di ricarica nelle piazze principali.",
        edits: &[],
    },
];

/// A demo user as the rules see them, read back from the database the way
/// a request's caller is: the demo builds no actor in memory.
fn actor_of(state: &AppState, user_id: uuid::Uuid) -> anyhow::Result<Actor> {
    Ok(state.accounts.signed_in_user(user_id).context("loading a demo user")?.actor())
}

/// A list of topics: `(slug, name)`.
type TopicList = &'static [(&'static str, &'static str)];

/// Each space's categories and areas, as staff would set them.
const TOPICS: [(TopicList, TopicList); 2] = [
    (
        &[
            ("verde-pubblico", "Verde pubblico"),
            ("sicurezza", "Sicurezza e illuminazione"),
            ("cultura-sport", "Cultura e sport"),
            ("servizi-sociali", "Servizi sociali"),
        ],
        &[("bolognina", "Bolognina"), ("corticella", "Corticella"), ("lame", "Lame")],
    ),
    (
        &[
            ("sicurezza-stradale", "Sicurezza stradale"),
            ("ciclabilita", "Ciclabilità"),
            ("trasporto-pubblico", "Trasporto pubblico"),
            ("accessibilita", "Accessibilità"),
        ],
        &[("centro-storico", "Centro storico"), ("periferie", "Periferie"), ("tutta-la-citta", "Tutta la città")],
    ),
];

/// Where each demo proposal is filed, in the order of `PROPOSALS`:
/// `(category, area)` slugs of its space.
const FILINGS: [(&str, Option<&str>); 12] = [
    ("verde-pubblico", Some("bolognina")),
    ("sicurezza", Some("bolognina")),
    ("cultura-sport", None),
    ("cultura-sport", Some("lame")),
    ("servizi-sociali", Some("corticella")),
    ("verde-pubblico", Some("corticella")),
    ("sicurezza-stradale", Some("tutta-la-citta")),
    ("ciclabilita", Some("centro-storico")),
    ("trasporto-pubblico", Some("periferie")),
    ("ciclabilita", Some("periferie")),
    ("accessibilita", None),
    ("ciclabilita", Some("centro-storico")),
];

// One filing per demo proposal, or the zip above would drop some.
const _: () = assert!(FILINGS.len() == PROPOSALS.len());

fn topic_list(entries: &[(&str, &str)]) -> Vec<Topic> {
    entries.iter().map(|(slug, name)| Topic { slug: (*slug).into(), name: (*name).into() }).collect()
}

fn demo_spaces() -> [NewSpace; 2] {
    [
        NewSpace {
            slug: "bilancio-partecipativo-2026".into(),
            title: "Bilancio partecipativo 2026 – Quartiere Navile".into(),
            description: "Cittadine e cittadini propongono come spendere 500.000 euro del bilancio comunale per il quartiere. Le proposte più sostenute vengono valutate dagli uffici tecnici e messe al voto.".into(),
            settings: SpaceSettings { support_threshold: 5, ..SpaceSettings::default() },
        },
        NewSpace {
            slug: "piano-mobilita-sostenibile".into(),
            title: "Piano urbano della mobilità sostenibile – coprogettazione".into(),
            description: "Percorso di amministrazione condivisa per il nuovo PUMS: associazioni, enti del terzo settore e residenti propongono interventi su strade, trasporto pubblico e ciclabilità.".into(),
            settings: SpaceSettings { verification_required_to_support: true, ..SpaceSettings::default() },
        },
    ]
}

/// Loads the demo unless it is already there. Returns whether it loaded.
pub fn load_demo(state: &AppState) -> anyhow::Result<bool> {
    let admin = Registration {
        email: DEMO_ADMIN_EMAIL.into(),
        password: DEMO_PASSWORD.into(),
        nickname: "amministrazione".into(),
        display_name: "Amministrazione comunale".into(),
        consent: emenda_accounts::service::Consent::ByOperator,
        language: emenda_domain::mail::Language::It,
    };
    let admin_id = state.accounts.ensure_admin(&admin).context("creating the demo administrator")?;
    let spaces = demo_spaces();
    if state.spaces.get(&spaces[0].slug).is_ok() {
        return Ok(false);
    }
    let admin_actor = actor_of(state, admin_id)?;
    let staff = state
        .accounts
        .register(&Registration {
            email: "partecipazione@emenda.example".into(),
            password: DEMO_PASSWORD.into(),
            nickname: "partecipazione".into(),
            display_name: "Ufficio Partecipazione".into(),
            consent: emenda_accounts::service::Consent::ByOperator,
            language: emenda_domain::mail::Language::It,
        })
        .context("creating the demo staff member")?;
    state.roles.grant(&admin_actor, staff.id, Role::Staff, None)?;
    let staff_actor = actor_of(state, staff.id)?;
    for (space, (categories, areas)) in spaces.iter().zip(TOPICS) {
        state.spaces.create(&admin_actor, space).with_context(|| format!("creating space {}", space.slug))?;
        let topics = SpaceChange {
            categories: Some(topic_list(categories)),
            areas: Some(topic_list(areas)),
            ..SpaceChange::default()
        };
        state.spaces.update(&staff_actor, &space.slug, &topics)?;
    }
    let mut citizens = Vec::new();
    for user in CITIZENS {
        let record = state.accounts.register(&Registration {
            email: format!("{}@emenda.example", user.nickname),
            password: DEMO_PASSWORD.into(),
            nickname: user.nickname.into(),
            display_name: user.name.into(),
            consent: emenda_accounts::service::Consent::ByOperator,
            language: emenda_domain::mail::Language::It,
        })?;
        // Identities are verified by an admin, as in a real installation
        // (one space requires it to support).
        state.user_moderation.verify(&admin_actor, record.id)?;
        citizens.push(actor_of(state, record.id)?);
    }
    let mut published = Vec::new();
    for (proposal, (category, area)) in PROPOSALS.iter().zip(FILINGS) {
        let author = &citizens[proposal.author];
        let slug = &spaces[proposal.space].slug;
        let filing = Filing { category: Some(category.into()), area: area.map(Into::into) };
        let view = state.proposals.create_filed(author, slug, proposal.title, proposal.body, &filing)?;
        published.push(ProposalKey::Id(view.id));
        let (mut title, mut body) = (proposal.title.to_owned(), proposal.body.to_owned());
        for (version, (find, replace, summary)) in (1..).zip(proposal.edits.iter()) {
            if title.contains(find) {
                title = title.replacen(find, replace, 1);
            } else {
                body = body.replacen(find, replace, 1);
            }
            let edit = ProposalEdit {
                title: title.clone(),
                body: body.clone(),
                summary: Some((*summary).to_owned()),
                base_version: version,
            };
            state.proposals.edit(author, &ProposalKey::Id(view.id), &edit)?;
        }
    }
    let open_amendment = load_amendments(state, &citizens, &staff_actor, &published)?;
    load_answers(state, &staff_actor, &published)?;
    participation::load_supports(state, &citizens, &published)?;
    participation::load_comments(state, &citizens, &published, open_amendment)?;
    Ok(true)
}

/// Requests an amendment replacing `find` with `replace` in the body of
/// version `base` (the current one when `None`).
fn amend(
    state: &AppState,
    who: &Actor,
    proposal: &ProposalKey,
    base: Option<i32>,
    (find, replace): (&str, &str),
    rationale: &str,
) -> anyhow::Result<Amendment> {
    let current = state.proposals.get(proposal, None)?;
    let base = base.unwrap_or(current.current_version);
    let version = state.history.get(proposal, None, base)?;
    anyhow::ensure!(version.body.contains(find), "demo amendment text not found: {find}");
    let request = AmendmentRequest {
        title: version.title.clone(),
        body: version.body.replacen(find, replace, 1),
        rationale: rationale.into(),
        base_version: base,
    };
    Ok(state.amendments.create(who, proposal, &request)?)
}

fn expect_mergeability(view: &Amendment, expected: Mergeability) -> anyhow::Result<()> {
    let actual = view.mergeability;
    anyhow::ensure!(actual == Some(expected), "demo amendment should be {expected}, is {actual:?}");
    Ok(())
}

/// Amendments in every state, including one that is stale but merges
/// cleanly and one in conflict with changes made since. Returns the open
/// one, which the demo discussion comments on.
fn load_amendments(
    state: &AppState,
    citizens: &[Actor],
    staff: &Actor,
    proposals: &[ProposalKey],
) -> anyhow::Result<uuid::Uuid> {
    let (garden, library, zone30) = (&proposals[0], &proposals[2], &proposals[6]);
    let accepted = amend(
        state,
        &citizens[3],
        garden,
        None,
        ("panchine all'ombra,", "panchine all'ombra, una bacheca per gli avvisi,"),
        "Serve un punto dove comunicare turni e iniziative del giardino.",
    )?;
    expect_mergeability(&accepted, Mergeability::UpToDate)?;
    state.decisions.accept(
        staff,
        accepted.summary.id,
        &Acceptance { note: Some("Integrazione utile, accolta.".into()), ..Acceptance::default() },
    )?;
    let rejected = amend(
        state,
        &citizens[4],
        garden,
        None,
        ("una piccola serra", "una serra riscaldata di 200 metri quadri"),
        "Una serra grande permetterebbe di coltivare tutto l'anno.",
    )?;
    state.decisions.reject(
        staff,
        rejected.summary.id,
        "I costi di riscaldamento superano il budget del bilancio partecipativo.",
    )?;
    let withdrawn = amend(
        state,
        &citizens[1],
        garden,
        None,
        ("Costo stimato", "Costo complessivo stimato"),
        "Precisazione sul costo complessivo.",
    )?;
    state.amendments.withdraw(&citizens[1], withdrawn.summary.id)?;

    // Written against version 1; the proposal changed since in other words.
    let clean = amend(
        state,
        &citizens[0],
        library,
        Some(1),
        ("centro giovani.", "centro giovani del Navile."),
        "Indichiamo quale centro giovani, per chiarezza.",
    )?;
    expect_mergeability(&clean, Mergeability::Clean)?;
    // Written against version 1, on words the author has changed since.
    let conflict = amend(
        state,
        &citizens[5],
        library,
        Some(1),
        ("dieci casette", "venti casette"),
        "Il quartiere è grande: venti casette coprirebbero anche le scuole.",
    )?;
    expect_mergeability(&conflict, Mergeability::Conflict)?;
    let open = amend(
        state,
        &citizens[2],
        zone30,
        None,
        ("anche di notte.", "anche di notte, e controlli della polizia locale nelle prime settimane."),
        "Senza controlli iniziali la zona 30 rischia di non essere rispettata.",
    )?;
    expect_mergeability(&open, Mergeability::UpToDate)?;
    Ok(open.summary.id)
}

/// Official answers: one proposal being evaluated, one accepted, one rejected.
fn load_answers(state: &AppState, staff: &Actor, proposals: &[ProposalKey]) -> anyhow::Result<()> {
    state.answers.answer(
        staff,
        &proposals[6],
        ProposalState::Evaluating,
        "La proposta è all'esame del settore Mobilità, che ne valuterà la fattibilità entro marzo.",
    )?;
    state.answers.answer(
        staff,
        &proposals[5],
        ProposalState::Accepted,
        "Accolta: la compostiera sarà installata in primavera con il supporto di Hera.",
    )?;
    state.answers.answer(
        staff,
        &proposals[9],
        ProposalState::Rejected,
        "Non accolta: le aree individuate sono già oggetto di un progetto regionale di interscambio.",
    )?;
    Ok(())
}
