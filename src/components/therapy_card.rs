//! One therapy's card: status in words and colour, reasons with sources, tests needed.

use engine::recommendation::TherapyAssessment;
use engine::Status;
use leptos::prelude::*;

use super::citation::Citations;
use super::reasons::Reasons;

/// A symbol that carries the status without colour.
fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Preferred => "★",
        Status::Option => "●",
        Status::Caution => "▲",
        Status::NotEligible => "✕",
    }
}

/// The card of one therapy.
#[component]
pub fn TherapyCard(
    /// The engine's assessment of the therapy.
    assessment: TherapyAssessment,
) -> impl IntoView {
    let TherapyAssessment {
        therapy,
        status,
        reasons,
        tests_needed,
        indication,
        ..
    } = assessment;
    let title_id = format!("t-{}", therapy.slug());
    let tests_needed_shown = !tests_needed.is_empty();
    view! {
        <article
            class="therapy-card"
            data-therapy=therapy.slug()
            data-status=status.slug()
            aria-labelledby=title_id.clone()
        >
            <header>
                <h3 id=title_id.clone()>{therapy.name()}</h3>
                <p class="status">
                    <span aria-hidden="true">{status_symbol(status)}</span>
                    " "
                    {status.label()}
                </p>
            </header>
            {(!tests_needed.is_empty())
                .then(|| {
                    view! {
                        <div class="tests-needed">
                            <h4>"Still needed"</h4>
                            <Reasons reasons=tests_needed />
                        </div>
                    }
                })}
            {if reasons.is_empty() {
                // The status then rests on the approved use alone: show it with its source.
                let none = if tests_needed_shown {
                    "Apart from what is still needed, no rule flags or favours it. "
                } else {
                    "No rule flags or favours it for this patient. "
                };
                view! {
                    <p class="no-reasons">
                        {none}
                        {indication.text}
                        " "
                        <Citations citations=indication.sources />
                    </p>
                }
                    .into_any()
            } else {
                view! { <Reasons reasons /> }.into_any()
            }}
        </article>
    }
}
