//! The decision path: every rule evaluated, in order, whether it fired and what it read.

use engine::recommendation::TraceStep;
use leptos::prelude::*;

/// The trace of every rule evaluated, folded by default.
#[component]
pub fn DecisionPath(
    /// The engine's trace.
    trace: Vec<TraceStep>,
) -> impl IntoView {
    let fired = trace.iter().filter(|s| s.fired).count();
    let total = trace.len();
    view! {
        <details class="card path" data-path>
            <summary>
                <h2>{format!("Decision path: {fired} of {total} rules fired")}</h2>
            </summary>
            <ol class="trace">
                {trace
                    .into_iter()
                    .map(|step| {
                        let inputs = step
                            .inputs
                            .iter()
                            .map(|(f, v)| format!("{} = {v}", f.label()))
                            .collect::<Vec<_>>()
                            .join("; ");
                        view! {
                            <li class:fired=step.fired data-trace-rule=step.rule.as_str()>
                                <span class="rule-id">{step.rule.as_str()}</span>
                                <span class="fired-word">{if step.fired { " fired" } else { " did not fire" }}</span>
                                <small class="reads">{format!(" — read: {inputs}")}</small>
                                {(!step.outcome.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul>
                                                {step.outcome.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </details>
    }
}
