//! Project commands: `cargo xtask setup | serve | build | test`.
//!
//! These machines reach only the package registries, so every tool is installed from them
//! (crates.io, npm, Debian) and the build never downloads a binary. Each step says what it is
//! doing, and set-up skips what is already present, so the commands are cheap to repeat.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// trunk 0.22 needs a newer rustc than these machines have.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian packages the browser tests and the size report need.
const APT_PACKAGES: &[&str] = &["chromium", "chromium-driver", "brotli"];
/// Where the release build used by the end-to-end tests goes: `trunk serve` writes its own
/// builds into `dist/`, so tests keep theirs apart.
const E2E_DIST: &str = "target/e2e-dist";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(),
        Some("serve") => setup().and_then(|()| serve()),
        Some("build") => setup().and_then(|()| build_release("dist")),
        Some("test") => setup().and_then(|()| test()),
        Some("size") => size(E2E_DIST),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 setup   install every tool the build and tests need (skips what is present)\n\
                 serve   build a release and serve it on http://127.0.0.1:8080\n\
                 build   build a release into dist/\n\
                 test    run every check and test, stopping at the first failure\n\
                 size    print the brotli size of the last end-to-end release build"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (xtask lives one level below it).
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// PATH with the project's npm tools and cargo's binaries in front.
fn tool_path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let mut path = dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(":");
    if let Ok(old) = env::var("PATH") {
        path.push(':');
        path.push_str(&old);
    }
    path
}

fn command(program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(root())
        .env("PATH", tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    cmd
}

fn step(title: &str) {
    println!("\n==> {title}");
}

fn run(mut cmd: Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("failed ({status}): {shown}"))
    }
}

/// The first line a program prints for `--version`, or `None` when it is not installed.
fn version_of(program: &str, arg: &str) -> Option<String> {
    let out = command(program, &[arg]).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// Installs whatever is missing: the wasm32 target, trunk, the wasm-bindgen CLI, Debian's
/// Chromium and driver, and the npm packages (wasm-opt, Playwright, axe).
fn setup() -> Result {
    step("Set-up: checking tools (installing only what is missing)");

    let targets = command("rustup", &["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
        .unwrap_or_default();
    if targets.contains("wasm32-unknown-unknown") {
        println!("wasm32-unknown-unknown target: present");
    } else {
        step("Installing the wasm32-unknown-unknown target");
        run(command(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
        ))?;
    }

    match version_of("trunk", "--version") {
        Some(v) if v.ends_with(TRUNK_VERSION) => println!("trunk: {v}"),
        _ => {
            step(&format!(
                "Installing trunk {TRUNK_VERSION} (takes several minutes)"
            ));
            run(command(
                "cargo",
                &["install", "trunk", "--locked", "--version", TRUNK_VERSION],
            ))?;
        }
    }

    let wbg = locked_wasm_bindgen()?;
    match version_of("wasm-bindgen", "--version") {
        Some(v) if v.ends_with(&wbg) => println!("wasm-bindgen CLI: {v}"),
        _ => {
            // Not --locked: the CLI's own lockfile names a crate version the registry lacks.
            step(&format!(
                "Installing wasm-bindgen-cli {wbg} (takes a few minutes)"
            ));
            run(command(
                "cargo",
                &["install", "wasm-bindgen-cli", "--version", &wbg],
            ))?;
        }
    }

    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            !command("dpkg-query", &["-W", "-f=${Status}", p])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
                .unwrap_or(false)
        })
        .collect();
    if missing.is_empty() {
        println!("Debian packages: {} present", APT_PACKAGES.join(", "));
    } else {
        step(&format!(
            "Installing Debian packages: {}",
            missing.join(", ")
        ));
        run(command("apt-get", &["update", "-q"]))?;
        let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
        args.extend(&missing);
        let mut cmd = command("apt-get", &args);
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        run(cmd)?;
    }

    let npm_ready = ["node_modules/.bin/wasm-opt", "node_modules/.bin/playwright"]
        .iter()
        .all(|p| root().join(p).exists())
        && root().join("node_modules/@axe-core/playwright").exists();
    if npm_ready {
        println!("npm packages: present");
    } else {
        step("Installing npm packages (wasm-opt, Playwright, axe) from package-lock.json");
        run(command("npm", &["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// Builds a release of the app into `dist`.
fn build_release(dist: &str) -> Result {
    step(&format!("Release build into {dist}/"));
    run(command(
        "trunk",
        &["build", "--release", "--offline", "--dist", dist],
    ))
}

/// Builds a release and serves it on loopback until interrupted.
fn serve() -> Result {
    build_release("dist")?;
    step("Serving the release build");
    println!("Ready: open http://127.0.0.1:8080 (Ctrl-C to stop)");
    run(command(
        "trunk",
        &[
            "serve",
            "--release",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
        ],
    ))
}

/// Every check and test, in order, stopping at the first failure.
fn test() -> Result {
    step("cargo fmt --check");
    run(command("cargo", &["fmt", "--all", "--", "--check"]))?;

    step("cargo clippy --all-targets -- -D warnings");
    run(command(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    step("Engine tests (native)");
    run(command(
        "cargo",
        &["test", "-p", "ball-engine", "-p", "xtask"],
    ))?;

    step("App tests in headless Chromium (wasm-bindgen-test)");
    run(command(
        "cargo",
        &[
            "test",
            "-p",
            "ball-aid",
            "--target",
            "wasm32-unknown-unknown",
        ],
    ))?;

    build_release(E2E_DIST)?;
    size(E2E_DIST)?;

    step("End-to-end tests (Playwright, Debian's Chromium, release build on loopback)");
    run(command("npx", &["playwright", "test"]))
}

/// Prints the raw and brotli size of the wasm, JS and CSS of a release build.
fn size(dist: &str) -> Result {
    step(&format!("Bundle size of {dist}/"));
    let entries =
        fs::read_dir(root().join(dist)).map_err(|e| format!("cannot read {dist}/: {e}"))?;
    let mut total = 0u64;
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "wasm" | "js" | "css" | "html") {
            continue;
        }
        let raw = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let out = command("brotli", &["-c", "-q", "11"])
            .arg(&path)
            .output()
            .map_err(|e| format!("brotli: {e}"))?;
        let br = out.stdout.len() as u64;
        total += br;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        rows.push(format!("{name:<48} {raw:>9} B raw {br:>8} B brotli"));
    }
    rows.sort();
    for row in rows {
        println!("{row}");
    }
    println!("total brotli: {total} B");
    Ok(())
}
