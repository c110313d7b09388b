//! The scenarios the speed benchmarks and the instruction count evaluate, as links, so each
//! is exactly what a user could open (`?` + the text).

/// A typical tumour-board scenario: second relapse, high burden, Ph-negative, transplant
/// planned.
pub const TYPICAL: &str = "v=2&age=34&wt=72&ht=178&set=r2&bm=62&pb=8000&ldh=480&uln=250&cns=no\
    &cd19=pos&cd22p=85&ph=neg&hsct=plan&lines=2&pblin=no";

/// The most work one evaluation does: every therapy with reasons on both sides (a
/// conflict), every pre-phase rule (D-1, D-2, D-PH and D-3 before inotuzumab), notes,
/// both schedules converted with BSA for a light adult, a refractory drug, caution for
/// the liver, kidney and CNS, and answers that differ under the other region's labels.
pub const MOST_COMPLEX: &str = "v=2&age=45&wt=40&ht=160&set=r2&bm=70&pb=20000&ldhs=high\
    &emd=bulk&cns=active&cd19=pos&cd22=pos&ph=pos&tkis=1&t315i=yes&hsct=plan&phsct=yes\
    &lines=3&pblin=resp&pino=no&pcart=no&kmt2a=yes&treg=15&crcl=25&dial=no&liver=vod";

/// The scenario a link describes. The benchmarks' links are fixed, so a link the engine
/// reads with issues is a mistake in this file, and says so.
pub fn scenario(link: &str) -> engine::RawScenario {
    let (raw, issues) = engine::query::parse_query(link);
    assert!(issues.is_empty(), "{link}: {issues:?}");
    raw
}
