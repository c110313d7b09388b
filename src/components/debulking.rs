//! The pre-phase debulking card: the decision, the rule behind it, BSA-based doses, the
//! real-world comparison and the blast targets.

use engine::debulking::Debulking;
use engine::dosing::Dose;
use engine::evidence::Sourced;
use leptos::prelude::*;

use super::citation::Citations;
use super::reasons::Reasons;

/// Formats a computed dose ("17.3 mg/day"), or says what is missing.
fn dose_amount(dose: &Dose) -> String {
    match dose.per_day {
        Some(amount) => format!("{} {}", trim_number(amount), dose.unit),
        None => "enter weight and height for the dose".to_string(),
    }
}

/// A number with at most one decimal and no trailing ".0".
pub fn trim_number(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The debulking card.
#[component]
pub fn DebulkingCard(
    /// The engine's debulking advice.
    debulking: Debulking,
) -> impl IntoView {
    let level = debulking.level;
    view! {
        <section class="card debulking" data-debulking=level.slug() aria-labelledby="debulking-title">
            <h2 id="debulking-title">"Pre-phase debulking before blinatumomab"</h2>
            <p class="debulking-level">
                <strong>{level.label()}</strong>
            </p>
            {(!debulking.missing.is_empty())
                .then(|| {
                    let names: Vec<&str> = debulking.missing.iter().map(|f| f.label()).collect();
                    view! {
                        <p class="missing">
                            {format!("Needed to decide: {}.", names.join(", "))}
                        </p>
                    }
                })}
            <Reasons reasons=debulking.reasons />
            <h3>"Regimen"</h3>
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
                    {debulking
                        .regimen
                        .into_iter()
                        .map(|dose| {
                            let amount = dose_amount(&dose);
                            view! {
                                <tr data-drug=dose.drug>
                                    <th scope="row">{dose.drug}</th>
                                    <td data-label="Dose">{dose.as_written.clone()} <small>{format!(" {}", dose.how)}</small></td>
                                    <td class="dose-amount" data-label="For this patient">
                                        {amount}
                                        {dose.cap_note.clone().map(|n| view! { <small class="cap">{format!(" ({n})")}</small> })}
                                    </td>
                                    <td data-label="Sources"><Citations citations=dose.sources /></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <SourcedList items=debulking.regimen_notes />
            <h3>"Real-world comparison"</h3>
            <SourcedList items=debulking.real_world />
            <h3>"Targets before the first infusion"</h3>
            <SourcedList items=debulking.targets />
        </section>
    }
}

/// Labelled statements with their sources.
#[component]
pub fn SourcedList(
    /// The statements.
    items: Vec<Sourced>,
) -> impl IntoView {
    view! {
        <ul class="sourced">
            {items
                .into_iter()
                .map(|item| {
                    view! {
                        <li>
                            <strong>{item.label}</strong>
                            ": "
                            {item.text}
                            <Citations citations=item.sources />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
