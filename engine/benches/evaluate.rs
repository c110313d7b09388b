//! One full assessment (validation and every rule) of a typical tumour-board scenario.
//! Target: well under 10 µs natively.

use criterion::{criterion_group, criterion_main, Criterion};
use engine::{assess, Field, RawScenario};
use std::hint::black_box;

fn typical() -> RawScenario {
    RawScenario::new()
        .with(Field::Age, "34")
        .with(Field::Weight, "72")
        .with(Field::Height, "178")
        .with(Field::Setting, "r2")
        .with(Field::MarrowBlasts, "62")
        .with(Field::PeripheralBlasts, "8000")
        .with(Field::Ldh, "480")
        .with(Field::LdhUln, "250")
        .with(Field::Cns, "no")
        .with(Field::Cd19, "pos")
        .with(Field::Cd22Pct, "85")
        .with(Field::Ph, "neg")
        .with(Field::Transplant, "plan")
        .with(Field::PriorLines, "2")
        .with(Field::PriorBlinatumomab, "no")
}

fn bench(c: &mut Criterion) {
    let raw = typical();
    c.bench_function("assess typical scenario", |b| {
        b.iter(|| assess(black_box(&raw)))
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
