//! What the model tests share: FHL's published CDNOW estimates and a
//! customer without spend.

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
