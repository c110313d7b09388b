//! The page header: title, intended use and disclaimer, always visible.

use engine::evidence::SNAPSHOT_DATE;
use leptos::prelude::*;

/// Title, intended use, disclaimer and the evidence snapshot date.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>"Relapsed/refractory B-ALL: immunotherapy decision aid"</h1>
            <nav class="site-nav" aria-label="Views">
                <a href="#scenarios" data-nav="saved">"Saved scenarios"</a>
                <a href="teaching.html" data-nav="teaching">"Teaching cases"</a>
            </nav>
            <p class="intended-use">
                "For haematologists choosing between blinatumomab, inotuzumab ozogamicin and "
                "CD19 CAR-T cells for relapsed/refractory or MRD-positive B-cell precursor ALL, "
                "and the pre-phase debulking before blinatumomab. Every conclusion shows the rule "
                "and the published source it rests on."
            </p>
            <p class="disclaimer" role="note">
                <strong>"Decision support for clinicians. "</strong>
                "It does not replace clinical judgement, local protocols or the product labels. "
                "No data leaves this browser: the scenario lives only in this page and its link. "
                <span class="snapshot">"Evidence checked " <time datetime=SNAPSHOT_DATE>{SNAPSHOT_DATE}</time> ". "</span>
                <a href="#label-changes" data-nav="label-changes" on:click=|_| open_label_changes()>
                    "Label changes since the papers"
                </a>
            </p>
        </header>
    }
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
