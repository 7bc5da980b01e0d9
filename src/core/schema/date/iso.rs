//! The date shape purchase logs write on every line, `yyyy-mm-dd` with an
//! optional `hh:mm` or `hh:mm:ss` after a space or `T`, read byte by byte.
//!
//! Why: a log has a distinct timestamp per line, so inference reads
//! millions of them once each, and the general reader's splitting (a
//! string search per separator, a vector of parts) was a tenth of loading
//! the generator's 4 M-line log. This reads the same cells to the same
//! result (tested against the general reader below) and leaves every other
//! shape to it.

use super::{calendar_of_year, is_valid_in, DateCell, DateKind, Fields};

/// `Some(read)` when `text` (trimmed, ASCII) has exactly this shape, with
/// what the general reader makes of it; None for any other shape.
pub(super) fn read_iso_shape(text: &str) -> Option<Option<DateCell>> {
    let bytes = text.as_bytes();
    let (date, time) = match bytes.len() {
        10 => (bytes, None),
        16 | 19 => {
            let (date, rest) = bytes.split_at(10);
            let (&separator, time) = rest.split_first()?;
            (
                date,
                matches!(separator, b' ' | b'T').then_some(time)?.into(),
            )
        }
        _ => return None,
    };
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *date else {
        return None;
    };
    let year = i32::try_from(digits(&[y1, y2, y3, y4])?).ok()?;
    let (month, day) = (digits(&[m1, m2])?, digits(&[d1, d2])?);
    let kind = match time {
        None => DateKind::Date,
        Some(time) => match is_clock(time) {
            Some(true) => DateKind::DateTime,
            Some(false) => return Some(None),
            None => return None,
        },
    };
    let Some(calendar) = calendar_of_year(year) else {
        return Some(None);
    };
    let cell = DateCell {
        fields: Fields::YearFirst { year, month, day },
        calendar,
        kind,
        compact: false,
    };
    Some(is_valid_in(calendar, year, month, day).then_some(cell))
}

/// For `hh:mm` or `hh:mm:ss`: whether it is a valid time of day (a leap
/// second allowed, as the general reader does). None for another shape.
fn is_clock(time: &[u8]) -> Option<bool> {
    let (hour, minute, second) = match *time {
        [h1, h2, b':', m1, m2] => (digits(&[h1, h2])?, digits(&[m1, m2])?, 0),
        [h1, h2, b':', m1, m2, b':', s1, s2] => {
            (digits(&[h1, h2])?, digits(&[m1, m2])?, digits(&[s1, s2])?)
        }
        _ => return None,
    };
    Some(hour <= 23 && minute <= 59 && second <= 60)
}

/// The value of ASCII digits; None if any byte is not one.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0, |value, &b| {
        b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::super::read_date_cell_generally;
    use super::*;

    /// Cells of this shape, with digits drawn so that months, days, hours,
    /// minutes and seconds go out of range and years out of both
    /// calendars, and a few that break the shape.
    fn cells() -> Vec<String> {
        let mut state: u64 = 7;
        let mut next = move |below: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % below
        };
        let mut cells = Vec::new();
        for _ in 0..200_000 {
            let year =
                [1299, 1300, 1420, 1421, 1799, 1800, 2023, 2200, 2201, 9999][next(10) as usize];
            let date = format!("{year:04}-{:02}-{:02}", next(14), next(33));
            let time = format!("{:02}:{:02}", next(26), next(62));
            let cell = match next(6) {
                0 => date,
                1 => format!("{date} {time}"),
                2 => format!("{date}T{time}:{:02}", next(62)),
                3 => format!("{date} {time}:{:02}", next(62)),
                4 => format!("{date}x{time}"),
                _ => format!("{date} {time}.5"),
            };
            cells.push(cell);
        }
        cells.extend(
            [
                "2023-1-05",
                "2023/01/05",
                "2023-01-05 8:30",
                "２023-01-05",
                "2023-01-05 08:30Z",
            ]
            .map(String::from),
        );
        cells
    }

    #[test]
    fn reads_its_shape_as_the_general_reader_does() {
        let mut read_here = 0;
        for cell in cells() {
            if let Some(fast) = read_iso_shape(&cell) {
                read_here += 1;
                assert_eq!(fast, read_date_cell_generally(&cell), "{cell:?}");
            }
        }
        // The shapes with `x` and `.5` are left to the general reader.
        assert!((130_000..140_000).contains(&read_here), "{read_here}");
    }

    #[test]
    fn leaves_other_shapes_alone() {
        for cell in [
            "2023-1-05",
            "2023/01/05",
            "2023-01-05 8:30",
            "2023-01-05 08:30Z",
            "2023-01-05  08:30",
            "20230105",
        ] {
            assert_eq!(read_iso_shape(cell), None, "{cell:?}");
        }
    }
}
