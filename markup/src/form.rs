//! The scenario form's groups, written from the engine's field table so that every field has
//! the same label, unit, URL key and validation everywhere. The inputs' texts are not in the
//! markup: the page sets them as properties (what the user types is never rewritten by a
//! patch of the markup).

use std::borrow::Cow;

use engine::{Assessment, Field, FieldKind, Group, ProblemKind, RawScenario, FIELDS};

use crate::{Part, Writer};

/// The id of a field's input element (labels and error links point at it).
pub fn input_id(field: Field) -> String {
    format!("f-{}", field.key())
}

/// One part per group of the form, in form order, each a fieldset keyed by the group's slug.
pub fn form_groups(raw: &RawScenario, assessment: &Assessment) -> Vec<Part> {
    let empty = Default::default();
    let mut w = Writer::new(&empty);
    Group::ALL
        .into_iter()
        .map(|group| {
            w.group(group, raw, assessment);
            Part {
                key: Cow::Borrowed(group.slug()),
                html: std::mem::take(&mut w.out),
            }
        })
        .collect()
}

impl Writer<'_> {
    fn group(&mut self, group: Group, raw: &RawScenario, assessment: &Assessment) {
        self.raw("<fieldset class=\"group\"");
        self.attr("data-group", group.slug());
        self.raw("><legend>");
        self.text(group.title());
        self.raw("</legend>");
        for field in FIELDS.into_iter().filter(|f| f.group() == group) {
            self.field(field, raw, assessment);
        }
        if group == Group::Patient {
            self.bsa(assessment);
        }
        self.raw("</fieldset>");
    }

    /// A field's label (with its unit), control, hint and error message.
    fn field(&mut self, field: Field, raw: &RawScenario, assessment: &Assessment) {
        let key = field.key();
        // Missing required values are listed in the answer's column, not shouted at each
        // field before the user has typed anything.
        let error = match assessment {
            Assessment::Invalid(problems) => problems
                .iter()
                .find(|p| p.field == field && p.kind != ProblemKind::Missing)
                .map(|p| p.message.as_str()),
            Assessment::Valid(_) => None,
        };
        let hint = field.hint();
        self.raw(if error.is_some() {
            "<div class=\"field has-error\"><label"
        } else {
            "<div class=\"field\"><label"
        });
        let id = input_id(field);
        self.attr("for", &id);
        self.raw(">");
        self.text(field.label());
        let unit = field.unit_in(raw);
        if !unit.is_empty() {
            self.raw("<span class=\"unit\"> (");
            self.text(unit);
            self.raw(")</span>");
        }
        self.raw("</label>");
        let choices = match field.kind() {
            FieldKind::Choice(choices) => Some(choices),
            FieldKind::Number { .. } | FieldKind::Mrd => None,
        };
        // Text, not type=number: the browser would blank out what it cannot parse, and
        // nothing the user typed may be lost.
        self.raw(if choices.is_some() {
            "<select"
        } else {
            "<input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\""
        });
        self.attr("id", &id);
        self.attr("name", key);
        if error.is_some() {
            self.raw(" aria-invalid=\"true\"");
        }
        let mut described = Vec::new();
        if !hint.is_empty() {
            described.push(format!("h-{key}"));
        }
        if error.is_some() {
            described.push(format!("e-{key}"));
        }
        if !described.is_empty() {
            self.attr("aria-describedby", &described.join(" "));
        }
        self.raw(">");
        if let Some(choices) = choices {
            for (value, label) in choices {
                self.raw("<option");
                self.attr("value", value);
                self.raw(">");
                self.text(label);
                self.raw("</option>");
            }
            self.raw("</select>");
        }
        if !hint.is_empty() {
            self.raw("<small class=\"hint\"");
            self.attr("id", &format!("h-{key}"));
            self.raw(">");
            self.text(hint);
            self.raw("</small>");
        }
        if let Some(message) = error {
            self.raw("<p class=\"field-error\"");
            self.attr("id", &format!("e-{key}"));
            self.attr("data-field", key);
            self.raw(">");
            self.text(message);
            self.raw("</p>");
        }
        self.raw("</div>");
    }

    /// Body surface area, once weight and height are valid, with any warning that a value
    /// looks entered in the wrong unit.
    fn bsa(&mut self, assessment: &Assessment) {
        let Assessment::Valid(rec) = assessment else {
            return;
        };
        let Some(bsa) = &rec.bsa else {
            return;
        };
        let m2 = engine::decimal::Fixed(bsa.m2, 2).to_string();
        self.raw("<p class=\"bsa\"");
        self.attr("data-bsa", &m2);
        self.raw(">Body surface area: <strong>");
        self.text(&m2);
        self.raw(" m²</strong><small> (");
        self.text(bsa.formula);
        self.raw(")</small></p>");
        // The alert is the answer's copy, above the cards.
        self.warnings(&rec.warnings, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(query: &str) -> String {
        let (raw, _) = engine::query::parse_query(query);
        form_groups(&raw, &engine::assess(&raw))
            .into_iter()
            .map(|p| p.html)
            .collect()
    }

    #[test]
    fn every_field_has_its_labelled_control_in_its_group_in_form_order() {
        let parts = form_groups(&RawScenario::new(), &engine::assess(&RawScenario::new()));
        let keys: Vec<&str> = parts.iter().map(|p| &*p.key).collect();
        let slugs: Vec<&str> = Group::ALL.iter().map(|g| g.slug()).collect();
        assert_eq!(keys, slugs);
        let all: String = parts.iter().map(|p| p.html.as_str()).collect();
        for field in FIELDS {
            let id = input_id(field);
            assert!(all.contains(&format!("for=\"{id}\"")), "{id}");
            assert!(
                all.contains(&format!("id=\"{id}\" name=\"{}\"", field.key())),
                "{id}"
            );
        }
        // No error is shown before anything is typed.
        assert!(!all.contains("has-error"));
        assert!(!all.contains("aria-invalid"));
    }

    #[test]
    fn an_invalid_value_marks_its_field_and_points_the_control_at_the_message() {
        let all = html("age=abc");
        assert!(all.contains("<div class=\"field has-error\"><label for=\"f-age\">"));
        assert!(all.contains("aria-invalid=\"true\""));
        assert!(all.contains("aria-describedby=\"e-age\""));
        assert!(all.contains("<p class=\"field-error\" id=\"e-age\" data-field=\"age\">"));
    }

    #[test]
    fn a_unit_follows_its_unit_choice_and_text_is_escaped() {
        assert!(html("pbu=g").contains("(× 10⁹/L)"));
        assert!(html("").contains("(/µL)"));
        assert!(!html("age=<b>").contains("<b>"));
    }

    #[test]
    fn the_body_surface_area_is_shown_once_weight_and_height_are_valid() {
        let base = "v=2&age=34&set=r2&bm=80&pb=1000&ldhs=norm&emd=no&cns=no&cd19=pos&cd22=pos\
                    &ph=neg&hsct=no&phsct=no&pblin=no&pino=no&pcart=no&crcl=100&liver=no";
        assert!(matches!(
            engine::assess(&engine::query::parse_query(base).0),
            Assessment::Valid(_)
        ));
        assert!(!html(base).contains("data-bsa"));
        assert!(html(&format!("{base}&wt=70&ht=175")).contains("data-bsa=\"1.84\""));
    }
}
