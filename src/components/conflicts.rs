//! Conflicts between preference rules, each side with its reasons and sources.

use engine::recommendation::Conflict;
use leptos::prelude::*;

use super::reasons::Reasons;

/// The conflict panel; renders nothing when there is no conflict.
#[component]
pub fn Conflicts(
    /// The conflicts the engine found.
    conflicts: Vec<Conflict>,
) -> impl IntoView {
    (!conflicts.is_empty()).then(|| {
        view! {
            <section class="conflicts" data-conflict aria-labelledby="conflicts-title">
                <h2 id="conflicts-title">"Conflicting considerations"</h2>
                <p>
                    "Rules favour different therapies for this patient. Neither is marked "
                    "preferred on the strength of these rules: weigh both sides."
                </p>
                {conflicts
                    .into_iter()
                    .map(|c| {
                        view! {
                            <div class="conflict-sides">
                                {c
                                    .sides
                                    .into_iter()
                                    .map(|side| {
                                        view! {
                                            <div class="conflict-side" data-side=side.therapy.slug()>
                                                <h3>{format!("For {}", side.therapy.name())}</h3>
                                                <Reasons reasons=side.reasons />
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}
