//! Feedback figures: Net Promoter Score (and, later, CSAT, effort and the
//! sentiment of comments).

// User data must never panic the app: no indexing, unwrap or expect outside tests.
#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod nps;
mod sentiment;

pub use nps::{nps, nps_by_group, Nps};
pub use sentiment::{
    detect_language, normalise, score_text, sentiment_report, sentiment_summary, summarise_scores,
    CommentLanguage, Quote, Sentiment, SentimentLabel, SentimentReport, SentimentSummary,
    EXAMPLES_PER_LABEL, LABEL_THRESHOLD,
};
