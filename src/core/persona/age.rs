//! Age bands, the usual marketing ones: under 18, 18–24, 25–34, 35–44,
//! 45–54, 55–64, 65 and over. A persona's "61% are 25–34" is the share of
//! its band with the most customers.

use serde::{Deserialize, Serialize};

/// One age band: `low..=high` whole years; `high` None for "and over",
/// `low` 0 for "under".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AgeBand {
    pub low: u32,
    pub high: Option<u32>,
}

/// The lower bounds of the bands after the first.
const BAND_STARTS: [u32; 6] = [18, 25, 35, 45, 55, 65];

/// Every band, youngest first.
pub fn age_bands() -> Vec<AgeBand> {
    let mut bands = Vec::with_capacity(BAND_STARTS.len() + 1);
    let mut low = 0;
    for start in BAND_STARTS {
        bands.push(AgeBand {
            low,
            high: Some(start - 1),
        });
        low = start;
    }
    bands.push(AgeBand { low, high: None });
    bands
}

/// The band of an age in years; None for ages no one has (negative, not
/// finite, or beyond 130), which are left out like missing ages.
pub fn band_of(age: f64) -> Option<usize> {
    if !age.is_finite() || !(0.0..=130.0).contains(&age) {
        return None;
    }
    // A whole year lived: 24.9 is still 24.
    let years = age.floor();
    Some(
        BAND_STARTS
            .iter()
            .filter(|&&s| years >= f64::from(s))
            .count(),
    )
}

/// How old a band reads: the tone of the name ("Young", "Middle-aged",
/// "Older"), decided by where the band's middle falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeTone {
    Young,
    MiddleAged,
    Older,
}

/// The tone of an age in years: under 35 young, under 55 middle-aged.
pub fn tone_of_age(age: f64) -> AgeTone {
    if age < 35.0 {
        AgeTone::Young
    } else if age < 55.0 {
        AgeTone::MiddleAged
    } else {
        AgeTone::Older
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_every_age_once() {
        let bands = age_bands();
        assert_eq!(bands.len(), 7);
        assert_eq!(
            bands[2],
            AgeBand {
                low: 25,
                high: Some(34)
            }
        );
        assert_eq!(
            bands[6],
            AgeBand {
                low: 65,
                high: None
            }
        );
        assert_eq!(band_of(17.9), Some(0));
        assert_eq!(band_of(18.0), Some(1));
        assert_eq!(band_of(34.99), Some(2));
        assert_eq!(band_of(35.0), Some(3));
        assert_eq!(band_of(90.0), Some(6));
        assert_eq!(band_of(-1.0), None);
        assert_eq!(band_of(f64::NAN), None);
        assert_eq!(band_of(400.0), None);
    }

    #[test]
    fn tones() {
        assert_eq!(tone_of_age(29.0), AgeTone::Young);
        assert_eq!(tone_of_age(35.0), AgeTone::MiddleAged);
        assert_eq!(tone_of_age(60.0), AgeTone::Older);
    }
}
