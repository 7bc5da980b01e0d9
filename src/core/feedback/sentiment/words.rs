//! The function words that change a sentiment word's weight rather than
//! carry one: negators, intensifiers (boosters and dampeners) and the
//! contrastive "but". English follows VADER 3.3.2's lists exactly (same
//! source and licence as `lexicon_en.txt`); the Arabic and Persian lists
//! were written for this project.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::normalise::normalise;

/// VADER's empirically derived boost of a degree adverb.
pub const BOOST: f64 = 0.293;

/// The word lists of one language, normalised.
#[derive(Debug, Default)]
pub struct WordLists {
    /// Flip the next 1–3 words ("not good", "لا أنصح", "هیچ مشکلی").
    pub negators: FxHashSet<String>,
    /// Persian negated verbs after their predicate flip the 1–2 words
    /// before them ("راضی نیستم", "مشکلی ندارد").
    pub post_negators: FxHashSet<String>,
    /// Degree adverbs: +BOOST (very) or −BOOST (slightly).
    pub boosters: FxHashMap<String, f64>,
    /// The clause after it weighs more ("but", "ولی", "لكن").
    pub contrast: FxHashSet<String>,
}

impl WordLists {
    fn build(negators: &[&str], boosters: &[&str], dampeners: &[&str], contrast: &[&str]) -> Self {
        let set = |words: &[&str]| words.iter().map(|w| normalise(w)).collect();
        let mut boosts = FxHashMap::default();
        for word in boosters {
            boosts.insert(normalise(word), BOOST);
        }
        for word in dampeners {
            boosts.insert(normalise(word), -BOOST);
        }
        WordLists {
            negators: set(negators),
            post_negators: FxHashSet::default(),
            boosters: boosts,
            contrast: set(contrast),
        }
    }

    /// Whether `norm` negates what follows; English also counts any "n't".
    pub fn is_negator(&self, norm: &str) -> bool {
        self.negators.contains(norm)
    }

    pub fn booster(&self, norm: &str) -> Option<f64> {
        self.boosters.get(norm).copied()
    }
}

const EN_NEGATORS: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

const EN_BOOSTERS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

const EN_DAMPENERS: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sorta",
    "sortof",
    "sort-of",
];

/// Persian negators before what they negate. "بی" (without) makes
/// "بی‌نقص" (flawless) of "نقص" (flaw); "اصلا" (at all) almost always comes
/// with a negation, so it counts as one (a second negation in the same
/// scope does not flip back: Persian negative concord, "هیچ مشکلی ندارد").
const FA_NEGATORS: &[&str] = &["نه", "نمی", "هیچ", "اصلا", "اصلاً", "بدون", "بی", "هرگز"];

/// Negated verbs that follow their predicate. Forms starting with "نمی"
/// are recognised by rule (see `is_persian_negated_verb`); these are the
/// others.
const FA_POST_NEGATORS: &[&str] = &[
    "نیست",
    "نیستم",
    "نیستی",
    "نیستیم",
    "نیستید",
    "نیستند",
    "نیستن",
    "نیس",
    "نیستش",
    "نبود",
    "نبودم",
    "نبودیم",
    "نبودند",
    "نبودن",
    "نبوده",
    "نشد",
    "نشدم",
    "نشده",
    "نشدیم",
    "ندارد",
    "نداره",
    "ندارم",
    "ندارن",
    "ندارند",
    "نداشت",
    "نداشتم",
    "نداشته",
    "نداشتیم",
    "نکرد",
    "نکردم",
    "نکرده",
    "نکردیم",
    "نکنید",
    "نکنین",
    "نخرید",
    "نخریدم",
    "نخرین",
    "نیومد",
    "نیامد",
    "نداد",
    "ندادم",
    "نده",
    "ندیدم",
    "ندید",
    "نکن",
];

const FA_BOOSTERS: &[&str] = &[
    "خیلی",
    "خعلی",
    "بسیار",
    "واقعا",
    "واقعاً",
    "کاملا",
    "کاملاً",
    "جدا",
    "جداً",
    "شدیدا",
    "شدیداً",
    "بینهایت",
    "بی‌نهایت",
    "اینقدر",
    "انقدر",
    "چقدر",
    "بشدت",
    "به‌شدت",
    "حسابی",
    "کلی",
    "خیلیی",
    "زیادی",
    "حتما",
    "حتماً",
    "قطعا",
    "قطعاً",
];

