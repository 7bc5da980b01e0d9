//! Unit tests across the module: small hand-made tables whose answers can
//! be counted by eye.

use super::*;
use crate::core::quality::ColumnKind;
use crate::core::schema::{ColumnType, Role};
use crate::core::table::Table;

fn role_of(t: &Table) -> RoleGuess {
    guess_file_role(t, &inferred_kinds(t))
}

fn customers() -> Table {
    Table::from_rows(
        &["customer_id", "name", "gender", "age", "city"],
        &[
            &["C1", "Ali Rezaei", "M", "34", "Tehran"],
            &["C2", "Sara Ahmadi", "F", "29", "Shiraz"],
            &["C3", "Omar Haddad", "M", "41", "Dubai"],
            &["C4", "Mina Karimi", "F", "52", "Tabriz"],
            &["C2", "Sara Ahmadi", "F", "30", "Shiraz"],
            &["", "Nobody", "F", "22", "Yazd"],
        ],
    )
}

fn transactions() -> Table {
    Table::from_rows(
        &["order_no", "customer_id", "order_date", "amount"],
        &[
            &["1", "C1", "2024-01-03", "12.50"],
            &["2", "c1 ", "2024-01-09", "8.00"],
            &["3", "C2", "2024-02-01", "40.00"],
            &["4", "C9", "2024-02-11", "5.25"],
            &["5", "", "2024-02-12", "7.00"],
            &["6", "C2", "2024-03-01", "9.90"],
            &["7", "C9", "2024-03-02", "1.00"],
            &["8", "C1", "2024-03-05", "3.00"],
        ],
    )
}

fn feedback() -> Table {
    Table::from_rows(
        &["Score", "Comment"],
        &[
            &[
                "9",
                "Delivery was quick and the packaging was careful, thank you",
            ],
            &[
                "3",
                "The size chart is wrong, I had to send it back twice already",
            ],
            &[
                "7",
                "Good value for the price but the colour is paler than shown",
            ],
        ],
    )
}

#[test]
fn a_log_with_repeating_keys_dates_and_amounts_is_transactions() {
    let guess = role_of(&transactions());
    assert_eq!(guess.role, FileRole::Transactions);
    assert_eq!(guess.reason, RoleReason::RepeatedKeyWithDateAndAmount);
    assert_eq!(guess.because, vec![1, 2, 3]);
}

#[test]
fn one_row_per_key_with_attributes_is_customers() {
    let guess = role_of(&customers());
    assert_eq!(guess.role, FileRole::Customers);
    assert_eq!(guess.reason, RoleReason::OneRowPerKeyWithAttributes);
    assert_eq!(guess.because.first(), Some(&0));
    assert!(guess.because.contains(&3), "{guess:?}");
}

#[test]
fn ratings_and_comments_are_feedback() {
    let guess = role_of(&feedback());
    assert_eq!(guess.role, FileRole::Feedback);
    assert_eq!(guess.because.first(), Some(&0));
}

#[test]
fn a_survey_with_one_row_per_customer_is_feedback() {
    let survey = Table::from_rows(
        &["customer_id", "nps", "comment"],
        &[
            &[
                "C1",
                "9",
                "Quick delivery and a careful package, thank you all",
            ],
            &[
                "C2",
                "4",
                "The size chart is wrong, I had to send it back twice",
            ],
            &[
                "C3",
                "10",
                "Great value for the price, I will order again soon",
            ],
        ],
    );
    assert_eq!(role_of(&survey).role, FileRole::Feedback);
}

#[test]
fn attributes_without_key_are_still_customers() {
    let list = Table::from_rows(
        &["age", "job", "marital"],
        &[
            &["58", "management", "married"],
            &["33", "technician", "single"],
        ],
    );
    let guess = role_of(&list);
    assert_eq!(guess.role, FileRole::Customers);
    assert_eq!(guess.reason, RoleReason::AttributesWithoutKey);
}

