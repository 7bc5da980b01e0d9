//! What a column's header says about it. A first, small piece of role
//! inference: headers that name an identifier ("CustomerID", "InvoiceNo",
//! "کد مشتری") mark columns whose numbers are labels, not quantities.

use crate::core::i18n::letters::{fold_char, ZWNJ};

/// Words that, as a whole word of a header, mean "this is a label".
const IDENTIFIER_WORDS: [&str; 16] = [
    "id",
    "no",
    "nr",
    "num",
    "number",
    "code",
    "key",
    "zip",
    "postcode",
    "phone",
    "mobile",
    "tel",
    "کد",
    "شناسه",
    "رقم",
    "معرف",
];

/// Split "InvoiceNo", "customer_id", "Customer ID", "stock-code" into
/// lowercase words, their letters folded (`core::i18n::letters`: "تاريخ"
/// typed on an Arabic keyboard, or read from a Windows-1256 file, is the
/// Persian "تاریخ"). A zero-width non-joiner ends a word, as a space does.
pub(crate) fn words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    let folded = header.chars().filter_map(|c| match c {
        ZWNJ => Some(' '),
        c => fold_char(c),
    });
    for c in folded {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// True when the header names an identifier rather than a measure.
pub fn looks_like_identifier_name(header: &str) -> bool {
    words(header)
        .iter()
        .any(|w| IDENTIFIER_WORDS.iter().any(|id| words(id).contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_headers_in_three_languages() {
        for header in [
            "InvoiceNo",
            "CustomerID",
            "customer_id",
            "Customer ID",
            "StockCode",
            "کد مشتری",
            "رقم العميل",
        ] {
            assert!(looks_like_identifier_name(header), "{header}");
        }
    }

    #[test]
    fn measures_are_not_identifiers() {
        for header in [
            "Quantity",
            "UnitPrice",
            "Age",
            "Annual Income (k$)",
            "Notes",
            "Nominal",
            "Identity",
        ] {
            assert!(!looks_like_identifier_name(header), "{header}");
        }
    }
}
