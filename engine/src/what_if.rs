//! What would change it: the smallest single-input changes that would change a therapy's
//! status, its label badge, the pre-phase decision, or how blinatumomab is dosed (fixed or
//! per m²).
//!
//! Values are not tried blindly. A number is probed just either side of each threshold a
//! rule compares it with ([`PROBES`], built from the named constants of
//! [`crate::thresholds`] and [`crate::labels`]); a choice is tried at each of its other known
//! values. Every candidate is validated and evaluated like the user's own input, so a
//! suggestion exists only when the change it names really happens.
//!
//! How small a change is ([`Suggestion::distance`]): making an unknown or missing value known
//! is the smallest (0); a number moved across a threshold counts its relative distance,
//! |new − old| / max(|new|, |old|), in (0, 1]; a known choice changed to another counts 1.
//! Per field, only the smallest move up and the smallest move down are kept (for the other
//! steps, the smallest for each distinct outcome), and the list holds at most
//! [`MAX_SUGGESTIONS`], smallest first.

use std::borrow::Cow;

use serde::Serialize;

use crate::debulking::DebulkingLevel;
use crate::dosing::DosingBasis;
use crate::evidence::Citation;
use crate::fields::{Field, FieldKind, FIELDS};
use crate::labels::{LabelStatus, EU_CHILD_MIN_PRIOR_THERAPIES, ONE_MONTH_YEARS};
use crate::recommendation::TraceFinding;
use crate::rule::{Effect, Family, RuleId};
use crate::rules::RULES;
use crate::scenario::{CrclUnit, RawScenario, Region, Scenario};
use crate::therapy::{Status, Therapy};
use crate::thresholds::*;
use crate::validate::{parse_mrd, parse_number, validate};

/// The longest list [`what_would_change`] returns.
pub const MAX_SUGGESTIONS: usize = 10;

/// Which side of a threshold its value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Boundary {
    /// The rule compares `value >= limit`: the limit itself is on the upper side.
    AtOrAbove,
    /// The rule compares `value > limit`: the limit itself is on the lower side.
    Above,
}

/// What a number is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Limit {
    /// A fixed threshold, in the engine's unit for the field (MRD as a fraction, peripheral
    /// blasts per µL, clearance in mL/min/1.73 m² for a child).
    Value(f64),
    /// The value of another field (the LDH value is compared with its upper limit).
    Field(Field),
}

/// One threshold a rule compares a numeric field with: where to probe.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Probe {
    /// The field compared.
    pub field: Field,
    /// What it is compared with.
    pub limit: Limit,
    /// Which side the limit itself falls on.
    pub boundary: Boundary,
    /// The candidates either side are multiples of 10^−decimals in the field's default unit
    /// (percent for MRD): 49 and 50 for marrow blasts, 0.09 and 0.1 for MRD.
    pub decimals: u32,
    /// The named constant the threshold comes from, with its module.
    pub constant: &'static str,
    /// The rules (or, for weight, the dosing card) that compare against it.
    pub rules: &'static [RuleId],
}

const fn probe(
    field: Field,
    limit: f64,
    boundary: Boundary,
    decimals: u32,
    constant: &'static str,
    rules: &'static [RuleId],
) -> Probe {
    Probe {
        field,
        limit: Limit::Value(limit),
        boundary,
        decimals,
        constant,
        rules,
    }
}

use Boundary::{Above, AtOrAbove};
use RuleId::*;

