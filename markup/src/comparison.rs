//! Two to four scenarios side by side: the answers and the inputs in columns, rows whose
//! columns differ marked, each column with a button (`data-open-column`, its index) that opens
//! it in the form.

use std::collections::BTreeSet;

use engine::compare::{compare, AnswerCell};
use engine::RawScenario;

use crate::Writer;

/// One answer cell in words: the status and label badge, or why there is none.
fn answer(cell: &AnswerCell) -> String {
    match cell {
        AnswerCell::Therapy { status, badge, .. } => format!("{} · {badge}", status.label()),
        AnswerCell::PrePhase { text, .. } => text.to_string(),
        AnswerCell::Text(text) => text.clone(),
        AnswerCell::NotAssessed => "not assessed".to_string(),
    }
}

/// The comparison of `scenarios` (name and inputs), or why there is none.
pub fn comparison(scenarios: &[(&str, &RawScenario)]) -> String {
    let open = BTreeSet::new();
    let mut w = Writer::new(&open);
    match compare(scenarios) {
        Err(message) => {
            w.raw("<p class=\"problems\" role=\"alert\">");
            w.text(&message);
            w.raw("</p>");
        }
        Ok(c) => {
            w.raw(
                "<div class=\"compare-scroll\"><table class=\"compare-table\"><thead><tr><td></td>",
            );
            for (i, col) in c.columns.iter().enumerate() {
                w.raw("<th scope=\"col\">");
                w.text(&col.name);
                if !col.problems.is_empty() {
                    w.raw("<small class=\"not-assessed\">");
                    w.text(&format!(" (not assessed: {} to fix)", col.problems.len()));
                    w.raw("</small>");
                }
                w.raw(" <button type=\"button\" class=\"link-button\"");
                w.attr("data-open-column", &i.to_string());
                w.raw(">Open</button></th>");
            }
            w.raw(
                "</tr></thead><tbody><tr class=\"compare-section\">\
                 <th scope=\"rowgroup\" colspan=\"5\">Answers</th></tr>",
            );
            for row in &c.answers {
                let cells: Vec<String> = row.cells.iter().map(answer).collect();
                w.compare_row(row.label, row.differs, &cells);
            }
            w.raw(
                "<tr class=\"compare-section\"><th scope=\"rowgroup\" colspan=\"5\">Inputs</th></tr>",
            );
            for row in &c.inputs {
                w.compare_row(row.label, row.differs, &row.cells);
            }
            w.raw("</tbody></table></div>");
        }
    }
    w.out
}

impl Writer<'_> {
    /// One row across the columns, marked ≠ where they differ.
    fn compare_row(&mut self, label: &str, differs: bool, cells: &[String]) {
        self.raw("<tr");
        if differs {
            self.raw(" class=\"differs\"");
        }
        self.attr("data-differs", if differs { "true" } else { "false" });
        self.raw("><th scope=\"row\">");
        self.text(label);
        if differs {
            self.raw(" ≠");
        }
        self.raw("</th>");
        for cell in cells {
            self.raw("<td>");
            self.text(cell);
            self.raw("</td>");
        }
        self.raw("</tr>");
    }
}
