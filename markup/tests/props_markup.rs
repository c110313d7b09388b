//! Property tests of the answer's markup over the whole input space: every part is one
//! element that the browser's parser reads as written (balanced, only known tags, no block
//! inside a paragraph), every text is escaped, every details key is unique and every button
//! names its action.

use std::collections::BTreeSet;

use engine::fields::{FieldKind, FIELDS};
use engine::{assess, Assessment, Field, RawScenario};
use proptest::prelude::*;

/// A text for `field`: a valid value, a blank, or now and then text with markup in it.
fn field_text(field: Field) -> BoxedStrategy<String> {
    let valid: BoxedStrategy<String> = match field.kind() {
        FieldKind::Number { min, max, .. } => prop_oneof![
            (min..=max).prop_map(|v| format!("{}", (v * 10.0).round() / 10.0)),
            prop::sample::select(vec![0.0, 1.0, 3.0, 18.0, 25.0, 45.0, 50.0, 15_000.0])
                .prop_filter("in range", move |v| *v >= min && *v <= max)
                .prop_map(|v| format!("{v}")),
        ]
        .boxed(),
        FieldKind::Choice(choices) => prop::sample::select(
            choices
                .iter()
                .map(|(v, _)| v.to_string())
                .collect::<Vec<_>>(),
        )
        .boxed(),
        FieldKind::Mrd => prop::sample::select(vec!["0.1", "0.01", "1e-4", "5%"])
            .prop_map(String::from)
            .boxed(),
    };
    prop_oneof![
        8 => valid,
        3 => Just(String::new()),
        1 => prop::sample::select(vec!["<b>x</b>", "\"><script>", "a&b", "'", "-1", "abc"])
            .prop_map(String::from),
    ]
    .boxed()
}

/// A scenario with every field drawn on its own: what a user could type.
fn raw_scenario() -> impl Strategy<Value = RawScenario> {
    FIELDS
        .iter()
        .map(|f| field_text(*f))
        .collect::<Vec<_>>()
        .prop_map(|texts| {
            let mut raw = RawScenario::new();
            for (field, text) in FIELDS.iter().zip(texts) {
                if !text.is_empty() {
                    raw.set(*field, text);
                }
            }
            raw
        })
}

