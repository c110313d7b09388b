//! Quotes as a clinician reads them.
//!
//! The source texts carry LaTeX and markdown (`$\geq 15,000/\mu\text{L}$`, `**2 cycles**`,
//! `*KMT2A*`, `10^{-3}`). A quote keeps those characters, because the verbatim text is what
//! is checked against the source; [`readable`] turns it into styled spans for display, so the
//! page never shows raw markup. Only the small subset the sources use is understood: anything
//! else, and any markup left unbalanced, is shown as the plain characters it is.

/// How a span of a readable quote is displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Ordinary text.
    Plain,
    /// Strong emphasis (`**x**` in the source).
    Bold,
    /// Emphasis (`*x*` in the source), e.g. gene names.
    Italic,
    /// Superscript (`^{x}`, `^x`), e.g. the exponent of `10^{-4}` or a reference number.
    Sup,
    /// Subscript (`_{x}`, `_x` in formulas).
    Sub,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text, markup removed.
    pub text: String,
    /// How it is displayed.
    pub style: Style,
}

/// Nesting beyond this is shown as written: quotes never come close, and a bound keeps
/// hostile input from exhausting the stack.
const MAX_DEPTH: u8 = 16;

/// The quote as styled spans: LaTeX symbols replaced, `$`, braces and emphasis markers
/// removed, super- and subscripts marked. Adjacent spans never share a style. Never panics;
/// unbalanced markup is returned as plain text.
pub fn readable(quote: &str) -> Vec<Span> {
    let chars: Vec<char> = quote.chars().collect();
    let toks = lex(&chars);
    let mut out = Vec::new();
    emphasis(&toks, Style::Plain, &mut out);
    out
}

/// The quote as plain text, for places that cannot style (titles, tooltips, copy): the
/// readable text with superscripts as Unicode superscript characters where every character
/// has one (`10⁻⁴`), else written `^x` or `^(xy)`; subscripts likewise.
pub fn plain(quote: &str) -> String {
    let mut s = String::new();
    for span in readable(quote) {
        match span.style {
            Style::Sup => script(&mut s, &span.text, '^', sup_char),
            Style::Sub => script(&mut s, &span.text, '_', sub_char),
            _ => s.push_str(&span.text),
        }
    }
    s
}

fn script(out: &mut String, text: &str, mark: char, map: fn(char) -> Option<char>) {
    let mapped: Option<String> = text.chars().map(map).collect();
    match mapped {
        Some(m) => out.push_str(&m),
        None if text.chars().count() == 1 => {
            out.push(mark);
            out.push_str(text);
        }
        None => {
            out.push(mark);
            out.push('(');
            out.push_str(text);
            out.push(')');
        }
    }
}

/// The superscript form of a digit or sign, as exponents are written (10⁻³).
pub(crate) fn sup_char(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '-' | '−' => '⁻',
        '+' => '⁺',
        _ => return None,
    })
}

fn sub_char(c: char) -> Option<char> {
    match c {
        '0'..='9' => char::from_u32(0x2080 + (c as u32 - '0' as u32)),
        '-' | '−' => Some('₋'),
        '+' => Some('₊'),
        _ => None,
    }
}

/// Appends `text` in `style`, merging with the last span when the style is the same.
fn put(out: &mut Vec<Span>, text: &str, style: Style) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => out.push(Span {
            text: text.to_string(),
            style,
        }),
    }
}

fn put_char(out: &mut Vec<Span>, c: char, style: Style) {
    put(out, c.encode_utf8(&mut [0; 4]), style);
}

/// The text a LaTeX symbol command stands for.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "geq" | "ge" => "≥",
        "leq" | "le" => "≤",
        "mu" => "µ",
        "times" => "×",
        "pm" => "±",
        "cdot" => "·",
        "approx" => "≈",
        "neq" | "ne" => "≠",
        "lt" => "<",
        "gt" => ">",
        "sim" => "~",
        "infty" => "∞",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "kappa" => "κ",
        "degree" | "circ" => "°",
        "to" | "rightarrow" => "→",
        _ => return None,
    })
}

/// Commands whose braced argument is shown as text.
fn is_text_command(name: &str) -> bool {
    matches!(
        name,
        "text" | "mathrm" | "textrm" | "mathit" | "textit" | "mathbf" | "textbf" | "mbox"
    )
}

