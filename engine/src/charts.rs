//! The outcome charts: figures the sources give, as data. The build draws each as an SVG
//! (into the evidence browser and as `charts/<id>.svg`), and each therapy card shows the one
//! [`relevant`] to the patient, with [`Chart::text_equivalent`] as its text.
//!
//! Every number here is written as its source writes it, and a test checks that each is in
//! the quotes of its evidence row: a chart shows the evidence snapshot, nothing computed or
//! estimated. A bar gives its patients (`n`) where the source does, so a cohort of 9 is
//! never read like a trial of 189, and a confidence interval only where the source gives one.

use serde::Serialize;

use crate::documents::{DOC_BESPONSA_PED_US, DOC_FELIX_BURDEN, DOC_TECARTUS_US};
use crate::evidence::{link, SourceKey, TrialLink};
use crate::scenario::{Scenario, Setting};
use crate::therapy::Therapy;
use crate::thresholds::{
    HIGH_MARROW_BLASTS_PCT, HIGH_PERIPHERAL_BLASTS_PER_UL, OLDER_ADULT_AGE_YEARS, PRIOR_LINES_MAX,
};

/// A chart, by its stable ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ChartId {
    /// Blinatumomab: response in R/R disease across trials and cohorts.
    ResponseBlinatumomab,
    /// Inotuzumab: response across trials.
    ResponseInotuzumab,
    /// CD19 CAR-T: response across the products' trials.
    ResponseCarT,
    /// Blinatumomab after debulking: CR by marrow blasts before debulking (S4).
    BlinatumomabBurden,
    /// Blinatumomab after debulking: CR by pre-phase regimen (S4).
    BlinatumomabPrephase,
    /// Blinatumomab after debulking: CR by prior lines of therapy (S4).
    BlinatumomabLines,
    /// Blinatumomab after debulking: CR by age (S4).
    BlinatumomabAge,
    /// Blinatumomab in MRD: survival of MRD responders vs non-responders (S2, S3).
    MrdResponse,
    /// Obecabtagene: FELIX outcomes by marrow blasts (label facts).
    FelixBurden,
}

impl ChartId {
    /// Every chart, in the order the evidence browser shows them.
    pub const ALL: [ChartId; 9] = [
        ChartId::ResponseBlinatumomab,
        ChartId::BlinatumomabBurden,
        ChartId::BlinatumomabPrephase,
        ChartId::BlinatumomabLines,
        ChartId::BlinatumomabAge,
        ChartId::MrdResponse,
        ChartId::ResponseInotuzumab,
        ChartId::ResponseCarT,
        ChartId::FelixBurden,
    ];

    /// A stable lowercase identifier: `data-chart`, the anchor `chart-<slug>` and the file
    /// `charts/<slug>.svg`.
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::ResponseBlinatumomab => "response-blinatumomab",
            ChartId::ResponseInotuzumab => "response-inotuzumab",
            ChartId::ResponseCarT => "response-car-t",
            ChartId::BlinatumomabBurden => "blinatumomab-burden",
            ChartId::BlinatumomabPrephase => "blinatumomab-prephase",
            ChartId::BlinatumomabLines => "blinatumomab-lines",
            ChartId::BlinatumomabAge => "blinatumomab-age",
            ChartId::MrdResponse => "mrd-response",
            ChartId::FelixBurden => "felix-burden",
        }
    }

    /// The chart's data.
    pub fn chart(self) -> Option<&'static Chart> {
        CHARTS.iter().find(|c| c.id == self)
    }

    /// What a card shows of the chart.
    pub fn summary(self) -> Option<&'static ChartSummary> {
        SUMMARIES.iter().find(|c| c.id == self)
    }
}

/// What a chart's values measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// A percentage of patients.
    Percent,
    /// A median time in months.
    Months,
}

