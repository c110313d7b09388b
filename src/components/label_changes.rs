//! The label-changes view: every place where a current label differs from the papers, with
//! the papers' words, the current fact, its document and the date checked. Rendered from the
//! engine's evidence snapshot, so it lists exactly what the rules cite.

use engine::evidence::SNAPSHOT_DATE;
use engine::label_changes::LABEL_CHANGES;
use leptos::prelude::*;

use super::citation::{Citations, ReadableQuote};

/// The label changes since the papers, folded until asked for.
#[component]
pub fn LabelChanges() -> impl IntoView {
    view! {
        <details class="label-changes" id="label-changes" data-label-changes>
            <summary>
                <h2>{format!("Label changes since the papers (checked {SNAPSHOT_DATE})")}</h2>
            </summary>
            <table class="stack">
                <thead>
                    <tr>
                        <th scope="col">"What changed"</th>
                        <th scope="col">"The papers said"</th>
                        <th scope="col">"The labels now"</th>
                        <th scope="col">"In this aid"</th>
                    </tr>
                </thead>
                <tbody>
                    {LABEL_CHANGES
                        .iter()
                        .map(|c| {
                            view! {
                                <tr data-label-change=c.topic>
                                    <th scope="row">{c.topic}</th>
                                    <td data-label="The papers said">
                                        {if c.papers.is_empty() {
                                            view! { <span>"Not in the papers."</span> }.into_any()
                                        } else {
                                            view! {
                                                {c.papers.iter().map(|q| view! { <blockquote><ReadableQuote quote=q.quote /></blockquote> }).collect_view()}
                                                <Citations citations=c.papers />
                                            }
                                            .into_any()
                                        }}
                                    </td>
                                    <td data-label="The labels now">
                                        <ul>
                                            {c.now
                                                .iter()
                                                .map(|q| {
                                                    let doc = q.source.document().map(|d| {
                                                        format!(" — {}, {}{}", d.title, d.publisher, if d.date.is_empty() { String::new() } else { format!(", {}", d.date) })
                                                    });
                                                    view! { <li>{q.quote}<small>{doc}</small></li> }
                                                })
                                                .collect_view()}
                                        </ul>
                                        <Citations citations=c.now />
                                    </td>
                                    <td data-label="In this aid">{c.effect}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </details>
    }
}
