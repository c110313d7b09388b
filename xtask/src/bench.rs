//! `cargo xtask bench`: builds the release and prints one table of performance figures, each
//! against its budget — bytes, page load, input-to-answer latency, engine speed and the
//! instruction count of one evaluation — and fails when one is over.
//!
//! Not part of `cargo xtask test`: the load, latency and speed figures move with whatever
//! else the machine is doing, so they are for a person to read, not for a gate that must not
//! flake. Bytes and instruction counts do not move; the test command already enforces the
//! byte ceiling.

mod server;

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::{
    apt_install_missing, brotli, build_release, command, first_visit_files, page_files, root, run,
    setup, size_table, split, step, Result, FIRST_VISIT_BUDGET_BROTLI, ON_DEMAND_BUDGET_BROTLI,
};

/// Where the benchmarked release build goes, apart from the end-to-end tests' build.
const BENCH_DIST: &str = "target/bench-dist";
/// Where Lighthouse's reports and callgrind's output are kept for a closer look.
const BENCH_OUT: &str = "target/bench";
/// The port the build is served on for Lighthouse and the latency script, unless
/// `BENCH_PORT` says otherwise.
const DEFAULT_PORT: u16 = 8092;
/// Debian packages only the benchmarks need (the rest come with `cargo xtask setup`).
const APT_PACKAGES: &[&str] = &["valgrind"];

/// Lighthouse runs; each figure is the median.
const LOAD_RUNS: usize = 3;
const PERFORMANCE_SCORE_MIN: f64 = 0.99;
const LCP_MAX_MS: f64 = 1_200.0;
const TBT_MAX_MS: f64 = 50.0;
/// Cumulative layout shift: none at all.
const CLS_MAX: f64 = 0.0;
/// Form changes timed by the latency script (after its warm-up).
const INTERACTION_CHANGES: usize = 200;
const INTERACTION_P95_MAX_MS: f64 = 8.0;
/// One evaluation (`engine::assess`), natively, Criterion's median.
const EVALUATION_MAX_NS: f64 = 10_000.0;
/// Criterion's names of the evaluations the table shows, with what the table calls them.
const EVALUATION_BENCHES: &[(&str, &str)] = &[
    ("assess typical scenario", "typical scenario"),
    ("assess most complex scenario", "most complex scenario"),
];
/// The "what would change it" benchmark: every one of its Criterion benchmarks is shown.
const WHAT_IF_BENCH: &str = "what_if";
const WHAT_IF_MAX_NS: f64 = 1_000_000.0;
/// The recorded instruction count of one evaluation, and by how much it may grow.
const CALLGRIND_BASELINE: &str = "engine/benches/callgrind-baseline.txt";
const CALLGRIND_GROWTH_MAX_PERCENT: u64 = 10;
/// The function of the callgrind example whose instructions are counted.
const CALLGRIND_FUNCTION: &str = "callgrind_measured_evaluation";

/// How a figure stands against its budget.
#[derive(Debug, PartialEq)]
enum Verdict {
    Within,
    Over,
    /// Nothing to measure yet (a benchmark or page that does not exist).
    NotMeasured,
    /// Shown for information; no budget.
    Info,
    /// The measurement itself failed; the table says why.
    Failed,
}

/// One line of the table.
struct Row {
    what: String,
    figure: String,
    budget: String,
    verdict: Verdict,
}

impl Row {
    fn new(what: impl Into<String>, figure: impl Into<String>, budget: impl Into<String>) -> Self {
        Row {
            what: what.into(),
            figure: figure.into(),
            budget: budget.into(),
            verdict: Verdict::Info,
        }
    }

    fn within(mut self, ok: bool) -> Self {
        self.verdict = if ok { Verdict::Within } else { Verdict::Over };
        self
    }

    fn failed(what: &str, why: &str) -> Self {
        Row {
            what: what.to_string(),
            figure: format!("failed: {why}"),
            budget: String::new(),
            verdict: Verdict::Failed,
        }
    }
}

