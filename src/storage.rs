//! Saved scenarios in the browser's `localStorage`, under one key, in the engine's versioned
//! file format (`engine::exchange`). Nothing here leaves the device.
//!
//! Storage can be missing or refused (private modes, blocked site data, `file://` in some
//! browsers, a full quota): every access returns a message instead of failing, and the page
//! works without saved scenarios. gloo-storage's accessor throws when storage is refused,
//! which would stop the page, so availability is checked first.

use engine::exchange::{self, Restored, Saved};
use gloo_storage::{LocalStorage, Storage};

/// The `localStorage` key of the saved list.
pub const KEY: &str = "ball-aid.scenarios";

/// Whether this page may use `localStorage` at all.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .is_some()
}

/// The stored list, repaired where needed, with what was not read as written; an empty list
/// when nothing is stored or storage is unavailable (said in `problems` in that case).
pub fn load() -> Result<Restored, String> {
    if !available() {
        return Err(UNAVAILABLE.to_string());
    }
    match LocalStorage::raw().get_item(KEY) {
        Ok(Some(text)) => Ok(exchange::restore(&text)),
        Ok(None) => Ok(Restored::default()),
        Err(_) => Err(UNAVAILABLE.to_string()),
    }
}

/// Whether a saved list is stored (read or not).
pub fn stored() -> bool {
    available() && matches!(LocalStorage::raw().get_item(KEY), Ok(Some(_)))
}

/// Replaces the stored list with `set`.
pub fn store(set: &[Saved]) -> Result<(), String> {
    if !available() {
        return Err(UNAVAILABLE.to_string());
    }
    let storage = LocalStorage::raw();
    let result = if set.is_empty() {
        storage.remove_item(KEY)
    } else {
        storage.set_item(KEY, &exchange::encode_set(set))
    };
    result.map_err(|_| {
        "The browser refused to store the list (its storage for this site may be full).".into()
    })
}

const UNAVAILABLE: &str = "This browser does not let the page store data here (private mode or blocked site data): scenarios cannot be saved, but links still work.";
