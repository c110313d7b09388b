//! Browser tests of the app: mount it in headless Chromium and check what a user sees.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app into its own container and returns the container.
/// Every test starts from a bare URL: the app reads its scenario from the query string, and
/// an earlier test's app has written its own there.
fn mount() -> HtmlElement {
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

/// Lets Leptos run the effects a change scheduled: the DOM updates on the next task.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
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
async fn empty_form_asks_for_age_and_setting_without_a_recommendation() {
    let root = mount();
    tick().await;
    let needed: HtmlElement = find(&root, ".needed");
    let text = needed.text_content().unwrap_or_default();
    assert!(text.contains("Age"), "{text}");
    assert!(text.contains("Disease setting"), "{text}");
    assert!(root.query_selector("[data-therapy]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn typing_a_scenario_updates_the_cards_live() {
    let root = mount();
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
    let root = mount();
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

#[wasm_bindgen_test]
async fn a_link_reproduces_the_scenario_and_edits_rewrite_it() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    let history = window.history().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!(
                "{path}?v=1&age=40&set=mrd&mrd=0.1&cd19=pos&cns=no&crcl=100"
            )),
        )
        .unwrap();
    let document = window.document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), ball_aid::App).forget();
    tick().await;
    let blina: HtmlElement = find(&root, "[data-therapy=blinatumomab]");
    assert_eq!(
        blina.get_attribute("data-status").as_deref(),
        Some("preferred")
    );
    let age: HtmlInputElement = find(&root, "#f-age");
    assert_eq!(age.value(), "40");

    let entries = history.length().unwrap();
    type_into(&root, "f-age", "41");
    tick().await;
    let search = window.location().search().unwrap();
    assert!(search.contains("age=41"), "{search}");
    assert_eq!(history.length().unwrap(), entries);
}
