//! Dose tables and the fold that turns a dosing card into "for reference only" when its drug
//! is not eligible.

use engine::dosing::{Dose, Plan};
use leptos::prelude::*;

use super::citation::Citations;
use super::debulking::trim_number;

/// The amount for this patient, with the computed dose beside any cap ("26.5 mg computed;
/// 24 mg/day is the maximum"), or what is missing.
fn amount(dose: &Dose) -> String {
    match (dose.per_day, dose.computed, &dose.cap_note) {
        (Some(given), Some(computed), Some(cap)) if dose.capped => format!(
            "{} {} ({} computed; {cap})",
            trim_number(given),
            dose.unit,
            trim_number(computed)
        ),
        (Some(given), _, _) => format!("{} {}", trim_number(given), dose.unit),
        (None, _, _) => "enter weight and height for the dose".to_string(),
    }
}

/// Doses as a table: drug, dose as written, this patient's amount, sources.
#[component]
pub fn DoseTable(
    /// The doses.
    doses: Vec<Dose>,
) -> impl IntoView {
    view! {
        <table class="doses stack">
            <thead>
                <tr>
                    <th scope="col">"Drug"</th>
                    <th scope="col">"Dose"</th>
                    <th scope="col">"For this patient"</th>
                    <th scope="col">"Sources"</th>
                </tr>
            </thead>
            <tbody>
                {doses
                    .into_iter()
                    .map(|dose| {
                        let shown = amount(&dose);
                        let cap = (!dose.capped).then(|| dose.cap_note.clone()).flatten();
                        view! {
                            <tr data-drug=dose.drug>
                                <th scope="row">{dose.drug}</th>
                                <td data-label="Dose">{dose.as_written} <small>{format!(" {}", dose.how)}</small></td>
                                <td class="dose-amount" data-label="For this patient" data-capped=dose.capped.then_some("true")>
                                    {shown}
                                    {cap.map(|n| view! { <small class="cap">{format!(" ({n})")}</small> })}
                                </td>
                                <td data-label="Sources"><Citations citations=dose.sources /></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Wraps a dosing card's content: shown as a plan when the drug is eligible, folded behind
/// one click "for reference only" when it is not, so a not-eligible drug never reads as a
/// plan.
#[component]
pub fn PlanFold(
    /// Whether the card is a plan or for reference only.
    plan: Plan,
    /// The drug's name, for the fold's words.
    drug: &'static str,
    /// The card's content.
    children: Children,
) -> impl IntoView {
    match plan {
        Plan::Active => children().into_any(),
        Plan::Reference => view! {
            <p class="reference-why">
                {format!("{drug} is not eligible for this patient (see its card), so this is not a plan.")}
            </p>
            <details class="reference">
                <summary>"Show for reference only"</summary>
                {children()}
            </details>
        }
        .into_any(),
    }
}
