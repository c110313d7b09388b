//! Citation chips that expand to the source's title, document and quotes, and the links to
//! the trial data a reason quotes. A folded chip holds only its key: its expansion is written
//! when it is opened, from the [`Cite`] the answer keeps for it.

use engine::evidence::{Citation, SourceKey, TrialLink};
use engine::readable::{readable, Style};

use crate::{push_escaped, Writer};

/// What one chip cites: a source and the quotes or facts taken from it here, each with
/// whether it is verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Cite {
    /// The source.
    pub source: SourceKey,
    /// Its quotes or facts, in first-cited order, each once.
    pub quotes: Vec<(&'static str, bool)>,
}

/// A quote with its LaTeX and markdown shown readable (≥, µ, superscripts, bold, italic),
/// escaped: the verbatim text stays what the tests check, and nothing in it is markup.
pub fn quote_html(quote: &str) -> String {
    let mut out = String::new();
    for span in readable(quote) {
        let tag = match span.style {
            Style::Plain => "",
            Style::Bold => "strong",
            Style::Italic => "em",
            Style::Sup => "sup",
            Style::Sub => "sub",
        };
        if !tag.is_empty() {
            out.push('<');
            out.push_str(tag);
            out.push('>');
        }
        push_escaped(&mut out, &span.text);
        if !tag.is_empty() {
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
    out
}

/// What a chip expands to: the source's title, its document (publisher, date, a link the
/// user may follow; nothing is fetched), each quote or fact, and the date it was checked.
pub fn citation_body(cite: &Cite) -> String {
    let source = cite.source;
    let mut out = String::from("<div class=\"citation-body\"><p class=\"citation-title\">");
    push_escaped(&mut out, source.title());
    out.push_str("</p>");
    if let Some(d) = source.document() {
        out.push_str("<p class=\"citation-doc\">");
        push_escaped(&mut out, d.publisher);
        if !d.date.is_empty() {
            out.push_str(", ");
            push_escaped(&mut out, d.date);
        }
        out.push_str(". <a href=\"");
        if !d.address.starts_with("http") {
            out.push_str("https://");
        }
        push_escaped(&mut out, d.address);
        out.push_str("\" rel=\"external noopener noreferrer\" target=\"_blank\">");
        push_escaped(&mut out, d.address);
        out.push_str("</a><span class=\"visually-hidden\"> (external site)</span></p>");
        if d.secondary {
            out.push_str(
                "<p class=\"citation-caveat\">Secondary source reproducing the label: \
                 verify against the current label.</p>",
            );
        }
    }
    for &(quote, verbatim) in &cite.quotes {
        if verbatim {
            out.push_str("<blockquote>");
            out.push_str(&quote_html(quote));
            out.push_str("</blockquote>");
        } else {
            out.push_str("<p class=\"citation-fact\">Label fact: ");
            push_escaped(&mut out, quote);
            out.push_str("</p>");
        }
    }
    out.push_str("<p class=\"citation-checked\">Checked ");
    push_escaped(&mut out, source.checked());
    out.push_str("</p></div>");
    out
}

impl Writer<'_> {
    /// A row of chips, one per source in first-cited order (two quotes from one source read
    /// as one chip), then a "Trial data" link to each evidence row in `trials`. `item` names
    /// what cites them (a rule, a drug) in the chips' keys.
    pub(crate) fn citations(
        &mut self,
        item: &str,
        citations: &'static [Citation],
        trials: &[&'static TrialLink],
    ) {
        let mut grouped: Vec<Cite> = Vec::new();
        for c in citations {
            let quote = (c.quote, c.verbatim);
            match grouped.iter_mut().find(|g| g.source == c.source) {
                Some(g) => {
                    if !g.quotes.contains(&quote) {
                        g.quotes.push(quote);
                    }
                }
                None => grouped.push(Cite {
                    source: c.source,
                    quotes: vec![quote],
                }),
            }
        }
        self.raw("<span class=\"citations\">");
        for cite in grouped {
            let name = cite.source.as_str();
            let key = self.key(&[item, name]);
            let open = self.details("citation", &key, &[("data-source", name)]);
            self.raw("<summary><span class=\"visually-hidden\">Source </span>");
            self.text(name);
            self.raw("</summary>");
            if open {
                self.raw(&citation_body(&cite));
            }
            self.raw("</details>");
            self.cites.insert(key, cite);
        }
        for row in trials {
            self.raw("<a class=\"trial-link\"");
            self.attr("href", &format!("evidence.html#trial-{}", row.id));
            self.attr("data-trial-link", row.id);
            self.raw(">Trial data<span class=\"visually-hidden\"> (");
            self.text(row.trial);
            self.raw(")</span></a>");
        }
        self.raw("</span>");
    }
}
