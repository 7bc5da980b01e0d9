//! The transactions of a table: who, which day, how much, which order, and
//! whether the line is a return.

use serde::{Deserialize, Serialize};

use super::columns::{ChosenColumns, ColumnsError, TransactionColumns, ValueSource};
use super::intern::Interner;
use super::line_order::by_customer_then_day;
use super::log_report::LogReport;
use super::returns::{is_return, ReturnSignals};
use crate::core::calendar::{decide_order, DayReader};
use crate::core::pause::{finish_now, NoPause, Pause, Phase, Reached};
use crate::core::schema::{is_missing, parse_measure, DateOrder};
use crate::core::table::{Table, TextColumn};

/// One line of the log.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Transaction {
    /// Index into [`TransactionLog::customers`].
    pub customer: u32,
    /// Day number (see `core::calendar`).
    pub day: i32,
    /// The line's value as read: returns are usually negative.
    pub value: f64,
    /// The order (invoice) the line belongs to, as a small id; `None` when
    /// there is no invoice column or the cell is blank: the line is an
    /// order of its own.
    pub order: Option<u32>,
    /// A return or cancellation (see `customers::returns` for the rule).
    pub is_return: bool,
}

/// The usable transactions and what happened to every other row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransactionLog {
    /// Distinct customer ids (trimmed), sorted, so that ordering by index is
    /// ordering by id.
    pub customers: Vec<String>,
    /// Sorted by customer then day; lines of one day stay in file order.
    pub transactions: Vec<Transaction>,
    pub report: LogReport,
    /// How the date column's `a/b/yyyy` dates were read (decided once from
    /// the whole column), so rows read again later read the same way.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
}

impl TransactionLog {
    /// The id of the customer at `index`.
    pub fn customer_id(&self, index: u32) -> Option<&str> {
        self.customers.get(index as usize).map(String::as_str)
    }

    /// The last day of any line, purchase or return.
    pub fn last_day(&self) -> Option<i32> {
        self.transactions.iter().map(|t| t.day).max()
    }
}

/// Read every row as a transaction. Rows without a customer are counted as
/// orphans with their value; rows without a readable date or value are
/// counted with their row numbers; nothing is guessed.
pub fn transactions_from_table(
    table: &Table,
    columns: TransactionColumns,
) -> Result<TransactionLog, ColumnsError> {
    let Ok(log) = finish_now(read_transactions_pausing(table, columns, &mut NoPause));
    log
}

/// Rows read between two pauses.
const ROWS_PER_PAUSE: usize = 1 << 16;

/// Rows read in one go, a divisor of [`ROWS_PER_PAUSE`]: every row's cells
/// first, then the ids of the chunk's customers and invoices one after
/// another (see [`LogBuilder::keep`]).
const ROWS_PER_CHUNK: usize = 1 << 12;

/// [`transactions_from_table`], reaching `pause` every 65,536 rows.
pub async fn read_transactions_pausing<P: Pause>(
    table: &Table,
    columns: TransactionColumns,
    pause: &mut P,
) -> Result<Result<TransactionLog, ColumnsError>, P::Stop> {
    let chosen = match columns.resolve(table) {
        Ok(chosen) => chosen,
        Err(problem) => return Ok(Err(problem)),
    };
    let order = decide_order(chosen.date.iter());
    let mut log = LogBuilder::new(DayReader::new(order));
    let mut chunk = Vec::with_capacity(ROWS_PER_CHUNK);
    let rows = table.row_count();
    for start in (0..rows).step_by(ROWS_PER_CHUNK) {
        if start % ROWS_PER_PAUSE == 0 && start > 0 {
            let at = Reached {
                phase: Phase::ReadingLog,
                done: start as u64,
                total: rows as u64,
            };
            pause.reached(at).await?;
        }
        let end = rows.min(start.saturating_add(ROWS_PER_CHUNK));
        chunk.extend((start..end).filter_map(|row| log.read_row(&chosen, row)));
        for row in chunk.drain(..) {
            log.keep(row);
        }
    }
    Ok(Ok(log.finish(order)))
}

