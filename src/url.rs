//! The URL is the state of record: the scenario is read from the query string on load and
//! written back, replacing the current history entry, once the user pauses (see [`mirror`]).

use engine::query::{
    is_compare_query, parse_compare_query, parse_query, to_compare_query, to_query, QueryIssue,
};
use engine::RawScenario;
use leptos::prelude::*;
use std::time::Duration;

/// How long the URL waits for the next change before it is rewritten.
const PAUSE: Duration = Duration::from_millis(300);

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

/// Mirrors the scenario (or the comparison) into the URL once the user pauses, and at once if
/// the page is left. Rewriting the URL is the slowest call a change makes in Chromium
/// (about a millisecond, more than drawing the answer), so typing "480" rewrites it once, not
/// three times, and the answer is drawn without waiting for it.
pub fn mirror(scenario: RwSignal<RawScenario>, compare: RwSignal<Option<Compared>>) {
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let flush = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
            scenario.with_untracked(|s| compare.with_untracked(|c| write_location(s, c.as_ref())));
        }
    };
    Effect::new(move |_| {
        scenario.track();
        compare.track();
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(flush, PAUSE).ok();
        pending.set_value(handle);
    });
    // A link followed, or the tab closed, within the pause: its history entry keeps the last
    // change.
    // (Kept for the page's life: the handle only removes the listener if asked.)
    window_event_listener_untyped("pagehide", move |_| flush());
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
