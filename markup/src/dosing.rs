//! The dosing cards: the pre-phase before the immunotherapy, and the blinatumomab and
//! inotuzumab schedules, each with this patient's doses and their sources. A card for a drug
//! that is not eligible is folded "for reference only", so it never reads as a plan.

use engine::debulking::DebulkingLevel;
use engine::dosing::{Dose, DosingBasis, Indication, Plan};
use engine::evidence::{Citation, Sourced};
use engine::recommendation::Reason;
use engine::Recommendation;

use crate::{Part, Writer};

/// A computed dose with at most two decimals and no trailing zeros (the engine's rounding):
/// an infant's 5.37 µg/day must not read 5.4.
fn num(x: f64) -> String {
    engine::display::num(x).to_string()
}

/// Words for how the doses are computed.
fn basis_words(basis: &DosingBasis, per_m2: &str) -> String {
    match basis {
        DosingBasis::Fixed => "Weight ≥ 45 kg: fixed doses in µg/day.".to_string(),
        DosingBasis::PerBsa { bsa_m2 } => format!(
            "{per_m2} converted with BSA {} m².",
            engine::decimal::Fixed(*bsa_m2, 2)
        ),
        DosingBasis::NeedsInput(fields) => format!(
            "Enter {} to compute this patient's doses.",
            fields
                .iter()
                .map(|f| f.label().to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    }
}

/// The amount of a dose for this patient, with the computed dose beside any cap ("26.5 mg
/// computed; 24 mg/day is the maximum"), or what is missing.
fn amount(dose: &Dose) -> String {
    match (dose.per_day, dose.computed, &dose.cap_note) {
        (Some(given), Some(computed), Some(cap)) if dose.capped => format!(
            "{} {} ({} computed; {cap})",
            num(given),
            dose.unit,
            num(computed)
        ),
        (Some(given), _, _) => format!("{} {}", num(given), dose.unit),
        (None, _, _) => "enter weight and height for the dose".to_string(),
    }
}

/// One row of a cycle table: the cycle, its days, the dose as the label writes it, this
/// patient's amount, whether that is the label's maximum, and the sources.
struct CycleRow<'a> {
    cycle: &'a str,
    days: &'a str,
    dose: String,
    amount: String,
    capped: bool,
    sources: &'static [Citation],
}

impl Writer<'_> {
    /// The pre-phase card and the two schedules, one part each.
    pub(crate) fn dosing(&mut self, rec: &Recommendation, parts: &mut Vec<Part>) {
        self.debulking(rec);
        parts.push(self.take("debulking"));
        self.blinatumomab(rec);
        parts.push(self.take("blinatumomab-schedule"));
        self.inotuzumab(rec);
        parts.push(self.take("inotuzumab-schedule"));
    }

    /// A dosing card's content, as a plan, or folded behind one click for reference only.
    fn plan_fold(&mut self, plan: Plan, drug: &str, content: impl FnOnce(&mut Self)) {
        match plan {
            Plan::Active => content(self),
            Plan::Reference => {
                self.raw("<p class=\"reference-why\">");
                self.text(drug);
                self.raw(
                    " is not eligible for this patient (see its card), so this is not a plan.</p>",
                );
                let key = self.key(&["reference"]);
                self.details("reference", &key, &[]);
                self.raw("<summary>Show for reference only</summary>");
                content(self);
                self.raw("</details>");
            }
        }
    }

    fn debulking(&mut self, rec: &Recommendation) {
        let d = &rec.debulking;
        self.scope = "debulking";
        self.raw("<section class=\"card debulking\"");
        self.attr("data-debulking", d.level.slug());
        self.attr("data-plan", d.plan.slug());
        self.raw(" aria-labelledby=\"debulking-title\"><h2 id=\"debulking-title\">Pre-phase before the immunotherapy</h2>");
        self.warnings(&rec.warnings, false);
        self.raw("<h3>Debulking before blinatumomab</h3><p class=\"debulking-level\"><strong>");
        self.text(d.level.label());
        self.raw("</strong></p>");
        if !d.missing.is_empty() {
            let names: Vec<&str> = d.missing.iter().map(|f| f.label()).collect();
            self.raw("<p class=\"missing\">Needed to decide: ");
            self.text(&names.join(", "));
            self.raw(".</p>");
        }
        self.reasons(&d.reasons, false);
        if d.level != DebulkingLevel::NotApplicable {
            self.plan_fold(d.plan, "Blinatumomab", |w| {
                w.raw("<h4>Regimen</h4>");
                w.dose_table(&d.regimen);
                w.sourced(&d.regimen_notes);
                if !d.ph_regimen.is_empty() {
                    w.raw("<h4>Ph-positive</h4>");
                    w.reasons(&d.ph_regimen, false);
                }
                w.raw("<h4>Real-world comparison</h4>");
                w.sourced(&d.real_world);
                w.raw("<h4>Targets before the first infusion</h4>");
                w.sourced(&d.targets);
            });
        }
        if !d.before_inotuzumab.is_empty() {
            self.raw("<h3>Cytoreduction before inotuzumab</h3>");
            self.reasons(&d.before_inotuzumab, false);
        }
        self.raw("</section>");
    }

    fn blinatumomab(&mut self, rec: &Recommendation) {
        let s = &rec.schedule;
        self.scope = "blinatumomab-schedule";
        self.raw("<section class=\"card schedule\" data-schedule=\"blinatumomab\"");
        self.attr("data-plan", s.plan.slug());
        self.raw(" aria-labelledby=\"schedule-title\"><h2 id=\"schedule-title\">Blinatumomab schedule</h2>");
        self.warnings(&rec.warnings, false);
        self.plan_fold(s.plan, "Blinatumomab", |w| {
            w.raw("<p><strong>");
            w.raw(match s.indication {
                Indication::RelapsedRefractory => "Relapsed/refractory dosing",
                Indication::Mrd => "MRD-positive dosing",
            });
            w.raw("</strong>. ");
            w.text(&basis_words(&s.basis, "Weight < 45 kg: doses in µg/m²/day"));
            w.raw("</p>");
            let rows = s.rows.iter().map(|row| CycleRow {
                cycle: row.cycle,
                days: row.days,
                dose: row.as_written.clone(),
                amount: match (row.ug_per_day, row.computed_ug) {
                    (Some(ug), Some(c)) => format!(
                        "{} µg/day ({} computed; the label's maximum)",
                        num(ug),
                        num(c)
                    ),
                    (Some(ug), None) => format!("{} µg/day", num(ug)),
                    _ => "—".to_string(),
                },
                capped: row.capped,
                sources: row.sources,
            });
            w.cycle_table(rows);
            w.raw("<h3>Premedication</h3>");
            w.dose_table(&s.premedication);
            w.sourced(&s.notes);
        });
        self.raw("</section>");
    }

    fn inotuzumab(&mut self, rec: &Recommendation) {
        let s = &rec.inotuzumab;
        let cytoreduction: &[Reason] = &rec.debulking.before_inotuzumab;
        self.scope = "inotuzumab-schedule";
        self.raw("<section class=\"card schedule\" data-schedule=\"inotuzumab\"");
        self.attr("data-plan", s.plan.slug());
        self.raw(" aria-labelledby=\"ino-schedule-title\"><h2 id=\"ino-schedule-title\">Inotuzumab ozogamicin schedule</h2>");
        self.warnings(&rec.warnings, false);
        self.plan_fold(s.plan, "Inotuzumab ozogamicin", |w| {
            if !cytoreduction.is_empty() {
                w.raw("<h3>Before cycle 1</h3>");
                w.reasons(cytoreduction, false);
            }
            w.raw("<p>");
            w.text(&basis_words(&s.basis, "Doses in mg/m²"));
            w.raw("</p>");
            let rows = s.doses.iter().map(|d| CycleRow {
                cycle: d.cycle,
                days: d.days,
                dose: format!("{} mg/m²", engine::display::num(d.mg_per_m2)),
                amount: d.mg.map_or("—".to_string(), |mg| format!("{} mg", num(mg))),
                capped: false,
                sources: d.sources,
            });
            w.cycle_table(rows);
            w.sourced(&s.notes);
        });
        self.raw("</section>");
    }

    /// A drug's cycles as a table that stacks on a narrow screen.
    fn cycle_table<'r>(&mut self, rows: impl Iterator<Item = CycleRow<'r>>) {
        self.raw(
            "<table class=\"stack\"><thead><tr><th scope=\"col\">Cycle</th>\
             <th scope=\"col\">Days</th><th scope=\"col\">Dose</th>\
             <th scope=\"col\">This patient</th><th scope=\"col\">Sources</th></tr></thead><tbody>",
        );
        for row in rows {
            self.raw("<tr><th scope=\"row\">");
            self.text(row.cycle);
            self.raw("</th><td data-label=\"Days\">");
            self.text(row.days);
            self.raw("</td><td data-label=\"Dose\">");
            self.text(&row.dose);
            self.raw("</td><td class=\"dose-amount\" data-label=\"This patient\"");
            if row.capped {
                self.raw(" data-capped=\"true\"");
            }
            self.raw(">");
            self.text(&row.amount);
            self.raw("</td><td data-label=\"Sources\">");
            self.citations(row.cycle, row.sources, &[]);
            self.raw("</td></tr>");
        }
        self.raw("</tbody></table>");
    }

    /// Doses as a table: drug, dose as written and how, this patient's amount, sources.
    fn dose_table(&mut self, doses: &[Dose]) {
        self.raw(
            "<table class=\"doses stack\"><thead><tr><th scope=\"col\">Drug</th>\
             <th scope=\"col\">Dose</th><th scope=\"col\">For this patient</th>\
             <th scope=\"col\">Sources</th></tr></thead><tbody>",
        );
        for dose in doses {
            self.raw("<tr");
            self.attr("data-drug", dose.drug);
            self.raw("><th scope=\"row\">");
            self.text(dose.drug);
            self.raw("</th><td data-label=\"Dose\">");
            self.text(&dose.as_written);
            self.raw("<small> ");
            self.text(&dose.how);
            self.raw("</small></td><td class=\"dose-amount\" data-label=\"For this patient\"");
            if dose.capped {
                self.raw(" data-capped=\"true\"");
            }
            self.raw(">");
            self.text(&amount(dose));
            if let (false, Some(note)) = (dose.capped, &dose.cap_note) {
                self.raw("<small class=\"cap\"> (");
                self.text(note);
                self.raw(")</small>");
            }
            self.raw("</td><td data-label=\"Sources\">");
            self.citations(dose.drug, dose.sources, &[]);
            self.raw("</td></tr>");
        }
        self.raw("</tbody></table>");
    }

    /// Labelled statements with their sources.
    fn sourced(&mut self, items: &[Sourced]) {
        self.raw("<ul class=\"sourced\">");
        for item in items {
            self.raw("<li><strong>");
            self.text(item.label);
            self.raw("</strong>: ");
            self.text(&item.text);
            self.citations(item.label, item.sources, &[]);
            self.raw("</li>");
        }
        self.raw("</ul>");
    }
}
