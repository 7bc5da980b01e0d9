//! A persona's description: a sentence for its size, one for each of the
//! traits that set it apart most (largest effect first), then its NPS,
//! its share of revenue and the sentiment of its comments when known.
//! Every number is kept beside the text as a [`Figure`], in the order the
//! text gives them: "61% are aged 25–34 (2.3× the base)".

use serde::{Deserialize, Serialize};

use super::facts::{Distinct, LevelFact, MeasureFact, PersonaFacts, Source};
use super::figure::{Figure, FigureKind};
use super::words::{answers, band_text, band_years, comments, customers};
use crate::core::i18n::Lang;

/// Distinguishing traits a description tells at most.
pub const DESCRIBED_TRAITS: usize = 4;

/// A lift below this is not worth a ratio ("1.0× the base").
const MIN_SHOWN_LIFT: f64 = 1.1;

/// What a sentence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "index")]
pub enum Topic {
    Size,
    Age,
    Gender,
    Place(usize),
    Favourite(usize),
    Measure(usize),
    /// Nothing significant sets the segment apart.
    Typical,
    Nps,
    Revenue,
    Sentiment,
}

/// One sentence and its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub topic: Topic,
    pub text: String,
    /// Each number in the text, in order.
    pub figures: Vec<Figure>,
}

/// The description of one persona, sentence by sentence.
pub fn describe_persona(lang: Lang, facts: &PersonaFacts) -> Vec<Sentence> {
    let mut sentences = vec![size_sentence(lang, facts)];
    let traits: Vec<Sentence> = facts
        .distinctions
        .iter()
        .filter_map(|d| trait_sentence(lang, facts, d))
        .take(DESCRIBED_TRAITS)
        .collect();
    if traits.is_empty() {
        sentences.push(typical_sentence(lang));
    }
    sentences.extend(traits);
    sentences.extend(nps_sentence(lang, facts));
    sentences.extend(revenue_sentence(lang, facts));
    sentences.extend(sentiment_sentence(lang, facts));
    sentences
}

/// The sentences joined into one paragraph.
pub fn describe_paragraph(lang: Lang, facts: &PersonaFacts) -> String {
    let sentences: Vec<String> = describe_persona(lang, facts)
        .into_iter()
        .map(|s| s.text)
        .collect();
    sentences.join(" ")
}

/// Fills `{0}`, `{1}`… with the figures' text, in order.
fn sentence(
    topic: Topic,
    template: &str,
    figures: Vec<Figure>,
    words: &[(&str, &str)],
) -> Sentence {
    let mut text = template.to_string();
    for (i, figure) in figures.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), &figure.shown);
    }
    for (name, value) in words {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    Sentence {
        topic,
        text,
        figures,
    }
}

/// "212 customers, 12% of all customers."
fn size_sentence(lang: Lang, facts: &PersonaFacts) -> Sentence {
    let who = customers(lang, facts.size);
    let count = counted_figure(lang, facts.size, &who);
    let share = Figure::percent(facts.share, lang);
    let template = match lang {
        Lang::En => "{who}, {1}% of all customers.",
        Lang::Ar => "{who}، أي {1}٪ من جميع العملاء.",
        Lang::Fa => "{who}، {1}٪ از همهٔ مشتریان.",
    };
    // The count is written inside `who`, with its noun.
    sentence(Topic::Size, template, vec![count, share], &[("who", &who)])
}

/// A count written with its noun: Arabic writes one and two as words
/// ("عميل واحد", "عميلان"), so the figure is shown as the whole phrase.
fn counted_figure(lang: Lang, n: usize, phrase: &str) -> Figure {
    let mut figure = Figure::count(n, lang);
    if !phrase.contains(&figure.shown) {
        figure.shown = phrase.to_string();
    }
    figure
}

fn typical_sentence(lang: Lang) -> Sentence {
    let text = match lang {
        Lang::En => "No trait sets them clearly apart from the other customers.",
        Lang::Ar => "لا تميّزهم أي سمة بوضوح عن بقية العملاء.",
        Lang::Fa => "هیچ ویژگی‌ای آنها را به‌روشنی از بقیهٔ مشتریان جدا نمی‌کند.",
    };
    sentence(Topic::Typical, text, Vec::new(), &[])
}

fn trait_sentence(lang: Lang, facts: &PersonaFacts, d: &Distinct) -> Option<Sentence> {
    match (d.source, &d.level) {
        (Source::Age, _) => age_sentence(lang, facts),
        (Source::Gender, Some(level)) => Some(level_sentence(lang, Topic::Gender, level)),
        (Source::Place(i), Some(level)) => Some(level_sentence(lang, Topic::Place(i), level)),
        (Source::Favourite(i), Some(level)) => {
            Some(level_sentence(lang, Topic::Favourite(i), level))
        }
        (Source::Measure(i), _) => facts
            .measures
            .get(i)
            .and_then(|m| measure_sentence(lang, i, m)),
        _ => None,
    }
}

