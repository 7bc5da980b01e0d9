//! What differs between the three SQL dialects the definitions are written
//! for: quoting of names and strings, number literals, the forgiving cast,
//! regular expressions, date parsing and date arithmetic. Everything else
//! the generators write is standard SQL all three accept.

use serde::{Deserialize, Serialize};

/// The warehouse the SQL is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SqlDialect {
    DuckDb,
    /// Spark SQL 3.4 or later (TRY_CAST, TRY_TO_TIMESTAMP).
    Spark,
    BigQuery,
}

impl SqlDialect {
    pub const ALL: [SqlDialect; 3] = [SqlDialect::DuckDb, SqlDialect::Spark, SqlDialect::BigQuery];

    /// The dialect's name as the header comment and the file name say it.
    pub fn name(self) -> &'static str {
        match self {
            SqlDialect::DuckDb => "DuckDB",
            SqlDialect::Spark => "Spark SQL",
            SqlDialect::BigQuery => "BigQuery",
        }
    }

    /// A short key for file names and the page's select (`duckdb`, …).
    pub fn key(self) -> &'static str {
        match self {
            SqlDialect::DuckDb => "duckdb",
            SqlDialect::Spark => "spark",
            SqlDialect::BigQuery => "bigquery",
        }
    }

    /// A column or CTE name, quoted so any header (spaces, Persian,
    /// reserved words) is one name.
    pub fn ident(self, name: &str) -> String {
        match self {
            SqlDialect::DuckDb => format!("\"{}\"", name.replace('"', "\"\"")),
            SqlDialect::Spark => format!("`{}`", name.replace('`', "``")),
            SqlDialect::BigQuery => format!("`{}`", escape_backslashed(name, '`')),
        }
    }

    /// A table name the user typed: each dot-separated part quoted
    /// (`sales.customers` is a table in a schema/dataset).
    pub fn table(self, name: &str) -> String {
        let name = name.trim();
        let name = if name.is_empty() { "customers" } else { name };
        name.split('.')
            .map(|part| self.ident(part.trim()))
            .collect::<Vec<_>>()
            .join(".")
    }

    /// A string literal. DuckDB follows the standard (`''`); Spark and
    /// BigQuery read backslash escapes in quoted strings.
    pub fn string(self, text: &str) -> String {
        match self {
            SqlDialect::DuckDb => format!("'{}'", text.replace('\'', "''")),
            SqlDialect::Spark | SqlDialect::BigQuery => {
                format!("'{}'", escape_backslashed(text, '\''))
            }
        }
    }

    /// The type of a double-precision float.
    pub fn double_type(self) -> &'static str {
        match self {
            SqlDialect::DuckDb | SqlDialect::Spark => "DOUBLE",
            SqlDialect::BigQuery => "FLOAT64",
        }
    }

    /// `text` cast to a double, NULL when it does not read.
    pub fn try_double(self, text: &str) -> String {
        match self {
            SqlDialect::DuckDb | SqlDialect::Spark => format!("TRY_CAST({text} AS DOUBLE)"),
            SqlDialect::BigQuery => format!("SAFE_CAST({text} AS FLOAT64)"),
        }
    }

    /// True when the whole of `text` matches `pattern` (no backslashes in
    /// patterns: `[.]`, `[0-9]`, so one literal suits every dialect).
    pub fn full_match(self, text: &str, pattern: &str) -> String {
        let anchored = format!("^(?:{pattern})$");
        match self {
            SqlDialect::DuckDb => format!("regexp_full_match({text}, {})", self.string(pattern)),
            SqlDialect::Spark => format!("({text} RLIKE {})", self.string(&anchored)),
            SqlDialect::BigQuery => format!("REGEXP_CONTAINS({text}, {})", self.string(&anchored)),
        }
    }

    /// Integer division rounding down (both sides non-negative here).
    pub fn int_div(self, a: &str, b: &str) -> String {
        match self {
            SqlDialect::DuckDb => format!("(({a}) // ({b}))"),
            SqlDialect::Spark => format!("(({a}) DIV ({b}))"),
            SqlDialect::BigQuery => format!("DIV({a}, {b})"),
        }
    }

    /// The first space-separated field of `text` (a date-time's date).
    pub fn first_word(self, text: &str) -> String {
        match self {
            SqlDialect::DuckDb | SqlDialect::Spark => format!("split_part({text}, ' ', 1)"),
            SqlDialect::BigQuery => format!("SPLIT({text}, ' ')[SAFE_OFFSET(0)]"),
        }
    }

    /// `text` read as a DATE in the strftime format `format` (`%Y`, `%m`,
    /// `%d`, `%y`), NULL when it does not read.
    pub fn try_date(self, text: &str, format: &str) -> String {
        match self {
            SqlDialect::DuckDb => format!(
                "CAST(try_strptime({text}, {}) AS DATE)",
                self.string(format)
            ),
            SqlDialect::Spark => format!(
                "TO_DATE(TRY_TO_TIMESTAMP({text}, {}))",
                self.string(&spark_pattern(format))
            ),
            SqlDialect::BigQuery => format!("SAFE.PARSE_DATE({}, {text})", self.string(format)),
        }
    }

    /// A date literal from `yyyy-mm-dd`.
    pub fn date(self, iso: &str) -> String {
        format!("DATE {}", self.string(iso))
    }

    /// Whole days from `start` to `end` (dates).
    pub fn days_between(self, start: &str, end: &str) -> String {
        match self {
            SqlDialect::DuckDb => format!("DATE_DIFF('day', {start}, {end})"),
            SqlDialect::Spark => format!("DATEDIFF({end}, {start})"),
            SqlDialect::BigQuery => format!("DATE_DIFF({end}, {start}, DAY)"),
        }
    }
}

