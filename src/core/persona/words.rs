//! A persona's words in each UI language, written per language in Rust
//! (as the sentence builders of `segment::compare` are kept together):
//! counted nouns with their plural forms, age bands, and the words a
//! trait gives a persona's name ("young", "high spenders", "in Riyadh").
//! Numbers arrive already written in the language's digits.

use super::age::{AgeBand, AgeTone};
use super::columns::MeasureKind;
use crate::core::i18n::{format_count, plural_of, Lang, Plural};

/// Who a segment mostly is, when its gender sets it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

/// The gender a value of a gender column names, in en/ar/fa; None for
/// anything else ("other", "unknown", codes we cannot read).
pub fn gender_of(level: &str) -> Option<Gender> {
    const FEMALE: [&str; 12] = [
        "f",
        "female",
        "woman",
        "women",
        "girl",
        "زن",
        "خانم",
        "مونث",
        "مؤنث",
        "أنثى",
        "انثى",
        "امرأة",
    ];
    const MALE: [&str; 10] = [
        "m", "male", "man", "men", "boy", "مرد", "آقا", "مذکر", "ذكر", "رجل",
    ];
    let folded = level.trim().to_lowercase();
    if FEMALE.contains(&folded.as_str()) {
        Some(Gender::Female)
    } else if MALE.contains(&folded.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// A count of customers with its noun in the right plural form:
/// "1 customer", "عميلان", "۳ مشتری".
pub fn customers(lang: Lang, n: usize) -> String {
    counted(lang, n, ["customer", "customers"], AR_CUSTOMERS, "مشتری")
}

/// A count of NPS answers.
pub fn answers(lang: Lang, n: usize) -> String {
    counted(lang, n, ["answer", "answers"], AR_ANSWERS, "پاسخ")
}

/// A count of comments.
pub fn comments(lang: Lang, n: usize) -> String {
    counted(lang, n, ["comment", "comments"], AR_COMMENTS, "نظر")
}

/// Arabic forms per plural category (zero, one, two, few, many, other);
/// `{n}` is the number in Arabic digits.
type ArabicForms = [&'static str; 6];
const AR_CUSTOMERS: ArabicForms = [
    "لا عملاء",
    "عميل واحد",
    "عميلان",
    "{n} عملاء",
    "{n} عميلًا",
    "{n} عميل",
];
const AR_ANSWERS: ArabicForms = [
    "لا إجابات",
    "إجابة واحدة",
    "إجابتان",
    "{n} إجابات",
    "{n} إجابةً",
    "{n} إجابة",
];
const AR_COMMENTS: ArabicForms = [
    "لا تعليقات",
    "تعليق واحد",
    "تعليقان",
    "{n} تعليقات",
    "{n} تعليقًا",
    "{n} تعليق",
];

fn counted(lang: Lang, n: usize, en: [&str; 2], ar: ArabicForms, fa: &str) -> String {
    let n64 = u64::try_from(n).unwrap_or(u64::MAX);
    let number = format_count(n64, lang);
    match lang {
        Lang::En => {
            let noun = if plural_of(lang, n64) == Plural::One {
                en[0]
            } else {
                en[1]
            };
            format!("{number} {noun}")
        }
        // Persian nouns stay singular after a number.
        Lang::Fa => format!("{number} {fa}"),
        Lang::Ar => {
            let form = match plural_of(lang, n64) {
                Plural::Zero => ar[0],
                Plural::One => ar[1],
                Plural::Two => ar[2],
                Plural::Few => ar[3],
                Plural::Many => ar[4],
                Plural::Other => ar[5],
            };
            form.replace("{n}", &number)
        }
    }
}

/// The years an age band's text shows, in order: [18] for "under 18",
/// [25, 34] for "25–34", [65] for "65 and over".
pub fn band_years(band: AgeBand) -> Vec<u32> {
    match (band.low, band.high) {
        (0, Some(high)) => vec![high + 1],
        (low, Some(high)) => vec![low, high],
        (low, None) => vec![low],
    }
}

/// An age band in words: "25–34", "under 18", "65 and over", with the
/// years in the language's digits.
pub fn band_text(lang: Lang, band: AgeBand) -> String {
    let years: Vec<String> = band_years(band)
        .into_iter()
        .map(|y| format_count(u64::from(y), lang))
        .collect();
    let first = years.first().cloned().unwrap_or_default();
    match (band.low, band.high, years.get(1), lang) {
        (_, Some(_), Some(high), _) => format!("{first}–{high}"),
        (0, Some(_), _, Lang::En) => format!("under {first}"),
        (0, Some(_), _, Lang::Ar) => format!("دون {first}"),
        (0, Some(_), _, Lang::Fa) => format!("زیر {first}"),
        (_, _, _, Lang::En) => format!("{first} and over"),
        (_, _, _, Lang::Ar) => format!("{first} فأكثر"),
        (_, _, _, Lang::Fa) => format!("{first} به بالا"),
    }
}

/// The words a measure gives a name, high or low: an English noun
/// ("high spenders"), an English "with…" phrase for a second trait, and
/// the Arabic (masculine, feminine) and Persian adjectives.
pub struct MeasureWords {
    pub en_noun: String,
    pub en_with: String,
    pub ar: (String, String),
    pub fa: String,
}

/// The words of a measure `kind` (header `name`) that is `high` or low.
pub fn measure_words(kind: MeasureKind, high: bool, name: &str) -> MeasureWords {
    use MeasureKind::*;
    let pick = |h: &str, l: &str| if high { h.to_string() } else { l.to_string() };
    let words = |noun: (&str, &str),
                 with: (&str, &str),
                 ar_m: (&str, &str),
                 ar_f: (&str, &str),
                 fa: (&str, &str)| MeasureWords {
        en_noun: pick(noun.0, noun.1),
        en_with: pick(with.0, with.1),
        ar: (pick(ar_m.0, ar_m.1), pick(ar_f.0, ar_f.1)),
        fa: pick(fa.0, fa.1),
    };
    match kind {
        Income => words(
            ("high earners", "modest earners"),
            ("with high income", "with modest income"),
            ("ذوو دخل مرتفع", "ذوو دخل محدود"),
            ("ذوات دخل مرتفع", "ذوات دخل محدود"),
            ("پردرآمد", "کم‌درآمد"),
        ),
        Spend => words(
            ("high spenders", "low spenders"),
            ("who spend a lot", "who spend little"),
            ("كثيرو الإنفاق", "قليلو الإنفاق"),
            ("كثيرات الإنفاق", "قليلات الإنفاق"),
            ("پرخرج", "کم‌خرج"),
        ),
        Frequency => words(
            ("frequent buyers", "occasional buyers"),
            ("who buy often", "who buy rarely"),
            ("دائمو الشراء", "نادرو الشراء"),
            ("دائمات الشراء", "نادرات الشراء"),
            ("همیشگی", "گاه‌به‌گاه"),
        ),
        Recency => words(
            ("lapsed customers", "recent buyers"),
            ("who have not bought lately", "who bought recently"),
            ("منقطعون عن الشراء", "حديثو الشراء"),
            ("منقطعات عن الشراء", "حديثات الشراء"),
            ("کم‌پیدا", "تازه‌خرید"),
        ),
        Tenure => words(
            ("long-standing customers", "newer customers"),
            ("of long standing", "who joined recently"),
            ("قدامى", "جدد"),
            ("قديمات", "جديدات"),
            ("قدیمی", "تازه‌وارد"),
        ),
        Quantity => words(
            ("bulk buyers", "light buyers"),
            ("who buy in bulk", "who buy little at a time"),
            ("يشترون بكميات كبيرة", "يشترون بكميات قليلة"),
            ("يشترين بكميات كبيرة", "يشترين بكميات قليلة"),
            ("عمده‌خر", "خرده‌خر"),
        ),
        LifetimeValue => words(
            ("high-value customers", "low-value customers"),
            ("of high lifetime value", "of low lifetime value"),
            ("ذوو قيمة عالية", "ذوو قيمة منخفضة"),
            ("ذوات قيمة عالية", "ذوات قيمة منخفضة"),
            ("باارزش", "کم‌ارزش"),
        ),
        Churn => words(
            ("at-risk customers", "loyal customers"),
            ("at risk of leaving", "unlikely to leave"),
            ("معرضون للانسحاب", "أوفياء"),
            ("معرضات للانسحاب", "وفيات"),
            ("در آستانهٔ ریزش", "وفادار"),
        ),
        Rating => words(
            ("satisfied customers", "dissatisfied customers"),
            ("who rate us highly", "who rate us poorly"),
            ("راضون", "غير راضين"),
            ("راضيات", "غير راضيات"),
            ("راضی", "ناراضی"),
        ),
        Other => {
            let level = |en: &str| format!("with {en} {name}");
            MeasureWords {
                en_noun: format!("customers {}", level(if high { "high" } else { "low" })),
                en_with: level(if high { "high" } else { "low" }),
                ar: (
                    format!("ذوو {name} {}", if high { "مرتفع" } else { "منخفض" }),
                    format!("ذوات {name} {}", if high { "مرتفع" } else { "منخفض" }),
                ),
                fa: format!("با {name} {}", if high { "بالا" } else { "پایین" }),
            }
        }
    }
}

/// How old the persona reads: (English adjective, Arabic masculine,
/// Arabic feminine, Persian).
pub fn tone_words(tone: AgeTone) -> (&'static str, &'static str, &'static str, &'static str) {
    match tone {
        AgeTone::Young => ("young", "شباب", "شابات", "جوان"),
        AgeTone::MiddleAged => ("middle-aged", "في منتصف العمر", "في منتصف العمر", "میانسال"),
        AgeTone::Older => ("older", "كبار السن", "كبيرات السن", "مسن"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_customers_take_six_forms() {
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| customers(Lang::Ar, n))
            .collect();
        assert_eq!(
            forms,
            [
                "لا عملاء",
                "عميل واحد",
                "عميلان",
                "٣ عملاء",
                "١١ عميلًا",
                "١٠٠ عميل"
            ]
        );
        assert_eq!(customers(Lang::En, 1), "1 customer");
        assert_eq!(customers(Lang::En, 1200), "1,200 customers");
        assert_eq!(customers(Lang::Fa, 12), "۱۲ مشتری");
    }

    #[test]
    fn bands_in_words() {
        let band = |low, high| AgeBand { low, high };
        assert_eq!(band_text(Lang::En, band(25, Some(34))), "25–34");
        assert_eq!(band_text(Lang::En, band(0, Some(17))), "under 18");
        assert_eq!(band_text(Lang::Fa, band(65, None)), "۶۵ به بالا");
        assert_eq!(band_text(Lang::Ar, band(18, Some(24))), "١٨–٢٤");
        assert_eq!(band_years(band(0, Some(17))), [18]);
    }

    #[test]
    fn genders_in_three_languages() {
        assert_eq!(gender_of(" Female"), Some(Gender::Female));
        assert_eq!(gender_of("ذكر"), Some(Gender::Male));
        assert_eq!(gender_of("زن"), Some(Gender::Female));
        assert_eq!(gender_of("other"), None);
    }
}
