//! The first rows of the table. Every cell is rendered as a text node, so a
//! cell holding markup shows as the characters it is.

use leptos::prelude::*;

use super::i18n::use_i18n;

#[component]
pub fn Preview(
    #[prop(into)] headers: Signal<Vec<String>>,
    #[prop(into)] rows: Signal<Vec<Vec<String>>>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let caption = move || {
        i18n.t_args(
            "preview.caption",
            &[
                ("count", &i18n.count(rows.with(Vec::len))),
                ("total", &i18n.count(total.get())),
            ],
        )
    };
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move || i18n.t("preview.heading")}</h2>
            <div class="table-scroll">
                <table>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("preview.row")}</th>
                            {move || {
                                headers
                                    .get()
                                    .into_iter()
                                    .map(|h| view! { <th scope="col" dir="auto">{h}</th> })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, row)| {
                                    view! {
                                        <tr>
                                            <th scope="row" class="number">{i18n.count(i + 1)}</th>
                                            {row
                                                .into_iter()
                                                .map(|cell| view! { <td dir="auto">{cell}</td> })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