/// Every threshold that can change a status, a label badge, the pre-phase decision or the
/// dosing basis. Thresholds that only change a note's words are left out, since no probe of
/// theirs could produce a suggestion: MRD 10⁻⁴ (P-MRD-LOW), Tregs 12.5% (P-TREG-LDH), more
/// than 2 prior lines (P-LINES), 50 years (P-AGE, P-PH-ELDERLY), 3 and 22 years (the
/// tisagenlecleucel notes), CrCl 90 mL/min (P-RENAL's note) and 10,000/µL (D-3's note).
#[rustfmt::skip]
pub const PROBES: &[Probe] = &[
    probe(Field::Age, ONE_MONTH_YEARS, AtOrAbove, 2, "labels::ONE_MONTH_YEARS", &[EBlinLabel]),
    probe(Field::Age, INO_MIN_AGE_YEARS, AtOrAbove, 1, "thresholds::INO_MIN_AGE_YEARS", &[EInoAge, EBlinLabel]),
    probe(Field::Age, ADULT_AGE_YEARS, AtOrAbove, 0, "thresholds::ADULT_AGE_YEARS", &[ECart, EBlinLabel, EInoAge]),
    probe(Field::Age, TISA_AGE_BELOW_YEARS, AtOrAbove, 0, "thresholds::TISA_AGE_BELOW_YEARS", &[ECart]),
    probe(Field::Age, EU_ADULT_CAR_T_AGE_YEARS, AtOrAbove, 0, "thresholds::EU_ADULT_CAR_T_AGE_YEARS", &[ECart]),
    probe(Field::Weight, FIXED_DOSE_WEIGHT_KG, AtOrAbove, 0, "thresholds::FIXED_DOSE_WEIGHT_KG", &[]),
    probe(Field::Mrd, MRD_APPROVAL_FRACTION, AtOrAbove, 2, "thresholds::MRD_APPROVAL_FRACTION", &[PMrd, EBlinLabel]),
    probe(Field::MarrowBlasts, HIGH_MARROW_BLASTS_PCT, AtOrAbove, 0, "thresholds::HIGH_MARROW_BLASTS_PCT", &[D1, PBurden]),
    probe(Field::PeripheralBlasts, HIGH_PERIPHERAL_BLASTS_PER_UL, AtOrAbove, 0, "thresholds::HIGH_PERIPHERAL_BLASTS_PER_UL", &[D1]),
    Probe { field: Field::Ldh, limit: Limit::Field(Field::LdhUln), boundary: Above, decimals: 0, constant: "the LDH upper limit of normal entered", rules: &[D2, PTregLdh] },
    probe(Field::Cd19Pct, 0.0, Above, 0, "0%: any positive blast is low expression", &[ECd19]),
    probe(Field::Cd19Pct, MARKER_POSITIVE_PCT, AtOrAbove, 0, "thresholds::MARKER_POSITIVE_PCT", &[ECd19]),
    probe(Field::Cd22Pct, 0.0, Above, 0, "0%: any positive blast is low expression", &[ECd22]),
    probe(Field::Cd22Pct, MARKER_POSITIVE_PCT, AtOrAbove, 0, "thresholds::MARKER_POSITIVE_PCT", &[ECd22]),
    probe(Field::PriorLines, EU_CHILD_MIN_PRIOR_THERAPIES as f64, AtOrAbove, 0, "labels::EU_CHILD_MIN_PRIOR_THERAPIES", &[EBlinLabel]),
    probe(Field::Crcl, CRCL_NO_DATA_BELOW, AtOrAbove, 0, "thresholds::CRCL_NO_DATA_BELOW", &[PRenal]),
];

/// How blinatumomab is dosed, without the numbers: what the dosing card decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DoseBasis {
    /// Fixed µg/day doses (45 kg or more).
    Fixed,
    /// µg/m²/day doses from the BSA (under 45 kg).
    PerM2,
}

impl DoseBasis {
    /// The basis of a schedule, or `None` while weight or height is missing (becoming
    /// computable is not a change of basis).
    pub fn of(basis: &DosingBasis) -> Option<DoseBasis> {
        match basis {
            DosingBasis::Fixed => Some(DoseBasis::Fixed),
            DosingBasis::PerBsa { .. } => Some(DoseBasis::PerM2),
            DosingBasis::NeedsInput(_) => None,
        }
    }

    fn words(self) -> &'static str {
        match self {
            DoseBasis::Fixed => "fixed doses",
            DoseBasis::PerM2 => "doses per m²",
        }
    }
}

