//! The URL is the state of record: the scenario is read from the query string on load and
//! written back, replacing the current history entry, on every change.

use engine::query::{parse_query, to_query, QueryIssue};
use engine::RawScenario;

/// Reads the scenario from the page's query string, with every key or value that was ignored.
pub fn read_location() -> (RawScenario, Vec<QueryIssue>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    parse_query(&search)
}

/// Writes the scenario into the query string without adding a history entry or scrolling,
/// so editing a field neither floods Back nor jumps the page.
pub fn write_location(raw: &RawScenario) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = to_query(raw);
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let current = format!(
        "{}{}",
        window.location().pathname().unwrap_or_default(),
        window.location().search().unwrap_or_default()
    );
    if current == url {
        return;
    }
    if let Ok(history) = window.history() {
        // Failure here only means the link is stale; the page state is unaffected.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
