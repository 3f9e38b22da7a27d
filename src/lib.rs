//! emograph: customer-journey spreadsheets to emotion graphs.
//!
//! Data flows one way: [`input`] → [`model`] → [`analysis`] → [`figure`] →
//! [`render`] (SVG/PNG) or [`report`] (JSON/table/CSV). [`cmd`] wires the
//! stages together for each subcommand.

pub mod analysis;
pub mod chart;
pub mod cli;
pub mod cmd;
pub mod error;
pub mod figure;
pub mod input;
pub mod model;
pub mod numfmt;
pub mod output;
pub mod render;
pub mod report;
