//! An Excel workbook opens like a CSV; the user picks another sheet and the
//! choice is part of the project.

use crate::support::{fixture, Session, PREVIEW_ROW1_COLUMN2};

#[tokio::test]
async fn a_workbook_opens_and_its_sheet_can_be_chosen() {
    let file = fixture("workbooks/customers.xlsx");
    let s = Session::open().await;
    s.choose_file("Choose a file", &file).await;
    // The empty cover sheet is passed over for the first sheet with data.
    assert_eq!(s.fact("Sheet").await, "Customers");
    assert_eq!(s.fact("Format").await, "Excel workbook (.xlsx)");
    assert_eq!(s.fact("Rows").await, "3");
    assert_eq!(
        s.text_of("row 1, column 2", PREVIEW_ROW1_COLUMN2).await,
        "تهران"
    );
    // Encoding and delimiter mean nothing for a workbook.
    let offered = s.text_of("the read options", "fieldset.read-options").await;
    assert!(!offered.contains("Delimiter"), "{offered}");

    s.select("Sheet", "Orders").await;
    s.wait_until(
        "the Orders sheet",
        "document.querySelector('section.preview thead').textContent.includes('order_id')",
    )
    .await;
    assert_eq!(s.fact("Rows").await, "2");
    assert_eq!(
        s.text_of("row 1, column 2", PREVIEW_ROW1_COLUMN2).await,
        "علی"
    );

    // The chosen sheet is saved with the project: the same file opens on it.
    s.reload().await;
    s.choose_file("Choose a file", &file).await;
    s.wait_until(
        "the restored sheet",
        "[...document.querySelectorAll('dt')].some(dt => dt.textContent.trim() === 'Sheet' && dt.nextElementSibling.textContent === 'Orders')",
    )
    .await;
    s.close().await;
}

#[tokio::test]
async fn a_zip_bomb_is_refused_with_a_clear_message() {
    let s = Session::open().await;
    s.choose_file("Choose a file", &fixture("workbooks/zip_bomb.xlsx"))
        .await;
    s.wait_until(
        "the refusal",
        "document.querySelector('.load-status.error') !== null",
    )
    .await;
    let status = s.text_of("the load status", ".load-status").await;
    assert!(status.contains("zip bomb"), "{status}");
    assert!(status.contains("xl/media/filler.bin"), "{status}");
    s.close().await;
}
