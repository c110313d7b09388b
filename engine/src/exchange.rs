//! Saved scenarios as a file: the versioned JSON format the app stores in the browser and
//! exports and imports, a plain-text list of links, and a one-line summary of each answer.
//!
//! ```json
//! {
//!   "format": "ball-aid/scenarios",
//!   "version": 1,
//!   "scenarios": [
//!     {
//!       "name": "Relapse, high burden",
//!       "saved": "2025-01-31T14:05:00.000Z",
//!       "inputs": {
//!         "age": "34",
//!         "set": "r2",
//!         "bm": "62"
//!       }
//!     }
//!   ]
//! }
//! ```
//!
//! `inputs` are keyed by the URL keys of [`crate::fields`] (one vocabulary for links and
//! files) and hold the texts the form holds, so a saved case may be half-filled: a missing
//! field is "not given", exactly as in a link. `saved` is the time the app saved it (ISO 8601
//! with a time zone, as `Date.toISOString` writes it) or `""` when not known. Every key of
//! every object is checked: an unknown or repeated key is a problem, never silently dropped.
//!
//! Two readers share one checker. [`import`] is strict: any problem and nothing is accepted,
//! every problem is reported. [`restore`] reads the browser's stored list and never fails as
//! a whole: it keeps every entry it can, reports the rest, and says what it did with each.
//!
//! # Problems and their messages
//!
//! Each [`ImportProblem`] has a [`ImportProblemKind`], the entry it concerns (index and
//! name), the field (for input problems) and a complete message. `{What}` is "The file" when
//! importing and "The stored list" when restoring; `Scenario N "name"` counts from 1 and
//! leaves the name out when it cannot be used. When restoring, an entry's message ends with
//! what was done: "It was left out.", "It was ignored.", "The first was kept.", "The text
//! was kept; the form shows it to correct." or "It was cleared.".
//!
//! | kind | message |
//! |---|---|
//! | `TooLarge` | {What} is N bytes, more than the 1,000,000 a scenario file may have. |
//! | `Empty` | {What} is empty. / {What} holds no scenarios. |
//! | `NotJson` | {What} is not a scenario file of this aid: it is not valid JSON. |
//! | `Truncated` | {What} ends too early: it looks cut short. |
//! | `TooDeep` | {What} is nested more than 8 levels deep, which no scenario file is. |
//! | `Shape` | {What} is not a scenario file: it should be a JSON object with "format", "version" and "scenarios", not a list. / "scenarios" should be a list (JSON array) of scenarios, not … / Scenario N: should be a JSON object with "name", "saved" and "inputs", not … / Scenario N "name": "inputs" should be a JSON object of field keys and texts, not … |
//! | `Format` | {What} has no "format"; a scenario file of this aid has "format": "ball-aid/scenarios". / {What} is a "x" file, not a scenario file of this aid ("ball-aid/scenarios"). / "format" should be the text "ball-aid/scenarios", not … |
//! | `Version` | {What} has no "version". / "version" should be a whole number from 1, not … |
//! | `FutureVersion` | {What} was written by a newer version of this aid (format version N; this page reads version 1). Open it with a newer version of this aid. (Restoring: It was read as version 1 where possible.) |
//! | `UnknownKey` | Unknown key "k" at the top level. / Scenario N "name": unknown key "k". / Scenario N "name": "k" in "inputs" is not a field of this aid. |
//! | `RepeatedKey` | Key "k" appears more than once at the top level. / Scenario N "name": key "k" appears more than once. / Scenario N "name": Label ("k") appears more than once in "inputs". |
//! | `MissingKey` | {What} has no "scenarios". / Scenario N: no "name". / Scenario N "name": no "inputs". |
//! | `WrongType` | Scenario N: "name" should be text (a JSON string), not a number. / Scenario N "name": Label ("k") should be text (a JSON string), not … / … "saved" should be text … |
//! | `InvalidValue` | Scenario N "name": the field's own validation message ("Marrow blasts: 150 is above 100%."). |
//! | `LongValue` | Scenario N "name": Label: the text is longer than 32 characters. |
//! | `EmptyName` | Scenario N: the name is empty. |
//! | `LongName` | Scenario N: the name is longer than 100 characters. |
//! | `ControlInName` | Scenario N: the name contains a line break or another control character. |
//! | `BadTimestamp` | Scenario N "name": "saved" is not a date and time in ISO 8601 form with a time zone, such as 2025-01-31T14:05:00Z. |
//! | `DuplicateName` | Scenario N "name": the name is already used by scenario M; names must differ. (Restoring: … by scenario M. It was renamed "name (2)".) |
//! | `TooMany` | {What} holds N scenarios, more than the 100 allowed. (Restoring: The first 100 were read.) |
//!
//! # What restoring keeps
//!
//! An entry is left out only when it cannot be a scenario at all: not an object, no usable
//! name, no `inputs` object. Anything else is repaired and reported: an unknown or mistyped
//! key and an over-long text are ignored, a repeated key keeps its first value, a timestamp
//! that does not read is cleared, a repeated name gets a number. A value that is not valid
//! for its field is kept as text, as a link keeps it: the form shows it with its message, so
//! nothing the user typed is lost. A document of a newer version is read as this version
//! where it can.
//!
//! # Limits
//!
//! The byte size is checked before anything is parsed, so a 50 MB file is refused at once;
//! nesting is checked by a single pass before parsing. The limits are chosen so that any list
//! of [`MAX_SCENARIOS`] entries that [`Saved::new`] accepts encodes within [`MAX_BYTES`]
//! (tested), so the app can always store what it saved.