#[test]
fn anything_else_is_other_and_empty_tables_do_not_panic() {
    let stock = Table::from_rows(&["sku", "warehouse"], &[&["A1", "North"], &["B2", "South"]]);
    assert_eq!(role_of(&stock).role, FileRole::Other);
    let empty = Table::default();
    assert_eq!(role_of(&empty).role, FileRole::Other);
    assert_eq!(find_key(&empty, &[]), KeyAnswer::NoCustomerKey);
    let headers_only = Table::from_rows(&["customer_id", "age"], &[]);
    // No rows: nothing says what it is.
    assert_eq!(role_of(&headers_only).role, FileRole::Other);
    let report = link(None, &[]);
    assert_eq!(report.customers, 0);
    assert!(report.files.is_empty());
}

#[test]
fn no_key_at_all_is_a_plain_answer() {
    let t = feedback();
    assert_eq!(find_key(&t, &inferred_kinds(&t)), KeyAnswer::NoCustomerKey);
    let keys = CustomerKeys::read(&customers(), 0).unwrap();
    assert_eq!(
        find_key_against(&t, &inferred_kinds(&t), &keys),
        KeyAnswer::NoCustomerKey
    );
    assert!(CustomerKeys::read(&customers(), 9).is_none());
}

#[test]
fn key_found_by_name_in_three_languages() {
    for header in [
        "CustomerID",
        "Client",
        "user id",
        "کد مشتری",
        "شناسه مشتری",
        "رقم العميل",
        "معرف العميل",
    ] {
        let t = Table::from_rows(&["notes", header], &[&["x", "17"], &["y", "18"]]);
        // The types and roles as given (Other), so only the header decides.
        let kinds = vec![
            ColumnKind {
                column_type: ColumnType::Text,
                role: Role::Other,
            };
            2
        ];
        let answer = find_key(&t, &kinds);
        assert_eq!(answer.column(), Some(1), "{header}");
        let KeyAnswer::Found { candidates, .. } = answer else {
            unreachable!()
        };
        assert_eq!(candidates[0].evidence, KeyEvidence::Header, "{header}");
    }
}

#[test]
fn header_beats_role_beats_email() {
    let t = Table::from_rows(
        &["email", "client", "txn_id"],
        &[&["a@b.com", "1", "x"], &["c@d.org", "2", "y"]],
    );
    let mut kinds = inferred_kinds(&t);
    kinds[2].role = Role::CustomerId;
    let KeyAnswer::Found { column, candidates } = find_key(&t, &kinds) else {
        panic!("a key")
    };
    assert_eq!(column, 1);
    let order: Vec<_> = candidates.iter().map(|c| (c.column, c.evidence)).collect();
    assert_eq!(
        order,
        vec![
            (1, KeyEvidence::Header),
            (2, KeyEvidence::Role),
            (0, KeyEvidence::Email)
        ]
    );
}

#[test]
fn key_found_by_overlap_when_names_differ() {
    let c = customers();
    let keys = CustomerKeys::read(&c, 0).unwrap();
    let t = Table::from_rows(
        &["ref", "who", "channel"],
        &[
            &["R1", "C1", "web"],
            &["R2", "C3", "app"],
            &["R3", "c4", "web"],
            &["R4", "X9", "store"],
        ],
    );
    let answer = find_key_against(&t, &inferred_kinds(&t), &keys);
    let KeyAnswer::Found { column, candidates } = answer else {
        panic!("a key")
    };
    assert_eq!(column, 1);
    assert_eq!(candidates.len(), 1);
    assert_eq!(candidates[0].evidence, KeyEvidence::Overlap);
    assert_eq!(
        candidates[0].overlap,
        Some(Overlap {
            present_rows: 4,
            matched_rows: 3,
            customers_covered: 3
        })
    );
}

#[test]
fn overlap_outranks_a_misleading_name() {
    // "customer_id" here holds something else; the unnamed column links.
    let c = customers();
    let keys = CustomerKeys::read(&c, 0).unwrap();
    let t = Table::from_rows(
        &["customer_id", "buyer_code"],
        &[&["900", "C1"], &["901", "C2"], &["902", "C3"]],
    );
    let answer = find_key_against(&t, &inferred_kinds(&t), &keys);
    assert_eq!(answer.column(), Some(1));
}

