//! The blinatumomab schedule card: the cycle table with this patient's daily doses,
//! premedication by age, and toxicity management for this patient's schedule.

use engine::dosing::{BlinatumomabSchedule, DosingBasis, Indication};
use engine::evidence::Citation;
use leptos::prelude::*;

use super::citation::Citations;
use super::debulking::{trim_number, SourcedList};
use super::doses::{DoseTable, PlanFold};

/// Words for how the doses are computed.
pub fn basis_words(basis: &DosingBasis, per_m2: &str) -> String {
    match basis {
        DosingBasis::Fixed => "Weight ≥ 45 kg: fixed doses in µg/day.".to_string(),
        DosingBasis::PerBsa { bsa_m2 } => {
            format!(
                "{per_m2} converted with BSA {} m².",
                engine::decimal::Fixed(*bsa_m2, 2)
            )
        }
        DosingBasis::NeedsInput(fields) => format!(
            "Enter {} to compute this patient's doses.",
            fields
                .iter()
                .map(|f| f.label().to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    }
}

/// One row of a cycle table: the cycle, its days, the dose as the label writes it, this
/// patient's amount (whether capped at the label's maximum), and the sources.
pub struct CycleRow {
    /// The cycle ("Cycle 1").
    pub cycle: &'static str,
    /// The days of the cycle the dose is given.
    pub days: &'static str,
    /// The dose as the label writes it.
    pub dose: String,
    /// This patient's amount, or "—" when it cannot be computed.
    pub amount: String,
    /// Whether the amount is the label's maximum rather than the computed one.
    pub capped: bool,
    /// Where the dose comes from.
    pub sources: &'static [Citation],
}

/// A drug's cycles as a table (one component for both schedules, so one copy of its code).
#[component]
pub fn CycleTable(
    /// The rows, in cycle order.
    rows: Vec<CycleRow>,
) -> impl IntoView {
    view! {
        <table class="stack">
            <thead>
                <tr>
                    <th scope="col">"Cycle"</th>
                    <th scope="col">"Days"</th>
                    <th scope="col">"Dose"</th>
                    <th scope="col">"This patient"</th>
                    <th scope="col">"Sources"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <th scope="row">{row.cycle}</th>
                                <td data-label="Days">{row.days}</td>
                                <td data-label="Dose">{row.dose}</td>
                                <td class="dose-amount" data-label="This patient" data-capped=row.capped.then_some("true")>
                                    {row.amount}
                                </td>
                                <td data-label="Sources"><Citations citations=row.sources /></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The blinatumomab schedule card.
#[component]
pub fn ScheduleCard(
    /// The engine's schedule for this patient.
    schedule: BlinatumomabSchedule,
    /// Weight, height and age that do not fit together: shown beside the doses.
    #[prop(optional)]
    warnings: Vec<engine::plausibility::Warning>,
) -> impl IntoView {
    let basis = basis_words(&schedule.basis, "Weight < 45 kg: doses in µg/m²/day");
    let indication = match schedule.indication {
        Indication::RelapsedRefractory => "Relapsed/refractory dosing",
        Indication::Mrd => "MRD-positive dosing",
    };
    let plan = schedule.plan;
    view! {
        <section
            class="card schedule"
            data-schedule="blinatumomab"
            data-plan=plan.slug()
            aria-labelledby="schedule-title"
        >
            <h2 id="schedule-title">"Blinatumomab schedule"</h2>
            <super::results::Warnings warnings />
            <PlanFold plan drug="Blinatumomab">
                <p>
                    <strong>{indication}</strong>
                    ". "
                    {basis.clone()}
                </p>
                <CycleTable rows=schedule
                    .rows
                    .iter()
                    .map(|row| CycleRow {
                        cycle: row.cycle,
                        days: row.days,
                        dose: row.as_written.clone(),
                        amount: match (row.ug_per_day, row.computed_ug) {
                            (Some(ug), Some(c)) => format!("{} µg/day ({} computed; the label's maximum)", trim_number(ug), trim_number(c)),
                            (Some(ug), None) => format!("{} µg/day", trim_number(ug)),
                            _ => "—".to_string(),
                        },
                        capped: row.capped,
                        sources: row.sources,
                    })
                    .collect() />
                <h3>"Premedication"</h3>
                <DoseTable doses=schedule.premedication.clone() />
                <SourcedList items=schedule.notes.clone() />
            </PlanFold>
        </section>
    }
}
