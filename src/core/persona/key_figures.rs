//! A persona's key figures, kept with a snapshot so a later comparison
//! can say how each persona changed: its share of customers and of the
//! revenue, its mean age, its NPS and the mean of every measure.

use serde::{Deserialize, Serialize};

use super::facts::PersonaFacts;

/// What a key figure is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "column")]
pub enum FigureName {
    /// Share of customers, 0–1.
    Share,
    /// Share of the money column's total, 0–1.
    RevenueShare,
    MeanAge,
    /// Net Promoter Score, −100 to 100.
    Nps,
    /// Mean of the measure in this column (by header).
    Mean(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyFigure {
    pub name: FigureName,
    pub value: f64,
}

/// The key figures of one persona, in a fixed order; figures the data
/// cannot give (no money column, an empty segment) are left out.
pub fn key_figures(facts: &PersonaFacts) -> Vec<KeyFigure> {
    let mut figures = vec![KeyFigure {
        name: FigureName::Share,
        value: facts.share,
    }];
    let mut push = |name, value: Option<f64>| {
        if let Some(value) = value.filter(|v| v.is_finite()) {
            figures.push(KeyFigure { name, value });
        }
    };
    push(
        FigureName::RevenueShare,
        facts.revenue.as_ref().and_then(|r| r.revenue_share),
    );
    push(
        FigureName::MeanAge,
        facts.age.as_ref().and_then(|a| a.years.mean),
    );
    push(
        FigureName::Nps,
        facts.nps.as_ref().and_then(|n| n.segment.score()),
    );
    for measure in &facts.measures {
        push(FigureName::Mean(measure.name.clone()), measure.numbers.mean);
    }
    figures
}

/// One figure then and now, for every figure both have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureChange {
    pub name: FigureName,
    pub then: f64,
    pub now: f64,
}

/// The figures of `then` that `now` has too, in `then`'s order.
pub fn figure_changes(then: &[KeyFigure], now: &[KeyFigure]) -> Vec<FigureChange> {
    then.iter()
        .filter_map(|old| {
            let new = now.iter().find(|f| f.name == old.name)?;
            Some(FigureChange {
                name: old.name.clone(),
                then: old.value,
                now: new.value,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(name: FigureName, value: f64) -> KeyFigure {
        KeyFigure { name, value }
    }

    #[test]
    fn changes_pair_the_figures_both_have() {
        let then = [
            figure(FigureName::Share, 0.4),
            figure(FigureName::MeanAge, 31.0),
            figure(FigureName::Mean("income".into()), 50.0),
        ];
        let now = [
            figure(FigureName::Mean("income".into()), 55.0),
            figure(FigureName::Share, 0.35),
        ];
        let changes = figure_changes(&then, &now);
        assert_eq!(
            changes,
            vec![
                FigureChange {
                    name: FigureName::Share,
                    then: 0.4,
                    now: 0.35
                },
                FigureChange {
                    name: FigureName::Mean("income".into()),
                    then: 50.0,
                    now: 55.0
                },
            ]
        );
    }

    #[test]
    fn serde_keeps_the_column_of_a_mean() {
        let text = serde_json::to_string(&figure(FigureName::Mean("سن".into()), 1.5)).unwrap();
        assert_eq!(
            text,
            r#"{"name":{"kind":"mean","column":"سن"},"value":1.5}"#
        );
    }
}