/// Reads a command name (ASCII letters) starting at `i`; returns it and the index after it.
fn command_name(c: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while c.get(j).is_some_and(|ch| ch.is_ascii_alphabetic()) {
        j += 1;
    }
    (c.get(i..j).unwrap_or_default().iter().collect(), j)
}

/// The index of the `}` closing the `{` at `open`, or `None` if unbalanced. A `$` ends the
/// search: a group never spans a formula boundary.
fn group_end(c: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while let Some(&ch) = c.get(i) {
        match ch {
            // An escaped brace does not count; an escaped `$` still ends the search.
            '\\' if c.get(i + 1) != Some(&'$') => i += 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            '$' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The braced argument after a text command at `i` (spaces allowed before it): its inner
/// range and the index after the closing brace.
fn text_argument(c: &[char], mut i: usize) -> Option<(usize, usize, usize)> {
    while c.get(i).is_some_and(|ch| *ch == ' ') {
        i += 1;
    }
    if c.get(i) != Some(&'{') {
        return None;
    }
    group_end(c, i).map(|end| (i + 1, end, end + 1))
}

/// Renders formula text. `text_mode` is the inside of `\text{…}`: spaces kept, `--` a dash,
/// `^` and `_` literal. Spaces are collapsed afterwards by [`tidy`].
fn math(c: &[char], text_mode: bool, style: Style, depth: u8, out: &mut Vec<Span>) {
    if depth > MAX_DEPTH {
        put(out, &c.iter().collect::<String>(), style);
        return;
    }
    let mut i = 0;
    while let Some(&ch) = c.get(i) {
        i += 1;
        match ch {
            '\\' => i = backslash(c, i, style, depth, out, true),
            '^' | '_' if !text_mode => {
                let st = if ch == '^' { Style::Sup } else { Style::Sub };
                match c.get(i) {
                    Some('{') => match group_end(c, i) {
                        Some(end) => {
                            math(
                                c.get(i + 1..end).unwrap_or_default(),
                                false,
                                st,
                                depth + 1,
                                out,
                            );
                            i = end + 1;
                        }
                        None => put_char(out, ch, style),
                    },
                    Some('\\') => {
                        let (name, next) = command_name(c, i + 1);
                        match symbol(&name) {
                            Some(sym) => {
                                put(out, sym, st);
                                i = next;
                            }
                            None => put_char(out, ch, style),
                        }
                    }
                    Some(&x) if !x.is_whitespace() && x != '}' => {
                        put_char(out, x, st);
                        i += 1;
                    }
                    _ => put_char(out, ch, style),
                }
            }
            '{' => match group_end(c, i - 1) {
                Some(end) => {
                    math(
                        c.get(i..end).unwrap_or_default(),
                        text_mode,
                        style,
                        depth + 1,
                        out,
                    );
                    i = end + 1;
                }
                None => put_char(out, ch, style),
            },
            '~' if !text_mode => put(out, " ", style),
            '-' if text_mode && c.get(i) == Some(&'-') => {
                i += 1;
                if c.get(i) == Some(&'-') {
                    i += 1;
                    put(out, "—", style);
                } else {
                    put(out, "–", style);
                }
            }
            w if w.is_whitespace() => put(out, " ", style),
            _ => put_char(out, ch, style),
        }
    }
}

/// Handles what follows a backslash at `i` (the index after it); returns the next index.
/// In formulas (`in_math`) LaTeX spacing commands give a space; outside, a backslash before
/// punctuation is a markdown escape.
fn backslash(
    c: &[char],
    i: usize,
    style: Style,
    depth: u8,
    out: &mut Vec<Span>,
    in_math: bool,
) -> usize {
    let (name, next) = command_name(c, i);
    if !name.is_empty() {
        if let Some(sym) = symbol(&name) {
            put(out, sym, style);
            return next;
        }
        if is_text_command(&name) {
            if let Some((start, end, after)) = text_argument(c, next) {
                math(
                    c.get(start..end).unwrap_or_default(),
                    true,
                    style,
                    depth + 1,
                    out,
                );
                return after;
            }
        }
        put(out, "\\", style);
        put(out, &name, style);
        return next;
    }
    match c.get(i) {
        Some(',' | ';' | ':' | ' ' | '\\') if in_math => {
            put(out, " ", style);
            i + 1
        }
        Some('!') if in_math => i + 1,
        Some(&p) if p.is_ascii_punctuation() && p != '$' => {
            put_char(out, p, style);
            i + 1
        }
        _ => {
            put(out, "\\", style);
            i
        }
    }
}

/// Collapses runs of spaces in a rendered formula and trims its ends: LaTeX ignores the
/// spaces of the source, but a reader needs one where the source put one.
fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut last_space = true;
    for span in spans {
        let mut text = String::new();
        for ch in span.text.chars() {
            if ch == ' ' {
                if !last_space {
                    text.push(' ');
                }
                last_space = true;
            } else {
                text.push(ch);
                last_space = false;
            }
        }
        put(&mut out, &text, span.style);
    }
    if let Some(last) = out.last_mut() {
        if last.text.ends_with(' ') {
            last.text.pop();
        }
        if last.text.is_empty() {
            out.pop();
        }
    }
    out
}

/// A token of the text outside formulas: rendered pieces, and the emphasis markers that are
/// paired afterwards (a marker's meaning depends on what follows it).
enum Tok {
    Piece(Vec<Span>),
    Star,
    Double,
}

/// Splits the top-level text into pieces and emphasis markers. Formulas are rendered here,
/// whole, so an emphasis marker can never pair across a `$`.
fn lex(c: &[char]) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut piece: Vec<Span> = Vec::new();
    let mut i = 0;
    while let Some(&ch) = c.get(i) {
        i += 1;
        match ch {
            '$' => {
                let close = c
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|x| *x == '$'))
                    .map(|p| i + p);
                match close {
                    Some(end) => {
                        let mut spans = Vec::new();
                        math(
                            c.get(i..end).unwrap_or_default(),
                            false,
                            Style::Plain,
                            0,
                            &mut spans,
                        );
                        for s in tidy(spans) {
                            put(&mut piece, &s.text, s.style);
                        }
                        i = end + 1;
                    }
                    None => put(&mut piece, "$", Style::Plain),
                }
            }
            '*' => {
                if !piece.is_empty() {
                    toks.push(Tok::Piece(std::mem::take(&mut piece)));
                }
                if c.get(i) == Some(&'*') {
                    i += 1;
                    toks.push(Tok::Double);
                } else {
                    toks.push(Tok::Star);
                }
            }
            '\\' => i = backslash(c, i, Style::Plain, 0, &mut piece, false),
            '^' | '_' if c.get(i) == Some(&'{') => match group_end(c, i) {
                Some(end) => {
                    let st = if ch == '^' { Style::Sup } else { Style::Sub };
                    let mut spans = Vec::new();
                    math(
                        c.get(i + 1..end).unwrap_or_default(),
                        false,
                        st,
                        1,
                        &mut spans,
                    );
                    for s in tidy(spans) {
                        put(&mut piece, &s.text, s.style);
                    }
                    i = end + 1;
                }
                None => put_char(&mut piece, ch, Style::Plain),
            },
            _ => put_char(&mut piece, ch, Style::Plain),
        }
    }
    if !piece.is_empty() {
        toks.push(Tok::Piece(piece));
    }
    toks
}

