//! The page's components, one per file, grouped by what the user sees.

pub mod citation;
pub mod compare;
pub mod conflicts;
pub mod debulking;
pub mod doses;
pub mod form;
pub mod inotuzumab;
pub mod link_issues;
pub mod path;
pub mod problems;
pub mod reasons;
pub mod regions;
pub mod results;
pub mod saved;
pub mod schedule;
pub mod therapy_card;
pub mod what_if;
