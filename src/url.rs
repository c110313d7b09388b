//! The URL is the state of record: the scenario is read from the query string on load and
//! written back, replacing the current history entry, on every change.

use engine::query::{
    is_compare_query, parse_compare_query, parse_query, to_compare_query, to_query, QueryIssue,
};
use engine::RawScenario;

/// Scenarios compared side by side, with their names.
pub type Compared = Vec<(String, RawScenario)>;

/// Reads the page's query string: a scenario, or a comparison of several; with every key or
/// value that was ignored.
pub fn read_location() -> (RawScenario, Vec<QueryIssue>, Option<Compared>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if is_compare_query(&search) {
        return match parse_compare_query(&search) {
            Ok(link) => (RawScenario::new(), link.issues, Some(link.scenarios)),
            Err(message) => (
                RawScenario::new(),
                vec![QueryIssue {
                    key: engine::query::COMPARE_KEY.into(),
                    value: String::new(),
                    message,
                }],
                None,
            ),
        };
    }
    let (raw, issues) = parse_query(&search);
    (raw, issues, None)
}

/// Writes the comparison, or else the scenario, into the query string without adding a
/// history entry or scrolling, so editing a field neither floods Back nor jumps the page.
pub fn write_location(raw: &RawScenario, compared: Option<&Compared>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = match compared {
        Some(c) => {
            let pairs: Vec<(&str, &RawScenario)> = c.iter().map(|(n, r)| (n.as_str(), r)).collect();
            to_compare_query(&pairs).unwrap_or_default()
        }
        None => to_query(raw),
    };
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
