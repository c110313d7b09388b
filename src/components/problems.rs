//! The summary of what stops a recommendation: missing values and invalid input.

use engine::{Problem, ProblemKind};
use leptos::prelude::*;

use super::form::input_id;

/// Lists the problems, each linking to its field. Invalid or inconsistent input is an alert;
/// values not yet entered are a calm prompt.
#[component]
pub fn ProblemSummary(
    /// Every problem, in form order.
    problems: Vec<Problem>,
) -> impl IntoView {
    let (missing, invalid): (Vec<Problem>, Vec<Problem>) = problems
        .into_iter()
        .partition(|p| p.kind == ProblemKind::Missing);
    let item = |p: Problem| {
        view! {
            <li data-problem=p.field.key()>
                <a href=format!("#{}", input_id(p.field))>{p.message}</a>
            </li>
        }
    };
    view! {
        {(!invalid.is_empty())
            .then(|| {
                view! {
                    <section class="problems" role="alert" aria-labelledby="problems-title">
                        <h2 id="problems-title">"Check these entries"</h2>
                        <p>"No recommendation is shown while the input is invalid. Your entries are kept."</p>
                        <ul>{invalid.into_iter().map(item).collect_view()}</ul>
                    </section>
                }
            })}
        {(!missing.is_empty())
            .then(|| {
                view! {
                    <section class="needed" role="status" aria-labelledby="needed-title">
                        <h2 id="needed-title">"To see a recommendation"</h2>
                        <ul>{missing.into_iter().map(item).collect_view()}</ul>
                    </section>
                }
            })}
    }
}
