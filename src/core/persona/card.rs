//! The figures a persona card lists beside its description, grouped as
//! the card shows them (demographics, behaviour, feedback, value), each a
//! label and a value worded in the UI language from the facts.

use serde::{Deserialize, Serialize};

use super::columns::MeasureKind;
use super::facts::{LevelFact, Numbers, PersonaFacts};
use super::figure::{Figure, FigureKind};
use super::words::band_text;
use crate::core::i18n::{tr, tr_args, Lang};

/// One line of a card: "Annual income" · "78.5 on average (all: 60.6)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardLine {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CardFigures {
    pub demographics: Vec<CardLine>,
    pub behaviour: Vec<CardLine>,
    pub feedback: Vec<CardLine>,
    pub value: Vec<CardLine>,
}

/// The card's figures for one persona.
pub fn card_figures(lang: Lang, facts: &PersonaFacts) -> CardFigures {
    let mut card = CardFigures::default();
    if let Some(age) = &facts.age {
        let band = tr_args(
            lang,
            "persona.fact.level",
            &[
                ("level", &band_text(lang, age.band)),
                ("share", &percent(lang, age.band_share)),
                ("base", &percent(lang, age.band_base_share)),
            ],
        );
        card.demographics
            .push(line(tr(lang, "persona.fact.age"), band));
    }
    card.demographics.extend(
        facts
            .gender
            .iter()
            .chain(&facts.places)
            .map(|l| level_line(lang, l)),
    );
    for measure in &facts.measures {
        let value = mean_text(lang, &measure.numbers);
        let Some(value) = value else { continue };
        let target = match measure.kind {
            MeasureKind::LifetimeValue | MeasureKind::Churn => &mut card.value,
            _ => &mut card.behaviour,
        };
        target.push(line(measure.name.clone(), value));
    }
    card.behaviour
        .extend(facts.favourites.iter().map(|l| level_line(lang, l)));
    if let Some(nps) = &facts.nps {
        if let Some(score) = nps.segment.score() {
            let base = nps
                .base
                .score()
                .map_or_else(String::new, |b| Figure::score(b, lang).shown);
            let value = tr_args(
                lang,
                "persona.fact.score",
                &[
                    ("score", &Figure::score(score, lang).shown),
                    ("base", &base),
                ],
            );
            card.feedback
                .push(line(tr(lang, "persona.fact.nps"), value));
        }
    }
    if let Some(s) = facts.sentiment.as_ref().filter(|s| s.comments > 0) {
        let of = |n: u64| percent(lang, n as f64 / s.comments as f64);
        let value = tr_args(
            lang,
            "persona.fact.sentiment_value",
            &[("positive", &of(s.positive)), ("negative", &of(s.negative))],
        );
        card.feedback
            .push(line(tr(lang, "persona.fact.sentiment"), value));
    }
    let customers = tr_args(
        lang,
        "persona.fact.percent",
        &[("share", &percent(lang, facts.share))],
    );
    card.value
        .insert(0, line(tr(lang, "persona.fact.customers"), customers));
    if let Some(share) = facts
        .revenue
        .as_ref()
        .and_then(|r| r.revenue_share.map(|s| (r, s)))
    {
        let (revenue, share) = share;
        let value = tr_args(
            lang,
            "persona.fact.percent",
            &[("share", &percent(lang, share))],
        );
        let label = tr_args(lang, "persona.fact.revenue", &[("column", &revenue.name)]);
        card.value.insert(1, line(label, value));
    }
    card
}

fn line(label: String, value: String) -> CardLine {
    CardLine { label, value }
}

/// A share as whole percents in the language's digits (no sign).
fn percent(lang: Lang, share: f64) -> String {
    Figure::percent(share, lang).shown
}

fn level_line(lang: Lang, l: &LevelFact) -> CardLine {
    let value = tr_args(
        lang,
        "persona.fact.level",
        &[
            ("level", l.level.as_str()),
            ("share", &percent(lang, l.share)),
            ("base", &percent(lang, l.base_share)),
        ],
    );
    line(l.name.clone(), value)
}

/// "78.5 on average (all: 60.6)"; None without a mean.
fn mean_text(lang: Lang, n: &Numbers) -> Option<String> {
    let mean = Figure::number(FigureKind::Mean, n.mean?, lang).shown;
    let base = n.base_mean.map_or_else(String::new, |b| {
        Figure::number(FigureKind::Mean, b, lang).shown
    });
    Some(tr_args(
        lang,
        "persona.fact.mean",
        &[("mean", &mean), ("base", &base)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::persona::{persona_facts, persona_input};
    use crate::core::schema::{ColumnType, Role};
    use crate::core::table::Table;

    /// Segment 0: rows 1–2 (F, F; amounts 10 + 30 = 40 of 100);
    /// segment 1: rows 3–4 (M, F; 20 + 40 = 60).
    #[test]
    fn shares_and_levels_are_worded_from_the_facts() {
        let table = Table::from_rows(
            &["gender", "amount"],
            &[&["F", "10"], &["F", "30"], &["M", "20"], &["F", "40"]],
        );
        let input = persona_input(
            &table,
            &[Role::Gender, Role::Amount],
            &[ColumnType::Category, ColumnType::Integer],
        );
        let labels = [Some(0), Some(0), Some(1), Some(1)];
        let facts = persona_facts(&table, &labels, 2, &input).expect("facts");
        let card = card_figures(Lang::En, &facts[0]);
        let value: Vec<(&str, &str)> = card
            .value
            .iter()
            .map(|l| (l.label.as_str(), l.value.as_str()))
            .collect();
        assert_eq!(
            value,
            [
                ("Share of customers", "50%"),
                ("Share of revenue (amount)", "40%")
            ]
        );
        // F is 2 of 2 in the segment, 3 of 4 in the base.
        assert_eq!(
            card.demographics,
            [CardLine {
                label: "gender".into(),
                value: "F: 100% (all: 75%)".into()
            }]
        );
        // Mean amount 20 against the base's 25.
        assert_eq!(card.behaviour[0].value, "20.0 on average (all: 25.0)");
        let fa = card_figures(Lang::Fa, &facts[1]);
        assert_eq!(fa.value[1].value, "۶۰٪");
    }
}