use miniserde::de::{Deserialize, Map, Seq, Visitor};
use miniserde::make_place;

use crate::assess;
use crate::debulking::DebulkingLevel;
use crate::dosing::Plan;
use crate::fields::{Field, FIELDS};
use crate::scenario::RawScenario;
use crate::therapy::{Status, Therapy};
use crate::validate::{validate, ProblemKind};
use crate::Assessment;

/// The value of `"format"`: names the aid and what the file holds.
pub const FORMAT_ID: &str = "ball-aid/scenarios";

/// The version of this file format. Bump on any incompatible change, including a change of
/// the input keys' meaning (the URL format's [`crate::scenario::FORMAT_VERSION`]).
pub const EXCHANGE_VERSION: u64 = 1;

/// The largest document read, in bytes (UTF-8), for an import and for the stored list.
pub const MAX_BYTES: usize = 1_000_000;

/// The most scenarios one document may hold.
pub const MAX_SCENARIOS: usize = 100;

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// The longest input text, in characters. Every valid value is far shorter; the cap keeps a
/// stored list within [`MAX_BYTES`].
pub const MAX_VALUE_CHARS: usize = 32;

/// The deepest nesting of arrays and objects read. The format itself nests 4 levels.
pub const MAX_DEPTH: usize = 8;

/// One saved scenario: its name, when it was saved, and the form's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The name the user gave it; unique within a list.
    pub name: String,
    /// When it was saved (ISO 8601 with a time zone, given by the app), or `""`.
    pub saved: String,
    /// The field texts as entered.
    pub inputs: RawScenario,
}

impl Saved {
    /// A scenario to save, checked as an import would check it (name, timestamp, each
    /// value), so a list the app stores always reads back. Missing fields are allowed.
    pub fn new(
        name: impl Into<String>,
        saved: impl Into<String>,
        inputs: RawScenario,
    ) -> Result<Saved, Vec<ImportProblem>> {
        let saved = Saved {
            name: name.into(),
            saved: saved.into(),
            inputs,
        };
        let mut reader = Reader::new(Mode::Import);
        reader.single = true;
        let at = EntryRef {
            index: 0,
            name: name_problem(&saved.name)
                .is_none()
                .then(|| saved.name.clone()),
        };
        reader.check_name(&at, &saved.name);
        reader.check_timestamp(&at, &saved.saved);
        let texts: Vec<(Field, String)> = saved
            .inputs
            .values
            .iter()
            .map(|(f, t)| (*f, t.clone()))
            .collect();
        let _ = reader.check_values(&at, texts);
        if reader.problems.is_empty() {
            Ok(saved)
        } else {
            Err(reader.problems)
        }
    }
}

/// The class of an [`ImportProblem`]; the module documentation lists each message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportProblemKind {
    /// More than [`MAX_BYTES`]; refused before parsing.
    TooLarge,
    /// Nothing but white space, or no scenarios in an import.
    Empty,
    /// Not JSON.
    NotJson,
    /// JSON that stops before its end (an unclosed string, array or object).
    Truncated,
    /// Nested deeper than [`MAX_DEPTH`]; refused before parsing.
    TooDeep,
    /// A JSON object or array where the other was expected, or a value where either was.
    Shape,
    /// `format` missing, not text, or not [`FORMAT_ID`].
    Format,
    /// `version` missing or not a whole number from 1.
    Version,
    /// `version` newer than [`EXCHANGE_VERSION`].
    FutureVersion,
    /// A key this version does not know (top level, entry, or an input key).
    UnknownKey,
    /// The same key twice in one object.
    RepeatedKey,
    /// A required key (`scenarios`, `name`, `inputs`) is absent.
    MissingKey,
    /// A value of the wrong JSON type (a number where text belongs, …).
    WrongType,
    /// An input text that is not a value of its field (out of range, not a choice).
    InvalidValue,
    /// An input text longer than [`MAX_VALUE_CHARS`].
    LongValue,
    /// A blank name.
    EmptyName,
    /// A name longer than [`MAX_NAME_CHARS`].
    LongName,
    /// A name with a line break, tab or other control character.
    ControlInName,
    /// A `saved` text that is not an ISO 8601 date and time with a time zone.
    BadTimestamp,
    /// A name used by an earlier entry (compared without surrounding spaces).
    DuplicateName,
    /// More than [`MAX_SCENARIOS`] entries.
    TooMany,
}

/// Which entry of `scenarios` a problem concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRef {
    /// Position in `scenarios`, from 0 (messages count from 1).
    pub index: usize,
    /// Its name, when it has one that reads as text.
    pub name: Option<String>,
}

impl EntryRef {
    /// "Scenario 2 \"name\"", or "Scenario 2" without a readable name.
    fn describe(&self) -> String {
        match &self.name {
            Some(name) => format!("Scenario {} \"{}\"", self.index + 1, shorten(name)),
            None => format!("Scenario {}", self.index + 1),
        }
    }
}

