//! Which columns make the table a transaction log, found from the columns'
//! roles and types so a dropped log shows its customers without a question.

use crate::core::customers::TransactionColumns;
use crate::core::quality::ColumnKind;
use crate::core::relate::names_customer_key;
use crate::core::schema::{role_named_by, ColumnType, Role};

/// The customer, date and value columns, or `None` when one is missing.
/// `names` and `kinds` are in column order.
pub fn suggest_transaction_columns(
    names: &[String],
    kinds: &[ColumnKind],
) -> Option<TransactionColumns> {
    let find = |wanted: &dyn Fn(&ColumnKind) -> bool| kinds.iter().position(wanted);
    let customer = find(&|k| k.role == Role::CustomerId && k.column_type != ColumnType::Empty)
        .or_else(|| find(&|k| k.role == Role::Email))
        .or_else(|| names.iter().position(|n| names_customer_key(n)))?;
    let is_date = |k: &ColumnKind| matches!(k.column_type, ColumnType::Date | ColumnType::DateTime);
    let date = find(&|k| k.role == Role::PurchaseDate && is_date(k)).or_else(|| find(&is_date))?;
    let amounts: Vec<usize> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| k.role == Role::Amount && k.column_type.is_numeric())
        .map(|(i, _)| i)
        .collect();
    // A line total beats a unit price when a log has both.
    let totalled = amounts.iter().copied().find(|&i| {
        names
            .get(i)
            .is_some_and(|n| n.to_lowercase().contains("total"))
    });
    // By name last: a money column with a few unreadable cells may not
    // have been typed as money, and the log reports those cells by row.
    let value = totalled
        .or_else(|| amounts.first().copied())
        .or_else(|| find(&|k| k.role == Role::Revenue && k.column_type.is_numeric()))
        .or_else(|| {
            names
                .iter()
                .position(|n| matches!(role_named_by(n), Some(Role::Amount | Role::Revenue)))
        })
        .filter(|&v| v != customer && v != date)?;
    Some(TransactionColumns {
        customer,
        date,
        value: Some(value),
        invoice: invoice_column(names),
        quantity: None,
        unit_price: None,
    })
}

/// The invoice column, by name: it groups lines into orders and marks
/// cancellations (Online Retail's `C` invoices).
fn invoice_column(names: &[String]) -> Option<usize> {
    names.iter().position(|n| {
        let n = n.to_lowercase();
        n.contains("invoice") || n.contains("order_id") || n == "orderid" || n == "order id"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(column_type: ColumnType, role: Role) -> ColumnKind {
        ColumnKind { column_type, role }
    }

    #[test]
    fn online_retail_uses_its_line_total() {
        let names: Vec<String> = [
            "InvoiceNo",
            "InvoiceDate",
            "UnitPrice",
            "CustomerID",
            "TotalPrice",
        ]
        .map(String::from)
        .to_vec();
        let kinds = [
            kind(ColumnType::Identifier, Role::Other),
            kind(ColumnType::DateTime, Role::PurchaseDate),
            kind(ColumnType::Decimal, Role::Amount),
            kind(ColumnType::Decimal, Role::CustomerId),
            kind(ColumnType::Decimal, Role::Amount),
        ];
        assert_eq!(
            suggest_transaction_columns(&names, &kinds),
            Some(TransactionColumns {
                customer: 3,
                date: 1,
                value: Some(4),
                invoice: Some(0),
                quantity: None,
                unit_price: None,
            })
        );
    }

    #[test]
    fn headers_name_the_columns_when_the_types_are_unsure() {
        let names: Vec<String> = ["invoice", "customer", "date", "amount"]
            .map(String::from)
            .to_vec();
        let kinds = [
            kind(ColumnType::Category, Role::Other),
            kind(ColumnType::Category, Role::Other),
            kind(ColumnType::Date, Role::PurchaseDate),
            kind(ColumnType::Category, Role::Other),
        ];
        assert_eq!(
            suggest_transaction_columns(&names, &kinds),
            Some(TransactionColumns {
                customer: 1,
                date: 2,
                value: Some(3),
                invoice: Some(0),
                quantity: None,
                unit_price: None,
            })
        );
    }

    #[test]
    fn a_customer_table_without_purchases_is_not_a_log() {
        let names: Vec<String> = ["id", "age", "city"].map(String::from).to_vec();
        let kinds = [
            kind(ColumnType::Identifier, Role::CustomerId),
            kind(ColumnType::Integer, Role::Age),
            kind(ColumnType::Category, Role::City),
        ];
        assert_eq!(suggest_transaction_columns(&names, &kinds), None);
    }
}
