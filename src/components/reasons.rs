//! A list of reasons, each with its rule ID (linked to the rule on the "how this works"
//! page) and sources.

use engine::recommendation::Reason;
use engine::rule::Effect;
use leptos::prelude::*;

use super::citation::Citations;

/// A short word for what a reason does to the status.
fn effect_word(effect: Effect) -> &'static str {
    match effect {
        Effect::Excludes => "Excludes",
        Effect::Caution => "Caution",
        Effect::Favours => "Favours",
        Effect::NeedsTest => "Needed",
        Effect::Note => "Note",
    }
}

/// Reasons as a list: effect, rule ID, text, citations.
#[component]
pub fn Reasons(
    /// The reasons, in rule order.
    reasons: Vec<Reason>,
    /// Whether a caution outweighs favouring reasons here: they are then labelled so, never
    /// read as "preferred".
    #[prop(optional)]
    outweighed: bool,
) -> impl IntoView {
    view! {
        <ul class="reasons">
            {reasons
                .into_iter()
                .map(|r| {
                    view! {
                        <li class="reason" data-rule=r.rule.as_str() data-effect=r.effect.slug()>
                            <span class="effect">
                                {if outweighed && r.effect == Effect::Favours { "Outweighed" } else { effect_word(r.effect) }}
                            </span>
                            <a class="rule-id" href=format!("how.html#rule-{}", r.rule.as_str())>{r.rule.as_str()}</a>
                            <span class="reason-text">{r.text}</span>
                            <Citations citations=r.sources trials=engine::evidence::reason_trials(r.rule, r.sources) />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
