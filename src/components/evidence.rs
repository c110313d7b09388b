//! The evidence footer: every source with its key, title and the date it was last checked,
//! and the trial figures the reasons draw on, each with its quotes.

use engine::documents::DOCUMENTS;
use engine::evidence::{SourceKey, EVIDENCE_TABLE, SNAPSHOT_DATE, SNAPSHOT_VERSION};
use leptos::prelude::*;

use super::citation::Citations;
use super::label_changes::LabelChanges;

/// The footer listing the sources of the evidence snapshot.
#[component]
pub fn EvidenceFooter() -> impl IntoView {
    view! {
        <footer class="evidence" aria-labelledby="evidence-title">
            <h2 id="evidence-title">"Sources"</h2>
            <p>
                {format!(
                    "Evidence snapshot {SNAPSHOT_VERSION}, label facts checked {SNAPSHOT_DATE}. Labels may have changed since; check the current label."
                )}
            </p>
            <dl>
                {SourceKey::PAPERS
                    .into_iter()
                    .map(|key| {
                        view! {
                            <dt>{key.as_str()}</dt>
                            <dd>{key.title()}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <LabelChanges />
            <details class="documents" data-documents>
                <summary>"Label documents the label facts cite"</summary>
                <ul>
                    {DOCUMENTS
                        .iter()
                        .map(|d| {
                            view! {
                                <li>
                                    <strong>{d.key}</strong>
                                    ": "
                                    {d.title}
                                    ". "
                                    {d.publisher}
                                    {(!d.date.is_empty()).then(|| format!(", {}", d.date))}
                                    ". "
                                    <span class="address">{d.address}</span>
                                    {d.secondary.then_some(" (secondary: verify against the current label)")}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            <details class="trials" data-trials>
                <summary>"Trial figures behind the reasons"</summary>
                <table class="stack">
                    <thead>
                        <tr>
                            <th scope="col">"Trial or cohort"</th>
                            <th scope="col">"Patients"</th>
                            <th scope="col">"Result"</th>
                            <th scope="col">"Sources"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {EVIDENCE_TABLE
                            .iter()
                            .map(|row| {
                                view! {
                                    <tr>
                                        <th scope="row">{row.trial}</th>
                                        <td data-label="Patients">{row.population}</td>
                                        <td data-label="Result">{row.result}</td>
                                        <td data-label="Sources"><Citations citations=row.sources /></td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </footer>
    }
}
