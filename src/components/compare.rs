//! Two to four scenarios side by side: inputs and answers in columns, rows whose columns
//! differ marked, each column openable in the form. The comparison has its own link and
//! prints on one landscape page.

use engine::RawScenario;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::results::print_page;
use super::saved::scroll_to;

/// The comparison of the chosen scenarios, in place of the single result.
#[component]
pub fn ComparisonView(
    /// The scenarios compared, with their names.
    chosen: Vec<(String, RawScenario)>,
    /// The form's scenario (a column opens into it).
    scenario: RwSignal<RawScenario>,
    /// Cleared to leave the comparison.
    compare_state: RwSignal<Option<Vec<(String, RawScenario)>>>,
) -> impl IntoView {
    let pairs: Vec<(&str, &RawScenario)> = chosen.iter().map(|(n, r)| (n.as_str(), r)).collect();
    let body = markup::comparison(&pairs);
    // A column's "Open" button puts its scenario in the form.
    let on_click = move |ev: web_sys::MouseEvent| {
        let column = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-open-column]").ok().flatten())
            .and_then(|b| b.get_attribute("data-open-column"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some((_, raw)) = column.and_then(|i| chosen.get(i)) {
            scenario.set(raw.clone());
            compare_state.set(None);
            scroll_to("results-title");
        }
    };
    // The comparison replaces the answer, maybe far above where it was asked for: it
    // brings itself into view, with focus on its heading.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            h.scroll_into_view();
            let _ = h.focus();
        }
    });
    view! {
        <section class="card comparison" data-compare aria-labelledby="compare-title" on:click=on_click>
            <div class="results-head">
                <h2 id="compare-title" tabindex="-1" node_ref=heading>"Comparison"</h2>
                <button type="button" class="print-button" on:click=|_| print_page()>"Print (landscape)"</button>
                <button type="button" on:click=move |_| leave(compare_state)>"Back to the scenario"</button>
            </div>
            <p class="hint">"Rows marked ≠ differ between the scenarios. The link of this page opens this comparison: it carries the scenarios and their names."</p>
            <div class="answer-part" inner_html=body></div>
        </section>
    }
}

/// Leaves the comparison for the answer, with focus on its heading.
pub fn leave(compare: RwSignal<Option<Vec<(String, RawScenario)>>>) {
    compare.set(None);
    scroll_to("results-title");
}
