//! The most valuable customers (top CLV or monetary share) as a group, for
//! the ideal customer profile.
//!
//! The group is the customers whose value is at least the cut, the value
//! of the k-th highest customer, k = ⌈share × customers with a value⌉.
//! Ties at the cut all go in: two customers worth the same are never told
//! apart by their row order, so the group can be a little larger than the
//! share asked for (the size is reported). If taking the ties would take
//! everyone (a value column that is mostly its minimum, e.g. monetary 0
//! for most), the tied customers all go out instead; if the values are all
//! equal, there is no top group. Customers without a value are in neither.

use serde::{Deserialize, Serialize};

/// The label of the top customers in [`TopValueGroup::labels`].
pub const TOP: usize = 0;
/// The label of everyone else with a value.
pub const REST: usize = 1;

/// A nudge below ⌈share × n⌉ so 0.1 × 200 (20.000000000000004 in binary)
/// asks for 20 customers, not 21.
const SHARE_SLACK: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopValueGroup {
    /// Per customer: [`TOP`], [`REST`], or None without a value.
    pub labels: Vec<Option<usize>>,
    /// The lowest value in the top group.
    pub cut: f64,
    /// ⌈share × customers with a value⌉.
    pub asked: usize,
    pub top: usize,
    pub rest: usize,
    /// Customers without a (finite) value.
    pub missing: usize,
    /// Whether the customers tied at the cut went in (true) or out
    /// (false, when taking them would have taken everyone).
    pub ties_in: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopGroupError {
    /// The share is not strictly between 0 and 1.
    BadShare,
    /// No customer has a value.
    NoValues,
    /// Every customer has the same value: nobody is on top.
    AllEqual,
}

impl std::fmt::Display for TopGroupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TopGroupError::BadShare => write!(f, "the top share must be between 0 and 1"),
            TopGroupError::NoValues => write!(f, "no customer has a value"),
            TopGroupError::AllEqual => write!(f, "every customer has the same value"),
        }
    }
}

/// The top `share` of customers by `values` against everyone else (see
/// the module docs); non-finite values count as missing.
pub fn top_value_group(values: &[Option<f64>], share: f64) -> Result<TopValueGroup, TopGroupError> {
    if !(share > 0.0 && share < 1.0) {
        return Err(TopGroupError::BadShare);
    }
    let value = |v: &Option<f64>| v.filter(|x| x.is_finite());
    let mut sorted: Vec<f64> = values.iter().filter_map(value).collect();
    if sorted.is_empty() {
        return Err(TopGroupError::NoValues);
    }
    sorted.sort_unstable_by(|a, b| b.total_cmp(a));
    let n = sorted.len();
    let asked = ((share * n as f64 - SHARE_SLACK).ceil() as usize).clamp(1, n);
    let at_cut = sorted.get(asked - 1).copied().unwrap_or(f64::NAN);
    let lowest = sorted.last().copied().unwrap_or(f64::NAN);
    if at_cut == sorted.first().copied().unwrap_or(f64::NAN) && at_cut == lowest {
        return Err(TopGroupError::AllEqual);
    }
    // Ties in, unless the cut is the lowest value (then everyone is in).
    let ties_in = at_cut > lowest;
    let in_top = |x: f64| if ties_in { x >= at_cut } else { x > at_cut };
    let labels: Vec<Option<usize>> = values
        .iter()
        .map(|v| value(v).map(|x| if in_top(x) { TOP } else { REST }))
        .collect();
    let top = labels.iter().filter(|l| **l == Some(TOP)).count();
    // With the ties out, the cut is the lowest value still in the group.
    let cut = if ties_in {
        at_cut
    } else {
        // Sorted from the highest: the last value above the cut.
        sorted
            .iter()
            .rev()
            .copied()
            .find(|&x| x > at_cut)
            .unwrap_or(at_cut)
    };
    Ok(TopValueGroup {
        cut,
        asked,
        top,
        rest: n - top,
        missing: values.len() - n,
        ties_in,
        labels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(values: &[f64]) -> Vec<Option<f64>> {
        values.iter().map(|&v| Some(v)).collect()
    }

    #[test]
    fn top_decile_of_twenty() {
        let values = some(&(1..=20).map(f64::from).collect::<Vec<_>>());
        let group = top_value_group(&values, 0.1).unwrap();
        assert_eq!(
            (group.asked, group.top, group.rest, group.cut),
            (2, 2, 18, 19.0)
        );
        assert_eq!(group.labels[19], Some(TOP));
        assert_eq!(group.labels[17], Some(REST));
    }

    #[test]
    fn ties_at_the_cut_go_in_together() {
        // 10 customers, top 20%: the 2nd highest is 8, shared by three.
        let values = some(&[1.0, 2.0, 8.0, 3.0, 8.0, 9.0, 4.0, 8.0, 5.0, 6.0]);
        let group = top_value_group(&values, 0.2).unwrap();
        assert_eq!(
            (group.asked, group.top, group.cut, group.ties_in),
            (2, 4, 8.0, true)
        );
        // The same customers whatever the row order.
        let mut reversed = values.clone();
        reversed.reverse();
        let again = top_value_group(&reversed, 0.2).unwrap();
        let mut back = again.labels.clone();
        back.reverse();
        assert_eq!(back, group.labels);
    }

    #[test]
    fn ties_go_out_when_they_would_take_everyone() {
        // Most customers spent 0: the top 50% cut is 0.
        let values = some(&[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 7.0]);
        let group = top_value_group(&values, 0.5).unwrap();
        assert!(!group.ties_in);
        assert_eq!((group.top, group.rest, group.cut), (2, 6, 3.0));
    }

    #[test]
    fn missing_and_degenerate_values() {
        let values = vec![Some(1.0), None, Some(f64::NAN), Some(5.0), Some(3.0)];
        let group = top_value_group(&values, 0.3).unwrap();
        assert_eq!(group.missing, 2);
        assert_eq!(
            group.labels,
            [Some(REST), None, None, Some(TOP), Some(REST)]
        );
        assert_eq!(top_value_group(&values, 0.0), Err(TopGroupError::BadShare));
        assert_eq!(
            top_value_group(&values, f64::NAN),
            Err(TopGroupError::BadShare)
        );
        assert_eq!(top_value_group(&[None], 0.1), Err(TopGroupError::NoValues));
        assert_eq!(
            top_value_group(&some(&[2.0, 2.0]), 0.1),
            Err(TopGroupError::AllEqual)
        );
        // One customer: nobody to compare with.
        assert_eq!(
            top_value_group(&some(&[2.0]), 0.5),
            Err(TopGroupError::AllEqual)
        );
    }
}