/// One bar: a figure for one group of patients.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bar {
    /// Who the figure is for ("Marrow blasts < 50%", "CR/CRh").
    pub label: &'static str,
    /// The figure as the source writes it ("67.6", "3.0").
    pub value: &'static str,
    /// How many of the `n` patients responded, where the source gives the count.
    pub responders: Option<u32>,
    /// The patients behind the figure, where the source gives them.
    pub n: Option<u32>,
    /// The 95% confidence interval as the source writes it, where it gives one.
    pub ci: Option<(&'static str, &'static str)>,
    /// A control arm (standard chemotherapy), drawn apart from the therapy's own bars.
    pub comparator: bool,
}

/// Bars that belong together: one trial's arms, or one analysis's subgroups.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Group {
    /// What the bars have in common ("TOWER (adults, Ph-negative)", "BLAST: median OS").
    pub label: &'static str,
    /// The evidence row the figures belong to ([`crate::evidence::TrialEvidence::id`]): a
    /// test finds each figure in that row's quotes from `source`.
    pub row: &'static str,
    /// The source of the row the figures are quoted from.
    pub source: SourceKey,
    /// The bars.
    pub bars: &'static [Bar],
}

/// A chart: groups of bars in one unit, with what they measure and how to read them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Chart {
    /// Stable ID.
    pub id: ChartId,
    /// The chart's title.
    pub title: &'static str,
    /// What the values are.
    pub measure: &'static str,
    /// Their unit.
    pub unit: Unit,
    /// The groups, top to bottom.
    pub groups: &'static [Group],
    /// How (not) to read it: the caveats the comparison needs.
    pub note: &'static str,
    /// Source and patients for the caption ("Source: Italian debulking cohort: S4, n = 34."),
    /// written out so the app shows it without carrying the chart's data; a test checks it
    /// against the groups and the evidence table ([`Chart::source_line`]).
    pub caption: &'static str,
}

/// What the app shows of a chart on a therapy card: the drawing is a file of the build, and
/// its figures as text are on the evidence page. A const copy of [`CHARTS`] without the data,
/// so the app carries only this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChartSummary {
    /// The chart.
    pub id: ChartId,
    /// Its title (the image's text alternative).
    pub title: &'static str,
    /// What the values are.
    pub measure: &'static str,
    /// Source and patients.
    pub caption: &'static str,
}

const fn summaries<const N: usize>(charts: &[Chart]) -> [ChartSummary; N] {
    let mut out = [ChartSummary {
        id: ChartId::ResponseBlinatumomab,
        title: "",
        measure: "",
        caption: "",
    }; N];
    let mut i = 0;
    while i < N && i < charts.len() {
        out[i] = ChartSummary {
            id: charts[i].id,
            title: charts[i].title,
            measure: charts[i].measure,
            caption: charts[i].caption,
        };
        i += 1;
    }
    out
}

/// Every chart of [`CHARTS`] as a [`ChartSummary`], in the same order.
pub const SUMMARIES: [ChartSummary; CHARTS.len()] = summaries(CHARTS);

const fn bar(label: &'static str, value: &'static str) -> Bar {
    Bar {
        label,
        value,
        responders: None,
        n: None,
        ci: None,
        comparator: false,
    }
}

const fn counted(label: &'static str, value: &'static str, responders: u32, n: u32) -> Bar {
    Bar {
        responders: Some(responders),
        n: Some(n),
        ..bar(label, value)
    }
}

/// The caveat every cross-trial chart carries.
const ACROSS_TRIALS: &str = "Each trial defines response in its own way and enrolled different patients: read each bar on its own, not as a head-to-head comparison.";

