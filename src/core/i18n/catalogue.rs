//! Parsing of the `key = text` catalogue files.

use std::collections::{BTreeMap, BTreeSet};

/// One language's messages. Lines are `key = text`; `#` starts a comment
/// line; `\n` in a text is a line break. Later duplicates are reported by
/// [`Catalogue::duplicates`] rather than silently winning.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Catalogue {
    messages: BTreeMap<String, String>,
    duplicates: Vec<String>,
    malformed: Vec<usize>,
}

impl Catalogue {
    pub fn parse(source: &str) -> Self {
        let mut catalogue = Catalogue::default();
        for (index, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, text)) = line.split_once(" = ") else {
                catalogue.malformed.push(index + 1);
                continue;
            };
            let text = text.trim().replace("\\n", "\n");
            if catalogue
                .messages
                .insert(key.trim().to_string(), text)
                .is_some()
            {
                catalogue.duplicates.push(key.trim().to_string());
            }
        }
        catalogue
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.messages.get(key).map(String::as_str)
    }

    pub fn keys(&self) -> BTreeSet<&str> {
        self.messages.keys().map(String::as_str).collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.messages.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Keys defined more than once.
    pub fn duplicates(&self) -> &[String] {
        &self.duplicates
    }

    /// 1-based line numbers that are neither comments nor `key = text`.
    pub fn malformed_lines(&self) -> &[usize] {
        &self.malformed
    }
}

/// The `{name}` placeholders of a message, in sorted order.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                found.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_duplicates_and_malformed_lines() {
        let c = Catalogue::parse("# c\na = A\nb = B {n}\na = again\nbroken\n");
        assert_eq!(c.get("a"), Some("again"));
        assert_eq!(c.duplicates(), ["a".to_string()]);
        assert_eq!(c.malformed_lines(), [5]);
        assert_eq!(placeholders(c.get("b").unwrap_or("")).len(), 1);
    }
}
