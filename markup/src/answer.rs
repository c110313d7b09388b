//! The answer's parts: the region line, problems, all-excluded, warnings, conflicts, the
//! therapy cards and the notes; the dosing cards are in `dosing`.

use std::collections::{BTreeMap, BTreeSet};

use engine::charts::ChartId;
use engine::labels::LabelStatus;
use engine::plausibility::Warning;
use engine::recommendation::{Conflict, Reason, TherapyAssessment};
use engine::rule::Effect;
use engine::{Assessment, Field, Problem, ProblemKind, RawScenario, Recommendation, Status};

use crate::{Action, Cite, Part, Writer};

/// An answer as the page draws it: three runs of parts, each part one element, what its
/// citation chips expand to, and what its buttons do.
#[derive(Debug, Default)]
pub struct Answer {
    /// Above the cards: the region line, all-excluded, warnings and conflicts, or the
    /// problems that stop an answer.
    pub head: Vec<Part>,
    /// The therapy cards, one part each.
    pub cards: Vec<Part>,
    /// Below the cards: the notes for this patient, what would change the answer, the other
    /// region's answer, the pre-phase card, the two schedules and the decision path.
    pub rest: Vec<Part>,
    /// Each citation chip's key, with what it expands to.
    pub cites: BTreeMap<String, Cite>,
    /// The key of every details in the answer.
    pub keys: BTreeSet<String>,
    /// What each button does, by its `data-act`.
    pub actions: Vec<Action>,
}

/// Writes the answer to `assessment` of `raw`, with the details named in `open` open and an
/// undo of `last`, the last suggestion of "what would change it" tried.
pub fn answer(
    assessment: &Assessment,
    raw: &RawScenario,
    last: Option<&(Field, String)>,
    open: &BTreeSet<String>,
) -> Answer {
    let mut w = Writer::new(open);
    let mut a = Answer::default();
    match assessment {
        Assessment::Invalid(problems) => w.problems(problems, &mut a.head),
        Assessment::Valid(rec) => {
            w.head(rec, &mut a.head);
            for t in &rec.therapies {
                // A chart helps weigh a therapy the patient may receive.
                let chart = (t.status != Status::NotEligible)
                    .then(|| engine::charts::relevant(t.therapy, &rec.scenario))
                    .flatten();
                w.card(t, chart);
                a.cards.push(w.take(t.therapy.slug()));
            }
            if !rec.notes.is_empty() {
                w.scope = "notes";
                w.raw("<section class=\"card notes\" aria-labelledby=\"notes-title\">");
                w.raw("<h2 id=\"notes-title\">Notes for this patient</h2>");
                w.reasons(&rec.notes, false);
                w.raw("</section>");
                a.rest.push(w.take("notes"));
            }
            w.what_if(raw, last);
            a.rest.push(w.take("what-if"));
            if w.other_region(&engine::regions::other_region(&rec.scenario)) {
                a.rest.push(w.take("other-region"));
            }
            w.dosing(rec, &mut a.rest);
            w.path(rec);
            a.rest.push(w.take("path"));
        }
    }
    a.cites = w.cites;
    a.keys = w.keys;
    a.actions = w.actions;
    a
}

/// A short word for what a reason does to the status.
fn effect_word(effect: Effect) -> &'static str {
    match effect {
        Effect::Excludes => "Excludes",
        Effect::Caution => "Caution",
        Effect::Favours => "Favours",
        Effect::NeedsTest => "Needed",
        Effect::Note => "Note",
    }
}

/// A symbol that carries the status without colour.
fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Preferred => "★",
        Status::Option => "●",
        Status::Caution => "▲",
        Status::NotEligible => "✕",
    }
}

/// A symbol that carries the label badge without colour.
fn label_symbol(status: LabelStatus) -> &'static str {
    match status {
        LabelStatus::On => "✓",
        LabelStatus::Off => "⊘",
        LabelStatus::Unknown => "?",
    }
}

