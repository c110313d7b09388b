//! A static file server for the benchmarks, serving a release build the way a static host
//! serves it: the precompressed `<file>.br` or `<file>.gz` with `Content-Encoding` when the
//! browser accepts it, the right `Content-Type` (`application/wasm` lets the browser compile
//! the wasm while it downloads), `Vary: Accept-Encoding`, long caching for hashed names, and
//! keep-alive connections (Lighthouse's simulation charges a round trip per new connection).
//!
//! Standard library only, in the xtask process: no server package to install, no process to
//! start and wait for, and the headers the load figures depend on are written here, where a
//! test checks them.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

/// Starts serving `root` on `127.0.0.1:port` in background threads, which end with the
/// process. Returns the port.
pub fn start(root: &Path, port: u16) -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port} ({e}); set BENCH_PORT"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot read the server's address: {e}"))?
        .port();
    let root = root.to_path_buf();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            thread::spawn(move || {
                // A connection that breaks only ends itself.
                let _ = serve_connection(stream, &root);
            });
        }
    });
    Ok(port)
}

/// Answers the requests of one connection until the client closes it, asks to, or is idle.
fn serve_connection(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader)? {
        let response = respond(
            root,
            &request.method,
            &request.target,
            &request.accept_encoding,
        );
        let mut head = format!("HTTP/1.1 {}\r\n", response.status);
        for (name, value) in &response.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        let connection = if request.close { "close" } else { "keep-alive" };
        head.push_str(&format!("Connection: {connection}\r\n\r\n"));
        writer.write_all(head.as_bytes())?;
        if request.method != "HEAD" {
            writer.write_all(&response.body)?;
        }
        writer.flush()?;
        if request.close {
            break;
        }
    }
    Ok(())
}

/// What the server needs of a request.
struct Request {
    method: String,
    target: String,
    accept_encoding: String,
    close: bool,
}

/// Reads one request's head (a GET or HEAD has no body), or `None` at the end of the
/// connection.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Request>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_ascii_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let mut close = parts.next() == Some("HTTP/1.0");
    let mut accept_encoding = String::new();
    let mut head_bytes = line.len();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        head_bytes += line.len();
        if head_bytes > 64 * 1024 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "request head too long",
            ));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "accept-encoding" => accept_encoding = value.to_string(),
                "connection" => close = !value.eq_ignore_ascii_case("keep-alive"),
                "content-length" if value != "0" => {
                    // Not expected of a browser loading a page; read it so the next request
                    // starts where it should.
                    let len: u64 = value.parse().unwrap_or(0);
                    io::copy(&mut reader.take(len), &mut io::sink())?;
                }
                _ => {}
            }
        }
    }
    Ok(Some(Request {
        method,
        target,
        accept_encoding,
        close,
    }))
}

/// A response: status line text, headers (without `Connection`) and body.
#[derive(Debug)]
pub struct Response {
    pub status: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// The response to `method target` from the files under `root`, choosing the precompressed
/// copy the `Accept-Encoding` header allows (brotli first, then gzip).
pub fn respond(root: &Path, method: &str, target: &str, accept_encoding: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        return plain("405 Method Not Allowed", "GET and HEAD only\n");
    }
    let Some(path) = file_path(root, target) else {
        return plain("404 Not Found", "not found\n");
    };
    let mut headers = vec![
        ("Content-Type", content_type(&path).to_string()),
        ("Cache-Control", cache_control(&path).to_string()),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    let accepted = accepted_encodings(accept_encoding);
    let mut chosen = None;
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepted.iter().any(|a| a == encoding) {
            let mut name = path.clone().into_os_string();
            name.push(".");
            name.push(suffix);
            if let Ok(body) = std::fs::read(&name) {
                chosen = Some((encoding, body));
                break;
            }
        }
    }
    let body = match chosen {
        Some((encoding, body)) => {
            headers.push(("Content-Encoding", encoding.to_string()));
            body
        }
        None => match std::fs::read(&path) {
            Ok(body) => body,
            Err(_) => return plain("404 Not Found", "not found\n"),
        },
    };
    headers.push(("Content-Length", body.len().to_string()));
    Response {
        status: "200 OK",
        headers,
        body,
    }
}

fn plain(status: &'static str, text: &str) -> Response {
    Response {
        status,
        headers: vec![
            ("Content-Type", "text/plain; charset=utf-8".to_string()),
            ("Content-Length", text.len().to_string()),
        ],
        body: text.as_bytes().to_vec(),
    }
}

