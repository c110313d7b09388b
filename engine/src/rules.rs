//! Every rule of the clinical specification, one item each, and [`RULES`], the one list that
//! fixes evaluation and display order.

use crate::rule::Rule;

/// Every rule in evaluation and display order.
pub const RULES: &[Rule] = &[];
