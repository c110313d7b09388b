//! The inotuzumab ozogamicin dosing card: doses per BSA cycle by cycle, the number of cycles
//! for the transplant plan, the stopping rule, premedication and any cytoreduction first.

use engine::dosing::InotuzumabSchedule;
use engine::recommendation::Reason;
use leptos::prelude::*;

use super::debulking::{trim_number, SourcedList};
use super::doses::PlanFold;
use super::reasons::Reasons;
use super::schedule::{basis_words, CycleRow, CycleTable};

/// The inotuzumab schedule card.
#[component]
pub fn InotuzumabCard(
    /// The engine's schedule for this patient.
    schedule: InotuzumabSchedule,
    /// Cytoreduction before the first dose (D-3), when it applies.
    cytoreduction: Vec<Reason>,
    /// Weight, height and age that do not fit together: shown beside the doses.
    #[prop(optional)]
    warnings: Vec<engine::plausibility::Warning>,
) -> impl IntoView {
    let basis = basis_words(&schedule.basis, "Doses in mg/m²");
    let plan = schedule.plan;
    view! {
        <section
            class="card schedule"
            data-schedule="inotuzumab"
            data-plan=plan.slug()
            aria-labelledby="ino-schedule-title"
        >
            <h2 id="ino-schedule-title">"Inotuzumab ozogamicin schedule"</h2>
            <super::results::Warnings warnings />
            <PlanFold plan drug="Inotuzumab ozogamicin">
                {(!cytoreduction.is_empty()).then(|| view! {
                    <h3>"Before cycle 1"</h3>
                    <Reasons reasons=cytoreduction.clone() />
                })}
                <p>{basis.clone()}</p>
                <CycleTable rows=schedule
                    .doses
                    .iter()
                    .map(|d| CycleRow {
                        cycle: d.cycle,
                        days: d.days,
                        dose: format!("{} mg/m²", engine::display::num(d.mg_per_m2)),
                        amount: d.mg.map_or("—".to_string(), |mg| format!("{} mg", trim_number(mg))),
                        capped: false,
                        sources: d.sources,
                    })
                    .collect() />
                <SourcedList items=schedule.notes.clone() />
            </PlanFold>
        </section>
    }
}
