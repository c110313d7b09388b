//! The what-if search on the most complex scenario: every field given and known, numbers
//! beside their thresholds, so every probe and every choice is a candidate.
//! Target: at most 1 ms natively.

use criterion::{criterion_group, criterion_main, Criterion};
use engine::what_if::what_would_change;
use engine::{Field, RawScenario};
use std::hint::black_box;

fn most_complex() -> RawScenario {
    [
        (Field::Region, "eu"),
        (Field::Age, "17"),
        (Field::Weight, "44"),
        (Field::Height, "150"),
        (Field::Setting, "r2"),
        (Field::MarrowBlasts, "62"),
        (Field::PeripheralBlasts, "16000"),
        (Field::Ldh, "480"),
        (Field::LdhUln, "250"),
        (Field::Extramedullary, "yes"),
        (Field::Cns, "no"),
        (Field::Cd19Pct, "85"),
        (Field::Cd22Pct, "19"),
        (Field::Ph, "pos"),
        (Field::TkisFailed, "1"),
        (Field::T315i, "no"),
        (Field::Transplant, "plan"),
        (Field::PriorHsct, "no"),
        (Field::PriorLines, "3"),
        (Field::PriorBlinatumomab, "resp"),
        (Field::PriorInotuzumab, "no"),
        (Field::PriorCart, "no"),
        (Field::Kmt2a, "no"),
        (Field::Treg, "5"),
        (Field::Crcl, "29"),
        (Field::Dialysis, "no"),
        (Field::Liver, "no"),
    ]
    .into_iter()
    .fold(RawScenario::new(), |raw, (field, text)| {
        raw.with(field, text)
    })
}

fn bench(c: &mut Criterion) {
    let raw = most_complex();
    assert!(!what_would_change(&raw).is_empty());
    c.bench_function("what would change it, most complex scenario", |b| {
        b.iter(|| what_would_change(black_box(&raw)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
