//! The decision path's fold: its heading, the legend, the box the app draws the diagram
//! into, and, while it is open, the path as text: every rule with its statement, what it
//! read, what it found and its sources (the diagram's text equivalent, and the entries its
//! nodes open).

use engine::rules::RULES;
use engine::Recommendation;

use crate::Writer;

/// The decision path's key among the answer's folds.
pub const PATH_KEY: &str = "path";

/// The keys of the sources a rule rests on, each once, in first-cited order ("S2, S4").
fn source_keys(sources: &[engine::evidence::Citation]) -> String {
    let mut keys: Vec<&str> = Vec::new();
    for c in sources {
        if !keys.contains(&c.source.as_str()) {
            keys.push(c.source.as_str());
        }
    }
    keys.join(", ")
}

/// The path as text, for `rec`: what an opened path holds.
pub fn trace_list(rec: &Recommendation) -> String {
    let open = Default::default();
    let mut w = Writer::new(&open);
    w.trace_list(rec);
    w.out
}

impl Writer<'_> {
    /// The fold, folded unless it was open.
    pub(crate) fn path(&mut self, rec: &Recommendation) {
        let fired = rec.trace.iter().filter(|s| s.fired).count();
        self.scope = "";
        self.keys.insert(PATH_KEY.to_string());
        let open = self.open.contains(PATH_KEY);
        self.raw("<details class=\"card path\" data-path=\"\" data-k=\"path\"");
        if open {
            self.raw(" open");
        }
        self.raw(">");
        self.raw(&format!(
            "<summary><h2>Decision path: {fired} of {} rules fired</h2></summary>",
            rec.trace.len()
        ));
        self.raw(
            "<p class=\"path-legend\">Solid boxes with ✓ fired; dashed boxes did not. Solid \
             arrows run from a fired rule to the status or pre-phase decision it decided; \
             dashed arrows, to a status held back until a test or value is known; dotted lines \
             show what it read. Choose a rule for its statement, what it read and its \
             sources.</p><div class=\"path-diagram\" id=\"path-diagram\"></div>",
        );
        if open {
            self.trace_list(rec);
        }
        self.raw("</details>");
    }

    fn trace_list(&mut self, rec: &Recommendation) {
        self.raw("<ol class=\"trace\">");
        for step in &rec.trace {
            let id = step.rule.as_str();
            self.raw("<li");
            self.attr("id", &format!("rule-{id}"));
            self.raw(" tabindex=\"-1\"");
            if step.fired {
                self.raw(" class=\"fired\"");
            }
            self.attr("data-trace-rule", id);
            self.raw("><span class=\"rule-id\">");
            self.text(id);
            self.raw("</span><span class=\"fired-word\">");
            self.raw(if step.fired {
                " fired"
            } else {
                " did not fire"
            });
            self.raw("</span><small class=\"reads\"> — read: ");
            let inputs = step
                .inputs
                .iter()
                .map(|&f| format!("{} = {}", f.label(), rec.input(f)))
                .collect::<Vec<_>>()
                .join("; ");
            self.text(&inputs);
            self.raw("</small>");
            if let Some(rule) = RULES.iter().find(|r| r.id == step.rule) {
                self.raw("<p class=\"statement\">");
                self.text(rule.statement);
                self.raw(" Sources: ");
                self.text(&source_keys(rule.sources));
                self.raw(". <a");
                self.attr("href", &format!("how.html#rule-{id}"));
                self.raw(">The rule and its quotes</a></p>");
            }
            let findings = rec.reasons_of(step.rule);
            if !findings.is_empty() {
                self.raw("<ul>");
                for (therapy, r) in findings {
                    self.raw("<li>");
                    if let Some(t) = therapy {
                        self.text(t.name());
                        self.raw(": ");
                    }
                    self.text(&r.text);
                    self.raw("</li>");
                }
                self.raw("</ul>");
            }
            self.raw("</li>");
        }
        self.raw("</ol>");
    }
}