/// The file a request target names under `root` (`/` and directories mean their
/// `index.html`), or `None` when it names none or tries to leave `root`.
fn file_path(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?.strip_prefix('/')?;
    let mut file = root.to_path_buf();
    for segment in path.split('/') {
        let segment = percent_decode(segment)?;
        match segment.as_str() {
            "" | "." => {}
            ".." => return None,
            _ if segment.contains(['/', '\\', '\0']) => return None,
            _ => file.push(segment),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// `%XX` escapes decoded; `None` for a broken escape or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The encodings an `Accept-Encoding` header allows (lower case, without those at `q=0`).
fn accepted_encodings(header: &str) -> Vec<String> {
    header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let name = parts.next()?.trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .is_some_and(|q| q.trim().parse::<f64>().is_ok_and(|q| q <= 0.0))
            });
            (!name.is_empty() && !refused).then_some(name)
        })
        .collect()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "ico" => "image/x-icon",
        "png" => "image/png",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Pages are checked on every visit; files whose name carries trunk's content hash never
/// change, so they are cached for a year, as a static host would be configured to.
fn cache_control(path: &Path) -> &'static str {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let hashed = stem
        .trim_end_matches("_bg")
        .rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
        response
            .headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn serves_the_precompressed_copy_the_browser_accepts() {
        let root = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("index.html"), "<p>raw").unwrap();
        fs::write(root.join("index.html.br"), "BR").unwrap();
        fs::write(root.join("index.html.gz"), "GZ").unwrap();
        fs::write(root.join("app-0123456789abcdef_bg.wasm"), "\0asm").unwrap();
        fs::write(root.join("app-0123456789abcdef_bg.wasm.gz"), "wasm-gz").unwrap();
        fs::write(root.join("sub/a b.css"), "p{}").unwrap();

        let r = respond(&root, "GET", "/?v=2&age=34", "gzip, deflate, br, zstd");
        assert_eq!((r.status, r.body.as_slice()), ("200 OK", &b"BR"[..]));
        assert_eq!(header(&r, "Content-Encoding"), Some("br"));
        assert_eq!(header(&r, "Content-Type"), Some("text/html; charset=utf-8"));
        assert_eq!(header(&r, "Content-Length"), Some("2"));
        assert_eq!(header(&r, "Vary"), Some("Accept-Encoding"));
        assert_eq!(header(&r, "Cache-Control"), Some("no-cache"));

        let r = respond(&root, "GET", "/index.html", "br;q=0, gzip;q=0.8");
        assert_eq!(r.body, b"GZ");
        assert_eq!(header(&r, "Content-Encoding"), Some("gzip"));
        let r = respond(&root, "GET", "/index.html", "");
        assert_eq!(r.body, b"<p>raw");
        assert_eq!(header(&r, "Content-Encoding"), None);

        // No .br of the wasm: gzip it is; its hashed name is cached for good.
        let r = respond(&root, "GET", "/app-0123456789abcdef_bg.wasm", "br, gzip");
        assert_eq!(r.body, b"wasm-gz");
        assert_eq!(header(&r, "Content-Type"), Some("application/wasm"));
        assert_eq!(
            header(&r, "Cache-Control"),
            Some("public, max-age=31536000, immutable")
        );

        assert_eq!(respond(&root, "GET", "/sub/a%20b.css", "").body, b"p{}");
        assert_eq!(respond(&root, "HEAD", "/sub/", "").status, "404 Not Found");
        for outside in [
            "/../etc/passwd",
            "/sub/%2e%2e/%2e%2e/x",
            "/missing.js",
            "x",
            "/%zz",
        ] {
            assert_eq!(
                respond(&root, "GET", outside, "").status,
                "404 Not Found",
                "{outside}"
            );
        }
        assert_eq!(
            respond(&root, "POST", "/", "").status,
            "405 Method Not Allowed"
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn requests_keep_the_connection_unless_asked_not_to() {
        let mut input = &b"GET /a.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n\
            GET / HTTP/1.1\r\nConnection: close\r\n\r\n"[..];
        let first = read_request(&mut input).unwrap().unwrap();
        assert_eq!(
            (first.method.as_str(), first.target.as_str()),
            ("GET", "/a.js")
        );
        assert_eq!(first.accept_encoding, "br");
        assert!(!first.close);
        let second = read_request(&mut input).unwrap().unwrap();
        assert!(second.close);
        assert!(read_request(&mut input).unwrap().is_none());
    }
}
