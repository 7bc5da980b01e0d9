//! A comment column in a few figures: how many comments fall under each
//! label, the mean score, and which comments best show each label (so the
//! UI can quote them).

use serde::{Deserialize, Serialize};

use super::{score_text, Sentiment, SentimentLabel};
use crate::core::schema::is_missing;
use crate::core::table::TextColumn;

/// How many example comments are kept per label.
pub const EXAMPLES_PER_LABEL: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentimentSummary {
    /// Comments scored (missing cells excluded).
    pub comments: u64,
    pub missing: u64,
    pub positive: u64,
    pub neutral: u64,
    pub negative: u64,
    /// Mean compound score over the comments; `None` with none.
    pub mean_score: Option<f64>,
    /// Row indices (0-based, in the column) of the most positive comments,
    /// highest score first; ties by row.
    pub most_positive: Vec<usize>,
    /// The most negative comments, lowest score first.
    pub most_negative: Vec<usize>,
    /// Neutral comments that matched some words (scored near zero because
    /// they balance), else any neutral ones; in row order.
    pub neutral_examples: Vec<usize>,
}

/// Scores every non-missing cell of a comment column and summarises them.
pub fn sentiment_summary(cells: &TextColumn) -> SentimentSummary {
    summary_of_scored(&score_cells(cells))
}

/// Every comment of the column scored, in row order (each with its row),
/// and how many cells were missing.
pub(super) struct ScoredColumn {
    pub scored: Vec<(usize, Sentiment)>,
    pub missing: u64,
}

pub(super) fn score_cells(cells: &TextColumn) -> ScoredColumn {
    let mut missing = 0;
    let mut scored = Vec::new();
    for (row, cell) in cells.iter().enumerate() {
        if is_missing(cell) {
            missing += 1;
        } else {
            scored.push((row, score_text(cell)));
        }
    }
    ScoredColumn { scored, missing }
}

pub(super) fn summary_of_scored(column: &ScoredColumn) -> SentimentSummary {
    let mut summary = summarise_scores(&column.scored);
    summary.missing = column.missing;
    summary
}

/// The summary of comments already scored, each with its row index.
pub fn summarise_scores(scored: &[(usize, Sentiment)]) -> SentimentSummary {
    let mut summary = SentimentSummary {
        comments: scored.len() as u64,
        ..SentimentSummary::default()
    };
    let mut total = 0.0;
    for (_, sentiment) in scored {
        total += sentiment.score;
        match sentiment.label {
            SentimentLabel::Positive => summary.positive += 1,
            SentimentLabel::Neutral => summary.neutral += 1,
            SentimentLabel::Negative => summary.negative += 1,
        }
    }
    if !scored.is_empty() {
        summary.mean_score = Some(total / scored.len() as f64);
    }
    summary.most_positive = extremes(scored, SentimentLabel::Positive, true);
    summary.most_negative = extremes(scored, SentimentLabel::Negative, false);
    summary.neutral_examples = neutral_examples(scored);
    summary
}

fn extremes(scored: &[(usize, Sentiment)], label: SentimentLabel, highest: bool) -> Vec<usize> {
    let mut candidates: Vec<(usize, f64)> = scored
        .iter()
        .filter(|(_, s)| s.label == label)
        .map(|(row, s)| (*row, s.score))
        .collect();
    candidates.sort_by(|a, b| {
        let by_score = if highest {
            b.1.total_cmp(&a.1)
        } else {
            a.1.total_cmp(&b.1)
        };
        by_score.then(a.0.cmp(&b.0))
    });
    candidates
        .into_iter()
        .take(EXAMPLES_PER_LABEL)
        .map(|(row, _)| row)
        .collect()
}

fn neutral_examples(scored: &[(usize, Sentiment)]) -> Vec<usize> {
    let neutral = || {
        scored
            .iter()
            .filter(|(_, s)| s.label == SentimentLabel::Neutral)
    };
    let mut rows: Vec<usize> = neutral()
        .filter(|(_, s)| !s.matched.is_empty())
        .map(|(row, _)| *row)
        .take(EXAMPLES_PER_LABEL)
        .collect();
    for (row, _) in neutral() {
        if rows.len() >= EXAMPLES_PER_LABEL {
            break;
        }
        if !rows.contains(row) {
            rows.push(*row);
        }
    }
    rows.sort_unstable();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_mean_and_examples() {
        let cells: TextColumn = [
            "great, I love it",
            "",
            "terrible, awful",
            "it arrived on Tuesday",
            "good",
            "خیلی عالیه",
            "بد بود",
            "  ",
        ]
        .into_iter()
        .collect();
        let summary = sentiment_summary(&cells);
        assert_eq!(summary.comments, 6);
        assert_eq!(summary.missing, 2);
        assert_eq!(
            (summary.positive, summary.neutral, summary.negative),
            (3, 1, 2)
        );
        assert_eq!(summary.most_negative.first(), Some(&2));
        assert_eq!(summary.most_positive.len(), 3);
        assert!(summary.most_positive.contains(&0));
        assert_eq!(summary.neutral_examples, [3]);
        // The mean is the mean of the six scores.
        let mean: f64 = [0, 2, 3, 4, 5, 6]
            .iter()
            .map(|row| score_text(cells.get(*row).unwrap_or("")).score)
            .sum::<f64>()
            / 6.0;
        assert!((summary.mean_score.unwrap() - mean).abs() < 1e-12);
        let json = serde_json::to_string(&summary).unwrap();
        assert!(json.contains("most_positive"));
    }

    #[test]
    fn empty_column() {
        let summary = sentiment_summary(&TextColumn::new());
        assert_eq!(summary, SentimentSummary::default());
    }
}
