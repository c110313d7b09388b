//! The page's components, one per file, grouped by what the user sees. The answer's cards
//! are markup (see the `markup` crate), patched in by `results`.

pub mod compare;
pub mod form;
pub mod link_issues;
pub mod path;
pub mod results;
pub mod saved;
pub mod saved_start;