/// One problem found in a scenario document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Its class.
    pub kind: ImportProblemKind,
    /// The entry it concerns; `None` for the document as a whole.
    pub entry: Option<EntryRef>,
    /// The input field it concerns, when it concerns one.
    pub field: Option<Field>,
    /// The JSON key concerned, as written (shortened when long), when there is one.
    pub key: Option<String>,
    /// The complete message for the user.
    pub message: String,
}

/// What [`restore`] read: every entry it could keep, and what it reported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Restored {
    /// The entries kept, in stored order (repaired where the problems say so).
    pub saved: Vec<Saved>,
    /// Everything that was not read as written.
    pub problems: Vec<ImportProblem>,
}

impl Restored {
    /// Whether the list was written by a newer version of the aid: the app should not
    /// overwrite it with what this version read, which may be less.
    pub fn is_from_newer_version(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.kind == ImportProblemKind::FutureVersion)
    }
}

/// Reads an imported document strictly: every scenario, or every problem and nothing.
pub fn import(text: &str) -> Result<Vec<Saved>, Vec<ImportProblem>> {
    let read = read(text, Mode::Import);
    if read.problems.is_empty() {
        Ok(read.saved)
    } else {
        Err(read.problems)
    }
}

/// Reads the stored list, keeping every entry it can; never fails as a whole.
pub fn restore(text: &str) -> Restored {
    let read = read(text, Mode::Restore);
    Restored {
        saved: read.saved,
        problems: read.problems,
    }
}

/// Writes a list as a document: deterministic (inputs in form order), indented to be read.
pub fn encode_set(set: &[Saved]) -> String {
    let mut out = String::from("{\n  \"format\": ");
    push_json_string(&mut out, FORMAT_ID);
    out.push_str(",\n  \"version\": ");
    out.push_str(&EXCHANGE_VERSION.to_string());
    out.push_str(",\n  \"scenarios\": [");
    for (i, saved) in set.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str("    {\n      \"name\": ");
        push_json_string(&mut out, &saved.name);
        out.push_str(",\n      \"saved\": ");
        push_json_string(&mut out, &saved.saved);
        out.push_str(",\n      \"inputs\": {");
        let mut first = true;
        for field in FIELDS {
            let text = saved.inputs.get(field);
            if text.trim().is_empty() {
                continue;
            }
            out.push_str(if first { "\n" } else { ",\n" });
            first = false;
            out.push_str("        ");
            push_json_string(&mut out, field.key());
            out.push_str(": ");
            push_json_string(&mut out, text);
        }
        out.push_str(if first {
            "}\n    }"
        } else {
            "\n      }\n    }"
        });
    }
    out.push_str(if set.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

/// Writes one scenario as a document of its own.
pub fn encode_one(saved: &Saved) -> String {
    encode_set(std::slice::from_ref(saved))
}

/// A plain-text list of links: one line per scenario, its name, a tab, and `base` followed by
/// `?` and the scenario's query string ([`crate::query::to_query`]). Names hold no control
/// characters ([`Saved::new`]); any that slipped in are written as spaces, so each line stays
/// one scenario.
pub fn link_list(set: &[Saved], base: &str) -> String {
    let mut out = String::new();
    for saved in set {
        let name: String = saved
            .name
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        out.push_str(&name);
        out.push('\t');
        out.push_str(base);
        out.push('?');
        out.push_str(&crate::query::to_query(&saved.inputs));
        out.push('\n');
    }
    out
}

/// A short line for the saved list: the answer in a few words ("US labels · Blinatumomab preferred ·
/// Inotuzumab, Obecabtagene options · 2 not eligible · Pre-phase required"), or how many
/// fields stand in the way ("Incomplete: 3 fields to fix").
pub fn summary(raw: &RawScenario) -> String {
    let rec = match assess(raw) {
        Assessment::Valid(rec) => rec,
        Assessment::Invalid(problems) => {
            let mut fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
            fields.dedup();
            let count = FIELDS.iter().filter(|f| fields.contains(f)).count();
            let s = if count == 1 { "" } else { "s" };
            return format!("Incomplete: {count} field{s} to fix");
        }
    };
    // The region first: the same patient reads differently under the other labels.
    let mut parts: Vec<String> = vec![format!("{} labels", rec.scenario.region.name())];
    for (status, one, more) in [
        (Status::Preferred, "preferred", "preferred"),
        (Status::Option, "option", "options"),
        (Status::Caution, "with caution", "with caution"),
    ] {
        let names: Vec<&str> = rec
            .therapies
            .iter()
            .filter(|a| a.status == status)
            .map(|a| short_name(a.therapy))
            .collect();
        let word = if names.len() == 1 { one } else { more };
        if !names.is_empty() {
            parts.push(format!("{} {word}", names.join(", ")));
        }
    }
    let excluded = rec
        .therapies
        .iter()
        .filter(|a| a.status == Status::NotEligible)
        .count();
    if excluded == rec.therapies.len() {
        parts.push("No therapy eligible".to_string());
    } else if excluded > 0 {
        parts.push(format!("{excluded} not eligible"));
    }
    if !rec.conflicts.is_empty() {
        parts.push("Preferences conflict".to_string());
    }
    let asked = rec.open_questions();
    let tests = asked.len();
    if tests > 0 {
        parts.push(format!(
            "{tests} question{} still open",
            if tests == 1 { "" } else { "s" }
        ));
    }
    if let Some(prephase) = prephase_words(rec.debulking.level, rec.debulking.plan) {
        parts.push(prephase.to_string());
    }
    parts.join(" · ")
}

/// The pre-phase decision in a few words, or `None` where there is none to show (in CR, or
/// blinatumomab not eligible so the advice is for reference only).
pub fn prephase_words(level: DebulkingLevel, plan: Plan) -> Option<&'static str> {
    if plan == Plan::Reference {
        return None;
    }
    match level {
        DebulkingLevel::Required | DebulkingLevel::Recommended | DebulkingLevel::NotNeeded => {
            Some(level.label())
        }
        DebulkingLevel::Undetermined => Some("Pre-phase undecided"),
        DebulkingLevel::NotApplicable => None,
    }
}

