//! One customer's purchase history in buy-till-you-die terms, and the checks
//! the fits make before trusting it.

use serde::{Deserialize, Serialize};

use super::error::{Field, FitError};

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
}

/// The checks the BG/NBD fit needs (lifetimes' `_check_inputs`, plus
/// finiteness, and whole frequencies: lifetimes silently truncates them).
pub(super) fn check_purchase_histories(customers: &[Observation]) -> Result<(), FitError> {
    if customers.is_empty() {
        return Err(FitError::NoCustomers);
    }
    for (customer, obs) in customers.iter().enumerate() {
        check_frequency(customer, obs.frequency)?;
        check_time(customer, Field::Recency, obs.recency)?;
        check_time(customer, Field::Age, obs.age)?;
        if obs.recency > obs.age {
            return Err(FitError::RecencyAfterAge { customer });
        }
        if obs.frequency == 0.0 && obs.recency != 0.0 {
            return Err(FitError::RecencyWithoutRepeat { customer });
        }
    }
    if !customers.iter().any(Observation::has_repeat_purchases) {
        return Err(FitError::NoRepeatBuyers);
    }
    Ok(())
}

/// The checks the Gamma-Gamma fit needs: a whole frequency and a finite
/// spend for everyone, a positive spend for repeat buyers (its likelihood
/// takes the logarithm of the spend).
pub(super) fn check_spends(customers: &[Observation]) -> Result<(), FitError> {
    if customers.is_empty() {
        return Err(FitError::NoCustomers);
    }
    for (customer, obs) in customers.iter().enumerate() {
        check_frequency(customer, obs.frequency)?;
        if !obs.monetary.is_finite() {
            return Err(FitError::NotFinite {
                customer,
                field: Field::Monetary,
            });
        }
        if obs.has_repeat_purchases() && obs.monetary <= 0.0 {
            return Err(FitError::NonPositiveMonetary { customer });
        }
    }
    if !customers.iter().any(Observation::has_repeat_purchases) {
        return Err(FitError::NoRepeatBuyers);
    }
    Ok(())
}

fn check_frequency(customer: usize, frequency: f64) -> Result<(), FitError> {
    check_time(customer, Field::Frequency, frequency)?;
    if frequency.fract() != 0.0 {
        return Err(FitError::FractionalFrequency { customer });
    }
    Ok(())
}

fn check_time(customer: usize, field: Field, value: f64) -> Result<(), FitError> {
    if !value.is_finite() {
        return Err(FitError::NotFinite { customer, field });
    }
    if value < 0.0 {
        return Err(FitError::Negative { customer, field });
    }
    Ok(())
}
