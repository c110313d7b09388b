//! Saved scenarios: save the current one under a name; list, open, rename, duplicate and
//! delete them; export them as a file or a list of links; import a file after checking it
//! whole; pick two to four to compare. The list lives in this browser only (`storage`).

use engine::exchange::{self, ImportProblem, Saved};
use engine::RawScenario;
use leptos::prelude::*;

use markup::Part;
use wasm_bindgen::JsCast;

use crate::patch::patch;
use crate::storage;

/// What an import is waiting for: the user's confirmation, or nothing (it was refused).
#[derive(Clone)]
enum Pending {
    /// Every problem found; nothing will be imported.
    Refused(Vec<String>),
    /// Checked and sound: what will be added once confirmed.
    Ready(Vec<Saved>),
}

/// What the user asked of the saved list before its code had arrived (see
/// [`crate::on_demand::saved`]).
pub enum First {
    /// Save the form's scenario under this name (as typed).
    Save(String),
    /// Import this file.
    Import(web_sys::File),
}

/// The file an import field's change chose, with the field emptied so that choosing the same
/// file again reads it again.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// The app's saved scenarios, with the messages about them, shared by the list and the page.
#[derive(Clone, Copy)]
pub struct SavedState {
    /// The list as stored.
    pub list: RwSignal<Vec<Saved>>,
    /// What the last action or the start-up read reported (role=status).
    pub notices: RwSignal<Vec<String>>,
    /// When the stored list comes from a newer version of the aid, this version does not
    /// overwrite it (it may have read less than is there).
    read_only: RwSignal<bool>,
}

impl SavedState {
    /// Reads the stored list, reporting what could not be read as written.
    pub fn load() -> SavedState {
        let (list, notices, read_only) = match storage::load() {
            Ok(restored) => {
                let newer = restored.is_from_newer_version();
                let mut notices: Vec<String> = restored
                    .problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect();
                if !notices.is_empty() {
                    notices.insert(
                        0,
                        "The saved list had problems; everything that could be read was kept:"
                            .into(),
                    );
                }
                (restored.saved, notices, newer)
            }
            Err(message) => (Vec::new(), vec![message], false),
        };
        SavedState {
            list: RwSignal::new(list),
            notices: RwSignal::new(notices),
            read_only: RwSignal::new(read_only),
        }
    }

    /// Changes the list and stores it, saying so if storing failed.
    fn change(&self, f: impl FnOnce(&mut Vec<Saved>), done: String) {
        if self.read_only.get_untracked() {
            self.notices.set(vec![
                "The saved list was written by a newer version of this aid; this page does not change it.".into(),
            ]);
            return;
        }
        let mut list = self.list.get_untracked();
        f(&mut list);
        let outcome = storage::store(&list);
        self.list.set(list);
        self.notices.set(vec![match outcome {
            Ok(()) => done,
            Err(message) => message,
        }]);
    }
}

/// Now, as the browser writes it (ISO 8601, UTC).
fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Each problem as one line naming its entry and field.
fn lines(problems: &[ImportProblem]) -> Vec<String> {
    problems.iter().map(|p| p.message.clone()).collect()
}

/// Offers `text` as a file download; nothing leaves the device.
fn download(name: &str, mime: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok());
    if let Some(link) = link {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Ok(link) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(link) {
            link.click();
        }
    }
    // The object URL is revoked when `url` drops, after the click has started the download.
}