/// Whether the token starts (`first`) or ends with a character that is not whitespace.
fn solid(tok: Option<&Tok>, first: bool) -> bool {
    match tok {
        Some(Tok::Piece(spans)) => {
            let ch = if first {
                spans.first().and_then(|s| s.text.chars().next())
            } else {
                spans.last().and_then(|s| s.text.chars().last())
            };
            ch.is_some_and(|c| !c.is_whitespace())
        }
        Some(_) => true,
        None => false,
    }
}

/// Pairs emphasis markers as markdown does for the cases the sources use: an opener is
/// followed by a non-space, its closer is the next marker of the same kind and follows a
/// non-space. Anything else is a literal asterisk ("authors*"). The innermost style wins.
fn emphasis(toks: &[Tok], region: Style, out: &mut Vec<Span>) {
    let mut i = 0;
    while let Some(tok) = toks.get(i) {
        match tok {
            Tok::Piece(spans) => {
                for s in spans {
                    let style = if s.style == Style::Plain {
                        region
                    } else {
                        s.style
                    };
                    put(out, &s.text, style);
                }
            }
            Tok::Star | Tok::Double => {
                let double = matches!(tok, Tok::Double);
                let closer = if solid(toks.get(i + 1), true) {
                    (i + 1..toks.len())
                        .find(|&k| match toks.get(k) {
                            Some(Tok::Double) => double,
                            Some(Tok::Star) => !double,
                            _ => false,
                        })
                        .filter(|&k| k > i + 1 && solid(toks.get(k - 1), false))
                } else {
                    None
                };
                match closer {
                    Some(k) => {
                        let style = if double { Style::Bold } else { Style::Italic };
                        emphasis(toks.get(i + 1..k).unwrap_or_default(), style, out);
                        i = k;
                    }
                    None => put(out, if double { "**" } else { "*" }, region),
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(text: &str, style: Style) -> Span {
        Span {
            text: text.to_string(),
            style,
        }
    }

    fn plain_only(text: &str) -> Vec<Span> {
        vec![span(text, Style::Plain)]
    }

    #[test]
    fn blast_threshold_reads_as_written_by_hand() {
        assert_eq!(
            readable("$\\geq 15,000/\\mu\\text{L}$"),
            plain_only("≥ 15,000/µL")
        );
    }

    #[test]
    fn dose_per_square_metre_has_a_superscript_two() {
        assert_eq!(
            readable("$10 \\text{ mg/m}^2/\\text{day}$"),
            vec![
                span("10 mg/m", Style::Plain),
                span("2", Style::Sup),
                span("/day", Style::Plain)
            ]
        );
        assert_eq!(plain("$10 \\text{ mg/m}^2/\\text{day}$"), "10 mg/m²/day");
    }

    #[test]
    fn power_of_ten_outside_dollars() {
        assert_eq!(
            readable("MRD 10^{-3} (0.1%)"),
            vec![
                span("MRD 10", Style::Plain),
                span("-3", Style::Sup),
                span(" (0.1%)", Style::Plain)
            ]
        );
        assert_eq!(plain("MRD 10^{-3} (0.1%)"), "MRD 10⁻³ (0.1%)");
    }

    #[test]
    fn p_value() {
        assert_eq!(
            readable("CR rates (34% vs 16%, $P<0.001$)"),
            plain_only("CR rates (34% vs 16%, P<0.001)")
        );
    }

    #[test]
    fn bold_and_italic() {
        assert_eq!(
            readable("limit to **2 cycles** if"),
            vec![
                span("limit to ", Style::Plain),
                span("2 cycles", Style::Bold),
                span(" if", Style::Plain)
            ]
        );
        assert_eq!(
            readable("*KMT2A* rearranged"),
            vec![
                span("KMT2A", Style::Italic),
                span(" rearranged", Style::Plain)
            ]
        );
    }

    #[test]
    fn lone_asterisks_stay() {
        assert_eq!(
            readable("Sigmund* Sahasrabudhe*"),
            plain_only("Sigmund* Sahasrabudhe*")
        );
        assert_eq!(readable("a * b"), plain_only("a * b"));
        assert_eq!(readable("authors*"), plain_only("authors*"));
    }

    #[test]
    fn commands_outside_dollars() {
        assert_eq!(
            readable("resolved to \\leq grade 1 for"),
            plain_only("resolved to ≤ grade 1 for")
        );
    }

    #[test]
    fn mrd_threshold_with_times() {
        assert_eq!(
            readable("$\\geq 1 \\times 10^{-4}$"),
            vec![span("≥ 1 × 10", Style::Plain), span("-4", Style::Sup)]
        );
        assert_eq!(plain("$\\geq 1 \\times 10^{-4}$"), "≥ 1 × 10⁻⁴");
    }

    #[test]
    fn micrograms_per_day() {
        assert_eq!(readable("$9 \\mu\\text{g/d}$"), plain_only("9 µg/d"));
        assert_eq!(
            readable("9 $\\mu\\text{g}/\\text{m}^2/\\text{d}$"),
            vec![
                span("9 µg/m", Style::Plain),
                span("2", Style::Sup),
                span("/d", Style::Plain)
            ]
        );
        // The micro sign, not the Greek letter mu, as units are written.
        assert!(plain("$\\mu$").contains('\u{b5}'));
    }

    #[test]
    fn creatinine_clearance() {
        assert_eq!(
            readable("$\\text{CrCl} < 30 \\text{ mL/min}$"),
            plain_only("CrCl < 30 mL/min")
        );
    }

    #[test]
    fn text_dash_and_percent() {
        assert_eq!(
            readable("$500\\text{--}700 \\text{ pg/mL}$"),
            plain_only("500–700 pg/mL")
        );
        assert_eq!(readable("$\\geq 0.1\\%$"), plain_only("≥ 0.1%"));
    }

    #[test]
    fn reference_superscripts() {
        assert_eq!(
            readable("MRD-status.^{6,28–30} This"),
            vec![
                span("MRD-status.", Style::Plain),
                span("6,28–30", Style::Sup),
                span(" This", Style::Plain)
            ]
        );
        assert_eq!(plain("x^{6,28–30}"), "x^(6,28–30)");
        assert_eq!(plain("AMPATZIDOU^{1*}"), "AMPATZIDOU^(1*)");
        assert_eq!(plain("$x_2$"), "x₂");
    }

    #[test]
    fn adjacent_bold_runs() {
        assert_eq!(
            readable("Therapy**Dovepress****Publish**"),
            vec![
                span("Therapy", Style::Plain),
                span("DovepressPublish", Style::Bold)
            ]
        );
    }

    #[test]
    fn unbalanced_markup_is_shown_as_written() {
        assert_eq!(readable("costs $5"), plain_only("costs $5"));
        assert_eq!(readable("**open"), plain_only("**open"));
        assert_eq!(readable("x^{2"), plain_only("x^{2"));
        assert_eq!(readable("$x^{2$"), plain_only("x^{2"));
        assert_eq!(readable("trailing \\"), plain_only("trailing \\"));
        assert_eq!(readable("$a\\$"), plain_only("a\\"));
        assert_eq!(readable("\\unknown"), plain_only("\\unknown"));
        assert_eq!(readable("Supplement_1"), plain_only("Supplement_1"));
        assert_eq!(readable(""), Vec::<Span>::new());
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(
            readable("S1470-2045\\(11\\)70386-2"),
            plain_only("S1470-2045(11)70386-2")
        );
        assert_eq!(readable("\\*not italic\\*"), plain_only("*not italic*"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("${}x{}$", "{".repeat(10_000), "}".repeat(10_000));
        let text: String = readable(&deep).into_iter().map(|s| s.text).collect();
        assert!(text.contains('x'));
    }

    /// Balanced inputs from the markup the sources use.
    fn balanced() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec!["a", "15,000", "P<0.001", "mg", "KMT2A", "grade 1"]);
        let math_atom = prop::sample::select(vec![
            "\\geq ",
            "\\leq ",
            "\\mu",
            "\\times ",
            "\\%",
            "\\text{ mg/m}",
            "\\text{L}",
            "^2",
            "^{-4}",
            "_{x}",
            "\\,",
            "~",
            " ",
            "10",
            "{1}",
            "\\text{--}",
        ]);
        let piece = prop_oneof![
            word.clone().prop_map(str::to_string),
            prop::collection::vec(math_atom, 1..6)
                .prop_map(|atoms| format!("${}$", atoms.concat())),
            word.clone().prop_map(|w| format!("**{w}**")),
            word.clone().prop_map(|w| format!("*{w}*")),
            word.prop_map(|w| format!("\\geq {w}^{{-3}}")),
        ];
        prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(" "))
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = readable(&s);
            let _ = plain(&s);
        }

        #[test]
        fn never_panics_on_markup_soup(s in "[$\\\\{}^_*a1 ]{0,40}") {
            let _ = readable(&s);
            let _ = plain(&s);
        }

        #[test]
        fn balanced_markup_never_shows(s in balanced()) {
            let spans = readable(&s);
            let text: String = spans.iter().map(|sp| sp.text.as_str()).collect();
            prop_assert!(!text.contains('$'), "{s:?} -> {text:?}");
            prop_assert!(!text.contains("\\geq"), "{s:?} -> {text:?}");
            prop_assert!(!text.contains("**"), "{s:?} -> {text:?}");
            prop_assert!(!text.contains('{') && !text.contains('}'), "{s:?} -> {text:?}");
            for pair in spans.windows(2) {
                prop_assert!(pair[0].style != pair[1].style);
            }
        }

        #[test]
        fn even_dollars_never_show(s in "[$a\\\\{}^* ]{0,40}") {
            prop_assume!(s.matches('$').count() % 2 == 0);
            let text: String = readable(&s).into_iter().map(|sp| sp.text).collect();
            prop_assert!(!text.contains('$'), "{s:?} -> {text:?}");
        }
    }
}
