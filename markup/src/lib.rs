//! The answer and the form as HTML, written by plain Rust.
//!
//! The live page draws the engine's answer (cards, reasons, citations, conflicts, dosing)
//! from the strings written here rather than from typed views: a typed view compiles to code
//! for every element it may build and rebuild, and the answer's views were a third of the
//! first visit's bytes. The app patches a part of the page only where its string changed,
//! so an unchanged card keeps its elements.
//!
//! Every text and attribute value goes through [`esc`]: nothing from the engine or the user
//! is ever read as markup. Folded details keep their state through a key ([`Writer::key`])
//! that names what they show, not where they are.

mod answer;
mod citations;
mod comparison;
mod controls;
mod dosing;
mod form;
mod path;
mod saved;
pub mod tree;

pub use answer::{answer, Answer};
pub use citations::{citation_body, quote_html, Cite};
pub use comparison::comparison;
pub use controls::Action;
pub use form::{form_groups, input_id};
pub use path::{trace_list, PATH_KEY};
pub use saved::saved_rows;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Text made safe for HTML content and attribute values (double- or single-quoted).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`esc`] does.
fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// One part of the answer: one element, and a key naming what it is ("notes", a therapy's
/// slug), so a part that comes or goes leaves the others in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What the part is, unique among its neighbours.
    pub key: Cow<'static, str>,
    /// Its markup.
    pub html: String,
}

/// Writes markup for one answer: the HTML, the details that are open, and the citations
/// whose expansions are built when opened.
pub struct Writer<'a> {
    out: String,
    open: &'a BTreeSet<String>,
    keys: BTreeSet<String>,
    cites: BTreeMap<String, Cite>,
    actions: Vec<Action>,
    /// What the details written now belong to ("blinatumomab", "schedule").
    scope: &'static str,
}

impl<'a> Writer<'a> {
    /// A writer for an answer in which the details named by `open` are open.
    pub fn new(open: &'a BTreeSet<String>) -> Self {
        Writer {
            out: String::new(),
            open,
            keys: BTreeSet::new(),
            cites: BTreeMap::new(),
            actions: Vec::new(),
            scope: "",
        }
    }

    /// Markup written by the caller, never text from a source or the user.
    fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Text, escaped.
    fn text(&mut self, text: &str) {
        push_escaped(&mut self.out, text);
    }

    /// ` name="value"`, the value escaped.
    fn attr(&mut self, name: &str, value: &str) {
        self.raw(" ");
        self.raw(name);
        self.raw("=\"");
        self.text(value);
        self.raw("\"");
    }

    /// The markup written since the last call: one part of the page, named `key`.
    fn take(&mut self, key: &'static str) -> Part {
        Part {
            key: Cow::Borrowed(key),
            html: std::mem::take(&mut self.out),
        }
    }

    /// A details element's key: what it shows in this scope (`blinatumomab/E-CD19/S1`), made
    /// unique in the answer. A new answer keeps a details open when it still shows the same
    /// thing, wherever it has moved.
    fn key(&mut self, what: &[&str]) -> String {
        let mut key = self.scope.to_string();
        for part in what {
            key.push('/');
            key.push_str(part);
        }
        let mut unique = key.clone();
        let mut n = 1;
        while self.keys.contains(&unique) {
            n += 1;
            unique = format!("{key}~{n}");
        }
        self.keys.insert(unique.clone());
        unique
    }

    /// Opens a `<details>` with its key, and `open` when it was open in the last answer.
    /// Returns whether it is open.
    fn details(&mut self, class: &str, key: &str, extra: &[(&str, &str)]) -> bool {
        self.raw("<details");
        self.attr("class", class);
        for (name, value) in extra {
            self.attr(name, value);
        }
        self.attr("data-k", key);
        let open = self.open.contains(key);
        if open {
            self.raw(" open");
        }
        self.raw(">");
        open
    }
}
