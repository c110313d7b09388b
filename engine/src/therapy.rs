//! The therapies the aid weighs, and the statuses it gives them.

use serde::Serialize;

/// A therapy the engine gives a status to. CAR-T products are assessed one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Therapy {
    /// Blinatumomab (CD19×CD3 bispecific T-cell engager).
    Blinatumomab,
    /// Inotuzumab ozogamicin (anti-CD22 antibody–calicheamicin conjugate).
    Inotuzumab,
    /// Tisagenlecleucel (CD19 CAR-T).
    Tisagenlecleucel,
    /// Brexucabtagene autoleucel (CD19 CAR-T).
    Brexucabtagene,
    /// Obecabtagene autoleucel (CD19 CAR-T).
    Obecabtagene,
}

/// The antigen a therapy targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Target {
    /// CD19.
    Cd19,
    /// CD22.
    Cd22,
}

impl Therapy {
    /// Every therapy in display order.
    pub const ALL: [Therapy; 5] = [
        Therapy::Blinatumomab,
        Therapy::Inotuzumab,
        Therapy::Tisagenlecleucel,
        Therapy::Brexucabtagene,
        Therapy::Obecabtagene,
    ];

    /// The CD19 CAR-T products.
    pub const CAR_T: [Therapy; 3] = [
        Therapy::Tisagenlecleucel,
        Therapy::Brexucabtagene,
        Therapy::Obecabtagene,
    ];

    /// A stable lowercase identifier (used as `data-therapy` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            Therapy::Blinatumomab => "blinatumomab",
            Therapy::Inotuzumab => "inotuzumab",
            Therapy::Tisagenlecleucel => "tisagenlecleucel",
            Therapy::Brexucabtagene => "brexucabtagene",
            Therapy::Obecabtagene => "obecabtagene",
        }
    }

    /// The name shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            Therapy::Blinatumomab => "Blinatumomab",
            Therapy::Inotuzumab => "Inotuzumab ozogamicin",
            Therapy::Tisagenlecleucel => "Tisagenlecleucel (CAR-T)",
            Therapy::Brexucabtagene => "Brexucabtagene autoleucel (CAR-T)",
            Therapy::Obecabtagene => "Obecabtagene autoleucel (CAR-T)",
        }
    }

    /// The antigen the therapy targets.
    pub fn target(self) -> Target {
        match self {
            Therapy::Inotuzumab => Target::Cd22,
            _ => Target::Cd19,
        }
    }

    /// Whether this is a CD19 CAR-T product.
    pub fn is_car_t(self) -> bool {
        Therapy::CAR_T.contains(&self)
    }
}

/// The status a therapy gets for a scenario, from best to worst fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Status {
    /// Eligible, no flagged risk, and favoured by a preference rule without a conflict.
    Preferred,
    /// Eligible; nothing favours or flags it.
    Option,
    /// Eligible, but a rule flags a specific risk for this patient.
    Caution,
    /// Excluded by an eligibility rule.
    NotEligible,
}

impl Status {
    /// A stable lowercase identifier (used as `data-status` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Option => "option",
            Status::Caution => "caution",
            Status::NotEligible => "not-eligible",
        }
    }

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Preferred => "Preferred",
            Status::Option => "Option",
            Status::Caution => "Use with caution",
            Status::NotEligible => "Not eligible",
        }
    }
}
