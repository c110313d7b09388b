//! The teaching library (`teaching.html`), generated from `engine::teaching::CASES`: each case
//! with its story, what the paper reports, its sources, its inputs (assumed ones marked), the
//! answer the rules give, and a link that opens it in the aid.
//!
//! The answer printed is the engine's own evaluation of the case at build time; the build
//! fails if it differs from the case's recorded expectation, so the page cannot teach an
//! answer the aid no longer gives.

use std::fmt::Write as _;

use engine::fields::FieldKind;
use engine::teaching::{to_query, CaseKind, TeachingCase, CASES};
use engine::{assess, Assessment, Therapy};

use crate::pages::{esc, shell, sources_html, Current};

/// A field's text in the form's words: a choice's label, a number with its unit.
fn shown(case: &TeachingCase, field: engine::Field, text: &str) -> String {
    match field.kind() {
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|(v, _)| *v == text)
            .map_or_else(|| text.to_string(), |(_, label)| (*label).to_string()),
        _ => format!("{text} {}", field.unit_in(&case.raw()))
            .trim()
            .to_string(),
    }
}

/// One case as an article; the expected answer is also in data attributes for tests.
fn article(case: &TeachingCase) -> Result<String, String> {
    let rec = match assess(&case.raw()) {
        Assessment::Valid(rec) => rec,
        Assessment::Invalid(problems) => {
            return Err(format!(
                "teaching case {} does not validate: {problems:?}",
                case.id
            ))
        }
    };
    let mut data = String::new();
    let mut answer = String::from("<ul class=\"answer\">");
    for therapy in Therapy::ALL {
        let status = rec.therapy(therapy).map(|a| a.status);
        if status != Some(case.expected.status(therapy)) {
            return Err(format!(
                "teaching case {}: the engine gives {therapy:?} {status:?}, the case expects {:?}",
                case.id,
                case.expected.status(therapy)
            ));
        }
        let status = case.expected.status(therapy);
        let _ = write!(
            data,
            " data-expect-{}=\"{}\"",
            therapy.slug(),
            status.slug()
        );
        let _ = write!(
            answer,
            "<li data-therapy=\"{}\"><strong>{}</strong>: {}</li>",
            therapy.slug(),
            esc(therapy.name()),
            esc(status.label())
        );
    }
    if rec.debulking.level != case.expected.prephase {
        return Err(format!("teaching case {}: pre-phase differs", case.id));
    }
    let _ = write!(
        data,
        " data-expect-prephase=\"{}\"",
        case.expected.prephase.slug()
    );
    let _ = write!(
        answer,
        "<li><strong>Pre-phase</strong>: {}</li></ul>",
        esc(case.expected.prephase.label())
    );

    let mut inputs = String::from("<table class=\"inputs\"><tbody>");
    // In the form's order, whatever order the case lists them in.
    let mut given: Vec<&(engine::Field, &str)> = case.inputs.iter().collect();
    given.sort_by_key(|(field, _)| *field);
    for (field, text) in given {
        let assumed = if case.is_assumed(*field) {
            " <em>(assumed)</em>"
        } else {
            ""
        };
        let _ = write!(
            inputs,
            "<tr><th scope=\"row\">{}</th><td>{}{assumed}</td></tr>",
            esc(field.label()),
            esc(&shown(case, *field, text))
        );
    }
    inputs.push_str("</tbody></table>");
    let kind = match case.kind {
        CaseKind::Paper => "From the paper",
        CaseKind::Archetype => "Archetype",
    };
    let reported = case.reported.map_or_else(String::new, |r| {
        format!("<p><strong>What the paper reports:</strong> {}</p>", esc(r))
    });
    let assumptions = if case.assumed.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"assumed\"><strong>Assumed:</strong> {}</p>",
            esc(case.assumptions)
        )
    };
    Ok(format!(
        r#"<article class="case" id="{id}" data-teaching-case="{id}"{data}>
<h2>{title} <small>{kind}</small></h2>
<p>{narrative}</p>
{reported}
<h3>Inputs</h3>
{inputs}
{assumptions}
<h3>What the aid answers</h3>
{answer}
<p><a class="open-case" href="./?{query}" data-open-case>Open this case in the aid</a></p>
<details><summary>Sources</summary>{sources}</details>
</article>
"#,
        id = esc(case.id),
        title = esc(case.title),
        narrative = esc(case.narrative),
        query = esc(&to_query(case)),
        sources = sources_html(case.sources),
    ))
}

/// The whole teaching page.
pub fn render() -> Result<String, String> {
    let mut body = String::from("<nav aria-label=\"Cases\" class=\"toc\"><ol>");
    for case in CASES {
        let _ = write!(
            body,
            "<li><a href=\"#{}\">{}</a></li>",
            esc(case.id),
            esc(case.title)
        );
    }
    body.push_str("</ol></nav>");
    for case in CASES {
        body.push_str(&article(case)?);
    }
    let lead = "Patients from the papers the aid cites, and archetypes that each show one decision. Each case lists its inputs (values a paper does not give are marked as assumed), the answer the aid's rules give, and opens in the aid to explore: change one input at a time and watch what moves.";
    let main = format!(
        "<h1>Teaching cases</h1>\n<p class=\"lead\">{}</p>\n{body}",
        esc(lead)
    );
    Ok(shell(Current::Teaching, "Teaching cases", lead, &main))
}
