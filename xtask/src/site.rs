//! Pages generated at build time from the engine: plain HTML beside the app, so reference
//! material costs the main page's first visit nothing and reads (and prints) without the app
//! running. Trunk's post_build hook runs `cargo xtask pages` on its staging directory.
//!
//! Every text is escaped; pages use one external style sheet (`pages.css`) and no script, so
//! they work under the same strict Content-Security-Policy as the app. Links are relative, so
//! the pages work at any subpath.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use engine::evidence::Citation;

use crate::{root, Result};

/// Text made safe for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: head with the shared style sheet, a header linking back to the aid and to
/// the other pages, and `body`.
pub fn page(title: &str, lead: &str, body: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>{title} — R/R B-ALL immunotherapy decision aid</title>
<link rel="stylesheet" href="pages.css">
<link rel="icon" href="favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="page-header">
<nav aria-label="Pages"><a href="./">← The decision aid</a> · <a href="teaching.html" data-nav="teaching">Teaching cases</a></nav>
<h1>{title}</h1>
<p class="lead">{lead}</p>
</header>
<main>
{body}
</main>
</body>
</html>
"#,
        title = esc(title),
        lead = esc(lead),
    )
}

/// A list of citations: each source's key and title, and the quote or label fact.
pub fn citations(sources: &[Citation]) -> String {
    let mut out = String::from("<ul class=\"sources\">");
    for c in sources {
        let kind = if c.verbatim { "" } else { "Label fact: " };
        let _ = write!(
            out,
            "<li><strong>{}</strong> {} — {kind}<q>{}</q></li>",
            esc(c.source.as_str()),
            esc(c.source.title()),
            esc(c.quote)
        );
    }
    out.push_str("</ul>");
    out
}

/// Where the pages go: `DIR` if given, else trunk's staging directory, else `dist`.
pub fn out_dir(dir: Option<&str>) -> PathBuf {
    match (dir, env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => root().join(dir),
        (None, Some(staging)) => PathBuf::from(staging),
        (None, None) => root().join("dist"),
    }
}

/// Writes every generated page into `dir`.
pub fn write_pages(dir: Option<&str>) -> Result {
    let dir = out_dir(dir);
    let pages = [("teaching.html", crate::teaching_page::render()?)];
    for (name, html) in pages {
        let path = dir.join(name);
        fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
