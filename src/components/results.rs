//! The live result: problems, or the therapy cards, conflicts, notes, "what would change it",
//! the other region's answer, the dosing cards and the decision path.
//!
//! It is markup written by [`markup::answer`] and patched into three hosts, part by part,
//! only where a part's markup changed. Its buttons are handled here, by one listener (each
//! names the [`Action`] it applies), and its folds by another; the decision path's diagram
//! is drawn by [`path`] while the path is open.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use engine::{Assessment, Field, RawScenario};
use leptos::html::Div;
use leptos::prelude::*;
use markup::{Action, Cite, Part, PATH_KEY};

use crate::patch::patch;
use wasm_bindgen::JsCast;

use super::path;

/// The "what would change it" steps applied, last on top: each field, the text it had (to put
/// back) and the scenario the step made.
type Undo = Vec<(Field, String, RawScenario)>;

/// The results column.
#[component]
pub fn Results(
    /// The engine's verdict on the current scenario.
    assessment: Memo<Assessment>,
    /// The scenario (what would change it, and the print summary's inputs).
    scenario: RwSignal<RawScenario>,
) -> impl IntoView {
    // Kept outside the answer so a step survives re-rendering and can be undone.
    let undo = RwSignal::new(Undo::new());
    let hosts: [NodeRef<Div>; 3] = std::array::from_fn(|_| NodeRef::new());
    let drawn = Rc::new(RefCell::new(Drawn::default()));
    Effect::new({
        let drawn = drawn.clone();
        move |_| {
            let hosts = hosts.map(|h| h.get_untracked());
            let last = undo.with(|u| u.last().map(|(f, from, _)| (*f, from.clone())));
            // A step is one to undo only while the scenario is the one it made. Once anything
            // was changed by hand, the form cleared, or another scenario opened (a saved one,
            // a comparison's column), putting the old text back would change a scenario the
            // step never saw: another patient's, perhaps.
            let stale = undo.with(|u| {
                u.last()
                    .is_some_and(|(_, _, made)| scenario.with(|raw| raw != made))
            });
            if stale {
                undo.set(Undo::new());
                return;
            }
            scenario.with(|raw| {
                assessment.with(|a| {
                    let mut drawn = drawn.borrow_mut();
                    drawn.draw(a, raw, last.as_ref(), &hosts);
                    path::draw_if_open(assessment);
                    drawn.refocus();
                })
            });
        }
    });
    let on_toggle = {
        let drawn = drawn.clone();
        move |ev: web_sys::Event| {
            let details = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
            let Some(details) = details else {
                return;
            };
            drawn.borrow_mut().toggled(&details);
            if details.open() && details.get_attribute("data-k").as_deref() == Some(PATH_KEY) {
                // The list and the diagram are built only while the path is open.
                assessment.with_untracked(|a| {
                    if let Assessment::Valid(rec) = a {
                        if details
                            .query_selector(":scope > .trace")
                            .ok()
                            .flatten()
                            .is_none()
                        {
                            let list = markup::trace_list(rec);
                            let _ = details.insert_adjacent_html("beforeend", &list);
                        }
                    }
                });
                path::draw_if_open(assessment);
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if follow_path(&ev) {
            return;
        }
        let action = acted_on(&ev).and_then(|i| drawn.borrow().actions.get(i).cloned());
        match action {
            Some(Action::Try { field, from, to }) => {
                // Focus on the undo, one key press back; the button clicked now offers
                // something else.
                drawn.borrow_mut().focus = Some(UNDO);
                let mut made = scenario.get_untracked();
                made.set(field, to);
                undo.update(|u| u.push((field, from, made.clone())));
                scenario.set(made);
            }
            Some(Action::Undo { field, text }) => {
                drawn.borrow_mut().focus = Some(UNDO);
                scenario.update(|s| s.set(field, text));
                undo.update(|u| {
                    u.pop();
                });
            }
            Some(Action::Switch(region)) => scenario.update(|s| {
                s.set(
                    Field::Region,
                    if region == engine::Region::Us {
                        ""
                    } else {
                        "eu"
                    },
                )
            }),
            None => {}
        }
    };
    view! {
        <section
            class="results"
            aria-labelledby="results-title"
            aria-live="polite"
            on:toggle:capture=on_toggle
            on:click=on_click
            on:keydown=|ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    follow_path(&ev);
                }
            }
        >
            <div class="results-head">
                <h2 id="results-title" tabindex="-1">"Recommendation"</h2>
                <button type="button" class="print-button" on:click=|_| print_page()>"Print summary"</button>
            </div>
            <PrintInputs scenario />
            <div class="answer-part" node_ref=hosts[0]></div>
            <div class="therapies" node_ref=hosts[1]></div>
            <div class="answer-part" node_ref=hosts[2]></div>
        </section>
    }
}