/// The page's address without its query, for the exported links.
fn base_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The saved-scenarios section.
#[component]
pub fn SavedScenarios(
    /// The scenario in the form.
    scenario: RwSignal<RawScenario>,
    /// The saved list.
    state: SavedState,
    /// Set to the chosen scenarios to show them side by side.
    compare: RwSignal<Option<Vec<(String, RawScenario)>>>,
    /// Done once drawn: what the user asked for before the list's code had arrived.
    first: Option<First>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let renaming = RwSignal::new(None::<usize>);
    let selected = RwSignal::new(Vec::<usize>::new());
    let pending = RwSignal::new(None::<Pending>);
    // Holds the file reader alive until it calls back.
    let reader = StoredValue::new_local(None::<gloo_file::callbacks::FileReader>);

    let save_as = move |typed: String| {
        let chosen = typed.trim().to_string();
        let chosen = if chosen.is_empty() {
            format!("Scenario {}", state.list.with_untracked(Vec::len) + 1)
        } else {
            chosen
        };
        let chosen = state
            .list
            .with_untracked(|l| exchange::unique_name(l, &chosen));
        match Saved::new(chosen.clone(), now(), scenario.get_untracked()) {
            Ok(saved) => {
                state.change(
                    |l| l.push(saved),
                    format!("Saved as \u{201c}{chosen}\u{201d}."),
                );
                name.set(String::new());
            }
            Err(problems) => state.notices.set(lines(&problems)),
        }
    };

    let read = move |file: web_sys::File| {
        let file = gloo_file::File::from(file);
        let size = file.size();
        if size > exchange::MAX_BYTES as u64 {
            pending.set(Some(Pending::Refused(vec![format!(
                "The file is {size} bytes, more than the {} a scenario file may have. Nothing was imported.",
                exchange::MAX_BYTES
            )])));
            return;
        }
        let handle = gloo_file::callbacks::read_as_text(&file, move |read| {
            pending.set(Some(match read {
                Err(_) => Pending::Refused(vec!["The file could not be read.".into()]),
                Ok(text) => match exchange::import(&text) {
                    Ok(set) => Pending::Ready(set),
                    Err(problems) => Pending::Refused(lines(&problems)),
                },
            }));
        });
        reader.set_value(Some(handle));
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save_as(name.get_untracked());
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            read(file);
        }
    };
    match first {
        Some(First::Save(typed)) => save_as(typed),
        Some(First::Import(file)) => read(file),
        None => {}
    }

    let confirm = move |_| {
        if let Some(Pending::Ready(set)) = pending.get_untracked() {
            let count = set.len();
            let mut merged = exchange::Merged::default();
            state.change(
                |l| merged = exchange::merge(l, set),
                format!(
                    "Imported {count} scenario{}.",
                    if count == 1 { "" } else { "s" }
                ),
            );
            let extra = merged
                .renamed
                .iter()
                .map(|(from, to)| format!("\u{201c}{from}\u{201d} was renamed \u{201c}{to}\u{201d}: the list already had that name."))
                .chain(merged.left_out.iter().map(|n| format!("\u{201c}{n}\u{201d} was not added: the list is full.")));
            state.notices.update(|n| n.extend(extra));
        }
        pending.set(None);
    };

    let compare_selected = move |_| {
        let chosen: Vec<(String, RawScenario)> = state.list.with_untracked(|l| {
            selected
                .get_untracked()
                .iter()
                .filter_map(|&i| l.get(i))
                .map(|s| (s.name.clone(), s.inputs.clone()))
                .collect()
        });
        compare.set(Some(chosen));
        scroll_to("compare-title");
    };

    let rows = NodeRef::<leptos::html::Ul>::new();
    let shown = StoredValue::new_local(Vec::<Part>::new());
    Effect::new(move |_| {
        // Read before the host: a first run without it must still track what the rows show.
        let parts = state
            .list
            .with(|l| selected.with(|sel| markup::saved_rows(l, sel, renaming.get())));
        let Some(host) = rows.get_untracked() else {
            return;
        };
        shown.update_value(|old| {
            patch(&host, old, &parts);
            *old = parts;
        });
        // A checkbox's state is a property the user changes, not its attribute: keep it the
        // selection.
        let Ok(boxes) = host.query_selector_all("li > input[type=checkbox]") else {
            return;
        };
        selected.with_untracked(|sel| {
            for i in 0..boxes.length() {
                let checkbox = boxes
                    .item(i)
                    .and_then(|b| b.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(checkbox) = checkbox {
                    checkbox.set_checked(sel.contains(&(i as usize)));
                }
            }
        });
    });
    // The row an event came from, by its name (the list keeps names unique).
    let row_of = move |ev: &web_sys::Event| -> Option<usize> {
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        let name = target
            .closest("li[data-saved]")
            .ok()??
            .get_attribute("data-saved")?;
        state
            .list
            .with_untracked(|l| l.iter().position(|s| s.name == name))
    };
    let on_row_click = move |ev: leptos::ev::MouseEvent| {
        let what = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-row-do]").ok().flatten())
            .and_then(|b| b.get_attribute("data-row-do"));
        let (Some(what), Some(i)) = (what, row_of(&ev)) else {
            return;
        };
        match what.as_str() {
            "open" => {
                if let Some(inputs) = state
                    .list
                    .with_untracked(|l| l.get(i).map(|s| s.inputs.clone()))
                {
                    scenario.set(inputs);
                    scroll_to("results-title");
                }
            }
            "rename" => renaming.set(Some(i)),
            "duplicate" => state.change(
                |l| {
                    if let Some(s) = l.get(i).cloned() {
                        let name = exchange::unique_name(l, &s.name);
                        l.push(Saved {
                            name,
                            saved: now(),
                            ..s
                        });
                    }
                },
                "Duplicated.".into(),
            ),
            "delete" => {
                // Later rows move up one place, and their selection with them.
                selected.update(|sel| {
                    sel.retain(|&j| j != i);
                    sel.iter_mut().filter(|j| **j > i).for_each(|j| *j -= 1);
                });
                state.change(
                    |l| {
                        if i < l.len() {
                            l.remove(i);
                        }
                    },
                    "Deleted.".into(),
                );
            }
            _ => {}
        }
    };
    let on_row_change = move |ev: leptos::ev::Event| {
        // Only a row's checkbox: the rename field's text is read when its form is sent.
        let checkbox = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.type_() == "checkbox");
        if let (true, Some(i)) = (checkbox, row_of(&ev)) {
            selected.update(|s| {
                if let Some(p) = s.iter().position(|&j| j == i) {
                    s.remove(p);
                } else {
                    s.push(i);
                }
            });
        }
    };
    let on_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(i) = row_of(&ev) else { return };
        let typed = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|form| form.query_selector("input").ok().flatten())
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        rename(state, renaming, i, typed.trim().to_string());
    };

    view! {
        <section class="card scenarios" id="scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">"Saved scenarios"</h2>
            <p class="privacy">{PRIVACY}</p>
            <div role="status" class="storage-report" data-storage-report>
                {move || state.notices.get().into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            </div>
            <form class="save-form" on:submit=save>
                <label for="save-name">"Name"</label>
                <input id="save-name" maxlength="100" placeholder=NAME_EXAMPLE
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit">"Save this scenario"</button>
            </form>
            <ul class="saved-list" node_ref=rows on:click=on_row_click on:change=on_row_change on:submit=on_rename></ul>
            <div class="scenario-actions">
                <button type="button" data-compare-selected
                    disabled=move || !(2..=4).contains(&selected.with(Vec::len))
                    on:click=compare_selected>
                    {move || format!("Compare selected ({} of 2–4)", selected.with(Vec::len))}
                </button>
                <button type="button" disabled=move || state.list.with(Vec::is_empty)
                    on:click=move |_| download("scenarios.json", "application/json", &state.list.with_untracked(|l| exchange::encode_set(l)))>
                    "Export all (file)"
                </button>
                <button type="button" disabled=move || state.list.with(Vec::is_empty)
                    on:click=move |_| download("scenario-links.txt", "text/plain", &state.list.with_untracked(|l| exchange::link_list(l, &base_address())))>
                    "Export as links"
                </button>
                <label class="import">
                    "Import a file "
                    <input type="file" accept=".json,application/json" data-import on:change=on_file />
                </label>
            </div>
            {move || pending.get().map(|p| match p {
                Pending::Refused(problems) => view! {
                    <div class="import-report problems" role="alert" data-import-problems>
                        <h3>"Nothing was imported: the file has these problems"</h3>
                        <ul>{problems.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        <button type="button" on:click=move |_| pending.set(None)>"Close"</button>
                    </div>
                }.into_any(),
                Pending::Ready(set) => view! {
                    <div class="import-report" role="alert" data-import-preview>
                        <h3>{format!("Import {} scenario{}?", set.len(), if set.len() == 1 { "" } else { "s" })}</h3>
                        <ul>{set.iter().map(|s| view! { <li>{s.name.clone()} " — " {exchange::summary(&s.inputs)}</li> }).collect_view()}</ul>
                        <button type="button" on:click=confirm data-import-confirm>"Import"</button>
                        " "
                        <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}

/// What the section says of where saved scenarios are kept.
pub const PRIVACY: &str =
    "Saved scenarios stay in this browser, on this device: nothing is sent anywhere. \
    Delete them here, or remove them all by clearing this site's data in the browser.";

/// The name field's example.
pub const NAME_EXAMPLE: &str = "e.g. Bed 4, second relapse";

/// Renames the row at `i` to `new`, unless it is empty or another row's name.
fn rename(state: SavedState, renaming: RwSignal<Option<usize>>, i: usize, new: String) {
    renaming.set(None);
    let taken = state.list.with_untracked(|l| {
        l.iter()
            .enumerate()
            .any(|(j, s)| j != i && s.name.trim() == new)
    });
    if new.is_empty() || taken {
        state.notices.set(vec![format!(
            "\u{201c}{new}\u{201d} cannot be used: names must be given and differ."
        )]);
        return;
    }
    state.change(
        |l| {
            if let Some(s) = l.get_mut(i) {
                s.name = new.clone()
            }
        },
        format!("Renamed \u{201c}{new}\u{201d}."),
    );
}

/// Brings a heading into view (after opening a scenario or a comparison).
pub fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
