//! The scenario form: its actions, drawn at start, and its groups, written as markup by
//! [`markup::form_groups`] from the engine's field table and patched into place on every
//! change, like the answer. One listener on the form reads every edit.

use engine::{Assessment, Field, FieldKind, RawScenario};
use leptos::html::Div;
use leptos::prelude::*;
use markup::Part;
use wasm_bindgen::JsCast;

use crate::patch::patch;
use crate::steps::{self, Step};

/// The form: its actions, then the host into which [`groups_step`] draws the groups.
#[component]
pub fn ScenarioForm(
    /// The scenario being edited (the app's only state).
    scenario: RwSignal<RawScenario>,
    /// Where the groups go.
    groups: NodeRef<Div>,
) -> impl IntoView {
    view! {
        <form class="scenario" aria-label="Patient scenario" on:submit=|ev| ev.prevent_default()
            on:input=move |ev| edited(&ev, scenario) on:change=move |ev| chosen(&ev, scenario)>
            <div class="form-actions">
                <h2>"Patient"</h2>
                // On narrow screens the result sits below the long form.
                <a class="jump" href="#results-title">"Go to recommendation"</a>
                <button type="button" on:click=move |_| scenario.set(RawScenario::new())>
                    "Clear all"
                </button>
            </div>
            <div class="groups" node_ref=groups></div>
        </form>
    }
}

/// The step that draws the form's groups and keeps them, and the controls' values, in step
/// with the scenario (see [`crate::steps`]).
pub fn groups_step(
    groups: NodeRef<Div>,
    scenario: RwSignal<RawScenario>,
    assessment: Memo<Assessment>,
) -> Step {
    Box::new(move || {
        Effect::new(move |shown: Option<Vec<Part>>| {
            let parts = scenario.with(|raw| assessment.with(|a| markup::form_groups(raw, a)));
            if let Some(host) = steps::element(groups) {
                patch(&host, shown.as_deref().unwrap_or_default(), &parts);
                scenario.with(|raw| set_values(&host, raw));
            }
            parts
        });
    })
}

/// Puts each field's text from `raw` into its control in `host` where it differs (a link
/// opened, a saved scenario, a step tried, the form cleared). The control being typed in
/// keeps its text while it means the same (spaces the scenario does not keep, "1" on the
/// way to "1.5"): nothing the user types is rewritten under the caret.
fn set_values(host: &web_sys::Element, raw: &RawScenario) {
    let Ok(controls) = host.query_selector_all("input, select") else {
        return;
    };
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    for node in (0..controls.length()).filter_map(|i| controls.item(i)) {
        let Some(el) = node.dyn_ref::<web_sys::Element>() else {
            continue;
        };
        let Some(field) = el.get_attribute("name").and_then(|n| Field::from_key(&n)) else {
            continue;
        };
        let text = raw.get(field);
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let shown = input.value();
            let typing = focused.as_ref() == Some(el) && shown.trim() == text.trim();
            if !typing && shown != text {
                input.set_value(text);
            }
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            // The engine reads a choice without the spaces around it (a link's, a file's);
            // not given reads as the first choice, the default.
            let text = match (text.trim(), field.kind()) {
                ("", FieldKind::Choice(choices)) => choices.first().map_or("", |c| c.0),
                (text, _) => text,
            };
            if select.value() != text {
                select.set_value(text);
            }
        }
    }
}

/// The field a form event came from, and the control's text.
fn edit(ev: &web_sys::Event) -> Option<(Field, web_sys::Element)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let field = Field::from_key(&el.get_attribute("name")?)?;
    Some((field, el))
}

/// A keystroke in a text field.
fn edited(ev: &web_sys::Event, scenario: RwSignal<RawScenario>) {
    let Some((field, el)) = edit(ev) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let text = input.value();
        scenario.update(|s| s.set(field, text));
    }
}

/// A choice made.
fn chosen(ev: &web_sys::Event, scenario: RwSignal<RawScenario>) {
    let Some((field, el)) = edit(ev) else {
        return;
    };
    let (Some(select), FieldKind::Choice(choices)) =
        (el.dyn_ref::<web_sys::HtmlSelectElement>(), field.kind())
    else {
        return;
    };
    let text = select.value();
    // The default choice is stored as "not given", which keeps links short.
    let is_default = choices.first().is_some_and(|c| c.0 == text);
    scenario.update(|s| s.set(field, if is_default { String::new() } else { text }));
}
