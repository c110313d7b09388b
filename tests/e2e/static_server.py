"""A tiny static server for the end-to-end tests: serves folders at URL prefixes, so the
release build can be tested in a subfolder of a host (/tools/all-aid/), as a plain web
server would serve it, including the precompressed copies (<file>.br, <file>.gz) that
nginx's gzip_static/brotli_static and Caddy's `precompressed` serve.

    python3 tests/e2e/static_server.py PORT /tools/all-aid/=target/e2e-dist /copies/=target/e2e-copies

Folders are read on each request, so a test can create, change or delete files under a
mounted folder while the server runs (a new release, or the site going away).
"""

import email.utils
import http.server
import mimetypes
import os
import posixpath
import sys
import urllib.parse

# Types Python's table may lack or get wrong on some systems.
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/manifest+json", ".webmanifest")


class Handler(http.server.SimpleHTTPRequestHandler):
    mounts = []  # (URL prefix, folder), longest prefix first

    def translate_path(self, path):
        path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        for prefix, folder in self.mounts:
            if path.startswith(prefix):
                parts = [p for p in posixpath.normpath(path[len(prefix):]).split("/") if p not in ("", ".", "..")]
                return os.path.join(folder, *parts) + ("/" if path.endswith("/") else "")
        return os.path.join(os.devnull, "not-mounted")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + suffix):
                return self.send_file(path + suffix, self.guess_type(path), encoding)
        if os.path.isfile(path):
            return self.send_file(path, self.guess_type(path), None)
        self.send_error(404, "File not found")
        return None

    def send_file(self, path, ctype, encoding):
        f = open(path, "rb")
        stat = os.fstat(f.fileno())
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        since = self.headers.get("If-Modified-Since")
        if since and since == modified:
            f.close()
            self.send_response(304)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", modified)
        self.end_headers()
        return f

    def log_message(self, *args):
        pass


def main():
    port = int(sys.argv[1])
    for mount in sys.argv[2:]:
        prefix, folder = mount.split("=", 1)
        Handler.mounts.append((prefix, os.path.abspath(folder)))
    Handler.mounts.sort(key=lambda m: -len(m[0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