/// The therapy's name without its class ("Inotuzumab", "Tisagenlecleucel").
pub fn short_name(therapy: Therapy) -> &'static str {
    let name = therapy.name();
    name.split(' ').next().unwrap_or(name)
}

/// `name` if no entry of `set` uses it (compared without surrounding spaces), else the first
/// free "name (2)", "name (3)", …: for adding imported scenarios to a stored list.
pub fn unique_name(set: &[Saved], name: &str) -> String {
    let taken = |candidate: &str| set.iter().any(|s| s.name.trim() == candidate.trim());
    if !taken(name) {
        return name.to_string();
    }
    // The suffix may take the name past MAX_NAME_CHARS; cut the name, not the number.
    let base: String = name.trim().chars().take(MAX_NAME_CHARS - 6).collect();
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// What [`merge`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Imported scenarios renamed because the list already used their name: (from, to).
    pub renamed: Vec<(String, String)>,
    /// Imported scenarios not added because the list holds [`MAX_SCENARIOS`].
    pub left_out: Vec<String>,
}

/// Adds imported scenarios to a stored list, renaming any whose name the list already uses
/// and stopping at [`MAX_SCENARIOS`].
pub fn merge(set: &mut Vec<Saved>, incoming: Vec<Saved>) -> Merged {
    let mut merged = Merged::default();
    for mut saved in incoming {
        if set.len() >= MAX_SCENARIOS {
            merged.left_out.push(saved.name);
            continue;
        }
        let name = unique_name(set, &saved.name);
        if name != saved.name {
            merged.renamed.push((saved.name.clone(), name.clone()));
            saved.name = name;
        }
        set.push(saved);
    }
    merged
}

// ---- Reading ----

/// Strict import or recovering restore: the same checks, different consequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Import,
    Restore,
}

impl Mode {
    fn what(self) -> &'static str {
        match self {
            Mode::Import => "The file",
            Mode::Restore => "The stored list",
        }
    }
}

/// What a restore does about a problem, appended to its message.
#[derive(Clone, Copy)]
enum Done {
    /// Nothing more to say (the document as a whole, or importing).
    Nothing,
    /// The entry was not kept.
    LeftOut,
    /// The key or value was not read.
    Ignored,
    /// The first value was kept.
    FirstKept,
    /// The text was kept for the form to show with its message.
    KeptForForm,
    /// The timestamp was cleared.
    Cleared,
}

struct Reader {
    mode: Mode,
    /// Checking one scenario being saved ([`Saved::new`]): messages name it, not its place.
    single: bool,
    problems: Vec<ImportProblem>,
}

struct Read {
    saved: Vec<Saved>,
    problems: Vec<ImportProblem>,
}

impl Reader {
    fn new(mode: Mode) -> Self {
        Reader {
            mode,
            single: false,
            problems: Vec::new(),
        }
    }

    /// A problem with the document as a whole.
    fn document(&mut self, kind: ImportProblemKind, key: Option<&str>, message: String) {
        self.problems.push(ImportProblem {
            kind,
            entry: None,
            field: None,
            key: key.map(shorten),
            message,
        });
    }

    /// A problem with an entry; `rest` follows "Scenario N \"name\": ".
    fn entry(
        &mut self,
        kind: ImportProblemKind,
        at: &EntryRef,
        field: Option<Field>,
        key: Option<&str>,
        rest: String,
        done: Done,
    ) {
        let mut message = match (&at.name, self.single) {
            (Some(name), true) => format!("\"{}\": {rest}", shorten(name)),
            (None, true) => format!("The scenario: {rest}"),
            (_, false) => format!("{}: {rest}", at.describe()),
        };
        if self.mode == Mode::Restore {
            let tail = match done {
                Done::Nothing => "",
                Done::LeftOut => " It was left out.",
                Done::Ignored => " It was ignored.",
                Done::FirstKept => " The first was kept.",
                Done::KeptForForm => " The text was kept; the form shows it to correct.",
                Done::Cleared => " It was cleared.",
            };
            message.push_str(tail);
        }
        self.problems.push(ImportProblem {
            kind,
            entry: (!self.single).then(|| at.clone()),
            field,
            key: key.map(shorten),
            message,
        });
    }

