//! Which columns a segmentation starts from, before the user changes
//! anything: the customer's measures (age, income, spend, frequency,
//! scores…) as numbers, and the few categories that describe who a
//! customer is (gender, city, channel…). Identifiers, contact details and
//! free text are never suggested: they would split customers by accident.

use super::features::{CategoricalOptions, FeatureKind, NumericOptions};
use super::saved::FeatureSetting;
use crate::core::quality::ColumnKind;
use crate::core::schema::{ColumnType, Role};

/// The suggested features of a table with headers `names` and `kinds`.
pub fn suggest_features(names: &[String], kinds: &[ColumnKind]) -> Vec<FeatureSetting> {
    names
        .iter()
        .zip(kinds)
        .filter_map(|(name, kind)| {
            suggested_kind(kind).map(|kind| FeatureSetting {
                column: name.clone(),
                kind,
            })
        })
        .collect()
}

/// How a column of this kind is read when it is suggested at all.
pub fn suggested_kind(kind: &ColumnKind) -> Option<FeatureKind> {
    if is_numeric(kind.column_type) {
        return (!never_a_feature(kind.role)).then(|| {
            FeatureKind::Numeric(NumericOptions {
                log1p: is_money(kind),
                ..NumericOptions::default()
            })
        });
    }
    let describes_who = matches!(
        kind.role,
        Role::Gender
            | Role::City
            | Role::Region
            | Role::Country
            | Role::Channel
            | Role::Device
            | Role::MaritalStatus
            | Role::Education
            | Role::Occupation
    );
    (is_categorical(kind.column_type) && describes_who)
        .then(|| FeatureKind::Categorical(CategoricalOptions::default()))
}

/// Types read as levels (shares per level, one indicator per level).
pub fn is_categorical(column_type: ColumnType) -> bool {
    matches!(column_type, ColumnType::Category | ColumnType::Boolean)
}

/// Types k-means can read as numbers.
pub fn is_numeric(column_type: ColumnType) -> bool {
    matches!(
        column_type,
        ColumnType::Integer | ColumnType::Decimal | ColumnType::Money | ColumnType::Percent
    )
}

/// Money is skewed (a few customers spend most), so its log is what
/// separates customers; the page shows the choice and it can be undone.
fn is_money(kind: &ColumnKind) -> bool {
    kind.column_type == ColumnType::Money
        || matches!(kind.role, Role::Income | Role::Amount | Role::Revenue)
}

fn never_a_feature(role: Role) -> bool {
    matches!(
        role,
        Role::CustomerId | Role::Postcode | Role::Phone | Role::Email | Role::Name
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(column_type: ColumnType, role: Role) -> ColumnKind {
        ColumnKind { column_type, role }
    }

    #[test]
    fn suggests_measures_and_who_the_customer_is() {
        let names = [
            "CustomerID",
            "Gender",
            "Age",
            "Income",
            "Score",
            "Note",
            "Plan",
        ]
        .map(String::from);
        let kinds = [
            kind(ColumnType::Identifier, Role::CustomerId),
            kind(ColumnType::Category, Role::Gender),
            kind(ColumnType::Integer, Role::Age),
            kind(ColumnType::Integer, Role::Income),
            kind(ColumnType::Integer, Role::Other),
            kind(ColumnType::Text, Role::Other),
            kind(ColumnType::Category, Role::Other),
        ];
        let found = suggest_features(&names, &kinds);
        let columns: Vec<&str> = found.iter().map(|f| f.column.as_str()).collect();
        assert_eq!(columns, vec!["Gender", "Age", "Income", "Score"]);
        let income_logged = found.iter().any(|f| {
            f.column == "Income"
                && matches!(
                    f.kind,
                    FeatureKind::Numeric(NumericOptions { log1p: true, .. })
                )
        });
        assert!(income_logged);
        assert!(matches!(
            found.first().map(|f| f.kind),
            Some(FeatureKind::Categorical(_))
        ));
    }

    #[test]
    fn a_numeric_id_is_never_suggested() {
        let names = ["id".to_string()];
        let kinds = [kind(ColumnType::Integer, Role::CustomerId)];
        assert!(suggest_features(&names, &kinds).is_empty());
    }
}
