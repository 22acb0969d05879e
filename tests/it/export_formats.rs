//! The exports besides JSON and DOT, each read back by the format's own reader: networkx for
//! GraphML, GEXF and Cytoscape.js, the `prov` package for PROV-JSON and PROV-N, Python's csv
//! module for Neo4j and CSV, a Cypher string tokenizer for Cypher. Each must carry the same
//! nodes, edges and evidence as the JSON, keep hostile names exactly (less what the format
//! documents it drops), and be the same bytes whatever the order of the documents.

use std::collections::BTreeMap;

use provgraph::export::{
    to_csv, to_cypher, to_cytoscape, to_gexf, to_graphml, to_json, to_neo4j, to_prov_json,
    to_prov_n,
};
use provgraph::{DocumentInput, ProvGraph, Relation, analyze, build_graph};
use serde_json::{Value, json};

use crate::readers::{assert_same, expected_graph, read, read_text, same, xml_clean};
use crate::{fixtures, hostile};

/// The bundled article, analysed by the extractor as it is today.
fn article_graph() -> ProvGraph {
    let text = fixtures::ARTICLE;
    build_graph([&analyze(&DocumentInput::new(fixtures::DOC, text))])
}

/// A graph reader's view without the graph-level data (which GEXF has no place for).
fn nodes_and_edges(value: &Value) -> Value {
    json!({"nodes": value["nodes"], "edges": value["edges"]})
}

// networkx: JSON, GraphML, GEXF, Cytoscape.js.

#[test]
fn networkx_reads_json_graphml_gexf_and_cytoscape_as_the_graph_says() {
    let graph = fixtures::graph();
    let expected = expected_graph(&graph, &same);
    let Some(json) = read_text("json", "g.json", &to_json(&graph)) else {
        return;
    };
    assert_same(&json, &expected, "json");
    let graphml = read_text("graphml", "g.graphml", &to_graphml(&graph)).unwrap();
    assert_same(&graphml, &expected, "graphml");
    let cytoscape = read_text("cytoscape", "g.cyjs", &to_cytoscape(&graph)).unwrap();
    assert_same(&cytoscape, &expected, "cytoscape");
    let gexf = read_text("gexf", "g.gexf", &to_gexf(&graph)).unwrap();
    assert_same(&nodes_and_edges(&gexf), &nodes_and_edges(&expected), "gexf");
}

#[test]
fn on_the_bundled_article_every_networkx_reader_sees_what_the_json_says() {
    let graph = article_graph();
    assert!(graph.nodes().count() > 3 && graph.edges().count() > 3);
    let Some(json) = read_text("json", "g.json", &to_json(&graph)) else {
        return;
    };
    assert_eq!(
        json["nodes"].as_object().unwrap().len(),
        graph.nodes().count()
    );
    assert_eq!(
        json["edges"].as_array().unwrap().len(),
        graph.edges().count()
    );
    let graphml = read_text("graphml", "g.graphml", &to_graphml(&graph)).unwrap();
    assert_same(&graphml, &json, "graphml");
    let cytoscape = read_text("cytoscape", "g.cyjs", &to_cytoscape(&graph)).unwrap();
    assert_same(&cytoscape, &json, "cytoscape");
    let gexf = read_text("gexf", "g.gexf", &to_gexf(&graph)).unwrap();
    assert_same(&nodes_and_edges(&gexf), &nodes_and_edges(&json), "gexf");
}

#[test]
fn hostile_names_survive_json_exactly() {
    let graph = hostile::graph();
    if let Some(seen) = read_text("json", "g.json", &to_json(&graph)) {
        assert_same(&seen, &expected_graph(&graph, &same), "hostile");
    }
}

#[test]
fn hostile_names_survive_graphml_less_what_xml_forbids() {
    let graph = hostile::graph();
    let text = to_graphml(&graph);
    assert!(!text.contains('\0') && !text.contains('\u{7}') && !text.contains('\u{ffff}'));
    assert!(!text.contains("</graphml></gexf>"), "markup is escaped");
    if let Some(seen) = read_text("graphml", "g.graphml", &text) {
        assert_same(&seen, &expected_graph(&graph, &xml_clean), "hostile");
        let node = &seen["nodes"]["n07"];
        assert_eq!(
            node["label"], "nulbellescdel\u{7f}vt",
            "forbidden characters are dropped"
        );
        assert_eq!(seen["nodes"]["n05"]["label"], "two\nlines\tand a tab");
        assert_eq!(seen["nodes"]["n06"]["label"], "carriage\r\nreturn");
    }
}

