//! The comparison model and the comparison link: differing cells are flagged and only those,
//! invalid columns show problems instead of answers, and a link reads back what it wrote.

use engine::compare::{compare, Answer, AnswerCell, MAX_COMPARED, NOT_GIVEN};
use engine::debulking::DebulkingLevel;
use engine::fields::{Field, FIELDS};
use engine::query::{
    is_compare_query, parse_compare_query, parse_query, to_compare_query, to_query, COMPARE_KEY,
};
use engine::{assess, Assessment, RawScenario, Status, Therapy};

/// Second relapse, both markers positive, high marrow burden.
fn relapse() -> RawScenario {
    RawScenario::new()
        .with(Field::Age, "40")
        .with(Field::Setting, "r2")
        .with(Field::MarrowBlasts, "62")
        .with(Field::Cd19, "pos")
        .with(Field::Cd22, "pos")
}

#[test]
fn identical_scenarios_flag_nothing() {
    let a = relapse();
    let b = relapse().with(Field::MarrowBlasts, " 62.0 ");
    let c = relapse();
    let cmp = compare(&[("A", &a), ("B", &b), ("C", &c)]).unwrap();
    assert_eq!(cmp.columns.len(), 3);
    assert!(cmp.columns.iter().all(|c| c.problems.is_empty()));
    // Only the fields given in some column have rows, in form order.
    let fields: Vec<Field> = cmp.inputs.iter().map(|r| r.field).collect();
    assert_eq!(
        fields,
        [
            Field::Age,
            Field::Setting,
            Field::MarrowBlasts,
            Field::Cd19,
            Field::Cd22
        ]
    );
    assert!(cmp.inputs.iter().all(|r| !r.differs), "{:#?}", cmp.inputs);
    assert!(cmp.answers.iter().all(|r| !r.differs), "{:#?}", cmp.answers);
    assert_eq!(cmp.inputs[2].cells, ["62%", "62.0%", "62%"]);
    assert_eq!(cmp.inputs[0].cells[0], "40 years");
    assert_eq!(cmp.inputs[1].cells[0], "Second or later relapse");
    // A row per therapy, then pre-phase, conflicts and open questions.
    assert_eq!(cmp.answers.len(), Therapy::ALL.len() + 3);
}

#[test]
fn differing_cells_are_flagged_and_only_those() {
    let a = relapse();
    // Low burden, and CD22 negative: inotuzumab cannot be eligible; pre-phase changes.
    let b = relapse()
        .with(Field::MarrowBlasts, "10")
        .with(Field::Cd22, "neg");
    let cmp = compare(&[("A", &a), ("B", &b)]).unwrap();
    let differs: Vec<Field> = cmp
        .inputs
        .iter()
        .filter(|r| r.differs)
        .map(|r| r.field)
        .collect();
    assert_eq!(differs, [Field::MarrowBlasts, Field::Cd22]);

    let (Assessment::Valid(ra), Assessment::Valid(rb)) = (assess(&a), assess(&b)) else {
        panic!("both valid");
    };
    for row in &cmp.answers {
        let expected = match row.answer {
            Answer::Therapy(t) => {
                let (x, y) = (ra.therapy(t).unwrap(), rb.therapy(t).unwrap());
                x.status != y.status
                    || x.label.status != y.label.status
                    || x.label.region != y.label.region
            }
            Answer::PrePhase => {
                ra.debulking.level != rb.debulking.level || ra.debulking.plan != rb.debulking.plan
            }
            Answer::Conflict => {
                let sides = |r: &engine::Recommendation| -> Vec<Vec<Therapy>> {
                    r.conflicts
                        .iter()
                        .map(|c| c.sides.iter().map(|s| s.therapy).collect())
                        .collect()
                };
                sides(&ra) != sides(&rb)
            }
            Answer::OpenQuestions => ra.open_questions() != rb.open_questions(),
        };
        assert_eq!(row.differs, expected, "{row:#?}");
    }
    let ino = cmp
        .answers
        .iter()
        .find(|r| r.answer == Answer::Therapy(Therapy::Inotuzumab))
        .unwrap();
    assert!(ino.differs);
    assert!(matches!(
        ino.cells[1],
        AnswerCell::Therapy {
            status: Status::NotEligible,
            ..
        }
    ));
    let prephase = cmp
        .answers
        .iter()
        .find(|r| r.answer == Answer::PrePhase)
        .unwrap();
    assert_eq!(prephase.answer, Answer::PrePhase);
    assert!(prephase.differs);
    assert!(matches!(
        prephase.cells[0],
        AnswerCell::PrePhase {
            level: DebulkingLevel::Required,
            text: "Pre-phase required",
            ..
        }
    ));
}

