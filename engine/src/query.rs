//! The URL format: a scenario as a query string with short, readable keys and a version.
//!
//! `v=1&age=34&set=r2&bm=62&cd19=pos`. Keys are [`Field::key`]s plus `v`. Parsing never
//! drops a value silently: each ignored key or value comes back as a [`QueryIssue`].
//!
//! A comparison link carries 2–4 named scenarios, each as its own query string inside one
//! value ([`to_compare_query`], [`parse_compare_query`]).
//!
//! Values are carried as the texts the user typed, not as parsed values: judging them is
//! [`crate::validate::validate`]'s job, and a link must reproduce the form exactly, including
//! a value the user has not finished correcting.

use serde::Serialize;

use crate::fields::{Field, FIELDS};
use crate::scenario::{RawScenario, FORMAT_VERSION};

/// The key that carries the format version.
pub const VERSION_KEY: &str = "v";

/// The longest query string [`parse_query`] reads, in bytes (the query is percent-encoded,
/// so bytes and characters are the same). A link with every field filled is well under 1 KB;
/// a longer one is not a scenario this page made, and reading it key by key (each checked
/// against those seen, each ignored key listed on the page) would cost time and memory that
/// grow with it.
pub const MAX_QUERY_LEN: usize = 8 * 1024;

/// How the one issue of a link over [`MAX_QUERY_LEN`] begins.
const TOO_LONG: &str = "This link is too long to be a scenario of this page";

/// Whether `issues` say the whole link was refused for its length, so that nothing of it,
/// not even the keys without an issue, was read.
pub fn refused_whole(issues: &[QueryIssue]) -> bool {
    matches!(issues, [only] if only.key.is_empty() && only.value.is_empty() && only.message.starts_with(TOO_LONG))
}

/// Version 1's key for "resistant or intolerant to ≥ 1 second-generation TKI" (yes/no/unk),
/// replaced in version 2 by the number of TKIs failed (`tkis`).
const V1_TKI_KEY: &str = "tki";

/// A key or value of a query string that was ignored or read with a caveat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueryIssue {
    /// The key as it appeared.
    pub key: String,
    /// The value as it appeared.
    pub value: String,
    /// What was done with it and why.
    pub message: String,
}

