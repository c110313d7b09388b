//! Cuts a release build's wasm at the app's split points (`src/on_demand.rs`): the code only
//! a split point reaches goes into a wasm file of its own, which the page fetches the first
//! time it calls that function. Trunk builds, binds and optimises one wasm; this step, run in
//! its post-build hook, redoes the last two from cargo's output with the cuts made, under
//! the names trunk gave the files:
//!
//! 1. `wasm-split-cli` (crate `wasm_split_cli_support`, the tool Leptos' own build uses)
//!    splits cargo's wasm, linked with `--emit-relocs` (.cargo/config.toml), into the main
//!    module, one module per split point, shared chunks, and a loader (`__wasm_split.js`);
//! 2. `wasm-bindgen` binds the main module as trunk does, keeping the exports the chunks
//!    link against;
//! 3. `wasm-opt` optimises every module with trunk's settings (Trunk.toml, index.html).
//!
//! The loader and the chunks are renamed after the main files (`ball-aid-<hash>-…`), so a
//! new release never meets an old one's chunks in a browser's cache.

use std::fs;
use std::path::{Path, PathBuf};

use super::{command, root, run, Result};

/// The module name the split main module imports its loader from.
const LOADER: &str = "__wasm_split.js";

/// What marks a wasm linked with split points: the imports of their loaders.
const SPLIT_IMPORT: &[u8] = b"__wasm_split_load_";

/// The wasm-split CLI's version, installed by `cargo xtask setup`.
pub const CLI_VERSION: &str = "0.2.4";

/// wasm-opt's arguments for every module: trunk's for the main one (index.html's
/// `data-wasm-opt` and `data-wasm-opt-params`), with the features the compiler used spelled
/// out, since a chunk carries no list of them.
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Whether `file` (a build's file name) is a module the page fetches on demand.
pub fn is_chunk(file: &str) -> bool {
    file.contains("-split-") && file.ends_with(".wasm")
}

/// Whether `file` is the split loader: the page imports it at start, and it fetches the
/// chunks only when their code is first called.
pub fn is_loader(file: &str) -> bool {
    file.ends_with("-split.js")
}

/// The modules of the build in `dist` fetched on demand, by name.
pub fn chunks(dist: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if is_chunk(&name) {
            found.push(name.to_string());
        }
    }
    found.sort();
    Ok(found)
}

/// Splits the release build in `dir` (trunk's staging directory), when cargo's wasm has
/// split points; otherwise leaves it as trunk wrote it.
pub fn split(dir: &Path) -> Result {
    let raw = cargo_wasm();
    let wasm = fs::read(&raw).map_err(|e| format!("cannot read {}: {e}", raw.display()))?;
    if !wasm.windows(SPLIT_IMPORT.len()).any(|w| w == SPLIT_IMPORT) {
        println!("xtask split: no split points in {}", raw.display());
        return Ok(());
    }
    let stem = main_stem(dir)?;
    let work = root().join("target/split");
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let bound = work.join("bound");
    fs::create_dir_all(&bound).map_err(|e| format!("cannot create {}: {e}", bound.display()))?;

    let mut cmd = command("wasm-split-cli", &["--target", "web", "--out-name", &stem]);
    cmd.arg(&raw).arg(&work);
    run(cmd)?;

    let mut cmd = command(
        "wasm-bindgen",
        &["--target", "web", "--keep-lld-exports", "--no-typescript"],
    );
    cmd.args(["--out-name", &stem]).arg("--out-dir").arg(&bound);
    cmd.arg(work.join(format!("{stem}.wasm")));
    run(cmd)?;

    let loader_name = format!("{stem}-split.js");
    // Only the import statements: the wasm still names its imports' module `./LOADER`, and
    // the glue's import object keeps that key.
    let js = read(&bound.join(format!("{stem}.js")))?;
    let import = format!("from \"./{LOADER}\"");
    if !js.contains(&import) {
        return Err(format!("wasm-bindgen's {stem}.js does not import {LOADER}"));
    }
    write(
        &dir.join(format!("{stem}.js")),
        &js.replace(&import, &format!("from \"./{loader_name}\"")),
    )?;
    optimise(
        &bound.join(format!("{stem}_bg.wasm")),
        &dir.join(format!("{stem}_bg.wasm")),
    )?;

    let mut loader = read(&work.join(LOADER))?;
    let mut chunks = 0;
    for entry in fs::read_dir(&work).map_err(|e| format!("cannot read {}: {e}", work.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".wasm") || name == format!("{stem}.wasm") {
            continue;
        }
        let renamed = format!("{stem}-split-{name}");
        let quoted = format!("\"./{name}\"");
        if !loader.contains(&quoted) {
            return Err(format!("the split loader does not fetch {name}"));
        }
        loader = loader.replace(&quoted, &format!("\"./{renamed}\""));
        optimise(&path, &dir.join(&renamed))?;
        chunks += 1;
    }
    write(&dir.join(&loader_name), &loader)?;
    println!("xtask split: {stem} and {chunks} modules fetched on demand, loaded by {loader_name}");
    Ok(())
}

/// Cargo's wasm of the app, as trunk's release build left it.
fn cargo_wasm() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    target.join("wasm32-unknown-unknown/release/ball-aid.wasm")
}

/// `ball-aid-<hash>`: the name trunk gave the app's JavaScript and wasm in `dir`.
fn main_stem(dir: &Path) -> Result<String> {
    let mut stems = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            stems.push(stem.to_string());
        }
    }
    match stems.as_slice() {
        [stem] if dir.join(format!("{stem}.js")).is_file() => Ok(stem.clone()),
        _ => Err(format!(
            "{} should hold one app wasm with its JavaScript, not {stems:?}",
            dir.display()
        )),
    }
}

fn optimise(from: &Path, to: &Path) -> Result {
    let mut cmd = command("wasm-opt", WASM_OPT);
    cmd.arg(from).arg("-o").arg(to);
    run(cmd)
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