    fn check_name(&mut self, at: &EntryRef, name: &str) -> bool {
        let Some((kind, rest)) = name_problem(name) else {
            return true;
        };
        self.entry(kind, at, None, Some("name"), rest, Done::LeftOut);
        false
    }

    fn check_timestamp(&mut self, at: &EntryRef, saved: &str) -> bool {
        if saved.is_empty() || is_timestamp(saved) {
            return true;
        }
        self.entry(
            ImportProblemKind::BadTimestamp,
            at,
            None,
            Some("saved"),
            "\"saved\" is not a date and time in ISO 8601 form with a time zone, such as \
             2025-01-31T14:05:00Z."
                .to_string(),
            Done::Cleared,
        );
        false
    }

    /// Checks the texts of one entry (length, then each field's own validation) and returns
    /// the scenario to keep: over-long texts are dropped, invalid ones kept for the form.
    fn check_values(&mut self, at: &EntryRef, texts: Vec<(Field, String)>) -> RawScenario {
        let mut raw = RawScenario::new();
        for (field, text) in texts {
            if text.chars().count() > MAX_VALUE_CHARS {
                self.entry(
                    ImportProblemKind::LongValue,
                    at,
                    Some(field),
                    Some(field.key()),
                    format!(
                        "{}: the text is longer than {MAX_VALUE_CHARS} characters.",
                        field.label()
                    ),
                    Done::Ignored,
                );
                continue;
            }
            raw.set(field, text);
        }
        // The field's own rules, from validation: only problems of a value on its own. A
        // missing value is allowed (a saved case may be half-filled), and a contradiction
        // between fields is for the form to show, as it would for a link.
        if let Err(problems) = validate(&raw) {
            for p in problems
                .into_iter()
                .filter(|p| p.kind == ProblemKind::Invalid)
            {
                self.entry(
                    ImportProblemKind::InvalidValue,
                    at,
                    Some(p.field),
                    Some(p.field.key()),
                    p.message,
                    Done::KeptForForm,
                );
            }
        }
        raw
    }
}

/// What is wrong with a name, if anything: its kind and the message after the entry.
fn name_problem(name: &str) -> Option<(ImportProblemKind, String)> {
    if name.trim().is_empty() {
        Some((
            ImportProblemKind::EmptyName,
            "the name is empty.".to_string(),
        ))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some((
            ImportProblemKind::LongName,
            format!("the name is longer than {MAX_NAME_CHARS} characters."),
        ))
    } else if name.chars().any(char::is_control) {
        Some((
            ImportProblemKind::ControlInName,
            "the name contains a line break or another control character.".to_string(),
        ))
    } else {
        None
    }
}

fn read(text: &str, mode: Mode) -> Read {
    let mut reader = Reader::new(mode);
    let what = mode.what();
    let saved = read_into(&mut reader, text, what);
    Read {
        saved,
        problems: reader.problems,
    }
}

