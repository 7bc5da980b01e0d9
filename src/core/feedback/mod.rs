//! Feedback figures: Net Promoter Score (overall and by group), CSAT and
//! effort on their rating scales, and the sentiment of comments.

mod nps;
mod scale;
mod sentiment;

pub use nps::{nps, nps_by_group, Nps};
pub use scale::{scale_answers, Scale, ScaleAnswers};
pub use sentiment::{
    detect_language, normalise, score_text, sentiment_by_group, sentiment_report,
    sentiment_summary, summarise_scores, CommentLanguage, GroupSentiment, Quote, Sentiment,
    SentimentLabel, SentimentReport, SentimentSummary, EXAMPLES_PER_LABEL, LABEL_THRESHOLD,
};
