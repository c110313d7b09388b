//! Browser tests of the app: mount it in headless Chromium and check what a user sees.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app into its own container and returns the container once every step of
/// the page is drawn.
/// Every test starts from a bare URL: the app reads its scenario from the query string, and
/// an earlier test's app has written its own there.
async fn mount() -> HtmlElement {
    let root = mount_first_step();
    drawn(&root).await;
    root
}

/// Mounts a fresh app, as [`mount`], and returns at once: only the first step is drawn.
fn mount_first_step() -> HtmlElement {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let document = window.document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), ball_aid::App).forget();
    container
}

/// Waits until the last step of the page, the saved list, is drawn.
async fn drawn(root: &HtmlElement) {
    for _ in 0..100 {
        if root.query_selector("#scenarios").unwrap().is_some() {
            return;
        }
        tick().await;
    }
    panic!("the page was not drawn in 100 tasks");
}

/// Lets Leptos run the effects a change scheduled: the DOM updates on the next task.
async fn tick() {
    wait(0).await;
}

/// Waits until the user's pause has passed: the link is rewritten only then.
async fn link_after_pause() -> String {
    wait(400).await;
    web_sys::window().unwrap().location().search().unwrap()
}

/// Resolves after `ms` milliseconds, in a task of its own.
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// An event as the browser fires it for a user's edit: it bubbles (the form listens for its
/// fields' edits).
fn user_event(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

fn type_into(root: &HtmlElement, id: &str, text: &str) {
    let input: HtmlInputElement = find(root, &format!("#{id}"));
    input.set_value(text);
    input.dispatch_event(&user_event("input")).unwrap();
}

fn choose(root: &HtmlElement, id: &str, value: &str) {
    let select: HtmlSelectElement = find(root, &format!("#{id}"));
    select.set_value(value);
    select.dispatch_event(&user_event("change")).unwrap();
}

/// The header is static HTML in index.html, so it paints before the WebAssembly arrives; the
/// app renders everything below it and no second header.
#[wasm_bindgen_test]
async fn the_static_header_shows_title_intended_use_disclaimer_and_the_snapshot_date() {
    let index = include_str!("../index.html")
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let date = engine::evidence::SNAPSHOT_DATE;
    for wanted in [
        "<h1>Relapsed/refractory B-ALL: immunotherapy decision aid</h1>",
        "<p class=\"intended-use\">",
        "<p class=\"disclaimer\" role=\"note\">",
        "does not replace clinical judgement",
        "The aid sends nothing anywhere",
        "use no patient identifiers",
        &format!("Evidence checked <time datetime=\"{date}\">{date}</time>."),
        "<a href=\"how.html#label-changes\" data-nav=\"label-changes\">",
        "<a href=\"teaching.html\" data-nav=\"teaching\">",
        "<a href=\"evidence.html\" data-nav=\"evidence\">",
        "<a href=\"how.html\" data-nav=\"how\">",
    ] {
        assert!(index.contains(wanted), "index.html lacks {wanted}");
    }
    let root = mount().await;
    assert!(root
        .query_selector("h1, header.site-header")
        .unwrap()
        .is_none());
    assert!(root.query_selector("form.scenario").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn empty_form_asks_for_age_and_setting_without_a_recommendation() {
    let root = mount().await;
    tick().await;
    let needed: HtmlElement = find(&root, ".needed");
    let text = needed.text_content().unwrap_or_default();
    assert!(text.contains("Age"), "{text}");
    assert!(text.contains("Disease setting"), "{text}");
    assert!(root.query_selector("[data-therapy]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn typing_a_scenario_updates_the_cards_live() {
    let root = mount().await;
    type_into(&root, "f-age", "40");
    choose(&root, "f-set", "r2");
    choose(&root, "f-cd19", "neg");
    tick().await;
    let blina: HtmlElement = find(&root, "[data-therapy=blinatumomab]");
    assert_eq!(
        blina.get_attribute("data-status").as_deref(),
        Some("not-eligible")
    );
    assert!(blina
        .query_selector("[data-rule=E-CD19]")
        .unwrap()
        .is_some());

    type_into(&root, "f-bm", "50");
    tick().await;
    let card: HtmlElement = find(&root, "[data-debulking]");
    assert_eq!(
        card.get_attribute("data-debulking").as_deref(),
        Some("required")
    );
}

#[wasm_bindgen_test]
async fn invalid_input_names_the_field_and_keeps_the_text() {
    let root = mount().await;
    type_into(&root, "f-age", "40");
    choose(&root, "f-set", "r2");
    type_into(&root, "f-bm", "150");
    tick().await;
    let error: HtmlElement = find(&root, "[data-field=bm]");
    assert!(error
        .text_content()
        .unwrap_or_default()
        .contains("Marrow blasts"));
    let alert: HtmlElement = find(&root, "[role=alert]");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("Marrow blasts"));
    assert!(root.query_selector("[data-therapy]").unwrap().is_none());
    let input: HtmlInputElement = find(&root, "#f-bm");
    assert_eq!(input.value(), "150");
}

/// Mounts a fresh app on a page opened with `query` (e.g. `?v=2&age=40`).
async fn mount_with_query(query: &str) -> HtmlElement {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let document = window.document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), ball_aid::App).forget();
    drawn(&root).await;
    root
}

fn attr(root: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    find::<HtmlElement>(root, selector).get_attribute(name)
}

#[wasm_bindgen_test]
async fn a_link_reproduces_the_scenario_and_edits_rewrite_it() {
    // Blinatumomab is preferred for MRD ≥ 0.1% only with everything its label and cautions
    // read known: first CR, Ph negative, no prior blinatumomab, CNS status and renal function.
    let root = mount_with_query(
        "?v=2&age=40&set=mrd&crn=1&mrd=0.1&cns=no&cd19=pos&ph=neg&pblin=no&crcl=100",
    )
    .await;
    tick().await;
    let blina = "[data-therapy=blinatumomab]";
    assert_eq!(
        attr(&root, blina, "data-status").as_deref(),
        Some("preferred")
    );
    assert_eq!(attr(&root, blina, "data-label").as_deref(), Some("on"));
    assert_eq!(
        attr(&root, "[data-debulking]", "data-debulking").as_deref(),
        Some("not-applicable")
    );
    let age: HtmlInputElement = find(&root, "#f-age");
    assert_eq!(age.value(), "40");
    let crn: HtmlSelectElement = find(&root, "#f-crn");
    assert_eq!(crn.value(), "1");

    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let entries = history.length().unwrap();
    type_into(&root, "f-age", "41");
    tick().await;
    let search = link_after_pause().await;
    assert!(search.starts_with("?v=2&"), "{search}");
    assert!(search.contains("age=41"), "{search}");
    assert_eq!(history.length().unwrap(), entries);

    // The CR number decides the US label: a third CR is outside it.
    choose(&root, "f-crn", "3");
    tick().await;
    assert_eq!(
        attr(&root, blina, "data-status").as_deref(),
        Some("not-eligible")
    );
    assert_eq!(attr(&root, blina, "data-label").as_deref(), Some("off"));
    assert!(root
        .query_selector("[data-all-excluded]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn a_version_1_link_is_read_with_a_notice_and_rewritten_as_version_2() {
    let root = mount_with_query("?v=1&age=34&set=r2&cd19=pos&ph=pos&tki=yes").await;
    tick().await;
    let notice: HtmlElement = find(&root, ".link-issues [data-key=v]");
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("version 1"), "{text}");
    assert!(text.contains("read as 1 TKI failed"), "{text}");
    let tkis: HtmlSelectElement = find(&root, "#f-tkis");
    assert_eq!(tkis.value(), "1");
    assert!(root.query_selector("[data-therapy]").unwrap().is_some());
    let search = link_after_pause().await;
    assert!(search.starts_with("?v=2&"), "{search}");
    assert!(search.contains("tkis=1"), "{search}");
    assert!(!search.contains("tki="), "{search}");
}

#[wasm_bindgen_test]
async fn the_region_is_the_first_field_and_choosing_eu_changes_the_answer_and_the_link() {
    let root = mount().await;
    let first: HtmlElement = find(&root, "form.scenario select, form.scenario input");
    assert_eq!(first.id(), "f-reg");
    type_into(&root, "f-age", "22");
    choose(&root, "f-set", "r2");
    choose(&root, "f-cd19", "pos");
    tick().await;
    let brexu = "[data-therapy=brexucabtagene]";
    assert_ne!(
        attr(&root, brexu, "data-status").as_deref(),
        Some("not-eligible")
    );
    assert_eq!(attr(&root, brexu, "data-label").as_deref(), Some("on"));
    let line: HtmlElement = find(&root, ".region-line");
    assert_eq!(
        line.text_content().as_deref(),
        Some("Eligibility by the US labels.")
    );
    assert!(root
        .query_selector("[data-other-region=eu]")
        .unwrap()
        .is_some());

    choose(&root, "f-reg", "eu");
    tick().await;
    assert_eq!(
        attr(&root, brexu, "data-status").as_deref(),
        Some("not-eligible")
    );
    assert_eq!(attr(&root, brexu, "data-label").as_deref(), Some("off"));
    let reason: HtmlElement = find(
        &root,
        "[data-therapy=brexucabtagene] li.reason[data-rule=E-CART]",
    );
    let text = reason.text_content().unwrap_or_default();
    assert!(text.contains("EU label"), "{text}");
    let line: HtmlElement = find(&root, ".region-line");
    assert_eq!(
        line.text_content().as_deref(),
        Some("Eligibility by the EU labels.")
    );
    let search = link_after_pause().await;
    assert!(search.contains("reg=eu"), "{search}");
}

/// The page is drawn a step per task: the first task draws the form's actions and none of its
/// groups; the next all the groups, in form order (markup, quick to draw), then the answer,
/// then the saved list.
#[wasm_bindgen_test]
async fn the_page_is_drawn_a_step_per_task_in_page_order() {
    let root = mount_first_step();
    assert!(root
        .query_selector("form.scenario .form-actions")
        .unwrap()
        .is_some());
    assert!(root.query_selector("fieldset").unwrap().is_none());
    assert!(root.query_selector("section.results").unwrap().is_none());
    tick().await;
    let groups = root.query_selector_all("fieldset.group").unwrap().length();
    assert_eq!(groups, 10, "the groups in one task");
    assert!(root.query_selector("section.results").unwrap().is_none());
    drawn(&root).await;
    let order: Vec<String> = {
        let all = root.query_selector_all("fieldset.group").unwrap();
        (0..all.length())
            .filter_map(|i| all.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .filter_map(|e| e.get_attribute("data-group"))
            .collect()
    };
    let expected = [
        "region",
        "patient",
        "setting",
        "burden",
        "cns",
        "markers",
        "ph",
        "transplant",
        "prior",
        "other",
    ];
    assert_eq!(order, expected);
    // The answer follows the form inside <main>, and the saved list follows <main>.
    let results = root
        .query_selector("main > form + section.results")
        .unwrap();
    assert!(results.is_some(), "the answer is drawn after the form");
    assert!(root.query_selector("main + #scenarios").unwrap().is_some());
}
