//! Every quote the engine shows is verbatim in its source.
//!
//! A clinician reads a quote as the source's own words, so a paraphrase or a slip in a quote
//! would be a false citation. This test reads the engine's own source files, finds every
//! `cite(S0…S4, "…")` and every `label_quote(&DOC_…, "…")`, and checks the quote against
//! `sources/Sx.txt` or `sources/label-excerpts.md`, after folding each run of whitespace to
//! one space on both sides (the papers' line breaks are not part of the words). Label facts in
//! the aid's own words, `fact(&DOC_…, "…")`, are not checked: they cite a document instead.
//! A `cite(L, …)` is an error: label facts must name the document they rest on.

use std::fs;
use std::path::{Path, PathBuf};

/// The calls whose second argument is a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cite,
    LabelQuote,
    Fact,
}

/// One call found in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Call {
    kind: Kind,
    /// 1-based line of the function name.
    line: usize,
    /// The first argument as written, trimmed.
    source: String,
    /// The second argument unescaped, if it is a string literal.
    quote: Option<String>,
}

/// Reads a Rust string literal starting at `i` (`"…"`, `r"…"`, `r#"…"#`, `b"…"`, `br"…"`).
/// Returns the unescaped text and the index after the literal; `None` if there is no valid
/// literal at `i`.
fn parse_literal(c: &[char], mut i: usize) -> Option<(String, usize)> {
    if c.get(i) == Some(&'b') {
        i += 1;
    }
    if c.get(i) == Some(&'r') {
        i += 1;
        let mut hashes = 0;
        while c.get(i) == Some(&'#') {
            hashes += 1;
            i += 1;
        }
        if c.get(i) != Some(&'"') {
            return None;
        }
        i += 1;
        let start = i;
        while i < c.len() {
            if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                return Some((c[start..i].iter().collect(), i + 1 + hashes));
            }
            i += 1;
        }
        return None;
    }
    if c.get(i) != Some(&'"') {
        return None;
    }
    i += 1;
    let mut out = String::new();
    while let Some(&ch) = c.get(i) {
        i += 1;
        match ch {
            '"' => return Some((out, i)),
            '\\' => {
                let esc = *c.get(i)?;
                i += 1;
                match esc {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '\'' => out.push('\''),
                    'x' => {
                        let hex: String = c.get(i..i + 2)?.iter().collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                        i += 2;
                    }
                    'u' => {
                        if c.get(i) != Some(&'{') {
                            return None;
                        }
                        let close = i + c[i..].iter().position(|&x| x == '}')?;
                        let hex: String = c[i + 1..close].iter().filter(|&&x| x != '_').collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                        i = close + 1;
                    }
                    // A line continuation: the newline and the next line's indentation go.
                    '\n' | '\r' => {
                        while c.get(i).is_some_and(|x| x.is_whitespace()) {
                            i += 1;
                        }
                    }
                    _ => return None,
                }
            }
            _ => out.push(ch),
        }
    }
    None
}

/// Skips a comment, string or char literal starting at `i`; returns the index after it, or
/// `None` if there is none at `i`.
fn skip_non_code(c: &[char], i: usize) -> Option<usize> {
    match (c.get(i), c.get(i + 1)) {
        (Some('/'), Some('/')) => {
            let mut j = i;
            while c.get(j).is_some_and(|&x| x != '\n') {
                j += 1;
            }
            Some(j)
        }
        (Some('/'), Some('*')) => {
            let mut depth = 0;
            let mut j = i;
            while j < c.len() {
                if c[j] == '/' && c.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if c[j] == '*' && c.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        return Some(j);
                    }
                } else {
                    j += 1;
                }
            }
            Some(j)
        }
        (Some('"'), _) => Some(parse_literal(c, i).map_or(c.len(), |(_, j)| j)),
        (Some('\''), Some('\\')) => {
            // An escaped char literal: '\n', '\'', '\u{b5}'.
            let mut j = i + 3;
            while c.get(j).is_some_and(|&x| x != '\'') {
                j += 1;
            }
            Some(j + 1)
        }
        (Some('\''), Some(_)) if c.get(i + 2) == Some(&'\'') => Some(i + 3),
        // A lifetime ('static) or label: just the quote mark.
        (Some('\''), _) => Some(i + 1),
        _ => None,
    }
}