#[test]
fn choices_default_and_units_count_when_comparing() {
    // "unk" given in one column and left at its default in the other is the same answer.
    let a = relapse().with(Field::Cns, "unk");
    let b = relapse();
    let cmp = compare(&[("A", &a), ("B", &b)]).unwrap();
    let cns = cmp.inputs.iter().find(|r| r.field == Field::Cns).unwrap();
    assert!(!cns.differs);
    assert_eq!(cns.cells, ["Unknown", "Unknown"]);

    // 15 × 10⁹/L is 15,000/µL: the count agrees, the unit row differs.
    let a = relapse()
        .with(Field::PeripheralBlasts, "15")
        .with(Field::PeripheralBlastsUnit, "g");
    let b = relapse().with(Field::PeripheralBlasts, "15000");
    let cmp = compare(&[("A", &a), ("B", &b)]).unwrap();
    let pb = cmp
        .inputs
        .iter()
        .find(|r| r.field == Field::PeripheralBlasts)
        .unwrap();
    assert_eq!(pb.cells, ["15 × 10⁹/L", "15000/µL"]);
    assert!(!pb.differs);
    let unit = cmp
        .inputs
        .iter()
        .find(|r| r.field == Field::PeripheralBlastsUnit)
        .unwrap();
    assert!(unit.differs);

    // MRD by value: 0.1 (percent) and 1e-3 (fraction) are the same level.
    let a = RawScenario::new().with(Field::Mrd, "0.1");
    let b = RawScenario::new().with(Field::Mrd, "1e-3");
    let c = RawScenario::new();
    let cmp = compare(&[("A", &a), ("B", &b), ("C", &c)]).unwrap();
    let mrd = &cmp.inputs[0];
    assert_eq!(mrd.cells, ["0.1% (10⁻³)", "0.1% (10⁻³)", NOT_GIVEN]);
    assert!(mrd.differs, "given against not given");
    let cmp = compare(&[("A", &a), ("B", &b)]).unwrap();
    assert!(!cmp.inputs[0].differs);
}

#[test]
fn invalid_columns_show_problems_not_answers() {
    let a = relapse();
    let b = relapse().with(Field::MarrowBlasts, "150");
    let c = relapse().with(Field::Cd19, "neg");
    let cmp = compare(&[("A", &a), ("Bad", &b), ("C", &c)]).unwrap();
    assert!(cmp.columns[0].problems.is_empty());
    assert_eq!(cmp.columns[1].problems.len(), 1);
    assert_eq!(cmp.columns[1].problems[0].field, Field::MarrowBlasts);
    let bm = cmp
        .inputs
        .iter()
        .find(|r| r.field == Field::MarrowBlasts)
        .unwrap();
    assert_eq!(bm.cells[1], "150%", "the text as typed");
    for row in &cmp.answers {
        assert_eq!(row.cells[1], AnswerCell::NotAssessed);
        assert_ne!(row.cells[0], AnswerCell::NotAssessed);
    }
    // Differences are judged between the columns that have answers: blinatumomab needs CD19.
    let blina = &cmp.answers[0];
    assert_eq!(blina.answer, Answer::Therapy(Therapy::Blinatumomab));
    assert!(blina.differs);
    let cmp = compare(&[("A", &a), ("Bad", &b)]).unwrap();
    assert!(cmp.answers.iter().all(|r| !r.differs));
}

#[test]
fn only_two_to_four_scenarios_are_compared() {
    let a = relapse();
    assert_eq!(
        compare(&[("A", &a)]).unwrap_err(),
        "At least 2 scenarios are needed to compare; 1 was given."
    );
    let five: Vec<(&str, &RawScenario)> = (0..5).map(|_| ("A", &a)).collect();
    assert_eq!(
        compare(&five).unwrap_err(),
        "At most 4 scenarios can be compared; 5 were given."
    );
    assert_eq!(
        to_compare_query(&five).unwrap_err(),
        compare(&five).unwrap_err()
    );
    assert!(compare(&five[..MAX_COMPARED]).is_ok());
}

