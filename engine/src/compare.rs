//! Scenarios side by side: 2 to 4 columns, a row per input given in any of them and a row per
//! answer (each therapy's status and label badge, the pre-phase decision, conflicts between
//! preferences, the questions still open), each row flagged
//! when its columns differ. A column that cannot be assessed shows its problems instead of
//! answers. Plain data: the app renders it.

use crate::debulking::DebulkingLevel;
use crate::decimal::Shortest;
use crate::dosing::Plan;
use crate::fields::{Field, FieldKind, FIELDS};
use crate::labels::LabelStatus;
use crate::scenario::RawScenario;
use crate::therapy::{Status, Therapy};
use crate::validate::{format_mrd, parse_mrd, parse_number, Problem};
use crate::{assess, Assessment};

/// The fewest scenarios compared.
pub const MIN_COMPARED: usize = 2;
/// The most scenarios compared: more columns do not fit a screen or a page.
pub const MAX_COMPARED: usize = 4;

/// What a cell shows for a field not given.
pub const NOT_GIVEN: &str = "—";

/// The comparison: columns, then input rows, then answer rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// One per scenario, in the order given.
    pub columns: Vec<Column>,
    /// One per field given in at least one column, in form order.
    pub inputs: Vec<InputRow>,
    /// One per therapy in [`Therapy::ALL`] order, then the pre-phase decision, the conflicts
    /// and the questions still open.
    pub answers: Vec<AnswerRow>,
}

/// One scenario's column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its name.
    pub name: String,
    /// Why it cannot be assessed (every problem validation found); empty when it has answers.
    pub problems: Vec<Problem>,
}

/// One input across the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct InputRow {
    /// The field.
    pub field: Field,
    /// Its label.
    pub label: &'static str,
    /// Each column's value as shown: a choice's label, a number with its unit, an MRD level
    /// as read, the text as typed when it is not a value, [`NOT_GIVEN`] when empty.
    pub cells: Vec<String>,
    /// Whether the columns' values differ (numbers compared by value, so `62` and `62.0`
    /// agree, and a blast count in × 10⁹/L agrees with the same count per µL).
    pub differs: bool,
}

/// What an answer row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A therapy's status and label badge.
    Therapy(Therapy),
    /// The pre-phase decision before blinatumomab.
    PrePhase,
    /// Whether preference rules conflict (neither side is then preferred).
    Conflict,
    /// How many tests or values the eligible therapies still wait for.
    OpenQuestions,
}

/// One answer across the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    /// What the row is about.
    pub answer: Answer,
    /// The row heading.
    pub label: &'static str,
    /// One per column.
    pub cells: Vec<AnswerCell>,
    /// Whether the answers differ between the columns that have answers.
    pub differs: bool,
}

/// One column's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerCell {
    /// A therapy's status and its label badge.
    Therapy {
        /// The status.
        status: Status,
        /// Within, outside, or not decidable by the region's label.
        label: LabelStatus,
        /// The badge in words ("Within the US label").
        badge: String,
    },
    /// The pre-phase decision.
    PrePhase {
        /// Required, recommended, not needed, undetermined, not applicable.
        level: DebulkingLevel,
        /// Whether it is a plan or for reference only (blinatumomab not eligible).
        plan: Plan,
        /// The decision in words.
        text: &'static str,
    },
    /// A conflict or a count, in words ("Blinatumomab ⇄ Inotuzumab ozogamicin", "None").
    Text(String),
    /// The column has problems and no answer; [`Column::problems`] says which.
    NotAssessed,
}

/// The message refusing a number of scenarios outside 2–4, or `None`.
pub fn count_problem(count: usize) -> Option<String> {
    if count < MIN_COMPARED {
        Some(format!(
            "At least {MIN_COMPARED} scenarios are needed to compare; {count} {} given.",
            if count == 1 { "was" } else { "were" }
        ))
    } else if count > MAX_COMPARED {
        Some(format!(
            "At most {MAX_COMPARED} scenarios can be compared; {count} were given."
        ))
    } else {
        None
    }
}

