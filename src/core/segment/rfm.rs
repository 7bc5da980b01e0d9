//! RFM scores and segments of the customer base: recency (days since the
//! last purchase), frequency (orders) and monetary value (total spend),
//! each scored 1–5 by quintile, combined into the named segments of
//! [`RfmRules`], with the figures of each segment.
//!
//! # Quintiles and ties
//!
//! A score is the customer's quintile of **rank**, not of value: customers
//! are ranked 1..n by the value, ties broken by customer id (code point
//! order), and rank r of n gets score `max(1, ⌈5(r − 1)/(n − 1)⌉)`. This is
//! exactly `pd.qcut(x.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])` over
//! customers sorted by id (pandas' groupby order), the common practice of
//! the RFM notebooks, checked against pandas for every n up to 5,000 and on
//! a real customer base (tests/rfm_scores_oracle.rs). Quintiles of the raw
//! values would collapse: frequency is heavily tied (most customers of a
//! month's log ordered once), so the cut points coincide, `qcut` of the
//! values fails with duplicate edges, and a 5-level score would have two or
//! three levels. Ranking keeps each score at a fifth of the customers; the
//! price is that customers with the same value may get neighbouring
//! scores, which the thresholds show (a level's value range may touch the
//! next one's).
//!
//! Recency is scored the other way round: the fewest days since the last
//! purchase get 5 (`labels=[5, 4, 3, 2, 1]` over the rank of the days). A
//! single customer has every score 3, the middle (pandas refuses one value).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::rfm_map::{fm_score, RfmRules, RfmSegment, RuleProblem, MAX_SCORE, MIN_SCORE};
use crate::core::customer_base::CustomerRecord;

/// A customer's three scores (1–5; 5 the best).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmScore {
    pub recency: u8,
    pub frequency: u8,
    pub monetary: u8,
}

impl RfmScore {
    /// F and M combined into one score 1–5 (the grid's second axis).
    pub fn fm(self) -> u8 {
        fm_score(self.frequency, self.monetary)
    }
}

/// A customer's scores and the segment the rules give them (`None`: their
/// cell is not covered by any rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmAssignment {
    pub score: RfmScore,
    pub segment: Option<RfmSegment>,
}

/// The raw values of the customers who got one score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreLevel {
    pub score: u8,
    pub customers: usize,
    /// Lowest and highest value among them (`None` when there are none).
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// What each score of one measure stood for: levels 1..=5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreThresholds {
    pub levels: Vec<ScoreLevel>,
}

/// One cell of the R × FM grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    pub recency: u8,
    pub fm: u8,
    pub customers: usize,
    pub segment: Option<RfmSegment>,
}

/// One segment's figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SegmentFigures {
    pub segment: RfmSegment,
    pub customers: usize,
    /// Of all customers, 0..=1.
    pub share: f64,
    /// Means over the segment's customers (`None` when it has none).
    pub mean_days_since_last: Option<f64>,
    pub mean_orders: Option<f64>,
    pub mean_spend: Option<f64>,
    pub total_spend: f64,
    /// Of every customer's spend, 0..=1 (0 when nobody spent anything).
    pub revenue_share: f64,
}

/// Everything the page shows about the RFM segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmReport {
    pub customers: usize,
    /// The rules used (the user's, or the standard map).
    pub rules: RfmRules,
    pub problems: Vec<RuleProblem>,
    /// Cells no rule names, as (R, FM).
    pub uncovered: Vec<(u8, u8)>,
    /// Customers in uncovered cells.
    pub unassigned: usize,
    /// Days since the last purchase per R score.
    pub recency: ScoreThresholds,
    /// Orders per F score.
    pub frequency: ScoreThresholds,
    /// Total spend per M score.
    pub monetary: ScoreThresholds,
    /// The 25 cells, R = 1..=5 outer, FM = 1..=5 inner.
    pub grid: Vec<GridCell>,
    /// The segments the rules name, best first.
    pub segments: Vec<SegmentFigures>,
}

