//! Finishes a build for offline use and a strict Content-Security-Policy, in trunk's staging
//! directory after trunk has hashed and minified the files (and after [`super::minify_js`]),
//! before the precompressed copies are written, so `sw.js` gets its `.br` and `.gz` too:
//!
//! - every page's `Content-Security-Policy` meta tag gets the sha256 hash of each of its
//!   inline scripts (trunk's module loader) in `script-src`, so no other inline script runs;
//! - a release gets `sw.js`, the service worker of [`SERVICE_WORKER`], listing every file of
//!   the build with its SRI hash and a version computed from that list, so every release that
//!   changes any file is a new worker; a debug build gets [`RETIRING_WORKER`] instead, which
//!   removes a release's worker from the address so development builds are never answered
//!   from a cache.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use super::{base64, command, element_text, next_tag, Result};

/// The service worker of a release, with `{{VERSION}}` and `{{FILES}}` to fill in. Its
/// comment lines are left out of the written worker.
const SERVICE_WORKER: &str = include_str!("service-worker.js");

/// The service worker of a debug build: it replaces a release's worker, deletes that
/// worker's caches and unregisters itself.
const RETIRING_WORKER: &str = "\
// Debug build: no offline copy. This worker replaces a release's worker at this address,
// deletes its caches and unregisters, so a development build is never answered from a cache.
addEventListener(\"install\", () => skipWaiting());
addEventListener(\"activate\", (event) => event.waitUntil(caches.keys()
  .then((keys) => Promise.all(keys.filter((key) => key.startsWith(\"ball-aid \" + registration.scope + \" \")).map((key) => caches.delete(key))))
  .then(() => registration.unregister())));
";

/// The worker's file name, beside index.html; web/register-sw.js registers it by this name.
pub const WORKER: &str = "sw.js";

/// Puts the inline scripts' hashes into each page's policy, then writes `sw.js`: the
/// precaching worker for a release, the retiring one for a debug build.
pub fn finish(dir: &Path, release: bool) -> Result {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    if !files.iter().any(|f| f == "index.html") {
        return Err(format!("{} has no index.html", dir.display()));
    }
    for page in files.iter().filter(|f| f.ends_with(".html")) {
        let path = dir.join(page);
        let html = read_text(&path)?;
        match with_script_hashes(&html)? {
            Some(updated) => write(&path, &updated)?,
            None if page == "index.html" => {
                return Err(format!(
                    "{} has no Content-Security-Policy meta tag (index.html must keep it)",
                    path.display()
                ))
            }
            None => {}
        }
    }
    let worker = if release {
        let mut listed = Vec::new();
        for file in &files {
            let bytes = fs::read(dir.join(file))
                .map_err(|e| format!("cannot read {}: {e}", dir.join(file).display()))?;
            listed.push((listed_path(file), integrity(&bytes)?));
        }
        let worker = precaching_worker(&listed)?;
        println!(
            "xtask offline: {WORKER} precaches {} files (version {})",
            listed.len(),
            version_of(&worker).unwrap_or("?")
        );
        worker
    } else {
        println!("xtask offline: debug build, {WORKER} only retires a release's worker");
        RETIRING_WORKER.to_string()
    };
    write(&dir.join(WORKER), &worker)
}

/// Every file of the build a page may need, relative to `dir` with `/` separators, sorted:
/// all but the precompressed copies (a host serves them in place of the file) and the
/// worker itself.
fn collect(dir: &Path, base: &Path, out: &mut Vec<String>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, base, out)?;
            continue;
        }
        let Some(relative) = path.strip_prefix(base).ok().and_then(|p| {
            p.iter()
                .map(|part| part.to_str())
                .collect::<Option<Vec<_>>>()
                .map(|parts| parts.join("/"))
        }) else {
            return Err(format!("{}: not a UTF-8 path", path.display()));
        };
        let compressed = relative.ends_with(".br") || relative.ends_with(".gz");
        if !compressed && relative != WORKER {
            out.push(relative);
        }
    }
    out.sort();
    Ok(())
}

/// How the worker lists a file: a folder's index.html as the folder (`./`, `guide/`), the
/// address a page is opened at and the one the worker answers for it.
fn listed_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some("") => "./".to_string(),
        Some(folder) if folder.ends_with('/') => folder.to_string(),
        _ => file.to_string(),
    }
}

