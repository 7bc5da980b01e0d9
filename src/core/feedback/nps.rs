//! Net Promoter Score: answers 0–10 to "how likely are you to recommend
//! us?"; promoters answer 9–10, passives 7–8, detractors 0–6, and NPS is
//! the percentage of promoters minus the percentage of detractors (−100 to
//! 100). Answers that are not whole numbers from 0 to 10 are not counted
//! (and are reported as invalid by the quality report).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::schema::{is_missing, parse_number};
use crate::core::table::TextColumn;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    /// Answers per score 0..=10.
    pub distribution: [u64; 11],
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    /// Cells that were not a 0–10 whole number (missing ones excluded).
    pub invalid: u64,
    pub missing: u64,
}

impl Nps {
    pub fn answers(&self) -> u64 {
        self.promoters + self.passives + self.detractors
    }

    /// % promoters − % detractors, or `None` with no answer.
    pub fn score(&self) -> Option<f64> {
        let n = self.answers();
        (n > 0).then(|| 100.0 * (self.promoters as f64 - self.detractors as f64) / n as f64)
    }

    fn add(&mut self, cell: &str) {
        if is_missing(cell) {
            self.missing += 1;
            return;
        }
        let Some(value) =
            parse_number(cell).filter(|v| v.fract() == 0.0 && (0.0..=10.0).contains(v))
        else {
            self.invalid += 1;
            return;
        };
        let score = value as usize;
        if let Some(count) = self.distribution.get_mut(score) {
            *count += 1;
        }
        match score {
            9..=10 => self.promoters += 1,
            7..=8 => self.passives += 1,
            _ => self.detractors += 1,
        }
    }
}

/// The NPS of a column of answers.
pub fn nps(cells: &TextColumn) -> Nps {
    let mut result = Nps::default();
    for cell in cells.iter() {
        result.add(cell);
    }
    result
}

/// The NPS per value of `groups` (trimmed text; rows with a missing group
/// are left out), in group order.
pub fn nps_by_group(cells: &TextColumn, groups: &TextColumn) -> BTreeMap<String, Nps> {
    let mut by_group: BTreeMap<String, Nps> = BTreeMap::new();
    for (cell, group) in cells.iter().zip(groups.iter()) {
        if is_missing(group) {
            continue;
        }
        by_group
            .entry(group.trim().to_string())
            .or_default()
            .add(cell);
    }
    by_group
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promoters_minus_detractors() {
        // 3 promoters (9, 10, ۱۰), 2 passives (7, 8), 5 detractors (0..6).
        let cells: TextColumn = [
            "9", "10", "۱۰", "7", "8", "0", "3", "6", "6", "5", "", "11", "x",
        ]
        .into_iter()
        .collect();
        let found = nps(&cells);
        assert_eq!(
            (found.promoters, found.passives, found.detractors),
            (3, 2, 5)
        );
        assert_eq!((found.missing, found.invalid), (1, 2));
        // (3 − 5) / 10 = −20
        assert_eq!(found.score(), Some(-20.0));
        assert_eq!(found.distribution[6], 2);
    }

    #[test]
    fn by_group() {
        let scores: TextColumn = ["10", "0", "9", "9"].into_iter().collect();
        let city: TextColumn = ["Tehran", "Tehran", "Yazd ", ""].into_iter().collect();
        let groups = nps_by_group(&scores, &city);
        assert_eq!(groups["Tehran"].score(), Some(0.0));
        assert_eq!(groups["Yazd"].score(), Some(100.0));
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn no_answers_no_score() {
        assert_eq!(nps(&TextColumn::new()).score(), None);
    }
}
