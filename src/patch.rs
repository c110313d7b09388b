//! Drawing markup into the page by changing only what differs from what it was drawn from,
//! so unchanged elements keep their state, focus and layout, and the browser parses only
//! what changed. Used for the answer, the form's groups and the saved list, whose markup
//! the `markup` crate writes.

use markup::Part;
use wasm_bindgen::JsCast;

/// Makes `host`'s children the parts `new`, each one element, changing in the page only what
/// differs from `shown`: a part gone is removed, a new part inserted in its place, and a part
/// still there [`morph`]ed, so what did not change keeps its elements. Focus in a part that
/// had to be replaced moves to the first control of its replacement (a suggestion tried
/// leaves it on the undo button; a field, the same field), never to the page's start.
pub fn patch(host: &web_sys::Element, shown: &[Part], new: &[Part]) {
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let holds_focus =
        |el: &web_sys::Element| focused.as_ref().is_some_and(|f| el.contains(Some(f)));
    let children = host.children();
    // The elements of the parts shown, by key: the page holds them in that order.
    let mut elements: Vec<(&Part, web_sys::Element)> = shown
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((p, children.item(i as u32)?)))
        .collect();
    elements.retain(|(p, el)| {
        let kept = new.iter().any(|n| n.key == p.key);
        if !kept {
            el.remove();
        }
        kept
    });
    let mut next = elements.into_iter().peekable();
    for part in new {
        match next.peek() {
            Some((old, el)) if old.key == part.key => {
                if old.html != part.html {
                    let had = holds_focus(el);
                    let at = el.previous_element_sibling();
                    morph(el, &old.html, &part.html);
                    // The element may have been replaced: find it again by its place.
                    let now = match &at {
                        Some(before) => before.next_element_sibling(),
                        None => host.first_element_child(),
                    };
                    if let (true, Some(now)) = (had, now) {
                        if !focused.as_ref().is_some_and(|f| f.is_connected()) {
                            refocus(&now, focused.as_ref().map(|f| f.id()));
                        }
                    }
                }
                next.next();
            }
            Some((_, el)) => {
                let _ = el.insert_adjacent_html("beforebegin", &part.html);
            }
            None => {
                let _ = host.insert_adjacent_html("beforeend", &part.html);
            }
        }
    }
}

/// Turns `el`, drawn from the markup `old`, into `new`: attributes set where they differ,
/// and children compared in turn past the ones alike at the start and at the end; of those
/// between, pairs are morphed, text rewritten, and the rest removed or inserted. An element
/// whose tag changed is replaced whole. So changing one dose rewrites one cell, and a reason
/// added inserts one item: the browser parses and lays out only what changed.
fn morph(el: &web_sys::Element, old: &str, new: &str) {
    if morph_in_place(el, old, new).is_none() {
        el.set_outer_html(new);
    }
}

/// [`morph`], or `None` where the page is not as `old` describes it or the change is not one
/// it makes in place (the caller then replaces the element whole).
fn morph_in_place(el: &web_sys::Element, old: &str, new: &str) -> Option<()> {
    use markup::tree::{attributes, split, unescape, Node};
    let (old_start, old_children) = split(old)?;
    let (new_start, new_children) = split(new)?;
    let tag = |start: &str| start.split([' ', '>']).next().map(str::to_string);
    let nodes = el.child_nodes();
    // A details the user opened may hold an expansion `old` does not: the page is then not
    // as `old` describes it.
    if tag(old_start) != tag(new_start) || nodes.length() as usize != old_children.len() {
        return None;
    }
    if old_start != new_start {
        let wanted = attributes(new_start);
        for (name, _) in attributes(old_start) {
            if !wanted.iter().any(|(n, _)| *n == name) {
                let _ = el.remove_attribute(name);
            }
        }
        for (name, value) in wanted {
            let _ = el.set_attribute(name, &value);
        }
    }
    let (o, n) = (&old_children, &new_children);
    let prefix = o.iter().zip(n).take_while(|(a, b)| a == b).count();
    let suffix = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take(o.len().min(n.len()) - prefix);
    let suffix = suffix.take_while(|(a, b)| a == b).count();
    let (o, n) = (&o[prefix..o.len() - suffix], &n[prefix..n.len() - suffix]);
    let live: Vec<web_sys::Node> = (prefix..prefix + o.len())
        .map(|i| nodes.item(i as u32))
        .collect::<Option<_>>()?;
    let anchor = nodes.item((prefix + o.len()) as u32);
    for ((old, new), node) in o.iter().zip(n).zip(&live) {
        match (old, new) {
            (Node::Text(_), Node::Text(text)) => node.set_text_content(Some(&unescape(text))),
            (Node::Element(old), Node::Element(new)) => {
                morph(node.dyn_ref::<web_sys::Element>()?, old, new)
            }
            _ => return None,
        }
    }
    for node in live.iter().skip(n.len()) {
        node.dyn_ref::<web_sys::Element>()?.remove();
    }
    for new in n.iter().skip(o.len()) {
        let Node::Element(html) = new else {
            return None;
        };
        let _ = match &anchor {
            Some(a) => a
                .dyn_ref::<web_sys::Element>()?
                .insert_adjacent_html("beforebegin", html),
            None => el.insert_adjacent_html("beforeend", html),
        };
    }
    Some(())
}

/// Focuses the element of `part` with the id the focused one had (a form field whose
/// element had to be replaced), or else its first control.
fn refocus(part: &web_sys::Element, id: Option<String>) {
    let same = id
        .filter(|id| !id.is_empty())
        .and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id))
        .filter(|el| part.contains(Some(el)));
    let control = same.or_else(|| {
        part.query_selector("button, summary, a[href]")
            .ok()
            .flatten()
    });
    if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}