#[test]
fn hostile_names_survive_gexf_less_what_xml_forbids() {
    let graph = hostile::graph();
    let text = to_gexf(&graph);
    assert!(!text.contains('\0'));
    if let Some(seen) = read_text("gexf", "g.gexf", &text) {
        assert_same(
            &nodes_and_edges(&seen),
            &nodes_and_edges(&expected_graph(&graph, &xml_clean)),
            "hostile",
        );
    }
}

#[test]
fn hostile_names_survive_cytoscape_exactly() {
    let graph = hostile::graph();
    if let Some(seen) = read_text("cytoscape", "g.cyjs", &to_cytoscape(&graph)) {
        assert_same(&seen, &expected_graph(&graph, &same), "hostile");
    }
}

#[test]
fn graphml_declares_a_typed_key_for_every_attribute() {
    let text = to_graphml(&fixtures::graph());
    for key in [
        r#"<key id="n_label" for="node" attr.name="label" attr.type="string"/>"#,
        r#"<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>"#,
        r#"<key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>"#,
        r#"<key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>"#,
        r#"<key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>"#,
        r#"<key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>"#,
        r#"<key id="e_attributions" for="edge" attr.name="attributions" attr.type="string"/>"#,
        r#"<key id="n_graphics" for="node" yfiles.type="nodegraphics"/>"#,
    ] {
        assert!(text.contains(key), "missing {key}");
    }
    let used: Vec<&str> = text
        .match_indices("<data key=\"")
        .map(|(at, m)| {
            let rest = &text[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    for key in used {
        assert!(
            text.contains(&format!("<key id=\"{key}\"")),
            "undeclared {key}"
        );
    }
}

#[test]
fn gexf_colours_nodes_by_kind_and_weighs_edges() {
    let text = to_gexf(&fixtures::graph());
    assert!(text.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
    assert!(text.contains(r#"version="1.3""#));
    assert!(text.contains(r#"<node id="tass" label="TASS">"#));
    assert!(text.contains(r#"<attvalue for="kind" value="outlet"/>"#));
    // Outlets are green, people blue.
    assert!(text.contains(r#"<viz:color r="75" g="138" b="60"/>"#));
    assert!(text.contains(r#"<viz:color r="61" g="111" b="163"/>"#));
    assert!(text.contains(
        r#"source="kremlin-press-service" target="tass" label="quoted" kind="quoted" weight="2">"#
    ));
}

// PROV.

/// What the PROV readers should see of the agents.
fn expected_agents(graph: &ProvGraph) -> Value {
    let mut agents = serde_json::Map::new();
    for node in graph.nodes() {
        let ty = match node.kind.as_str() {
            "person" => json!("prov:Person"),
            "unnamed" => Value::Null,
            _ => json!("prov:Organization"),
        };
        let mut aliases = node.aliases.clone();
        aliases.sort();
        let mut titles = node.titles.clone();
        titles.sort();
        agents.insert(
            node.id.clone(),
            json!({"label": node.label, "type": ty, "kind": node.kind.as_str(),
                   "aliases": aliases, "titles": titles, "mentions": node.mentions}),
        );
    }
    Value::Object(agents)
}

/// How many relations of each type the PROV documents should hold.
fn expected_relation_counts(graph: &ProvGraph) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    let mut add = |name: &str, n: usize| *counts.entry(name.to_string()).or_insert(0) += n;
    let publishers = graph
        .documents
        .iter()
        .filter(|d| d.publisher.is_some())
        .count();
    add("wasAttributedTo", publishers);
    for attribution in &graph.attributions {
        add("wasAttributedTo", attribution.hops.len());
        add("wasDerivedFrom prov:PrimarySource", 1);
        for hop in &attribution.hops[1..] {
            if attribution.direct || hop.relation == Relation::Quoted {
                add("wasDerivedFrom prov:Quotation", 1);
            } else {
                add("wasDerivedFrom plain", 1);
            }
        }
        if attribution.hops.len() > 1 {
            add("wasDerivedFrom plain", 1);
        }
    }
    for claim in &graph.claims {
        add("wasDerivedFrom plain", claim.appearances.len() - 1);
    }
    counts
}

fn relation_counts(seen: &Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for relation in seen["relations"].as_array().unwrap() {
        *counts
            .entry(relation[0].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    counts
}

fn check_prov(graph: &ProvGraph) {
    let Some(from_json) = read_text("prov-json", "g.prov.json", &to_prov_json(graph)) else {
        return;
    };
    let from_n = read_text("prov-n", "g.provn", &to_prov_n(graph)).unwrap();
    assert_eq!(from_json, from_n, "PROV-JSON and PROV-N say the same");
    assert_eq!(from_json["agents"], expected_agents(graph));
    assert_eq!(relation_counts(&from_json), expected_relation_counts(graph));
    let n_hops: usize = graph.attributions.iter().map(|a| a.hops.len()).sum();
    let entities = from_json["entities"].as_object().unwrap();
    assert_eq!(entities.len(), graph.documents.len() + n_hops);
    let quotations = entities
        .values()
        .filter(|e| e["prov:type"] == json!(["prov:Quotation"]))
        .count();
    let direct_hops: usize = graph
        .attributions
        .iter()
        .filter(|a| a.direct)
        .map(|a| a.hops.len())
        .sum();
    assert_eq!(quotations, direct_hops);
}

#[test]
fn prov_reads_both_notations_of_the_example_graph() {
    check_prov(&fixtures::graph());
}

#[test]
fn prov_reads_both_notations_of_the_bundled_article() {
    check_prov(&article_graph());
}

#[test]
fn prov_derives_each_later_appearance_of_a_claim_from_the_earliest() {
    let texts = [
        (
            "a",
            "The flu season has killed 105 children so far, about the average toll, the \
               Centers for Disease Control and Prevention said on Friday.\n",
        ),
        (
            "b",
            "According to the Centers for Disease Control and Prevention, the flu has killed \
               105 children so far this season, about the average toll.\n",
        ),
    ];
    let analyses: Vec<_> = texts
        .iter()
        .map(|(id, text)| provgraph::analyze(&provgraph::DocumentInput::new(id, text)))
        .collect();
    let mut graph = provgraph::build_graph(&analyses);
    graph.claims = provgraph::claims::find_claims(&graph, &texts);
    assert_eq!(graph.claims.len(), 1, "{:?}", graph.claims);
    check_prov(&graph);
    let Some(seen) = read_text("prov-json", "g.prov.json", &to_prov_json(&graph)) else {
        return;
    };
    let claim = &graph.claims[0];
    let derived: Vec<&Value> = seen["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|relation| relation.get(3) == Some(&json!(claim.id)))
        .collect();
    assert_eq!(
        derived,
        [&json!([
            "wasDerivedFrom plain",
            "statement:b%231/1",
            "statement:a%231/1",
            claim.id
        ])]
    );
}

#[test]
fn hostile_names_survive_prov_json_and_prov_n_exactly() {
    check_prov(&hostile::graph());
}

#[test]
fn prov_points_from_the_derived_statement_to_its_source() {
    let text = to_prov_n(&build_graph([&fixtures::biden_putin()]));
    let expected = [
        "agent(source:vladimir-putin, [prov:type='prov:Person', prov:label=\"Vladimir Putin\"",
        "wasAttributedTo(statement:biden-putin-video-call%233/1, source:vladimir-putin)",
        "wasAttributedTo(statement:biden-putin-video-call%233/3, source:tass)",
        "wasDerivedFrom(statement:biden-putin-video-call%233/2, statement:biden-putin-video-call%233/1, [pg:relation=\"reported\"])",
        "wasDerivedFrom(statement:biden-putin-video-call%233/3, statement:biden-putin-video-call%233/2, [prov:type='prov:Quotation', pg:relation=\"quoted\"])",
        "wasAttributedTo(document:biden-putin-video-call, source:clubz)",
        "wasDerivedFrom(document:biden-putin-video-call, statement:biden-putin-video-call%233/1, [prov:type='prov:PrimarySource'])",
    ];
    for line in expected {
        assert!(text.contains(line), "missing {line}\nin\n{text}");
    }
}

// Neo4j and CSV.

#[test]
fn neo4j_files_follow_the_import_format_and_hold_the_graph() {
    for graph in [fixtures::graph(), hostile::graph()] {
        let dir = tempfile::tempdir().unwrap();
        let files = to_neo4j(&graph);
        let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["nodes.csv", "relationships.csv"]);
        for (name, contents) in &files {
            std::fs::write(dir.path().join(name), contents).unwrap();
        }
        let Some(seen) = read("neo4j", dir.path()) else {
            return;
        };
        assert_eq!(
            seen["nodes"]["header"],
            json!([
                "id:ID",
                ":LABEL",
                "label",
                "kind",
                "aliases:string[]",
                "titles:string[]",
                "mentions:int"
            ])
        );
        assert_eq!(
            seen["relationships"]["header"],
            json!([
                ":START_ID",
                ":END_ID",
                ":TYPE",
                "relation",
                "weight:int",
                "attributions:string[]"
            ])
        );
        let no_separator = |items: &[String]| -> Vec<String> {
            items.iter().map(|s| s.replace('\u{1f}', "")).collect()
        };
        let nodes: Vec<Value> = graph
            .nodes()
            .map(|node| {
                json!({"id": node.id, "LABEL": provgraph::export::neo4j::kind_label(node.kind),
                       "label": node.label, "kind": node.kind.as_str(),
                       "aliases": no_separator(&node.aliases), "titles": no_separator(&node.titles),
                       "mentions": node.mentions})
            })
            .collect();
        assert_eq!(seen["nodes"]["rows"], json!(nodes));
        let relationships: Vec<Value> = graph
            .edges()
            .map(|(source, target, edge)| {
                json!({"START_ID": source.id, "END_ID": target.id,
                       "TYPE": edge.relation.as_str().to_uppercase(),
                       "relation": edge.relation.as_str(), "weight": edge.weight(),
                       "attributions": edge.attributions})
            })
            .collect();
        assert_eq!(seen["relationships"]["rows"], json!(relationships));
    }
}

/// The rows the CSV export should hold: labels exact, formulas defused.
fn expected_csv_rows(graph: &ProvGraph) -> Value {
    let defuse = |text: &str| {
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text.to_string()
        }
    };
    let mut rows = vec![json!([
        "source",
        "target",
        "relation",
        "weight",
        "documents",
        "source_id",
        "target_id",
        "attributions"
    ])];
    for (source, target, edge) in graph.edges() {
        let mut documents: Vec<&str> = graph
            .attributions
            .iter()
            .filter(|a| edge.attributions.contains(&a.id))
            .map(|a| a.document.as_str())
            .collect();
        documents.sort();
        documents.dedup();
        rows.push(json!([
            defuse(&source.label),
            defuse(&target.label),
            edge.relation.as_str(),
            edge.weight().to_string(),
            defuse(&documents.join("; ")),
            defuse(&source.id),
            defuse(&target.id),
            defuse(&edge.attributions.join("; ")),
        ]));
    }
    Value::Array(rows)
}

#[test]
fn csv_rows_read_back_with_the_csv_module() {
    let graph = fixtures::graph();
    if let Some(seen) = read_text("csv", "g.csv", &to_csv(&graph)) {
        assert_eq!(seen, expected_csv_rows(&graph));
        assert_eq!(
            seen[1],
            json!([
                "Jake Sullivan",
                "Reuters",
                "reported",
                "1",
                "biden-putin-video-call",
                "jake-sullivan",
                "reuters",
                "biden-putin-video-call#14"
            ])
        );
    }
}

#[test]
fn hostile_names_survive_csv_exactly_and_formulas_are_defused() {
    let graph = hostile::graph();
    if let Some(seen) = read_text("csv", "g.csv", &to_csv(&graph)) {
        assert_eq!(seen, expected_csv_rows(&graph));
        let cells: Vec<&str> = seen
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row.as_array().unwrap().iter().map(|c| c.as_str().unwrap()))
            .collect();
        assert!(cells.contains(&"'=HYPERLINK(\"http://example.invalid\")"));
        assert!(cells.contains(&"carriage\r\nreturn"));
        assert!(!cells.iter().any(|cell| cell.starts_with('=')));
    }
}

// Cypher.

/// The string literals of a Cypher statement, unescaped, and whether a `;` ends it and only
/// there (outside strings): what `cypher-shell -f` splits statements on.
fn cypher_strings(line: &str) -> (Vec<String>, bool) {
    let mut strings = Vec::new();
    let mut semicolons = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\'' => {
                let mut text = String::new();
                loop {
                    let (_, c) = chars.next().expect("a closed string");
                    match c {
                        '\'' => break,
                        '\\' => {
                            let (_, escaped) = chars.next().expect("an escape");
                            match escaped {
                                '\\' => text.push('\\'),
                                '\'' => text.push('\''),
                                '"' => text.push('"'),
                                'n' => text.push('\n'),
                                'r' => text.push('\r'),
                                't' => text.push('\t'),
                                'b' => text.push('\u{8}'),
                                'f' => text.push('\u{c}'),
                                'u' => {
                                    let hex: String =
                                        (0..4).map(|_| chars.next().unwrap().1).collect();
                                    text.push(
                                        char::from_u32(u32::from_str_radix(&hex, 16).unwrap())
                                            .unwrap(),
                                    );
                                }
                                other => panic!("unknown escape \\{other} in {line}"),
                            }
                        }
                        '\n' | '\r' => panic!("a raw line break in a string: {line}"),
                        c => text.push(c),
                    }
                }
                strings.push(text);
            }
            ';' => semicolons.push(at),
            _ => {}
        }
    }
    let ends_once = semicolons == [line.len() - 1];
    (strings, ends_once)
}

#[test]
fn cypher_merges_every_node_and_edge_with_exact_strings() {
    for graph in [fixtures::graph(), hostile::graph()] {
        let text = to_cypher(&graph);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.len(),
            2 + graph.nodes().count() + graph.edges().count()
        );
        assert!(lines[0].starts_with("// "));
        assert!(lines[1].starts_with("CREATE CONSTRAINT provgraph_source_id IF NOT EXISTS"));
        let mut statements = lines[1..].iter().map(|line| cypher_strings(line));
        statements.next();
        for node in graph.nodes() {
            let (strings, ends_once) = statements.next().unwrap();
            assert!(ends_once, "one statement per line for {:?}", node.id);
            let mut expected = vec![
                node.id.clone(),
                node.label.clone(),
                node.kind.as_str().to_string(),
            ];
            expected.extend(node.aliases.iter().cloned());
            expected.extend(node.titles.iter().cloned());
            assert_eq!(strings, expected);
        }
        for (source, target, edge) in graph.edges() {
            let (strings, ends_once) = statements.next().unwrap();
            assert!(ends_once);
            let mut expected = vec![
                source.id.clone(),
                target.id.clone(),
                edge.relation.as_str().to_string(),
            ];
            expected.extend(edge.attributions.iter().cloned());
            assert_eq!(strings, expected);
        }
    }
    let text = to_cypher(&fixtures::graph());
    assert!(text.contains(
        "MATCH (a:Source {id: 'kremlin-press-service'}), (b:Source {id: 'tass'}) MERGE (a)-[r:QUOTED]->(b) SET r.relation = 'quoted', r.weight = 2, r.attributions = ['biden-putin-video-call#3', 'relay#1'];"
    ));
    assert!(text.contains("MERGE (s:Source {id: 'tass'}) REMOVE s:Person:Organization:Outlet:Group:Unnamed SET s:Outlet, s.label = 'TASS'"));
}

// Every format.

type Writer = fn(&ProvGraph) -> String;

fn text_formats() -> Vec<(&'static str, Writer)> {
    vec![
        ("graphml", to_graphml as Writer),
        ("gexf", to_gexf),
        ("prov_json", to_prov_json),
        ("prov_n", to_prov_n),
        ("cytoscape", to_cytoscape),
        ("cypher", to_cypher),
        ("csv", to_csv),
        ("neo4j", |graph| {
            to_neo4j(graph)
                .into_iter()
                .map(|(name, contents)| format!("==> {name}\n{contents}"))
                .collect()
        }),
    ]
}

#[test]
fn every_format_is_the_same_bytes_whatever_the_order_of_documents() {
    let (a, b) = (fixtures::biden_putin(), fixtures::relay());
    let one = build_graph([&a, &b]);
    let two = build_graph([&b, &a]);
    for (name, write) in text_formats() {
        assert_eq!(write(&one), write(&two), "{name}");
    }
}

#[test]
fn every_format_writes_an_empty_graph() {
    let graph = build_graph([]);
    for (name, write) in text_formats() {
        assert!(!write(&graph).is_empty(), "{name}");
    }
    if let Some(seen) = read_text("graphml", "g.graphml", &to_graphml(&graph)) {
        assert_eq!(seen["nodes"], json!({}));
    }
    if let Some(seen) = read_text("prov-n", "g.provn", &to_prov_n(&graph)) {
        assert_eq!(seen["agents"], json!({}));
    }
}

#[test]
fn snapshots() {
    let graph = fixtures::graph();
    for (name, write) in text_formats() {
        // The version is left out, so that releasing does not change the snapshots.
        let text = write(&graph).replace(provgraph::GENERATOR, "provgraph [version]");
        insta::assert_snapshot!(format!("biden_putin_and_relay_{name}"), text);
    }
}