/// Scores 1–5 for `n` values by quintile of rank (see the module's
/// documentation); `cmp` orders two customers by value, ties broken by id.
fn quintile_scores(n: usize, cmp: impl Fn(usize, usize) -> Ordering) -> Vec<u8> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    let mut scores = vec![3; n];
    if n < 2 {
        return scores;
    }
    let span = (n - 1) as u128;
    for (rank0, &customer) in order.iter().enumerate() {
        let score = (5 * rank0 as u128).div_ceil(span).max(1);
        if let Some(slot) = scores.get_mut(customer) {
            *slot = u8::try_from(score).unwrap_or(MAX_SCORE);
        }
    }
    scores
}

/// Every customer's R, F and M scores, in the order of `records`.
pub fn rfm_scores(records: &[CustomerRecord]) -> Vec<RfmScore> {
    let by = |key: fn(&CustomerRecord) -> f64| {
        move |a: usize, b: usize| match (records.get(a), records.get(b)) {
            (Some(x), Some(y)) => key(x).total_cmp(&key(y)).then_with(|| x.id.cmp(&y.id)),
            _ => Ordering::Equal,
        }
    };
    let n = records.len();
    let days = quintile_scores(n, by(|r| f64::from(r.days_since_last)));
    let orders = quintile_scores(n, by(|r| r.orders as f64));
    let spend = quintile_scores(n, by(|r| r.total));
    days.into_iter()
        .zip(orders)
        .zip(spend)
        .map(|((d, f), m)| RfmScore {
            // Fewest days is the best recency.
            recency: MAX_SCORE + MIN_SCORE - d,
            frequency: f,
            monetary: m,
        })
        .collect()
}

/// The customers' scores and segments under `rules`, and the report.
pub fn rfm_segments(
    records: &[CustomerRecord],
    rules: &RfmRules,
) -> (RfmReport, Vec<RfmAssignment>) {
    let assignments: Vec<RfmAssignment> = rfm_scores(records)
        .into_iter()
        .map(|score| RfmAssignment {
            score,
            segment: rules.segment_of(score.recency, score.fm()),
        })
        .collect();
    let report = RfmReport {
        customers: records.len(),
        rules: rules.clone(),
        problems: rules.problems(),
        uncovered: rules.uncovered(),
        unassigned: assignments.iter().filter(|a| a.segment.is_none()).count(),
        recency: thresholds(
            records,
            &assignments,
            |a| a.score.recency,
            |r| f64::from(r.days_since_last),
        ),
        frequency: thresholds(
            records,
            &assignments,
            |a| a.score.frequency,
            |r| r.orders as f64,
        ),
        monetary: thresholds(records, &assignments, |a| a.score.monetary, |r| r.total),
        grid: grid(rules, &assignments),
        segments: segment_figures(records, &assignments, rules),
    };
    (report, assignments)
}

fn thresholds(
    records: &[CustomerRecord],
    assignments: &[RfmAssignment],
    score: fn(&RfmAssignment) -> u8,
    value: fn(&CustomerRecord) -> f64,
) -> ScoreThresholds {
    let levels = (MIN_SCORE..=MAX_SCORE)
        .map(|level| {
            let values: Vec<f64> = records
                .iter()
                .zip(assignments)
                .filter(|(_, a)| score(a) == level)
                .map(|(r, _)| value(r))
                .collect();
            ScoreLevel {
                score: level,
                customers: values.len(),
                min: values.iter().copied().reduce(f64::min),
                max: values.iter().copied().reduce(f64::max),
            }
        })
        .collect();
    ScoreThresholds { levels }
}

fn grid(rules: &RfmRules, assignments: &[RfmAssignment]) -> Vec<GridCell> {
    rules
        .grid()
        .into_iter()
        .map(|cell| GridCell {
            recency: cell.recency,
            fm: cell.fm,
            customers: assignments
                .iter()
                .filter(|a| a.score.recency == cell.recency && a.score.fm() == cell.fm)
                .count(),
            segment: cell.segment,
        })
        .collect()
}

