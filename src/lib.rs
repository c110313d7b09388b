//! The decision-aid web app (Leptos, client-side rendered).
//!
//! The app holds one piece of state, the [`RawScenario`] the user typed, mirrored in the URL.
//! Everything shown is derived from it through the engine's [`engine::assess`]; components
//! contain no clinical logic.

pub mod components;
pub mod on_demand;
pub mod patch;
pub mod steps;
pub mod storage;
pub mod url;

use leptos::prelude::*;

use engine::RawScenario;

use components::form::ScenarioForm;
use components::link_issues::LinkIssues;
use components::results::Results;
use components::saved_start::SavedStart;

/// The page below its header (static in index.html, so it paints before the WebAssembly
/// arrives): link issues, scenario form, live results or a comparison, saved scenarios. The
/// evidence, how the aid works and the teaching cases are pages of their own, generated at
/// build time.
#[component]
pub fn App() -> impl IntoView {
    let (initial, issues, compared) = url::read_location();
    let scenario = RwSignal::new(initial);
    let compare = RwSignal::new(compared);
    let assessment = Memo::new(move |_| scenario.with(engine::assess));

    url::mirror(scenario, compare);

    // The form's groups, the answer, then the saved list, a task each (see steps).
    let groups = NodeRef::new();
    let main = NodeRef::<leptos::html::Main>::new();
    let mut draw = vec![components::form::groups_step(groups, scenario, assessment)];
    draw.push(steps::mount_into(
        move || steps::element(main),
        move || {
            move || match compare.get() {
                Some(chosen) => Suspend::new(async move {
                    match on_demand::comparison(chosen, scenario, compare).await {
                        Ok(view) => view,
                        Err(_) => view! {
                            <section class="card comparison" data-compare role="alert">
                                <p>{on_demand::NOT_LOADED}</p>
                                // Setting the comparison again draws it again, fetching anew.
                                <button type="button" on:click=move |_| compare.update(|_| {})>"Try again"</button>
                                " "
                                <button type="button" on:click=move |_| components::compare::leave(compare)>"Back to the scenario"</button>
                            </section>
                        }
                        .into_any(),
                    }
                })
                .into_any(),
                None => view! { <Results assessment=assessment scenario=scenario /> }.into_any(),
            }
        },
    ));
    draw.push(steps::mount_into(
        move || steps::element(main).and_then(|m| m.parent_element()),
        // Storage is looked at only now: the browser opens the site's storage on first use,
        // the slowest call of the start-up.
        move || view! { <SavedStart scenario compare /> },
    ));
    // A link to a part of the page (#scenarios) finds it only once it is drawn: the browser
    // looked for it before the app had started.
    // (Read now: rewriting the link drops it.)
    let fragment = web_sys::window().and_then(|w| w.location().hash().ok());
    draw.push(Box::new(move || {
        if let Some(id) = fragment.as_deref().and_then(|h| h.strip_prefix('#')) {
            components::saved::scroll_to(id);
        }
    }));
    steps::draw(draw);

    view! {
        <LinkIssues issues=issues />
        <main class="layout" node_ref=main>
            <ScenarioForm scenario=scenario groups />
        </main>
    }
}

/// Installs the panic hook (where panics print, in builds that unwind) and mounts the app at the end of `<body>`, after the static
/// header, which it keeps (nothing above the app moves, so mounting shifts no layout).
pub fn start() {
    // A release build's panics abort at once (xtask `release_env`): no hook would run.
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
    leptos::mount::mount_to_body(App);
}

#[cfg(not(panic = "immediate-abort"))]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `console.error`: where a panic's message and location go. (console_error_panic_hook
    /// also captured a JS stack trace, which cost bytes and says little about wasm frames.)
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A fresh, empty scenario (used by the Reset button).
pub fn empty_scenario() -> RawScenario {
    RawScenario::new()
}
