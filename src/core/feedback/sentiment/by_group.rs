//! Comments per group (city, plan, segment…): each group's positive,
//! neutral and negative counts and, in the customers' own words, its most
//! positive and most negative comment. Every comment is scored once.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::report::{quote_of, Quote};
use super::summary::{score_cells, summarise_scores};
use super::SentimentSummary;
use crate::core::schema::is_missing;
use crate::core::table::TextColumn;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSentiment {
    /// The group's value, trimmed.
    pub group: String,
    pub summary: SentimentSummary,
    pub most_positive: Option<Quote>,
    pub most_negative: Option<Quote>,
}

/// The `max_groups` groups with the most comments, most first (ties by
/// name), and how many groups with comments were left out. Rows whose
/// group is missing are left out.
pub fn sentiment_by_group(
    cells: &TextColumn,
    groups: &TextColumn,
    max_groups: usize,
) -> (Vec<GroupSentiment>, usize) {
    let scored = score_cells(cells);
    let mut by_group: HashMap<&str, Vec<(usize, super::Sentiment)>> = HashMap::new();
    for (row, sentiment) in scored.scored {
        let Some(group) = groups.get(row).filter(|g| !is_missing(g)) else {
            continue;
        };
        by_group
            .entry(group.trim())
            .or_default()
            .push((row, sentiment));
    }
    let mut found: Vec<(&str, Vec<(usize, super::Sentiment)>)> = by_group.into_iter().collect();
    found.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    let left_out = found.len().saturating_sub(max_groups);
    let shown = found
        .into_iter()
        .take(max_groups)
        .map(|(group, comments)| {
            let summary = summarise_scores(&comments);
            let quote = |rows: &[usize]| {
                let row = *rows.first()?;
                let score = comments.iter().find(|(r, _)| *r == row)?.1.score;
                quote_of(cells, row, score)
            };
            GroupSentiment {
                group: group.to_string(),
                most_positive: quote(&summary.most_positive),
                most_negative: quote(&summary.most_negative),
                summary,
            }
        })
        .collect();
    (shown, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_gets_its_counts_and_its_clearest_comments() {
        let comments: TextColumn = [
            "Great quality, I love it!",
            "Terrible, it broke after a day.",
            "It arrived on Tuesday.",
            "Awful service.",
            "",
            "Excellent",
        ]
        .into_iter()
        .collect();
        let city: TextColumn = ["Tehran", "Tehran ", "Tehran", "Yazd", "Yazd", ""]
            .into_iter()
            .collect();
        let (groups, left_out) = sentiment_by_group(&comments, &city, 5);
        assert_eq!(left_out, 0);
        assert_eq!(groups.len(), 2, "the row without a city is left out");
        let tehran = &groups[0];
        assert_eq!(tehran.group, "Tehran");
        assert_eq!(
            (
                tehran.summary.comments,
                tehran.summary.positive,
                tehran.summary.neutral,
                tehran.summary.negative
            ),
            (3, 1, 1, 1)
        );
        assert_eq!(tehran.most_positive.as_ref().map(|q| q.row), Some(0));
        assert_eq!(
            tehran.most_negative.as_ref().map(|q| q.text.as_str()),
            Some("Terrible, it broke after a day.")
        );
        let yazd = &groups[1];
        assert_eq!((yazd.summary.comments, yazd.summary.negative), (1, 1));
        assert_eq!(yazd.most_positive, None);
        let (first_only, left_out) = sentiment_by_group(&comments, &city, 1);
        assert_eq!((first_only.len(), left_out), (1, 1));
    }
}
