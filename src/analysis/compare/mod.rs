//! Before against after.

pub mod mann_whitney;
