//! The views a first visit does not need (the saved list, the comparison, the decision
//! path's diagram), each behind an async function. In a release build (feature `split`)
//! each function is a split point: the build cuts its code, and everything only it reaches,
//! into a wasm file of its own, fetched the first time it is called and kept by the service
//! worker for offline use (ARCHITECTURE, "on-demand code"). Elsewhere (debug builds, the
//! wasm-bindgen tests) they are ordinary async functions.

use engine::{Assessment, RawScenario};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::compare::ComparisonView;
use crate::components::saved::{First, SavedScenarios, SavedState};

/// The chosen scenarios side by side, with their names.
pub type Chosen = Vec<(String, RawScenario)>;

/// Why code fetched on demand did not arrive (the browser's console has the details).
pub use leptos::wasm_split::SplitLoaderError as LoadError;

/// What the page says when code it fetches on demand does not arrive.
pub const NOT_LOADED: &str =
    "This part of the aid could not be loaded: the connection may have dropped \
    before the aid was kept for offline use. Try again.";

/// Declares `fn name(args) -> T { body }` as `async fn name(args) -> Result<T, LoadError>`:
/// a split point in a release build (fetching its code may fail), a plain call elsewhere.
macro_rules! on_demand {
    ($(#[$doc:meta])* pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(all(feature = "split", not(debug_assertions)))]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, LoadError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(all(feature = "split", not(debug_assertions))))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, LoadError> {
            Ok($body)
        }
    };
}

on_demand! {
    /// The decision path's diagram of the current answer, drawn into the open path.
    pub fn diagram(assessment: Memo<Assessment>) -> () {
        crate::components::path::draw_now(assessment)
    }
}

on_demand! {
    /// The comparison of `chosen`, in place of the answer.
    pub fn comparison(
        chosen: Chosen,
        scenario: RwSignal<RawScenario>,
        compare: RwSignal<Option<Chosen>>,
    ) -> AnyView {
        view! { <ComparisonView chosen scenario compare_state=compare /> }.into_any()
    }
}

on_demand! {
    /// The saved list, in place of `start` (the section as a first visit draws it), doing
    /// what `queued` holds once drawn: the saves and imports asked for before its code had
    /// arrived.
    pub fn saved(
        start: web_sys::Element,
        scenario: RwSignal<RawScenario>,
        compare: RwSignal<Option<Chosen>>,
        queued: StoredValue<Vec<First>, LocalStorage>,
    ) -> () {
        draw_saved(start, scenario, compare, queued)
    }
}

/// See [`saved`].
fn draw_saved(
    start: web_sys::Element,
    scenario: RwSignal<RawScenario>,
    compare: RwSignal<Option<Chosen>>,
    queued: StoredValue<Vec<First>, LocalStorage>,
) {
    let Some(parent) = start.parent_element() else {
        return;
    };
    // Focus was on one of the section's controls (the user saved or imported from it): it
    // goes to the same control of the drawn list, or, from one the list does not have
    // ("Try again"), to the section's heading, never to the page's start.
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|el| start.contains(Some(el)))
        .map(|el| {
            FOCUSABLE
                .iter()
                .find(|selector| el.matches(selector).unwrap_or(false))
                .copied()
                .unwrap_or("#scenarios-title")
        });
    // A name typed and not yet saved is kept.
    let typed = start
        .query_selector("#save-name")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default();
    let first = queued.try_update_value(std::mem::take).unwrap_or_default();
    start.remove();
    let state = SavedState::load();
    leptos::mount::mount_to(parent.unchecked_into(), move || {
        view! { <SavedScenarios scenario state compare first typed /> }
    })
    .forget();
    let target = focused
        .and_then(|selector| {
            let document = web_sys::window()?.document()?;
            document.query_selector(selector).ok().flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// The controls of the empty saved section the user can act from, each as both the empty
/// section and the list match it.
const FOCUSABLE: [&str; 3] = [
    "#save-name",
    "#scenarios .save-form button",
    "#scenarios input[data-import]",
];
