//! emograph: customer-journey spreadsheets to emotion graphs.
//!
//! Data flows one way: [`input`] → [`model`] → [`analysis`] → [`figure`] →
//! [`render`] (SVG/PNG) or [`report`] (JSON/table/CSV). [`cmd`] wires the
//! stages together for each subcommand, through [`chart`] (the figure
//! builders every drawing command shares: analysis results → `Figure`) and
//! [`output`] (where each result goes, and the one writer of a command's jobs).

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
