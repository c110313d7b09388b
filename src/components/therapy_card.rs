//! One therapy's card: status in words and symbol, whether the use is within the chosen
//! region's label, reasons with sources, tests still needed, and the outcome chart most
//! relevant to the patient (folded; drawn at build time).

use engine::charts::ChartId;
use engine::labels::LabelStatus;
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

/// A symbol that carries the label badge without colour.
fn label_symbol(status: LabelStatus) -> &'static str {
    match status {
        LabelStatus::On => "✓",
        LabelStatus::Off => "⊘",
        LabelStatus::Unknown => "?",
    }
}

/// The card of one therapy.
#[component]
pub fn TherapyCard(
    /// The engine's assessment of the therapy.
    assessment: TherapyAssessment,
    /// The chart the engine finds most relevant to this patient, if any.
    chart: Option<ChartId>,
) -> impl IntoView {
    let TherapyAssessment {
        therapy,
        status,
        reasons,
        tests_needed,
        label,
        ..
    } = assessment;
    let title_id = format!("t-{}", therapy.slug());
    let tests_needed_shown = !tests_needed.is_empty();
    let indication = label.indication.clone();
    let region = label.region;
    let off_label_note = (label.status == LabelStatus::Off)
        .then_some("Use outside the label is a clinical decision.");
    view! {
        <article
            class="therapy-card"
            data-therapy=therapy.slug()
            data-status=status.slug()
            data-label=label.status.slug()
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
            <details class="label-badge" data-label-badge=label.status.slug()>
                <summary>
                    <span aria-hidden="true">{label_symbol(label.status)}</span>
                    " "
                    {label.status.label(region)}
                    {(status == Status::NotEligible && label.status == LabelStatus::On)
                        .then_some(", but not eligible for this patient (see below)")}
                </summary>
                <div class="label-body">
                    <p>
                        {indication.text.to_string()}
                        " "
                        <Citations citations=indication.sources />
                    </p>
                    {(!label.why.is_empty())
                        .then(|| {
                            view! {
                                <ul>
                                    {label
                                        .why
                                        .into_iter()
                                        .map(|c| view! { <li data-rule=c.rule.as_str()>{c.text} " " <Citations citations=c.sources /></li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    {off_label_note.map(|n| view! { <p class="off-label">{n}</p> })}
                </div>
            </details>
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
                // The status then rests on the label alone: show it with its source.
                let none = if tests_needed_shown {
                    "Apart from what is still needed, no rule flags or favours it. "
                } else {
                    "No rule flags or favours it for this patient. "
                };
                view! {
                    <p class="no-reasons">
                        {none}
                        {indication.text.to_string()}
                        " "
                        <Citations citations=indication.sources />
                    </p>
                }
                    .into_any()
            } else {
                view! { <Reasons reasons outweighed=status == Status::Caution /> }.into_any()
            }}
            {chart.and_then(ChartId::summary).map(|c| {
                let slug = c.id.slug();
                // The figures as text are on the evidence page, one link away: carrying them
                // here would cost the first visit several kilobytes.
                view! {
                    <details class="card-chart">
                        <summary>"Outcome chart: " {c.title}</summary>
                        <figure data-chart=slug>
                            <img src=format!("charts/{slug}.svg") alt=c.title loading="lazy" />
                            <figcaption>
                                {c.measure} ". " {c.caption} " "
                                <a href=format!("evidence.html#chart-{slug}")>"The figures as text"</a>
                            </figcaption>
                        </figure>
                    </details>
                }
            })}
        </article>
    }
}