/// Installs what is missing, builds the release, measures, prints the table, and fails when
/// a figure is over its budget or could not be measured.
pub fn bench(only: &[String]) -> Result {
    const SECTIONS: [&str; 5] = ["bytes", "load", "interaction", "engine", "instructions"];
    if let Some(unknown) = only.iter().find(|s| !SECTIONS.contains(&s.as_str())) {
        return Err(format!(
            "no benchmark section \"{unknown}\"; the sections are {}",
            SECTIONS.join(", ")
        ));
    }
    // With no section named, every one runs: the table the budgets are judged on.
    let runs = |section: &str| only.is_empty() || only.iter().any(|s| s == section);
    setup()?;
    bench_setup()?;
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut rows = Vec::new();
    if runs("bytes") || runs("load") || runs("interaction") {
        build_release(BENCH_DIST)?;
        let dist = root().join(BENCH_DIST);
        if runs("bytes") {
            collect(&mut rows, "Bytes", bytes(&dist));
        }
        let port = match env::var("BENCH_PORT") {
            Ok(p) => p
                .parse()
                .map_err(|_| format!("BENCH_PORT={p} is not a port number"))?,
            Err(_) => DEFAULT_PORT,
        };
        let port = server::start(&dist, port)?;
        let url = format!("http://127.0.0.1:{port}/");
        println!("\nServing {BENCH_DIST}/ on {url} (precompressed .br/.gz, keep-alive)");
        if runs("load") {
            collect(&mut rows, "Load", page_load(&url));
        }
        if runs("interaction") {
            collect(&mut rows, "Interaction", interaction(&url));
        }
    }
    if runs("engine") {
        collect(&mut rows, "Engine", engine_speed());
        collect(&mut rows, "Engine, what would change it", what_if_speed());
    }
    if runs("instructions") {
        collect(&mut rows, "Instructions", instructions());
    }

    step("Benchmark table");
    println!("{}", machine(load.split_whitespace().next().unwrap_or("?")));
    print!("{}", table(&rows));
    let over: Vec<&str> = rows
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Over | Verdict::Failed))
        .map(|r| r.what.as_str())
        .collect();
    if over.is_empty() {
        println!("\nEvery figure is within its budget.");
        Ok(())
    } else {
        Err(format!(
            "{} figure(s) over budget or failed to measure: {}",
            over.len(),
            over.join("; ")
        ))
    }
}

/// Adds a section's rows, or one row saying why the section could not be measured.
fn collect(rows: &mut Vec<Row>, section: &str, result: Result<Vec<Row>>) {
    match result {
        Ok(section_rows) => rows.extend(section_rows),
        Err(why) => {
            eprintln!("xtask bench: {section}: {why}");
            rows.push(Row::failed(section, &why));
        }
    }
}

/// Valgrind from Debian and Lighthouse from npm (package.json), when missing.
fn bench_setup() -> Result {
    apt_install_missing(APT_PACKAGES)?;
    let ready = [
        "node_modules/.bin/lighthouse",
        "node_modules/chrome-launcher",
    ]
    .iter()
    .all(|p| root().join(p).exists());
    if ready {
        println!("Lighthouse: present");
        Ok(())
    } else {
        step("Installing npm packages (Lighthouse) from package-lock.json");
        run(command("npm", &["ci", "--no-audit", "--no-fund"]))
    }
}

