//! The pre-phase card: the decision before blinatumomab and the rule behind it, BSA-based
//! doses, the Ph-positive option, the real-world comparison and the blast targets; and any
//! cytoreduction before inotuzumab.

use engine::debulking::{Debulking, DebulkingLevel};
use engine::evidence::Sourced;
use leptos::prelude::*;

use super::citation::Citations;
use super::doses::{DoseTable, PlanFold};
use super::reasons::Reasons;

/// A computed dose with at most two decimals and no trailing zeros (the engine's rounding):
/// an infant's 5.37 µg/day must not read 5.4.
pub fn trim_number(x: f64) -> String {
    engine::display::num(x).to_string()
}

/// The pre-phase card.
#[component]
pub fn DebulkingCard(
    /// The engine's pre-phase advice.
    debulking: Debulking,
    /// Weight, height and age that do not fit together: shown beside the doses.
    #[prop(optional)]
    warnings: Vec<engine::plausibility::Warning>,
) -> impl IntoView {
    let level = debulking.level;
    let plan = debulking.plan;
    let applicable = level != DebulkingLevel::NotApplicable;
    view! {
        <section class="card debulking" data-debulking=level.slug() data-plan=plan.slug() aria-labelledby="debulking-title">
            <h2 id="debulking-title">"Pre-phase before the immunotherapy"</h2>
            <super::results::Warnings warnings />
            <h3>"Debulking before blinatumomab"</h3>
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
            <Reasons reasons=debulking.reasons.clone() />
            {applicable.then(|| view! {
                <PlanFold plan drug="Blinatumomab">
                    <h4>"Regimen"</h4>
                    <DoseTable doses=debulking.regimen.clone() />
                    <SourcedList items=debulking.regimen_notes.clone() />
                    {(!debulking.ph_regimen.is_empty()).then(|| view! {
                        <h4>"Ph-positive"</h4>
                        <Reasons reasons=debulking.ph_regimen.clone() />
                    })}
                    <h4>"Real-world comparison"</h4>
                    <SourcedList items=debulking.real_world.clone() />
                    <h4>"Targets before the first infusion"</h4>
                    <SourcedList items=debulking.targets.clone() />
                </PlanFold>
            })}
            {(!debulking.before_inotuzumab.is_empty()).then(|| view! {
                <h3>"Cytoreduction before inotuzumab"</h3>
                <Reasons reasons=debulking.before_inotuzumab.clone() />
            })}
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
                            {item.text.to_string()}
                            <Citations citations=item.sources />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
