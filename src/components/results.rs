//! The live result: problems, or the therapy cards, conflicts, notes, debulking, schedule and
//! decision path, all rendered from the engine's assessment.

use engine::{Assessment, RawScenario};
use leptos::prelude::*;

use super::conflicts::Conflicts;
use super::debulking::DebulkingCard;
use super::inotuzumab::InotuzumabCard;
use super::path::DecisionPath;
use super::problems::ProblemSummary;
use super::reasons::Reasons;
use super::regions::OtherRegion;
use super::schedule::ScheduleCard;
use super::therapy_card::TherapyCard;
use super::what_if::WhatIf;

/// The results column.
#[component]
pub fn Results(
    /// The engine's verdict on the current scenario.
    assessment: Memo<Assessment>,
    /// The scenario (for the print summary's inputs).
    scenario: RwSignal<RawScenario>,
) -> impl IntoView {
    // The last "what would change it" step, kept across re-renders so it can be undone.
    let undo = RwSignal::new(Vec::new());
    // Whether the decision path is open, kept across results like the undo list.
    let path_open = RwSignal::new(false);
    view! {
        <section class="results" aria-labelledby="results-title" aria-live="polite">
            <div class="results-head">
                <h2 id="results-title">"Recommendation"</h2>
                <button type="button" class="print-button" on:click=|_| print_page()>"Print summary"</button>
            </div>
            <PrintInputs scenario />
            {move || {
                // Once this answer is drawn into the last one's elements.
                queue_microtask(super::citation::refresh_citations);
                match assessment.get() {
                Assessment::Invalid(problems) => view! { <ProblemSummary problems /> }.into_any(),
                Assessment::Valid(rec) => {
                    let rec = *rec;
                    // The path reads the whole result, so it takes its own copy first.
                    let path = rec.clone();
                    let differences = engine::regions::other_region(&rec.scenario);
                    let cytoreduction = rec.debulking.before_inotuzumab.clone();
                    view! {
                        <p class="region-line" data-region=rec.scenario.region.name()>
                            {format!("Eligibility by the {} labels.", rec.scenario.region.name())}
                        </p>
                        {rec.all_excluded.map(|reasons| view! {
                            <section class="card all-excluded" data-all-excluded aria-labelledby="all-excluded-title">
                                <h2 id="all-excluded-title">
                                    "None of these therapies is eligible for this patient."
                                </h2>
                                <Reasons reasons />
                                <p>"A clinical trial, or other salvage therapy per local protocol, is outside this aid."</p>
                            </section>
                        })}
                        <Warnings warnings=rec.warnings.clone() />
                        // The conflict comes first: it explains why neither side is preferred.
                        <Conflicts conflicts=rec.conflicts />
                        <div class="therapies">
                            {rec
                                .therapies
                                .into_iter()
                                .map(|assessment| {
                                    // A chart helps weigh a therapy the patient may receive.
                                    let chart = (assessment.status != engine::Status::NotEligible)
                                        .then(|| engine::charts::relevant(assessment.therapy, &rec.scenario))
                                        .flatten();
                                    view! { <TherapyCard assessment chart /> }
                                })
                                .collect_view()}
                        </div>
                        {(!rec.notes.is_empty())
                            .then(|| {
                                view! {
                                    <section class="card notes" aria-labelledby="notes-title">
                                        <h2 id="notes-title">"Notes for this patient"</h2>
                                        <Reasons reasons=rec.notes />
                                    </section>
                                }
                            })}
                        <WhatIf scenario undo />
                        <OtherRegion differences scenario />
                        <DebulkingCard debulking=rec.debulking warnings=rec.warnings.clone() />
                        <ScheduleCard schedule=rec.schedule warnings=rec.warnings.clone() />
                        <InotuzumabCard schedule=rec.inotuzumab cytoreduction warnings=rec.warnings.clone() />
                        <DecisionPath rec=path open=path_open />
                    }
                        .into_any()
                }
            }}}
        </section>
    }
}

/// Values that do not fit together (weight, height, age): shown above the doses, never
/// blocking.
#[component]
pub fn Warnings(
    /// The engine's plausibility warnings.
    warnings: Vec<engine::plausibility::Warning>,
) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        view! {
            <div class="warning" role="alert" data-warning="plausibility">
                <strong>"Check the units: "</strong>
                {warnings.into_iter().map(|w| view! { <p>{w.message}</p> }).collect_view()}
            </div>
        }
    })
}

/// The inputs as a compact list, shown only on paper so the printout stands alone.
#[component]
fn PrintInputs(scenario: RwSignal<RawScenario>) -> impl IntoView {
    view! {
        <dl class="print-only print-inputs">
            {move || {
                scenario
                    .with(|s| {
                        s.values
                            .iter()
                            .map(|(field, value)| {
                                let shown = engine::compare::text_shown(*field, value, s)
                                    .unwrap_or_else(|| value.clone());
                                view! {
                                    <dt>{field.label()}</dt>
                                    <dd>{shown}</dd>
                                }
                            })
                            .collect_view()
                    })
            }}
            <dt>"Printed"</dt>
            <dd>{today()}</dd>
        </dl>
    }
}

/// Today's date (local), for the printed summary.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Opens the browser's print dialog.
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        // A blocked print dialog is harmless: the user can still print from the browser.
        let _ = w.print();
    }
}
