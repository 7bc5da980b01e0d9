//! Which columns of a table make a transaction log, checked against the table.

use serde::{Deserialize, Serialize};

use crate::core::table::{Table, TextColumn};

/// Which columns hold the customer, the date and the money, by index.
///
/// The value of a line is the `value` column when there is one, else
/// `quantity` × `unit_price` (Online Retail gives both; many shop exports
/// give only the two). `invoice` groups lines into orders and marks
/// cancellations; `quantity` also marks returns when it is negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TransactionColumns {
    pub customer: usize,
    pub date: usize,
    #[serde(default)]
    pub value: Option<usize>,
    #[serde(default)]
    pub invoice: Option<usize>,
    #[serde(default)]
    pub quantity: Option<usize>,
    #[serde(default)]
    pub unit_price: Option<usize>,
}

/// The part a column plays in a transaction log (to name it in an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnPart {
    Customer,
    Date,
    Value,
    Invoice,
    Quantity,
    UnitPrice,
}

/// Columns that cannot make a transaction log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ColumnsError {
    /// The column chosen for `part` is not in the table.
    NoSuchColumn {
        part: ColumnPart,
        index: usize,
        columns: usize,
    },
    /// Neither a value column nor both quantity and unit price.
    NoValue,
}

/// Where a line's value comes from.
pub(super) enum ValueSource<'t> {
    Value(&'t TextColumn),
    QuantityTimesPrice {
        quantity: &'t TextColumn,
        unit_price: &'t TextColumn,
    },
}

/// The chosen columns' cells.
pub(super) struct ChosenColumns<'t> {
    pub customer: &'t TextColumn,
    pub date: &'t TextColumn,
    pub value: ValueSource<'t>,
    pub invoice: Option<&'t TextColumn>,
    pub quantity: Option<&'t TextColumn>,
}

impl TransactionColumns {
    /// The cells of every chosen column, or what is wrong with the choice.
    pub(super) fn resolve<'t>(&self, table: &'t Table) -> Result<ChosenColumns<'t>, ColumnsError> {
        let get =
            |part: ColumnPart, index: usize| {
                table.columns.get(index).map(|column| &column.cells).ok_or(
                    ColumnsError::NoSuchColumn {
                        part,
                        index,
                        columns: table.column_count(),
                    },
                )
            };
        let optional =
            |part: ColumnPart, index: Option<usize>| index.map(|i| get(part, i)).transpose();
        let customer = get(ColumnPart::Customer, self.customer)?;
        let date = get(ColumnPart::Date, self.date)?;
        let value = optional(ColumnPart::Value, self.value)?;
        let invoice = optional(ColumnPart::Invoice, self.invoice)?;
        let quantity = optional(ColumnPart::Quantity, self.quantity)?;
        let unit_price = optional(ColumnPart::UnitPrice, self.unit_price)?;
        let value = match (value, quantity, unit_price) {
            (Some(value), _, _) => ValueSource::Value(value),
            (None, Some(quantity), Some(unit_price)) => ValueSource::QuantityTimesPrice {
                quantity,
                unit_price,
            },
            (None, _, _) => return Err(ColumnsError::NoValue),
        };
        Ok(ChosenColumns {
            customer,
            date,
            value,
            invoice,
            quantity,
        })
    }
}