impl Writer<'_> {
    /// What stops an answer, each problem linking to its field: invalid or inconsistent input
    /// as an alert, values not yet entered as a calm prompt.
    fn problems(&mut self, problems: &[Problem], parts: &mut Vec<Part>) {
        let invalid = problems.iter().filter(|p| p.kind != ProblemKind::Missing);
        let missing = problems.iter().filter(|p| p.kind == ProblemKind::Missing);
        if invalid.clone().next().is_some() {
            self.raw(
                "<section class=\"problems\" role=\"alert\" aria-labelledby=\"problems-title\">\
                 <h2 id=\"problems-title\">Check these entries</h2>\
                 <p>No recommendation is shown while the input is invalid. Your entries are \
                 kept.</p>",
            );
            self.problem_list(invalid);
            self.raw("</section>");
            parts.push(self.take("problems"));
        }
        if missing.clone().next().is_some() {
            self.raw(
                "<section class=\"needed\" role=\"status\" aria-labelledby=\"needed-title\">\
                 <h2 id=\"needed-title\">To see a recommendation</h2>",
            );
            self.problem_list(missing);
            self.raw("</section>");
            parts.push(self.take("needed"));
        }
    }

    fn problem_list<'p>(&mut self, problems: impl Iterator<Item = &'p Problem>) {
        self.raw("<ul>");
        for p in problems {
            self.raw("<li");
            self.attr("data-problem", p.field.key());
            self.raw("><a");
            // The form's id for the field's input.
            self.attr("href", &format!("#f-{}", p.field.key()));
            self.raw(">");
            self.text(&p.message);
            self.raw("</a></li>");
        }
        self.raw("</ul>");
    }

    /// The region line, all-excluded, warnings and conflicts.
    fn head(&mut self, rec: &Recommendation, parts: &mut Vec<Part>) {
        let region = rec.scenario.region.name();
        self.raw("<p class=\"region-line\"");
        self.attr("data-region", region);
        self.raw(">Eligibility by the ");
        self.text(region);
        self.raw(" labels.</p>");
        parts.push(self.take("region"));
        if let Some(reasons) = &rec.all_excluded {
            self.scope = "all-excluded";
            self.raw(
                "<section class=\"card all-excluded\" data-all-excluded \
                 aria-labelledby=\"all-excluded-title\"><h2 id=\"all-excluded-title\">None of \
                 these therapies is eligible for this patient.</h2>",
            );
            self.reasons(reasons, false);
            self.raw(
                "<p>A clinical trial, or other salvage therapy per local protocol, is outside \
                 this aid.</p></section>",
            );
            parts.push(self.take("all-excluded"));
        }
        if self.warnings(&rec.warnings, true) {
            parts.push(self.take("warnings"));
        }
        // The conflict comes before the cards: it explains why neither side is preferred.
        if !rec.conflicts.is_empty() {
            self.conflicts(&rec.conflicts);
            parts.push(self.take("conflicts"));
        }
    }

    /// Values that do not fit together (weight, height, age), never blocking. Returns
    /// whether there were any. Only the copy above the cards is an alert (`announce`): the
    /// same words beside each dose are for the eye, and five alerts changing with every
    /// keystroke would drown a screen reader.
    pub(crate) fn warnings(&mut self, warnings: &[Warning], announce: bool) -> bool {
        if warnings.is_empty() {
            return false;
        }
        self.raw(if announce {
            "<div class=\"warning\" role=\"alert\" data-warning=\"plausibility\">"
        } else {
            "<div class=\"warning\" data-warning=\"plausibility\">"
        });
        self.raw("<strong>Check the units: </strong>");
        for w in warnings {
            self.raw("<p>");
            self.text(&w.message);
            self.raw("</p>");
        }
        self.raw("</div>");
        true
    }

    fn conflicts(&mut self, conflicts: &[Conflict]) {
        self.scope = "conflicts";
        self.raw(
            "<section class=\"conflicts\" data-conflict aria-labelledby=\"conflicts-title\">\
             <h2 id=\"conflicts-title\">Conflicting considerations</h2><p>Rules favour \
             different therapies for this patient. Neither is marked preferred on the strength \
             of these rules: weigh both sides.</p>",
        );
        for c in conflicts {
            self.raw("<div class=\"conflict-sides\">");
            for side in &c.sides {
                self.raw("<div class=\"conflict-side\"");
                self.attr("data-side", side.therapy.slug());
                self.raw("><h3>For ");
                self.text(side.therapy.name());
                self.raw("</h3>");
                self.reasons(&side.reasons, false);
                self.raw("</div>");
            }
            self.raw("</div>");
        }
        self.raw("</section>");
    }

    /// Reasons as a list: effect, rule ID (linked to the rule on the "how this works" page),
    /// text and citations. Where a caution outweighs favouring reasons, these are labelled
    /// so, never read as "preferred".
    pub(crate) fn reasons(&mut self, reasons: &[Reason], outweighed: bool) {
        self.raw("<ul class=\"reasons\">");
        for r in reasons {
            let id = r.rule.as_str();
            self.raw("<li class=\"reason\"");
            self.attr("data-rule", id);
            self.attr("data-effect", r.effect.slug());
            self.raw("><span class=\"effect\">");
            self.raw(if outweighed && r.effect == Effect::Favours {
                "Outweighed"
            } else {
                effect_word(r.effect)
            });
            self.raw("</span><a class=\"rule-id\"");
            self.attr("href", &format!("how.html#rule-{id}"));
            self.raw(">");
            self.text(id);
            self.raw("</a><span class=\"reason-text\">");
            self.text(&r.text);
            self.raw("</span>");
            self.citations(
                id,
                r.sources,
                &engine::evidence::reason_trials(r.rule, r.sources),
            );
            self.raw("</li>");
        }
        self.raw("</ul>");
    }

    /// One therapy's card: status in words and symbol, whether the use is within the chosen
    /// region's label (folded, with the label's conditions), what is still needed, the
    /// reasons, and the outcome chart most relevant to the patient (folded; drawn at build
    /// time, its figures as text one link away).
    fn card(&mut self, t: &TherapyAssessment, chart: Option<ChartId>) {
        let slug = t.therapy.slug();
        self.scope = slug;
        let label = &t.label;
        self.raw("<article class=\"therapy-card\"");
        self.attr("data-therapy", slug);
        self.attr("data-status", t.status.slug());
        self.attr("data-label", label.status.slug());
        self.attr("aria-labelledby", &format!("t-{slug}"));
        self.raw("><header><h3");
        self.attr("id", &format!("t-{slug}"));
        self.raw(">");
        self.text(t.therapy.name());
        self.raw("</h3><p class=\"status\"><span aria-hidden=\"true\">");
        self.raw(status_symbol(t.status));
        self.raw("</span> ");
        self.text(t.status.label());
        self.raw("</p></header>");

        let key = self.key(&["label"]);
        self.details(
            "label-badge",
            &key,
            &[("data-label-badge", label.status.slug())],
        );
        self.raw("<summary><span aria-hidden=\"true\">");
        self.raw(label_symbol(label.status));
        self.raw("</span> ");
        self.text(&label.status.label(label.region));
        if t.status == Status::NotEligible && label.status == LabelStatus::On {
            self.raw(", but not eligible for this patient (see below)");
        }
        // A div, not a p: a p cannot hold the citations' details.
        self.raw("</summary><div class=\"label-body\"><div class=\"label-indication\">");
        self.text(&label.indication.text);
        self.raw(" ");
        self.citations("label", label.indication.sources, &[]);
        self.raw("</div>");
        if !label.why.is_empty() {
            self.raw("<ul>");
            for c in &label.why {
                self.raw("<li");
                self.attr("data-rule", c.rule.as_str());
                self.raw(">");
                self.text(&c.text);
                self.raw(" ");
                self.citations(c.rule.as_str(), c.sources, &[]);
                self.raw("</li>");
            }
            self.raw("</ul>");
        }
        if label.status == LabelStatus::Off {
            self.raw("<p class=\"off-label\">Use outside the label is a clinical decision.</p>");
        }
        self.raw("</div></details>");

        if !t.tests_needed.is_empty() {
            self.raw("<div class=\"tests-needed\"><h4>Still needed</h4>");
            self.reasons(&t.tests_needed, false);
            self.raw("</div>");
        }
        if t.reasons.is_empty() {
            // The status then rests on the label alone: show it with its source.
            self.raw("<div class=\"no-reasons\">");
            self.raw(if t.tests_needed.is_empty() {
                "No rule flags or favours it for this patient. "
            } else {
                "Apart from what is still needed, no rule flags or favours it. "
            });
            self.text(&label.indication.text);
            self.raw(" ");
            self.citations("indication", label.indication.sources, &[]);
            self.raw("</div>");
        } else {
            self.reasons(&t.reasons, t.status == Status::Caution);
        }
        if let Some(c) = chart.and_then(ChartId::summary) {
            let chart = c.id.slug();
            let key = self.key(&["chart"]);
            self.details("card-chart", &key, &[]);
            self.raw("<summary>Outcome chart: ");
            self.text(c.title);
            self.raw("</summary><figure");
            self.attr("data-chart", chart);
            self.raw("><img");
            self.attr("src", &format!("charts/{chart}.svg"));
            self.attr("alt", c.title);
            self.raw(" loading=\"lazy\"><figcaption>");
            self.text(c.measure);
            self.raw(". ");
            self.text(c.caption);
            self.raw(" <a");
            self.attr("href", &format!("evidence.html#chart-{chart}"));
            self.raw(">The figures as text</a></figcaption></figure></details>");
        }
        self.raw("</article>");
    }
}
