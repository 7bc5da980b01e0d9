//! A comment column as the dashboard shows it: the summary's figures and
//! the representative comments themselves, quoted (shortened) with their
//! row and score, so the page never needs the whole column.

use serde::{Deserialize, Serialize};

use super::summary::{score_cells, summary_of_scored};
use super::SentimentSummary;
use crate::core::table::TextColumn;

/// Characters quoted of one comment; longer ones end with "…".
pub const QUOTE_CHARS: usize = 280;

/// One comment, as the customer wrote it (shortened).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// 0-based data row.
    pub row: usize,
    pub text: String,
    pub score: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentimentReport {
    pub summary: SentimentSummary,
    pub positive: Vec<Quote>,
    pub neutral: Vec<Quote>,
    pub negative: Vec<Quote>,
}

/// Every comment is scored once; the quotes take their scores from there.
pub fn sentiment_report(cells: &TextColumn) -> SentimentReport {
    let column = score_cells(cells);
    let summary = summary_of_scored(&column);
    let quotes = |rows: &[usize]| -> Vec<Quote> {
        rows.iter()
            .filter_map(|&row| {
                // Scored comments are in row order.
                let at = column.scored.binary_search_by_key(&row, |(r, _)| *r).ok()?;
                let (_, sentiment) = column.scored.get(at)?;
                quote_of(cells, row, sentiment.score)
            })
            .collect()
    };
    SentimentReport {
        positive: quotes(&summary.most_positive),
        neutral: quotes(&summary.neutral_examples),
        negative: quotes(&summary.most_negative),
        summary,
    }
}

/// Row `row`'s comment quoted (shortened) with its score.
pub(super) fn quote_of(cells: &TextColumn, row: usize, score: f64) -> Option<Quote> {
    Some(Quote {
        row,
        text: shortened(cells.get(row)?.trim()),
        score,
    })
}

fn shortened(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_clearest_comments_of_each_label_with_their_rows() {
        let cells: TextColumn = [
            "Great quality, I love it!",
            "",
            "Terrible, it broke after a day.",
            "It arrived on Tuesday.",
            "خیلی عالی بود",
        ]
        .into_iter()
        .collect();
        let report = sentiment_report(&cells);
        assert_eq!(report.summary.comments, 4);
        assert_eq!(report.summary.missing, 1);
        assert_eq!(report.negative.len(), 1);
        assert_eq!(report.negative[0].row, 2);
        assert_eq!(report.negative[0].text, "Terrible, it broke after a day.");
        assert!(report.negative[0].score < 0.0);
        let positive_rows: Vec<usize> = report.positive.iter().map(|q| q.row).collect();
        assert!(
            positive_rows.contains(&0) && positive_rows.contains(&4),
            "{positive_rows:?}"
        );
        assert_eq!(
            report.neutral.iter().map(|q| q.row).collect::<Vec<_>>(),
            [3]
        );
    }

    #[test]
    fn long_comments_are_cut_on_a_character_not_a_byte() {
        let long = "خوب".repeat(200);
        let cut = shortened(&long);
        assert_eq!(cut.chars().count(), QUOTE_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
