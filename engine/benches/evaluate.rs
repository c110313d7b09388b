//! One full assessment (validation and every rule) of a typical tumour-board scenario and of
//! the most complex one. Target: under 10 µs each natively; `cargo xtask bench` reads the
//! medians of "assess typical scenario" and "assess most complex scenario" from
//! `target/criterion`, so keep those two names.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use engine::{assess, Assessment};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let raw = common::scenario(common::TYPICAL);
    let complex = common::scenario(common::MOST_COMPLEX);
    // A scenario with problems would time the early return, not the rules.
    for scenario in [&raw, &complex] {
        assert!(matches!(assess(scenario), Assessment::Valid(_)));
    }
    c.bench_function("assess typical scenario", |b| {
        b.iter(|| assess(black_box(&raw)))
    });
    c.bench_function("assess most complex scenario", |b| {
        b.iter(|| assess(black_box(&complex)))
    });
    c.bench_function("validate only", |b| {
        b.iter(|| engine::validate(black_box(&raw)))
    });
    if let Ok(scenario) = engine::validate(&raw) {
        c.bench_function("evaluate only", |b| {
            b.iter(|| engine::evaluate(black_box(&scenario)))
        });
    }
    let query = engine::query::to_query(&raw);
    c.bench_function("parse link and assess", |b| {
        b.iter(|| assess(&engine::query::parse_query(black_box(&query)).0))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
