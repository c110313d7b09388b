//! Fixtures shared by the engine's integration tests.

/// A 40-year-old in second relapse (US labels) with every value known and unremarkable, as
/// URL keys and texts: both markers positive, Ph-negative, low burden, no CNS, liver, renal
/// or transplant history, no prior immunotherapy. Tests change what they are about.
pub const KNOWN: &[(&str, &str)] = &[
    ("reg", "us"),
    ("age", "40"),
    ("wt", "70"),
    ("ht", "170"),
    ("set", "r2"),
    ("bm", "10"),
    ("pb", "0"),
    ("ldhs", "norm"),
    ("emd", "no"),
    ("cns", "no"),
    ("cd19", "pos"),
    ("cd22", "pos"),
    ("ph", "neg"),
    ("hsct", "no"),
    ("phsct", "no"),
    ("lines", "2"),
    ("pblin", "no"),
    ("pino", "no"),
    ("pcart", "no"),
    ("kmt2a", "no"),
    ("treg", "5"),
    ("crcl", "100"),
    ("dial", "no"),
    ("liver", "no"),
];