/// Every chart.
pub const CHARTS: &[Chart] = &[
    Chart {
        id: ChartId::ResponseBlinatumomab,
        title: "Blinatumomab in relapsed or refractory disease: response by trial",
        measure: "Patients with a response, as each trial defines it (CR, CR/CRh or CR/CRi)",
        unit: Unit::Percent,
        groups: &[
            Group {
                label: "MT103-211 (adults, Ph-negative)",
                row: "mt103-211",
                source: SourceKey::S1,
                bars: &[counted("CR/CRh within two cycles", "43", 81, 189)],
            },
            Group {
                label: "TOWER (adults, Ph-negative, randomised)",
                row: "tower",
                source: SourceKey::S2,
                bars: &[
                    Bar {
                        n: Some(271),
                        ..bar("CR, blinatumomab", "34")
                    },
                    Bar {
                        n: Some(124),
                        comparator: true,
                        ..bar("CR, chemotherapy", "16")
                    },
                ],
            },
            Group {
                label: "ALCANTARA (adults, Ph-positive)",
                row: "alcantara",
                source: SourceKey::S0,
                bars: &[Bar {
                    ci: Some(("22", "51")),
                    ..counted("CR/CRh in the first two cycles", "36", 16, 45)
                }],
            },
            Group {
                label: "GMALL phase II (adults)",
                row: "gmall",
                source: SourceKey::S1,
                bars: &[counted("CR/CRh", "69", 25, 36)],
            },
            Group {
                label: "Paediatric phase II (children)",
                row: "paediatric-phase-2",
                source: SourceKey::S1,
                bars: &[Bar {
                    n: Some(39),
                    ..bar("CR in the first two cycles", "31")
                }],
            },
            Group {
                label: "Greek cohort (children)",
                row: "greek",
                source: SourceKey::S3,
                bars: &[counted("CR after the first cycle", "66.7", 6, 9)],
            },
            Group {
                label: "Italian cohort (adults, after debulking)",
                row: "italian",
                source: SourceKey::S4,
                bars: &[counted(
                    "CR within 2 cycles",
                    "67.6",
                    23,
                    34)],
            },
            Group {
                label: "Badar real-world (R/R)",
                row: "badar",
                source: SourceKey::S2,
                bars: &[bar("CR/CRi", "61")],
            },
        ],
        note: ACROSS_TRIALS,
        caption: "Source: MT103-211: S1, n = 189; TOWER (phase III): S2, n = 405; ALCANTARA: S0, n = 45; GMALL phase II: S1, n = 36; Paediatric phase II: S1, n = 39; Greek paediatric cohort: S3, n = 9; Italian debulking cohort: S4, n = 34; Badar real-world: S2, n not given.",
    },
    Chart {
        id: ChartId::BlinatumomabBurden,
        title: "Blinatumomab after debulking: CR by marrow blasts before debulking",
        measure: "Patients in CR within 2 cycles, and complete MRD response among those in CR",
        unit: Unit::Percent,
        groups: &[
            Group {
                label: "CR within 2 cycles (Italian cohort)",
                row: "italian",
                source: SourceKey::S4,
                bars: &[
                    counted("Marrow blasts < 50%", "92", 12, 13),
                    counted("Marrow blasts ≥ 50%", "50", 10, 20),
                ],
            },
            Group {
                label: "Complete MRD response among CR (Italian cohort)",
                row: "italian",
                source: SourceKey::S4,
                bars: &[
                    bar("Marrow blasts < 50%", "73"),
                    bar("Marrow blasts ≥ 50%", "89"),
                ],
            },
        ],
        note: "Every patient was debulked before blinatumomab; the groups are by marrow blasts before debulking. A retrospective cohort of 34: small groups, wide uncertainty.",
        caption: "Source: Italian debulking cohort: S4, n = 34.",
    },
    Chart {
        id: ChartId::BlinatumomabPrephase,
        title: "Blinatumomab after debulking: CR by pre-phase regimen",
        measure: "Patients in CR after blinatumomab",
        unit: Unit::Percent,
        groups: &[Group {
            label: "Italian cohort, by debulking regimen",
            row: "italian",
            source: SourceKey::S4,
            bars: &[
                counted("Polychemotherapy", "100", 5, 5),
                counted("Low-intensity chemotherapy with or without steroids", "61", 11, 18),
                counted("Steroids alone", "42.9", 3, 7),
            ],
        }],
        note: "The clinicians chose the regimen: the groups differ in more than the regimen, and they are small. The source gives no CR rate for the TKI regimens.",
        caption: "Source: Italian debulking cohort: S4, n = 34.",
    },
    Chart {
        id: ChartId::BlinatumomabLines,
        title: "Blinatumomab after debulking: CR by prior lines of therapy",
        measure: "Patients in CR within 2 cycles",
        unit: Unit::Percent,
        groups: &[Group {
            label: "Italian cohort, by lines of therapy before debulking",
            row: "italian",
            source: SourceKey::S4,
            bars: &[
                counted("2 or fewer prior lines", "85", 17, 20),
                counted("More than 2 prior lines", "42.9", 6, 14),
            ],
        }],
        note: "A retrospective cohort of 34 adults, all debulked first.",
        caption: "Source: Italian debulking cohort: S4, n = 34.",
    },
    Chart {
        id: ChartId::BlinatumomabAge,
        title: "Blinatumomab after debulking: CR by age",
        measure: "Patients in CR within 2 cycles",
        unit: Unit::Percent,
        groups: &[Group {
            label: "Italian cohort, by age at treatment",
            row: "italian",
            source: SourceKey::S4,
            bars: &[
                counted("Under 50 years", "68.4", 13, 19),
                counted("50 years or over", "66.7", 10, 15),
            ],
        }],
        note: "A retrospective cohort of 34 adults, all debulked first.",
        caption: "Source: Italian debulking cohort: S4, n = 34.",
    },
    Chart {
        id: ChartId::MrdResponse,
        title: "Blinatumomab: survival of MRD responders and non-responders",
        measure: "Median relapse-free survival (RFS) and overall survival (OS)",
        unit: Unit::Months,
        groups: &[
            Group {
                label: "BLAST: median RFS",
                row: "blast",
                source: SourceKey::S2,
                bars: &[
                    bar("MRD responders", "23.6"),
                    bar("MRD non-responders", "5.7"),
                ],
            },
            Group {
                label: "BLAST: median OS",
                row: "blast",
                source: SourceKey::S2,
                bars: &[
                    bar("MRD responders", "38.9"),
                    bar("MRD non-responders", "12.5"),
                ],
            },
            Group {
                label: "Greek cohort (children): median RFS",
                row: "greek",
                source: SourceKey::S3,
                bars: &[
                    bar("MRD response", "7.4"),
                    bar("No MRD response", "0.5"),
                ],
            },
            Group {
                label: "Greek cohort (children): median OS",
                row: "greek",
                source: SourceKey::S3,
                bars: &[
                    bar("MRD response", "7.6"),
                    bar("No MRD response", "3.0"),
                ],
            },
        ],
        note: "BLAST: MRD negativity after one cycle, in adults treated for MRD in CR. Greek cohort: a fall in MRD of at least 2 logs, in 9 children with R/R disease. Responders are compared with non-responders, not with untreated patients.",
        caption: "Source: BLAST: S2, n = 116; Greek paediatric cohort: S3, n = 9.",
    },
    Chart {
        id: ChartId::ResponseInotuzumab,
        title: "Inotuzumab ozogamicin: response by trial",
        measure: "Patients with a response (CR/CRi or CR)",
        unit: Unit::Percent,
        groups: &[
            Group {
                label: "INO-VATE (adults, randomised)",
                row: "ino-vate",
                source: SourceKey::S2,
                bars: &[
                    bar("CR/CRi, inotuzumab", "80.7"),
                    Bar {
                        comparator: true,
                        ..bar("CR/CRi, standard chemotherapy", "29.4")
                    },
                ],
            },
            Group {
                label: "Children from 1 year (US approval)",
                row: "ino-paediatric",
                source: SourceKey::Doc(&DOC_BESPONSA_PED_US),
                bars: &[counted("CR", "42", 22, 53)],
            },
        ],
        note: "The sources do not give INO-VATE's arm sizes. Trials differ in patients and definitions: not a head-to-head comparison.",
        caption: "Source: INO-VATE (inotuzumab): S2, n not given; Inotuzumab in children (US approval): FDA: Besponsa paediatric approval, n = 53.",
    },
    Chart {
        id: ChartId::ResponseCarT,
        title: "CD19 CAR-T: response by product and trial",
        measure: "Patients with a response, as each trial reports it",
        unit: Unit::Percent,
        groups: &[
            Group {
                label: "ELIANA, tisagenlecleucel (ages 3–21)",
                row: "eliana",
                source: SourceKey::S2,
                bars: &[Bar {
                    n: Some(75),
                    ..bar("MRD-negative within 3 months", "81")
                }],
            },
            Group {
                label: "ZUMA-3, brexucabtagene (adults)",
                row: "zuma-3",
                source: SourceKey::Doc(&DOC_TECARTUS_US),
                bars: &[counted("CR", "52", 28, 54)],
            },
            Group {
                label: "FELIX, obecabtagene (adults)",
                row: "felix",
                source: SourceKey::Doc(&DOC_FELIX_BURDEN),
                bars: &[
                    bar("CR/CRi, marrow blasts ≤ 20%", "85"),
                    bar("CR/CRi, marrow blasts > 20%", "73"),
                ],
            },
        ],
        note: ACROSS_TRIALS,
        caption: "Source: ELIANA (tisagenlecleucel): S2, n = 75; ZUMA-3 (brexucabtagene): Maestro: Tecartus US approval, n = 54; FELIX (obecabtagene): Haematologica FELIX, n not given.",
    },
    Chart {
        id: ChartId::FelixBurden,
        title: "Obecabtagene autoleucel (FELIX): outcomes by marrow blasts",
        measure: "Patients with each outcome, by marrow blasts of 20% or less vs more than 20%",
        unit: Unit::Percent,
        groups: &[
            Group {
                label: "CR/CRi",
                row: "felix",
                source: SourceKey::Doc(&DOC_FELIX_BURDEN),
                bars: &[
                    bar("Marrow blasts ≤ 20%", "85"),
                    bar("Marrow blasts > 20%", "73"),
                ],
            },
            Group {
                label: "Grade ≥ 3 CRS",
                row: "felix",
                source: SourceKey::Doc(&DOC_FELIX_BURDEN),
                bars: &[
                    bar("Marrow blasts ≤ 20%", "2"),
                    bar("Marrow blasts > 20%", "3"),
                ],
            },
            Group {
                label: "Grade ≥ 3 ICANS",
                row: "felix",
                source: SourceKey::Doc(&DOC_FELIX_BURDEN),
                bars: &[
                    bar("Marrow blasts ≤ 20%", "4"),
                    bar("Marrow blasts > 20%", "9"),
                ],
            },
        ],
        note: "The label facts give the percentages without the group sizes. The regimen itself is chosen by the marrow blasts.",
        caption: "Source: FELIX (obecabtagene): Haematologica FELIX, n not given.",
    },
];

