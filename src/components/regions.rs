//! "What the other region says": the therapies whose status or label badge would change
//! under the other region's labels, one line each, with one click to switch.

use engine::regions::RegionDifference;
use engine::{Field, RawScenario, Region};
use leptos::prelude::*;

/// The panel; renders nothing when the other region would answer the same.
#[component]
pub fn OtherRegion(
    /// The differences the engine found.
    differences: Vec<RegionDifference>,
    /// The scenario, whose region the switch changes.
    scenario: RwSignal<RawScenario>,
) -> impl IntoView {
    let Some(first) = differences.first() else {
        return ().into_any();
    };
    let other = first.region;
    let code = match other {
        Region::Us => "us",
        Region::Eu => "eu",
    };
    view! {
        <section class="card other-region" data-other-region=code aria-labelledby="other-region-title">
            <h2 id="other-region-title">{format!("What the {} labels say", other.name())}</h2>
            <ul>
                {differences
                    .into_iter()
                    .map(|d| {
                        // The badge already says "within the label"; only reasons add anything.
                        let why = d.why.join(" ");
                        view! {
                            <li data-region-therapy=d.therapy.slug()>
                                <strong>{d.therapy.name()}</strong>
                                {format!(
                                    ": {} → {} ({}).{}{}",
                                    d.here.0.label(),
                                    d.there.0.label(),
                                    d.there.1.label(other),
                                    if why.is_empty() { "" } else { " " },
                                    why
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button
                type="button"
                data-switch-region=code
                on:click=move |_| scenario.update(|s| s.set(Field::Region, if code == "us" { "" } else { code }))
            >
                {format!("Switch to {} labels", other.name())}
            </button>
        </section>
    }
    .into_any()
}