/// Reads a query string (with or without the leading `?`).
///
/// Percent-encoding and `+` for space are decoded as in HTML forms; invalid escapes are kept
/// as literal text and invalid UTF-8 becomes U+FFFD, so any input is read without panicking.
/// The result is always in the current [`FORMAT_VERSION`]: a link from another version is
/// read key by key as far as the keys still mean the same, with an issue saying so.
///
/// What is reported: a missing or different version, an unknown key, a repeated key (the
/// first occurrence is kept, even if it was empty) and a value of only spaces. An empty value
/// (`bm=`) simply means "not given" and is dropped without an issue. A value that is not
/// valid for its field (`set=xyz`, `age=abc`) is kept, without an issue, because validation
/// reports it against the field where the user can see and fix it.
///
/// A query longer than [`MAX_QUERY_LEN`] is not read at all: the result is an empty scenario
/// and one issue, with an empty key and value, that says why.
pub fn parse_query(query: &str) -> (RawScenario, Vec<QueryIssue>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut raw = RawScenario::new();
    let mut issues = Vec::new();
    if query.is_empty() {
        return (raw, issues);
    }
    if query.len() > MAX_QUERY_LEN {
        issues.push(QueryIssue {
            key: String::new(),
            value: String::new(),
            message: format!(
                "{TOO_LONG} ({} characters; at most {MAX_QUERY_LEN} are read), so none of it \
                 was used: the form starts empty.",
                query.len()
            ),
        });
        return (raw, issues);
    }

    let mut seen: Vec<String> = Vec::new();
    let mut version: Option<String> = None;
    // The version decides how some keys are read, wherever `v` stands in the link.
    let is_v1 = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == VERSION_KEY)
        .is_some_and(|(_, v)| v == "1");
    let mut v1_notes: Vec<String> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (key, value) = (key.into_owned(), value.into_owned());
        if repeated(&mut seen, &key) {
            issues.push(repeated_issue(key, value));
            continue;
        }
        if key == VERSION_KEY {
            version = Some(value);
            continue;
        }
        if is_v1 && key == V1_TKI_KEY {
            // Version 1 asked yes/no for "≥ 1 second-generation TKI failed"; version 2 asks
            // how many TKIs failed. "Yes" is at least one, so it is read as one and said so.
            match value.trim() {
                "yes" => {
                    raw.set(Field::TkisFailed, "1");
                    v1_notes.push(
                        "\"Resistant or intolerant to ≥ 1 second-generation TKI: Yes\" is read as \
                         1 TKI failed; if 2 or more have failed, change it (the EU blinatumomab \
                         label needs 2)."
                            .to_string(),
                    );
                }
                "no" => raw.set(Field::TkisFailed, "0"),
                "" | "unk" => {}
                other => issues.push(QueryIssue {
                    key: key.clone(),
                    value: other.to_string(),
                    message: format!("The version 1 value \"{other}\" of \"{key}\" is not yes, no or unk, and was ignored."),
                }),
            }
            continue;
        }
        let Some(field) = Field::from_key(&key) else {
            issues.push(QueryIssue {
                message: format!("Unknown key \"{key}\" was ignored."),
                key,
                value,
            });
            continue;
        };
        if value.is_empty() {
            continue;
        }
        if value.trim().is_empty() {
            issues.push(QueryIssue {
                message: format!(
                    "The value of \"{key}\" ({}) is only spaces and was ignored.",
                    field.label()
                ),
                key,
                value,
            });
            continue;
        }
        raw.set(field, value);
    }

    let current = FORMAT_VERSION.to_string();
    let version_issue = match version {
        Some(v) if v == current => None,
        Some(v) if v == "1" => {
            let mut message = format!(
                "This link was made by version 1 of this page and was read as version {current}. \
                 New in version {current}: whose labels apply (US unless changed), which CR \
                 (MRD setting), the response to re-induction (first relapse), the number of \
                 TKIs failed and the creatinine clearance unit; \"ongoing liver disease\" now \
                 means serious ongoing liver disease. Check them."
            );
            for note in &v1_notes {
                message.push(' ');
                message.push_str(note);
            }
            Some(QueryIssue {
                key: VERSION_KEY.to_string(),
                value: v,
                message,
            })
        }
        Some(v) if !v.is_empty() => Some(QueryIssue {
            key: VERSION_KEY.to_string(),
            message: format!(
                "The link was made by a different version of this page (v={v}); \
                 its values were read as version {current} where possible."
            ),
            value: v,
        }),
        _ => Some(QueryIssue {
            key: VERSION_KEY.to_string(),
            value: version.unwrap_or_default(),
            message: format!("The link has no version (v); it was read as version {current}."),
        }),
    };
    // The version concerns the whole link, so its issue comes first.
    if let Some(issue) = version_issue {
        issues.insert(0, issue);
    }
    (raw, issues)
}

/// Writes `raw` as a query string (without `?`), fields in form order, version first.
///
/// Texts are written exactly as stored (`62,5` stays `62,5`, surrounding spaces included),
/// so [`parse_query`] gives back the same [`RawScenario`]. The version written is always
/// [`FORMAT_VERSION`]: `raw`'s texts are the current form's texts, whatever link they came
/// from. Blank texts, which [`RawScenario::set`] never stores, are left out.
pub fn to_query(raw: &RawScenario) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair(VERSION_KEY, &FORMAT_VERSION.to_string());
    for field in FIELDS {
        let text = raw.get(field);
        if !text.trim().is_empty() {
            out.append_pair(field.key(), text);
        }
    }
    out.finish()
}

/// Whether `key` was seen before in this query; remembers it otherwise.
fn repeated(seen: &mut Vec<String>, key: &str) -> bool {
    if seen.iter().any(|k| k == key) {
        return true;
    }
    seen.push(key.to_string());
    false
}

/// The issue of a key given twice: the first value counts.
fn repeated_issue(key: String, value: String) -> QueryIssue {
    QueryIssue {
        message: format!("Repeated key \"{key}\": the first value was kept and this one ignored."),
        key,
        value,
    }
}

/// The key of a comparison link; its value is the comparison link's format version.
pub const COMPARE_KEY: &str = "cmp";

/// The version of the comparison link format. Each scenario inside carries its own `v`.
pub const COMPARE_VERSION: u32 = 1;

/// 2–4 named scenarios read from a comparison link, and what was not read as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareLink {
    /// Each scenario's name and texts, in the link's order.
    pub scenarios: Vec<(String, RawScenario)>,
    /// Keys and values ignored or read with a caveat, the link's own first, then each
    /// scenario's (their messages start with the scenario's name).
    pub issues: Vec<QueryIssue>,
}

/// Whether `query` is a comparison link (it has [`COMPARE_KEY`]) rather than one scenario.
pub fn is_compare_query(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == COMPARE_KEY)
}

