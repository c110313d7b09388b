//! The page header: title, intended use and disclaimer, always visible, with the links to the
//! pages generated at build time (evidence, how the aid works).

use engine::evidence::SNAPSHOT_DATE;
use leptos::prelude::*;

/// Title, the links to the evidence and "how this works" pages, intended use, disclaimer and
/// the evidence snapshot date.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="header-top">
                <h1>"Relapsed/refractory B-ALL: immunotherapy decision aid"</h1>
                <nav class="site-nav" aria-label="About this aid">
                    <a href="evidence.html" data-nav="evidence">"Evidence"</a>
                    <a href="how.html" data-nav="how">"How this works"</a>
                </nav>
            </div>
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
                <a href="how.html#label-changes" data-nav="label-changes">"Label changes since the papers"</a>
            </p>
        </header>
    }
}