/// Compares 2–4 named scenarios; refuses any other number with a message.
pub fn compare(scenarios: &[(&str, &RawScenario)]) -> Result<Comparison, String> {
    if let Some(message) = count_problem(scenarios.len()) {
        return Err(message);
    }
    let assessed: Vec<Assessment> = scenarios.iter().map(|(_, raw)| assess(raw)).collect();
    let columns = scenarios
        .iter()
        .zip(&assessed)
        .map(|((name, _), a)| Column {
            name: (*name).to_string(),
            problems: match a {
                Assessment::Invalid(problems) => problems.clone(),
                Assessment::Valid(_) => Vec::new(),
            },
        })
        .collect();

    let inputs = FIELDS
        .iter()
        .copied()
        .filter(|f| {
            scenarios
                .iter()
                .any(|(_, raw)| !raw.get(*f).trim().is_empty())
        })
        .map(|field| {
            let keys: Vec<String> = scenarios.iter().map(|(_, raw)| key(field, raw)).collect();
            InputRow {
                field,
                label: field.label(),
                cells: scenarios.iter().map(|(_, raw)| shown(field, raw)).collect(),
                differs: keys.windows(2).any(|w| w[0] != w[1]),
            }
        })
        .collect();

    let mut answers: Vec<AnswerRow> = Therapy::ALL
        .iter()
        .map(|&therapy| {
            let cells = assessed
                .iter()
                .map(|a| match a {
                    Assessment::Valid(rec) => {
                        rec.therapy(therapy).map_or(AnswerCell::NotAssessed, |t| {
                            AnswerCell::Therapy {
                                status: t.status,
                                label: t.label.status,
                                badge: t.label.status.label(t.label.region),
                            }
                        })
                    }
                    Assessment::Invalid(_) => AnswerCell::NotAssessed,
                })
                .collect();
            row(Answer::Therapy(therapy), therapy.name(), cells)
        })
        .collect();
    let prephase = assessed
        .iter()
        .map(|a| match a {
            Assessment::Valid(rec) => AnswerCell::PrePhase {
                level: rec.debulking.level,
                plan: rec.debulking.plan,
                text: match rec.debulking.plan {
                    Plan::Active => rec.debulking.level.label(),
                    Plan::Reference => "Not applicable: blinatumomab not eligible",
                },
            },
            Assessment::Invalid(_) => AnswerCell::NotAssessed,
        })
        .collect();
    answers.push(row(
        Answer::PrePhase,
        "Pre-phase before blinatumomab",
        prephase,
    ));
    let text_cells = |f: &dyn Fn(&crate::Recommendation) -> String| -> Vec<AnswerCell> {
        assessed
            .iter()
            .map(|a| match a {
                Assessment::Valid(rec) => AnswerCell::Text(f(rec)),
                Assessment::Invalid(_) => AnswerCell::NotAssessed,
            })
            .collect()
    };
    answers.push(row(
        Answer::Conflict,
        "Preferences in conflict",
        text_cells(&|rec| {
            let sides: Vec<String> = rec
                .conflicts
                .iter()
                .map(|c| {
                    c.sides
                        .iter()
                        .map(|side| side.therapy.name())
                        .collect::<Vec<_>>()
                        .join(" ⇄ ")
                })
                .collect();
            if sides.is_empty() {
                "None".to_string()
            } else {
                sides.join("; ")
            }
        }),
    ));
    answers.push(row(
        Answer::OpenQuestions,
        "Questions still open",
        text_cells(&|rec| {
            let asked = rec.open_questions();
            match asked.len() {
                0 => "None".to_string(),
                n => format!(
                    "{n}: {}",
                    asked
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }),
    ));

    Ok(Comparison {
        columns,
        inputs,
        answers,
    })
}

/// Whether a field means anything in this scenario's setting: the CR number only for MRD in
/// CR, the response to re-induction only in first relapse (the form says so beside each), so
/// a relapse is not shown as differing from another by an unused "Unknown".
fn applies(field: Field, raw: &RawScenario) -> bool {
    let setting = raw.get(Field::Setting).trim();
    match field {
        Field::CrNumber => setting == "mrd",
        Field::Reinduction => matches!(setting, "r1e" | "r1l"),
        _ => true,
    }
}

/// An answer row, flagged when the assessed columns' cells differ.
fn row(answer: Answer, label: &'static str, cells: Vec<AnswerCell>) -> AnswerRow {
    let assessed: Vec<&AnswerCell> = cells
        .iter()
        .filter(|c| **c != AnswerCell::NotAssessed)
        .collect();
    AnswerRow {
        answer,
        label,
        differs: assessed.windows(2).any(|w| w[0] != w[1]),
        cells,
    }
}

/// A field's value as a cell shows it.
fn shown(field: Field, raw: &RawScenario) -> String {
    if !applies(field, raw) {
        return NOT_GIVEN.to_string();
    }
    text_shown(field, raw.get(field), raw).unwrap_or_else(|| NOT_GIVEN.to_string())
}

/// `text` of `field` as the form shows it: a choice's label, a number with its unit ("62%",
/// "34 years"), an MRD level as read ("0.01% (10⁻⁴)"); a text that is not a value, as
/// typed. `None` when nothing is given: an empty text, or a choice left at "not given".
/// One wording for the comparison, "what would change it" and the printed inputs.
pub fn text_shown(field: Field, text: &str, raw: &RawScenario) -> Option<String> {
    let text = text.trim();
    match field.kind() {
        FieldKind::Choice(choices) => {
            let value = if text.is_empty() {
                choices.first().map_or("", |(v, _)| *v)
            } else {
                text
            };
            match choices.iter().find(|(v, _)| *v == value) {
                Some(("", _)) => None,
                Some((_, label)) => Some((*label).to_string()),
                None => Some(text.to_string()),
            }
        }
        _ if text.is_empty() => None,
        FieldKind::Number { .. } => {
            let unit = field.unit_in(raw);
            Some(
                if unit.is_empty() || unit.starts_with('%') || unit.starts_with('/') {
                    format!("{text}{unit}")
                } else {
                    format!("{text} {unit}")
                },
            )
        }
        FieldKind::Mrd => Some(parse_mrd(text).map_or_else(|_| text.to_string(), format_mrd)),
    }
}

/// What is compared for a field: the value it stands for, where it reads as one.
fn key(field: Field, raw: &RawScenario) -> String {
    if !applies(field, raw) {
        return String::new();
    }
    let text = raw.get(field).trim();
    match field.kind() {
        FieldKind::Choice(choices) if text.is_empty() => {
            choices.first().map_or("", |(v, _)| *v).to_string()
        }
        FieldKind::Number { .. } if !text.is_empty() => match parse_number(text) {
            Ok(value) if field == Field::PeripheralBlasts => {
                let per_ul = if raw.get(Field::PeripheralBlastsUnit).trim() == "g" {
                    1000.0
                } else {
                    1.0
                };
                Shortest(value * per_ul).to_string()
            }
            Ok(value) => format!("{} {}", Shortest(value), field.unit_in(raw)),
            Err(_) => text.to_string(),
        },
        FieldKind::Mrd if !text.is_empty() => {
            parse_mrd(text).map_or_else(|_| text.to_string(), |f| Shortest(f).to_string())
        }
        _ => text.to_string(),
    }
}