#[test]
fn float_written_ids_and_local_digits_link() {
    let c = Table::from_rows(
        &["CustomerID", "age"],
        &[&["12", "30"], &["17850", "40"], &["۴۲", "50"]],
    );
    let t = Table::from_rows(
        &["CustomerID", "InvoiceDate", "Quantity"],
        &[
            &["12.0", "2010-12-01", "1"],
            &["17850.0", "2010-12-01", "2"],
            &["٤٢", "2010-12-02", "3"],
            &["42", "2010-12-03", "1"],
            &["17850", "2010-12-03", "1"],
        ],
    );
    let customers = Keyed::new("customers.csv", &c, 0, FileRole::Customers).unwrap();
    let log = Keyed::new("orders.csv", &t, 0, FileRole::Transactions).unwrap();
    let report = link(Some(customers), &[log]);
    assert_eq!(report.customers, 3);
    let file = &report.files[0];
    assert_eq!((file.matched_rows, file.orphan_rows), (5, 0));
    assert_eq!(file.customers_without_rows, 0);
}

#[test]
fn link_counts_matches_orphans_blanks_and_duplicates() {
    let c = customers();
    let t = transactions();
    let report = link(
        Some(Keyed::new("customers.csv", &c, 0, FileRole::Customers).unwrap()),
        &[Keyed::new("orders.csv", &t, 1, FileRole::Transactions).unwrap()],
    );
    assert_eq!(report.customers, 4);
    let CustomersSource::Table {
        rows,
        blank_keys,
        duplicates,
        ..
    } = &report.source
    else {
        panic!("from the table")
    };
    assert_eq!((*rows, *blank_keys), (6, 1));
    assert_eq!((duplicates.keys, duplicates.extra_rows), (1, 1));
    assert_eq!(
        duplicates.examples,
        vec![KeyRows {
            key: "C2".into(),
            row_count: 2,
            rows: vec![1, 4]
        }]
    );
    let file = &report.files[0];
    assert_eq!(file.rows, 8);
    assert_eq!(file.matched_rows, 5);
    assert_eq!(file.blank_key_rows, 1);
    assert_eq!((file.orphan_rows, file.orphan_keys), (2, 1));
    assert_eq!(
        file.orphan_examples,
        vec![KeyRows {
            key: "C9".into(),
            row_count: 2,
            rows: vec![3, 6]
        }]
    );
    assert_eq!(
        (file.customers_with_rows, file.customers_without_rows),
        (2, 2)
    );
    assert_eq!(file.without_rows_examples, vec!["C3", "C4"]);
}

#[test]
fn without_customers_the_log_defines_them() {
    let t = transactions();
    let f = Table::from_rows(
        &["customer_id", "nps"],
        &[&["C1", "9"], &["C7", "3"], &["C9", "10"]],
    );
    let report = link(
        None,
        &[
            Keyed::new("orders.csv", &t, 1, FileRole::Transactions).unwrap(),
            Keyed::new("survey.csv", &f, 0, FileRole::Feedback).unwrap(),
        ],
    );
    assert_eq!(
        report.source,
        CustomersSource::Derived {
            files: vec!["orders.csv".into()]
        }
    );
    assert_eq!(report.customers, 3);
    let log = &report.files[0];
    assert_eq!(
        (log.matched_rows, log.orphan_rows, log.blank_key_rows),
        (7, 0, 1)
    );
    assert_eq!(log.customers_without_rows, 0);
    let survey = &report.files[1];
    assert_eq!((survey.matched_rows, survey.orphan_rows), (2, 1));
    assert_eq!(survey.without_rows_examples, vec!["C2"]);
}

#[test]
fn a_missing_key_column_is_an_error_naming_the_file() {
    let t = transactions();
    let error = Keyed::new("orders.csv", &t, 7, FileRole::Transactions).unwrap_err();
    assert_eq!(
        error.to_string(),
        "orders.csv: no column 8 as the customer key (it has 4)"
    );
}

#[test]
fn file_roles_serialise_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&FileRole::Transactions).unwrap(),
        "\"transactions\""
    );
    assert_eq!(
        serde_json::to_string(&KeyAnswer::NoCustomerKey).unwrap(),
        "{\"kind\":\"no_customer_key\"}"
    );
}