/// "61% are aged 25–34 (2.3× the base); their average age is 29.4,
/// against 38.9 overall."
fn age_sentence(lang: Lang, facts: &PersonaFacts) -> Option<Sentence> {
    let age = facts.age.as_ref()?;
    let years = &age.years;
    let (mean, base_mean) = (years.mean?, years.base_mean?);
    let mut figures = vec![Figure::percent(age.band_share, lang)];
    let band_figures: Vec<Figure> = band_years(age.band)
        .into_iter()
        .map(|y| Figure::years(y, lang))
        .collect();
    figures.extend(band_figures);
    let lift = age.band_lift.filter(|&l| l >= MIN_SHOWN_LIFT);
    let lift_at = figures.len();
    figures.extend(lift.map(|l| Figure::ratio(l, lang)));
    let mean_at = figures.len();
    figures.push(Figure::number(FigureKind::Mean, mean, lang));
    figures.push(Figure::number(FigureKind::Mean, base_mean, lang));
    let band = band_text(lang, age.band);
    let ratio = match (lift.is_some(), lang) {
        (false, _) => String::new(),
        (true, Lang::En) => format!(" ({{{lift_at}}}× the base)"),
        (true, Lang::Ar) => format!(" ({{{lift_at}}}× المعدل العام)"),
        (true, Lang::Fa) => format!(" ({{{lift_at}}} برابر کل مشتریان)"),
    };
    let (m, b) = (mean_at, mean_at + 1);
    let template = match lang {
        Lang::En => format!(
            "{{0}}% are aged {{band}}{ratio}; their average age is {{{m}}}, against {{{b}}} overall."
        ),
        Lang::Ar => format!(
            "{{0}}٪ منهم في عمر {{band}}{ratio}؛ ومتوسط أعمارهم {{{m}}} مقابل {{{b}}} لدى جميع العملاء."
        ),
        Lang::Fa => format!(
            "{{0}}٪ از آنها {{band}} ساله‌اند{ratio}؛ میانگین سنشان {{{m}}} است، در برابر {{{b}}} در کل مشتریان."
        ),
    };
    // The band's years are written by `band_text`; its figures only keep
    // them as data, so `{1}`/`{2}` do not appear in the template.
    Some(sentence(Topic::Age, &template, figures, &[("band", &band)]))
}

/// "64% are Female, against 44% overall (1.5× the base)."
fn level_sentence(lang: Lang, topic: Topic, level: &LevelFact) -> Sentence {
    let mut figures = vec![
        Figure::percent(level.share, lang),
        Figure::percent(level.base_share, lang),
    ];
    let lift = level.lift.filter(|&l| l >= MIN_SHOWN_LIFT);
    figures.extend(lift.map(|l| Figure::ratio(l, lang)));
    let head = match (topic, lang) {
        (Topic::Gender, Lang::En) => "{0}% are {level}",
        (Topic::Gender, Lang::Ar) => "{0}٪ منهم {level}",
        (Topic::Gender, Lang::Fa) => "{0}٪ از آنها {level} هستند",
        (Topic::Place(_), Lang::En) => "{0}% are in {level}",
        (Topic::Place(_), Lang::Ar) => "{0}٪ منهم في {level}",
        (Topic::Place(_), Lang::Fa) => "{0}٪ از آنها در {level} هستند",
        (_, Lang::En) => "{0}% chose {level} ({name})",
        (_, Lang::Ar) => "{0}٪ منهم اختاروا {level} ({name})",
        (_, Lang::Fa) => "{0}٪ از آنها {level} را برگزیده‌اند ({name})",
    };
    let tail = match (lift.is_some(), lang) {
        (true, Lang::En) => ", against {1}% overall ({2}× the base).",
        (true, Lang::Ar) => "، مقابل {1}٪ لدى جميع العملاء ({2}× المعدل العام).",
        (true, Lang::Fa) => "، در برابر {1}٪ در کل مشتریان ({2} برابر کل).",
        (false, Lang::En) => ", against {1}% overall.",
        (false, Lang::Ar) => "، مقابل {1}٪ لدى جميع العملاء.",
        (false, Lang::Fa) => "، در برابر {1}٪ در کل مشتریان.",
    };
    let template = format!("{head}{tail}");
    sentence(
        topic,
        &template,
        figures,
        &[("level", &level.level), ("name", &level.name)],
    )
}