/// A row with a customer and a date, as its cells read.
enum RowRead<'t> {
    /// Every cell read: the row becomes a transaction once its customer
    /// and invoice have ids.
    Line(ReadLine<'t>),
    /// A money cell that is not a number (reported with the rows whose ids
    /// run out, in row order).
    BadValue(usize),
}

/// A readable line waiting for its ids.
struct ReadLine<'t> {
    row: usize,
    customer: &'t str,
    invoice: Option<&'t str>,
    day: i32,
    value: f64,
    is_return: bool,
}

/// The log as it is read.
struct LogBuilder<'t> {
    days: DayReader<'t>,
    customers: Interner<'t>,
    orders: Interner<'t>,
    report: LogReport,
    transactions: Vec<Transaction>,
}

impl<'t> LogBuilder<'t> {
    fn new(days: DayReader<'t>) -> LogBuilder<'t> {
        LogBuilder {
            days,
            customers: Interner::default(),
            orders: Interner::default(),
            report: LogReport::default(),
            transactions: Vec::new(),
        }
    }

    /// The cells of `row`; an orphan or a row without a date is reported
    /// here and read no further.
    fn read_row(&mut self, chosen: &ChosenColumns<'t>, row: usize) -> Option<RowRead<'t>> {
        let report = &mut self.report;
        report.rows += 1;
        let customer = cell(chosen.customer, row).trim();
        if is_missing(customer) {
            report.orphans.add(row);
            match read_line(chosen, row) {
                Some(line) => report.orphan_value += line.value,
                None => report.orphan_unreadable_values += 1,
            }
            return None;
        }
        let Some(day) = self.days.day(cell(chosen.date, row)) else {
            report.bad_date.add(row);
            return None;
        };
        let Some(line) = read_line(chosen, row) else {
            return Some(RowRead::BadValue(row));
        };
        let is_return = is_return(ReturnSignals {
            value: line.value,
            quantity: line.quantity,
            invoice: line.invoice,
        });
        Some(RowRead::Line(ReadLine {
            row,
            customer,
            invoice: line.invoice,
            day,
            value: line.value,
            is_return,
        }))
    }

    /// A read row as a transaction, or as a bad value.
    ///
    /// Why rows are read a chunk at a time before this: looking a name up
    /// in a table of a million names waits on memory, some hundred
    /// nanoseconds a lookup. Running the lookups one after another in this
    /// short loop, the processor starts the next ones while it waits and
    /// waits on several at once; with a row's parsing in between, it waited
    /// on each alone (the generator's 4 M-line log, no invoices, read in
    /// 1.8 s that way, 0.9 s this way).
    fn keep(&mut self, read: RowRead<'t>) {
        let line = match read {
            RowRead::Line(line) => line,
            RowRead::BadValue(row) => return self.report.bad_value.add(row),
        };
        let (Some(customer), Some(order)) = (
            self.customers.id(line.customer),
            order_id(&mut self.orders, line.invoice),
        ) else {
            // Past four billion distinct ids: not a table this app can hold.
            return self.report.bad_value.add(line.row);
        };
        self.report.used += 1;
        self.report.return_lines += usize::from(line.is_return);
        self.transactions.push(Transaction {
            customer,
            day: line.day,
            value: line.value,
            order,
            is_return: line.is_return,
        });
    }

    /// The log, customers numbered in the order of their ids and lines
    /// sorted by customer then day.
    fn finish(self, order: Option<DateOrder>) -> TransactionLog {
        let LogBuilder {
            customers,
            orders,
            report,
            mut transactions,
            ..
        } = self;
        // The invoices' table (a 4 M-invoice log's is 0.26 GB) is not
        // needed to sort.
        drop(orders);
        let (names, rank) = customers.into_sorted();
        for transaction in &mut transactions {
            transaction.customer = rank
                .get(transaction.customer as usize)
                .copied()
                .unwrap_or(transaction.customer);
        }
        TransactionLog {
            customers: names,
            transactions: by_customer_then_day(transactions),
            report,
            date_order: order,
        }
    }
}

/// A cell; past the end of a column shorter than the table (only in
/// hand-built tables) it reads as blank.
fn cell(column: &TextColumn, row: usize) -> &str {
    column.get(row).unwrap_or("")
}

/// The money and return signals of one row.
struct Line<'t> {
    value: f64,
    quantity: Option<f64>,
    invoice: Option<&'t str>,
}

/// The row's value (read, or quantity × unit price) and quantity; `None`
/// when a chosen money column does not hold a number.
fn read_line<'t>(chosen: &ChosenColumns<'t>, row: usize) -> Option<Line<'t>> {
    let number = |cell: &str| parse_measure(cell).filter(|n| n.is_finite());
    let quantity = match chosen.quantity {
        Some(column) => Some(number(cell(column, row))?),
        None => None,
    };
    let value = match chosen.value {
        ValueSource::Value(column) => number(cell(column, row))?,
        ValueSource::QuantityTimesPrice {
            quantity,
            unit_price,
        } => number(cell(quantity, row))? * number(cell(unit_price, row))?,
    };
    let invoice = chosen
        .invoice
        .map(|column| cell(column, row).trim())
        .filter(|invoice| !is_missing(invoice));
    Some(Line {
        value,
        quantity,
        invoice,
    })
}

