//! Every input the user can give, as data: its URL key, label, unit, kind and form group.
//!
//! The form and the URL format are both generated from [`FIELDS`], so a field added here
//! appears in both, and the URL keys stay stable and documented in one place.

use serde::{Deserialize, Serialize};

/// One input of the scenario form. The discriminant order is the form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    /// Whose labels decide eligibility: US (FDA) or EU (EMA).
    Region,
    /// Age in years (decimals allowed for infants).
    Age,
    /// Body weight in kg.
    Weight,
    /// Height in cm.
    Height,
    /// Disease setting: refractory, which relapse, or MRD-positive in CR.
    Setting,
    /// Which CR an MRD-positive patient is in (the US MRD label needs the first or second).
    CrNumber,
    /// In first relapse, the response to re-induction.
    Reinduction,
    /// MRD level, entered as a percentage or as a fraction in scientific notation.
    Mrd,
    /// Marrow blasts, % of nucleated cells.
    MarrowBlasts,
    /// Peripheral blood blasts, in the unit of [`Field::PeripheralBlastsUnit`].
    PeripheralBlasts,
    /// The unit the peripheral blast count is entered in: per µL or × 10⁹/L.
    PeripheralBlastsUnit,
    /// LDH status when no value is entered: normal / elevated / unknown.
    LdhStatus,
    /// LDH value, U/L.
    Ldh,
    /// LDH upper limit of normal, U/L.
    LdhUln,
    /// Extramedullary (non-CNS) disease.
    Extramedullary,
    /// CNS status.
    Cns,
    /// CD19 status on blasts.
    Cd19,
    /// CD19, % of blasts positive (optional; decides the status when given).
    Cd19Pct,
    /// CD22 status on blasts.
    Cd22,
    /// CD22, % of blasts positive (optional; decides the status when given).
    Cd22Pct,
    /// Philadelphia chromosome (BCR-ABL1).
    Ph,
    /// How many TKIs the disease was resistant or intolerant to.
    TkisFailed,
    /// ABL1 T315I mutation.
    T315i,
    /// Allogeneic HSCT plan.
    Transplant,
    /// Prior allogeneic HSCT.
    PriorHsct,
    /// Number of prior lines of therapy.
    PriorLines,
    /// Prior blinatumomab and the response to it.
    PriorBlinatumomab,
    /// Prior inotuzumab and the response to it.
    PriorInotuzumab,
    /// Prior CD19 CAR-T and the response to it.
    PriorCart,
    /// KMT2A (MLL) rearrangement.
    Kmt2a,
    /// Regulatory T cells, % of T cells.
    Treg,
    /// Creatinine clearance, in the unit of [`Field::CrclUnit`].
    Crcl,
    /// The unit the creatinine clearance is given in: mL/min or mL/min/1.73 m².
    CrclUnit,
    /// On dialysis.
    Dialysis,
    /// Liver disease or prior VOD/SOS.
    Liver,
}

/// How a field is entered and what values it accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldKind {
    /// A number within `[min, max]` in the field's unit.
    Number {
        /// Smallest accepted value.
        min: f64,
        /// Largest accepted value.
        max: f64,
        /// Whether only whole numbers are accepted.
        integer: bool,
    },
    /// One of fixed choices: `(value in the URL, label shown)`. The first is the default.
    Choice(&'static [(&'static str, &'static str)]),
    /// An MRD level: "0.1", "0.1%" (percent) or "1e-3", "10^-3" (fraction).
    Mrd,
}

/// The form section a field belongs to, in the order a clinician thinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Group {
    /// Whose labels apply.
    Region,
    /// Age, weight, height.
    Patient,
    /// Disease setting and MRD.
    Setting,
    /// Marrow and peripheral blasts, LDH, extramedullary disease.
    Burden,
    /// CNS status.
    Cns,
    /// CD19 and CD22.
    Markers,
    /// Ph status and TKI history.
    Ph,
    /// Transplant plan and history.
    Transplant,
    /// Prior lines and immunotherapies.
    Prior,
    /// KMT2A, Treg, renal and liver function.
    Other,
}

impl Group {
    /// Every group in form order.
    pub const ALL: [Group; 10] = [
        Group::Region,
        Group::Patient,
        Group::Setting,
        Group::Burden,
        Group::Cns,
        Group::Markers,
        Group::Ph,
        Group::Transplant,
        Group::Prior,
        Group::Other,
    ];