fn segment_figures(
    records: &[CustomerRecord],
    assignments: &[RfmAssignment],
    rules: &RfmRules,
) -> Vec<SegmentFigures> {
    let all_spend: f64 = records.iter().map(|r| r.total).sum();
    let fraction = |part: f64, whole: f64| if whole > 0.0 { part / whole } else { 0.0 };
    rules
        .segments()
        .into_iter()
        .map(|segment| {
            let members: Vec<&CustomerRecord> = records
                .iter()
                .zip(assignments)
                .filter(|(_, a)| a.segment == Some(segment))
                .map(|(r, _)| r)
                .collect();
            let count = members.len();
            let mean = |value: fn(&CustomerRecord) -> f64| {
                (count > 0).then(|| members.iter().map(|r| value(r)).sum::<f64>() / count as f64)
            };
            let total_spend: f64 = members.iter().map(|r| r.total).sum();
            SegmentFigures {
                segment,
                customers: count,
                share: fraction(count as f64, records.len() as f64),
                mean_days_since_last: mean(|r| f64::from(r.days_since_last)),
                mean_orders: mean(|r| r.orders as f64),
                mean_spend: mean(|r| r.total),
                total_spend,
                revenue_share: fraction(total_spend, all_spend),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten customers: a0 … a9, a_i bought i·10 days ago, ordered i + 1
    /// times and spent 100 − 10i: recency and value fall together.
    fn falling_customers() -> Vec<CustomerRecord> {
        (0..10)
            .map(|i| {
                customer(
                    &format!("a{i}"),
                    10 * i,
                    (i + 1) as u64,
                    f64::from(100 - 10 * i),
                )
            })
            .collect()
    }

    fn customer(id: &str, days: i32, orders: u64, total: f64) -> CustomerRecord {
        CustomerRecord::for_test(id, days, orders, total)
    }

    #[test]
    fn rank_quintiles_match_pandas_qcut_of_rank_first() {
        // pd.qcut(pd.Series(range(1, n + 1)), 5, labels=[1..5]) for n = 2,
        // 5, 7, 11 (worked out with pandas 3.1.1).
        let cases: [(usize, &[u8]); 4] = [
            (2, &[1, 5]),
            (5, &[1, 2, 3, 4, 5]),
            (7, &[1, 1, 2, 3, 4, 5, 5]),
            (11, &[1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        ];
        for (n, want) in cases {
            assert_eq!(quintile_scores(n, |a, b| a.cmp(&b)), want, "n = {n}");
        }
        assert_eq!(quintile_scores(1, |a, b| a.cmp(&b)), [3]);
        assert!(quintile_scores(0, |a, b| a.cmp(&b)).is_empty());
    }

    #[test]
    fn ties_are_split_by_customer_id_and_recency_runs_backwards() {
        // Five customers: everyone ordered once (frequency fully tied), so
        // F follows the ids; c1 bought most recently, so R = 5.
        let records = [
            customer("c3", 30, 1, 30.0),
            customer("c1", 1, 1, 10.0),
            customer("c5", 50, 1, 50.0),
            customer("c2", 20, 1, 20.0),
            customer("c4", 40, 1, 40.0),
        ];
        let scores = rfm_scores(&records);
        let r: Vec<u8> = scores.iter().map(|s| s.recency).collect();
        let f: Vec<u8> = scores.iter().map(|s| s.frequency).collect();
        let m: Vec<u8> = scores.iter().map(|s| s.monetary).collect();
        assert_eq!(r, [3, 5, 1, 4, 2]);
        assert_eq!(f, [3, 1, 5, 2, 4]);
        assert_eq!(m, [3, 1, 5, 2, 4]);
    }

    #[test]
    fn report_counts_segments_cells_and_thresholds_by_hand() {
        let records = falling_customers();
        let (report, assignments) = rfm_segments(&records, &RfmRules::standard());
        // n = 10: ranks 1..10 score 1,1,2,2,3,3,4,4,5,5 (⌈5(r−1)/9⌉).
        let score = |i: usize| assignments[i].score;
        assert_eq!(
            score(0),
            RfmScore {
                recency: 5,
                frequency: 1,
                monetary: 5
            }
        );
        assert_eq!(score(0).fm(), 3);
        assert_eq!(
            score(9),
            RfmScore {
                recency: 1,
                frequency: 5,
                monetary: 1
            }
        );
        // Every customer has F + M = 6, so FM = 3: R 5,4 → Potential
        // loyalists (a0–a3), R 3 → Need attention (a4, a5), R 2,1 → At risk.
        let names: Vec<Option<RfmSegment>> = assignments.iter().map(|a| a.segment).collect();
        use RfmSegment::*;
        assert_eq!(
            names,
            [
                Some(PotentialLoyalists),
                Some(PotentialLoyalists),
                Some(PotentialLoyalists),
                Some(PotentialLoyalists),
                Some(NeedAttention),
                Some(NeedAttention),
                Some(AtRisk),
                Some(AtRisk),
                Some(AtRisk),
                Some(AtRisk),
            ]
        );
        assert_eq!(report.customers, 10);
        assert_eq!(report.unassigned, 0);
        assert_eq!(report.grid.len(), 25);
        let cell = |r: u8, fm: u8| {
            report
                .grid
                .iter()
                .find(|c| c.recency == r && c.fm == fm)
                .copied()
                .unwrap()
        };
        assert_eq!(cell(5, 3).customers, 2);
        assert_eq!(cell(5, 3).segment, Some(PotentialLoyalists));
        assert_eq!(cell(5, 5).customers, 0);
        assert_eq!(cell(5, 5).segment, Some(Champions));
        // Thresholds: R 5 is 0–10 days, F 5 is 9–10 orders, M 1 is 10–20.
        let level = |t: &ScoreThresholds, s: usize| t.levels[s - 1];
        assert_eq!(
            (level(&report.recency, 5).min, level(&report.recency, 5).max),
            (Some(0.0), Some(10.0))
        );
        assert_eq!(
            (
                level(&report.frequency, 5).min,
                level(&report.frequency, 5).max
            ),
            (Some(9.0), Some(10.0))
        );
        assert_eq!(
            (
                level(&report.monetary, 1).min,
                level(&report.monetary, 1).max
            ),
            (Some(10.0), Some(20.0))
        );
        // Potential loyalists: a0–a3 spent 100 + 90 + 80 + 70 = 340 of 550.
        let potential = report
            .segments
            .iter()
            .find(|s| s.segment == PotentialLoyalists)
            .unwrap();
        assert_eq!(potential.customers, 4);
        assert_eq!(potential.share, 0.4);
        assert_eq!(potential.total_spend, 340.0);
        assert_eq!(potential.mean_spend, Some(85.0));
        assert_eq!(potential.mean_days_since_last, Some(15.0));
        assert_eq!(potential.mean_orders, Some(2.5));
        assert!((potential.revenue_share - 340.0 / 550.0).abs() < 1e-15);
        let champions = report
            .segments
            .iter()
            .find(|s| s.segment == Champions)
            .unwrap();
        assert_eq!((champions.customers, champions.mean_spend), (0, None));
        assert_eq!(report.segments.len(), 11);
    }

    #[test]
    fn uncovered_cells_leave_customers_unassigned_without_failing() {
        let records = falling_customers();
        let mut rules = RfmRules::standard();
        rules.rules.retain(|r| r.segment != RfmSegment::AtRisk);
        let (report, assignments) = rfm_segments(&records, &rules);
        assert_eq!(report.unassigned, 4);
        assert_eq!(assignments[9].segment, None);
        assert!(report.uncovered.contains(&(1, 3)));
        assert_eq!(report.segments.len(), 10);
        let (empty, none) = rfm_segments(&[], &rules);
        assert_eq!((empty.customers, none.len()), (0, 0));
        assert!(empty.segments.iter().all(|s| s.share == 0.0));
    }
}
