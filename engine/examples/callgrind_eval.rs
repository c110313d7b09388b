//! One evaluation of the most complex benchmark scenario, for an instruction count under
//! `valgrind --tool=callgrind --toggle-collect=callgrind_measured_evaluation` (run by `cargo
//! xtask bench`). Only the call to that function is counted: start-up, reading the link and
//! a first warm-up evaluation (which pays the allocator's first requests) are not.

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)] // TYPICAL is for the benchmarks
mod common;

use std::hint::black_box;

/// The counted evaluation; its unmangled name is what callgrind toggles collection on.
#[no_mangle]
#[inline(never)]
pub fn callgrind_measured_evaluation(raw: &engine::RawScenario) -> bool {
    matches!(
        black_box(engine::assess(black_box(raw))),
        engine::Assessment::Valid(_)
    )
}

fn main() {
    let raw = common::scenario(common::MOST_COMPLEX);
    let warm = black_box(engine::assess(black_box(&raw)));
    drop(warm);
    if !callgrind_measured_evaluation(&raw) {
        eprintln!("the most complex scenario is not valid: nothing would be measured");
        std::process::exit(1);
    }
}