impl Bar {
    /// The figure in words: "92% (12 of 13)", "34% (n = 271)", "36% (16 of 45; 95% CI
    /// 22–51%)", "23.6 months".
    pub fn text(&self, unit: Unit) -> String {
        let mut out = String::from(self.value);
        out.push_str(match unit {
            Unit::Percent => "%",
            Unit::Months => " months",
        });
        let mut details = Vec::new();
        match (self.responders, self.n) {
            (Some(k), Some(n)) => details.push(format!("{k} of {n}")),
            (None, Some(n)) => details.push(format!("n = {n}")),
            _ => {}
        }
        if let Some((low, high)) = self.ci {
            details.push(format!("95% CI {low}–{high}%"));
        }
        if !details.is_empty() {
            out.push_str(" (");
            out.push_str(&details.join("; "));
            out.push(')');
        }
        out
    }
}

impl Chart {
    /// The chart in words, for a screen reader or anyone who cannot see it: title, what is
    /// measured, every figure with its patients, and the caveat.
    pub fn text_equivalent(&self) -> String {
        let mut out = format!("{}. {}. ", self.title, self.measure);
        let groups: Vec<String> = self
            .groups
            .iter()
            .map(|g| {
                let bars: Vec<String> = g
                    .bars
                    .iter()
                    .map(|b| format!("{} {}", b.label, b.text(self.unit)))
                    .collect();
                format!("{}: {}", g.label, bars.join("; "))
            })
            .collect();
        out.push_str(&groups.join(". "));
        out.push_str(". ");
        out.push_str(self.note);
        out
    }

