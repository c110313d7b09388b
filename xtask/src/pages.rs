//! The static pages, generated from the engine at build time: `how.html` (intended use,
//! inputs, every rule with its sources, the evidence snapshot, label changes, documents,
//! limitations), `evidence.html` (every trial and cohort, filterable without script, and the
//! outcome charts), `charts/<id>.svg` (each chart alone, for the app's cards) and
//! `pages.css` (their one style sheet).
//!
//! Generated from the same data the app runs on, so the pages cannot drift from the rules;
//! the main page's first visit loads none of it. The pages carry no script and no inline
//! style (a strict `default-src 'self'` Content-Security-Policy holds): the filters are radio
//! buttons read by CSS `:has()`, and the charts use presentation attributes that the style
//! sheet restyles in dark mode. Every text from the engine is escaped; links are relative, so
//! the aid can live under any path.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use engine::charts::{Chart, ChartId, Unit, CHARTS};
use engine::documents::{Document, DOCUMENTS};
use engine::evidence::{
    rows_cited_by_any, Ages, Citation, SourceKey, TrialEvidence, TrialSetting, EVIDENCE_TABLE,
    SNAPSHOT_DATE, SNAPSHOT_VERSION,
};
use engine::fields::{FieldKind, Group as FieldGroup};
use engine::label_changes::LABEL_CHANGES;
use engine::rule::{Family, Rule};
use engine::rules::{RULES, RULE_SET_VERSION};
use engine::{Field, Therapy, FIELDS};

/// The style sheet's fixed part; the filter rules are generated after it.
const STYLE: &str = include_str!("../../style/pages.css");

/// The aid's name, as the main page's title gives it.
const AID: &str = "R/R B-ALL immunotherapy decision aid";

/// A file of the generated pages: its path under the build directory and its contents.
pub struct Page {
    /// Path relative to the build directory ("how.html", "charts/mrd-response.svg").
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// Every file the pages consist of.
pub fn pages() -> Vec<Page> {
    let mut out = vec![
        Page {
            path: "how.html".into(),
            text: how_page(),
        },
        Page {
            path: "evidence.html".into(),
            text: evidence_page(),
        },
        Page {
            path: "pages.css".into(),
            text: style_sheet(),
        },
    ];
    for chart in CHARTS {
        out.push(Page {
            path: format!("charts/{}.svg", chart.id.slug()),
            text: svg(chart, false),
        });
    }
    out
}

/// Writes every page into `dir` (a build's output or trunk's staging directory).
pub fn generate(dir: &Path) -> Result<usize, String> {
    let mut pages = pages();
    pages.push(Page {
        path: "teaching.html".into(),
        text: crate::teaching_page::render()?,
    });
    for page in &pages {
        let path = dir.join(&page.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&path, &page.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(pages.len())
}

// ---- HTML ----

pub use markup::esc;
use markup::quote_html;

/// Which page a shell is for (marks the current page in the navigation).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Current {
    How,
    Evidence,
    Teaching,
}

/// The page around `main`: head with the one style sheet, header with the navigation back
/// to the aid and between the pages, footer with the snapshot.
pub fn shell(current: Current, title: &str, description: &str, main: &str) -> String {
    let nav_item = |href: &str, nav: &str, text: &str, here: bool| {
        let aria = if here { " aria-current=\"page\"" } else { "" };
        format!("<li><a href=\"{href}\" data-nav=\"{nav}\"{aria}>{text}</a></li>")
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <title>{title} — {aid}</title>\n\
         <link rel=\"stylesheet\" href=\"pages.css\">\n\
         <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the content</a>\n\
         <header class=\"site-header\">\n<p class=\"site-name\"><a href=\"./\">{aid}</a></p>\n\
         <nav aria-label=\"Pages\"><ul>{aid_link}{how}{evidence}{teaching}</ul></nav>\n</header>\n\
         <main id=\"main\">\n{main}</main>\n\
         <footer class=\"site-footer\"><p>Evidence snapshot {version}, label facts checked \
         <time datetime=\"{date}\">{date}</time>. Rule set version {rules}. Decision support for \
         clinicians: it does not replace clinical judgement, local protocols or the product \
         labels.</p></footer>\n</body>\n</html>\n",
        description = esc(description),
        title = esc(title),
        aid = esc(AID),
        aid_link = nav_item("./", "aid", "The decision aid", false),
        how = nav_item("how.html", "how", "How this works", current == Current::How),
        evidence = nav_item(
            "evidence.html",
            "evidence",
            "Evidence",
            current == Current::Evidence
        ),
        teaching = nav_item(
            "teaching.html",
            "teaching",
            "Teaching cases",
            current == Current::Teaching
        ),
        version = esc(SNAPSHOT_VERSION),
        date = esc(SNAPSHOT_DATE),
        rules = esc(RULE_SET_VERSION),
    )
}

/// A public document's line: publisher, date and address (a link), with the caveat where it
/// reproduces the label.
fn document_line(d: &Document) -> String {
    let date = if d.date.is_empty() {
        String::new()
    } else {
        format!(", {}", esc(d.date))
    };
    let caveat = if d.secondary {
        " <span class=\"caveat\">Secondary source reproducing the label: verify against the current label.</span>"
    } else {
        ""
    };
    format!(
        "{}{date}. <a class=\"address\" href=\"https://{}\" rel=\"external noopener noreferrer\">{}</a>.{caveat}",
        esc(d.publisher),
        esc(d.address),
        esc(d.address)
    )
}

/// Citations grouped by source, each source once with its title and every quote or fact.
pub fn sources_html(citations: &[Citation]) -> String {
    let mut grouped: Vec<(SourceKey, Vec<&Citation>)> = Vec::new();
    for c in citations {
        match grouped.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, list)) => {
                if !list.iter().any(|o| o.quote == c.quote) {
                    list.push(c);
                }
            }
            None => grouped.push((c.source, vec![c])),
        }
    }
    let mut out = String::from("<ul class=\"sources\">");
    for (source, quotes) in grouped {
        out.push_str(&format!(
            "<li data-source=\"{}\"><p><span class=\"source-key\">{}</span> {}",
            esc(source.as_str()),
            esc(source.as_str()),
            esc(source.title())
        ));
        if let Some(d) = source.document() {
            out.push_str(&format!(". {}", document_line(d)));
        }
        out.push_str("</p>");
        for q in quotes {
            if q.verbatim {
                out.push_str(&format!("<blockquote>{}</blockquote>", quote_html(q.quote)));
            } else {
                out.push_str(&format!(
                    "<p class=\"fact\">Label fact, in the aid's words: {}</p>",
                    esc(q.quote)
                ));
            }
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// The anchor of a rule's entry on the how page.
fn rule_anchor(rule: &Rule) -> String {
    format!("rule-{}", rule.id.as_str())
}

/// A field's values in words: its range, or its choices.
fn field_values(field: Field) -> String {
    match field.kind() {
        FieldKind::Number { min, max, integer } => {
            let kind = if integer { "Whole number" } else { "Number" };
            format!("{kind}, {min} to {max}")
        }
        FieldKind::Choice(choices) => choices
            .iter()
            .filter(|(v, _)| !v.is_empty())
            .map(|(_, label)| *label)
            .collect::<Vec<_>>()
            .join("; "),
        FieldKind::Mrd => "A percentage (0.1 means 0.1%) or a fraction (1e-3, 10^-3)".into(),
    }
}

/// What a field no rule reads is for.
fn field_purpose(field: Field) -> &'static str {
    match field {
        Field::Weight => "Body surface area for every dose; 45 kg decides between the fixed and the per-m² blinatumomab dose; the plausibility check",
        Field::Height => "Body surface area for every dose; the plausibility check",
        Field::PeripheralBlastsUnit => "The unit the peripheral blast count is read in",
        Field::CrclUnit => "The unit the creatinine clearance is read in (a child's mL/min is normalised to 1.73 m²)",
        Field::Ldh | Field::LdhUln => "Read with the other as LDH above or within the upper limit of normal",
        Field::Cd19Pct | Field::Cd22Pct => "Decides the marker's status: 20% or more is positive, below it low",
        _ => "",
    }
}

/// The rules that read `field`.
fn rules_reading(field: Field) -> Vec<&'static Rule> {
    RULES.iter().filter(|r| r.reads.contains(&field)).collect()
}

