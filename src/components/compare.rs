//! Two to four scenarios side by side: inputs and answers in columns, rows whose columns
//! differ marked, each column openable in the form. The comparison has its own link and
//! prints on one landscape page.

use engine::compare::{compare, AnswerCell};
use engine::RawScenario;
use leptos::prelude::*;

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
    let body = match compare(&pairs) {
        Err(message) => view! { <p class="problems" role="alert">{message}</p> }.into_any(),
        Ok(c) => {
            let heads = c.columns.iter().enumerate().map(|(i, col)| {
                let raw = chosen.get(i).map(|(_, r)| r.clone()).unwrap_or_default();
                let problems = (!col.problems.is_empty()).then(|| {
                    view! { <small class="not-assessed">{format!(" (not assessed: {} to fix)", col.problems.len())}</small> }
                });
                view! {
                    <th scope="col">
                        {col.name.clone()} {problems} " "
                        <button type="button" class="link-button" on:click=move |_| {
                            scenario.set(raw.clone());
                            compare_state.set(None);
                            scroll_to("results-title");
                        }>"Open"</button>
                    </th>
                }
            }).collect_view();
            let inputs = c.inputs.into_iter().map(|row| view! {
                <tr class:differs=row.differs data-differs=row.differs.to_string()>
                    <th scope="row">{row.label} {row.differs.then_some(" ≠")}</th>
                    {row.cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                </tr>
            }).collect_view();
            let answers = c.answers.into_iter().map(|row| view! {
                <tr class:differs=row.differs data-differs=row.differs.to_string()>
                    <th scope="row">{row.label} {row.differs.then_some(" ≠")}</th>
                    {row.cells.into_iter().map(|cell| view! { <td>{answer(cell)}</td> }).collect_view()}
                </tr>
            }).collect_view();
            view! {
                <div class="compare-scroll">
                    <table class="compare-table">
                        <thead><tr><td></td>{heads}</tr></thead>
                        <tbody>
                            <tr class="compare-section"><th scope="rowgroup" colspan="5">"Answers"</th></tr>
                            {answers}
                            <tr class="compare-section"><th scope="rowgroup" colspan="5">"Inputs"</th></tr>
                            {inputs}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }
    };
    view! {
        <section class="card comparison" data-compare aria-labelledby="compare-title">
            <div class="results-head">
                <h2 id="compare-title">"Comparison"</h2>
                <button type="button" class="print-button" on:click=|_| print_page()>"Print (landscape)"</button>
                <button type="button" on:click=move |_| compare_state.set(None)>"Back to the scenario"</button>
            </div>
            <p class="hint">"Rows marked ≠ differ between the scenarios. The link of this page opens this comparison."</p>
            {body}
        </section>
    }
}

/// One answer cell: the status and label badge in words, or why there is none.
fn answer(cell: AnswerCell) -> String {
    match cell {
        AnswerCell::Therapy { status, badge, .. } => format!("{} · {badge}", status.label()),
        AnswerCell::PrePhase { text, .. } => text.to_string(),
        AnswerCell::Text(text) => text,
        AnswerCell::NotAssessed => "not assessed".to_string(),
    }
}