fn read_into(reader: &mut Reader, text: &str, what: &str) -> Vec<Saved> {
    use ImportProblemKind as K;
    if text.len() > MAX_BYTES {
        reader.document(
            K::TooLarge,
            None,
            format!(
                "{what} is {} bytes, more than the {} a scenario file may have.",
                crate::display::grouped(text.len() as f64),
                crate::display::grouped(MAX_BYTES as f64)
            ),
        );
        return Vec::new();
    }
    // Editors on some systems start a UTF-8 file with a byte-order mark; JSON has none.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        reader.document(K::Empty, None, format!("{what} is empty."));
        return Vec::new();
    }
    let scan = scan(text);
    if scan.too_deep {
        reader.document(
            K::TooDeep,
            None,
            format!(
                "{what} is nested more than {MAX_DEPTH} levels deep, which no scenario file is."
            ),
        );
        return Vec::new();
    }
    let Ok(root) = miniserde::json::from_str::<Json>(text) else {
        if cut_short(text, &scan) {
            reader.document(
                K::Truncated,
                None,
                format!("{what} ends too early: it looks cut short."),
            );
        } else {
            reader.document(
                K::NotJson,
                None,
                format!("{what} is not a scenario file of this aid: it is not valid JSON."),
            );
        }
        return Vec::new();
    };
    let Json::Object(members) = root else {
        reader.document(
            K::Shape,
            None,
            format!(
                "{what} is not a scenario file: it should be a JSON object with \"format\", \
                 \"version\" and \"scenarios\", not {}.",
                root.kind()
            ),
        );
        return Vec::new();
    };

    let mut format = None;
    let mut version = None;
    let mut scenarios = None;
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in &members {
        if seen.contains(&key.as_str()) {
            let first = if reader.mode == Mode::Restore {
                " The first was kept."
            } else {
                ""
            };
            reader.document(
                K::RepeatedKey,
                Some(key),
                format!(
                    "Key \"{}\" appears more than once at the top level.{first}",
                    shorten(key)
                ),
            );
            continue;
        }
        seen.push(key);
        match key.as_str() {
            "format" => format = Some(value),
            "version" => version = Some(value),
            "scenarios" => scenarios = Some(value),
            other => {
                let ignored = if reader.mode == Mode::Restore {
                    " It was ignored."
                } else {
                    ""
                };
                reader.document(
                    K::UnknownKey,
                    Some(other),
                    format!(
                        "Unknown key \"{}\" at the top level.{ignored}",
                        shorten(other)
                    ),
                );
            }
        }
    }

    match format {
        None => reader.document(
            K::Format,
            Some("format"),
            format!("{what} has no \"format\"; a scenario file of this aid has \"format\": \"{FORMAT_ID}\"."),
        ),
        Some(Json::Str(f)) if f == FORMAT_ID => {}
        Some(Json::Str(f)) => reader.document(
            K::Format,
            Some("format"),
            format!(
                "{what} is a \"{}\" file, not a scenario file of this aid (\"{FORMAT_ID}\").",
                shorten(f)
            ),
        ),
        Some(other) => reader.document(
            K::Format,
            Some("format"),
            format!(
                "\"format\" should be the text \"{FORMAT_ID}\", not {}.",
                other.kind()
            ),
        ),
    }

    match version {
        None => reader.document(
            K::Version,
            Some("version"),
            format!("{what} has no \"version\"."),
        ),
        Some(Json::Number(Some(v))) if *v == EXCHANGE_VERSION => {}
        Some(Json::Number(Some(v))) if *v > EXCHANGE_VERSION => {
            let done = if reader.mode == Mode::Restore {
                format!(" It was read as version {EXCHANGE_VERSION} where possible.")
            } else {
                " Open it with a newer version of this aid.".to_string()
            };
            reader.document(
                K::FutureVersion,
                Some("version"),
                format!(
                    "{what} was written by a newer version of this aid (format version {v}; \
                     this page reads version {EXCHANGE_VERSION}).{done}"
                ),
            );
        }
        Some(other) => {
            let found = match other {
                Json::Number(Some(0)) => "0".to_string(),
                Json::Number(_) => "a negative or fractional number".to_string(),
                other => other.kind().to_string(),
            };
            reader.document(
                K::Version,
                Some("version"),
                format!("\"version\" should be a whole number from 1, not {found}."),
            );
        }
    }

    let entries = match scenarios {
        None => {
            reader.document(
                K::MissingKey,
                Some("scenarios"),
                format!("{what} has no \"scenarios\"."),
            );
            return Vec::new();
        }
        Some(Json::Array(entries)) => entries,
        Some(other) => {
            reader.document(
                K::Shape,
                Some("scenarios"),
                format!(
                    "\"scenarios\" should be a list (JSON array) of scenarios, not {}.",
                    other.kind()
                ),
            );
            return Vec::new();
        }
    };
    if entries.is_empty() && reader.mode == Mode::Import {
        reader.document(K::Empty, None, format!("{what} holds no scenarios."));
    }
    if entries.len() > MAX_SCENARIOS {
        let done = if reader.mode == Mode::Restore {
            format!(" The first {MAX_SCENARIOS} were read.")
        } else {
            String::new()
        };
        reader.document(
            K::TooMany,
            Some("scenarios"),
            format!(
                "{what} holds {} scenarios, more than the {MAX_SCENARIOS} allowed.{done}",
                entries.len()
            ),
        );
    }

    let mut kept: Vec<Saved> = Vec::new();
    // (trimmed name, index) of each entry read so far, for repeated names.
    let mut names: Vec<(String, usize)> = Vec::new();
    for (index, entry) in entries.iter().take(MAX_SCENARIOS).enumerate() {
        let Some(mut saved) = read_entry(reader, index, entry) else {
            continue;
        };
        let trimmed = saved.name.trim().to_string();
        if let Some((_, first)) = names.iter().find(|(n, _)| *n == trimmed) {
            let at = EntryRef {
                index,
                name: Some(saved.name.clone()),
            };
            let first = first + 1;
            if reader.mode == Mode::Restore {
                let new_name = unique_name(&kept, &saved.name);
                reader.entry(
                    K::DuplicateName,
                    &at,
                    None,
                    Some("name"),
                    format!(
                        "the name is already used by scenario {first}. It was renamed \"{}\".",
                        shorten(&new_name)
                    ),
                    Done::Nothing,
                );
                saved.name = new_name;
            } else {
                reader.entry(
                    K::DuplicateName,
                    &at,
                    None,
                    Some("name"),
                    format!("the name is already used by scenario {first}; names must differ."),
                    Done::Nothing,
                );
            }
        }
        names.push((saved.name.trim().to_string(), index));
        kept.push(saved);
    }
    kept
}