/// One thing a suggested change would change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Change {
    /// A therapy's status.
    Status {
        /// Which therapy.
        therapy: Therapy,
        /// Its status now.
        from: Status,
        /// Its status after the change.
        to: Status,
    },
    /// A therapy's label badge (`labels::verdict`).
    Label {
        /// Which therapy.
        therapy: Therapy,
        /// The badge now.
        from: LabelStatus,
        /// The badge after the change.
        to: LabelStatus,
        /// The region whose label the badge applies now.
        from_region: Region,
        /// The region after the change (differs only when the region is what changes).
        to_region: Region,
    },
    /// The pre-phase decision before blinatumomab.
    PrePhase {
        /// The level now.
        from: DebulkingLevel,
        /// The level after the change.
        to: DebulkingLevel,
    },
    /// How blinatumomab is dosed: a switch between fixed and per-m² doses.
    Dosing {
        /// The basis now.
        from: DoseBasis,
        /// The basis after the change.
        to: DoseBasis,
    },
}

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferred",
        Status::Option => "option",
        Status::Caution => "use with caution",
        Status::NotEligible => "not eligible",
    }
}

fn label_words(status: LabelStatus, region: Region) -> String {
    let r = region.name();
    match status {
        LabelStatus::On => format!("within the {r} label"),
        LabelStatus::Off => format!("outside the {r} label"),
        LabelStatus::Unknown => format!("{r} label not decidable yet"),
    }
}

fn prephase_words(level: DebulkingLevel) -> &'static str {
    match level {
        DebulkingLevel::Required => "required",
        DebulkingLevel::Recommended => "recommended",
        DebulkingLevel::NotNeeded => "not needed",
        DebulkingLevel::Undetermined => "cannot be decided yet",
        DebulkingLevel::NotApplicable => "not applicable",
    }
}

impl Change {
    /// The change in plain words: "Inotuzumab ozogamicin: preferred → option".
    pub fn describe(&self) -> String {
        match self {
            Change::Status { therapy, from, to } => format!(
                "{}: {} → {}",
                therapy.name(),
                status_words(*from),
                status_words(*to)
            ),
            Change::Label {
                therapy,
                from,
                to,
                from_region,
                to_region,
            } => format!(
                "{}: {} → {}",
                therapy.name(),
                label_words(*from, *from_region),
                label_words(*to, *to_region)
            ),
            Change::PrePhase { from, to } => format!(
                "pre-phase: {} → {}",
                prephase_words(*from),
                prephase_words(*to)
            ),
            Change::Dosing { from, to } => {
                format!("blinatumomab: {} → {}", from.words(), to.words())
            }
        }
    }
}

/// What kind of input change a suggestion is, from smallest to largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Step {
    /// An unknown or missing value made known.
    MadeKnown,
    /// A number moved across a threshold.
    Number,
    /// A known choice changed to another.
    Choice,
}

/// Which way a number moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// To a larger value.
    Up,
    /// To a smaller value.
    Down,
}

/// One single-input change and what it would change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The field to change.
    pub field: Field,
    /// Its text now, as entered (`""` when not given).
    pub from: String,
    /// The text to set, exactly as the form would hold it (a choice's value, a number in
    /// the field's current unit).
    pub to: String,
    /// What kind of change it is.
    pub step: Step,
    /// For a number that was given, which way it moves.
    pub direction: Option<Direction>,
    /// How small the change is: 0 to make a value known, the relative distance for a
    /// number, 1 for another choice (see the module documentation).
    pub distance: f64,
    /// What it would change, each verified by evaluating the changed scenario.
    pub changes: Vec<Change>,
    /// The suggestion in plain words: "Marrow blasts 62% → 49%: pre-phase: required → not
    /// needed; …".
    pub description: String,
    /// The rules whose findings change (in rule order), i.e. the rules behind it.
    pub rules: Vec<RuleId>,
    /// The thresholds probed to find it (empty for a choice).
    pub thresholds: Vec<&'static Probe>,
}