const FA_DAMPENERS: &[&str] = &[
    "کمی",
    "یکم",
    "یکمی",
    "نسبتا",
    "نسبتاً",
    "تقریبا",
    "تقریباً",
    "کم‌وبیش",
    "یه‌کم",
    "اندکی",
];

const FA_CONTRAST: &[&str] = &["ولی", "اما", "ولیکن", "لیکن", "منتها", "ولیک"];

/// Arabic negators (MSA): لا، لم، لن، ليس and its forms, ما, غير (non-),
/// بدون/بلا (without).
const AR_NEGATORS: &[&str] = &[
    "لا",
    "ولا",
    "لم",
    "ولم",
    "لن",
    "ولن",
    "ليس",
    "ليست",
    "لست",
    "لسنا",
    "ليسوا",
    "ما",
    "غير",
    "بدون",
    "بلا",
    "دون",
    "أبدا",
    "أبداً",
    "مش",
    "مو",
];

const AR_BOOSTERS: &[&str] = &[
    "جدا",
    "جداً",
    "جدًا",
    "كثيرا",
    "كثيراً",
    "للغاية",
    "تماما",
    "تماماً",
    "حقا",
    "حقاً",
    "فعلا",
    "فعلاً",
    "بشدة",
    "أكثر",
    "اكثر",
    "أشد",
];

const AR_DAMPENERS: &[&str] = &[
    "قليلا",
    "قليلاً",
    "نوعا",
    "نوعاً",
    "بعض",
    "شبه",
    "تقريبا",
    "تقريباً",
];

const AR_CONTRAST: &[&str] = &["لكن", "ولكن", "لكنه", "لكنها", "ولكنه", "ولكنها", "بينما"];

pub fn english() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| WordLists::build(EN_NEGATORS, EN_BOOSTERS, EN_DAMPENERS, &["but"]))
}

pub fn persian() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = WordLists::build(FA_NEGATORS, FA_BOOSTERS, FA_DAMPENERS, FA_CONTRAST);
        lists.post_negators = FA_POST_NEGATORS.iter().map(|w| normalise(w)).collect();
        lists
    })
}

pub fn arabic() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| WordLists::build(AR_NEGATORS, AR_BOOSTERS, AR_DAMPENERS, AR_CONTRAST))
}

/// Both Arabic-script languages, for a comment whose letters do not say
/// which it is. "ما" is left out: it negates in Arabic but means "we" in
/// Persian.
pub fn arabic_script() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let negators: Vec<&str> = FA_NEGATORS
            .iter()
            .chain(AR_NEGATORS.iter())
            .copied()
            .filter(|w| *w != "ما")
            .collect();
        let boosters: Vec<&str> = FA_BOOSTERS.iter().chain(AR_BOOSTERS).copied().collect();
        let dampeners: Vec<&str> = FA_DAMPENERS.iter().chain(AR_DAMPENERS).copied().collect();
        let contrast: Vec<&str> = FA_CONTRAST.iter().chain(AR_CONTRAST).copied().collect();
        let mut lists = WordLists::build(&negators, &boosters, &dampeners, &contrast);
        lists.post_negators = FA_POST_NEGATORS.iter().map(|w| normalise(w)).collect();
        lists
    })
}

/// A Persian verb negated by its prefix: "نمی‌کنم", "نمیشه" (any verb with
/// "نمی"), or one of the listed forms.
pub fn is_persian_negated_verb(lists: &WordLists, norm: &str) -> bool {
    (norm.starts_with("نمی") && norm.chars().count() > 3) || lists.post_negators.contains(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_normalised() {
        assert!(arabic().is_negator(&normalise("ليس")));
        assert!(arabic().booster(&normalise("جدًا")).is_some());
        assert!(persian().booster("خیلی").is_some());
        assert!(english().booster("slightly") == Some(-BOOST));
        assert!(is_persian_negated_verb(persian(), &normalise("نمی‌کنم")));
        assert!(is_persian_negated_verb(persian(), "نیستم"));
        assert!(!is_persian_negated_verb(persian(), "نمی"));
        assert!(!arabic_script().is_negator("ما"));
        assert!(arabic().is_negator("ما"));
    }
}
