//! Headers that name the customer key, in English, Persian and Arabic:
//! "customer_id", "CustomerID", "Client", "member no", "user id",
//! "شناسه مشتری", "کد مشتری", "رقم العميل", "معرف العميل".
//!
//! A header is compared squeezed (lowercase, letters and digits only, the
//! Arabic-keyboard ي/ك as ی/ک), so "Customer ID", "customer_id" and
//! "CUSTOMER-ID" are one name. (The schema's header word splitter is private
//! to `core::schema`; squeezing is all this needs.)

use crate::core::i18n::letters::fold_char;

/// Words for who the row is about. Alone ("Client", "member") they name the key.
const WHO: &[&str] = &[
    "customer",
    "cust",
    "client",
    "member",
    "user",
    "account",
    "buyer",
    "shopper",
    "subscriber",
    "patron",
    "مشتری",
    "کاربر",
    "مشترک",
    "عضو",
    "خریدار",
    "العمیل",
    "عمیل",
    "الزبون",
    "زبون",
    "المستخدم",
    "مستخدم",
    "العضو",
    "المشترک",
    "المشتری",
];

/// Words that make a who-word an identifier: "customer" + "id", "کد" + "مشتری".
const ID: &[&str] = &[
    "id",
    "no",
    "nr",
    "num",
    "number",
    "code",
    "key",
    "ref",
    "شناسه",
    "کد",
    "شماره",
    "رقم",
    "معرف",
    "کود",
];

/// The header squeezed to lowercase letters and digits, with letters folded
/// (ي → ی, ك → ک, …: `core::i18n::letters`) so Persian and Arabic
/// spellings meet.
fn squeeze(header: &str) -> String {
    header
        .chars()
        .filter_map(fold_char)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when the header names the customer key: a who-word alone, or with
/// an id-word before or after it.
pub fn names_customer_key(header: &str) -> bool {
    let squeezed = squeeze(header);
    WHO.iter().any(|who| {
        squeezed == *who
            || ID.iter().any(|id| {
                squeezed.strip_prefix(who) == Some(id) || squeezed.strip_suffix(who) == Some(id)
            })
    })
}

/// A header that is just "id": a weaker hint (it may be the row's own id).
pub fn is_plain_id(header: &str) -> bool {
    squeeze(header) == "id"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_headers_in_three_languages() {
        for header in [
            "customer_id",
            "CustomerID",
            "customerID",
            "Customer ID",
            "CUST_NO",
            "Client",
            "member",
            "user id",
            "Member Number",
            "شناسه مشتری",
            "کد مشتری",
            "كد مشتري",
            "رقم العميل",
            "معرف العميل",
            "كود العميل",
        ] {
            assert!(names_customer_key(header), "{header}");
        }
    }

    #[test]
    fn other_headers_are_not_keys() {
        for header in [
            "Customer Name",
            "customer_since",
            "InvoiceNo",
            "txn_id",
            "id",
            "نام مشتری",
            "اسم العميل",
            "user_agent",
        ] {
            assert!(!names_customer_key(header), "{header}");
        }
        assert!(is_plain_id("ID"));
        assert!(is_plain_id(" Id "));
        assert!(!is_plain_id("ClothingID"));
    }
}
