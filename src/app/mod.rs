//! The thin Leptos layer: pages and components over core's plain structs,
//! plus platform glue (file reading, storage, canvas). No analysis happens
//! here; it asks the engine.

mod associations_panel;
mod canvas_chart;
mod chart_canvas;
mod chart_draw;
mod column_list;
mod column_stats;
mod customer_page;
mod customers_panel;
mod customers_table;
mod download;
mod engine_client;
mod exports;
mod exports_panel;
mod feedback_cards;
mod file_drop;
mod file_store;
mod file_summary;
mod i18n;
mod idb;
mod kept_files;
mod language_switch;
mod links;
mod load_progress;
mod movement_panel;
mod notices;
mod persona_card;
mod persona_editor;
mod persona_picture;
mod persona_png;
mod persona_report;
mod persona_view;
mod personas_panel;
mod preview;
mod profile_dashboard;
mod project_file;
mod project_files;
mod projects_panel;
mod quality_panel;
mod read_options;
mod recipe_link;
mod rfm_panel;
mod rule_condition;
mod rule_editor;
mod rule_segments_panel;
mod saved_chips;
mod saving;
mod segment_results;
mod segment_setup;
mod segment_traits;
mod segments_panel;
mod sentiment_card;
mod snapshot_store;
mod sql_export;
mod storage;
mod studio;
mod studio_files;

pub use chart_canvas::{size_canvas_for_dpr, HistogramChart};
pub use column_list::ColumnList;
pub use i18n::{provide_i18n, use_i18n, I18n};
pub use preview::{first_row_at, RowWindow, WINDOW_ROWS};
pub use studio::{App, Studio};

/// Mount the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
