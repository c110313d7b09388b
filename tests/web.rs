//! Browser tests of the app: mount it in headless Chromium and check what a user sees.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app into its own container and returns the container.
fn mount() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), ball_aid::App).forget();
    container
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn type_into(root: &HtmlElement, id: &str, text: &str) {
    let input: HtmlInputElement = find(root, &format!("#{id}"));
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn choose(root: &HtmlElement, id: &str, value: &str) {
    let select: HtmlSelectElement = find(root, &format!("#{id}"));
    select.set_value(value);
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
fn shows_title_intended_use_and_disclaimer() {
    let root = mount();
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("immunotherapy decision aid"), "{text}");
    assert!(text.contains("does not replace clinical judgement"));
    assert!(text.contains("No data leaves this browser"));
    assert!(text.contains("Evidence checked"));
}

#[wasm_bindgen_test]
fn empty_form_asks_for_age_and_setting_without_a_recommendation() {
    let root = mount();
    let needed: HtmlElement = find(&root, ".needed");
    let text = needed.text_content().unwrap_or_default();
    assert!(text.contains("Age"), "{text}");
    assert!(text.contains("Disease setting"), "{text}");
    assert!(root.query_selector("[data-therapy]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn typing_a_scenario_updates_the_cards_live() {
    let root = mount();
    type_into(&root, "f-age", "40");
    choose(&root, "f-set", "r2");
    choose(&root, "f-cd19", "neg");
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
    let card: HtmlElement = find(&root, "[data-debulking]");
    assert_eq!(
        card.get_attribute("data-debulking").as_deref(),
        Some("required")
    );
}

#[wasm_bindgen_test]
fn invalid_input_names_the_field_and_keeps_the_text() {
    let root = mount();
    type_into(&root, "f-age", "40");
    choose(&root, "f-set", "r2");
    type_into(&root, "f-bm", "150");
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
