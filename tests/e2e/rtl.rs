//! Arabic and Persian turn the page right-to-left, with their own digits.

use crate::support::{fixture, Session};

#[tokio::test]
async fn arabic_is_right_to_left_with_arabic_digits() {
    let s = Session::open().await;
    assert_eq!(s.eval("document.documentElement.dir").await, "ltr");
    s.select("Language", "ar").await;
    s.wait_until("dir=rtl", "document.documentElement.dir === 'rtl'")
        .await;
    assert_eq!(s.eval("document.documentElement.lang").await, "ar");

    s.choose_file("اختر ملفًا", &fixture("online_retail_500.csv"))
        .await;
    assert_eq!(s.fact("الصفوف").await, "٤٩٩");
    assert_eq!(s.fact("الأعمدة").await, "٩");
    // Logical properties: in RTL the header's first item (the brand) sits on the right.
    let mirrored = s
        .eval(
            "(() => { const b = document.querySelector('.brand').getBoundingClientRect(); \
              const l = document.querySelector('.language-switch').getBoundingClientRect(); \
              return b.left > l.left; })()",
        )
        .await;
    assert_eq!(mirrored, true);
    s.screenshot("arabic").await;
    s.close().await;
}
