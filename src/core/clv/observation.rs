//! One customer's purchase history in buy-till-you-die terms, and the checks
//! made before trusting it.

use serde::{Deserialize, Serialize};

use super::error::{Field, FitError, HistoryProblem};

/// A customer's history, in whatever time unit the caller chose (days,
/// weeks); fitted parameters come back in the same unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// x: the number of repeat purchases (purchases after the first).
    pub frequency: f64,
    /// t_x: time from the first purchase to the last one (0 when x = 0).
    pub recency: f64,
    /// T: time from the first purchase to the end of the observation period.
    pub age: f64,
    /// Mean value of the repeat purchases; 0 when x = 0.
    pub monetary: f64,
}

impl Observation {
    pub(super) fn has_repeat_purchases(&self) -> bool {
        self.frequency > 0.0
    }

    /// What the purchase model (BG/NBD) cannot accept in this history:
    /// lifetimes' `_check_inputs`, plus finiteness, and whole frequencies
    /// (lifetimes silently truncates them).
    pub fn purchase_problem(&self) -> Option<HistoryProblem> {
        let problem = frequency_problem(self.frequency)
            .or_else(|| amount_problem(Field::Recency, self.recency))
            .or_else(|| amount_problem(Field::Age, self.age));
        if problem.is_some() {
            problem
        } else if self.recency > self.age {
            Some(HistoryProblem::RecencyAfterAge)
        } else if self.frequency == 0.0 && self.recency != 0.0 {
            Some(HistoryProblem::RecencyWithoutRepeat)
        } else {
            None
        }
    }

    /// What the spend model (Gamma-Gamma) cannot accept: a whole frequency
    /// and a finite spend for everyone, a positive spend for repeat buyers
    /// (its likelihood takes the logarithm of the spend).
    pub fn spend_problem(&self) -> Option<HistoryProblem> {
        frequency_problem(self.frequency).or({
            if !self.monetary.is_finite() {
                Some(HistoryProblem::NotFinite(Field::Monetary))
            } else if self.has_repeat_purchases() && self.monetary <= 0.0 {
                Some(HistoryProblem::NonPositiveMonetary)
            } else {
                None
            }
        })
    }

    /// Either of the above: what stops a lifetime value being predicted.
    pub fn history_problem(&self) -> Option<HistoryProblem> {
        self.purchase_problem().or_else(|| self.spend_problem())
    }
}

/// The first customer with a problem, or no customers, or no repeat buyer.
pub(super) fn check_all(
    customers: &[Observation],
    problem: impl Fn(&Observation) -> Option<HistoryProblem>,
) -> Result<(), FitError> {
    if customers.is_empty() {
        return Err(FitError::NoCustomers);
    }
    if let Some((customer, problem)) = customers
        .iter()
        .enumerate()
        .find_map(|(i, c)| problem(c).map(|p| (i, p)))
    {
        return Err(FitError::BadHistory { customer, problem });
    }
    if !customers.iter().any(Observation::has_repeat_purchases) {
        return Err(FitError::NoRepeatBuyers);
    }
    Ok(())
}

fn frequency_problem(frequency: f64) -> Option<HistoryProblem> {
    amount_problem(Field::Frequency, frequency).or(if frequency.fract() != 0.0 {
        Some(HistoryProblem::FractionalFrequency)
    } else {
        None
    })
}

fn amount_problem(field: Field, value: f64) -> Option<HistoryProblem> {
    if !value.is_finite() {
        Some(HistoryProblem::NotFinite(field))
    } else if value < 0.0 {
        Some(HistoryProblem::Negative(field))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(frequency: f64, recency: f64, age: f64, monetary: f64) -> Observation {
        Observation {
            frequency,
            recency,
            age,
            monetary,
        }
    }

    #[test]
    fn each_problem_is_named() {
        use HistoryProblem::*;
        let cases = [
            (
                history(f64::NAN, 0.0, 1.0, 0.0),
                Some(NotFinite(Field::Frequency)),
            ),
            (history(1.5, 1.0, 2.0, 3.0), Some(FractionalFrequency)),
            (
                history(-1.0, 0.0, 1.0, 0.0),
                Some(Negative(Field::Frequency)),
            ),
            (history(1.0, -1.0, 1.0, 3.0), Some(Negative(Field::Recency))),
            (
                history(1.0, 1.0, f64::INFINITY, 3.0),
                Some(NotFinite(Field::Age)),
            ),
            (history(1.0, 2.0, 1.0, 3.0), Some(RecencyAfterAge)),
            (history(0.0, 1.0, 2.0, 0.0), Some(RecencyWithoutRepeat)),
            (
                history(1.0, 1.0, 2.0, f64::NAN),
                Some(NotFinite(Field::Monetary)),
            ),
            (history(1.0, 1.0, 2.0, 0.0), Some(NonPositiveMonetary)),
            (history(0.0, 0.0, 2.0, 0.0), None),
            (history(2.0, 1.0, 2.0, 9.5), None),
        ];
        for (obs, expected) in cases {
            assert_eq!(obs.history_problem(), expected, "{obs:?}");
        }
        // Each model checks only what it uses.
        assert_eq!(history(1.0, 1.0, 2.0, f64::NAN).purchase_problem(), None);
        assert_eq!(history(1.0, 2.0, 1.0, 3.0).spend_problem(), None);
    }
}
