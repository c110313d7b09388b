//! Reading back the markup this crate writes, so the page can patch only what changed: an
//! element's start tag, its attributes and its child nodes. Only for this crate's own
//! output, which is balanced, quotes every attribute value and escapes every `<`, `>` and
//! quote in text (the property tests hold it to that); it is not an HTML parser.

use std::borrow::Cow;

/// A child node: a run of text (escaped, as written) or an element (its whole markup).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node<'a> {
    /// Text, escaped as written; the page holds it as one text node.
    Text(&'a str),
    /// An element, from its start tag to its end tag.
    Element(&'a str),
}

/// Elements with no end tag, among those the answer writes.
fn is_void(name: &str) -> bool {
    matches!(name, "img" | "input")
}

/// The tag name of a start tag (`<td class="x">` → `td`).
fn name_of(start: &str) -> &str {
    let inner = start.trim_start_matches('<');
    let end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    &inner[..end]
}

/// Splits an element into its start tag and its child nodes, or `None` if it is not one
/// element of this crate's markup.
pub fn split(element: &str) -> Option<(&str, Vec<Node<'_>>)> {
    let start_end = element.find('>')? + 1;
    let start = &element[..start_end];
    let name = name_of(start);
    if name.is_empty() {
        return None;
    }
    if is_void(name) {
        return (start_end == element.len()).then(|| (start, Vec::new()));
    }
    let inner = element
        .get(start_end..)?
        .strip_suffix('>')?
        .strip_suffix(name)?
        .strip_suffix("</")?;
    let mut children = Vec::new();
    let mut rest = inner;
    while !rest.is_empty() {
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            children.push(Node::Text(&rest[..end]));
            rest = &rest[end..];
            continue;
        }
        let len = element_len(rest)?;
        children.push(Node::Element(&rest[..len]));
        rest = &rest[len..];
    }
    Some((start, children))
}

/// The length of the element `markup` starts with.
fn element_len(markup: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let open = at + markup.get(at..)?.find('<')?;
        let close = open + markup[open..].find('>')? + 1;
        let tag = &markup[open..close];
        if tag.starts_with("</") {
            depth = depth.checked_sub(1)?;
        } else if !is_void(name_of(tag)) {
            depth += 1;
        }
        at = close;
        if depth == 0 {
            return Some(at);
        }
    }
}

/// The attributes of a start tag, each name with its value unescaped (`""` for a bare name).
pub fn attributes(start: &str) -> Vec<(&str, Cow<'_, str>)> {
    let name = name_of(start);
    let mut rest = start
        .trim_start_matches('<')
        .get(name.len()..)
        .unwrap_or("")
        .trim_end_matches('>');
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let end = rest
            .find(|c: char| c == '=' || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        if end == 0 {
            // Not the start of a name (a stray `=`): step over it, so the loop always moves.
            let step = rest.chars().next().map_or(rest.len(), char::len_utf8);
            rest = &rest[step..];
            continue;
        }
        let attr = &rest[..end];
        rest = &rest[end..];
        match rest.strip_prefix("=\"") {
            Some(value) => {
                let close = value.find('"').unwrap_or(value.len());
                out.push((attr, unescape(&value[..close])));
                rest = value.get(close + 1..).unwrap_or("");
            }
            None => out.push((attr, Cow::Borrowed(""))),
        }
    }
}

/// Text as the page holds it: the escapes [`crate::esc`] writes, undone.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (c, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .iter()
        .find(|(e, _)| rest.starts_with(e))
        .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_splits_into_its_start_tag_and_children_and_back() {
        let el = "<li class=\"reason\" data-rule=\"E-1\">CrCl &lt; 30 <a href=\"x\">E-1</a><img src=\"c.svg\" alt=\"\"><span>a<b-c>d</b-c></span>tail</li>";
        let (start, children) = split(el).expect("one element");
        assert_eq!(start, "<li class=\"reason\" data-rule=\"E-1\">");
        assert_eq!(
            children,
            vec![
                Node::Text("CrCl &lt; 30 "),
                Node::Element("<a href=\"x\">E-1</a>"),
                Node::Element("<img src=\"c.svg\" alt=\"\">"),
                Node::Element("<span>a<b-c>d</b-c></span>"),
                Node::Text("tail"),
            ]
        );
        assert_eq!(split("<p>a</p><p>b</p>"), None, "two elements are not one");
        assert_eq!(split("<p>a</div>"), None);
    }

    #[test]
    fn attributes_are_read_unescaped_with_bare_names() {
        assert_eq!(
            attributes("<details class=\"citation\" data-source=\"A &amp; B &quot;x&quot;\" data-k=\"a/b\" open>"),
            vec![
                ("class", Cow::Borrowed("citation")),
                ("data-source", Cow::Owned("A & B \"x\"".to_string())),
                ("data-k", Cow::Borrowed("a/b")),
                ("open", Cow::Borrowed("")),
            ]
        );
        assert_eq!(attributes("<p>"), vec![]);
        // A stray `=` is stepped over, not read forever.
        assert_eq!(
            attributes("<p =x a=\"1\">"),
            vec![("x", Cow::Borrowed("")), ("a", Cow::Borrowed("1"))]
        );
    }

    #[test]
    fn unescape_undoes_esc() {
        let text = "<a href=\"x\">&amp; 'q' ≥ 5";
        assert_eq!(unescape(&crate::esc(text)), text);
        assert_eq!(unescape("a & b"), "a & b");
    }
}