/// Writes 2–4 named scenarios as one query string (without `?`):
/// `cmp=1&n1=<name>&s1=<query>&n2=…`, where each `s` is the scenario's own [`to_query`]
/// percent-encoded as a value. Refuses fewer than 2 or more than 4 with a message.
pub fn to_compare_query(scenarios: &[(&str, &RawScenario)]) -> Result<String, String> {
    if let Some(message) = crate::compare::count_problem(scenarios.len()) {
        return Err(message);
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair(COMPARE_KEY, &COMPARE_VERSION.to_string());
    for (i, (name, raw)) in scenarios.iter().enumerate() {
        let n = i + 1;
        out.append_pair(&format!("n{n}"), name);
        out.append_pair(&format!("s{n}"), &to_query(raw));
    }
    Ok(out.finish())
}

/// Reads a comparison link written by [`to_compare_query`].
///
/// Scenarios are numbered by their keys (`n1`/`s1`, `n2`/`s2`, …) and kept in that order.
/// Refused with a message: fewer than 2 or more than 4 scenarios. Reported and read anyway:
/// a missing or different `cmp` version, unknown or repeated keys (the first is kept), a
/// scenario without a name (named "Scenario N") or with a name too long or with control
/// characters (cut, or spaces), a name without its scenario (read as empty), and every
/// issue of each scenario's own query ([`parse_query`]).
pub fn parse_compare_query(query: &str) -> Result<CompareLink, String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut issues = Vec::new();
    let mut version: Option<String> = None;
    let mut seen: Vec<String> = Vec::new();
    // Slot number → (name, scenario query), in ascending order.
    let mut slots: std::collections::BTreeMap<u32, (Option<String>, Option<String>)> =
        std::collections::BTreeMap::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (key, value) = (key.into_owned(), value.into_owned());
        if repeated(&mut seen, &key) {
            issues.push(repeated_issue(key, value));
            continue;
        }
        if key == COMPARE_KEY {
            version = Some(value);
            continue;
        }
        let slot = key
            .get(1..)
            .filter(|d| {
                (1..=2).contains(&d.len())
                    && !d.starts_with('0')
                    && d.bytes().all(|b| b.is_ascii_digit())
            })
            .and_then(|d| d.parse::<u32>().ok());
        match (key.get(..1), slot) {
            (Some("n"), Some(n)) => slots.entry(n).or_default().0 = Some(value),
            (Some("s"), Some(n)) => slots.entry(n).or_default().1 = Some(value),
            _ => issues.push(QueryIssue {
                message: format!("Unknown key \"{key}\" was ignored."),
                key,
                value,
            }),
        }
    }
    if let Some(message) = crate::compare::count_problem(slots.len()) {
        return Err(message);
    }
    match version {
        Some(v) if v == COMPARE_VERSION.to_string() => {}
        Some(v) => issues.insert(
            0,
            QueryIssue {
                key: COMPARE_KEY.to_string(),
                message: format!(
                    "The comparison link was made by a different version of this page \
                     ({COMPARE_KEY}={v}); it was read as version {COMPARE_VERSION} where possible."
                ),
                value: v,
            },
        ),
        None => issues.insert(
            0,
            QueryIssue {
                key: COMPARE_KEY.to_string(),
                value: String::new(),
                message: format!(
                    "The comparison link has no version ({COMPARE_KEY}); it was read as \
                     version {COMPARE_VERSION}."
                ),
            },
        ),
    }

    let max_chars = crate::exchange::MAX_NAME_CHARS;
    let mut scenarios = Vec::new();
    for (n, (name, scenario)) in slots {
        let name = match name {
            Some(name) if !name.trim().is_empty() => {
                let clean: String = name
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .take(max_chars)
                    .collect();
                if name.chars().count() > max_chars {
                    issues.push(QueryIssue {
                        key: format!("n{n}"),
                        value: name.clone(),
                        message: format!(
                            "The name of scenario {n} is longer than {max_chars} characters and was cut."
                        ),
                    });
                }
                clean
            }
            _ => format!("Scenario {n}"),
        };
        let raw = match scenario {
            Some(scenario) => {
                let (raw, inner) = parse_query(&scenario);
                issues.extend(inner.into_iter().map(|issue| QueryIssue {
                    message: format!("{name}: {}", issue.message),
                    ..issue
                }));
                raw
            }
            None => {
                issues.push(QueryIssue {
                    key: format!("s{n}"),
                    value: String::new(),
                    message: format!("{name}: the link holds no values for it; it is empty."),
                });
                RawScenario::new()
            }
        };
        scenarios.push((name, raw));
    }
    Ok(CompareLink { scenarios, issues })
}
