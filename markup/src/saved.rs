//! The saved list's rows: select for comparison, name (or the rename form), date, the answer
//! in a line, and the row's buttons, each naming what it does in `data-row-do`. A row's key
//! is its name, which the list keeps unique.

use std::borrow::Cow;
use std::collections::BTreeSet;

use engine::exchange::{self, Saved};

use crate::{Part, Writer};

/// The rows of `list`: those at `selected` checked, the one at `renaming` as a rename form.
pub fn saved_rows(list: &[Saved], selected: &[usize], renaming: Option<usize>) -> Vec<Part> {
    let open = BTreeSet::new();
    let mut w = Writer::new(&open);
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            w.saved_row(s, selected.contains(&i), renaming == Some(i));
            Part {
                key: Cow::Owned(s.name.clone()),
                html: std::mem::take(&mut w.out),
            }
        })
        .collect()
}

impl Writer<'_> {
    fn saved_row(&mut self, s: &Saved, selected: bool, renaming: bool) {
        self.raw("<li");
        self.attr("data-saved", &s.name);
        self.raw("><input type=\"checkbox\"");
        self.attr(
            "aria-label",
            &format!("Select \u{201c}{}\u{201d} to compare", s.name),
        );
        if selected {
            self.raw(" checked");
        }
        self.raw("><div class=\"saved-main\">");
        if renaming {
            self.raw(
                "<form class=\"rename\"><label class=\"visually-hidden\" for=\"rename-name\">\
                 New name</label><input id=\"rename-name\" maxlength=\"100\"",
            );
            self.attr("value", &s.name);
            self.raw("><button type=\"submit\">Rename</button></form>");
        } else {
            self.raw("<strong class=\"saved-name\">");
            self.text(&s.name);
            self.raw("</strong>");
        }
        self.raw("<small> ");
        self.text(&s.saved.get(..16).unwrap_or(&s.saved).replace('T', " "));
        self.raw("</small><p class=\"saved-summary\">");
        self.text(&exchange::summary(&s.inputs));
        self.raw("</p></div><div class=\"saved-buttons\">");
        for (what, words) in [
            ("open", "Open"),
            ("rename", "Rename"),
            ("duplicate", "Duplicate"),
            ("delete", "Delete"),
        ] {
            self.raw("<button type=\"button\"");
            self.attr("data-row-do", what);
            self.raw(">");
            self.raw(words);
            self.raw("</button>");
        }
        self.raw("</div></li>");
    }
}
