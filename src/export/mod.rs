//! Output formats. Only this module knows JSON, DOT, GraphML, GEXF, PROV, Cytoscape.js, Neo4j,
//! Cypher, CSV and HTML.
//!
//! Every writer is a pure function of the graph (the HTML report also takes the documents'
//! texts and a drawing) and deterministic: the same graph gives the same bytes.

pub mod audit;
pub mod csv;
pub mod cypher;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
pub mod prov;
pub mod relay_core;

#[cfg(test)]
mod layout;
mod pretty;
mod style;
mod xml;

pub use csv::to_csv;
pub use cypher::to_cypher;
pub use cytoscape::to_cytoscape;
pub use dot::{DotConfig, to_dot, to_dot_picture, to_dot_with};
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use html::{HtmlInput, to_html};
pub use json::{ReadError, from_json, to_json, write_json};
pub use neo4j::to_neo4j;
pub use prov::{to_prov_json, to_prov_n};
pub use relay_core::{RelayCore, relay_core};
