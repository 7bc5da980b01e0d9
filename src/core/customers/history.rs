//! One customer's lines folded into running figures, in day order.

use rustc_hash::FxHashSet;

use super::period::TimeUnit;
use super::Transaction;

/// Distinct orders among some lines: distinct invoice ids, plus every line
/// without one (an order of its own).
#[derive(Debug, Default)]
pub(super) struct OrderCount {
    invoices: FxHashSet<u32>,
    unnamed: u64,
}

impl OrderCount {
    fn add(&mut self, order: Option<u32>) {
        match order {
            Some(id) => {
                self.invoices.insert(id);
            }
            None => self.unnamed += 1,
        }
    }

    pub fn count(&self) -> u64 {
        self.invoices.len() as u64 + self.unnamed
    }

    fn clear(&mut self) {
        self.invoices.clear();
        self.unnamed = 0;
    }
}

/// The purchase figures so far (made at the first purchase).
#[derive(Debug, Default)]
pub(super) struct Purchases {
    pub first_day: i32,
    pub last_day: i32,
    pub distinct_days: u64,
    pub lines: u64,
    pub orders: OrderCount,
    pub total: f64,
    pub first_period: i32,
    pub last_period: i32,
    /// Purchase periods so far, the first included.
    pub periods: u64,
    /// The value of the period `last_period`, still open.
    open_period_value: f64,
    /// Sum of the closed repeat periods' values (the first period left out,
    /// as lifetimes leaves it out of monetary value).
    repeat_value: f64,
}

impl Purchases {
    /// Mean value of the repeat purchase periods, 0 with none (lifetimes'
    /// `monetary_value`).
    pub fn monetary(&self) -> f64 {
        let repeats = self.periods.saturating_sub(1);
        if repeats == 0 {
            return 0.0;
        }
        let open = if self.last_period == self.first_period {
            0.0
        } else {
            self.open_period_value
        };
        (self.repeat_value + open) / repeats as f64
    }

    /// Mean days between distinct purchase days; `None` with one.
    pub fn mean_interval_days(&self) -> Option<f64> {
        let gaps = self.distinct_days.checked_sub(1).filter(|&g| g > 0)?;
        Some(f64::from(self.last_day.saturating_sub(self.first_day)) / gaps as f64)
    }
}

/// A customer's lines so far, split into purchases and returns.
#[derive(Debug, Default)]
pub(super) struct History {
    pub purchases: Option<Purchases>,
    pub returns: OrderCount,
    pub return_lines: u64,
    /// Money given back: the sum of the return lines' values without sign.
    pub returned_value: f64,
}

impl History {
    /// Forget the previous customer, keeping allocations.
    pub fn clear(&mut self) {
        self.purchases = None;
        self.returns.clear();
        self.return_lines = 0;
        self.returned_value = 0.0;
    }

    /// Add one line; lines must come in day order.
    pub fn add(&mut self, line: &Transaction, unit: TimeUnit) {
        if line.is_return {
            self.returns.add(line.order);
            self.return_lines += 1;
            self.returned_value += line.value.abs();
            return;
        }
        let period = unit.period_of(line.day);
        let purchases = self.purchases.get_or_insert_with(|| Purchases {
            first_day: line.day,
            last_day: line.day,
            distinct_days: 1,
            first_period: period,
            last_period: period,
            periods: 1,
            ..Purchases::default()
        });
        if line.day != purchases.last_day {
            purchases.distinct_days += 1;
            purchases.last_day = line.day;
        }
        if period != purchases.last_period {
            if purchases.last_period != purchases.first_period {
                purchases.repeat_value += purchases.open_period_value;
            }
            purchases.open_period_value = 0.0;
            purchases.periods += 1;
            purchases.last_period = period;
        }
        purchases.open_period_value += line.value;
        purchases.lines += 1;
        purchases.total += line.value;
        purchases.orders.add(line.order);
    }
}
