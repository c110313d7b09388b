//! The saved-scenarios section as it looks with nothing saved, drawn without the saved
//! list's code: a first visit has nothing saved, so that code (storage, the file format,
//! import, export, the comparison) is fetched only when the user first saves or imports.
//! A browser with a saved list, or without storage, gets the list itself at start-up.

use engine::RawScenario;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::saved::{chosen_file, First, NAME_EXAMPLE, PRIVACY};
use crate::on_demand::{self, Chosen};

use crate::storage;

/// Whether the saved list must be drawn at start-up: something is stored, or storage is
/// refused (the list says so at once).
pub fn list_needed() -> bool {
    !storage::available() || storage::stored()
}

/// The empty section; its first save or import fetches and draws the saved list.
#[component]
pub fn SavedStart(
    /// The scenario in the form.
    scenario: RwSignal<RawScenario>,
    /// Set to the chosen scenarios to show them side by side.
    compare: RwSignal<Option<Chosen>>,
) -> impl IntoView {
    let section = NodeRef::<leptos::html::Section>::new();
    // The first request wins: a second one while the code arrives would do the first twice.
    let asked = StoredValue::new(false);
    let failed = RwSignal::new(false);
    let start = move |first: Option<First>| {
        if asked.get_value() {
            return;
        }
        asked.set_value(true);
        // A task, so the section is drawn when it runs (at start-up it is being drawn now).
        leptos::task::spawn_local(async move {
            let Some(el) = section.get_untracked() else {
                return;
            };
            let drawn = on_demand::saved(el.unchecked_into(), scenario, compare, first);
            if drawn.await.is_err() {
                failed.set(true);
                asked.set_value(false);
            }
        });
    };
    let name = NodeRef::<leptos::html::Input>::new();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().map(|i| i.value()).unwrap_or_default();
        start(Some(First::Save(typed)));
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            start(Some(First::Import(file)));
        }
    };
    if list_needed() {
        start(None);
    }
    view! {
        <section class="card scenarios" id="scenarios" aria-labelledby="scenarios-title" node_ref=section>
            <h2 id="scenarios-title">"Saved scenarios"</h2>
            <p class="privacy">{PRIVACY}</p>
            <div role="status" class="storage-report" data-storage-report>
                {move || failed.get().then_some(view! { <p>{on_demand::NOT_LOADED}</p> })}
            </div>
            <form class="save-form" on:submit=on_save>
                <label for="save-name">"Name"</label>
                <input id="save-name" maxlength="100" placeholder=NAME_EXAMPLE node_ref=name />
                <button type="submit">"Save this scenario"</button>
            </form>
            <ul class="saved-list"></ul>
            <div class="scenario-actions">
                <button type="button" data-compare-selected disabled>"Compare selected (0 of 2–4)"</button>
                <button type="button" disabled>"Export all (file)"</button>
                <button type="button" disabled>"Export as links"</button>
                <label class="import">
                    "Import a file "
                    <input type="file" accept=".json,application/json" data-import on:change=on_file />
                </label>
            </div>
        </section>
    }
}
