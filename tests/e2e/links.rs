//! Links: a demo link opens a finished analysis; a recipe link carries
//! settings only and, opened in a fresh profile with the same file, makes
//! the same segments.

use fantoccini::Locator;

use crate::helpers::{is_format_word, json_strings};
use crate::support::{open_mall_segments, real_file, Session, SEGMENT_SIZES};

const PERSONA_CARDS: &str = "document.querySelectorAll('.persona-card').length";

#[tokio::test]
async fn a_demo_link_opens_a_finished_analysis() {
    let s = Session::open().await;
    s.goto("/#demo=shop").await;
    // The page opens again on the demo project, its three files read.
    s.wait_until(
        "the demo's customers",
        "document.body.textContent.includes('customers.csv')",
    )
    .await;
    assert_eq!(s.fact("Rows").await, "400");
    s.wait_until("the address without the link", "location.hash === ''")
        .await;
    let sizes = s.wait_until("the demo's segments", SEGMENT_SIZES).await;
    let sizes: Vec<usize> = sizes
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().replace(',', "").parse().unwrap())
        .collect();
    assert_eq!(sizes.len(), 5, "{sizes:?}");
    assert_eq!(sizes.iter().sum::<usize>(), 400);
    // The personas are part of the finished analysis: made without a click.
    s.wait_until("a persona per segment", &format!("{PERSONA_CARDS} === 5"))
        .await;
    s.wait_until(
        "the files linked and the purchase log read",
        "document.body.textContent.includes('transactions.csv') && document.body.textContent.includes('feedback.csv') && document.querySelector('section.rfm canvas')",
    )
    .await;
    assert_eq!(
        s.eval("document.querySelector('.project-bar input[type=text]').value")
            .await,
        "Demo shop"
    );
    s.screenshot("demo_shop").await;
    // A reload loses nothing: the files, the segments and the personas
    // come back by themselves.
    s.reload().await;
    s.wait_until(
        "the personas after a reload",
        &format!("{PERSONA_CARDS} === 5"),
    )
    .await;
    assert_eq!(s.fact("Rows").await, "400");
    // The same link again opens the same project, not a copy.
    s.goto("/#demo=shop").await;
    s.wait_until(
        "the demo again",
        "location.hash === '' && document.body.textContent.includes('customers.csv')",
    )
    .await;
    assert_eq!(
        s.eval("JSON.parse(localStorage.getItem('nimrokh.projects')).projects.length")
            .await,
        1
    );
    s.close().await;
}

#[tokio::test]
async fn the_persian_demo_opens_right_to_left() {
    let s = Session::open().await;
    s.goto("/#demo=shop-fa").await;
    s.wait_until(
        "Persian",
        "document.documentElement.lang === 'fa' && document.documentElement.dir === 'rtl'",
    )
    .await;
    assert_eq!(s.fact("سطرها").await, "۴۰۰");
    let sizes = s.wait_until("the demo's segments", SEGMENT_SIZES).await;
    assert_eq!(sizes.as_array().unwrap().len(), 5);
    s.close().await;
}

#[tokio::test]
async fn a_recipe_link_reproduces_the_segments_in_a_fresh_profile() {
    let Some(mall) = real_file("mall_customers.csv") else {
        return;
    };
    let s = Session::open().await;
    let sizes = open_mall_segments(&s, &mall).await;
    s.wait_for(Locator::Css("details.project-more summary"))
        .await
        .click()
        .await
        .unwrap();
    s.by_text("button", "Make a recipe link")
        .await
        .click()
        .await
        .unwrap();
    let link = s
        .wait_until(
            "the recipe link",
            "document.querySelector('.recipe-link input')?.value",
        )
        .await
        .as_str()
        .unwrap()
        .to_string();
    // Nothing but headers and the format's own words.
    let recipe = s
        .eval(&format!(
            "decodeURIComponent({}.split('#recipe=')[1])",
            serde_json::json!(link)
        ))
        .await;
    let recipe: serde_json::Value = serde_json::from_str(recipe.as_str().unwrap()).unwrap();
    let headers = std::fs::read_to_string(&mall).unwrap();
    let headers: Vec<&str> = headers.lines().next().unwrap().split(',').collect();
    for text in json_strings(&recipe) {
        assert!(
            headers.contains(&text.as_str()) || is_format_word(&text),
            "{text:?} in the recipe link"
        );
    }
    assert!(!link.contains("Male") && !link.contains("Female"));
    s.close().await;

    // A colleague's browser, never used: the link, then their own copy.
    let s = Session::open().await;
    let path = &link[link.find("/#").unwrap()..];
    s.goto(path).await;
    let notice = s.text_of("the recipe notice", ".notice").await;
    assert!(notice.contains("annual_income_thousands"), "{notice}");
    s.choose_file("Choose a file", &mall).await;
    let again = s.wait_until("the same segments", SEGMENT_SIZES).await;
    assert_eq!(again, sizes);
    s.wait_until("the address without the link", "location.hash === ''")
        .await;
    s.close().await;
}
