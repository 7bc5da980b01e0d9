//! Which customers the table shows, in which order: a search over ids,
//! ranges on any figure, and a sort by any column.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{CustomerField, CustomerRecord};

/// Keep customers whose `field` lies within `min..=max` (either bound may
/// be open). A customer without the figure (e.g. no model) is left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldRange {
    pub field: CustomerField,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerQuery {
    /// Part of the customer id, any case; empty keeps everyone.
    pub search: String,
    pub ranges: Vec<FieldRange>,
    pub sort_by: CustomerField,
    pub descending: bool,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        CustomerQuery {
            search: String::new(),
            ranges: Vec::new(),
            sort_by: CustomerField::Id,
            descending: false,
        }
    }
}

/// Indices of the customers `query` keeps, in its order. Ties keep id
/// order, so the same query always lists the same way.
pub fn select(customers: &[CustomerRecord], query: &CustomerQuery) -> Vec<usize> {
    let needle = query.search.trim().to_lowercase();
    let mut kept: Vec<usize> = customers
        .iter()
        .enumerate()
        .filter(|(_, c)| needle.is_empty() || c.id.to_lowercase().contains(&needle))
        .filter(|(_, c)| query.ranges.iter().all(|r| within(c, r)))
        .map(|(i, _)| i)
        .collect();
    kept.sort_by(|&a, &b| match (customers.get(a), customers.get(b)) {
        (Some(x), Some(y)) => order(x, y, query.sort_by, query.descending),
        _ => Ordering::Equal,
    });
    kept
}

fn within(customer: &CustomerRecord, range: &FieldRange) -> bool {
    let Some(value) = range.field.number(customer) else {
        return false;
    };
    range.min.is_none_or(|min| value >= min) && range.max.is_none_or(|max| value <= max)
}

/// Unknown figures go last whichever the direction.
fn order(
    a: &CustomerRecord,
    b: &CustomerRecord,
    field: CustomerField,
    descending: bool,
) -> Ordering {
    let by_field = if field == CustomerField::Id {
        compare_ids(&a.id, &b.id)
    } else {
        match (field.number(a), field.number(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => return Ordering::Less,
            (None, Some(_)) => return Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    };
    let by_field = if descending {
        by_field.reverse()
    } else {
        by_field
    };
    by_field.then_with(|| compare_ids(&a.id, &b.id))
}

/// Ids that are both whole numbers compare as numbers (9 before 10), others
/// as text.
pub fn compare_ids(a: &str, b: &str) -> Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        _ => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(id: &str, total: f64, p_alive: Option<f64>) -> CustomerRecord {
        CustomerRecord {
            id: id.into(),
            first_day: 0,
            last_day: 0,
            orders: 1,
            total,
            average_order: total,
            frequency: 0.0,
            recency: 0.0,
            age: 0.0,
            monetary: 0.0,
            days_since_last: 0,
            mean_interval_days: None,
            returns: 0,
            returned_value: 0.0,
            p_alive,
            expected_purchases: None,
            predicted_value: None,
        }
    }

    fn ids(customers: &[CustomerRecord], query: &CustomerQuery) -> Vec<String> {
        select(customers, query)
            .into_iter()
            .map(|i| customers[i].id.clone())
            .collect()
    }

    #[test]
    fn numeric_ids_sort_as_numbers_and_ties_keep_id_order() {
        let base = [
            customer("10", 5.0, None),
            customer("9", 5.0, None),
            customer("A7", 1.0, None),
        ];
        assert_eq!(ids(&base, &CustomerQuery::default()), ["9", "10", "A7"]);
        let by_total = CustomerQuery {
            sort_by: CustomerField::Total,
            descending: true,
            ..CustomerQuery::default()
        };
        assert_eq!(ids(&base, &by_total), ["9", "10", "A7"]);
    }

    #[test]
    fn search_and_ranges_narrow_and_unknown_figures_sort_last() {
        let base = [
            customer("ab-1", 50.0, Some(0.9)),
            customer("AB-2", 150.0, None),
            customer("cd-3", 250.0, Some(0.2)),
        ];
        let search = CustomerQuery {
            search: " ab".into(),
            ..CustomerQuery::default()
        };
        assert_eq!(ids(&base, &search), ["AB-2", "ab-1"]);
        let range = CustomerQuery {
            ranges: vec![FieldRange {
                field: CustomerField::Total,
                min: Some(100.0),
                max: None,
            }],
            ..CustomerQuery::default()
        };
        assert_eq!(ids(&base, &range), ["AB-2", "cd-3"]);
        for descending in [false, true] {
            let by_alive = CustomerQuery {
                sort_by: CustomerField::PAlive,
                descending,
                ..CustomerQuery::default()
            };
            assert_eq!(
                ids(&base, &by_alive).last().map(String::as_str),
                Some("AB-2")
            );
        }
        let risky = CustomerQuery {
            ranges: vec![FieldRange {
                field: CustomerField::ChurnRisk,
                min: Some(0.5),
                max: None,
            }],
            ..CustomerQuery::default()
        };
        assert_eq!(ids(&base, &risky), ["cd-3"]);
    }
}
