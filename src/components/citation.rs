//! A source citation that expands to the source's title and the verbatim quote.

use engine::evidence::Citation;
use leptos::prelude::*;

/// One citation: the source key, expanding to its title, date checked and quote.
#[component]
pub fn CitationView(
    /// The citation to show.
    citation: Citation,
) -> impl IntoView {
    let key = citation.source.as_str();
    view! {
        <details class="citation" data-source=key>
            <summary>
                <span class="visually-hidden">"Source "</span>
                {key}
            </summary>
            <div class="citation-body">
                <p class="citation-title">{citation.source.title()}</p>
                <blockquote>{citation.quote}</blockquote>
                <p class="citation-checked">"Checked " {citation.source.checked()}</p>
            </div>
        </details>
    }
}

/// A row of citations.
#[component]
pub fn Citations(
    /// The citations, in order.
    citations: Vec<Citation>,
) -> impl IntoView {
    view! {
        <span class="citations">
            {citations.into_iter().map(|citation| view! { <CitationView citation /> }).collect_view()}
        </span>
    }
}
