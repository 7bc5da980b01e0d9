//! What the model tests share: FHL's published CDNOW estimates, a
//! customer without spend, and a check of a gradient.

use super::{BgNbdParams, Observation};

/// The CDNOW estimates published in FHL 2005.
pub const CDNOW: BgNbdParams = BgNbdParams {
    r: 0.243,
    alpha: 4.414,
    a: 0.793,
    b: 2.426,
};

pub fn customer(frequency: f64, recency: f64, age: f64) -> Observation {
    Observation {
        frequency,
        recency,
        age,
        monetary: 0.0,
    }
}

/// Assert that `gradient` is the slope of `likelihood` at `at`, parameter
/// by parameter, by central differences of the likelihood itself: an
/// independent check of every derivative formula.
pub fn assert_slopes<const N: usize>(
    at: [f64; N],
    gradient: [f64; N],
    likelihood: impl Fn([f64; N]) -> f64,
) {
    let h = 1e-6;
    let nudged = |i: usize, by: f64| {
        let mut point = at;
        if let Some(v) = point.get_mut(i) {
            *v += by;
        }
        likelihood(point)
    };
    for (i, slope) in gradient.iter().enumerate() {
        let numeric = (nudged(i, h) - nudged(i, -h)) / (2.0 * h);
        assert!(
            (slope - numeric).abs() <= 1e-5 * numeric.abs().max(1.0),
            "parameter {i}: {slope} vs {numeric}"
        );
    }
}

/// The classic 2,357-customer CDNOW summary (`ID,x,t_x,T,zbar`, weeks), or
/// `None` with the reason printed when ../shared is absent.
pub fn cdnow_summary() -> Option<Vec<Observation>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/real/cdnow_customers_summary.csv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found (../shared is absent)");
        return None;
    };
    let customers = text
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<f64> = line
                .trim()
                .split(',')
                .map(|f| f.parse().expect("a number"))
                .collect();
            Observation {
                frequency: fields[1],
                recency: fields[2],
                age: fields[3],
                monetary: fields[4],
            }
        })
        .collect();
    Some(customers)
}

/// `count` made-up customers in whole days expressed in weeks, drawn from
/// small ranges so that many share a history (as in a real log), with
/// spends that repeat too. Deterministic.
pub fn many_alike(count: usize) -> Vec<Observation> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |below: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % below
    };
    (0..count)
        .map(|_| {
            let age_days = 7 + next(180);
            let frequency = match next(10) {
                0..=4 => 0,
                5..=7 => 1 + next(3),
                _ => 1 + next(12),
            };
            let recency_days = if frequency == 0 {
                0
            } else {
                1 + next(age_days)
            };
            let monetary = if frequency == 0 {
                0.0
            } else {
                (5 + next(60)) as f64 * 0.5
            };
            Observation {
                frequency: frequency as f64,
                recency: recency_days as f64 / 7.0,
                age: age_days as f64 / 7.0,
                monetary,
            }
        })
        .collect()
}
