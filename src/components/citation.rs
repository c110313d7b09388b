//! Source citations that expand to the source's title and its quotes. Paper quotes keep their
//! verbatim text (what the tests check) but are shown readable: LaTeX and markdown become
//! ≥, µ, superscripts, bold and italic. Label facts name their public document, its date and
//! address, with a caveat where the document reproduces the label.

use engine::evidence::{Citation, SourceKey, TrialLink};
use engine::readable::{readable, Style};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A quote in readable form: spans of plain, bold, italic, superscript and subscript text.
/// Text only: nothing from a source is ever parsed as markup.
#[component]
pub fn ReadableQuote(
    /// The verbatim quote.
    quote: &'static str,
) -> impl IntoView {
    readable(quote)
        .into_iter()
        .map(|span| match span.style {
            Style::Plain => span.text.into_any(),
            Style::Bold => view! { <strong>{span.text}</strong> }.into_any(),
            Style::Italic => view! { <em>{span.text}</em> }.into_any(),
            Style::Sup => view! { <sup>{span.text}</sup> }.into_any(),
            Style::Sub => view! { <sub>{span.text}</sub> }.into_any(),
        })
        .collect_view()
}

/// One source: its key, expanding to its title, the date checked and every quote or fact
/// cited from it here. The expansion is mounted when the citation is opened, into the
/// citation's own element: a page holds about a hundred citations, and keeping a signal, an
/// effect and a view to rebuild for each on every keystroke cost more than the rest of the
/// answer. [`refresh_citations`] keeps the expansions true to a new answer.
#[component]
pub fn CitationView(
    /// The source.
    source: SourceKey,
    /// The quotes or facts taken from it (at least one), each with whether it is verbatim.
    quotes: Vec<(&'static str, bool)>,
) -> impl IntoView {
    let key = source.as_str();
    let on_toggle = move |ev: web_sys::Event| {
        let details = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
        let Some(details) = details.filter(|d| d.open()) else {
            return;
        };
        if body_of(&details).is_none() {
            let quotes = quotes.clone();
            // The expansion holds no state: it is dropped with its element.
            leptos::mount::mount_to(details.unchecked_into(), move || {
                citation_body(source, &quotes)
            })
            .forget();
        }
    };
    view! {
        <details class="citation" data-source=key on:toggle=on_toggle>
            <summary>
                <span class="visually-hidden">"Source "</span>
                {key}
            </summary>
        </details>
    }
}

/// The expansion mounted in a citation's element, if any.
fn body_of(details: &web_sys::Element) -> Option<web_sys::Element> {
    details
        .query_selector(":scope > .citation-body")
        .ok()
        .flatten()
}

/// Keeps expansions true to the answer just drawn: a new answer is drawn into the elements
/// of the last, so a citation's element may now stand for another source or other quotes.
/// Every expansion is removed, and each open citation is built again from what it now
/// cites. Runs after the answer is drawn (queued by the results).
pub fn refresh_citations() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(bodies) = document.query_selector_all("details.citation > .citation-body") else {
        return;
    };
    for i in 0..bodies.length() {
        let Some(body) = bodies
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let details = body.parent_element();
        body.remove();
        let open = details
            .as_ref()
            .and_then(|d| d.dyn_ref::<web_sys::HtmlDetailsElement>())
            .is_some_and(|d| d.open());
        if let (true, Some(details)) = (open, details) {
            // Its toggle handler is the new answer's: it builds the expansion afresh.
            if let Ok(event) = web_sys::Event::new("toggle") {
                let _ = details.dispatch_event(&event);
            }
        }
    }
}

/// What a citation expands to: the source's title, its document, each quote or fact, and
/// the date it was checked.
fn citation_body(source: SourceKey, quotes: &[(&'static str, bool)]) -> impl IntoView {
    let document = source.document().map(|d| {
        let href = if d.address.starts_with("http") {
            d.address.to_string()
        } else {
            format!("https://{}", d.address)
        };
        view! {
            <p class="citation-doc">
                {d.publisher}
                {(!d.date.is_empty()).then(|| format!(", {}", d.date))}
                ". "
                // A plain link the user chooses to follow; nothing is fetched by the page.
                <a href=href rel="external noopener noreferrer" target="_blank">{d.address}</a>
                <span class="visually-hidden">" (external site)"</span>
            </p>
            {d.secondary.then(|| view! {
                <p class="citation-caveat">"Secondary source reproducing the label: verify against the current label."</p>
            })}
        }
    });
    view! {
        <div class="citation-body">
            <p class="citation-title">{source.title()}</p>
            {document}
            {quotes
                .iter()
                .map(|&(q, verbatim)| {
                    if verbatim {
                        view! { <blockquote><ReadableQuote quote=q /></blockquote> }.into_any()
                    } else {
                        view! { <p class="citation-fact">"Label fact: " {q}</p> }.into_any()
                    }
                })
                .collect_view()}
            <p class="citation-checked">"Checked " {source.checked()}</p>
        </div>
    }
}

/// A row of citations, one chip per source in first-cited order, so two quotes from the same
/// source read as one, then a "trial data" link to each evidence row the engine finds them
/// quoting (on the evidence page, generated at build time).
#[component]
pub fn Citations(
    /// The citations, in order.
    citations: &'static [Citation],
    /// The evidence rows they quote the numbers of (a reason's, from the engine).
    #[prop(optional)]
    trials: Vec<&'static TrialLink>,
) -> impl IntoView {
    let mut grouped: Vec<(SourceKey, Vec<(&'static str, bool)>)> = Vec::new();
    for c in citations {
        let item = (c.quote, c.verbatim);
        match grouped.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, quotes)) => {
                if !quotes.contains(&item) {
                    quotes.push(item);
                }
            }
            None => grouped.push((c.source, vec![item])),
        }
    }
    view! {
        <span class="citations">
            {grouped
                .into_iter()
                .map(|(source, quotes)| view! { <CitationView source quotes /> })
                .collect_view()}
            {trials
                .into_iter()
                .map(|row| {
                    view! {
                        <a class="trial-link" href=format!("evidence.html#trial-{}", row.id) data-trial-link=row.id>
                            "Trial data"
                            <span class="visually-hidden">" (" {row.trial} ")"</span>
                        </a>
                    }
                })
                .collect_view()}
        </span>
    }
}
