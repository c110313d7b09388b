//! The decision path's diagram: the engine's trace drawn as SVG (inputs → rules → outcomes)
//! into the path's fold while it is open, and its nodes, which open their entry in the list
//! (`markup::trace_list`, the diagram's text equivalent).

use engine::diagram::{self, Diagram, EdgeKind};
use engine::rule::Effect;
use engine::Assessment;
use leptos::prelude::*;

use crate::on_demand;

/// Shortens a node's text to what fits its box; the whole text stays in its tooltip and in
/// the list.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Moves focus to a rule's entry in the list, the diagram's way of opening a node.
pub fn reveal(rule: &str) {
    let entry = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("rule-{rule}")));
    if let Some(entry) = entry {
        entry.scroll_into_view();
        if let Ok(entry) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(entry) {
            // Focus without the browser scrolling again: the entry is already in view.
            let _ = entry.focus();
        }
    }
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Appends one SVG element with its attributes and text to `parent`. The diagram is built
/// through this one function rather than as a typed view: a typed view of a few hundred
/// attributes costs the first visit ten times the bytes. Text is set as text, never parsed.
fn add(
    doc: &web_sys::Document,
    parent: &web_sys::Element,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> Option<web_sys::Element> {
    let el = doc.create_element_ns(Some(SVG_NS), tag).ok()?;
    for (name, value) in attrs {
        el.set_attribute(name, value).ok()?;
    }
    if text.is_some() {
        el.set_text_content(text);
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

/// A node: a group moved to `y` in its column, with a box and its text.
#[allow(clippy::too_many_arguments)]
fn node(
    doc: &web_sys::Document,
    svg: &web_sys::Element,
    attrs: &[(&str, &str)],
    x: i32,
    y: i32,
    width: i32,
    radius: &str,
    text: &str,
    tooltip: Option<&str>,
) -> Option<()> {
    let transform = format!("translate({x} {y})");
    let mut all = vec![("transform", transform.as_str())];
    all.extend_from_slice(attrs);
    let g = add(doc, svg, "g", &all, None)?;
    if tooltip.is_some() {
        add(doc, &g, "title", &[], tooltip)?;
    }
    let width = width.to_string();
    let height = diagram::NODE_H.to_string();
    let rect = [
        ("width", width.as_str()),
        ("height", height.as_str()),
        ("rx", radius),
    ];
    add(doc, &g, "rect", &rect, None)?;
    add(doc, &g, "text", &[("x", "6"), ("y", "13")], Some(text))?;
    Some(())
}

/// Draws the diagram into `host`: edges first (underneath), then inputs, family headings,
/// rules and outcomes. Rule nodes are focusable buttons carrying `data-path-node`.
fn draw(host: &web_sys::Element, d: &Diagram) -> Option<()> {
    use diagram::{INPUT_W, INPUT_X, OUTCOME_W, OUTCOME_X, RULE_W, RULE_X, WIDTH};
    let doc = web_sys::window()?.document()?;
    host.set_text_content(None);
    let height = (d.height + 4).to_string();
    let (width, view_box) = (WIDTH.to_string(), format!("0 0 {WIDTH} {height}"));
    let svg = add(
        &doc,
        host,
        "svg",
        &[
            ("viewBox", view_box.as_str()),
            ("width", width.as_str()),
            ("height", height.as_str()),
            ("role", "group"),
            (
                "aria-label",
                "Decision path diagram; the same path is listed as text below it.",
            ),
        ],
        None,
    )?;
    let edges = add(&doc, &svg, "g", &[("class", "edges")], None)?;
    for e in &d.edges {
        let ((x1, y1), (x2, y2)) = (e.from, e.to);
        let mid = (x1 + x2) / 2;
        let (class, to) = match (e.kind, e.outcome) {
            (EdgeKind::Read, _) => ("edge read", e.input.map_or("", |f| f.key())),
            // Held back by a test still needed: dashed, so it never reads as a finding.
            (EdgeKind::Decided(Effect::NeedsTest), Some(o)) => {
                ("edge decided needs-test", o.slug())
            }
            (EdgeKind::Decided(_), Some(o)) => ("edge decided", o.slug()),
            _ => ("edge", ""),
        };
        let path = format!("M{x1} {y1}C{mid} {y1} {mid} {y2} {x2} {y2}");
        let attrs = [
            ("class", class),
            ("d", path.as_str()),
            ("data-edge-from", e.rule.as_str()),
            ("data-edge-to", to),
        ];
        add(&doc, &edges, "path", &attrs, None)?;
    }
    for i in &d.inputs {
        let class = if i.used {
            "node input used"
        } else {
            "node input"
        };
        let text = fit(&i.text, 31);
        node(
            &doc,
            &svg,
            &[("class", class)],
            INPUT_X,
            i.y,
            INPUT_W,
            "3",
            &text,
            Some(&i.text),
        )?;
    }
    for f in &d.families {
        let (x, y) = (RULE_X.to_string(), f.y.to_string());
        let attrs = [("class", "family"), ("x", x.as_str()), ("y", y.as_str())];
        add(&doc, &svg, "text", &attrs, Some(f.family.title()))?;
    }
    for n in &d.rules {
        let id = n.rule.as_str();
        let (class, fired, text, state) = if n.fired {
            ("node rule fired", "true", format!("✓ {id}"), "fired")
        } else {
            ("node rule", "false", id.to_string(), "did not fire")
        };
        let label = format!("{id}, {state}");
        let attrs = [
            ("class", class),
            ("data-path-node", id),
            ("data-fired", fired),
            ("tabindex", "0"),
            ("role", "button"),
            ("aria-label", label.as_str()),
        ];
        node(&doc, &svg, &attrs, RULE_X, n.y, RULE_W, "3", &text, None)?;
    }
    for o in &d.outcomes {
        let attrs = [
            ("class", "node outcome"),
            ("data-path-outcome", o.outcome.slug()),
        ];
        node(
            &doc, &svg, &attrs, OUTCOME_X, o.y, OUTCOME_W, "9", &o.text, None,
        )?;
    }
    Some(())
}

/// The path's diagram box, if the path is open.
fn open_host() -> Option<web_sys::Element> {
    let host = web_sys::window()?
        .document()?
        .get_element_by_id("path-diagram")?;
    host.parent_element()?.has_attribute("open").then_some(host)
}

/// Draws the diagram of the answer into the path's box, if the path is open. Its code
/// (layout and drawing) is fetched the first time (`on_demand::diagram`); if that fails,
/// the box says so, and the list beside it still gives every step.
pub fn draw_if_open(assessment: Memo<Assessment>) {
    let Some(host) = open_host() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if on_demand::diagram(assessment).await.is_err() {
            host.set_text_content(Some(&format!(
                "{} Close the path and open it again to try again.",
                on_demand::NOT_LOADED
            )));
        }
    });
}

/// Lays out and draws the diagram of the current answer, if the path is still open and the
/// answer valid (the form may have changed while the code was fetched).
pub fn draw_now(assessment: Memo<Assessment>) {
    let Some(host) = open_host() else {
        return;
    };
    assessment.with_untracked(|a| {
        if let Assessment::Valid(rec) = a {
            draw(&host, &diagram::diagram(rec));
        }
    });
}

/// The rule a click or key press in the diagram landed on, if any.
pub fn rule_at(ev: &web_sys::Event) -> Option<String> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    target
        .closest("[data-path-node]")
        .ok()??
        .get_attribute("data-path-node")
}
