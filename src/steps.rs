//! Drawing the page a step per task. Drawn at once, the form, the answer and the saved list
//! are one task long enough to hold up a slow phone's first input; drawn a step at a time,
//! the browser can answer between steps. Each step is mounted below what is already drawn
//! (the form's groups in order, then the answer, then the saved list), so nothing on screen
//! moves.
//!
//! A step is a separate mount, not a view shown by a signal: a mount only builds its view,
//! where a signal-driven one would also carry the code to rebuild it in every later change.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// One step: a view mounted into its place.
pub type Step = Box<dyn FnOnce()>;

/// A step that mounts `view` at the end of the element `parent` finds (the page's own
/// elements exist by the time any step runs).
pub fn mount_into<V: IntoView + 'static>(
    parent: impl FnOnce() -> Option<web_sys::Element> + 'static,
    view: impl FnOnce() -> V + 'static,
) -> Step {
    Box::new(move || {
        if let Some(el) = parent() {
            // The page lives as long as the document: the mount is never undone.
            leptos::mount::mount_to(el.unchecked_into(), view).forget();
        }
    })
}

/// The element `node` refers to, once it is drawn.
pub fn element<E>(node: NodeRef<E>) -> Option<web_sys::Element>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    node.get_untracked().map(|el| el.unchecked_into())
}

/// Runs `steps` in order, each in a task of its own.
pub fn draw(mut steps: Vec<Step>) {
    steps.reverse();
    next(steps);
}

fn next(mut steps: Vec<Step>) {
    if let Some(step) = steps.pop() {
        set_timeout(
            move || {
                step();
                next(steps);
            },
            Duration::ZERO,
        );
    }
}
