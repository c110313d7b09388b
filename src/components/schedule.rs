//! The blinatumomab schedule card: the cycle table with this patient's daily doses.

use engine::dosing::{BlinatumomabSchedule, DosingBasis, Indication};
use leptos::prelude::*;

use super::citation::Citations;
use super::debulking::{trim_number, SourcedList};

/// The blinatumomab schedule card.
#[component]
pub fn ScheduleCard(
    /// The engine's schedule for this patient.
    schedule: BlinatumomabSchedule,
) -> impl IntoView {
    let basis = match &schedule.basis {
        DosingBasis::Fixed => "Weight ≥ 45 kg: fixed doses in µg/day.".to_string(),
        DosingBasis::PerBsa { bsa_m2 } => {
            format!("Weight < 45 kg: doses in µg/m²/day converted with BSA {bsa_m2:.2} m².")
        }
        DosingBasis::NeedsInput(fields) => format!(
            "Enter {} to compute this patient's doses.",
            fields
                .iter()
                .map(|f| f.label().to_lowercase())
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    };
    let indication = match schedule.indication {
        Indication::RelapsedRefractory => "Relapsed/refractory dosing",
        Indication::Mrd => "MRD-positive dosing",
    };
    view! {
        <section class="card schedule" data-schedule aria-labelledby="schedule-title">
            <h2 id="schedule-title">"Blinatumomab schedule"</h2>
            <p>
                <strong>{indication}</strong>
                ". "
                {basis}
            </p>
            <div>
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
                        {schedule
                            .rows
                            .into_iter()
                            .map(|row| {
                                let amount = match row.ug_per_day {
                                    Some(ug) => format!("{} µg/day", trim_number(ug)),
                                    None => "—".to_string(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{row.cycle}</th>
                                        <td data-label="Days">{row.days}</td>
                                        <td data-label="Dose">{row.as_written}</td>
                                        <td class="dose-amount" data-label="This patient">
                                            {amount}
                                            {row.capped.then(|| view! { <small class="cap">" (capped by label)"</small> })}
                                        </td>
                                        <td data-label="Sources"><Citations citations=row.sources /></td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <SourcedList items=schedule.notes />
        </section>
    }
}
