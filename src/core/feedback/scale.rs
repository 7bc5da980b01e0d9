//! Answers on a rating scale: customer satisfaction (CSAT) and customer
//! effort (CES). The scale is read from the answers themselves (1–5, 1–7,
//! 0–10 or 0–100: the smallest that holds every whole-number answer), since
//! exports rarely say it.
//!
//! CSAT is the share of satisfied answers: the top two points of a 5- or
//! 7-point scale (4–5, 6–7), 9–10 on a 10-point scale, 80 or more on a
//! percentage — the usual "top-two-box" reading. Effort is reported as the
//! mean answer on its scale (whether high means easy depends on how the
//! question was asked, which the file does not say).

use serde::{Deserialize, Serialize};

use crate::core::schema::{is_missing, parse_number};
use crate::core::table::TextColumn;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub low: u32,
    pub high: u32,
}

impl Scale {
    /// The smallest usual scale holding answers from `min` to `max`.
    fn holding(min: u32, max: u32) -> Option<Scale> {
        let low = if min == 0 { 0 } else { 1 };
        let high = [5, 7, 10, 100].into_iter().find(|&high| max <= high)?;
        // A 0 on a 5- or 7-point scale means it is not one of those.
        let high = if low == 0 && high < 10 { 10 } else { high };
        Some(Scale { low, high })
    }

    /// The lowest answer counted as satisfied.
    pub fn satisfied_from(&self) -> u32 {
        match self.high {
            5 => 4,
            7 => 6,
            10 => 9,
            _ => 80,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScaleAnswers {
    /// None when no answer could be read.
    pub scale: Option<Scale>,
    /// Answers per point of the scale, from its low end.
    pub distribution: Vec<u64>,
    pub answers: u64,
    /// Cells that are not whole numbers from 0 to 100 (missing excluded).
    pub invalid: u64,
    pub missing: u64,
    pub mean: Option<f64>,
    /// Answers at or above [`Scale::satisfied_from`].
    pub satisfied: u64,
}

impl ScaleAnswers {
    /// CSAT: satisfied answers as a percentage of all answers.
    pub fn csat(&self) -> Option<f64> {
        (self.answers > 0).then(|| 100.0 * self.satisfied as f64 / self.answers as f64)
    }
}

/// A column of rating answers read on the scale they fit.
pub fn scale_answers(cells: &TextColumn) -> ScaleAnswers {
    let mut found = ScaleAnswers::default();
    let mut values: Vec<u32> = Vec::new();
    for cell in cells.iter() {
        if is_missing(cell) {
            found.missing += 1;
            continue;
        }
        match parse_number(cell).filter(|v| v.fract() == 0.0 && (0.0..=100.0).contains(v)) {
            Some(value) => values.push(value as u32),
            None => found.invalid += 1,
        }
    }
    let (Some(&min), Some(&max)) = (values.iter().min(), values.iter().max()) else {
        return found;
    };
    let Some(scale) = Scale::holding(min, max) else {
        return found;
    };
    found.distribution = vec![0; (scale.high - scale.low + 1) as usize];
    let mut sum = 0.0;
    for &value in &values {
        if let Some(count) = found.distribution.get_mut((value - scale.low) as usize) {
            *count += 1;
        }
        if value >= scale.satisfied_from() {
            found.satisfied += 1;
        }
        sum += f64::from(value);
    }
    found.answers = values.len() as u64;
    found.mean = Some(sum / values.len() as f64);
    found.scale = Some(scale);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(cells: &[&str]) -> ScaleAnswers {
        scale_answers(&cells.iter().copied().collect())
    }

    #[test]
    fn five_point_csat_is_the_top_two_box() {
        // 4, 5, ۵ satisfied of 6 answers; "high" invalid; one missing.
        let found = answers(&["4", "5", "۵", "3", "1", "2", "high", ""]);
        assert_eq!(found.scale, Some(Scale { low: 1, high: 5 }));
        assert_eq!(found.distribution, [1, 1, 1, 1, 2]);
        assert_eq!((found.answers, found.invalid, found.missing), (6, 1, 1));
        assert_eq!(found.csat(), Some(50.0));
        assert_eq!(found.mean, Some(20.0 / 6.0));
    }

    #[test]
    fn the_scale_is_the_smallest_that_holds_the_answers() {
        assert_eq!(answers(&["1", "7"]).scale, Some(Scale { low: 1, high: 7 }));
        assert_eq!(answers(&["0", "3"]).scale, Some(Scale { low: 0, high: 10 }));
        assert_eq!(
            answers(&["35", "90"]).scale,
            Some(Scale { low: 1, high: 100 })
        );
        assert_eq!(answers(&["35", "90"]).csat(), Some(50.0));
        assert_eq!(answers(&["3.5", "101"]).scale, None);
        assert_eq!(answers(&[]).csat(), None);
    }
}
