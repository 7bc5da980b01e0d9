//! The parts every definition shares: the comment header and the segment
//! name column.

use super::dialect::SqlDialect;

/// `lines` as a `--` comment block, then a blank line.
pub fn header(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        // A line break inside a header name must not end the comment.
        let line = line.replace(['\n', '\r'], " ");
        if line.is_empty() {
            text.push_str("--\n");
        } else {
            text.push_str("-- ");
            text.push_str(&line);
            text.push('\n');
        }
    }
    text.push('\n');
    text
}

/// `CASE segment WHEN 1 THEN 'name' … END`: the user's name of each of
/// `count` segments (numbered from 1), else "Segment n", as the CSV export
/// names them.
pub fn segment_name_case(d: SqlDialect, segment: &str, count: usize, names: &[String]) -> String {
    let whens: Vec<String> = (1..=count)
        .map(|n| {
            let name = names
                .get(n - 1)
                .map(|name| name.trim())
                .filter(|name| !name.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| format!("Segment {n}"));
            format!("WHEN {n} THEN {}", d.string(&name))
        })
        .collect();
    format!("CASE {segment} {} END", whens.join(" "))
}
