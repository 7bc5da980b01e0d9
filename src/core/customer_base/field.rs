//! The columns of the customers table: what can be sorted and filtered.

use serde::{Deserialize, Serialize};

use super::CustomerRecord;
use crate::core::calendar::iso_date;
use crate::core::i18n::{format_count, format_decimal, localize_digits, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerField {
    Id,
    FirstPurchase,
    LastPurchase,
    DaysSinceLast,
    Orders,
    Total,
    AverageOrder,
    Frequency,
    Recency,
    Age,
    Monetary,
    MeanInterval,
    Returns,
    PAlive,
    ChurnRisk,
    ExpectedPurchases,
    PredictedValue,
}

impl CustomerField {
    /// In the order the table shows them.
    pub const ALL: [CustomerField; 17] = [
        CustomerField::Id,
        CustomerField::FirstPurchase,
        CustomerField::LastPurchase,
        CustomerField::DaysSinceLast,
        CustomerField::Orders,
        CustomerField::Total,
        CustomerField::AverageOrder,
        CustomerField::Frequency,
        CustomerField::Recency,
        CustomerField::Age,
        CustomerField::Monetary,
        CustomerField::MeanInterval,
        CustomerField::Returns,
        CustomerField::PAlive,
        CustomerField::ChurnRisk,
        CustomerField::ExpectedPurchases,
        CustomerField::PredictedValue,
    ];

    /// The translation key of the column's header.
    pub fn key(self) -> &'static str {
        match self {
            CustomerField::Id => "customers.field.id",
            CustomerField::FirstPurchase => "customers.field.first_purchase",
            CustomerField::LastPurchase => "customers.field.last_purchase",
            CustomerField::DaysSinceLast => "customers.field.days_since_last",
            CustomerField::Orders => "customers.field.orders",
            CustomerField::Total => "customers.field.total",
            CustomerField::AverageOrder => "customers.field.average_order",
            CustomerField::Frequency => "customers.field.frequency",
            CustomerField::Recency => "customers.field.recency",
            CustomerField::Age => "customers.field.age",
            CustomerField::Monetary => "customers.field.monetary",
            CustomerField::MeanInterval => "customers.field.mean_interval",
            CustomerField::Returns => "customers.field.returns",
            CustomerField::PAlive => "customers.field.p_alive",
            CustomerField::ChurnRisk => "customers.field.churn_risk",
            CustomerField::ExpectedPurchases => "customers.field.expected_purchases",
            CustomerField::PredictedValue => "customers.field.predicted_value",
        }
    }

    /// The figure as a number (days for dates), `None` when unknown. The
    /// id has no number: it sorts as text.
    pub fn number(self, c: &CustomerRecord) -> Option<f64> {
        match self {
            CustomerField::Id => None,
            CustomerField::FirstPurchase => Some(f64::from(c.first_day)),
            CustomerField::LastPurchase => Some(f64::from(c.last_day)),
            CustomerField::DaysSinceLast => Some(f64::from(c.days_since_last)),
            CustomerField::Orders => Some(c.orders as f64),
            CustomerField::Total => Some(c.total),
            CustomerField::AverageOrder => Some(c.average_order),
            CustomerField::Frequency => Some(c.frequency),
            CustomerField::Recency => Some(c.recency),
            CustomerField::Age => Some(c.age),
            CustomerField::Monetary => Some(c.monetary),
            CustomerField::MeanInterval => c.mean_interval_days,
            CustomerField::Returns => Some(c.returns as f64),
            CustomerField::PAlive => c.p_alive,
            CustomerField::ChurnRisk => c.churn_risk(),
            CustomerField::ExpectedPurchases => c.expected_purchases,
            CustomerField::PredictedValue => c.predicted_value,
        }
    }

    /// Whether the figure comes from the fitted models (absent without).
    pub fn needs_model(self) -> bool {
        matches!(
            self,
            CustomerField::PAlive
                | CustomerField::ChurnRisk
                | CustomerField::ExpectedPurchases
                | CustomerField::PredictedValue
        )
    }

    /// The figure as the table writes it, in the language's digits; "—"
    /// when unknown.
    pub fn display(self, c: &CustomerRecord, lang: Lang) -> String {
        let Some(value) = self.number(c) else {
            return match self {
                CustomerField::Id => c.id.clone(),
                _ => "—".to_string(),
            };
        };
        match self {
            CustomerField::FirstPurchase | CustomerField::LastPurchase => {
                localize_digits(&iso_date(value as i32), lang)
            }
            CustomerField::DaysSinceLast | CustomerField::Orders | CustomerField::Returns => {
                format_count(value.max(0.0) as u64, lang)
            }
            CustomerField::PAlive | CustomerField::ChurnRisk => {
                format!("{}%", format_decimal(100.0 * value, 0, lang))
            }
            // Whole periods (lifetimes counts weeks between week starts).
            CustomerField::MeanInterval
            | CustomerField::Frequency
            | CustomerField::Recency
            | CustomerField::Age => format_decimal(value, 0, lang),
            _ => format_decimal(value, 2, lang),
        }
    }

    /// Whether the figure is a calendar day.
    pub fn is_day(self) -> bool {
        matches!(
            self,
            CustomerField::FirstPurchase | CustomerField::LastPurchase
        )
    }
}