/// The rows a rule's sources quote the numbers of.
fn rows_of(rule: &Rule) -> Vec<&'static TrialEvidence> {
    rows_cited_by_any(rule.sources)
}

/// The rules whose sources quote the numbers of `row`.
fn rules_citing(row: &TrialEvidence) -> Vec<&'static Rule> {
    RULES
        .iter()
        .filter(|r| rows_of(r).iter().any(|o| o.id == row.id))
        .collect()
}

/// The charts drawing on `row`.
fn charts_of(row: &TrialEvidence) -> Vec<&'static Chart> {
    CHARTS
        .iter()
        .filter(|c| c.groups.iter().any(|g| g.row == row.id))
        .collect()
}

// ---- How this works ----

fn how_page() -> String {
    let mut m = String::new();
    m.push_str(&format!(
        "<h1>How this works</h1>\n<p class=\"lead\">What the decision aid is for, what it reads, \
         every rule it applies with the sources it rests on, and what it cannot do. Generated \
         from the rules the aid runs: rule set version {}, evidence snapshot {}, label facts \
         checked <time datetime=\"{d}\">{d}</time>.</p>\n",
        esc(RULE_SET_VERSION),
        esc(SNAPSHOT_VERSION),
        d = esc(SNAPSHOT_DATE)
    ));
    m.push_str(
        "<nav class=\"toc\" aria-label=\"On this page\"><ul>\
         <li><a href=\"#use\">Intended use</a></li>\
         <li><a href=\"#not\">What it does not do</a></li>\
         <li><a href=\"#decides\">How it decides</a></li>\
         <li><a href=\"#inputs\">Inputs</a></li>\
         <li><a href=\"#rules\">Rules</a></li>\
         <li><a href=\"#snapshot\">Evidence snapshot</a></li>\
         <li><a href=\"#label-changes\">Label changes since the papers</a></li>\
         <li><a href=\"#documents\">Label documents</a></li>\
         <li><a href=\"#limitations\">Known limitations</a></li></ul></nav>\n",
    );

    m.push_str(
        "<section id=\"use\" aria-labelledby=\"use-title\"><h2 id=\"use-title\">Intended use</h2>\
         <p>For haematologists and oncologists, of adults and of children, who treat B-cell \
         precursor acute lymphoblastic leukaemia that has relapsed, is refractory, or is in \
         morphologic remission with measurable residual disease (MRD). It weighs blinatumomab, \
         inotuzumab ozogamicin and each CD19 CAR-T product (tisagenlecleucel, brexucabtagene \
         autoleucel, obecabtagene autoleucel) for the patient described, decides whether \
         pre-phase debulking is needed before blinatumomab, computes doses from body surface \
         area and lays out the schedules.</p>\
         <p>Every conclusion names the rule that produced it and the published source that rule \
         rests on, so the clinician can check the basis of each one. The aid runs entirely in \
         the browser: nothing typed leaves the page, and the page's link holds the whole \
         scenario (share it as you would share the data in it).</p></section>\n",
    );

    m.push_str(
        "<section id=\"not\" aria-labelledby=\"not-title\"><h2 id=\"not-title\">What the aid does not do</h2><ul>\
         <li>It does not decide treatment. It is decision support: the clinician, the patient \
         and local protocols decide.</li>\
         <li>It does not replace the product labels. It encodes the label conditions it names, \
         as read on the date above, for the region chosen (US or EU).</li>\
         <li>It covers relapsed or refractory and MRD-positive B-cell ALL only: not frontline \
         treatment, consolidation, T-cell ALL, or the choice of chemotherapy, TKI or transplant \
         as such.</li>\
         <li>It does not rank therapies on a score. A therapy is preferred only when a rule \
         favours it and nothing weighs against it; opposing rules are shown as a conflict, \
         never settled silently.</li>\
         <li>It stores nothing and sends nothing anywhere.</li></ul></section>\n",
    );

    m.push_str(
        "<section id=\"decides\" aria-labelledby=\"decides-title\"><h2 id=\"decides-title\">How it decides</h2>\
         <p>The rules below are applied in order, each reading only the inputs it names. A rule \
         finds that a therapy is excluded, needs caution, is favoured, needs a test first, or \
         only notes something. The status follows from the findings in one way:</p><ol>\
         <li><strong>Not eligible</strong> when an eligibility rule excludes it (a missing \
         target antigen, or a label condition of the chosen region the patient does not \
         meet);</li>\
         <li>otherwise <strong>use with caution</strong> when a rule flags a specific risk;</li>\
         <li>otherwise <strong>preferred</strong> when a rule favours it, no test is still \
         needed and no other rule favours a different eligible therapy;</li>\
         <li>otherwise <strong>an option</strong>.</li></ol>\
         <p>An unknown value never counts as a favourable one: it names the test still needed \
         and holds “preferred” back. A therapy the disease did not respond to is never \
         preferred. Each eligibility finding names the region whose label it applied.</p></section>\n",
    );

    // Inputs.
    m.push_str(
        "<section id=\"inputs\" aria-labelledby=\"inputs-title\"><h2 id=\"inputs-title\">Inputs</h2>\
         <p>Every input of the form, with its unit, the values it accepts and what reads it. \
         The key is its name in the page's link.</p>\n",
    );
    for group in FieldGroup::ALL {
        let fields: Vec<Field> = FIELDS
            .iter()
            .copied()
            .filter(|f| f.group() == group)
            .collect();
        m.push_str(&format!(
            "<h3>{}</h3>\n<table class=\"stack inputs\"><thead><tr><th scope=\"col\">Input</th>\
             <th scope=\"col\">Unit</th><th scope=\"col\">Values</th>\
             <th scope=\"col\">Used for</th></tr></thead><tbody>\n",
            esc(group.title())
        ));
        for f in fields {
            let rules = rules_reading(f);
            let mut used = String::new();
            if !rules.is_empty() {
                used.push_str("Read by ");
                used.push_str(
                    &rules
                        .iter()
                        .map(|r| {
                            format!(
                                "<a href=\"#{}\">{}</a>",
                                esc(&rule_anchor(r)),
                                esc(r.id.as_str())
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                used.push('.');
            }
            let purpose = field_purpose(f);
            if !purpose.is_empty() {
                used.push_str(&format!(" {}.", esc(purpose)));
            }
            if !f.hint().is_empty() {
                used.push_str(&format!(" <span class=\"hint\">{}.</span>", esc(f.hint())));
            }
            m.push_str(&format!(
                "<tr id=\"input-{key}\" data-field=\"{key}\"><th scope=\"row\">{label} \
                 <code>{key}</code></th><td data-label=\"Unit\">{unit}</td>\
                 <td data-label=\"Values\">{values}</td><td data-label=\"Used for\">{used}</td></tr>\n",
                key = esc(f.key()),
                label = esc(f.label()),
                unit = if f.unit().is_empty() {
                    "—".to_string()
                } else {
                    esc(f.unit())
                },
                values = esc(&field_values(f)),
                used = used.trim(),
            ));
        }
        m.push_str("</tbody></table>\n");
    }
    m.push_str("</section>\n");

    // Rules.
    m.push_str(&format!(
        "<section id=\"rules\" aria-labelledby=\"rules-title\"><h2 id=\"rules-title\">Rules \
         (rule set version {})</h2><p>Every rule the aid applies, in the order it applies \
         them, with the inputs it reads and its sources. Quotes are the sources' own words; \
         label facts are in the aid's words and name the public document they come from.</p>\n",
        esc(RULE_SET_VERSION)
    ));
    for family in Family::ALL {
        m.push_str(&format!(
            "<h3 id=\"family-{}\">{}</h3>\n",
            esc(&format!("{family:?}").to_ascii_lowercase()),
            esc(family.title())
        ));
        for rule in RULES.iter().filter(|r| r.id.family() == family) {
            m.push_str(&rule_html(rule));
        }
    }
    m.push_str("</section>\n");

    // Snapshot.
    m.push_str(&format!(
        "<section id=\"snapshot\" aria-labelledby=\"snapshot-title\"><h2 id=\"snapshot-title\">Evidence snapshot</h2>\
         <p>Version {}. Label and approval facts checked on <time datetime=\"{d}\">{d}</time>; a \
         label may have changed since. The papers:</p><dl class=\"papers\">",
        esc(SNAPSHOT_VERSION),
        d = esc(SNAPSHOT_DATE)
    ));
    for key in SourceKey::PAPERS {
        m.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>",
            esc(key.as_str()),
            esc(key.title())
        ));
    }
    m.push_str(
        "</dl><p>The trial figures and charts are on the <a href=\"evidence.html\">evidence \
         page</a>.</p></section>\n",
    );

    // Label changes.
    m.push_str(&format!(
        "<section id=\"label-changes\" aria-labelledby=\"label-changes-title\" data-label-changes>\
         <h2 id=\"label-changes-title\">Label changes since the papers (checked {})</h2>\
         <p>Where a current label differs from what a paper says, the aid applies the label and \
         says so.</p><table class=\"stack\"><thead><tr><th scope=\"col\">What changed</th>\
         <th scope=\"col\">The papers said</th><th scope=\"col\">The labels now</th>\
         <th scope=\"col\">In this aid</th></tr></thead><tbody>\n",
        esc(SNAPSHOT_DATE)
    ));
    for c in LABEL_CHANGES {
        let papers = if c.papers.is_empty() {
            "Not in the papers.".to_string()
        } else {
            sources_html(c.papers)
        };
        let now: String = c
            .now
            .iter()
            .map(|q| {
                let doc = q
                    .source
                    .document()
                    .map(|d| {
                        let date = if d.date.is_empty() {
                            String::new()
                        } else {
                            format!(", {}", esc(d.date))
                        };
                        format!(
                            " <small>— {}, {}{date}</small>",
                            esc(d.title),
                            esc(d.publisher)
                        )
                    })
                    .unwrap_or_default();
                let text = if q.verbatim {
                    format!("“{}”", quote_html(q.quote))
                } else {
                    esc(q.quote)
                };
                format!("<li>{text}{doc}</li>")
            })
            .collect();
        m.push_str(&format!(
            "<tr data-label-change=\"{topic}\"><th scope=\"row\">{topic}</th>\
             <td data-label=\"The papers said\">{papers}</td>\
             <td data-label=\"The labels now\"><ul>{now}</ul></td>\
             <td data-label=\"In this aid\">{effect}</td></tr>\n",
            topic = esc(c.topic),
            effect = esc(c.effect),
        ));
    }
    m.push_str("</tbody></table></section>\n");

    // Documents.
    m.push_str(
        "<section id=\"documents\" aria-labelledby=\"documents-title\" data-documents>\
         <h2 id=\"documents-title\">Label documents the label facts cite</h2><ul class=\"documents\">\n",
    );
    for d in DOCUMENTS {
        m.push_str(&format!(
            "<li><strong>{}</strong>: {}. {}</li>\n",
            esc(d.key),
            esc(d.title),
            document_line(d)
        ));
    }
    m.push_str("</ul></section>\n");

    // Limitations.
    m.push_str(
        "<section id=\"limitations\" aria-labelledby=\"limitations-title\"><h2 id=\"limitations-title\">Known limitations</h2><ul>\
         <li>The rules encode the aid's clinical specification, which draws on five papers \
         and the label documents listed above. They are not a review of all the literature, and \
         trials published after the papers are not in them unless a label fact names them.</li>\
         <li>Labels were checked on the snapshot date and change without notice. Several label \
         facts were read in reproductions of the label (marked “secondary”): verify them against \
         the current label.</li>\
         <li>Data in children are limited: a phase II trial of 39 children and a cohort of 9 for \
         blinatumomab, the study behind the US paediatric approval of inotuzumab, and ELIANA \
         (ages 3 to 21) for tisagenlecleucel. The EU paediatric inotuzumab label was not found, \
         and the EU CAR-T monitoring and driving periods were not checked.</li>\
         <li>Trial figures come from different populations, eras and definitions of response. \
         The charts set them side by side for reading, not for a head-to-head comparison; small \
         cohorts give uncertain figures, and the sources rarely give confidence intervals.</li>\
         <li>Thresholds (50% marrow blasts, 15,000 peripheral blasts per µL, MRD 0.1%, two prior \
         lines …) are applied to the values as entered. A value near a threshold, or a \
         measurement in doubt, needs the clinician's judgement.</li>\
         <li>Doses are computed from the weight and height entered; check them against the \
         label and local protocol before prescribing.</li>\
         <li>The aid knows only what is entered: comorbidities, performance status, infections, \
         donor availability, the patient's wishes and access to each therapy are outside \
         it.</li></ul></section>\n",
    );

    shell(
        Current::How,
        "How this works",
        "How the R/R B-ALL decision aid works: intended use, inputs, every rule with its sources, the evidence snapshot, label changes and known limitations.",
        &m,
    )
}

/// One rule's entry: ID, family, statement, inputs, trial data and sources.
fn rule_html(rule: &Rule) -> String {
    let id = rule.id.as_str();
    let reads = rule
        .reads
        .iter()
        .map(|f| format!("<a href=\"#input-{}\">{}</a>", esc(f.key()), esc(f.label())))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = rows_of(rule);
    let trials = if rows.is_empty() {
        String::new()
    } else {
        format!(
            "<dt>Trial data</dt><dd>{}</dd>",
            rows.iter()
                .map(|r| format!(
                    "<a href=\"evidence.html#trial-{}\" data-trial-link=\"{}\">{}</a>",
                    esc(r.id),
                    esc(r.id),
                    esc(r.trial)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    format!(
        "<article class=\"rule\" id=\"{anchor}\" data-rule=\"{id}\" aria-labelledby=\"{anchor}-title\">\
         <h4 id=\"{anchor}-title\"><span class=\"rule-id\">{id}</span></h4>\
         <p class=\"statement\">{statement}</p>\
         <dl class=\"facts\"><dt>Family</dt><dd>{family}</dd><dt>Reads</dt><dd>{reads}</dd>{trials}</dl>\
         <h5>Sources</h5>{sources}</article>\n",
        anchor = esc(&rule_anchor(rule)),
        id = esc(id),
        statement = esc(rule.statement),
        family = esc(rule.id.family().title()),
        sources = sources_html(rule.sources),
    )
}

// ---- Evidence ----

/// The therapy filter: a value and the rows it keeps.
const THERAPY_FILTER: &[(&str, &str)] = &[
    ("blinatumomab", "Blinatumomab"),
    ("inotuzumab", "Inotuzumab ozogamicin"),
    ("car-t", "CD19 CAR-T"),
];

/// A row's therapy words for `data-therapy`: its slug, and `car-t` for a CAR-T product.
fn therapy_tokens(therapy: Therapy) -> String {
    if therapy.is_car_t() {
        format!("{} car-t", therapy.slug())
    } else {
        therapy.slug().to_string()
    }
}

/// One filter: its name, its legend, and its options as (value, label).
type Filter = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

/// The filters of the evidence table.
fn filters() -> Vec<Filter> {
    vec![
        ("therapy", "Therapy", THERAPY_FILTER.to_vec()),
        (
            "setting",
            "Setting",
            TrialSetting::ALL
                .iter()
                .map(|s| (s.slug(), s.label()))
                .collect(),
        ),
        (
            "ages",
            "Ages",
            [Ages::Adults, Ages::Children]
                .iter()
                .map(|a| (a.slug(), a.label()))
                .collect(),
        ),
    ]
}

/// The attribute a filter reads on a row.
fn row_tokens(row: &TrialEvidence, filter: &str) -> String {
    match filter {
        "therapy" => therapy_tokens(row.therapy),
        "setting" => row
            .setting
            .iter()
            .map(|s| s.slug())
            .collect::<Vec<_>>()
            .join(" "),
        _ => row.ages.slug().to_string(),
    }
}

fn evidence_page() -> String {
    let mut m = String::new();
    m.push_str(&format!(
        "<h1>Evidence</h1>\n<p class=\"lead\">Every trial and cohort the aid draws numbers \
         from: whom it studied, with what, how many patients, the outcomes, the sources' own \
         words, and the rules that cite it. Evidence snapshot {}, label facts checked \
         <time datetime=\"{d}\">{d}</time>.</p>\n\
         <nav class=\"toc\" aria-label=\"On this page\"><ul><li><a href=\"#trials\">Trials and \
         cohorts</a></li><li><a href=\"#charts\">Outcome charts</a></li></ul></nav>\n",
        esc(SNAPSHOT_VERSION),
        d = esc(SNAPSHOT_DATE)
    ));
    m.push_str(
        "<section id=\"trials\" aria-labelledby=\"trials-title\"><h2 id=\"trials-title\">Trials and cohorts</h2>\n\
         <div class=\"filters\" role=\"group\" aria-label=\"Show trials by\">\n",
    );
    for (name, legend, options) in filters() {
        m.push_str(&format!(
            "<fieldset class=\"filter\" data-filter=\"{name}\"><legend>{legend}</legend>\
             <input type=\"radio\" name=\"{name}\" id=\"f-{name}-all\" value=\"all\" checked>\
             <label for=\"f-{name}-all\">All</label>",
            legend = esc(legend)
        ));
        for (value, label) in options {
            m.push_str(&format!(
                "<input type=\"radio\" name=\"{name}\" id=\"f-{name}-{v}\" value=\"{v}\">\
                 <label for=\"f-{name}-{v}\">{l}</label>",
                v = esc(value),
                l = esc(label)
            ));
        }
        m.push_str("</fieldset>\n");
    }
    m.push_str(
        "</div>\n<p class=\"no-match\" data-no-match>No trial or cohort in the sources matches \
         all three choices.</p>\n<div class=\"trials\">\n",
    );
    for row in EVIDENCE_TABLE {
        m.push_str(&trial_html(row));
    }
    m.push_str("</div></section>\n");

    m.push_str(
        "<section id=\"charts\" aria-labelledby=\"charts-title\"><h2 id=\"charts-title\">Outcome charts</h2>\
         <p>Figures the sources give, drawn to scale. Where a source gives both the patients \
         and the responders, each square is one patient (filled: responded), so a small cohort \
         looks small. A confidence interval is drawn only where the source gives one.</p>\n",
    );
    for id in ChartId::ALL {
        if let Some(chart) = id.chart() {
            m.push_str(&figure_html(chart));
        }
    }
    m.push_str("</section>\n");
    shell(
        Current::Evidence,
        "Evidence",
        "The trials and cohorts behind the R/R B-ALL decision aid, with their sources, the rules that cite them, and outcome charts.",
        &m,
    )
}

/// One trial's entry.
fn trial_html(row: &TrialEvidence) -> String {
    let anchor = format!("trial-{}", row.id);
    let setting = row
        .setting
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join("; ");
    let n = match row.n {
        Some(n) => n.to_string(),
        None => "Not given in the sources".to_string(),
    };
    let rules = rules_citing(row);
    let cited = if rules.is_empty() {
        "<p class=\"cited-by\">No rule quotes its figures; shown for context.</p>".to_string()
    } else {
        let items: String = rules
            .iter()
            .map(|r| {
                format!(
                    "<li data-rule=\"{id}\"><a href=\"how.html#{anchor}\">{id}</a>: {statement}</li>",
                    id = esc(r.id.as_str()),
                    anchor = esc(&rule_anchor(r)),
                    statement = esc(r.statement)
                )
            })
            .collect();
        format!("<h4>Rules that cite it</h4><ul class=\"cited-by\">{items}</ul>")
    };
    let charts: Vec<String> = charts_of(row)
        .iter()
        .map(|c| {
            format!(
                "<a href=\"#chart-{}\">{}</a>",
                esc(c.id.slug()),
                esc(c.title)
            )
        })
        .collect();
    let charts = if charts.is_empty() {
        String::new()
    } else {
        format!("<p class=\"row-charts\">Charts: {}</p>", charts.join("; "))
    };
    format!(
        "<article class=\"trial\" id=\"{anchor}\" data-trial=\"{id}\" data-therapy=\"{therapy}\" \
         data-setting=\"{settings}\" data-ages=\"{ages}\" aria-labelledby=\"{anchor}-title\">\
         <h3 id=\"{anchor}-title\">{trial}</h3>\
         <dl class=\"facts\"><dt>Therapy</dt><dd>{therapy_name}</dd><dt>Setting</dt><dd>{setting}</dd>\
         <dt>Ages</dt><dd>{ages_label}</dd>\
         <dt>Patients</dt><dd data-field=\"population\">{population}</dd>\
         <dt>n</dt><dd data-field=\"n\">{n}</dd>\
         <dt>Regimen</dt><dd data-field=\"regimen\">{regimen}</dd>\
         <dt>Outcomes</dt><dd data-field=\"result\">{result}</dd></dl>\
         {cited}{charts}<h4>Sources</h4>{sources}</article>\n",
        anchor = esc(&anchor),
        id = esc(row.id),
        therapy = esc(&therapy_tokens(row.therapy)),
        settings = esc(&row_tokens(row, "setting")),
        ages = esc(row.ages.slug()),
        trial = esc(row.trial),
        therapy_name = esc(row.therapy.name()),
        setting = esc(&setting),
        ages_label = esc(row.ages.label()),
        population = esc(row.population),
        n = esc(&n),
        regimen = esc(row.regimen),
        result = esc(row.result),
        sources = sources_html(row.sources),
    )
}

/// A chart as a figure: the drawing, its caption (source and n), and the figures as a table
/// (the text equivalent).
fn figure_html(chart: &Chart) -> String {
    let slug = chart.id.slug();
    let unit = match chart.unit {
        Unit::Percent => "%",
        Unit::Months => " months",
    };
    let mut rows = String::new();
    for g in chart.groups {
        for b in g.bars {
            let patients = match (b.responders, b.n) {
                (Some(k), Some(n)) => format!("{k} of {n}"),
                (None, Some(n)) => format!("n = {n}"),
                _ => "not given".into(),
            };
            let ci =
                b.ci.map(|(l, h)| format!("{l}–{h}%"))
                    .unwrap_or_else(|| "—".into());
            rows.push_str(&format!(
                "<tr><th scope=\"row\">{group}: {label}</th><td data-label=\"Value\">{value}{unit}</td>\
                 <td data-label=\"Patients\">{patients}</td><td data-label=\"95% CI\">{ci}</td>\
                 <td data-label=\"Source\"><a href=\"#trial-{row}\">{keys}</a></td></tr>",
                group = esc(g.label),
                label = esc(b.label),
                value = esc(b.value),
                patients = esc(&patients),
                ci = esc(&ci),
                row = esc(g.row),
                keys = esc(g.source.as_str()),
            ));
        }
    }
    format!(
        "<figure class=\"chart\" id=\"chart-{slug}\" data-chart=\"{slug}\" aria-labelledby=\"chart-{slug}-caption\">\
         <h3>{title}</h3>{svg}\
         <figcaption id=\"chart-{slug}-caption\">{measure}. {caption} {note} \
         <a href=\"charts/{slug}.svg\">The chart alone (SVG)</a>.</figcaption>\
         <table class=\"stack chart-data\"><caption>The figures in this chart</caption><thead><tr>\
         <th scope=\"col\">Group</th><th scope=\"col\">Value</th><th scope=\"col\">Patients</th>\
         <th scope=\"col\">95% CI</th><th scope=\"col\">Source</th></tr></thead><tbody>{rows}</tbody></table>\
         </figure>\n",
        title = esc(chart.title),
        svg = svg(chart, true),
        measure = esc(chart.measure),
        caption = esc(chart.caption),
        note = esc(chart.note),
    )
}

/// The generated filter rules: each choice hides the rows without its value; a message shows
/// when the three choices leave no row.
fn filter_css() -> String {
    let filters = filters();
    let mut css = String::from("\n/* Filters (generated from the evidence table). */\n");
    for (name, _, options) in &filters {
        for (value, _) in options {
            css.push_str(&format!(
                "main:has(#f-{name}-{value}:checked) .trial:not([data-{name}~=\"{value}\"]) {{ display: none; }}\n"
            ));
        }
    }
    // Every combination of choices (with "all") that leaves no row.
    let choices = |options: &Vec<(&'static str, &'static str)>| -> Vec<&'static str> {
        std::iter::once("all")
            .chain(options.iter().map(|(v, _)| *v))
            .collect()
    };
    let (therapy, setting, ages) = (
        choices(&filters[0].2),
        choices(&filters[1].2),
        choices(&filters[2].2),
    );
    let mut empty = BTreeSet::new();
    for t in &therapy {
        for s in &setting {
            for a in &ages {
                let keeps = |row: &TrialEvidence, name: &str, v: &str| {
                    v == "all" || row_tokens(row, name).split(' ').any(|x| x == v)
                };
                let any = EVIDENCE_TABLE.iter().any(|r| {
                    keeps(r, "therapy", t) && keeps(r, "setting", s) && keeps(r, "ages", a)
                });
                if !any {
                    empty.insert(format!(
                        "main:has(#f-therapy-{t}:checked):has(#f-setting-{s}:checked):has(#f-ages-{a}:checked) .no-match"
                    ));
                }
            }
        }
    }
    if !empty.is_empty() {
        css.push_str(&empty.into_iter().collect::<Vec<_>>().join(",\n"));
        css.push_str(" { display: block; }\n");
    }
    css
}

fn style_sheet() -> String {
    format!("{STYLE}{}", filter_css())
}

// ---- Charts ----

/// The drawing's width in SVG units; it scales to its container.
const WIDTH: f64 = 360.0;
const PAD: f64 = 10.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/// Icon squares: side and pitch.
const ICON: f64 = 7.0;
const ICON_PITCH: f64 = 9.0;

/// A rough text width at `size` px (system sans-serif averages about 0.55 em a character).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// Words wrapped to lines no wider than `width` at `size` px.
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A number for an SVG attribute: at most one decimal.
fn px(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The chart drawn as SVG. `inline`: for the evidence page (an element of the page, its
/// title and description IDs prefixed by the chart); otherwise a standalone file. Colours
/// are presentation attributes (light card), which the style sheet restyles for dark mode
/// where the chart is inline.
pub fn svg(chart: &Chart, inline: bool) -> String {
    let slug = chart.id.slug();
    let inner = WIDTH - 2.0 * PAD;
    let max = match chart.unit {
        Unit::Percent => 100.0,
        Unit::Months => {
            let top = chart
                .groups
                .iter()
                .flat_map(|g| g.bars)
                .filter_map(|b| b.value.parse::<f64>().ok())
                .fold(0.0, f64::max);
            ((top / 10.0).ceil() * 10.0).max(10.0)
        }
    };
    let scale = |v: f64| inner * (v / max).clamp(0.0, 1.0);
    let mut body = String::new();
    let mut y = PAD;
    let text = |x: f64, y: f64, size: f64, class: &str, anchor: &str, weight: &str, s: &str| {
        let fill = if class.contains("muted") {
            "#4a5360"
        } else {
            "#1b1f24"
        };
        format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" class=\"{class}\" fill=\"{fill}\"{}{}>{}</text>",
            px(x),
            px(y),
            px(size),
            if anchor.is_empty() {
                String::new()
            } else {
                format!(" text-anchor=\"{anchor}\"")
            },
            if weight.is_empty() {
                String::new()
            } else {
                format!(" font-weight=\"{weight}\"")
            },
            esc(s)
        )
    };
    // Inline, the figure's heading and caption give the title and the measure.
    if !inline {
        for line in wrap(chart.title, 15.0, inner) {
            y += 17.0;
            body.push_str(&text(PAD, y, 15.0, "t", "", "700", &line));
        }
        for line in wrap(chart.measure, 12.0, inner) {
            y += 15.0;
            body.push_str(&text(PAD, y, 12.0, "t muted", "", "", &line));
        }
        y += 6.0;
    }
    let per_row = (inner / ICON_PITCH).floor().max(1.0) as u32;
    for g in chart.groups {
        y += 10.0;
        for line in wrap(g.label, 13.0, inner) {
            y += 16.0;
            body.push_str(&text(PAD, y, 13.0, "t", "", "700", &line));
        }
        for b in g.bars {
            let value: f64 = b.value.parse().unwrap_or(0.0);
            let shown = b.text(chart.unit);
            // The label and the figure on one line when they fit, else the figure below.
            let fits = text_width(b.label, 12.0) + text_width(&shown, 12.0) + 12.0 <= inner;
            let label_lines = if fits {
                vec![b.label.to_string()]
            } else {
                wrap(b.label, 12.0, inner)
            };
            for line in &label_lines {
                y += 15.0;
                body.push_str(&text(PAD, y, 12.0, "t", "", "", line));
            }
            if !fits {
                y += 15.0;
            }
            body.push_str(&text(WIDTH - PAD, y, 12.0, "t value", "end", "700", &shown));
            y += 5.0;
            let bar_class = if b.comparator {
                "bar comparator"
            } else {
                "bar"
            };
            let bar_fill = if b.comparator { "#6b7280" } else { "#1d4e89" };
            body.push_str(&format!(
                "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"#e3e8ef\"/>\
                 <rect class=\"{bar_class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{bar_fill}\"/>",
                px(PAD),
                px(y),
                px(inner),
                px(PAD),
                px(y),
                px(scale(value))
            ));
            if let Some((low, high)) = b.ci {
                let (l, h) = (
                    low.parse::<f64>().unwrap_or(value),
                    high.parse::<f64>().unwrap_or(value),
                );
                let (x1, x2, mid) = (PAD + scale(l), PAD + scale(h), y + 6.0);
                body.push_str(&format!(
                    "<path class=\"ci\" d=\"M{x1} {mid}H{x2}M{x1} {t}V{b}M{x2} {t}V{b}\" stroke=\"#b35900\" stroke-width=\"2\" fill=\"none\"/>",
                    x1 = px(x1),
                    x2 = px(x2),
                    mid = px(mid),
                    t = px(y - 2.0),
                    b = px(y + 14.0),
                ));
            }
            y += 12.0;
            if let (Some(k), Some(n)) = (b.responders, b.n) {
                y += 5.0;
                let mut icons = String::new();
                for i in 0..n {
                    let (col, row) = (i % per_row, i / per_row);
                    let (x, iy) = (
                        PAD + f64::from(col) * ICON_PITCH,
                        y + f64::from(row) * ICON_PITCH,
                    );
                    if i < k {
                        icons.push_str(&format!(
                            "<rect class=\"icon on\" x=\"{}\" y=\"{}\" width=\"{ICON}\" height=\"{ICON}\" fill=\"{bar_fill}\"/>",
                            px(x),
                            px(iy)
                        ));
                    } else {
                        icons.push_str(&format!(
                            "<rect class=\"icon off\" x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{w}\" fill=\"none\" stroke=\"#6b7280\"/>",
                            px(x + 0.5),
                            px(iy + 0.5),
                            w = px(ICON - 1.0)
                        ));
                    }
                }
                body.push_str(&format!(
                    "<g class=\"icons\" aria-hidden=\"true\">{icons}</g>"
                ));
                y += f64::from(n.div_ceil(per_row)) * ICON_PITCH;
            }
        }
    }
    // The scale.
    y += 14.0;
    let ticks: Vec<f64> = (0..=4).map(|i| max * f64::from(i) / 4.0).collect();
    for t in &ticks {
        let x = PAD + scale(*t);
        let anchor = if *t == 0.0 {
            "start"
        } else if *t == max {
            "end"
        } else {
            "middle"
        };
        let label = match chart.unit {
            Unit::Percent => format!("{}%", px(*t)),
            Unit::Months => format!("{} mo", px(*t)),
        };
        body.push_str(&text(x, y, 11.0, "t muted tick", anchor, "", &label));
    }
    y += 6.0;
    let has_icons = chart
        .groups
        .iter()
        .flat_map(|g| g.bars)
        .any(|b| b.responders.is_some() && b.n.is_some());
    if has_icons {
        y += 14.0;
        body.push_str(&text(
            PAD,
            y,
            11.0,
            "t muted",
            "",
            "",
            "Each square is one patient; filled: responded.",
        ));
    }
    if chart
        .groups
        .iter()
        .flat_map(|g| g.bars)
        .any(|b| b.ci.is_some())
    {
        y += 14.0;
        body.push_str(&text(
            PAD,
            y,
            11.0,
            "t muted",
            "",
            "",
            "Orange whiskers: 95% confidence interval, as the source gives it.",
        ));
    }
    for line in wrap(chart.caption, 11.0, inner) {
        y += 14.0;
        body.push_str(&text(PAD, y, 11.0, "t muted", "", "", &line));
    }
    let height = y + PAD;
    let (title_id, desc_id) = if inline {
        (format!("chart-{slug}-title"), format!("chart-{slug}-desc"))
    } else {
        ("title".to_string(), "desc".to_string())
    };
    let xmlns = if inline {
        ""
    } else {
        " xmlns=\"http://www.w3.org/2000/svg\""
    };
    format!(
        "<svg{xmlns} viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         aria-labelledby=\"{title_id} {desc_id}\" font-family=\"{FONT}\" class=\"chart-svg\" \
         data-chart-svg=\"{slug}\"><title id=\"{title_id}\">{title}</title>\
         <desc id=\"{desc_id}\">{desc}</desc>\
         <rect class=\"bg\" width=\"{w}\" height=\"{h}\" rx=\"6\" fill=\"#ffffff\"/>{body}</svg>{nl}",
        w = px(WIDTH),
        h = px(height),
        title = esc(chart.title),
        desc = esc(&chart.text_equivalent()),
        nl = if inline { "" } else { "\n" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::evidence::numbers;

    /// Text of an HTML fragment without its tags, entities decoded.
    fn strip(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The element that starts with `start` (up to the `</tag>` closing it; no nesting of
    /// the same tag is assumed).
    fn element<'a>(html: &'a str, start: &str, tag: &str) -> &'a str {
        let from = html
            .find(start)
            .unwrap_or_else(|| panic!("{start} is not in the page"));
        let close = format!("</{tag}>");
        let to = html[from..]
            .find(&close)
            .unwrap_or_else(|| panic!("{start} is not closed"));
        &html[from..from + to + close.len()]
    }

    /// The text of every element opened by `open` whose opening tag contains `attr`, in
    /// order, tags removed.
    fn texts_of(html: &str, open: &str, attr: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find(open) {
            rest = &rest[i..];
            let tag_end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..tag_end];
            let name = open.trim_start_matches('<').trim();
            let close = format!("</{name}>");
            let end = rest.find(&close).unwrap_or(rest.len());
            if tag.contains(attr) {
                out.push(strip(&rest[tag_end.min(end)..end]));
            }
            rest = &rest[(tag_end + 1).min(rest.len())..];
        }
        out
    }

    fn page(path: &str) -> String {
        pages()
            .into_iter()
            .find(|p| p.path == path)
            .map(|p| p.text)
            .unwrap_or_else(|| panic!("no {path}"))
    }

    #[test]
    fn every_rule_is_on_the_how_page_with_its_sources() {
        let how = page("how.html");
        for rule in RULES {
            let id = rule.id.as_str();
            let entry = element(
                &how,
                &format!("<article class=\"rule\" id=\"rule-{id}\" data-rule=\"{id}\""),
                "article",
            );
            assert!(entry.contains(&esc(rule.statement)), "{id}: statement");
            for c in rule.sources {
                assert!(
                    entry.contains(&format!("data-source=\"{}\"", esc(c.source.as_str()))),
                    "{id}: source {}",
                    c.source.as_str()
                );
                let shown = if c.verbatim {
                    quote_html(c.quote)
                } else {
                    esc(c.quote)
                };
                assert!(entry.contains(&shown), "{id}: quote {:?}", c.quote);
            }
            for f in rule.reads {
                assert!(
                    entry.contains(&format!("href=\"#input-{}\"", f.key())),
                    "{id}"
                );
            }
        }
        // Each input's row exists and names every rule reading it; each input not read by a
        // rule says what it is for.
        for f in FIELDS {
            let row = element(&how, &format!("<tr id=\"input-{}\"", f.key()), "tr");
            let readers = rules_reading(f);
            for r in &readers {
                assert!(
                    row.contains(&format!("href=\"#rule-{}\"", r.id.as_str())),
                    "{}",
                    f.key()
                );
            }
            assert!(
                !readers.is_empty() || !field_purpose(f).is_empty(),
                "{}: nothing says what it is for",
                f.key()
            );
        }
        for c in LABEL_CHANGES {
            assert!(how.contains(&format!("data-label-change=\"{}\"", esc(c.topic))));
        }
        for d in DOCUMENTS {
            assert!(
                how.contains(&format!("<strong>{}</strong>", esc(d.key))),
                "{}",
                d.key
            );
        }
        assert!(how.contains(&format!("Rule set version {RULE_SET_VERSION}")));
        assert!(how.contains(SNAPSHOT_VERSION) && how.contains(SNAPSHOT_DATE));
    }

    #[test]
    fn every_number_of_the_evidence_browser_is_the_snapshots() {
        let evidence = page("evidence.html");
        for row in EVIDENCE_TABLE {
            let entry = element(
                &evidence,
                &format!(
                    "<article class=\"trial\" id=\"trial-{}\" data-trial=\"{}\"",
                    row.id, row.id
                ),
                "article",
            );
            for (field, text) in [
                ("population", row.population.to_string()),
                ("regimen", row.regimen.to_string()),
                ("result", row.result.to_string()),
                ("n", row.n.map(|n| n.to_string()).unwrap_or_default()),
            ] {
                let shown = strip(element(entry, &format!("<dd data-field=\"{field}\""), "dd"));
                // The same numbers, in the same order, as the engine's row.
                assert_eq!(numbers(&shown), numbers(&text), "{} {field}", row.id);
            }
            let quotes = strip(element(entry, "<ul class=\"sources\">", "ul"));
            let in_quotes = numbers(&quotes);
            for c in row.sources {
                for n in numbers(&engine::readable::plain(c.quote)) {
                    assert!(
                        in_quotes.contains(&n),
                        "{}: {n} of a quote is missing",
                        row.id
                    );
                }
            }
            for rule in rules_citing(row) {
                assert!(entry.contains(&format!("<li data-rule=\"{}\">", rule.id.as_str())));
            }
        }
    }

    #[test]
    fn every_number_of_a_chart_is_the_snapshots() {
        let evidence = page("evidence.html");
        for chart in CHARTS {
            let slug = chart.id.slug();
            let file = page(&format!("charts/{slug}.svg"));
            let data: Vec<String> = chart
                .groups
                .iter()
                .flat_map(|g| g.bars)
                .flat_map(|b| {
                    let mut n = vec![b.value.to_string()];
                    n.extend(b.responders.map(|k| k.to_string()));
                    n.extend(b.n.map(|k| k.to_string()));
                    if let Some((l, h)) = b.ci {
                        n.extend([l.to_string(), h.to_string()]);
                    }
                    n
                })
                .collect();
            // The figures drawn beside the bars are exactly the chart's data, in order.
            let drawn: Vec<String> = texts_of(&file, "<text ", "class=\"t value\"")
                .iter()
                .flat_map(|t| numbers(t))
                .filter(|n| n != "95")
                .collect();
            assert_eq!(drawn, data, "{slug}: the figures drawn");
            // The bars are drawn to scale.
            let max = if chart.unit == Unit::Percent {
                100.0
            } else {
                0.0
            };
            if max > 0.0 {
                let widths: Vec<f64> = file
                    .split("<rect class=\"bar")
                    .skip(1)
                    .filter_map(|s| s.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
                    .collect();
                let values: Vec<f64> = chart
                    .groups
                    .iter()
                    .flat_map(|g| g.bars)
                    .filter_map(|b| b.value.parse().ok())
                    .collect();
                assert_eq!(widths.len(), values.len(), "{slug}");
                for (w, v) in widths.iter().zip(&values) {
                    assert!(
                        (w - (WIDTH - 2.0 * PAD) * v / 100.0).abs() < 0.06,
                        "{slug}: {w} for {v}"
                    );
                }
            }
            // One square per patient, the responders filled.
            let on = file.matches("class=\"icon on\"").count() as u32;
            let all = file.matches("class=\"icon ").count() as u32;
            let bars = chart.groups.iter().flat_map(|g| g.bars);
            let (k, n) = bars
                .filter_map(|b| b.responders.zip(b.n))
                .fold((0, 0), |(a, b), (k, n)| (a + k, b + n));
            assert_eq!((on, all), (k, n), "{slug}: icons");
            // The inline drawing is the file's, and the table gives the same figures.
            let figure = element(
                &evidence,
                &format!("<figure class=\"chart\" id=\"chart-{slug}\""),
                "figure",
            );
            assert!(figure.contains(&format!("data-chart=\"{slug}\"")));
            let body = element(figure, "<tbody>", "tbody");
            let mut in_table: Vec<String> = Vec::new();
            for tr in body.split("<tr>").skip(1) {
                for label in ["Value", "Patients", "95% CI"] {
                    for cell in texts_of(tr, "<td ", &format!("data-label=\"{label}\"")) {
                        in_table.extend(numbers(&cell));
                    }
                }
            }
            in_table.retain(|n| n != "95");
            assert_eq!(in_table, data, "{slug}: the table");
            assert!(file.contains(&format!(
                "<desc id=\"desc\">{}</desc>",
                esc(&chart.text_equivalent())
            )));
            assert!(figure.contains(&esc(chart.caption)));
        }
    }

    #[test]
    fn pages_have_no_script_no_inline_style_and_relative_links() {
        for p in pages() {
            let lower = p.text.to_ascii_lowercase();
            assert!(!lower.contains("<script"), "{}", p.path);
            assert!(!lower.contains("<style"), "{}", p.path);
            assert!(!lower.contains(" style="), "{}", p.path);
            for handler in [
                " onclick=",
                " onload=",
                " onerror=",
                " onchange=",
                "javascript:",
            ] {
                assert!(!lower.contains(handler), "{}: {handler}", p.path);
            }
            for attr in ["href=\"/", "src=\"/"] {
                assert!(!p.text.contains(attr), "{}: an absolute link", p.path);
            }
        }
        for page in ["how.html", "evidence.html"] {
            let html = super::tests::page(page);
            for link in [
                "href=\"./\"",
                "href=\"how.html\"",
                "href=\"evidence.html\"",
                "href=\"pages.css\"",
            ] {
                assert!(html.contains(link), "{page} lacks {link}");
            }
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            quote_html("$\\geq 10^{-3}$ <b>"),
            "≥ 10<sup>-3</sup> &lt;b&gt;"
        );
    }

    #[test]
    fn filters_cover_every_row_and_name_empty_combinations() {
        let css = filter_css();
        for (name, _, options) in filters() {
            for (value, _) in options {
                assert!(
                    css.contains(&format!("#f-{name}-{value}:checked")),
                    "{name} {value}"
                );
                // Every filter value keeps at least one row.
                assert!(
                    EVIDENCE_TABLE
                        .iter()
                        .any(|r| row_tokens(r, name).split(' ').any(|x| x == value)),
                    "{name}={value} keeps nothing"
                );
            }
        }
        // Inotuzumab was not studied in MRD: that combination shows the message.
        assert!(css.contains(
            "main:has(#f-therapy-inotuzumab:checked):has(#f-setting-mrd:checked):has(#f-ages-all:checked) .no-match"
        ));
        assert!(!css.contains(
            "main:has(#f-therapy-all:checked):has(#f-setting-all:checked):has(#f-ages-all:checked) .no-match"
        ));
    }
}