/// The machine the figures come from: cores, memory, system, Chromium, and how busy it was.
fn machine(load: &str) -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or("?".to_string(), |kb| {
            format!("{} GiB", (kb + (1 << 19)) >> 20)
        });
    let system = fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|o| {
            o.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|n| n.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| "?".to_string());
    let chromium = command("/usr/bin/chromium", &["--version"])
        .output()
        .map(|o| {
            let text = String::from_utf8_lossy(&o.stdout).to_string();
            text.split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    format!(
        "Machine: {cores} cores, {memory}, {system}, headless {chromium}; load average {load} \
         when the run started"
    )
}

/// The first visit of the main page (`size`'s table) and every other page of the build,
/// each with what it pulls in.
fn bytes(dist: &Path) -> Result<Vec<Row>> {
    let first = first_visit_files(dist)?;
    let pages: Vec<(String, Vec<String>)> = other_pages(dist)?
        .into_iter()
        .map(|page| page_files(dist, &page).map(|files| (page, files)))
        .collect::<Result<_>>()?;
    let width = first
        .iter()
        .chain(pages.iter().flat_map(|(_, files)| files))
        .map(String::len)
        .max()
        .unwrap_or(0)
        .max(24);

    step(&format!(
        "Bytes: first visit of the main page (budget {} B brotli)",
        thousands(FIRST_VISIT_BUDGET_BROTLI)
    ));
    let [_, _, br] = size_table(dist, &first, width)?;
    let mut rows = vec![Row::new(
        "Bytes: first visit of the main page, brotli",
        format!("{} B", thousands(br)),
        format!("≤ {} B", thousands(FIRST_VISIT_BUDGET_BROTLI)),
    )
    .within(br <= FIRST_VISIT_BUDGET_BROTLI)];

    for (page, files) in &pages {
        step(&format!(
            "Bytes: {page}, loaded on demand (budget {} B brotli)",
            thousands(ON_DEMAND_BUDGET_BROTLI)
        ));
        let [_, _, br] = size_table(dist, files, width)?;
        let mut new_br = 0;
        for file in files.iter().filter(|f| !first.contains(f)) {
            new_br += brotli(&dist.join(file))?.len() as u64;
        }
        rows.push(
            Row::new(
                format!("Bytes: {page} and what it pulls in, brotli"),
                format!(
                    "{} B ({} B not already loaded by the main page)",
                    thousands(br),
                    thousands(new_br)
                ),
                format!("≤ {} B", thousands(ON_DEMAND_BUDGET_BROTLI)),
            )
            .within(br <= ON_DEMAND_BUDGET_BROTLI),
        );
    }
    let chunks = split::chunks(dist)?;
    if !chunks.is_empty() {
        step(&format!(
            "Bytes: the main page's code fetched on demand (budget {} B brotli each)",
            thousands(ON_DEMAND_BUDGET_BROTLI)
        ));
        size_table(dist, &chunks, width)?;
    }
    for chunk in &chunks {
        let br = brotli(&dist.join(chunk))?.len() as u64;
        rows.push(
            Row::new(
                format!(
                    "Bytes: {}, fetched on demand, brotli",
                    chunk
                        .split_once("-split-")
                        .map_or(chunk.as_str(), |(_, part)| part)
                ),
                format!("{} B", thousands(br)),
                format!("≤ {} B", thousands(ON_DEMAND_BUDGET_BROTLI)),
            )
            .within(br <= ON_DEMAND_BUDGET_BROTLI),
        );
    }
    if pages.is_empty() {
        rows.push(Row {
            verdict: Verdict::NotMeasured,
            ..Row::new(
                "Bytes: other pages, loaded on demand",
                "none in the build",
                format!("≤ {} B each", thousands(ON_DEMAND_BUDGET_BROTLI)),
            )
        });
    }
    let reached: Vec<&String> = first
        .iter()
        .chain(pages.iter().flat_map(|(_, files)| files))
        .collect();
    let mut assets = Vec::new();
    super::collect_assets(dist, &mut assets)?;
    let unreached: Vec<String> = assets
        .iter()
        .filter_map(|a| a.strip_prefix(dist).ok())
        .map(|a| a.to_string_lossy().to_string())
        .filter(|a| !reached.contains(&a))
        .collect();
    if !unreached.is_empty() {
        println!(
            "\nFiles no page references (fetched by code, if at all; not counted): {}",
            unreached.join(", ")
        );
    }
    Ok(rows)
}

/// Every HTML file of the build but the main page, sorted.
fn other_pages(dist: &Path) -> Result<Vec<String>> {
    let mut assets = Vec::new();
    super::collect_assets(dist, &mut assets)?;
    let mut pages: Vec<String> = assets
        .iter()
        .filter(|a| a.extension().and_then(|e| e.to_str()) == Some("html"))
        .filter_map(|a| a.strip_prefix(dist).ok())
        .map(|a| a.to_string_lossy().replace('\\', "/"))
        .filter(|a| a != "index.html")
        .collect();
    pages.sort();
    Ok(pages)
}

/// Lighthouse's figures, each the median of [`LOAD_RUNS`] runs.
fn page_load(url: &str) -> Result<Vec<Row>> {
    step(&format!(
        "Load: Lighthouse, mobile, simulated throttling, {LOAD_RUNS} runs (reports in \
         {BENCH_OUT}/lighthouse/)"
    ));
    let runs_arg = LOAD_RUNS.to_string();
    let out_dir = format!("{BENCH_OUT}/lighthouse");
    let lines = node_lines(
        &["xtask/bench/load.mjs", url, &runs_arg, &out_dir],
        "LIGHTHOUSE",
    )?;
    let mut runs = Vec::new();
    for line in &lines {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let numbers: Option<Vec<f64>> = fields
            .get(..4)
            .map(|f| f.iter().map(|x| x.parse().ok()).collect())
            .unwrap_or_default();
        match numbers {
            Some(n) => runs.push((n, fields.get(4).unwrap_or(&"?").replace('_', " "))),
            None => return Err(format!("cannot read Lighthouse's line: {line}")),
        }
    }
    if runs.len() != LOAD_RUNS {
        return Err(format!(
            "{} Lighthouse runs reported, {LOAD_RUNS} expected",
            runs.len()
        ));
    }
    let figure = |i: usize| median(&runs.iter().map(|(n, _)| n[i]).collect::<Vec<_>>());
    let (score, lcp, tbt, cls) = (figure(0), figure(1), figure(2), figure(3));
    // The element of the run whose LCP is the median: what the page's LCP is.
    let element = runs
        .iter()
        .find(|(n, _)| n[1] == lcp)
        .map_or("?", |(_, e)| e.as_str());
    Ok(vec![
        Row::new(
            "Load: Lighthouse performance score",
            format!("{score:.2}"),
            format!("≥ {PERFORMANCE_SCORE_MIN:.2}"),
        )
        .within(score >= PERFORMANCE_SCORE_MIN),
        Row::new(
            "Load: largest contentful paint",
            format!("{:.2} s ({element})", lcp / 1000.0),
            format!("≤ {:.1} s", LCP_MAX_MS / 1000.0),
        )
        .within(lcp <= LCP_MAX_MS),
        Row::new(
            "Load: total blocking time",
            format!("{tbt:.0} ms"),
            format!("≤ {TBT_MAX_MS:.0} ms"),
        )
        .within(tbt <= TBT_MAX_MS),
        Row::new(
            "Load: cumulative layout shift",
            format!("{cls:.3}"),
            format!("{CLS_MAX}"),
        )
        .within(cls <= CLS_MAX),
    ])
}

/// The latency script's p50 and p95.
fn interaction(url: &str) -> Result<Vec<Row>> {
    step(&format!(
        "Interaction: {INTERACTION_CHANGES} form changes in headless Chromium, each timed to \
         the last change of the answer's elements, which must come before the first task after it"
    ));
    let changes = INTERACTION_CHANGES.to_string();
    let lines = node_lines(
        &["xtask/bench/interaction.js", url, &changes],
        "INTERACTION",
    )?;
    let numbers: Option<Vec<f64>> = lines
        .first()
        .map(|l| l.split_whitespace().map(|x| x.parse().ok()).collect())
        .unwrap_or_default();
    let Some(&[n, p50, p95, max, task50, task95, frame50, frame95, floor50, floor95]) =
        numbers.as_deref()
    else {
        return Err(format!("cannot read the latency script's line: {lines:?}"));
    };
    Ok(vec![
        Row::new(
            format!("Interaction: form change → answer in the DOM ({n:.0} changes)"),
            format!("p50 {p50:.1} ms, p95 {p95:.1} ms (max {max:.1} ms)"),
            format!("p95 ≤ {INTERACTION_P95_MAX_MS:.0} ms"),
        )
        .within(p95 <= INTERACTION_P95_MAX_MS),
        // The baseline's method: to the first task after the change. It also counts the
        // browser's own tasks queued meanwhile (after a choice, Chromium's autofill lays the
        // page out), so it is shown beside, not budgeted.
        Row::new(
            "Interaction: the same changes, to the first task after",
            format!("p50 {task50:.1} ms, p95 {task95:.1} ms"),
            "—",
        ),
        // Where the budget's method stops, the display's next frame is still to come: shown,
        // with what that wait alone costs, so the two are never confused.
        Row::new(
            "Interaction: the same changes, to the next animation frame",
            format!("p50 {frame50:.1} ms, p95 {frame95:.1} ms"),
            "—",
        ),
        Row::new(
            "Interaction: a change that does nothing, to the next frame",
            format!("p50 {floor50:.1} ms, p95 {floor95:.1} ms"),
            "—",
        ),
    ])
}

/// Runs `node <args>` from the repository root with Debian's Chromium, shows its output as it
/// goes, and returns the text after `tag` of the lines that start with it.
fn node_lines(args: &[&str], tag: &str) -> Result<Vec<String>> {
    let mut cmd = command("node", args);
    cmd.env("CHROME_PATH", "/usr/bin/chromium")
        .stderr(Stdio::inherit());
    let out = cmd.output().map_err(|e| format!("cannot run node: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    if !out.status.success() {
        return Err(format!("node {} failed ({})", args.join(" "), out.status));
    }
    Ok(text
        .lines()
        .filter_map(|l| l.strip_prefix(tag))
        .map(|l| l.trim().to_string())
        .collect())
}

/// Criterion's medians of one evaluation.
fn engine_speed() -> Result<Vec<Row>> {
    step("Engine: Criterion, natively (cargo bench -p ball-engine --bench evaluate)");
    run(command(
        "cargo",
        &["bench", "-p", "ball-engine", "--bench", "evaluate"],
    ))?;
    let mut rows = Vec::new();
    let medians = criterion_medians(&target_dir().join("criterion"))?;
    for (id, name) in EVALUATION_BENCHES {
        let ns = medians.get(*id).copied().ok_or_else(|| {
            format!("Criterion wrote no estimates for \"{id}\" (engine/benches/evaluate.rs)")
        })?;
        rows.push(
            Row::new(
                format!("Engine: one evaluation, {name} (median)"),
                duration(ns),
                format!("≤ {}", duration(EVALUATION_MAX_NS)),
            )
            .within(ns <= EVALUATION_MAX_NS),
        );
    }

    Ok(rows)
}

/// Criterion's medians of the "what would change it" benchmark, or "not measured" while it
/// does not exist.
fn what_if_speed() -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    let what_if = format!("engine/benches/{WHAT_IF_BENCH}.rs");
    let budget = format!("≤ {}", duration(WHAT_IF_MAX_NS));
    if !root().join(&what_if).is_file() {
        rows.push(Row {
            verdict: Verdict::NotMeasured,
            ..Row::new(
                "Engine: what would change it (median)",
                format!("not measured ({what_if} does not exist yet)"),
                budget,
            )
        });
        return Ok(rows);
    }
    step(&format!(
        "Engine: Criterion, natively (cargo bench -p ball-engine --bench {WHAT_IF_BENCH})"
    ));
    run(command(
        "cargo",
        &["bench", "-p", "ball-engine", "--bench", WHAT_IF_BENCH],
    ))?;
    let listed = command(
        "cargo",
        &[
            "bench",
            "-q",
            "-p",
            "ball-engine",
            "--bench",
            WHAT_IF_BENCH,
            "--",
            "--list",
        ],
    )
    .output()
    .map_err(|e| format!("cannot list the {WHAT_IF_BENCH} benchmarks: {e}"))?;
    let medians = criterion_medians(&target_dir().join("criterion"))?;
    let ids: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .filter_map(|l| l.strip_suffix(": benchmark"))
        .map(str::to_string)
        .collect();
    for id in &ids {
        let what = format!("Engine: {id} (median)");
        rows.push(match medians.get(id) {
            Some(&ns) => Row::new(what, duration(ns), budget.clone()).within(ns <= WHAT_IF_MAX_NS),
            None => Row {
                verdict: Verdict::NotMeasured,
                ..Row::new(
                    what,
                    "not measured (no Criterion estimates)",
                    budget.clone(),
                )
            },
        });
    }
    if ids.is_empty() {
        rows.push(Row {
            verdict: Verdict::NotMeasured,
            ..Row::new(
                "Engine: what would change it (median)",
                format!("not measured ({what_if} lists no benchmark)"),
                budget,
            )
        });
    }
    Ok(rows)
}

/// Criterion's median of every benchmark under `dir` (`target/criterion`), in nanoseconds,
/// by its full name: each `<benchmark>/new/benchmark.json` names it and the
/// `estimates.json` beside it has the median.
fn criterion_medians(dir: &Path) -> Result<BTreeMap<String, f64>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.ends_with("new/benchmark.json") {
                let estimates = path.with_file_name("estimates.json");
                let (Ok(meta), Ok(est)) =
                    (fs::read_to_string(&path), fs::read_to_string(&estimates))
                else {
                    continue;
                };
                let (Some(id), Some(median)) = (
                    json_string(&meta, "full_id"),
                    json_number(&est, &["median", "point_estimate"]),
                ) else {
                    return Err(format!(
                        "cannot read Criterion's {} or {}",
                        path.display(),
                        estimates.display()
                    ));
                };
                found.insert(id, median);
            }
        }
    }
    Ok(found)
}

