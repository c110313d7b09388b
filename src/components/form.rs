//! The scenario form, generated from the engine's field table so that every field has the
//! same label, unit, URL key and validation everywhere.

use engine::{Assessment, Field, FieldKind, Group, ProblemKind, RawScenario, FIELDS};
use leptos::prelude::*;

use crate::steps::{self, Step};

/// The id of a field's input element (labels and error links point at it).
pub fn input_id(field: Field) -> String {
    format!("f-{}", field.key())
}

/// The id of a field's error message (the input's `aria-describedby` points at it).
fn error_id(field: Field) -> String {
    format!("e-{}", field.key())
}

/// The form: its actions, then one fieldset per group, drawn by [`group_steps`].
#[component]
pub fn ScenarioForm(
    /// The scenario being edited (the app's only state).
    scenario: RwSignal<RawScenario>,
    /// The form element, into which [`group_steps`] draws the groups.
    form: NodeRef<leptos::html::Form>,
) -> impl IntoView {
    view! {
        <form node_ref=form class="scenario" aria-label="Patient scenario" on:submit=|ev| ev.prevent_default()>
            <div class="form-actions">
                <h2>"Patient"</h2>
                // On narrow screens the result sits below the long form.
                <a class="jump" href="#results-title">"Go to recommendation"</a>
                <button type="button" on:click=move |_| scenario.set(RawScenario::new())>
                    "Clear all"
                </button>
            </div>
        </form>
    }
}

/// The steps that draw the form's groups, one each, in order (see [`crate::steps`]).
pub fn group_steps(
    form: NodeRef<leptos::html::Form>,
    scenario: RwSignal<RawScenario>,
    assessment: Memo<Assessment>,
) -> Vec<Step> {
    Group::ALL
        .into_iter()
        .map(|group| {
            steps::mount_into(
                move || steps::element(form),
                move || view! { <FieldGroup group scenario assessment /> },
            )
        })
        .collect()
}

/// One section of the form.
#[component]
fn FieldGroup(
    group: Group,
    scenario: RwSignal<RawScenario>,
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let fields: Vec<Field> = FIELDS.into_iter().filter(|f| f.group() == group).collect();
    view! {
        <fieldset class="group" data-group=group.slug()>
            <legend>{group.title()}</legend>
            {fields
                .into_iter()
                .map(|field| view! { <FieldInput field scenario assessment /> })
                .collect_view()}
            {(group == Group::Patient).then(|| view! { <BsaReadout assessment /> })}
        </fieldset>
    }
}

/// A field's input, label, unit, hint and error message.
#[component]
fn FieldInput(
    field: Field,
    scenario: RwSignal<RawScenario>,
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let id = input_id(field);
    // Missing required values are listed in the results panel, not shouted at each field
    // before the user has typed anything.
    let error = Memo::new(move |_| {
        assessment.with(|a| match a {
            Assessment::Invalid(problems) => problems
                .iter()
                .find(|p| p.field == field && p.kind != ProblemKind::Missing)
                .map(|p| p.message.clone()),
            Assessment::Valid(_) => None,
        })
    });
    // Each field's text is a memo, so a keystroke in one field writes no other field's
    // element (an effect on the scenario itself would set every input on every change).
    let value = Memo::new(move |_| scenario.with(|s| s.get(field).to_string()));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        scenario.update(|s| s.set(field, text));
    };
    // The peripheral blast count's and the creatinine clearance's units follow their unit
    // choice; every other unit is fixed, and costs no effect.
    let unit = move || match field.unit_field() {
        Some(_) => scenario.with(|s| field.unit_in(s)),
        None => field.unit(),
    };
    let hint = field.hint();
    let described = move || {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(format!("h-{}", field.key()));
        }
        if error.with(Option::is_some) {
            ids.push(error_id(field));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let control = match field.kind() {
        FieldKind::Choice(choices) => view! {
            <select
                id=id.clone()
                name=field.key()
                prop:value=move || {
                    let v = value.get();
                    if v.is_empty() { choices.first().map(|c| c.0).unwrap_or("").to_string() } else { v }
                }
                on:change=move |ev| {
                    // The default choice is stored as "not given", which keeps links short.
                    let text = event_target_value(&ev);
                    let is_default = choices.first().is_some_and(|c| c.0 == text);
                    scenario.update(|s| s.set(field, if is_default { String::new() } else { text }));
                }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
            >
                {choices
                    .iter()
                    .map(|(v, label)| view! { <option value=*v>{*label}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::Number { .. } | FieldKind::Mrd => view! {
            // Text, not type=number: the browser would blank out what it cannot parse, and
            // nothing the user typed may be lost.
            <input
                id=id.clone()
                name=field.key()
                type="text"
                inputmode="decimal"
                autocomplete="off"
                prop:value=value
                on:input=on_input
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>
                {field.label()}
                {move || {
                    let unit = unit();
                    (!unit.is_empty()).then(|| view! { <span class="unit">{format!(" ({unit})")}</span> })
                }}
            </label>
            {control}
            {(!hint.is_empty())
                .then(|| view! { <small class="hint" id=format!("h-{}", field.key())>{hint}</small> })}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id=error_id(field) data-field=field.key()>
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Body surface area, shown once weight and height are valid.
#[component]
fn BsaReadout(assessment: Memo<Assessment>) -> impl IntoView {
    move || {
        assessment.with(|a| match a {
            Assessment::Valid(rec) => rec.bsa.as_ref().map(|bsa| {
                view! {
                    <p class="bsa" data-bsa=engine::decimal::Fixed(bsa.m2, 2).to_string()>
                        "Body surface area: " <strong>{format!("{} m²", engine::decimal::Fixed(bsa.m2, 2))}</strong>
                        <small>{format!(" ({})", bsa.formula)}</small>
                    </p>
                    {(!rec.warnings.is_empty()).then(|| view! {
                        <div class="warning" role="alert" data-warning="plausibility">
                            <strong>"Check the units: "</strong>
                            {rec.warnings.iter().map(|w| view! { <p>{w.message.clone()}</p> }).collect_view()}
                        </div>
                    })}
                }
            }),
            Assessment::Invalid(_) => None,
        })
    }
}