/// Reads one entry; `None` when it is left out.
fn read_entry(reader: &mut Reader, index: usize, entry: &Json) -> Option<Saved> {
    use ImportProblemKind as K;
    let unnamed = EntryRef { index, name: None };
    let Json::Object(members) = entry else {
        reader.entry(
            K::Shape,
            &unnamed,
            None,
            None,
            format!(
                "should be a JSON object with \"name\", \"saved\" and \"inputs\", not {}.",
                entry.kind()
            ),
            Done::LeftOut,
        );
        return None;
    };
    // The name first, so every other message can name the entry.
    let name_value = members.iter().find(|(k, _)| k == "name").map(|(_, v)| v);
    // Messages name the entry only by a name that can be used.
    let at = match name_value {
        Some(Json::Str(name)) if name_problem(name).is_none() => EntryRef {
            index,
            name: Some(name.clone()),
        },
        _ => unnamed,
    };
    let usable = match name_value {
        None => {
            reader.entry(
                K::MissingKey,
                &at,
                None,
                Some("name"),
                "no \"name\".".to_string(),
                Done::LeftOut,
            );
            false
        }
        Some(Json::Str(name)) => reader.check_name(&at, name),
        Some(other) => {
            reader.entry(
                K::WrongType,
                &at,
                None,
                Some("name"),
                format!(
                    "\"name\" should be text (a JSON string), not {}.",
                    other.kind()
                ),
                Done::LeftOut,
            );
            false
        }
    };

    let mut saved_at = String::new();
    let mut inputs = None;
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in members {
        if seen.contains(&key.as_str()) {
            reader.entry(
                K::RepeatedKey,
                &at,
                None,
                Some(key),
                format!("key \"{}\" appears more than once.", shorten(key)),
                Done::FirstKept,
            );
            continue;
        }
        seen.push(key);
        match key.as_str() {
            "name" => {}
            "saved" => match value {
                Json::Str(s) => {
                    if reader.check_timestamp(&at, s) {
                        saved_at = s.clone();
                    }
                }
                other => reader.entry(
                    K::WrongType,
                    &at,
                    None,
                    Some("saved"),
                    format!(
                        "\"saved\" should be text (a JSON string), not {}.",
                        other.kind()
                    ),
                    Done::Ignored,
                ),
            },
            "inputs" => inputs = Some(value),
            other => reader.entry(
                K::UnknownKey,
                &at,
                None,
                Some(other),
                format!("unknown key \"{}\".", shorten(other)),
                Done::Ignored,
            ),
        }
    }

    let texts = match inputs {
        None => {
            reader.entry(
                K::MissingKey,
                &at,
                None,
                Some("inputs"),
                "no \"inputs\".".to_string(),
                Done::LeftOut,
            );
            return None;
        }
        Some(Json::Object(inputs)) => read_inputs(reader, &at, inputs),
        Some(other) => {
            reader.entry(
                K::Shape,
                &at,
                None,
                Some("inputs"),
                format!(
                    "\"inputs\" should be a JSON object of field keys and texts, not {}.",
                    other.kind()
                ),
                Done::LeftOut,
            );
            return None;
        }
    };
    let raw = reader.check_values(&at, texts);
    if !usable {
        return None;
    }
    let name = match name_value {
        Some(Json::Str(name)) => name.clone(),
        _ => return None,
    };
    Some(Saved {
        name,
        saved: saved_at,
        inputs: raw,
    })
}

/// Reads the `inputs` object: each key a field, each value text, each key once.
fn read_inputs(
    reader: &mut Reader,
    at: &EntryRef,
    inputs: &[(String, Json)],
) -> Vec<(Field, String)> {
    use ImportProblemKind as K;
    let mut texts: Vec<(Field, String)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in inputs {
        let field = Field::from_key(key);
        if seen.contains(&key.as_str()) {
            let named = match field {
                Some(f) => format!("{} (\"{key}\")", f.label()),
                None => format!("\"{}\"", shorten(key)),
            };
            reader.entry(
                K::RepeatedKey,
                at,
                field,
                Some(key),
                format!("{named} appears more than once in \"inputs\"."),
                Done::FirstKept,
            );
            continue;
        }
        seen.push(key);
        let Some(field) = field else {
            reader.entry(
                K::UnknownKey,
                at,
                None,
                Some(key),
                format!(
                    "\"{}\" in \"inputs\" is not a field of this aid.",
                    shorten(key)
                ),
                Done::Ignored,
            );
            continue;
        };
        match value {
            Json::Str(text) => texts.push((field, text.clone())),
            other => reader.entry(
                K::WrongType,
                at,
                Some(field),
                Some(key),
                format!(
                    "{} (\"{key}\") should be text (a JSON string), not {}.",
                    field.label(),
                    other.kind()
                ),
                Done::Ignored,
            ),
        }
    }
    texts
}

// ---- JSON, read through miniserde into a tree that keeps every key ----

/// A JSON value as written: object members in order, repeated keys included. Numbers keep
/// only what the format needs (a whole number from 0), so no float is ever formatted.
enum Json {
    Null,
    Bool,
    /// `Some` for a whole number ≥ 0 that fits in `u64`; `None` for any other number.
    Number(Option<u64>),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value this is, for messages ("a number").
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool => "true or false",
            Json::Number(_) => "a number",
            Json::Str(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

make_place!(Place);

impl Deserialize for Json {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}

impl Visitor for Place<Json> {
    fn null(&mut self) -> miniserde::Result<()> {
        self.out = Some(Json::Null);
        Ok(())
    }

    fn boolean(&mut self, _: bool) -> miniserde::Result<()> {
        self.out = Some(Json::Bool);
        Ok(())
    }

    fn string(&mut self, s: &str) -> miniserde::Result<()> {
        self.out = Some(Json::Str(s.to_owned()));
        Ok(())
    }

    fn negative(&mut self, _: i64) -> miniserde::Result<()> {
        self.out = Some(Json::Number(None));
        Ok(())
    }

    fn nonnegative(&mut self, n: u64) -> miniserde::Result<()> {
        self.out = Some(Json::Number(Some(n)));
        Ok(())
    }

    fn float(&mut self, _: f64) -> miniserde::Result<()> {
        self.out = Some(Json::Number(None));
        Ok(())
    }

    fn seq(&mut self) -> miniserde::Result<Box<dyn Seq + '_>> {
        Ok(Box::new(ArrayBuilder {
            out: &mut self.out,
            items: Vec::new(),
            element: None,
        }))
    }

    fn map(&mut self) -> miniserde::Result<Box<dyn Map + '_>> {
        Ok(Box::new(ObjectBuilder {
            out: &mut self.out,
            members: Vec::new(),
            key: None,
            value: None,
        }))
    }
}

