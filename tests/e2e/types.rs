//! Types the page decides and the user settles: money, Jalali dates, a
//! day/month order the data leaves open, and values that don't fit.

use crate::support::{Session, TempFile};

/// 30 customers: `joined` has no day above 12 (ambiguous), `تاریخ` is
/// Jalali, `price` is money, `age` has one value that is not a number.
fn customers_csv() -> String {
    let mut text = String::from("id,joined,تاریخ,price,age\n");
    for i in 0..30u32 {
        let age = if i == 7 {
            "forty".to_string()
        } else {
            (20 + i).to_string()
        };
        text.push_str(&format!(
            "C{i:03},{:02}/{:02}/2024,1402/{:02}/{:02},\"${},{:03}.50\",{age}\n",
            1 + i % 12,
            1 + (i * 5) % 12,
            1 + i % 12,
            1 + i % 28,
            1 + i % 9,
            i * 7,
        ));
    }
    text
}

#[tokio::test]
async fn ambiguous_dates_are_flagged_and_the_chosen_order_is_kept() {
    let file = TempFile::new("types.csv", customers_csv());
    let s = Session::open().await;
    s.choose_file("Choose a file", &file.path).await;
    assert_eq!(s.fact("Rows").await, "30");
    assert_eq!(s.chosen("Type of price").await, "Money");
    assert_eq!(s.chosen("Type of تاریخ").await, "Date");
    let notes = s
        .text_of("the column notes", "section.column-list tbody")
        .await;
    assert!(notes.contains("Solar Hijri (Jalali) calendar"), "{notes}");
    assert!(notes.contains("Day or month first?"), "{notes}");
    assert!(
        notes.contains("1 value does not fit “Whole number”"),
        "{notes}"
    );

    // The misfit is listed with its row (data row 8 is i = 7), as text.
    s.eval("(document.querySelector('details.misfits').open = true)")
        .await;
    let listed = s.text_of("the listed misfit", "details.misfits li").await;
    assert_eq!(listed, "Data row 8: “forty”");

    s.choose("Day or month first in joined", "day_first").await;
    s.wait_until(
        "the flag to go once the order is chosen",
        "!document.querySelector('section.column-list tbody').textContent.includes('Day or month first?')",
    )
    .await;
    assert_eq!(
        s.chosen("Day or month first in joined").await,
        "Day first (31/12/2023)"
    );

    // The choice is part of the project: back after a reload.
    s.reload().await;
    s.choose_file("Choose a file", &file.path).await;
    s.wait_until(
        "the restored order",
        "(() => { const s = document.querySelector(\"select[aria-label='Day or month first in joined']\"); return s && s.value === 'day_first'; })()",
    )
    .await;
    s.close().await;
}