#[test]
fn the_comparison_link_round_trips() {
    let a = relapse().with(Field::Mrd, "2,5 × 10⁻⁴");
    let every = {
        let mut raw = RawScenario::new();
        for field in FIELDS {
            raw.set(field, format!("{} & = % + ?", field.key()));
        }
        raw
    };
    let empty = RawScenario::new();
    let names = ["Ms A & B = 1%", "Every field?", "ÄÖ +"];
    let query =
        to_compare_query(&[(names[0], &a), (names[1], &every), (names[2], &empty)]).unwrap();
    assert!(
        query.starts_with(&format!("{COMPARE_KEY}=1&n1=")),
        "{query}"
    );
    assert!(is_compare_query(&query));
    assert!(is_compare_query(&format!("?{query}")));
    assert!(!is_compare_query(&to_query(&a)));
    let link = parse_compare_query(&format!("?{query}")).unwrap();
    assert!(link.issues.is_empty(), "{:#?}", link.issues);
    let expected: Vec<(String, RawScenario)> = names
        .iter()
        .zip([a, every, empty])
        .map(|(n, r)| (n.to_string(), r))
        .collect();
    assert_eq!(link.scenarios, expected);
    // Each scenario is its own link inside the value.
    let inner = form_value(&query, "s1");
    assert_eq!(parse_query(&inner).0, expected[0].1);
}

/// The decoded value of `key` in a query string.
fn form_value(query: &str, key: &str) -> String {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .unwrap()
}

#[test]
fn comparison_links_with_too_few_or_too_many_scenarios_are_refused() {
    let one = "cmp=1&n1=A&s1=v%3D2%26age%3D3";
    assert_eq!(
        parse_compare_query(one).unwrap_err(),
        "At least 2 scenarios are needed to compare; 1 was given."
    );
    assert!(parse_compare_query("cmp=1").is_err());
    let five: String = (1..=5).map(|n| format!("&n{n}=S&s{n}=v%3D2")).collect();
    assert_eq!(
        parse_compare_query(&format!("cmp=1{five}")).unwrap_err(),
        "At most 4 scenarios can be compared; 5 were given."
    );
}

#[test]
fn comparison_link_problems_are_reported_and_the_rest_read() {
    let query =
        "n2=B&s2=v%3D2%26age%3D5%26zz%3D1&s1=v%3D2%26age%3D3&s1=v%3D2&s99x=1&n3=C&n4=&s4=v%3D2";
    let link = parse_compare_query(query).unwrap();
    let names: Vec<&str> = link.scenarios.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Scenario 1", "B", "C", "Scenario 4"]);
    assert_eq!(link.scenarios[0].1.get(Field::Age), "3", "first s1 kept");
    assert_eq!(link.scenarios[1].1.get(Field::Age), "5");
    assert!(link.scenarios[2].1.values.is_empty());
    let messages: Vec<&str> = link.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "The comparison link has no version (cmp); it was read as version 1.",
            "Repeated key \"s1\": the first value was kept and this one ignored.",
            "Unknown key \"s99x\" was ignored.",
            "B: Unknown key \"zz\" was ignored.",
            "C: the link holds no values for it; it is empty.",
        ]
    );
    // A name too long is cut, and a line break in it becomes a space.
    let long = "x".repeat(150);
    let query = format!("cmp=1&n1={long}&s1=v%3D2&n2=a%0Ab&s2=v%3D2");
    let link = parse_compare_query(&query).unwrap();
    assert_eq!(link.scenarios[0].0.chars().count(), 100);
    assert_eq!(link.scenarios[1].0, "a b");
    assert_eq!(link.issues.len(), 1, "{:#?}", link.issues);
    assert_eq!(link.issues[0].key, "n1");
}

/// A field the setting does not use (the CR number outside MRD in CR, the response to
/// re-induction outside first relapse) is shown as not given and never flags a difference.
#[test]
fn fields_the_setting_does_not_use_do_not_differ() {
    let relapse = RawScenario::new()
        .with(Field::Age, "40")
        .with(Field::Setting, "r2");
    let relapse_unknown_crn = relapse.clone().with(Field::CrNumber, "unk");
    let mrd = RawScenario::new()
        .with(Field::Age, "40")
        .with(Field::Setting, "mrd")
        .with(Field::CrNumber, "2")
        .with(Field::Mrd, "0.2");
    let c = engine::compare::compare(&[("a", &relapse_unknown_crn), ("b", &relapse)]).unwrap();
    assert!(c
        .inputs
        .iter()
        .all(|r| r.field != Field::CrNumber || !r.differs));
    let c = engine::compare::compare(&[("relapse", &relapse), ("mrd", &mrd)]).unwrap();
    let crn = c
        .inputs
        .iter()
        .find(|r| r.field == Field::CrNumber)
        .unwrap();
    assert_eq!(
        crn.cells,
        vec![
            engine::compare::NOT_GIVEN.to_string(),
            "Second CR".to_string()
        ]
    );
}

