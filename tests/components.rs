//! Component tests: the app's components mounted in real headless Chromium
//! (wasm-bindgen-test). Run with
//! `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nimrokh::app::{
    first_row_at, size_canvas_for_dpr, ColumnList, HistogramChart, RowWindow, WINDOW_ROWS,
};
use nimrokh::core::schema::{ColumnGuess, ColumnType, Role};
use nimrokh::core::stats::Histogram;
use nimrokh::engine::ColumnSummary;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = document();
    let div: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Let effects and a frame run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn guess(column_type: ColumnType, missing: usize, examples: &[&str]) -> ColumnGuess {
    ColumnGuess {
        column_type,
        confidence: 1.0,
        missing,
        invalid: 0,
        examples: examples.iter().map(|s| s.to_string()).collect(),
        misfits: Vec::new(),
        date_order: None,
        calendar: None,
    }
}

#[wasm_bindgen_test]
fn preview_renders_markup_in_cells_as_text() {
    let root = container();
    let hostile = "<img src=x onerror=\"document.title='owned'\">";
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <RowWindow
                headers=vec!["name".to_string(), "<b>note</b>".to_string()]
                rows=vec![vec!["Ali".to_string(), hostile.to_string()]]
                total=1usize
                start=0usize
            />
        }
    });
    assert_eq!(root.query_selector_all("img").unwrap().length(), 0);
    assert_eq!(root.query_selector_all("b").unwrap().length(), 0);
    let cells = root.query_selector_all("tbody td").unwrap();
    assert_eq!(cells.length(), 2);
    assert_eq!(cells.item(1).unwrap().text_content().unwrap(), hostile);
    let header = root
        .query_selector("thead th:nth-child(3)")
        .unwrap()
        .unwrap();
    assert_eq!(header.text_content().unwrap(), "<b>note</b>");
}

#[wasm_bindgen_test]
fn row_window_numbers_rows_from_where_the_page_starts() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <RowWindow
                headers=vec!["id".to_string()]
                rows=vec![vec!["x".to_string()], vec!["y".to_string()]]
                total=1_000_000usize
                start=999_998usize
            />
        }
    });
    let numbers: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all("tbody th")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(numbers, ["999,999", "1,000,000"]);
    // The scrollbar's end maps onto the last full window, its start onto row 0.
    assert_eq!(
        first_row_at(500.0, 500.0, 1_000_000),
        1_000_000 - WINDOW_ROWS
    );
    assert_eq!(first_row_at(0.0, 500.0, 1_000_000), 0);
    assert_eq!(first_row_at(0.0, 0.0, 10), 0);
}

#[wasm_bindgen_test]
fn column_list_shows_each_column_with_its_type_and_missing_count() {
    let root = container();
    let columns = vec![
        ColumnSummary {
            name: "Age".into(),
            guess: guess(ColumnType::Integer, 2, &["31", "45"]),
            role: Role::Age,
        },
        ColumnSummary {
            name: "City".into(),
            guess: guess(ColumnType::Category, 0, &["Tehran", "تهران"]),
            role: Role::City,
        },
    ];
    let _mounted = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ColumnList columns=columns.clone() /> },
    );
    let rows = root.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    let first = rows.item(0).unwrap().text_content().unwrap();
    assert!(
        first.contains("Age") && first.contains("Whole number") && first.contains('2'),
        "{first}"
    );
    let second = rows.item(1).unwrap().text_content().unwrap();
    assert!(second.contains("تهران"), "{second}");
}

#[wasm_bindgen_test]
fn canvas_backing_store_follows_device_pixel_ratio() {
    let root = container();
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    HtmlElement::style(&canvas)
        .set_property("width", "300px")
        .unwrap();
    HtmlElement::style(&canvas)
        .set_property("height", "150px")
        .unwrap();
    root.append_child(&canvas).unwrap();
    let ratio = size_canvas_for_dpr(&canvas);
    assert_eq!(ratio, window().device_pixel_ratio().max(1.0));
    assert_eq!(canvas.width(), (300.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (150.0 * ratio).round() as u32);
}

#[wasm_bindgen_test]
async fn histogram_chart_draws_bars_and_describes_them() {
    let root = container();
    let histogram = Histogram {
        edges: vec![0.0, 10.0, 20.0, 30.0],
        counts: vec![4, 9, 2],
        missing: 1,
        invalid: 0,
    };
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <HistogramChart histogram=Some(histogram.clone()) label="Age".to_string() /> }
    });
    settle().await;
    let canvas: HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(
        label.starts_with("Histogram of Age: 3 bars from 0 to 30"),
        "{label}"
    );
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data();
    let bar_pixels = data
        .chunks(4)
        .filter(|p| p[0] == 13 && p[1] == 110 && p[2] == 110)
        .count();
    assert!(bar_pixels > 500, "bar pixels: {bar_pixels}");
    let caption = root
        .query_selector("figcaption")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(caption.contains("1 missing"), "{caption}");
}
