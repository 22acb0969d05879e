//! provgraph: who said a thing, who relayed it, and through which outlets it reached the page.
//!
//! Text in, analysis out, no I/O: [`analyze`] reads one document's text and returns its
//! attributions with their chains; [`build_graph`] merges analyses into one provenance graph
//! ([`GraphBuilder`] does it piece by piece, from analyses and from whole graphs, in any order);
//! [`audit::audit`] answers what people audit the chains for (sourcing profiles, dependence on
//! outlets, flags with their evidence);
//! [`export`] writes the graph as JSON, DOT, GraphML, GEXF, PROV, Cytoscape.js, Neo4j, Cypher,
//! CSV or an HTML report; [`page::extract_page`] finds the main text, title and publisher of a
//! web page; [`input`] reads JSON Lines records and bounded lines from bytes.
//!
//! ```
//! let text = "Russian President Vladimir Putin spoke on Tuesday.\n\
//!             Putin has called for calm, the Kremlin's press service reported, quoted by TASS.\n";
//! let analysis = provgraph::analyze(&provgraph::DocumentInput::new("example", text));
//! let chain: Vec<&str> = analysis.attributions[0].chain().collect();
//! assert_eq!(chain.join(" -> "), "vladimir-putin -> kremlin-press-service -> tass");
//! ```

#![forbid(unsafe_code)]
#![warn(unreachable_pub)]

pub mod audit;
pub mod claims;
pub mod export;
pub mod graph;
#[doc(hidden)]
pub mod hash;
pub mod input;
pub mod model;
pub mod page;
#[doc(hidden)]
pub mod stages;

mod analyze;
mod assemble;
mod coref;
mod lexicon;
mod mention;
mod publisher;
mod rules;
mod scan;
mod span;
mod text;

pub use analyze::{DocumentInput, analyze, explain};
pub use graph::{Appearance, GraphBuilder, ProvGraph, build_graph};
pub use model::{Attribution, Claim, Document, DocumentAnalysis, Entity, Hop, Kind, Relation};
pub use span::Span;

/// The generator string written into outputs.
pub const GENERATOR: &str = concat!("provgraph ", env!("CARGO_PKG_VERSION"));
