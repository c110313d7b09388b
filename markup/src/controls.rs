//! The answer's controls: "what would change it" (the smallest single-input changes that
//! would change a status, a label badge or the pre-phase decision, one click each, and one
//! click back) and the other region's answer with its switch. Each button carries
//! `data-act`, the index of the [`Action`] the page applies when it is chosen.

use engine::regions::RegionDifference;
use engine::what_if::{search, Step, Suggestion};
use engine::{Field, RawScenario, Region};

use crate::Writer;

/// What a button of the answer does to the scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Try a suggestion: set `field` to `to`, keeping `from` to undo it.
    Try {
        /// The field changed.
        field: Field,
        /// Its text before.
        from: String,
        /// Its text after.
        to: String,
    },
    /// Undo the last suggestion tried: put `field` back to `text`.
    Undo {
        /// The field.
        field: Field,
        /// The text it had.
        text: String,
    },
    /// Apply the other region's labels.
    Switch(Region),
}

/// How many suggestions of each kind are shown.
const SHOWN: usize = 8;

/// A field's text as the form shows it (the comparison's wording).
fn shown(field: Field, text: &str, raw: &RawScenario) -> String {
    engine::compare::text_shown(field, text, raw).unwrap_or_else(|| "not given".into())
}

impl Writer<'_> {
    /// A button that applies `action`.
    fn button(&mut self, action: Action, attrs: &[(&str, &str)], text: &str) {
        self.raw("<button type=\"button\"");
        for (name, value) in attrs {
            self.attr(name, value);
        }
        self.attr("data-act", &self.actions.len().to_string());
        self.raw(">");
        self.text(text);
        self.raw("</button>");
        self.actions.push(action);
    }

    /// "What would change it", with an undo of `last`, the last suggestion tried.
    pub(crate) fn what_if(&mut self, raw: &RawScenario, last: Option<&(Field, String)>) {
        // Both kinds of question, each with its smallest changes: a scenario with many
        // unknowns would otherwise show only "find out …" and never the thresholds.
        let (known, values): (Vec<Suggestion>, Vec<Suggestion>) = search(raw, usize::MAX)
            .into_iter()
            .partition(|s| s.step == Step::MadeKnown);
        self.raw(
            "<section class=\"card what-if\" aria-labelledby=\"what-if-title\">\
             <h2 id=\"what-if-title\" tabindex=\"-1\">What would change it</h2>",
        );
        if let Some((field, text)) = last {
            let words = format!(
                "Undo: {} back to {}",
                field.label(),
                shown(*field, text, raw)
            );
            let undo = Action::Undo {
                field: *field,
                text: text.clone(),
            };
            self.button(undo, &[("data-undo", "")], &words);
        }
        if known.is_empty() && values.is_empty() {
            self.raw(
                "<p class=\"hint\">No single change of one input changes a status, a label \
                 badge or the pre-phase decision.</p>",
            );
        } else {
            self.raw(
                "<p class=\"hint\">The smallest single changes that would change the answer, \
                 smallest first. Choose one to try it.</p>",
            );
            self.suggestions("If a value were different", values);
            self.suggestions("If an unknown were known", known);
        }
        self.raw("</section>");
    }

    /// One kind of suggestion as a list of buttons, smallest first.
    fn suggestions(&mut self, title: &str, suggestions: Vec<Suggestion>) {
        if suggestions.is_empty() {
            return;
        }
        self.raw("<h3>");
        self.text(title);
        self.raw("</h3><ul class=\"suggestions\">");
        for s in suggestions.into_iter().take(SHOWN) {
            self.raw("<li");
            self.attr("data-suggestion", s.field.key());
            self.raw(">");
            let rules = s
                .rules
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let action = Action::Try {
                field: s.field,
                from: s.from,
                to: s.to,
            };
            self.button(action, &[("class", "link-button")], &s.description);
            if !rules.is_empty() {
                self.raw("<small class=\"rule-id\">");
                self.text(&rules);
                self.raw("</small>");
            }
            self.raw("</li>");
        }
        self.raw("</ul>");
    }

    /// The therapies whose status or label badge would change under the other region's
    /// labels, one line each, and the switch. Writes nothing when it would answer the same.
    pub(crate) fn other_region(&mut self, differences: &[RegionDifference]) -> bool {
        let Some(first) = differences.first() else {
            return false;
        };
        let other = first.region;
        let code = match other {
            Region::Us => "us",
            Region::Eu => "eu",
        };
        self.raw("<section class=\"card other-region\"");
        self.attr("data-other-region", code);
        self.raw(" aria-labelledby=\"other-region-title\"><h2 id=\"other-region-title\">What the ");
        self.text(other.name());
        self.raw(" labels say</h2><ul>");
        for d in differences {
            // The badge already says "within the label"; only reasons add anything.
            let why = d.why.join(" ");
            self.raw("<li");
            self.attr("data-region-therapy", d.therapy.slug());
            self.raw("><strong>");
            self.text(d.therapy.name());
            self.raw("</strong>");
            self.text(&format!(
                ": {} → {} ({}).{}{}",
                d.here.0.label(),
                d.there.0.label(),
                d.there.1.label(other),
                if why.is_empty() { "" } else { " " },
                why
            ));
            self.raw("</li>");
        }
        self.raw("</ul>");
        let words = format!("Switch to {} labels", other.name());
        self.button(
            Action::Switch(other),
            &[("data-switch-region", code)],
            &words,
        );
        self.raw("</section>");
        true
    }
}
