//! Source citations that expand to the source's title and the verbatim quotes.

use engine::evidence::{Citation, SourceKey};
use leptos::prelude::*;

/// One source: its key, expanding to its title, the date checked and every quote cited
/// from it here.
#[component]
pub fn CitationView(
    /// The source.
    source: SourceKey,
    /// The quotes taken from it (at least one).
    quotes: Vec<&'static str>,
) -> impl IntoView {
    let key = source.as_str();
    view! {
        <details class="citation" data-source=key>
            <summary>
                <span class="visually-hidden">"Source "</span>
                {key}
            </summary>
            <div class="citation-body">
                <p class="citation-title">{source.title()}</p>
                {quotes.into_iter().map(|q| view! { <blockquote>{q}</blockquote> }).collect_view()}
                <p class="citation-checked">"Checked " {source.checked()}</p>
            </div>
        </details>
    }
}

/// A row of citations, one chip per source in first-cited order, so two quotes from the same
/// paper read as one source.
#[component]
pub fn Citations(
    /// The citations, in order.
    citations: &'static [Citation],
) -> impl IntoView {
    let mut grouped: Vec<(SourceKey, Vec<&'static str>)> = Vec::new();
    for c in citations {
        match grouped.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, quotes)) => {
                if !quotes.contains(&c.quote) {
                    quotes.push(c.quote);
                }
            }
            None => grouped.push((c.source, vec![c.quote])),
        }
    }
    view! {
        <span class="citations">
            {grouped
                .into_iter()
                .map(|(source, quotes)| view! { <CitationView source quotes /> })
                .collect_view()}
        </span>
    }
}
