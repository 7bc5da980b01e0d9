//! Finding the delimiter from the first records of a file.

use super::aligned::AlignedRecords;
use super::Delimiter;

/// How much of the file the sniffer reads.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;
/// How many records it compares.
const SNIFF_RECORDS: usize = 50;

/// The delimiter and the first records split with it (header detection
/// looks at them too).
#[derive(Debug)]
pub(crate) struct Sniffed {
    pub delimiter: Delimiter,
    pub sample: Vec<Vec<String>>,
}

/// Pick the delimiter among `,` `;` tab `|` that splits the first ~50
/// records (quotes respected) most consistently into more than one field:
/// the share of records with the most common field count decides (in steps
/// of 5%), then the higher field count, then the order of
/// [`Delimiter::CSV`]. When none of them splits at least 90% of the records
/// alike, whitespace-aligned columns are tried (see [`aligned_fits`]). A
/// one-column file gets a comma.
pub(crate) fn sniff(text: &str) -> Sniffed {
    let prefix = sniff_prefix(text);
    let truncated = prefix.len() < text.len();
    let best = best_csv_delimiter(prefix, truncated);
    let csv_is_convincing = best
        .as_ref()
        .is_some_and(|(consistency, _)| consistency.share_in_twentieths >= 18);
    if !csv_is_convincing {
        let sample = sample_records(prefix, Delimiter::Whitespace, truncated);
        if aligned_fits(prefix, &sample) {
            return Sniffed {
                delimiter: Delimiter::Whitespace,
                sample,
            };
        }
    }
    match best {
        Some((_, sniffed)) => sniffed,
        None => Sniffed {
            delimiter: Delimiter::Comma,
            sample: sample_records(prefix, Delimiter::Comma, truncated),
        },
    }
}

/// The first records split with a delimiter the user chose.
pub(crate) fn sample_with(text: &str, delimiter: Delimiter) -> Sniffed {
    let prefix = sniff_prefix(text);
    Sniffed {
        delimiter,
        sample: sample_records(prefix, delimiter, prefix.len() < text.len()),
    }
}

/// Whitespace alignment is believed only with evidence of alignment, not
/// just spaces: 95% of the sampled records split into the same number (>1)
/// of fields, and at least half of the lines start with a space or hold a
/// run of two or more spaces or a tab. Without that rule a one-column file
/// of two-word names would become "first name, last name".
fn aligned_fits(prefix: &str, sample: &[Vec<String>]) -> bool {
    if sample.len() < 2 {
        return false;
    }
    let Some(consistency) = Consistency::of(sample) else {
        return false;
    };
    let lines: Vec<&str> = prefix
        .lines()
        .filter(|line| !line.trim().is_empty())
        .take(SNIFF_RECORDS)
        .collect();
    let aligned = lines
        .iter()
        .filter(|line| line.starts_with(' ') || line.contains("  ") || line.contains('\t'))
        .count();
    consistency.share_in_twentieths >= 19 && aligned * 2 >= lines.len()
}

fn best_csv_delimiter(prefix: &str, truncated: bool) -> Option<(Consistency, Sniffed)> {
    let mut best: Option<(Consistency, Sniffed)> = None;
    for delimiter in Delimiter::CSV {
        let sample = sample_records(prefix, delimiter, truncated);
        let Some(consistency) = Consistency::of(&sample) else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|(best_so_far, _)| consistency > *best_so_far)
        {
            best = Some((consistency, Sniffed { delimiter, sample }));
        }
    }
    best
}