/// The comparison shows whether preferences conflict and how many questions are still open,
/// so a column that looks "option" everywhere is not read as settled.
#[test]
fn conflicts_and_open_questions_have_rows() {
    use engine::compare::{Answer, AnswerCell};
    let known = |bm: &str, hsct: &str| {
        let mut raw = RawScenario::new();
        for (key, value) in [
            ("age", "30"),
            ("set", "r2"),
            ("bm", bm),
            ("pb", "0"),
            ("ldhs", "norm"),
            ("emd", "no"),
            ("cns", "no"),
            ("cd19", "pos"),
            ("cd22", "pos"),
            ("ph", "neg"),
            ("hsct", hsct),
            ("phsct", "no"),
            ("lines", "2"),
            ("pblin", "no"),
            ("pino", "no"),
            ("pcart", "no"),
            ("kmt2a", "no"),
            ("crcl", "100"),
            ("dial", "no"),
            ("liver", "no"),
        ] {
            raw.set(Field::from_key(key).unwrap(), value);
        }
        raw
    };
    // High burden favours inotuzumab, a planned transplant blinatumomab: a conflict.
    let conflict = known("70", "plan");
    let plain = known("10", "no");
    let unknown_ph = plain.clone().with(Field::Ph, "unk");
    let c = engine::compare::compare(&[
        ("conflict", &conflict),
        ("plain", &plain),
        ("ph?", &unknown_ph),
    ])
    .unwrap();
    let row = |a: Answer| c.answers.iter().find(|r| r.answer == a).unwrap();
    let conflicts = row(Answer::Conflict);
    assert!(conflicts.differs);
    assert!(
        matches!(&conflicts.cells[0], AnswerCell::Text(t) if t.contains('⇄')),
        "{:?}",
        conflicts.cells
    );
    assert_eq!(conflicts.cells[1], AnswerCell::Text("None".into()));
    let open = row(Answer::OpenQuestions);
    assert_eq!(open.cells[1], AnswerCell::Text("None".into()));
    assert!(
        matches!(&open.cells[2], AnswerCell::Text(t) if t.contains("P-PH-UNK")),
        "{:?}",
        open.cells
    );
    assert!(open.differs);
}

/// One wording for a field's text, wherever the app shows one outside the form: units beside
/// numbers (no space before "%" or "/"), a choice's label, nothing for "not given".
#[test]
fn a_text_is_shown_with_its_unit_or_its_label() {
    use engine::compare::text_shown;
    let raw = relapse();
    let shown = |field, text: &str| text_shown(field, text, &raw);
    assert_eq!(shown(Field::Age, " 34 ").as_deref(), Some("34 years"));
    assert_eq!(shown(Field::MarrowBlasts, "62").as_deref(), Some("62%"));
    assert_eq!(
        shown(Field::Cd22Pct, "85").as_deref(),
        Some("85% of blasts")
    );
    assert_eq!(
        shown(Field::PeripheralBlasts, "8000").as_deref(),
        Some("8000/µL")
    );
    let giga = relapse().with(Field::PeripheralBlastsUnit, "g");
    assert_eq!(
        text_shown(Field::PeripheralBlasts, "8", &giga).as_deref(),
        Some("8 × 10⁹/L")
    );
    assert_eq!(
        shown(Field::Setting, "r2").as_deref(),
        Some("Second or later relapse")
    );
    // Nothing given: an empty number, or a choice left at its "Choose…".
    assert_eq!(shown(Field::Age, "  "), None);
    assert_eq!(shown(Field::Setting, ""), None);
    // A text that is not a value is shown as typed, never dropped.
    assert_eq!(shown(Field::Setting, "zz").as_deref(), Some("zz"));
    assert_eq!(shown(Field::Mrd, "0.01").as_deref(), Some("0.01% (10⁻⁴)"));
}
