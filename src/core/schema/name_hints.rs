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

/// Things other than customers that a log's identifiers number: a column
/// named for one ("txn_id", "order_id", "کد سفارش") is not the customer's
/// key however unique its values.
const OTHER_ENTITY_WORDS: [&str; 46] = [
    "invoice",
    "order",
    "txn",
    "transaction",
    "product",
    "item",
    "sku",
    "stock",
    "article",
    "store",
    "shop",
    "branch",
    "session",
    "ticket",
    "receipt",
    "payment",
    "shipment",
    "campaign",
    "line",
    "basket",
    "cart",
    "visit",
    "فاکتور",
    "سفارش",
    "تراکنش",
    "محصول",
    "کالا",
    "فروشگاه",
    "شعبه",
    "پرداخت",
    "رسید",
    "فاتورة",
    "الفاتورة",
    "طلب",
    "الطلب",
    "معاملة",
    "المعاملة",
    "منتج",
    "المنتج",
    "سلعة",
    "السلعة",
    "متجر",
    "المتجر",
    "فرع",
    "الفرع",
    "إيصال",
];

/// True when the header names the identifier of something other than a
/// customer (an order, a product, a store…).
pub fn names_another_entity(header: &str) -> bool {
    words(header)
        .iter()
        .any(|w| OTHER_ENTITY_WORDS.iter().any(|e| words(e).contains(w)))
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
    fn identifiers_of_other_things_are_told_apart() {
        for header in [
            "txn_id",
            "order_id",
            "InvoiceNo",
            "ProductID",
            "SKU code",
            "store_id",
            "کد سفارش",
            "شناسه تراکنش",
            "رقم الفاتورة",
            "رقم الطلب",
        ] {
            assert!(names_another_entity(header), "{header}");
        }
        for header in [
            "customer_id",
            "CustomerID",
            "id",
            "user_id",
            "member no",
            "کد مشتری",
            "رقم العميل",
        ] {
            assert!(!names_another_entity(header), "{header}");
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