fn is_ident_start(ch: char) -> bool {
    ch.is_alphabetic() || ch == '_'
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Skips whitespace and comments from `i`.
fn skip_space(c: &[char], mut i: usize) -> usize {
    loop {
        while c.get(i).is_some_and(|x| x.is_whitespace()) {
            i += 1;
        }
        match (c.get(i), c.get(i + 1)) {
            (Some('/'), Some('/' | '*')) => i = skip_non_code(c, i).unwrap_or(c.len()),
            _ => return i,
        }
    }
}

/// Reads the arguments of a call whose `(` is at `open`: the first argument's text, and the
/// second argument if it is a string literal. `None` if the call has a single argument.
fn arguments(c: &[char], open: usize) -> Option<(String, Option<String>)> {
    let mut depth = 0usize;
    let mut i = open + 1;
    while i < c.len() {
        if let Some(next) = skip_non_code(c, i) {
            i = next;
            continue;
        }
        match c[i] {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return None,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                let first: String = c[open + 1..i].iter().collect();
                let start = skip_space(c, i + 1);
                let quote = match c.get(start) {
                    Some('"' | 'r' | 'b') => parse_literal(c, start).map(|(q, _)| q),
                    _ => None,
                };
                return Some((first.trim().to_string(), quote));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Every `cite`, `label_quote` and `fact` call in a Rust source text, in order. Comments,
/// string literals and function definitions (`fn cite(`) are not calls.
fn calls(src: &str) -> Vec<Call> {
    let c: Vec<char> = src.chars().collect();
    let mut line_of = Vec::with_capacity(c.len());
    let mut line = 1;
    for &ch in &c {
        line_of.push(line);
        if ch == '\n' {
            line += 1;
        }
    }
    let mut found = Vec::new();
    let mut previous = String::new();
    let mut i = 0;
    while i < c.len() {
        // Raw and byte strings begin like identifiers.
        let literal_start = matches!(c[i], 'r' | 'b')
            && (i == 0 || !is_ident(c[i - 1]))
            && parse_literal(&c, i).is_some()
            && matches!(c.get(i + 1), Some('"' | '#' | 'r'));
        if literal_start {
            i = parse_literal(&c, i).map_or(c.len(), |(_, j)| j);
            continue;
        }
        if let Some(next) = skip_non_code(&c, i) {
            i = next;
            continue;
        }
        if is_ident_start(c[i]) && (i == 0 || !is_ident(c[i - 1])) {
            let start = i;
            while c.get(i).is_some_and(|&x| is_ident(x)) {
                i += 1;
            }
            let name: String = c[start..i].iter().collect();
            let kind = match name.as_str() {
                "cite" => Some(Kind::Cite),
                "label_quote" => Some(Kind::LabelQuote),
                "fact" => Some(Kind::Fact),
                _ => None,
            };
            let open = skip_space(&c, i);
            if let Some(kind) = kind {
                if previous != "fn" && c.get(open) == Some(&'(') {
                    if let Some((source, quote)) = arguments(&c, open) {
                        found.push(Call {
                            kind,
                            line: line_of[start],
                            source,
                            quote,
                        });
                    }
                }
            }
            previous = name;
            continue;
        }
        i += 1;
    }
    found
}

/// Folds every run of whitespace to one space, so a quote matches across the source's line
/// breaks.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a `cite` names: `S2`, `SourceKey::S2` and `&SourceKey::S2` all give "S2".
fn source_key(arg: &str) -> &str {
    arg.trim_start_matches('&')
        .rsplit("::")
        .next()
        .unwrap_or(arg)
        .trim()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn every_quote_is_verbatim_in_its_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = root.join("../sources");
    let papers: Vec<(String, String)> = (0..5)
        .map(|n| {
            let key = format!("S{n}");
            let text = fold(&read(&sources.join(format!("{key}.txt"))));
            (key, text)
        })
        .collect();
    let excerpts = fold(&read(&sources.join("label-excerpts.md")));

    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();

    let mut failures = Vec::new();
    let (mut cites, mut label_quotes, mut facts) = (0, 0, 0);
    for path in &files {
        let shown = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        for call in calls(&read(path)) {
            let here = format!("engine/{shown}:{}", call.line);
            let quote = call.quote.as_deref().map(fold);
            let problem = match call.kind {
                Kind::Fact => {
                    facts += 1;
                    None
                }
                Kind::LabelQuote => match &quote {
                    None => None, // a wrapper passing its parameters on
                    Some(q) => {
                        label_quotes += 1;
                        if q.is_empty() {
                            Some("empty quote".to_string())
                        } else if !excerpts.contains(q.as_str()) {
                            Some("not verbatim in sources/label-excerpts.md".to_string())
                        } else {
                            None
                        }
                    }
                },
                Kind::Cite => {
                    let key = source_key(&call.source);
                    match papers.iter().find(|(k, _)| k == key) {
                        Some((_, text)) => {
                            cites += 1;
                            match &quote {
                                None => Some(
                                    "the quote is not a string literal, so it cannot be checked"
                                        .to_string(),
                                ),
                                Some(q) if q.is_empty() => Some("empty quote".to_string()),
                                Some(q) if !text.contains(q.as_str()) => {
                                    Some(format!("not verbatim in sources/{key}.txt"))
                                }
                                Some(_) => None,
                            }
                        }
                        None if key == "L" => Some(
                            "label facts must cite a document: use fact() or label_quote()"
                                .to_string(),
                        ),
                        None if quote.is_some() => {
                            Some(format!("unknown source {:?}", call.source))
                        }
                        None => None, // a wrapper passing its parameters on
                    }
                }
            };
            if let Some(problem) = problem {
                failures.push(format!(
                    "{here}: {problem}\n    {}({}, {:?})",
                    match call.kind {
                        Kind::Cite => "cite",
                        Kind::LabelQuote => "label_quote",
                        Kind::Fact => "fact",
                    },
                    call.source,
                    call.quote.as_deref().unwrap_or("<not a literal>")
                ));
            }
        }
    }

    eprintln!("checked {cites} paper quotes and {label_quotes} label quotes; {facts} facts in the aid's words");
    // Guard against passing vacuously (a parser that finds nothing finds nothing wrong).
    if cites <= 50 {
        failures.push(format!(
            "only {cites} cite(S…, \"…\") calls found under engine/src: the scan is broken"
        ));
    }
    assert!(
        failures.is_empty(),
        "{} quote problem(s) ({cites} paper quotes, {label_quotes} label quotes, {facts} facts checked):\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn label_excerpts_are_one_line_each() {
    // A quote is matched against the whole file; an excerpt broken over lines would carry
    // the `> ` of its second line into the folded text and never match.
    let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources/label-excerpts.md"));
    let excerpts = text.lines().filter(|l| l.starts_with("> ")).count();
    assert!(excerpts >= 10, "only {excerpts} excerpts");
    for pair in text.lines().collect::<Vec<_>>().windows(2) {
        assert!(
            !(pair[0].starts_with("> ") && pair[1].starts_with('>')),
            "an excerpt spans lines: {:?}",
            pair[0]
        );
    }
}

#[test]
fn literal_escapes() {
    let parse = |s: &str| parse_literal(&s.chars().collect::<Vec<_>>(), 0).map(|(q, _)| q);
    assert_eq!(parse(r#""plain""#).as_deref(), Some("plain"));
    assert_eq!(parse(r#""a \"b\" c""#).as_deref(), Some("a \"b\" c"));
    assert_eq!(
        parse(r#""$\\geq 15,000/\\mu\\text{L}$""#).as_deref(),
        Some("$\\geq 15,000/\\mu\\text{L}$")
    );
    assert_eq!(
        parse(r#""line\nbreak\ttab""#).as_deref(),
        Some("line\nbreak\ttab")
    );
    assert_eq!(parse(r#""\u{b5}g \u{2265} 5""#).as_deref(), Some("µg ≥ 5"));
    assert_eq!(parse(r#""\x41""#).as_deref(), Some("A"));
    assert_eq!(parse("\"one \\\n        two\"").as_deref(), Some("one two"));
    assert_eq!(parse(r#""unterminated"#), None);
    assert_eq!(parse(r#""bad \q escape""#), None);
}

#[test]
fn raw_literals() {
    let parse = |s: &str| parse_literal(&s.chars().collect::<Vec<_>>(), 0).map(|(q, _)| q);
    assert_eq!(parse(r###"r"a \n b""###).as_deref(), Some("a \\n b"));
    assert_eq!(
        parse(r###"r#"say "hi" \geq"#"###).as_deref(),
        Some("say \"hi\" \\geq")
    );
    assert_eq!(parse(r####"r##"a "# b"##"####).as_deref(), Some("a \"# b"));
    assert_eq!(parse(r###"br"bytes""###).as_deref(), Some("bytes"));
    assert_eq!(parse(r###"r#"open"###), None);
}

#[test]
fn finds_calls_across_lines_and_skips_the_rest() {
    let src = r####"
/// Shorthand: `cite(S9, "in a doc comment")` is not a call.
pub const fn cite(source: SourceKey, quote: &'static str) -> Citation { x }
// cite(S9, "in a comment")
/* cite(S9, "in a block /* nested */ comment") */
const A: Citation = cite(S2, "one line");
const B: Citation = cite(
    SourceKey::S1,
    "across \
     lines",
);
const C: &str = "cite(S9, \"inside a string\")";
const D: &str = r#"cite(S9, "inside a raw string")"#;
const E: Citation = label_quote(&DOC_KYMRIAH_EU, r#"up to and including 25 years"#);
const F: Citation = fact(&crate::documents::DOC_X, "own words");
const G: Citation = cite(L, "old label fact");
fn wrap(s: SourceKey, q: &'static str) -> Citation { cite(s, q) }
let c = 'x'; let q = '"'; let e = '\''; let u = '\u{b5}';
const H: Citation = cite(S4, "after char literals");
"####;
    let found = calls(src);
    let summary: Vec<(Kind, usize, &str, Option<&str>)> = found
        .iter()
        .map(|c| (c.kind, c.line, c.source.as_str(), c.quote.as_deref()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Kind::Cite, 6, "S2", Some("one line")),
            (Kind::Cite, 7, "SourceKey::S1", Some("across lines")),
            (
                Kind::LabelQuote,
                14,
                "&DOC_KYMRIAH_EU",
                Some("up to and including 25 years")
            ),
            (
                Kind::Fact,
                15,
                "&crate::documents::DOC_X",
                Some("own words")
            ),
            (Kind::Cite, 16, "L", Some("old label fact")),
            (Kind::Cite, 17, "s", None),
            (Kind::Cite, 19, "S4", Some("after char literals")),
        ]
    );
    assert_eq!(source_key("SourceKey::S1"), "S1");
    assert_eq!(source_key("&evidence::SourceKey::S3"), "S3");
}

#[test]
fn folding_ignores_line_breaks_only() {
    assert_eq!(fold("a\n\n  b\tc "), "a b c");
    assert_eq!(fold("blinatu-\n\nmomab"), "blinatu- momab");
}
