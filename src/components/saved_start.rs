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

/// Where the saved list's code stands.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// Not asked for yet.
    Idle,
    /// Being fetched: what the user asks meanwhile is queued.
    Loading,
    /// The fetch failed; what was queued was dropped, and said so.
    Failed {
        /// Whether a save or import was asked for and not done.
        dropped: bool,
    },
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
    let stage = RwSignal::new(Stage::Idle);
    // Everything asked for while the code arrives, done in order once it has (a save made
    // then must not be lost).
    let queued = StoredValue::new_local(Vec::<First>::new());
    let stored = list_needed();
    let name = NodeRef::<leptos::html::Input>::new();
    let load = move || {
        if stage.get_untracked() == Stage::Loading {
            return;
        }
        stage.set(Stage::Loading);
        // A task, so the section is drawn when it runs (at start-up it is being drawn now).
        leptos::task::spawn_local(async move {
            let Some(el) = section.get_untracked() else {
                return;
            };
            let drawn = on_demand::saved(el.unchecked_into(), scenario, compare, queued);
            if drawn.await.is_err() {
                let dropped = queued.try_update_value(std::mem::take).unwrap_or_default();
                // A save not done gives its name back to the field, for the next try.
                let name_back = dropped.iter().find_map(|asked| match asked {
                    First::Save(typed, _) => Some(typed.clone()),
                    First::Import(_) => None,
                });
                if let (Some(typed), Some(input)) = (name_back, name.get_untracked()) {
                    if input.value().is_empty() {
                        input.set_value(&typed);
                    }
                }
                stage.set(Stage::Failed {
                    dropped: !dropped.is_empty(),
                });
            }
        });
    };
    let ask = move |first: First| {
        queued.update_value(|q| q.push(first));
        load();
    };
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = name.get_untracked() else {
            return;
        };
        // The field empties as a save done at once empties it: the name is with the save.
        let typed = input.value();
        input.set_value("");
        ask(First::Save(typed, scenario.get_untracked()));
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            ask(First::Import(file));
        }
    };
    if stored {
        load();
    }
    let report = move || match stage.get() {
        Stage::Idle => String::new(),
        Stage::Loading => "Loading the saved list…".to_string(),
        Stage::Failed { dropped } => {
            let mut said = on_demand::NOT_LOADED.to_string();
            if stored {
                said.push_str(" Your saved scenarios are still stored in this browser.");
            }
            if dropped {
                said.push_str(" Nothing was saved or imported.");
            }
            said
        }
    };
    let failed = move || matches!(stage.get(), Stage::Failed { .. });
    // "Try again" hides as it is pressed: focus goes to the heading first, and stays on the
    // list's heading once the list is drawn, never on the page's start.
    let retry = move |_| {
        let heading = section
            .get_untracked()
            .and_then(|s| s.query_selector("#scenarios-title").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(h) = heading {
            let _ = h.focus();
        }
        load();
    };
    view! {
        <section class="card scenarios" id="scenarios" aria-labelledby="scenarios-title" node_ref=section
            aria-busy=move || (stage.get() == Stage::Loading).then_some("true")>
            <h2 id="scenarios-title" tabindex="-1">"Saved scenarios"</h2>
            <p class="privacy">{PRIVACY}</p>
            <div role="status" class="storage-report" data-storage-report>
                <p>{report}</p>
                <button type="button" hidden=move || !failed() on:click=retry>"Try again"</button>
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
