//! Tells the user which parts of an opened link were ignored, and why.

use engine::query::{refused_whole, QueryIssue};
use leptos::prelude::*;

/// A notice listing every ignored key or value of the link the page was opened with.
#[component]
pub fn LinkIssues(
    /// Issues found while reading the link.
    issues: Vec<QueryIssue>,
) -> impl IntoView {
    // A link refused for its length had nothing else read.
    let rest_read = !refused_whole(&issues);
    (!issues.is_empty()).then(|| {
        view! {
            <section class="link-issues" role="alert" aria-labelledby="link-issues-title">
                <h2 id="link-issues-title">"Parts of this link were not used"</h2>
                <ul>
                    {issues
                        .into_iter()
                        .map(|i| {
                            // With no value (a missing version, "foo="), the message names
                            // the key; a bare "v=" chip would suggest the link holds one.
                            let shown = (!i.value.is_empty())
                                .then(|| {
                                    view! {
                                        <code>{format!("{}={}", i.key, i.value)}</code>
                                        ": "
                                    }
                                });
                            view! {
                                <li data-key=i.key.clone()>
                                    {shown}
                                    {i.message}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {rest_read.then(|| view! { <p>"Everything else in the link was read as usual."</p> })}
            </section>
        }
    })
}
