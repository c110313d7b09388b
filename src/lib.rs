//! The decision-aid web app (Leptos, client-side rendered).
//!
//! The app holds one piece of state, the [`RawScenario`] the user typed, mirrored in the URL.
//! Everything shown is derived from it through the engine's [`engine::assess`]; components
//! contain no clinical logic.

pub mod components;
pub mod storage;
pub mod url;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use engine::RawScenario;

use components::compare::ComparisonView;
use components::evidence::EvidenceFooter;
use components::form::ScenarioForm;
use components::link_issues::LinkIssues;
use components::results::Results;
use components::saved::{SavedScenarios, SavedState};

/// The page below its header (static in index.html, so it paints before the WebAssembly
/// arrives): link issues, scenario form, live results and evidence footer.
#[component]
pub fn App() -> impl IntoView {
    let (initial, issues, compared) = url::read_location();
    let scenario = RwSignal::new(initial);
    let compare = RwSignal::new(compared);
    let saved = SavedState::load();
    let assessment = Memo::new(move |_| scenario.with(engine::assess));

    // Mirror the scenario (or the comparison) into the URL; replace_state keeps history and
    // scroll untouched.
    Effect::new(move |_| scenario.with(|s| compare.with(|c| url::write_location(s, c.as_ref()))));

    view! {
        <LinkIssues issues=issues />
        <main class="layout">
            <ScenarioForm scenario=scenario assessment=assessment />
            {move || match compare.get() {
                Some(chosen) => view! { <ComparisonView chosen scenario compare_state=compare /> }.into_any(),
                None => view! { <Results assessment=assessment scenario=scenario /> }.into_any(),
            }}
        </main>
        <SavedScenarios scenario state=saved compare />
        <EvidenceFooter />
    }
}

/// Installs the panic hook, mounts the app at the end of `<body>`, after the static header,
/// which it keeps (nothing above the app moves, so mounting shifts no layout), and gives the
/// header's link its behaviour.
pub fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
    leptos::mount::mount_to_body(App);
    let open = Closure::<dyn Fn()>::new(open_label_changes);
    if let Some(link) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-nav=label-changes]").ok().flatten())
    {
        // Without it the link still jumps to the folded view: one more click.
        let _ = link.add_event_listener_with_callback("click", open.as_ref().unchecked_ref());
    }
    // The link lives as long as the page.
    open.forget();
}

/// Unfolds the label-changes view before the browser jumps to it.
fn open_label_changes() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("label-changes"))
    {
        // Failing to unfold only leaves the user one more click.
        let _ = el.set_attribute("open", "");
    }
}

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