impl Suggestion {
    /// The sources of the rules behind the suggestion, each once, in rule order.
    pub fn sources(&self) -> Vec<&'static Citation> {
        let mut out: Vec<&'static Citation> = Vec::new();
        for id in &self.rules {
            if let Some(rule) = crate::rules::rule(*id) {
                for c in rule.sources {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// How this suggestion sorts: smaller distance first; at equal distance, the one that
    /// changes more (an eligibility before a caution, before a badge or the pre-phase, before
    /// the dosing basis), then the kind of step.
    fn before(&self, other: &Suggestion) -> bool {
        let key = |s: &Suggestion| (s.distance, std::cmp::Reverse(s.weight()), s.step);
        key(self).partial_cmp(&key(other)) == Some(std::cmp::Ordering::Less)
    }

    /// How much the suggestion changes, its weightiest change: 4 an eligibility, 3 another
    /// status, 2 a label badge or the pre-phase decision, 1 the dosing basis.
    pub fn weight(&self) -> u8 {
        self.changes
            .iter()
            .map(|c| match c {
                Change::Status { from, to, .. }
                    if *from == Status::NotEligible || *to == Status::NotEligible =>
                {
                    4
                }
                Change::Status { .. } => 3,
                Change::Label { .. } | Change::PrePhase { .. } => 2,
                Change::Dosing { .. } => 1,
            })
            .max()
            .unwrap_or(0)
    }

    /// Whether `other` answers the same question: the same field moved the same way, or
    /// (for a value made known or a choice) the same field with the same outcome.
    fn same_group(&self, other: &Suggestion) -> bool {
        self.field == other.field
            && match (self.direction, other.direction) {
                (Some(a), Some(b)) => a == b,
                _ => self.changes == other.changes,
            }
    }
}

/// A candidate value for one field, before evaluation.
struct Candidate {
    field: Field,
    to: String,
    step: Step,
    direction: Option<Direction>,
    distance: f64,
    probes: Vec<&'static Probe>,
}

/// The smallest single-input changes that would change what the engine concludes for `raw`,
/// smallest first, at most [`MAX_SUGGESTIONS`]. Empty when `raw` does not validate. Never
/// panics.
pub fn what_would_change(raw: &RawScenario) -> Vec<Suggestion> {
    search(raw, MAX_SUGGESTIONS)
}

/// [`what_would_change`] with another cap: at most `limit` suggestions, smallest first.
pub fn search(raw: &RawScenario, limit: usize) -> Vec<Suggestion> {
    let Ok(base) = validate(raw) else {
        return Vec::new();
    };
    let all = RULES
        .iter()
        .map(|r| Cow::Owned(findings(r, &base)))
        .collect();
    let before = Decisions::of(&base, all, None);
    let mut work = raw.clone();
    // Each suggestion with the scenario it leads to, for its words once it is kept.
    let mut ranked: Vec<(Suggestion, Scenario)> = Vec::new();
    for c in candidates(raw, &base) {
        work.values.insert(c.field, c.to.clone());
        let checked = validate(&work);
        match raw.values.get(&c.field) {
            Some(text) => work.values.insert(c.field, text.clone()),
            None => work.values.remove(&c.field),
        };
        // A candidate that needs another field changed too is not a single-input change.
        let Ok(scenario) = checked else { continue };
        if scenario == base {
            continue;
        }
        // A rule that does not read the field finds what it found before.
        let found = RULES
            .iter()
            .zip(&before.findings)
            .map(|(rule, was)| {
                if rule.reads_value(c.field) {
                    Cow::Owned(findings(rule, &scenario))
                } else {
                    Cow::Borrowed(was.as_ref())
                }
            })
            .collect();
        // The badges rest on the label checks the eligibility rules also read: a field no
        // eligibility rule reads leaves them as they were.
        let labels_kept = !RULES
            .iter()
            .any(|r| r.id.family() == Family::Eligibility && r.reads_value(c.field));
        let after = Decisions::of(&scenario, found, labels_kept.then_some(&before.label));
        let mut changes = before.changes(&after);
        // Pre-phase and dosing are blinatumomab's: while it stays not eligible they change
        // nothing a clinician would act on.
        let blin = Therapy::ALL
            .iter()
            .position(|t| *t == Therapy::Blinatumomab)
            .unwrap_or(0);
        let excluded = |d: &Decisions| d.status.get(blin) == Some(&Status::NotEligible);
        if excluded(&before) && excluded(&after) {
            changes.retain(|c| !matches!(c, Change::PrePhase { .. } | Change::Dosing { .. }));
        }
        if changes.is_empty() {
            continue;
        }
        let suggestion = Suggestion {
            field: c.field,
            from: raw.get(c.field).to_string(),
            description: String::new(),
            to: c.to,
            step: c.step,
            direction: c.direction,
            distance: c.distance,
            changes,
            rules: rules_behind(&before.findings, &after.findings),
            thresholds: c.probes,
        };
        // Insertion keeps equal ranks in form order, the order candidates come in.
        let at = ranked
            .iter()
            .position(|(s, _)| suggestion.before(s))
            .unwrap_or(ranked.len());
        ranked.insert(at, (suggestion, scenario));
    }
    let mut kept: Vec<Suggestion> = Vec::new();
    for (mut s, scenario) in ranked {
        if kept.len() >= limit {
            break;
        }
        if kept.iter().any(|k| k.same_group(&s)) {
            continue;
        }
        let phrases: Vec<String> = s.changes.iter().map(Change::describe).collect();
        s.description = format!(
            "{} {} → {}: {}.",
            s.field.label(),
            crate::describe::describe(s.field, &base),
            crate::describe::describe(s.field, &scenario),
            phrases.join("; ")
        );
        kept.push(s);
    }
    kept
}

/// What `rule` finds for `s`, without the words: the therapy and effect of each finding.
fn findings(rule: &crate::rule::Rule, s: &Scenario) -> Vec<TraceFinding> {
    (rule.eval)(s)
        .into_iter()
        .map(|f| TraceFinding {
            therapy: f.therapy,
            effect: f.effect,
        })
        .collect()
}

/// What the engine decides for a scenario, without the words (which cost most of an
/// evaluation): the findings of each rule, and from them, through the same functions
/// [`crate::evaluate`] uses, the statuses, the label badges, the pre-phase level and the
/// dosing basis.
struct Decisions<'a> {
    /// Per rule, in [`RULES`] order (borrowed from the scenario changed from, for the
    /// rules that did not need to run again).
    findings: Vec<Cow<'a, [TraceFinding]>>,
    /// Per therapy, in [`Therapy::ALL`] order.
    status: Vec<Status>,
    /// Per therapy, in [`Therapy::ALL`] order.
    label: Vec<LabelStatus>,
    region: Region,
    prephase: DebulkingLevel,
    dosing: Option<DoseBasis>,
}

impl<'a> Decisions<'a> {
    /// The decisions for `s` from its rules' `findings`; the label badges are `labels` when
    /// known to be unchanged, else computed.
    fn of(
        s: &Scenario,
        findings: Vec<Cow<'a, [TraceFinding]>>,
        labels: Option<&[LabelStatus]>,
    ) -> Decisions<'a> {
        let mut effects = [crate::evaluate::EffectSet::default(); Therapy::ALL.len()];
        for f in findings.iter().flat_map(|found| found.iter()) {
            if let Some(bucket) = f
                .therapy
                .and_then(|t| Therapy::ALL.iter().position(|&x| x == t))
                .and_then(|i| effects.get_mut(i))
            {
                bucket.insert(f.effect);
            }
        }
        let (status, _) = crate::evaluate::statuses(&effects);
        let fired = |id: RuleId| {
            RULES
                .iter()
                .zip(&findings)
                .any(|(r, found)| r.id == id && !found.is_empty())
        };
        let (prephase, _) = crate::debulking::level(s, fired(RuleId::D1), fired(RuleId::D2));
        let bsa = crate::dosing::bsa(s);
        Decisions {
            status,
            label: match labels {
                Some(kept) => kept.to_vec(),
                None => Therapy::ALL
                    .iter()
                    .map(|&t| crate::labels::verdict(t, s).status)
                    .collect(),
            },
            region: s.region,
            prephase,
            dosing: DoseBasis::of(&crate::dosing::dosing_basis(s, bsa.as_ref())),
            findings,
        }
    }

    /// What differs from `self` to `after`: statuses, label badges, pre-phase level,
    /// dosing basis.
    fn changes(&self, after: &Decisions<'_>) -> Vec<Change> {
        let mut out = Vec::new();
        for ((&therapy, &from), &to) in Therapy::ALL.iter().zip(&self.status).zip(&after.status) {
            if from != to {
                out.push(Change::Status { therapy, from, to });
            }
        }
        for ((&therapy, &from), &to) in Therapy::ALL.iter().zip(&self.label).zip(&after.label) {
            if from != to {
                out.push(Change::Label {
                    therapy,
                    from,
                    to,
                    from_region: self.region,
                    to_region: after.region,
                });
            }
        }
        if self.prephase != after.prephase {
            out.push(Change::PrePhase {
                from: self.prephase,
                to: after.prephase,
            });
        }
        if let (Some(from), Some(to)) = (self.dosing, after.dosing) {
            if from != to {
                out.push(Change::Dosing { from, to });
            }
        }
        out
    }
}

/// The rules whose findings differ between two evaluations, leaving out rules whose only
/// difference is a note of context (their words change, no decision does).
fn rules_behind(
    before: &[Cow<'_, [TraceFinding]>],
    after: &[Cow<'_, [TraceFinding]>],
) -> Vec<RuleId> {
    RULES
        .iter()
        .zip(before.iter().zip(after))
        .filter(|(rule, (a, b))| {
            let decides = matches!(rule.id.family(), Family::Eligibility | Family::PrePhase);
            a.iter()
                .filter(|f| !b.contains(f))
                .chain(b.iter().filter(|f| !a.contains(f)))
                .any(|f| f.effect != Effect::Note || decides)
        })
        .map(|(rule, _)| rule.id)
        .collect()
}

/// Every candidate change, in form order: numbers at their thresholds, choices at their
/// other known values.
fn candidates(raw: &RawScenario, base: &Scenario) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for field in FIELDS {
        match field.kind() {
            FieldKind::Choice(choices) => {
                // A unit only says how the number beside it is read: not a clinical change.
                if matches!(field, Field::PeripheralBlastsUnit | Field::CrclUnit) {
                    continue;
                }
                let text = raw.get(field).trim();
                let now = if text.is_empty() {
                    choices.first().map_or("", |(v, _)| *v)
                } else {
                    text
                };
                let step = if now == "unk" {
                    Step::MadeKnown
                } else {
                    Step::Choice
                };
                // What has happened is not a lever: a known disease setting, remission, prior
                // transplant or prior therapy is history, not something to change.
                if step == Step::Choice && HISTORY.contains(&field) {
                    continue;
                }
                for (value, _) in choices {
                    if value.is_empty() || *value == "unk" || *value == now {
                        continue;
                    }
                    out.push(Candidate {
                        field,
                        to: (*value).to_string(),
                        step,
                        direction: None,
                        distance: if step == Step::MadeKnown { 0.0 } else { 1.0 },
                        probes: Vec::new(),
                    });
                }
            }
            FieldKind::Number { .. } | FieldKind::Mrd => numbers(field, raw, base, &mut out),
        }
    }
    out
}

/// Fields that record what has happened; once known, the search does not change them.
pub const HISTORY: &[Field] = &[
    Field::Setting,
    Field::CrNumber,
    Field::PriorHsct,
    Field::PriorBlinatumomab,
    Field::PriorInotuzumab,
    Field::PriorCart,
];

/// Whether a known number may move to `new`: the patient's age by at most a year (to the
/// next label boundary, not across decades), the weight by at most a tenth, and the count of
/// prior lines only upwards (lines given cannot be taken back).
fn plausible_move(field: Field, now: f64, new: f64) -> bool {
    match field {
        Field::Age => (new - now).abs() <= 1.0,
        Field::Weight => relative(now, new) <= 0.1,
        Field::PriorLines => new > now,
        _ => true,
    }
}

/// The candidates of one numeric field: for each probe, the value just across its
/// threshold from the current one (both sides when the field is not given).
fn numbers(field: Field, raw: &RawScenario, base: &Scenario, out: &mut Vec<Candidate>) {
    let text = raw.get(field);
    let now = value_of(field, text);
    // A percentage of a marker, or an LDH value, only details what its choice field says;
    // making it known is the choice field's suggestion.
    if now.is_none() && matches!(field, Field::Cd19Pct | Field::Cd22Pct | Field::Ldh) {
        return;
    }
    let first = out.len();
    for p in PROBES.iter().filter(|p| p.field == field) {
        let Some((limit, scale_decimals)) = limit_in_entered_units(p, raw, base) else {
            continue;
        };
        let Some((below, at)) = sides(limit, p.boundary, scale_decimals.0, scale_decimals.1) else {
            continue;
        };
        let texts: Vec<i64> = match now {
            Some(v) => {
                let upper = match p.boundary {
                    Boundary::AtOrAbove => v >= limit,
                    Boundary::Above => v > limit,
                };
                vec![if upper { below } else { at }]
            }
            None => vec![below, at],
        };
        for k in texts {
            let to = candidate_text(field, text, k, scale_decimals.1);
            if to == text.trim() {
                continue;
            }
            if let Some(c) = out.iter_mut().skip(first).find(|c| c.to == to) {
                c.probes.push(p);
                continue;
            }
            let Some(new) = value_of(field, &to) else {
                continue;
            };
            if now.is_some_and(|v| !plausible_move(field, v, new)) {
                continue;
            }
            let (step, direction, distance) = match now {
                Some(v) => (
                    Step::Number,
                    Some(if new > v {
                        Direction::Up
                    } else {
                        Direction::Down
                    }),
                    relative(v, new),
                ),
                None => (Step::MadeKnown, None, 0.0),
            };
            out.push(Candidate {
                field,
                to,
                step,
                direction,
                distance,
                probes: vec![p],
            });
        }
    }
}

/// The value of a numeric field's text in the unit it was entered in (MRD as a fraction).
fn value_of(field: Field, text: &str) -> Option<f64> {
    if text.trim().is_empty() {
        return None;
    }
    let v = if field == Field::Mrd {
        parse_mrd(text).ok()?
    } else {
        parse_number(text).ok()?
    };
    v.is_finite().then_some(v)
}

/// |new − old| / max(|new|, |old|): 0 for no change, 1 from or to 0.
fn relative(old: f64, new: f64) -> f64 {
    let scale = old.abs().max(new.abs());
    if scale == 0.0 {
        0.0
    } else {
        (new - old).abs() / scale
    }
}

/// The probe's limit in the unit the field is entered in, and how to write candidates:
/// (multiplier from that unit to the written unit, decimals of the written unit).
fn limit_in_entered_units(
    p: &Probe,
    raw: &RawScenario,
    base: &Scenario,
) -> Option<(f64, (f64, u32))> {
    let limit = match p.limit {
        Limit::Value(v) => v,
        Limit::Field(other) => value_of(other, raw.get(other))?,
    };
    Some(match p.field {
        // MRD values are fractions; candidates are written in percent (or as fractions,
        // below) with the probe's decimals of a percent.
        Field::Mrd => (limit, (100.0, p.decimals)),
        Field::PeripheralBlasts if raw.get(Field::PeripheralBlastsUnit).trim() == "g" => {
            (limit / 1000.0, (1.0, p.decimals + 3))
        }
        // P-RENAL reads a child's clearance in mL/min per 1.73 m², normalised with the BSA
        // when it was entered in mL/min: the threshold moves with the child's size.
        Field::Crcl if base.crcl_unit == CrclUnit::MlMin && base.is_child() => {
            match crate::dosing::bsa(base) {
                Some(b) => (limit * b.m2 / STANDARD_BSA_M2, (1.0, p.decimals)),
                None => (limit, (1.0, p.decimals)),
            }
        }
        _ => (limit, (1.0, p.decimals)),
    })
}

/// The two candidates either side of `limit` (in the entered unit), as whole multiples of
/// 10^−decimals of the written unit (`scale` × entered): the largest on the lower side and
/// the smallest on the upper side.
fn sides(limit: f64, boundary: Boundary, scale: f64, decimals: u32) -> Option<(i64, i64)> {
    let x = limit * scale * 10f64.powi(decimals as i32);
    if !x.is_finite() || x.abs() > 1e15 {
        return None;
    }
    let whole = x.round();
    // The threshold lies on a multiple unless the float is off in its last bits.
    let on_multiple = (x - whole).abs() < 1e-6;
    let (below, at) = match boundary {
        Boundary::AtOrAbove => {
            let at = if on_multiple { whole } else { x.ceil() };
            (at - 1.0, at)
        }
        Boundary::Above => {
            let below = if on_multiple { whole } else { x.floor() };
            (below, below + 1.0)
        }
    };
    Some((below as i64, at as i64))
}

/// `k` × 10^−decimals of the written unit, as the form would hold it. An MRD typed as a
/// fraction ("1e-3") gets a fraction, else a percentage.
fn candidate_text(field: Field, now: &str, k: i64, decimals: u32) -> String {
    let typed = now.trim().trim_end_matches('%').trim();
    let as_percent = typed
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if field == Field::Mrd && !as_percent {
        // k × 10^−decimals percent = k × 10^−(decimals + 2) as a fraction.
        let (mut k, mut exponent) = (k, decimals + 2);
        while k != 0 && k % 10 == 0 && exponent > 0 {
            k /= 10;
            exponent -= 1;
        }
        return if exponent == 0 {
            k.to_string()
        } else {
            format!("{k}e-{exponent}")
        };
    }
    decimal_text(k, decimals)
}

/// `k` × 10^−decimals as plain decimal text without trailing zeros: (49, 0) → "49",
/// (9, 2) → "0.09", (14999, 3) → "14.999". No float formatting.
fn decimal_text(k: i64, decimals: u32) -> String {
    let digits = k.unsigned_abs().to_string();
    let sign = if k < 0 { "-" } else { "" };
    let d = decimals as usize;
    if d == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = d + 1);
    let Some((int, frac)) = padded.split_at_checked(padded.len().saturating_sub(d)) else {
        return format!("{sign}{digits}");
    };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_texts() {
        assert_eq!(decimal_text(49, 0), "49");
        assert_eq!(decimal_text(9, 2), "0.09");
        assert_eq!(decimal_text(10, 2), "0.1");
        assert_eq!(decimal_text(14_999, 3), "14.999");
        assert_eq!(decimal_text(15_000, 3), "15");
        assert_eq!(decimal_text(7, 2), "0.07");
        assert_eq!(decimal_text(0, 1), "0");
    }

    #[test]
    fn sides_of_thresholds() {
        assert_eq!(sides(50.0, Boundary::AtOrAbove, 1.0, 0), Some((49, 50)));
        assert_eq!(sides(0.0, Boundary::Above, 1.0, 0), Some((0, 1)));
        assert_eq!(sides(1e-3, Boundary::AtOrAbove, 100.0, 2), Some((9, 10)));
        assert_eq!(sides(0.08, Boundary::AtOrAbove, 1.0, 2), Some((7, 8)));
        assert_eq!(
            sides(15.0, Boundary::AtOrAbove, 1.0, 3),
            Some((14_999, 15_000))
        );
        // A threshold between multiples: the nearest multiples either side.
        assert_eq!(sides(8.67, Boundary::AtOrAbove, 1.0, 0), Some((8, 9)));
        assert_eq!(sides(250.4, Boundary::Above, 1.0, 0), Some((250, 251)));
        assert_eq!(sides(f64::NAN, Boundary::Above, 1.0, 0), None);
    }

    #[test]
    fn mrd_candidates_follow_the_typed_form() {
        assert_eq!(candidate_text(Field::Mrd, "0.5", 9, 2), "0.09");
        assert_eq!(candidate_text(Field::Mrd, "0.5%", 10, 2), "0.1");
        assert_eq!(candidate_text(Field::Mrd, "5e-3", 9, 2), "9e-4");
        assert_eq!(candidate_text(Field::Mrd, "10^-2", 10, 2), "1e-3");
    }

    #[test]
    fn relative_distance() {
        assert_eq!(relative(62.0, 49.0), 13.0 / 62.0);
        assert_eq!(relative(0.0, 50.0), 1.0);
        assert_eq!(relative(17.0, 18.0), 1.0 / 18.0);
    }
}