/// The string value of the first `"key":"…"` in compact JSON (Criterion's files).
fn json_string(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut value = String::new();
    let mut chars = json[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(value),
            '\\' => value.push(chars.next()?),
            _ => value.push(c),
        }
    }
    None
}

/// The number at a path of keys in compact JSON, each key searched after the previous one
/// (enough for Criterion's `estimates.json`: `["median", "point_estimate"]`).
fn json_number(json: &str, path: &[&str]) -> Option<f64> {
    let mut at = 0;
    for key in path {
        at += json[at..].find(&format!("\"{key}\":"))? + key.len() + 3;
    }
    let rest = json[at..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// The instruction count of one evaluation of the most complex scenario, against the
/// recorded baseline.
fn instructions() -> Result<Vec<Row>> {
    step(&format!(
        "Instructions: one evaluation under callgrind (engine/examples/callgrind_eval.rs, \
         collecting inside {CALLGRIND_FUNCTION} only)"
    ));
    run(command(
        "cargo",
        &[
            "build",
            "--release",
            "-p",
            "ball-engine",
            "--example",
            "callgrind_eval",
        ],
    ))?;
    let out = root().join(BENCH_OUT).join("callgrind.out");
    fs::create_dir_all(root().join(BENCH_OUT))
        .map_err(|e| format!("cannot create {BENCH_OUT}: {e}"))?;
    let mut cmd = command(
        "valgrind",
        &[
            "--tool=callgrind",
            &format!("--toggle-collect={CALLGRIND_FUNCTION}"),
        ],
    );
    cmd.arg(format!("--callgrind-out-file={}", out.display()))
        .arg(target_dir().join("release/examples/callgrind_eval"));
    run(cmd)?;
    let text =
        fs::read_to_string(&out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
    let count = callgrind_total(&text)
        .ok_or_else(|| format!("no instruction total in {}", out.display()))?;
    if count == 0 {
        return Err(format!(
            "callgrind counted nothing: is {CALLGRIND_FUNCTION} still in the example?"
        ));
    }
    let baseline_file = root().join(CALLGRIND_BASELINE);
    let baseline = fs::read_to_string(&baseline_file)
        .ok()
        .and_then(|t| baseline_count(&t))
        .ok_or_else(|| {
            format!("{CALLGRIND_BASELINE} has no count (the count of this run is {count})")
        })?;
    let limit = baseline + baseline * CALLGRIND_GROWTH_MAX_PERCENT / 100;
    let change = (count as f64 / baseline as f64 - 1.0) * 100.0;
    Ok(vec![Row::new(
        "Engine: instructions of one evaluation, most complex scenario (callgrind)",
        format!(
            "{} (baseline {}, {change:+.1}%)",
            thousands(count),
            thousands(baseline)
        ),
        format!(
            "≤ {} (baseline + {CALLGRIND_GROWTH_MAX_PERCENT}%)",
            thousands(limit)
        ),
    )
    .within(count <= limit)])
}

/// The collected instruction count of a callgrind output file (its `totals:` or `summary:`
/// line).
fn callgrind_total(text: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| {
            l.strip_prefix("totals:")
                .or_else(|| l.strip_prefix("summary:"))
        })
        .and_then(|n| n.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// The count in the baseline file: its first line that is not a `#` comment or blank, with
/// `,` or `_` allowed between digits.
fn baseline_count(text: &str) -> Option<u64> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(|l| l.replace([',', '_'], "").parse().ok())
}

/// Cargo's target directory.
fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// The middle value (the mean of the two middle ones for an even count).
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// A duration in nanoseconds in the unit that reads best.
fn duration(ns: f64) -> String {
    if ns >= 1_000_000.0 {
        format!("{:.2} ms", ns / 1_000_000.0)
    } else if ns >= 1_000.0 {
        format!("{:.1} µs", ns / 1_000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

/// `165294` as `165,294`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The table as text: what, figure, budget and verdict, in aligned columns.
fn table(rows: &[Row]) -> String {
    let verdict = |v: &Verdict| match v {
        Verdict::Within => "ok",
        Verdict::Over => "OVER",
        Verdict::NotMeasured => "not measured",
        Verdict::Info => "",
        Verdict::Failed => "FAILED",
    };
    let header = ["what", "figure", "budget", "verdict"];
    let cells: Vec<[&str; 4]> = rows
        .iter()
        .map(|r| {
            [
                r.what.as_str(),
                r.figure.as_str(),
                r.budget.as_str(),
                verdict(&r.verdict),
            ]
        })
        .collect();
    let mut widths = [0; 4];
    for line in std::iter::once(&header).chain(&cells) {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for line in std::iter::once(&header).chain(&cells) {
        let mut text = String::new();
        for (i, (w, cell)) in widths.iter().zip(line).enumerate() {
            if i > 0 {
                text.push_str(" | ");
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', w - cell.chars().count()));
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_files_are_read_for_the_median() {
        let dir = env::temp_dir().join(format!("xtask-criterion-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let bench = dir.join("group/function/new");
        fs::create_dir_all(&bench).unwrap();
        fs::write(
            bench.join("benchmark.json"),
            r#"{"group_id":"group","function_id":"function","value_str":null,"throughput":null,"full_id":"group/fun \"c\"","directory_name":"group/function","title":"group/fun \"c\""}"#,
        )
        .unwrap();
        fs::write(
            bench.join("estimates.json"),
            r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":1.5,"standard_error":0.1},"median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":3.0,"upper_bound":4.0},"point_estimate":3512.25,"standard_error":0.2},"median_abs_dev":{"point_estimate":9.0}}"#,
        )
        .unwrap();
        // A base/ copy from an earlier run is not this run's.
        fs::create_dir_all(dir.join("group/function/base")).unwrap();
        let medians = criterion_medians(&dir).unwrap();
        assert_eq!(medians.len(), 1);
        assert_eq!(medians.get("group/fun \"c\""), Some(&3512.25));
        fs::remove_dir_all(&dir).unwrap();
        assert!(criterion_medians(&dir).unwrap().is_empty());
    }

    #[test]
    fn callgrind_totals_and_the_baseline_are_read() {
        let out = "# callgrind format\nversion: 1\nevents: Ir\nfn=(1) x\n3 5\nsummary: 197870\ntotals: 197870\n";
        assert_eq!(callgrind_total(out), Some(197_870));
        assert_eq!(callgrind_total("events: Ir\n"), None);
        let baseline =
            "# Instructions of one evaluation.\n# Update: run cargo xtask bench.\n\n197,870\n";
        assert_eq!(baseline_count(baseline), Some(197_870));
        assert_eq!(baseline_count("# only comments\n"), None);
    }

    #[test]
    fn medians_and_numbers_read_as_budgets_are_written() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(150_000), "150,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(duration(8_442.9), "8.4 µs");
        assert_eq!(duration(1_000_000.0), "1.00 ms");
        assert_eq!(duration(512.0), "512 ns");
    }

    #[test]
    fn the_table_aligns_its_columns_and_marks_each_verdict() {
        let rows = [
            Row::new("Bytes", "165,294 B", "≤ 150,000 B").within(false),
            Row::new("Load: CLS", "0.000", "0").within(true),
            Row {
                verdict: Verdict::NotMeasured,
                ..Row::new("what if", "not measured", "≤ 1.00 ms")
            },
            Row::failed("Load", "Chromium did not start"),
        ];
        let text = table(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[1].ends_with("| OVER"), "{text}");
        assert!(lines[2].ends_with("| ok"), "{text}");
        assert!(lines[3].ends_with("| not measured"), "{text}");
        assert!(lines[4].ends_with("| FAILED"), "{text}");
        let bar = |l: &str| l.chars().position(|c| c == '|');
        assert!(lines.iter().all(|l| bar(l) == bar(lines[0])), "{text}");
    }
}