/// The worker for a release of `files` (path, SRI hash): the template with its comment
/// lines dropped, the list as a JSON array, and the version, the first 16 hex digits of the
/// sha256 of that list.
fn precaching_worker(files: &[(String, String)]) -> Result<String> {
    let list = format!(
        "[{}]",
        files
            .iter()
            .map(|(path, hash)| format!("[{},{}]", json_string(path), json_string(hash)))
            .collect::<Vec<_>>()
            .join(",")
    );
    let version: String = sha256(list.as_bytes())?
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut worker = String::from(
        "// Service worker of one release of the decision aid, written by `cargo xtask compress`.\n",
    );
    for line in SERVICE_WORKER.lines() {
        if !line.trim_start().starts_with("//") {
            worker.push_str(line);
            worker.push('\n');
        }
    }
    Ok(worker
        .replace("{{VERSION}}", &version)
        .replace("{{FILES}}", &list))
}

/// The version a written worker carries.
fn version_of(worker: &str) -> Option<&str> {
    let start = worker.find("const VERSION = \"")? + "const VERSION = \"".len();
    worker.get(start..start + 16)
}

/// `html` with the sha256 hash of each of its inline scripts in the `script-src` of its
/// Content-Security-Policy meta tag, and of each inline style sheet in its `style-src` (added
/// after `'self'` when the policy has none), replacing any hashes there before (so a second
/// run changes nothing), or `None` when the page has no such tag.
fn with_script_hashes(html: &str) -> Result<Option<String>> {
    let mut policy = None;
    let mut hashes = Vec::new();
    let mut style_hashes = Vec::new();
    let mut rest = html;
    while let Some((name, attrs)) = next_tag(&mut rest) {
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if name == "meta"
            && attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        {
            policy = attr("content").map(str::to_string);
        } else if name == "script" || name == "style" {
            let text = element_text(&mut rest, &name);
            let hash = format!("'sha256-{}'", base64(&sha256(text.as_bytes())?));
            if name == "style" {
                style_hashes.push(hash);
            } else if attr("src").is_none() {
                hashes.push(hash);
            }
        }
    }
    let Some(old) = policy else {
        return Ok(None);
    };
    let (mut found, mut styles_found) = (false, false);
    let mut directives: Vec<String> = old
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|directive| {
            let mut words = directive.split_ascii_whitespace();
            let (name, add) = match words.next() {
                Some("script-src") => {
                    found = true;
                    ("script-src", &hashes)
                }
                Some("style-src") => {
                    styles_found = true;
                    ("style-src", &style_hashes)
                }
                _ => return directive.to_string(),
            };
            let mut kept: Vec<&str> = vec![name];
            kept.extend(words.filter(|w| !w.starts_with("'sha256-")));
            kept.extend(add.iter().map(String::as_str));
            kept.join(" ")
        })
        .collect();
    if !styles_found && !style_hashes.is_empty() {
        directives.push(format!("style-src 'self' {}", style_hashes.join(" ")));
    }
    if !found {
        return Err(format!(
            "the Content-Security-Policy has no script-src for the loader's hash: {old}"
        ));
    }
    let new = directives.join("; ");
    if html.matches(old.as_str()).count() != 1 {
        return Err(format!(
            "the Content-Security-Policy is not written once, as is, in the page: {old}"
        ));
    }
    Ok(Some(html.replacen(old.as_str(), &new, 1)))
}

/// The SRI value of some bytes: `sha256-` and the base64 digest.
fn integrity(bytes: &[u8]) -> Result<String> {
    Ok(format!("sha256-{}", base64(&sha256(bytes)?)))
}