struct ArrayBuilder<'a> {
    out: &'a mut Option<Json>,
    items: Vec<Json>,
    element: Option<Json>,
}

impl Seq for ArrayBuilder<'_> {
    fn element(&mut self) -> miniserde::Result<&mut dyn Visitor> {
        if let Some(e) = self.element.take() {
            self.items.push(e);
        }
        Ok(Json::begin(&mut self.element))
    }

    fn finish(&mut self) -> miniserde::Result<()> {
        if let Some(e) = self.element.take() {
            self.items.push(e);
        }
        *self.out = Some(Json::Array(std::mem::take(&mut self.items)));
        Ok(())
    }
}

struct ObjectBuilder<'a> {
    out: &'a mut Option<Json>,
    members: Vec<(String, Json)>,
    key: Option<String>,
    value: Option<Json>,
}

impl ObjectBuilder<'_> {
    fn shift(&mut self) {
        if let (Some(k), Some(v)) = (self.key.take(), self.value.take()) {
            self.members.push((k, v));
        }
    }
}

impl Map for ObjectBuilder<'_> {
    fn key(&mut self, k: &str) -> miniserde::Result<&mut dyn Visitor> {
        self.shift();
        self.key = Some(k.to_owned());
        Ok(Json::begin(&mut self.value))
    }

    fn finish(&mut self) -> miniserde::Result<()> {
        self.shift();
        *self.out = Some(Json::Object(std::mem::take(&mut self.members)));
        Ok(())
    }
}

/// What one pass over the text finds before parsing.
struct Scan {
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    too_deep: bool,
    /// The text ends inside a string.
    in_string: bool,
    /// The arrays (`[`) and objects (`{`) still open at the end, outermost first.
    open: Vec<u8>,
}

/// Tracks strings and brackets in one pass, so deep nesting is refused before the parser
/// allocates a level for each bracket, and a parse failure can tell "cut short" apart.
fn scan(text: &str) -> Scan {
    let mut open = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                open.push(b);
                if open.len() > MAX_DEPTH {
                    return Scan {
                        too_deep: true,
                        in_string,
                        open,
                    };
                }
            }
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    Scan {
        too_deep: false,
        in_string,
        open,
    }
}

/// Whether text that does not parse is the beginning of a document that would: closing its
/// open string, value, arrays and objects makes it JSON. A stray quote or bracket elsewhere
/// does not pass, so "cut short" is said only of what was cut short.
fn cut_short(text: &str, scan: &Scan) -> bool {
    if !scan.in_string && scan.open.is_empty() {
        return false;
    }
    let closers: String = scan
        .open
        .iter()
        .rev()
        .map(|b| if *b == b'{' { '}' } else { ']' })
        .collect();
    let mut base = text.to_string();
    if scan.in_string {
        base.push('"');
    }
    let base = base.trim_end().trim_end_matches(',');
    // After a key, after a colon or an array's comma, or after a complete value.
    ["", "null", ":null"]
        .iter()
        .any(|fill| miniserde::json::from_str::<Json>(&format!("{base}{fill}{closers}")).is_ok())
}

/// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, the
/// rest as it is (JSON is UTF-8).
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let n = c as u32;
                out.push_str("\\u00");
                out.push(char::from_digit(n >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(n & 0xf, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A text cut to a readable length for a message, control characters shown as spaces, so
/// a key or name of any size cannot flood the page.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut out: String = text
        .chars()
        .take(MAX_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(MAX_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Whether `s` is an ISO 8601 date and time with a time zone:
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`, every part in range (leap years included).
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute)) =
        (num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2))
    else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':')) {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 {
        return false;
    }
    let mut i = 16;
    if at(i, b':') {
        match num(i + 1, 2) {
            Some(second) if second <= 59 => i += 3,
            _ => return false,
        }
        if at(i, b'.') {
            let digits = b.get(i + 1..).map_or(0, |rest| {
                rest.iter().take_while(|d| d.is_ascii_digit()).count()
            });
            if digits == 0 || digits > 9 {
                return false;
            }
            i += 1 + digits;
        }
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            matches!((num(i + 1, 2), num(i + 4, 2)), (Some(h), Some(m)) if h <= 23 && m <= 59)
                && at(i + 3, b':')
                && i + 6 == b.len()
        }
        _ => false,
    }
}