/// A double written so every dialect reads the very same double: the
/// shortest text that reads back exactly, in exponent form, which DuckDB,
/// Spark and BigQuery all type as a double (`0.1` would be a DECIMAL in
/// DuckDB and Spark, converted with its own rounding). Not finite: NULL.
pub fn float(value: f64) -> String {
    if value.is_finite() {
        format!("{value:e}")
    } else {
        "NULL".to_string()
    }
}

/// `text` with `\` and `quote` escaped by a backslash, and line breaks
/// written as escapes (BigQuery's quoted strings may not span lines).
fn escape_backslashed(text: &str, quote: char) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A strftime date format as a Spark datetime pattern. Single letters
/// (`M`, `d`) read one or two digits, as `%m` and `%d` do in strptime.
fn spark_pattern(format: &str) -> String {
    format
        .replace("%Y", "yyyy")
        .replace("%y", "yy")
        .replace("%m", "M")
        .replace("%d", "d")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_per_dialect() {
        assert_eq!(SqlDialect::DuckDb.ident("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(SqlDialect::Spark.ident("a`b"), "`a``b`");
        assert_eq!(SqlDialect::BigQuery.ident("a`b"), "`a\\`b`");
        assert_eq!(SqlDialect::Spark.table("shop.people"), "`shop`.`people`");
        assert_eq!(SqlDialect::DuckDb.table(" "), "\"customers\"");
    }

    #[test]
    fn strings_are_escaped_per_dialect() {
        assert_eq!(SqlDialect::DuckDb.string("it's \\"), "'it''s \\'");
        assert_eq!(SqlDialect::Spark.string("it's \\"), "'it\\'s \\\\'");
        assert_eq!(SqlDialect::BigQuery.string("a\nb"), "'a\\nb'");
    }

    #[test]
    fn floats_read_back_exactly_as_doubles() {
        for x in [0.1, -2.5e-7, 123456.789, 1.0 / 3.0, 0.0, 1e300] {
            let text = float(x);
            assert!(text.contains('e'), "{text}");
            assert_eq!(text.parse::<f64>().unwrap(), x);
        }
        assert_eq!(float(f64::NAN), "NULL");
    }

    #[test]
    fn the_dialects_differ_where_they_really_do() {
        assert_eq!(SqlDialect::DuckDb.try_double("x"), "TRY_CAST(x AS DOUBLE)");
        assert_eq!(
            SqlDialect::BigQuery.try_double("x"),
            "SAFE_CAST(x AS FLOAT64)"
        );
        assert_eq!(
            SqlDialect::Spark.try_date("x", "%m/%d/%Y"),
            "TO_DATE(TRY_TO_TIMESTAMP(x, 'M/d/yyyy'))"
        );
        assert_eq!(
            SqlDialect::BigQuery.days_between("a", "b"),
            "DATE_DIFF(b, a, DAY)"
        );
        assert_eq!(SqlDialect::Spark.int_div("a", "b"), "((a) DIV (b))");
    }
}