/// "Average spending_score: 82.1 (median 83.0), 64% higher than the
/// base's 50.2." (the header as written, never capitalised).
fn measure_sentence(lang: Lang, index: usize, m: &MeasureFact) -> Option<Sentence> {
    let n = &m.numbers;
    let (mean, median, base_mean) = (n.mean?, n.median?, n.base_mean?);
    let mut figures = vec![
        Figure::number(FigureKind::Mean, mean, lang),
        Figure::number(FigureKind::Median, median, lang),
    ];
    let template = match n.index {
        Some(index) => {
            figures.push(Figure::difference(index, lang));
            let higher = index >= 100.0;
            match (higher, lang) {
                (true, Lang::En) => "Average {name}: {0} (median {1}), {2}% higher than the base’s {3}.",
                (false, Lang::En) => "Average {name}: {0} (median {1}), {2}% lower than the base’s {3}.",
                (true, Lang::Ar) => "متوسط {name} {0} (الوسيط {1})، أعلى بنسبة {2}٪ من متوسط جميع العملاء البالغ {3}.",
                (false, Lang::Ar) => "متوسط {name} {0} (الوسيط {1})، أقل بنسبة {2}٪ من متوسط جميع العملاء البالغ {3}.",
                (true, Lang::Fa) => "میانگین {name} {0} است (میانه {1})، {2}٪ بالاتر از میانگین کل مشتریان ({3}).",
                (false, Lang::Fa) => "میانگین {name} {0} است (میانه {1})، {2}٪ پایین‌تر از میانگین کل مشتریان ({3}).",
            }
        }
        None => match lang {
            Lang::En => "Average {name}: {0} (median {1}), against {2} overall.",
            Lang::Ar => "متوسط {name} {0} (الوسيط {1})، مقابل {2} لدى جميع العملاء.",
            Lang::Fa => "میانگین {name} {0} است (میانه {1})، در برابر {2} در کل مشتریان.",
        },
    };
    figures.push(Figure::number(FigureKind::Mean, base_mean, lang));
    Some(sentence(
        Topic::Measure(index),
        template,
        figures,
        &[("name", &m.name)],
    ))
}

/// "Their NPS is 32 from 41 answers, against 12 overall."
fn nps_sentence(lang: Lang, facts: &PersonaFacts) -> Option<Sentence> {
    let nps = facts.nps.as_ref()?;
    let score = nps.segment.score()?;
    let base = nps.base.score()?;
    let answered = usize::try_from(nps.segment.answers()).unwrap_or(usize::MAX);
    let counted = answers(lang, answered);
    let figures = vec![
        Figure::score(score, lang),
        counted_figure(lang, answered, &counted),
        Figure::score(base, lang),
    ];
    let template = match lang {
        Lang::En => "Their NPS is {0} from {answers}, against {2} overall.",
        Lang::Ar => "صافي نقاط الترويج لديهم {0} من {answers}، مقابل {2} لدى جميع العملاء.",
        Lang::Fa => "NPS آنها {0} است از {answers}، در برابر {2} در کل مشتریان.",
    };
    Some(sentence(
        Topic::Nps,
        template,
        figures,
        &[("answers", &counted)],
    ))
}

/// "They are 12% of customers and bring 31% of amount."
fn revenue_sentence(lang: Lang, facts: &PersonaFacts) -> Option<Sentence> {
    let revenue = facts.revenue.as_ref()?;
    let share = revenue.revenue_share?;
    let figures = vec![
        Figure::percent(facts.share, lang),
        Figure::percent(share, lang),
    ];
    let template = match lang {
        Lang::En => "They are {0}% of customers and bring {1}% of {name}.",
        Lang::Ar => "يمثلون {0}٪ من العملاء ويحققون {1}٪ من {name}.",
        Lang::Fa => "آنها {0}٪ از مشتریان‌اند و {1}٪ از {name} را می‌آورند.",
    };
    Some(sentence(
        Topic::Revenue,
        template,
        figures,
        &[("name", &revenue.name)],
    ))
}

/// "58% of their 120 comments are positive, 21% negative."
fn sentiment_sentence(lang: Lang, facts: &PersonaFacts) -> Option<Sentence> {
    let summary = facts.sentiment.as_ref()?;
    if summary.comments == 0 {
        return None;
    }
    let total = summary.comments as f64;
    let n = usize::try_from(summary.comments).unwrap_or(usize::MAX);
    let counted = comments(lang, n);
    let figures = vec![
        Figure::percent(summary.positive as f64 / total, lang),
        counted_figure(lang, n, &counted),
        Figure::percent(summary.negative as f64 / total, lang),
    ];
    let template = match lang {
        Lang::En => "{0}% of their {comments} are positive, {2}% negative.",
        Lang::Ar => "{0}٪ من تعليقاتهم ({comments}) إيجابية، و{2}٪ سلبية.",
        Lang::Fa => "{0}٪ از نظرهایشان ({comments}) مثبت و {2}٪ منفی است.",
    };
    Some(sentence(
        Topic::Sentiment,
        template,
        figures,
        &[("comments", &counted)],
    ))
}
