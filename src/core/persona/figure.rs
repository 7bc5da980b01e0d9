//! A number as a persona's text shows it, kept beside the text as data:
//! its exact value, what it is, and the text it was written as, so a test
//! (or a chart) can check every figure of a description against the
//! statistics.

use serde::{Deserialize, Serialize};

use crate::core::i18n::{format_count, format_decimal, Lang};

/// What a figure counts or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Customers (or answers, or comments).
    Count,
    /// A share in percent (61 for 61%).
    Percent,
    /// A lift: the segment's share over the base's (2.3 for 2.3×).
    Ratio,
    /// A mean.
    Mean,
    /// A median.
    Median,
    /// How much higher or lower a mean is than the base's, in percent.
    Difference,
    /// A Net Promoter Score, −100 to 100.
    Score,
    /// The first or last year of an age band.
    Years,
}

/// One number of a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub kind: FigureKind,
    /// The exact value (before rounding), in the unit shown.
    pub value: f64,
    /// Decimals shown.
    pub places: usize,
    /// As written in the text, in the language's digits.
    pub shown: String,
}

impl Figure {
    fn new(kind: FigureKind, value: f64, places: usize, lang: Lang) -> Figure {
        Figure {
            kind,
            value,
            places,
            shown: format_decimal(value, places, lang),
        }
    }

    /// A count of customers, grouped in the language's digits.
    pub fn count(n: usize, lang: Lang) -> Figure {
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        Figure {
            kind: FigureKind::Count,
            value: n as f64,
            places: 0,
            shown: format_count(n64, lang),
        }
    }

    /// A share (0..=1) as whole percents; one decimal below 1% so a
    /// small share never reads as 0.
    pub fn percent(share: f64, lang: Lang) -> Figure {
        let value = 100.0 * share;
        let places = usize::from(value > 0.0 && value < 1.0);
        Figure::new(FigureKind::Percent, value, places, lang)
    }

    /// A lift with one decimal (two below 0.1).
    pub fn ratio(lift: f64, lang: Lang) -> Figure {
        let places = if lift < 0.1 { 2 } else { 1 };
        Figure::new(FigureKind::Ratio, lift, places, lang)
    }

    /// A mean or median with as many decimals as its size deserves.
    pub fn number(kind: FigureKind, x: f64, lang: Lang) -> Figure {
        let places = match x.abs() {
            a if a >= 100.0 => 0,
            a if a >= 10.0 => 1,
            _ => 2,
        };
        Figure::new(kind, x, places, lang)
    }

    /// |index − 100|: one decimal below 10%.
    pub fn difference(index: f64, lang: Lang) -> Figure {
        let value = (index - 100.0).abs();
        let places = usize::from(value < 10.0);
        Figure::new(FigureKind::Difference, value, places, lang)
    }

    /// An NPS, whole points.
    pub fn score(nps: f64, lang: Lang) -> Figure {
        Figure::new(FigureKind::Score, nps, 0, lang)
    }

    /// A year of age.
    pub fn years(years: u32, lang: Lang) -> Figure {
        Figure::new(FigureKind::Years, f64::from(years), 0, lang)
    }

    /// The value as shown, read back: what the text claims.
    pub fn rounded(&self) -> f64 {
        let scale = 10f64.powi(i32::try_from(self.places).unwrap_or(0));
        (self.value * scale).round() / scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_in_each_language() {
        assert_eq!(Figure::percent(0.6125, Lang::En).shown, "61");
        assert_eq!(Figure::percent(0.004, Lang::En).shown, "0.4");
        assert_eq!(Figure::percent(0.6125, Lang::Ar).shown, "٦١");
        assert_eq!(Figure::ratio(2.345, Lang::Fa).shown, "۲٫۳");
        assert_eq!(Figure::count(1234, Lang::Fa).shown, "۱٬۲۳۴");
        assert_eq!(
            Figure::number(FigureKind::Mean, 52.345, Lang::En).shown,
            "52.3"
        );
        assert_eq!(Figure::difference(148.4, Lang::En).shown, "48");
        assert_eq!(Figure::difference(95.0, Lang::En).shown, "5.0");
        assert_eq!(Figure::score(-20.0, Lang::En).shown, "-20");
        assert_eq!(Figure::ratio(2.345, Lang::En).rounded(), 2.3);
    }
}