/// The start of `text`, cut on a character boundary.
fn sniff_prefix(text: &str) -> &str {
    let mut end = SNIFF_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

/// Up to [`SNIFF_RECORDS`] records; when the prefix was cut, the last record
/// may be cut too and is dropped (unless it is the only one).
fn sample_records(prefix: &str, delimiter: Delimiter, truncated: bool) -> Vec<Vec<String>> {
    let mut records: Vec<Vec<String>> = match delimiter.as_byte() {
        Some(byte) => csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(byte)
            .from_reader(prefix.as_bytes())
            .records()
            .take(SNIFF_RECORDS + 1)
            .map_while(Result::ok)
            .map(|record| record.iter().map(str::to_string).collect())
            .collect(),
        None => AlignedRecords::new(prefix)
            .take(SNIFF_RECORDS + 1)
            .map(|fields| fields.into_iter().map(str::to_string).collect())
            .collect(),
    };
    if (truncated || records.len() > SNIFF_RECORDS) && records.len() > 1 {
        records.pop();
    }
    records
}

/// How regularly a delimiter splits the sample, ordered so that greater is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Consistency {
    /// Share of records with the most common field count, in 5% steps.
    share_in_twentieths: usize,
    /// The most common field count.
    fields: usize,
}

impl Consistency {
    /// None when the delimiter does not split the records at all.
    fn of(sample: &[Vec<String>]) -> Option<Consistency> {
        let counts: Vec<usize> = sample.iter().map(Vec::len).collect();
        let (fields, frequency) = most_common(&counts)?;
        if fields <= 1 {
            return None;
        }
        Some(Consistency {
            share_in_twentieths: frequency * 20 / counts.len(),
            fields,
        })
    }
}

/// The most frequent value and its frequency; ties go to the larger value.
fn most_common(values: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        if let Some(&value) = run.first() {
            if best.is_none_or(|(_, frequency)| run.len() >= frequency) {
                best = Some((value, run.len()));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delimiter_of(text: &str) -> Delimiter {
        sniff(text).delimiter
    }

    #[test]
    fn each_delimiter_is_found() {
        assert_eq!(delimiter_of("a,b,c\n1,2,3\n"), Delimiter::Comma);
        assert_eq!(delimiter_of("a;b;c\n1;2,5;3\n"), Delimiter::Semicolon);
        assert_eq!(delimiter_of("a\tb\tc\n1\t2\t3\n"), Delimiter::Tab);
        assert_eq!(delimiter_of("a|b|c\n1|2|3\n"), Delimiter::Pipe);
    }

    #[test]
    fn quotes_are_respected() {
        let text = "name;note\n\"Ali\";\"a, b, c\"\n\"Sara\";\"d, e\"\n";
        assert_eq!(delimiter_of(text), Delimiter::Semicolon);
        let text = "name,note\nAli,\"x;y;z\"\nSara,\"p;q\"\n";
        assert_eq!(delimiter_of(text), Delimiter::Comma);
    }

    #[test]
    fn decimal_commas_do_not_fool_it() {
        let text = "name;amount;city\nAli;1250,50;Tehran\nSara;980;Shiraz\nReza;15000,75;Yazd\n";
        assert_eq!(delimiter_of(text), Delimiter::Semicolon);
    }

    #[test]
    fn aligned_columns_are_found() {
        let text = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n 00002 19970112  5   77.00\r\n";
        let sniffed = sniff(text);
        assert_eq!(sniffed.delimiter, Delimiter::Whitespace);
        assert_eq!(sniffed.sample.len(), 4);
        assert_eq!(sniffed.sample[1], ["00001", "19970101", "1", "11.77"]);
    }

    #[test]
    fn two_word_names_are_not_aligned_columns() {
        let sniffed = sniff("Ali Rezaei\nSara Ahmadi\nReza Karimi\n");
        assert_eq!(sniffed.delimiter, Delimiter::Comma);
    }

    #[test]
    fn one_column_defaults_to_comma() {
        let sniffed = sniff("name\nAli\nSara\n");
        assert_eq!(sniffed.delimiter, Delimiter::Comma);
        assert_eq!(sniffed.sample.len(), 3);
    }

    #[test]
    fn long_files_are_sampled() {
        let mut text = String::from("a|b\n");
        for i in 0..20_000 {
            text.push_str(&format!("{i}|x,y\n"));
        }
        let sniffed = sniff(&text);
        assert_eq!(sniffed.delimiter, Delimiter::Pipe);
        assert_eq!(sniffed.sample.len(), SNIFF_RECORDS);
    }
}