/// The sha256 digest of some bytes, by coreutils' `sha256sum`.
fn sha256(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut child = command("sha256sum", &["--binary", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run sha256sum (coreutils): {e}"))?;
    child
        .stdin
        .take()
        .ok_or("sha256sum has no stdin")?
        .write_all(bytes)
        .map_err(|e| format!("cannot write to sha256sum: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("sha256sum failed: {e}"))?;
    match super::hex_digest(&out.stdout) {
        Some(digest) if out.status.success() && digest.len() == 32 => Ok(digest),
        _ => Err("sha256sum gave no digest".into()),
    }
}

/// A JSON string literal (file names and hashes need no more than this).
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::env;

    /// The page as trunk writes it after minification: a policy, the inline loader, a
    /// script with `src`.
    const PAGE: &str =
        "<!doctype html><meta charset=utf-8><meta http-equiv=Content-Security-Policy \
        content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'\">\
        <script type=module>import init from './a.js';\nawait init();</script>\
        <script src=./register-sw-1.js type=module></script></head>";

    #[test]
    fn the_policy_gets_the_hash_of_each_inline_script_only() {
        let page = with_script_hashes(PAGE).unwrap().unwrap();
        let hash = base64(&sha256(b"import init from './a.js';\nawait init();").unwrap());
        assert!(
            page.contains(&format!(
                "content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' \
                 'sha256-{hash}'; object-src 'none'\""
            )),
            "{page}"
        );
        // A second run replaces the hash rather than adding one.
        assert_eq!(with_script_hashes(&page).unwrap().unwrap(), page);
        // A changed loader gets a new hash, and the old one is gone.
        let changed = page.replace("await init();", "await init({});");
        let rehashed = with_script_hashes(&changed).unwrap().unwrap();
        assert!(!rehashed.contains(&hash));
        assert_eq!(rehashed.matches("'sha256-").count(), 1);
    }

    #[test]
    fn inline_style_sheets_get_a_style_src_with_their_hashes() {
        let page = PAGE.replace("</head>", "<style>body{margin:0}</style></head>");
        assert!(page.contains("<style>"), "the test page has a head");
        let page = with_script_hashes(&page).unwrap().unwrap();
        let hash = base64(&sha256(b"body{margin:0}").unwrap());
        assert!(
            page.contains(&format!("; style-src 'self' 'sha256-{hash}'\"")),
            "{page}"
        );
        // Idempotent: the style-src is updated, not added twice.
        assert_eq!(with_script_hashes(&page).unwrap().unwrap(), page);
    }

    #[test]
    fn a_page_without_a_policy_or_script_src_is_told_apart() {
        assert_eq!(with_script_hashes("<script>x()</script>").unwrap(), None);
        let err = with_script_hashes(
            "<meta http-equiv=content-security-policy content=\"default-src 'self'\">",
        )
        .unwrap_err();
        assert!(err.contains("no script-src"), "{err}");
    }

    #[test]
    fn sha256_is_the_standard_digest() {
        // FIPS 180-2's example "abc".
        assert_eq!(
            integrity(b"abc").unwrap(),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn the_worker_lists_every_file_but_copies_and_itself_and_changes_with_any_file() {
        let dist = env::temp_dir().join(format!("xtask-offline-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(dist.join("snippets/s")).unwrap();
        let put = |name: &str, text: &str| fs::write(dist.join(name), text).unwrap();
        put("index.html", PAGE);
        put("index.html.br", "compressed");
        put("app-1.js", "export default 1;");
        put("app-1.js.gz", "compressed");
        put("snippets/s/inline0.js", "export const x = 1;");
        put("icon-192.png", "png");
        put(WORKER, "an old worker");

        finish(&dist, true).unwrap();
        let worker = fs::read_to_string(dist.join(WORKER)).unwrap();
        let hash = |name: &str| integrity(&fs::read(dist.join(name)).unwrap()).unwrap();
        let list = format!(
            "const FILES = [[\"app-1.js\",\"{}\"],[\"icon-192.png\",\"{}\"],[\"./\",\"{}\"],\
             [\"snippets/s/inline0.js\",\"{}\"]];",
            hash("app-1.js"),
            hash("icon-192.png"),
            hash("index.html"),
            hash("snippets/s/inline0.js")
        );
        assert!(worker.contains(&list), "{worker}");
        // The loader's hash went into the page's policy before the page was hashed.
        assert!(fs::read_to_string(dist.join("index.html"))
            .unwrap()
            .contains("'sha256-"));
        assert!(!worker.contains("{{"), "{worker}");
        assert!(
            !worker.lines().any(|l| l.trim_start().starts_with("//")
                && !l.starts_with("// Service worker of one release")),
            "{worker}"
        );
        let version = version_of(&worker).unwrap().to_string();
        assert_eq!(version.len(), 16);
        assert!(version.bytes().all(|b| b.is_ascii_hexdigit()));

        // The same files give the same worker; any changed file gives a new version.
        finish(&dist, true).unwrap();
        assert_eq!(fs::read_to_string(dist.join(WORKER)).unwrap(), worker);
        put("snippets/s/inline0.js", "export const x = 2;");
        finish(&dist, true).unwrap();
        let changed = fs::read_to_string(dist.join(WORKER)).unwrap();
        assert_ne!(version_of(&changed).unwrap(), version);

        // A debug build only retires a release's worker.
        finish(&dist, false).unwrap();
        assert_eq!(
            fs::read_to_string(dist.join(WORKER)).unwrap(),
            RETIRING_WORKER
        );

        // index.html must keep its policy.
        put("index.html", "<script>x()</script>");
        let err = finish(&dist, true).unwrap_err();
        assert!(err.contains("Content-Security-Policy"), "{err}");
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn pages_are_listed_by_their_folder() {
        assert_eq!(listed_path("index.html"), "./");
        assert_eq!(listed_path("guide/index.html"), "guide/");
        assert_eq!(listed_path("evidence.html"), "evidence.html");
        assert_eq!(listed_path("notindex.html"), "notindex.html");
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    }
}
