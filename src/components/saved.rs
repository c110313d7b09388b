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
    /// Save this scenario, the form's when the user asked, under this name (as typed).
    Save(String, RawScenario),
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

    /// Changes the list and stores it; returns whether it did. When storing fails the list
    /// shown stays as stored, so no row looks saved that is not.
    fn change(&self, f: impl FnOnce(&mut Vec<Saved>), done: String) -> bool {
        if self.read_only.get_untracked() {
            self.notices.set(vec![
                "The saved list was written by a newer version of this aid; this page does not change it.".into(),
            ]);
            return false;
        }
        let mut list = self.list.get_untracked();
        f(&mut list);
        match storage::store(&list) {
            Ok(()) => {
                self.list.set(list);
                self.notices.set(vec![done]);
                true
            }
            Err(message) => {
                self.notices
                    .set(vec![format!("{message} Nothing was changed.")]);
                false
            }
        }
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
    /// Done once drawn, in order: what the user asked for before the list's code had
    /// arrived.
    first: Vec<First>,
    /// The name field's text as the user left it.
    typed: String,
) -> impl IntoView {
    let name = RwSignal::new(typed);
    let renaming = RwSignal::new(None::<usize>);
    let selected = RwSignal::new(Vec::<usize>::new());
    let pending = RwSignal::new(None::<Pending>);
    // Holds the file reader alive until it calls back.
    let reader = StoredValue::new_local(None::<gloo_file::callbacks::FileReader>);

    let save_as = move |typed: String, kept: RawScenario| {
        let typed = typed.trim().to_string();
        let chosen = if typed.is_empty() {
            format!("Scenario {}", state.list.with_untracked(Vec::len) + 1)
        } else {
            typed.clone()
        };
        let chosen = state
            .list
            .with_untracked(|l| exchange::unique_name(l, &chosen));
        match Saved::new(chosen.clone(), now(), kept) {
            Ok(saved) => {
                // The name stays in its field when the scenario could not be stored. A save
                // queued while the list's code arrived is done later, its name no longer in
                // the field: by then the field may hold a name typed for the next save,
                // which is neither wiped nor replaced.
                let stored = state.change(
                    |l| l.push(saved),
                    format!("Saved as \u{201c}{chosen}\u{201d}."),
                );
                if stored && name.with_untracked(|n| n.trim() == typed) {
                    name.set(String::new());
                } else if !stored && name.with_untracked(String::is_empty) {
                    name.set(typed);
                }
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
        save_as(name.get_untracked(), scenario.get_untracked());
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            read(file);
        }
    };
    // After the list is drawn, so its status region is on the page before it speaks (a
    // region that arrives with its words is seldom read out).
    if !first.is_empty() {
        set_timeout(
            move || {
                for asked in first {
                    match asked {
                        First::Save(typed, kept) => save_as(typed, kept),
                        First::Import(file) => read(file),
                    }
                }
            },
            std::time::Duration::from_millis(100),
        );
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
        // The preview and its buttons are gone: focus goes to the list's heading.
        focus_in_row(String::new(), "button");
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
                    compare.set(None);
                    scroll_to("results-title");
                }
            }
            "rename" => {
                renaming.set(Some(i));
                if let Some(name) = state
                    .list
                    .with_untracked(|l| l.get(i).map(|s| s.name.clone()))
                {
                    focus_in_row(name, "form.rename input");
                }
            }
            "duplicate" => {
                state.change(
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
                );
            }
            "delete" => {
                let deleted = state.change(
                    |l| {
                        if i < l.len() {
                            l.remove(i);
                        }
                    },
                    "Deleted.".into(),
                );
                // Later rows move up one place, and their selection with them.
                if deleted {
                    selected.update(|sel| {
                        sel.retain(|&j| j != i);
                        sel.iter_mut().filter(|j| **j > i).for_each(|j| *j -= 1);
                    });
                }
                // The row and its button are gone: focus goes to the list's heading.
                focus_in_row(String::new(), "button");
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
        let renamed = rename(state, renaming, i, typed.trim().to_string());
        focus_in_row(renamed, "button[data-row-do=rename]");
    };

    view! {
        <section class="card scenarios" id="scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title" tabindex="-1">"Saved scenarios"</h2>
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

/// The name field's example: a name that describes the case, not the patient (names go
/// into comparison links).
pub const NAME_EXAMPLE: &str = "e.g. CD19-negative relapse";

/// Renames the row at `i` to `new`, unless it is empty or another row's name; returns the
/// row's name after.
fn rename(state: SavedState, renaming: RwSignal<Option<usize>>, i: usize, new: String) -> String {
    renaming.set(None);
    let old = state
        .list
        .with_untracked(|l| l.get(i).map(|s| s.name.clone()))
        .unwrap_or_default();
    let taken = state.list.with_untracked(|l| {
        l.iter()
            .enumerate()
            .any(|(j, s)| j != i && s.name.trim() == new)
    });
    if new.is_empty() || taken {
        state.notices.set(vec![format!(
            "\u{201c}{new}\u{201d} cannot be used: names must be given and differ."
        )]);
        return old;
    }
    state.change(
        |l| {
            if let Some(s) = l.get_mut(i) {
                s.name = new.clone()
            }
        },
        format!("Renamed \u{201c}{new}\u{201d}."),
    );
    new
}

/// Brings an element into view once what was just asked for is drawn (the answer after
/// opening a scenario, the list's section), and moves focus to it if it takes focus (the
/// headings it is used for have `tabindex="-1"`), so keyboard users follow.
pub fn scroll_to(id: &str) {
    let id = id.to_string();
    set_timeout(
        move || {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id));
            if let Some(el) = el {
                el.scroll_into_view();
                if el.has_attribute("tabindex") {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Moves focus, once the list is drawn again, to the first element `selector` finds in the
/// row named `row` (or to the section's heading when there is no such row): the control the
/// user acted on may have been replaced or removed.
fn focus_in_row(row: String, selector: &'static str) {
    set_timeout(
        move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let rows = doc.query_selector_all("#scenarios li[data-saved]").ok();
            let in_row = rows.and_then(|rows| {
                (0..rows.length())
                    .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
                    .find(|li| li.get_attribute("data-saved").as_deref() == Some(&row))
                    .and_then(|li| li.query_selector(selector).ok().flatten())
            });
            let target = in_row.or_else(|| doc.get_element_by_id("scenarios-title"));
            if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}
