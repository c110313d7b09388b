//! The decision-aid web app (Leptos, client-side rendered).
//!
//! The app holds one piece of state, the [`RawScenario`] the user typed, mirrored in the URL.
//! Everything shown is derived from it through the engine's [`engine::assess`]; components
//! contain no clinical logic.

pub mod components;
pub mod url;

use leptos::prelude::*;

use engine::RawScenario;

use components::form::ScenarioForm;
use components::header::Header;
use components::link_issues::LinkIssues;
use components::results::Results;

/// The whole page: header, scenario form and live results. The evidence and how the aid
/// works are pages of their own, generated at build time (`how.html`, `evidence.html`).
#[component]
pub fn App() -> impl IntoView {
    let (initial, issues) = url::read_location();
    let scenario = RwSignal::new(initial);
    let assessment = Memo::new(move |_| scenario.with(engine::assess));

    // Mirror the scenario into the URL; replace_state keeps history and scroll untouched.
    Effect::new(move |_| scenario.with(url::write_location));

    view! {
        <Header />
        <LinkIssues issues=issues />
        <main class="layout">
            <ScenarioForm scenario=scenario assessment=assessment />
            <Results assessment=assessment scenario=scenario />
        </main>
    }
}

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
    leptos::mount::mount_to_body(App);
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