    /// The group's name in markup (`data-group`), fixed whatever the heading says.
    pub fn slug(self) -> &'static str {
        match self {
            Group::Region => "region",
            Group::Patient => "patient",
            Group::Setting => "setting",
            Group::Burden => "burden",
            Group::Cns => "cns",
            Group::Markers => "markers",
            Group::Ph => "ph",
            Group::Transplant => "transplant",
            Group::Prior => "prior",
            Group::Other => "other",
        }
    }

    /// The section heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Region => "Labels",
            Group::Patient => "Patient",
            Group::Setting => "Disease setting and MRD",
            Group::Burden => "Tumour burden",
            Group::Cns => "CNS",
            Group::Markers => "Target antigens",
            Group::Ph => "Philadelphia chromosome",
            Group::Transplant => "Transplant",
            Group::Prior => "Prior therapy",
            Group::Other => "Other",
        }
    }
}

const UNKNOWN_NO_YES: &[(&str, &str)] = &[("unk", "Unknown"), ("no", "No"), ("yes", "Yes")];
const PRIOR_RESPONSE: &[(&str, &str)] = &[
    ("unk", "Unknown"),
    ("no", "No"),
    ("resp", "Yes, with response"),
    ("noresp", "Yes, without response (refractory)"),
];
const MARKER: &[(&str, &str)] = &[
    ("unk", "Unknown / not tested"),
    ("pos", "Positive"),
    ("neg", "Negative"),
];

/// Every field in form order.
pub const FIELDS: [Field; 35] = [
    Field::Region,
    Field::Age,
    Field::Weight,
    Field::Height,
    Field::Setting,
    Field::CrNumber,
    Field::Reinduction,
    Field::Mrd,
    Field::MarrowBlasts,
    Field::PeripheralBlasts,
    Field::PeripheralBlastsUnit,
    Field::LdhStatus,
    Field::Ldh,
    Field::LdhUln,
    Field::Extramedullary,
    Field::Cns,
    Field::Cd19,
    Field::Cd19Pct,
    Field::Cd22,
    Field::Cd22Pct,
    Field::Ph,
    Field::TkisFailed,
    Field::T315i,
    Field::Transplant,
    Field::PriorHsct,
    Field::PriorLines,
    Field::PriorBlinatumomab,
    Field::PriorInotuzumab,
    Field::PriorCart,
    Field::Kmt2a,
    Field::Treg,
    Field::Crcl,
    Field::CrclUnit,
    Field::Dialysis,
    Field::Liver,
];