/// Opens the entry of the decision path's node a click or key press landed on, if it landed
/// on one: the diagram's way of opening a node.
fn follow_path(ev: &web_sys::Event) -> bool {
    let Some(rule) = path::rule_at(ev) else {
        return false;
    };
    ev.prevent_default();
    path::reveal(&rule);
    true
}

/// The `data-act` of the button a click landed on, if any.
fn acted_on(ev: &web_sys::MouseEvent) -> Option<usize> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target
        .closest("button[data-act]")
        .ok()??
        .get_attribute("data-act")?
        .parse()
        .ok()
}

/// Where focus goes after a step of "what would change it" is tried or undone: the undo
/// button, or, when nothing is left to undo, the section's heading (never a suggestion, which
/// a second key press would apply).
const UNDO: &[&str] = &["[data-undo]", "#what-if-title"];

/// What the hosts show: each part's markup, the details the user has open, what each
/// citation chip expands to and what each button does; and where focus goes once the next
/// answer is drawn.
#[derive(Default)]
struct Drawn {
    parts: [Vec<Part>; 3],
    open: BTreeSet<String>,
    cites: BTreeMap<String, Cite>,
    actions: Vec<Action>,
    focus: Option<&'static [&'static str]>,
}

impl Drawn {
    /// Writes the answer and patches each host where its parts changed.
    fn draw(
        &mut self,
        assessment: &Assessment,
        raw: &RawScenario,
        last: Option<&(Field, String)>,
        hosts: &[Option<web_sys::HtmlDivElement>; 3],
    ) {
        let answer = markup::answer(assessment, raw, last, &self.open);
        // A details gone from an answer is forgotten, so it comes back folded; input that
        // cannot be assessed for a moment (a field cleared to be retyped) forgets none.
        if let Assessment::Valid(_) = assessment {
            self.open.retain(|k| answer.keys.contains(k));
        }
        let parts = [answer.head, answer.cards, answer.rest];
        for ((shown, new), host) in self.parts.iter_mut().zip(parts).zip(hosts) {
            if let Some(host) = host {
                patch(host, shown, &new);
            }
            *shown = new;
        }
        self.cites = answer.cites;
        self.actions = answer.actions;
    }

    /// Moves focus where an action asked it to go, once its answer is drawn.
    fn refocus(&mut self) {
        let doc = web_sys::window().and_then(|w| w.document());
        let target = self.focus.take().zip(doc).and_then(|(selectors, doc)| {
            selectors
                .iter()
                .find_map(|s| doc.query_selector(s).ok().flatten())
        });
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    /// Keeps a details' state for the next answer, and writes a citation's expansion when it
    /// is first opened.
    fn toggled(&mut self, details: &web_sys::HtmlDetailsElement) {
        let Some(key) = details.get_attribute("data-k") else {
            return;
        };
        if !details.open() {
            self.open.remove(&key);
            return;
        }
        let folded = details
            .query_selector(":scope > .citation-body")
            .ok()
            .flatten()
            .is_none();
        if let (true, Some(cite)) = (folded, self.cites.get(&key)) {
            // Markup written from the engine's texts, every text escaped.
            let _ = details.insert_adjacent_html("beforeend", &markup::citation_body(cite));
        }
        self.open.insert(key);
    }
}

/// The inputs as a compact list, shown only on paper so the printout stands alone.
#[component]
fn PrintInputs(scenario: RwSignal<RawScenario>) -> impl IntoView {
    view! {
        <dl class="print-only print-inputs">
            {move || {
                scenario
                    .with(|s| {
                        s.values
                            .iter()
                            .map(|(field, value)| {
                                let shown = engine::compare::text_shown(*field, value, s)
                                    .unwrap_or_else(|| value.clone());
                                view! {
                                    <dt>{field.label()}</dt>
                                    <dd>{shown}</dd>
                                }
                            })
                            .collect_view()
                    })
            }}
            <dt>"Printed"</dt>
            <dd>{today()}</dd>
        </dl>
    }
}

/// Today's date (local), for the printed summary.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Opens the browser's print dialog.
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        // A blocked print dialog is harmless: the user can still print from the browser.
        let _ = w.print();
    }
}
