//! The evidence footer: every source with its key, title and the date it was last checked.

use engine::evidence::{SourceKey, SNAPSHOT_DATE, SNAPSHOT_VERSION};
use leptos::prelude::*;

/// The footer listing the sources of the evidence snapshot.
#[component]
pub fn EvidenceFooter() -> impl IntoView {
    view! {
        <footer class="evidence" aria-labelledby="evidence-title">
            <h2 id="evidence-title">"Sources"</h2>
            <p>
                {format!(
                    "Evidence snapshot {SNAPSHOT_VERSION}, checked {SNAPSHOT_DATE}. Label facts (L) may have changed since; check the current label."
                )}
            </p>
            <dl>
                {SourceKey::ALL
                    .into_iter()
                    .map(|key| {
                        view! {
                            <dt>{key.as_str()}</dt>
                            <dd>{key.title()}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </footer>
    }
}