    /// The evidence rows the chart draws on, each once, in order (as links: the app shows
    /// captions without carrying the evidence table).
    pub fn rows(&self) -> Vec<&'static TrialLink> {
        let mut rows: Vec<&'static TrialLink> = Vec::new();
        for g in self.groups {
            if let Some(r) = link(g.row) {
                if !rows.iter().any(|o| o.id == r.id) {
                    rows.push(r);
                }
            }
        }
        rows
    }

    /// Source and patients worked out from the groups and the evidence table: what
    /// [`Chart::caption`] must say.
    pub fn source_line(&self) -> String {
        let parts: Vec<String> = self
            .rows()
            .iter()
            .map(|r| {
                let mut keys: Vec<&str> = Vec::new();
                for g in self.groups.iter().filter(|g| g.row == r.id) {
                    if !keys.contains(&g.source.as_str()) {
                        keys.push(g.source.as_str());
                    }
                }
                let n = match r.n {
                    Some(n) => format!("n = {n}"),
                    None => "n not given".to_string(),
                };
                format!("{}: {}, {n}", r.trial, keys.join(", "))
            })
            .collect();
        format!("Source: {}.", parts.join("; "))
    }
}

/// The chart most relevant to `therapy` for this patient: for blinatumomab, the analysis
/// that matches what sets the patient apart (MRD in CR, a high marrow or peripheral blast
/// count, more than two prior lines, age 50 or over), else its response across trials; for
/// inotuzumab and the CAR-T products, their own trials (obecabtagene: FELIX by marrow
/// blasts, which also choose its regimen).
pub fn relevant(therapy: Therapy, s: &Scenario) -> Option<ChartId> {
    let id = match therapy {
        Therapy::Blinatumomab => {
            if s.setting == Setting::MrdPositiveCr {
                ChartId::MrdResponse
            } else if s
                .marrow_blasts_pct
                .is_some_and(|b| b >= HIGH_MARROW_BLASTS_PCT)
            {
                ChartId::BlinatumomabBurden
            } else if s
                .peripheral_blasts_per_ul
                .is_some_and(|b| b >= HIGH_PERIPHERAL_BLASTS_PER_UL)
            {
                ChartId::BlinatumomabPrephase
            } else if s.prior_lines.is_some_and(|l| l > PRIOR_LINES_MAX) {
                ChartId::BlinatumomabLines
            } else if s.age_years >= OLDER_ADULT_AGE_YEARS {
                ChartId::BlinatumomabAge
            } else {
                ChartId::ResponseBlinatumomab
            }
        }
        Therapy::Inotuzumab => ChartId::ResponseInotuzumab,
        Therapy::Tisagenlecleucel | Therapy::Brexucabtagene => ChartId::ResponseCarT,
        Therapy::Obecabtagene => ChartId::FelixBurden,
    };
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{numbers, row};

    /// Whether `value` is `k` of `n` as a percentage, rounded to the decimals `value` has.
    fn is_share(value: &str, k: u32, n: u32) -> bool {
        let decimals = value.split_once('.').map_or(0, |(_, d)| d.len());
        let exact = f64::from(k) * 100.0 / f64::from(n);
        format!("{exact:.decimals$}") == value
    }

    #[test]
    fn every_chart_is_listed_once_with_its_data() {
        assert_eq!(CHARTS.len(), ChartId::ALL.len());
        for id in ChartId::ALL {
            assert_eq!(CHARTS.iter().filter(|c| c.id == id).count(), 1, "{id:?}");
            let chart = id.chart().expect("listed");
            assert!(!chart.groups.is_empty(), "{}", id.slug());
            assert!(chart.groups.iter().all(|g| !g.bars.is_empty()));
        }
    }

    /// Every number a chart shows is in its evidence row's quotes: the chart shows the
    /// evidence snapshot, nothing else.
    #[test]
    fn every_number_equals_the_evidence_snapshot() {
        for chart in CHARTS {
            for g in chart.groups {
                let r =
                    row(g.row).unwrap_or_else(|| panic!("{}: no row {}", chart.id.slug(), g.row));
                for b in g.bars {
                    let what = format!("{} / {} / {}", chart.id.slug(), g.label, b.label);
                    let quoted: Vec<String> = r
                        .sources
                        .iter()
                        .filter(|c| c.source == g.source)
                        .flat_map(|c| numbers(c.quote))
                        .collect();
                    assert!(
                        !quoted.is_empty(),
                        "{what}: {} quotes no {}",
                        r.id,
                        g.source.as_str()
                    );
                    let has = |n: &str| quoted.iter().any(|q| q == n);
                    // The figure is quoted, or it is the quoted count's share as the source
                    // words it ("Ninety-two % (12/13)").
                    let share = b
                        .responders
                        .zip(b.n)
                        .is_some_and(|(k, n)| is_share(b.value, k, n));
                    assert!(
                        has(b.value) || share,
                        "{what}: {} is not in its quotes",
                        b.value
                    );
                    for number in [b.responders, b.n].into_iter().flatten() {
                        assert!(
                            has(&number.to_string()),
                            "{what}: {number} is not in its quotes"
                        );
                    }
                    if let (Some(k), Some(n)) = (b.responders, b.n) {
                        assert!(
                            k <= n && is_share(b.value, k, n),
                            "{what}: {k} of {n} is not {}%",
                            b.value
                        );
                    }
                    if let Some((low, high)) = b.ci {
                        assert!(has(low) && has(high), "{what}: the interval is not quoted");
                    }
                    let value: f64 = b.value.parse().unwrap_or(f64::NAN);
                    let max = if chart.unit == Unit::Percent {
                        100.0
                    } else {
                        120.0
                    };
                    assert!((0.0..=max).contains(&value), "{what}: {}", b.value);
                    // The row states the figure too.
                    assert!(
                        numbers(r.result).contains(&b.value.to_string()) || share,
                        "{what}: {} is not in {}'s outcomes",
                        b.value,
                        r.id
                    );
                }
            }
        }
    }

    #[test]
    fn each_caption_is_its_source_line() {
        for chart in CHARTS {
            assert_eq!(chart.caption, chart.source_line(), "{}", chart.id.slug());
        }
        for (summary, chart) in SUMMARIES.iter().zip(CHARTS) {
            assert_eq!(
                (summary.id, summary.title, summary.measure, summary.caption),
                (chart.id, chart.title, chart.measure, chart.caption)
            );
        }
        assert_eq!(SUMMARIES.len(), CHARTS.len());
    }

    #[test]
    fn the_text_equivalent_gives_every_figure_and_its_patients() {
        let burden = ChartId::BlinatumomabBurden.chart().expect("listed");
        let text = burden.text_equivalent();
        assert!(
            text.contains("Marrow blasts < 50% 92% (12 of 13)"),
            "{text}"
        );
        assert!(
            text.contains("Marrow blasts ≥ 50% 50% (10 of 20)"),
            "{text}"
        );
        let alcantara = ChartId::ResponseBlinatumomab
            .chart()
            .expect("listed")
            .text_equivalent();
        assert!(
            alcantara.contains("36% (16 of 45; 95% CI 22–51%)"),
            "{alcantara}"
        );
        assert!(
            alcantara.contains("CR, blinatumomab 34% (n = 271)"),
            "{alcantara}"
        );
        let mrd = ChartId::MrdResponse
            .chart()
            .expect("listed")
            .text_equivalent();
        assert!(mrd.contains("MRD responders 38.9 months"), "{mrd}");
        for chart in CHARTS {
            let text = chart.text_equivalent();
            for b in chart.groups.iter().flat_map(|g| g.bars) {
                assert!(
                    text.contains(&b.text(chart.unit)),
                    "{}: {}",
                    chart.id.slug(),
                    b.label
                );
            }
        }
        assert_eq!(
            burden.source_line(),
            "Source: Italian debulking cohort: S4, n = 34."
        );
        assert_eq!(
            ChartId::FelixBurden
                .chart()
                .map(Chart::source_line)
                .as_deref(),
            Some("Source: FELIX (obecabtagene): Haematologica FELIX, n not given.")
        );
    }

    #[test]
    fn the_relevant_chart_follows_the_patient() {
        let base = Scenario {
            marrow_blasts_pct: Some(10.0),
            peripheral_blasts_per_ul: Some(0.0),
            prior_lines: Some(1),
            ..Scenario::unknown(30.0, Setting::SecondOrLaterRelapse)
        };
        let blina = |s: &Scenario| relevant(Therapy::Blinatumomab, s);
        assert_eq!(blina(&base), Some(ChartId::ResponseBlinatumomab));
        let high = Scenario {
            marrow_blasts_pct: Some(50.0),
            ..base.clone()
        };
        assert_eq!(blina(&high), Some(ChartId::BlinatumomabBurden));
        let just_under = Scenario {
            marrow_blasts_pct: Some(49.9),
            ..base.clone()
        };
        assert_eq!(blina(&just_under), Some(ChartId::ResponseBlinatumomab));
        let peripheral = Scenario {
            peripheral_blasts_per_ul: Some(15_000.0),
            ..base.clone()
        };
        assert_eq!(blina(&peripheral), Some(ChartId::BlinatumomabPrephase));
        let lines = Scenario {
            prior_lines: Some(3),
            ..base.clone()
        };
        assert_eq!(blina(&lines), Some(ChartId::BlinatumomabLines));
        let older = Scenario {
            age_years: 50.0,
            ..base.clone()
        };
        assert_eq!(blina(&older), Some(ChartId::BlinatumomabAge));
        let mrd = Scenario {
            setting: Setting::MrdPositiveCr,
            ..base.clone()
        };
        assert_eq!(blina(&mrd), Some(ChartId::MrdResponse));
        // Unknown burden is not high burden.
        let unknown = Scenario {
            marrow_blasts_pct: None,
            ..base.clone()
        };
        assert_eq!(blina(&unknown), Some(ChartId::ResponseBlinatumomab));
        assert_eq!(
            relevant(Therapy::Inotuzumab, &high),
            Some(ChartId::ResponseInotuzumab)
        );
        assert_eq!(
            relevant(Therapy::Tisagenlecleucel, &base),
            Some(ChartId::ResponseCarT)
        );
        assert_eq!(
            relevant(Therapy::Brexucabtagene, &base),
            Some(ChartId::ResponseCarT)
        );
        assert_eq!(
            relevant(Therapy::Obecabtagene, &base),
            Some(ChartId::FelixBurden)
        );
    }
}