/// The tags the answer may write.
const TAGS: &[&str] = &[
    "a",
    "article",
    "blockquote",
    "button",
    "details",
    "div",
    "em",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h2",
    "h3",
    "h4",
    "header",
    "img",
    "input",
    "label",
    "legend",
    "li",
    "ol",
    "option",
    "p",
    "section",
    "select",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements the HTML parser closes an open `<p>` for: written inside one, they would end up
/// beside it.
const CLOSES_P: &[&str] = &[
    "article",
    "blockquote",
    "details",
    "div",
    "figure",
    "h2",
    "h3",
    "h4",
    "header",
    "p",
    "section",
    "table",
    "ol",
    "ul",
];

/// Checks that `part` is one element whose tags balance, are all known, never put a block
/// inside a paragraph, and whose attribute values hold no raw markup. Returns each start
/// tag's name and attributes.
fn check_part(part: &str) -> Result<Vec<(String, String)>, String> {
    let mut stack: Vec<String> = Vec::new();
    let mut tags = Vec::new();
    let mut rest = part;
    let mut closed_top = false;
    if !part.starts_with('<') {
        return Err(format!("part does not start with an element: {part:.80}"));
    }
    while let Some(start) = rest.find('<') {
        if closed_top {
            return Err(format!("more than one element in a part: {part:.200}"));
        }
        let text = &rest[..start];
        if text.contains('>') || text.contains('"') {
            return Err(format!("unescaped text: {text:.80}"));
        }
        let end = rest[start..]
            .find('>')
            .ok_or_else(|| format!("unclosed tag in {part:.80}"))?;
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .ok_or_else(|| format!("</{name}> closes nothing"))?;
            if open != name {
                return Err(format!("</{name}> closes <{open}>"));
            }
            closed_top = stack.is_empty();
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let attrs = &tag[name.len()..];
        if !TAGS.contains(&name.as_str()) {
            return Err(format!("unknown tag <{tag}>"));
        }
        // Attribute values are quoted and escaped: no < and no stray quote inside one.
        if attrs.contains('<') || attrs.matches('"').count() % 2 != 0 {
            return Err(format!("attributes not escaped: <{tag}>"));
        }
        if CLOSES_P.contains(&name.as_str()) && stack.iter().any(|t| t == "p") {
            return Err(format!("<{name}> inside a <p>: {part:.200}"));
        }
        tags.push((name.clone(), attrs.to_string()));
        if name == "img" || name == "input" {
            closed_top = stack.is_empty();
        } else {
            stack.push(name);
        }
    }
    if !stack.is_empty() || !rest.is_empty() {
        return Err(format!("unbalanced part, open {stack:?}: {part:.120}"));
    }
    Ok(tags)
}

/// Checks that `element` reads back through `markup::tree` as it was written, at every
/// depth: the page patches it by that reading.
fn round_trips(element: &str) -> Result<(), String> {
    use markup::tree::{split, Node};
    let (start, children) =
        split(element).ok_or_else(|| format!("not one element: {element:.80}"))?;
    let mut again = start.to_string();
    for child in &children {
        match child {
            Node::Text(t) => again.push_str(t),
            Node::Element(e) => {
                round_trips(e)?;
                again.push_str(e);
            }
        }
    }
    let name: String = start[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if name != "img" && name != "input" {
        again.push_str(&format!("</{name}>"));
    }
    if again != element {
        return Err(format!("reads back differently: {element:.120}"));
    }
    Ok(())
}

/// The value of attribute `name` among a start tag's attributes.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let at = attrs.find(&format!(" {name}=\""))? + name.len() + 3;
    attrs[at..].split('"').next()
}

/// Checks every part of the answer to `raw`, with every details open or none: returns the
/// parts.
fn check_answer(raw: &RawScenario, open_all: bool) -> Result<Vec<String>, TestCaseError> {
    let assessment = assess(raw);
    let closed = markup::answer(&assessment, raw, None, &BTreeSet::new());
    let open = if open_all {
        closed.keys.clone()
    } else {
        BTreeSet::new()
    };
    // An undo whose text is markup: it is shown as text.
    let last = (Field::Age, "<i>40".to_string());
    let a = markup::answer(&assessment, raw, Some(&last), &open);
    prop_assert_eq!(
        &a.keys,
        &closed.keys,
        "the keys do not depend on what is open"
    );
    let mut keys = Vec::new();
    let mut acts = Vec::new();
    let parts: Vec<&markup::Part> = a.head.iter().chain(&a.cards).chain(&a.rest).collect();
    for run in [&a.head, &a.cards, &a.rest] {
        let keys: BTreeSet<&str> = run.iter().map(|p| p.key.as_ref()).collect();
        prop_assert_eq!(keys.len(), run.len(), "two parts share a key");
    }
    for part in &parts {
        let part = &part.html;
        round_trips(part).map_err(TestCaseError::fail)?;
        let tags = check_part(part).map_err(TestCaseError::fail)?;
        for (name, attrs) in tags {
            if name == "details" {
                let key = attr(&attrs, "data-k")
                    .ok_or_else(|| TestCaseError::fail("details without a key"))?;
                keys.push(key.to_string());
                prop_assert_eq!(attrs.ends_with(" open"), open_all);
            }
            if let Some(i) = attr(&attrs, "data-act") {
                let i = i
                    .parse::<usize>()
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                acts.push(i);
            }
        }
        // An open chip holds its expansion; a folded one only its key.
        prop_assert_eq!(
            part.contains("class=\"citation-body\""),
            open_all && part.contains("class=\"citation\"")
        );
    }
    // Each key once, and every key the answer reports is on the page.
    let unique: BTreeSet<String> = keys.iter().cloned().collect();
    prop_assert_eq!(unique.len(), keys.len(), "a details key is repeated");
    prop_assert_eq!(&unique, &a.keys);
    for key in a.cites.keys() {
        prop_assert!(a.keys.contains(key), "chip {} is not on the page", key);
    }
    // Buttons number their actions in order, one each.
    prop_assert_eq!(acts, (0..a.actions.len()).collect::<Vec<_>>());
    // Nothing is drawn for a scenario that cannot be assessed but what stops it.
    if let Assessment::Invalid(_) = assessment {
        prop_assert!(a.cards.is_empty() && a.rest.is_empty() && a.actions.is_empty());
    }
    Ok(parts.into_iter().map(|p| p.html.clone()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_part_is_one_element_the_parser_reads_as_written(
        raw in raw_scenario(),
        open_all in any::<bool>(),
    ) {
        check_answer(&raw, open_all)?;
    }
}

/// The teaching cases reach the parts random scenarios rarely do (a card resting on its label
/// alone, a schedule for reference only, every dosing table).
#[test]
fn the_teaching_cases_parse_as_written_and_reach_every_kind_of_part() {
    let mut all = String::new();
    for raw in engine::teaching::CASES.iter().map(|c| c.raw()) {
        for open in [false, true] {
            match check_answer(&raw, open) {
                Ok(parts) => all.extend(parts),
                Err(e) => panic!("{e}"),
            }
        }
    }
    for class in [
        "no-reasons",
        "label-indication",
        "reference",
        "citation-body",
        "data-undo",
        "class=\"trace\"",
    ] {
        assert!(all.contains(class), "no case reaches {class}");
    }
}

#[test]
fn text_and_attributes_are_escaped() {
    assert_eq!(
        markup::esc(r#"<a href="x">&'"#),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    );
    assert_eq!(markup::esc("≥ 50% µg/m²"), "≥ 50% µg/m²");
}

#[test]
fn quotes_are_readable_and_escaped() {
    assert_eq!(
        markup::quote_html("CrCl < 30 mL/min, **bold** and *KMT2A*"),
        "CrCl &lt; 30 mL/min, <strong>bold</strong> and <em>KMT2A</em>"
    );
}

#[test]
fn an_open_citation_stays_open_where_it_moves_and_nothing_else_opens() {
    let mut raw = RawScenario::new();
    for (field, text) in [
        (Field::Age, "34"),
        (Field::Setting, "r2"),
        (Field::MarrowBlasts, "62"),
        (Field::Cd19, "neg"),
    ] {
        raw.set(field, text);
    }
    let a = markup::answer(&assess(&raw), &raw, None, &BTreeSet::new());
    let key = "blinatumomab/E-CD19/S1".to_string();
    assert!(a.cites.contains_key(&key), "{:?}", a.cites.keys());
    let open = BTreeSet::from([key.clone()]);
    raw.set(Field::Age, "35");
    let assessment = assess(&raw);
    assert!(matches!(assessment, Assessment::Valid(_)));
    let b = markup::answer(&assessment, &raw, None, &open);
    let card = b
        .cards
        .iter()
        .find(|c| c.key == "blinatumomab")
        .map(|c| &c.html)
        .expect("a blinatumomab card");
    let at = card
        .find(&format!("data-k=\"{key}\" open>"))
        .expect("still open");
    assert!(card[at..].contains("<div class=\"citation-body\"><p class=\"citation-title\">"));
    assert_eq!(card.matches(" open>").count(), 1, "only that one is open");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Saved rows, whatever their names: one element each, read back as written, the name
    /// shown as text, the chosen row checked and the one being renamed a form.
    #[test]
    fn saved_rows_parse_as_written_whatever_their_names(
        names in prop::collection::btree_set("[a-z<>&\"' ]{1,12}", 1..5),
        raw in raw_scenario(),
        selected in prop::collection::vec(0usize..5, 0..3),
        renaming in prop::option::of(0usize..5),
    ) {
        let list: Vec<_> = names
            .iter()
            .filter_map(|n| engine::exchange::Saved::new(n.clone(), "2026-11-24T10:00:00Z", raw.clone()).ok())
            .collect();
        let rows = markup::saved_rows(&list, &selected, renaming);
        prop_assert_eq!(rows.len(), list.len());
        for (i, (row, saved)) in rows.iter().zip(&list).enumerate() {
            prop_assert_eq!(row.key.as_ref(), saved.name.as_str());
            round_trips(&row.html).map_err(TestCaseError::fail)?;
            let tags = check_part(&row.html).map_err(TestCaseError::fail)?;
            let checkbox = tags.iter().find(|(n, _)| n == "input").map(|(_, a)| a.clone()).unwrap_or_default();
            prop_assert_eq!(checkbox.ends_with(" checked"), selected.contains(&i));
            prop_assert_eq!(tags.iter().any(|(n, _)| n == "form"), renaming == Some(i));
            let shown = format!(">{}<", markup::esc(&saved.name));
            prop_assert!(renaming == Some(i) || row.html.contains(&shown));
        }
    }
}

proptest! {
    /// Reading markup back never panics, whatever it is given (the page runs it on every
    /// change; a panic would stop the page).
    #[test]
    fn reading_any_text_back_never_panics(text in "(<[a-z/ =\"'&;>µ≥]{0,12}|[^<]{0,8}){0,12}") {
        if let Some((start, children)) = markup::tree::split(&text) {
            let _ = markup::tree::attributes(start);
            for child in children {
                if let markup::tree::Node::Element(e) = child {
                    let _ = markup::tree::split(e);
                }
            }
        }
        let _ = markup::tree::attributes(&text);
        let _ = markup::tree::unescape(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// A comparison of any scenarios, whatever their names: one element read back as
    /// written, every name shown as text, each column with its button.
    #[test]
    fn comparisons_parse_as_written(
        scenarios in prop::collection::vec(("[a-z<>&\"' ]{1,10}", raw_scenario()), 1..6),
    ) {
        let pairs: Vec<(&str, &RawScenario)> = scenarios.iter().map(|(n, r)| (n.as_str(), r)).collect();
        let html = markup::comparison(&pairs);
        round_trips(&html).map_err(TestCaseError::fail)?;
        let tags = check_part(&html).map_err(TestCaseError::fail)?;
        if (2..=4).contains(&pairs.len()) {
            let buttons = tags.iter().filter(|(_, a)| a.contains("data-open-column")).count();
            prop_assert_eq!(buttons, pairs.len());
            for (name, _) in &pairs {
                let escaped = markup::esc(name);
                prop_assert!(html.contains(escaped.as_str()));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The form's groups, whatever was typed: one fieldset each, read back as written, every
    /// field's control once, marked invalid exactly where its error is shown and pointing at
    /// it, and no typed text in the markup (the page sets it as a property).
    #[test]
    fn form_groups_parse_as_written_and_mark_exactly_the_fields_in_error(raw in raw_scenario()) {
        let assessment = engine::assess(&raw);
        let parts = markup::form_groups(&raw, &assessment);
        let mut controls = Vec::new();
        for part in &parts {
            round_trips(&part.html).map_err(TestCaseError::fail)?;
            let tags = check_part(&part.html).map_err(TestCaseError::fail)?;
            prop_assert_eq!(tags[0].0.as_str(), "fieldset");
            for (name, attrs) in &tags {
                if name == "input" || name == "select" {
                    prop_assert!(!attrs.contains(" value="), "{}", attrs);
                    let key = attr(attrs, "name").unwrap_or_default().to_string();
                    let invalid = attrs.contains("aria-invalid=\"true\"");
                    let error_id = format!("e-{key}");
                    let points = attr(attrs, "aria-describedby")
                        .is_some_and(|d| d.split(' ').any(|id| id == error_id));
                    let shown = part.html.contains(&format!("id=\"{error_id}\""));
                    prop_assert_eq!(invalid, shown, "{}", key);
                    prop_assert_eq!(points, shown, "{}", key);
                    controls.push(key);
                }
            }
        }
        let keys: Vec<String> = engine::FIELDS.iter().map(|f| f.key().to_string()).collect();
        prop_assert_eq!(controls, keys);
    }
}