impl Field {
    /// The short, stable key of this field in the URL query string.
    pub fn key(self) -> &'static str {
        match self {
            Field::Region => "reg",
            Field::Age => "age",
            Field::Weight => "wt",
            Field::Height => "ht",
            Field::Setting => "set",
            Field::CrNumber => "crn",
            Field::Reinduction => "reind",
            Field::Mrd => "mrd",
            Field::MarrowBlasts => "bm",
            Field::PeripheralBlasts => "pb",
            Field::PeripheralBlastsUnit => "pbu",
            Field::LdhStatus => "ldhs",
            Field::Ldh => "ldh",
            Field::LdhUln => "uln",
            Field::Extramedullary => "emd",
            Field::Cns => "cns",
            Field::Cd19 => "cd19",
            Field::Cd19Pct => "cd19p",
            Field::Cd22 => "cd22",
            Field::Cd22Pct => "cd22p",
            Field::Ph => "ph",
            Field::TkisFailed => "tkis",
            Field::T315i => "t315i",
            Field::Transplant => "hsct",
            Field::PriorHsct => "phsct",
            Field::PriorLines => "lines",
            Field::PriorBlinatumomab => "pblin",
            Field::PriorInotuzumab => "pino",
            Field::PriorCart => "pcart",
            Field::Kmt2a => "kmt2a",
            Field::Treg => "treg",
            Field::Crcl => "crcl",
            Field::CrclUnit => "crclu",
            Field::Dialysis => "dial",
            Field::Liver => "liver",
        }
    }

    /// The field whose URL key is `key`, if any.
    pub fn from_key(key: &str) -> Option<Field> {
        FIELDS.iter().copied().find(|f| f.key() == key)
    }

    /// The label shown next to the input (without the unit).
    pub fn label(self) -> &'static str {
        match self {
            Field::Region => "Labels of",
            Field::Age => "Age",
            Field::Weight => "Weight",
            Field::Height => "Height",
            Field::Setting => "Disease setting",
            Field::CrNumber => "Complete remission (MRD setting)",
            Field::Reinduction => "First relapse: response to re-induction",
            Field::Mrd => "MRD level",
            Field::MarrowBlasts => "Marrow blasts",
            Field::PeripheralBlasts => "Peripheral blood blasts",
            Field::PeripheralBlastsUnit => "Peripheral blasts counted",
            Field::LdhStatus => "LDH",
            Field::Ldh => "LDH value",
            Field::LdhUln => "LDH upper limit of normal",
            Field::Extramedullary => "Extramedullary disease (non-CNS)",
            Field::Cns => "CNS status",
            Field::Cd19 => "CD19",
            Field::Cd19Pct => "CD19-positive blasts",
            Field::Cd22 => "CD22",
            Field::Cd22Pct => "CD22-positive blasts",
            Field::Ph => "Ph (BCR-ABL1)",
            Field::TkisFailed => "TKIs failed (resistant or intolerant)",
            Field::T315i => "T315I mutation",
            Field::Transplant => "Allogeneic HSCT",
            Field::PriorHsct => "Prior allogeneic HSCT",
            Field::PriorLines => "Prior lines of therapy",
            Field::PriorBlinatumomab => "Prior blinatumomab",
            Field::PriorInotuzumab => "Prior inotuzumab ozogamicin",
            Field::PriorCart => "Prior CD19 CAR-T",
            Field::Kmt2a => "KMT2A (MLL) rearrangement",
            Field::Treg => "Regulatory T cells",
            Field::Crcl => "Creatinine clearance",
            Field::CrclUnit => "Creatinine clearance given as",
            Field::Dialysis => "On dialysis",
            Field::Liver => "Liver",
        }
    }

    /// The unit the value is entered in for this scenario (the peripheral blast count
    /// follows its unit choice), or `""` for choices.
    pub fn unit_in(self, raw: &crate::scenario::RawScenario) -> &'static str {
        let choice = self.unit_field().map_or("", |f| raw.get(f).trim());
        match (self, choice) {
            (Field::PeripheralBlasts, "g") => "× 10⁹/L",
            (Field::Crcl, "m2") => "mL/min/1.73 m²",
            _ => self.unit(),
        }
    }

    /// The choice field that sets this field's unit, if another unit can be chosen: the
    /// form shows every other unit once, without following the scenario.
    pub fn unit_field(self) -> Option<Field> {
        match self {
            Field::PeripheralBlasts => Some(Field::PeripheralBlastsUnit),
            Field::Crcl => Some(Field::CrclUnit),
            _ => None,
        }
    }

    /// The unit the value is entered in by default, or `""` for choices.
    pub fn unit(self) -> &'static str {
        match self {
            Field::Age => "years",
            Field::Weight => "kg",
            Field::Height => "cm",
            Field::Mrd => "%",
            Field::MarrowBlasts => "%",
            Field::PeripheralBlasts => "/µL",
            Field::Ldh | Field::LdhUln => "U/L",
            Field::Cd19Pct | Field::Cd22Pct => "% of blasts",
            Field::PriorLines => "lines",
            Field::Treg => "% of T cells",
            Field::Crcl => "mL/min",
            _ => "",
        }
    }

    /// The section of the form this field sits in.
    pub fn group(self) -> Group {
        match self {
            Field::Region => Group::Region,
            Field::Age | Field::Weight | Field::Height => Group::Patient,
            Field::Setting | Field::CrNumber | Field::Reinduction | Field::Mrd => Group::Setting,
            Field::MarrowBlasts
            | Field::PeripheralBlasts
            | Field::PeripheralBlastsUnit
            | Field::LdhStatus
            | Field::Ldh
            | Field::LdhUln
            | Field::Extramedullary => Group::Burden,
            Field::Cns => Group::Cns,
            Field::Cd19 | Field::Cd19Pct | Field::Cd22 | Field::Cd22Pct => Group::Markers,
            Field::Ph | Field::TkisFailed | Field::T315i => Group::Ph,
            Field::Transplant | Field::PriorHsct => Group::Transplant,
            Field::PriorLines
            | Field::PriorBlinatumomab
            | Field::PriorInotuzumab
            | Field::PriorCart => Group::Prior,
            Field::Kmt2a
            | Field::Treg
            | Field::Crcl
            | Field::CrclUnit
            | Field::Dialysis
            | Field::Liver => Group::Other,
        }
    }

    /// How the field is entered and what it accepts.
    pub fn kind(self) -> FieldKind {
        let num = |min, max| FieldKind::Number {
            min,
            max,
            integer: false,
        };
        match self {
            Field::Region => FieldKind::Choice(&[("us", "US (FDA)"), ("eu", "EU (EMA)")]),
            Field::Age => num(0.0, 120.0),
            Field::Weight => num(0.5, 350.0),
            Field::Height => num(30.0, 250.0),
            Field::Setting => FieldKind::Choice(&[
                ("", "Choose…"),
                ("ref", "Primary refractory"),
                ("r1e", "First relapse, CR1 < 12 months"),
                ("r1l", "First relapse, CR1 ≥ 12 months"),
                ("r2", "Second or later relapse"),
                ("rhsct", "Relapse after allogeneic HSCT"),
                ("mrd", "MRD-positive in morphologic CR"),
            ]),
            Field::CrNumber => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("1", "First CR"),
                ("2", "Second CR"),
                ("3", "Third or later CR"),
            ]),
            Field::Reinduction => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("none", "Not yet re-induced"),
                ("ref", "Refractory to re-induction"),
                ("cr", "In CR after re-induction"),
            ]),
            Field::TkisFailed => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("0", "None"),
                ("1", "One"),
                ("2", "Two or more"),
            ]),
            Field::CrclUnit => FieldKind::Choice(&[("min", "mL/min"), ("m2", "mL/min/1.73 m²")]),
            Field::Mrd => FieldKind::Mrd,
            Field::MarrowBlasts => num(0.0, 100.0),
            Field::PeripheralBlasts => num(0.0, crate::validate::MAX_PERIPHERAL_BLASTS_PER_UL),
            Field::PeripheralBlastsUnit => FieldKind::Choice(&[("ul", "per µL"), ("g", "× 10⁹/L")]),
            Field::LdhStatus => {
                FieldKind::Choice(&[("unk", "Unknown"), ("norm", "Normal"), ("high", "Elevated")])
            }
            Field::Ldh | Field::LdhUln => num(1.0, 100_000.0),
            Field::Extramedullary => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("no", "None"),
                ("yes", "Present"),
                ("bulk", "Present, high tumour load"),
            ]),
            Field::Cns => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("no", "No CNS involvement or history"),
                ("active", "Active CNS leukaemia"),
                ("hx", "History of CNS pathology or seizures"),
            ]),
            Field::Cd19 | Field::Cd22 => FieldKind::Choice(MARKER),
            Field::Cd19Pct | Field::Cd22Pct | Field::Treg => num(0.0, 100.0),
            Field::Ph => {
                FieldKind::Choice(&[("unk", "Unknown"), ("neg", "Negative"), ("pos", "Positive")])
            }
            Field::T315i | Field::Kmt2a | Field::PriorHsct | Field::Dialysis => {
                FieldKind::Choice(UNKNOWN_NO_YES)
            }
            Field::Transplant => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("plan", "Planned after response"),
                ("cand", "Candidate, no plan yet"),
                ("no", "Not a candidate"),
            ]),
            Field::PriorLines => FieldKind::Number {
                min: 0.0,
                max: 20.0,
                integer: true,
            },
            Field::PriorBlinatumomab | Field::PriorInotuzumab | Field::PriorCart => {
                FieldKind::Choice(PRIOR_RESPONSE)
            }
            Field::Crcl => num(0.0, 300.0),
            Field::Liver => FieldKind::Choice(&[
                ("unk", "Unknown"),
                ("no", "No liver disease"),
                ("disease", "Serious ongoing liver disease"),
                ("vod", "Prior VOD/SOS"),
            ]),
        }
    }

    /// A short hint shown under the input, or `""`.
    pub fn hint(self) -> &'static str {
        match self {
            Field::Mrd => "0.1 means 0.1% (10⁻³); 1e-3 is read as a fraction",
            Field::PeripheralBlastsUnit => "15 × 10⁹/L is 15,000/µL",
            Field::Cd19Pct | Field::Cd22Pct => "Optional; ≥ 20% counts as positive, 1–19% as low",
            Field::LdhStatus => "Or enter the value and upper limit of normal below",
            Field::Treg => "> 12.5% predicts non-response to blinatumomab",
            Field::Region => "Whose labels decide eligibility",
            Field::CrNumber => "Used only when the setting is MRD-positive in CR",
            Field::Reinduction => "Used only in first relapse",
            Field::CrclUnit => "Children: mL/min/1.73 m² (e.g. Schwartz)",
            Field::Liver => {
                "Serious: cirrhosis, nodular regenerative hyperplasia, active hepatitis"
            }
            _ => "",
        }
    }
}

/// The URL keys as a Markdown table (key, meaning, values, unit), for the README.
pub fn url_key_table() -> String {
    let mut out = String::from("| key | meaning | values | unit |\n|---|---|---|---|\n");
    out.push_str(&format!(
        "| `v` | format version | `{}` (links of version 1 still open) | |\n",
        crate::scenario::FORMAT_VERSION
    ));
    for field in FIELDS {
        let values = match field.kind() {
            FieldKind::Number { min, max, integer } => {
                let kind = if integer { "whole number" } else { "number" };
                format!("{kind} {min}–{max}")
            }
            FieldKind::Choice(choices) => choices
                .iter()
                .filter(|(v, _)| !v.is_empty())
                .map(|(v, label)| format!("`{v}` {label}"))
                .collect::<Vec<_>>()
                .join("; "),
            FieldKind::Mrd => "percent (`0.1`, `0.1%`) or fraction (`1e-3`, `10^-3`)".to_string(),
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            field.key(),
            field.label(),
            values,
            field.unit()
        ));
    }
    out
}
