//! "What would change it": the engine's smallest single-input changes that would change a
//! status, a label badge or the pre-phase decision, each one click away, and one click back.

use engine::what_if::{search, Step, Suggestion};
use engine::{Field, RawScenario};
use leptos::prelude::*;

/// The suggestions applied, last on top: each field and the text it had, to put back.
pub type Undo = Vec<(Field, String)>;

/// A field's text as the form shows it (the comparison's wording).
fn shown(field: Field, text: &str, raw: &RawScenario) -> String {
    engine::compare::text_shown(field, text, raw).unwrap_or_else(|| "not given".into())
}

/// The suggestions for the current scenario, with an undo of the last one applied.
#[component]
pub fn WhatIf(
    /// The scenario as entered (the suggestions change one of its fields).
    scenario: RwSignal<RawScenario>,
    /// The last change applied here, kept outside the result so it survives re-rendering.
    undo: RwSignal<Undo>,
) -> impl IntoView {
    // Both kinds of question, each with its smallest changes: a scenario with many unknowns
    // would otherwise show only "find out …" and never the thresholds.
    let (known, values): (Vec<Suggestion>, Vec<Suggestion>) = scenario
        .with_untracked(|s| search(s, usize::MAX))
        .into_iter()
        .partition(|s| s.step == Step::MadeKnown);
    let empty = known.is_empty() && values.is_empty();
    let undo_button = move || {
        undo.with(|u| u.last().cloned()).map(|(field, text)| {
            let label = scenario.with_untracked(|s| shown(field, &text, s));
            view! {
                <button type="button" data-undo on:click=move |_| {
                    scenario.update(|s| s.set(field, text.clone()));
                    undo.update(|u| { u.pop(); });
                }>{format!("Undo: {} back to {label}", field.label())}</button>
            }
        })
    };
    view! {
        <section class="card what-if" aria-labelledby="what-if-title">
            <h2 id="what-if-title">"What would change it"</h2>
            {undo_button}
            {if empty {
                view! { <p class="hint">"No single change of one input changes a status, a label badge or the pre-phase decision."</p> }.into_any()
            } else {
                view! {
                    <p class="hint">"The smallest single changes that would change the answer, smallest first. Choose one to try it."</p>
                    {group("If a value were different", values, scenario, undo)}
                    {group("If an unknown were known", known, scenario, undo)}
                }.into_any()
            }}
        </section>
    }
}

/// How many suggestions of each kind are shown.
const SHOWN: usize = 8;

/// One kind of suggestion as a list of buttons, smallest first.
fn group(
    title: &'static str,
    suggestions: Vec<Suggestion>,
    scenario: RwSignal<RawScenario>,
    undo: RwSignal<Undo>,
) -> impl IntoView {
    (!suggestions.is_empty()).then(|| {
        let items = suggestions.into_iter().take(SHOWN).map(|s| {
            let (field, to, from) = (s.field, s.to.clone(), s.from.clone());
            let rules = s
                .rules
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <li data-suggestion=field.key()>
                    <button type="button" class="link-button" on:click=move |_| {
                        undo.update(|u| u.push((field, from.clone())));
                        scenario.update(|sc| sc.set(field, to.clone()));
                    }>{s.description}</button>
                    {(!rules.is_empty()).then(|| view! { <small class="rule-id">{rules}</small> })}
                </li>
            }
        });
        view! {
            <h3>{title}</h3>
            <ul class="suggestions">{items.collect_view()}</ul>
        }
    })
}