/// The order id of a line's invoice; `Some(None)` for a line without one.
fn order_id<'t>(orders: &mut Interner<'t>, invoice: Option<&'t str>) -> Option<Option<u32>> {
    match invoice {
        Some(invoice) => orders.id(invoice).map(Some),
        None => Some(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::day_number;
    use crate::core::customers::ColumnPart;
    use crate::core::table::Table;

    fn columns(customer: usize, date: usize, value: usize) -> TransactionColumns {
        TransactionColumns {
            customer,
            date,
            value: Some(value),
            ..TransactionColumns::default()
        }
    }

    fn read(table: &Table, columns: TransactionColumns) -> TransactionLog {
        transactions_from_table(table, columns).unwrap_or_default()
    }

    #[test]
    fn customers_are_interned_and_lines_sorted_by_id_then_day() {
        let t = Table::from_rows(
            &["customer", "date", "value"],
            &[
                &[" b ", "2024-01-03", "1"],
                &["a", "2024-01-05", "2"],
                &["b", "2024-01-01", "3"],
                &["a", "2024-01-02", "4"],
            ],
        );
        let log = read(&t, columns(0, 1, 2));
        assert_eq!(log.customers, ["a", "b"]);
        let lines: Vec<_> = log
            .transactions
            .iter()
            .map(|t| (log.customer_id(t.customer), t.value))
            .collect();
        assert_eq!(
            lines,
            [
                (Some("a"), 4.0),
                (Some("a"), 2.0),
                (Some("b"), 3.0),
                (Some("b"), 1.0)
            ]
        );
        assert_eq!(log.last_day(), day_number(2024, 1, 5));
        assert_eq!((log.report.rows, log.report.used), (4, 4));
    }

    #[test]
    fn orphans_bad_dates_and_bad_values_are_counted_with_their_rows() {
        let t = Table::from_rows(
            &["customer", "date", "value"],
            &[
                &["a", "2024-01-01", "10"],
                &["", "2024-01-01", "5"],
                &["N/A", "2024-01-02", "-2"],
                &["  ", "2024-01-02", "oops"],
                &["a", "soon", "1"],
                &["a", "2024-01-03", ""],
                &["b", "", "x"],
                &["b", "2024-01-04", "$12.50"],
            ],
        );
        let log = read(&t, columns(0, 1, 2));
        let r = &log.report;
        assert_eq!((r.rows, r.used), (8, 2));
        assert_eq!(r.orphans.count, 3);
        assert_eq!(r.orphans.first_rows, [2, 3, 4]);
        assert_eq!(r.orphan_value, 3.0);
        assert_eq!(r.orphan_unreadable_values, 1);
        // A row with no date and no value is counted once, for its date.
        assert_eq!(
            (r.bad_date.count, r.bad_date.first_rows.clone()),
            (2, vec![5, 7])
        );
        assert_eq!(
            (r.bad_value.count, r.bad_value.first_rows.clone()),
            (1, vec![6])
        );
        assert_eq!(log.transactions.len(), 2);
        assert_eq!(log.transactions.get(1).map(|t| t.value), Some(12.5));
    }

    #[test]
    fn a_log_of_orphans_has_no_customers_but_keeps_its_money() {
        let t = Table::from_rows(
            &["customer", "date", "value"],
            &[&["", "2024-01-01", "5"], &["", "2024-01-02", "7.5"]],
        );
        let log = read(&t, columns(0, 1, 2));
        assert!(log.customers.is_empty() && log.transactions.is_empty());
        assert_eq!(
            (log.report.orphans.count, log.report.orphan_value),
            (2, 12.5)
        );
        assert_eq!(log.last_day(), None);
    }

    #[test]
    fn returns_by_value_quantity_or_c_invoice() {
        let t = Table::from_rows(
            &[
                "InvoiceNo",
                "Quantity",
                "UnitPrice",
                "CustomerID",
                "InvoiceDate",
            ],
            &[
                &["536365", "6", "2.55", "17850", "12/1/10 8:26"],
                &["C536379", "-1", "27.5", "17850", "12/1/10 9:41"],
                &["536380", "-2", "1", "17850", "12/1/10 9:45"],
                &["536381", "3", "-0.5", "17850", "12/1/10 9:50"],
                &["536382", "0", "1", "17850", "12/1/10 9:55"],
            ],
        );
        let log = read(
            &t,
            TransactionColumns {
                customer: 3,
                date: 4,
                value: None,
                invoice: Some(0),
                quantity: Some(1),
                unit_price: Some(2),
            },
        );
        let flags: Vec<_> = log.transactions.iter().map(|t| t.is_return).collect();
        assert_eq!(flags, [false, true, true, true, false]);
        let values: Vec<_> = log.transactions.iter().map(|t| t.value).collect();
        assert_eq!(values, [6.0 * 2.55, -27.5, -2.0, -1.5, 0.0]);
        assert_eq!(log.report.return_lines, 3);
        assert_eq!(
            log.transactions.first().map(|t| t.day),
            day_number(2010, 12, 1)
        );
    }

    #[test]
    fn lines_of_one_invoice_share_an_order_and_blank_invoices_stand_alone() {
        let t = Table::from_rows(
            &["invoice", "customer", "date", "value"],
            &[
                &["A1", "c", "2024-01-01", "1"],
                &["A1", "c", "2024-01-01", "2"],
                &["", "c", "2024-01-01", "3"],
                &["A2", "c", "2024-01-02", "4"],
            ],
        );
        let log = read(
            &t,
            TransactionColumns {
                invoice: Some(0),
                ..columns(1, 2, 3)
            },
        );
        let orders: Vec<_> = log.transactions.iter().map(|t| t.order).collect();
        assert_eq!(orders, [Some(0), Some(0), None, Some(1)]);
    }

    #[test]
    fn a_quantity_that_is_not_a_number_leaves_the_row_out() {
        let t = Table::from_rows(
            &["customer", "date", "value", "qty"],
            &[
                &["a", "2024-01-01", "5", "two"],
                &["a", "2024-01-01", "5", "2"],
            ],
        );
        let log = read(
            &t,
            TransactionColumns {
                quantity: Some(3),
                ..columns(0, 1, 2)
            },
        );
        assert_eq!(log.report.bad_value.first_rows, [1]);
        assert_eq!(log.report.used, 1);
    }

    #[test]
    fn columns_that_cannot_make_a_log_are_named() {
        let t = Table::from_rows(&["customer", "date", "value"], &[&["a", "2024-01-01", "1"]]);
        assert_eq!(
            transactions_from_table(&t, columns(0, 7, 2)),
            Err(ColumnsError::NoSuchColumn {
                part: ColumnPart::Date,
                index: 7,
                columns: 3
            })
        );
        let no_value = TransactionColumns {
            customer: 0,
            date: 1,
            quantity: Some(2),
            ..TransactionColumns::default()
        };
        assert_eq!(
            transactions_from_table(&t, no_value),
            Err(ColumnsError::NoValue)
        );
    }
}
