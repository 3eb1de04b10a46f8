//! Deterministic pseudo-random numbers and Italian-like text, so that two
//! fills with the same seed make the same data set (and the same sizes) on
//! both backends, with no dependency beyond the standard library.

/// SplitMix64: tiny, fast and good enough to shape test data (never used
/// for anything secret).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// A uniform number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A skewed count in `0..=max`: most items get few, a few get many
    /// (log-uniform), the shape supports and comments have in real use.
    pub fn skewed(&mut self, max: usize) -> usize {
        let value = ((max as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (value as usize).min(max)
    }

    /// A size in `low..=high` bytes, log-uniform: short texts are common,
    /// long ones exist.
    pub fn log_size(&mut self, low: usize, high: usize) -> usize {
        let (l, h) = ((low as f64).ln(), (high as f64).ln());
        ((l + (h - l) * self.unit()).exp() as usize).clamp(low, high)
    }
}

const WORDS: &[&str] = &[
    "il",
    "la",
    "dei",
    "delle",
    "nel",
    "quartiere",
    "comune",
    "proposta",
    "cittadini",
    "scuola",
    "parco",
    "strada",
    "piazza",
    "bambini",
    "anziani",
    "associazioni",
    "progetto",
    "servizio",
    "pubblico",
    "spazio",
    "verde",
    "biblioteca",
    "mobilità",
    "sicurezza",
    "illuminazione",
    "marciapiede",
    "pista",
    "ciclabile",
    "fermata",
    "autobus",
    "mercato",
    "orti",
    "comunitari",
    "manutenzione",
    "costo",
    "stimato",
    "euro",
    "anno",
    "volontari",
    "laboratorio",
    "accessibile",
    "sostenibile",
    "energia",
    "rifiuti",
    "raccolta",
    "differenziata",
    "partecipazione",
    "assemblea",
    "consiglio",
    "municipale",
    "bilancio",
    "partecipativo",
    "chiediamo",
    "proponiamo",
    "realizzare",
    "migliorare",
    "rendere",
    "garantire",
    "ogni",
    "tutti",
    "giorno",
    "sera",
    "settimana",
    "estate",
    "inverno",
    "famiglie",
    "giovani",
    "centro",
    "periferia",
    "collegamento",
    "panchine",
    "alberi",
    "ombra",
    "fontanella",
    "giochi",
    "campo",
    "sportivo",
    "lavori",
    "cantiere",
    "durata",
    "mesi",
    "responsabile",
    "ufficio",
    "tecnico",
    "patto",
    "collaborazione",
    "cura",
    "beni",
    "comuni",
    "residenti",
    "commercianti",
    "traffico",
    "rumore",
    "aria",
    "qualità",
    "salute",
    "cultura",
    "musica",
    "teatro",
    "festa",
    "inclusione",
    "disabilità",
    "barriere",
    "architettoniche",
    "rampa",
    "ascensore",
    "e",
    "di",
    "con",
    "per",
    "che",
    "in",
    "a",
    "da",
    "su",
    "tra",
    "anche",
    "molto",
    "più",
    "senza",
    "come",
    "dove",
];

/// An Italian-looking sentence of 8 to 22 words.
pub fn sentence(rng: &mut Rng) -> String {
    let count = rng.between(8, 22);
    let mut out = String::with_capacity(count * 9);
    for i in 0..count {
        let word = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push('.');
    out
}

/// A paragraph of 3 to 7 sentences.
pub fn paragraph(rng: &mut Rng) -> String {
    let count = rng.between(3, 7);
    (0..count).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// A proposal title (a capitalised sentence without its full stop, short).
pub fn title(rng: &mut Rng) -> String {
    let mut words = sentence(rng);
    words.pop();
    words.chars().take(90).collect::<String>().trim_end().to_owned()
}

/// The longest body the platform takes (characters), which every
/// generated version and amendment keeps to: a larger one could not have
/// been written through the API, and the merge refuses it on read.
pub const MAX_BODY_CHARS: usize = 20_000;

/// Drops trailing paragraphs until the body fits [`MAX_BODY_CHARS`].
fn fit(paragraphs: &mut Vec<String>) {
    while paragraphs.len() > 1 && join(paragraphs).chars().count() > MAX_BODY_CHARS {
        paragraphs.pop();
    }
}

/// A Markdown body of about `bytes` bytes, as paragraphs.
pub fn body(rng: &mut Rng, bytes: usize) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut size = 0;
    while size < bytes {
        let p = paragraph(rng);
        size += p.len() + 2;
        paragraphs.push(p);
    }
    fit(&mut paragraphs);
    paragraphs
}

/// The next version of a body: one paragraph rewritten, and now and then
/// one added or one removed, the way people edit a proposal.
pub fn edit(rng: &mut Rng, paragraphs: &mut Vec<String>) {
    let at = rng.below(paragraphs.len());
    paragraphs[at] = paragraph(rng);
    if rng.chance(0.3) {
        let at = rng.below(paragraphs.len() + 1);
        paragraphs.insert(at, paragraph(rng));
    } else if paragraphs.len() > 2 && rng.chance(0.2) {
        paragraphs.remove(rng.below(paragraphs.len()));
    }
    fit(paragraphs);
}

/// Joins paragraphs into Markdown.
pub fn join(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_never_outgrow_what_the_platform_takes() {
        let mut rng = Rng::new(11);
        let mut paragraphs = body(&mut rng, 20_000);
        for _ in 0..200 {
            assert!(join(&paragraphs).chars().count() <= MAX_BODY_CHARS);
            edit(&mut rng, &mut paragraphs);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(join(&body(&mut a, 3000)), join(&body(&mut b, 3000)));
    }

    #[test]
    fn bodies_reach_their_size_and_edits_change_them() {
        let mut rng = Rng::new(1);
        let mut paragraphs = body(&mut rng, 20_000);
        let before = join(&paragraphs);
        let chars = before.chars().count();
        assert!((19_000..=MAX_BODY_CHARS).contains(&chars), "{chars}");
        edit(&mut rng, &mut paragraphs);
        assert_ne!(before, join(&paragraphs));
    }

    #[test]
    fn sizes_and_counts_stay_in_range() {
        let mut rng = Rng::new(3);
        for _ in 0..10_000 {
            assert!((2_000..=20_000).contains(&rng.log_size(2_000, 20_000)));
            assert!(rng.skewed(50) <= 50);
            assert!((3..=5).contains(&rng.between(3, 5)));
        }
    }
}
