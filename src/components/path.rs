//! The decision path: every rule evaluated, in order, whether it fired and what it read.

use engine::Recommendation;
use leptos::prelude::*;

/// The trace of every rule evaluated, folded by default.
#[component]
pub fn DecisionPath(
    /// The engine's result, whose trace this draws.
    rec: Recommendation,
) -> impl IntoView {
    let fired = rec.trace.iter().filter(|s| s.fired).count();
    let total = rec.trace.len();
    view! {
        <details class="card path" data-path>
            <summary>
                <h2>{format!("Decision path: {fired} of {total} rules fired")}</h2>
            </summary>
            <ol class="trace">
                {rec
                    .trace
                    .iter()
                    .map(|step| {
                        let inputs = step
                            .inputs
                            .iter()
                            .map(|&f| format!("{} = {}", f.label(), rec.input(f)))
                            .collect::<Vec<_>>()
                            .join("; ");
                        let findings: Vec<String> = rec
                            .reasons_of(step.rule)
                            .into_iter()
                            .map(|(therapy, r)| match therapy {
                                Some(t) => format!("{}: {}", t.name(), r.text),
                                None => r.text.clone(),
                            })
                            .collect();
                        view! {
                            <li class:fired=step.fired data-trace-rule=step.rule.as_str()>
                                <span class="rule-id">{step.rule.as_str()}</span>
                                <span class="fired-word">{if step.fired { " fired" } else { " did not fire" }}</span>
                                <small class="reads">{format!(" — read: {inputs}")}</small>
                                {(!findings.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul>
                                                {findings.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
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
