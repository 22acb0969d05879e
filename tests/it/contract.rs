//! A checker of the JSON contract, `shared/spec/json-output.md` (schema `provgraph/1`), written
//! out field by field: what each field must hold, and how the parts refer to each other (edges
//! and chains name nodes, attributions name documents, each pair of consecutive hops is an edge
//! that lists the attribution, each chain's last hop reaches the document's publisher). Fields
//! the contract does not name are allowed: it changes only by adding fields.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

const KINDS: [&str; 5] = ["person", "organization", "outlet", "group", "unnamed"];
const HOP_RELATIONS: [&str; 7] = [
    "said",
    "reported",
    "quoted",
    "cited",
    "according_to",
    "via",
    "interview",
];

/// A document's size and publisher, by id.
type Documents = BTreeMap<String, (u64, Option<String>)>;
/// An edge's (source, target, relation) with the attributions it lists.
type Edges = BTreeMap<(String, String, String), BTreeSet<String>>;

/// Checks a `provgraph/1` document; the error names the first place that breaks the contract.
pub fn check(json: &Value) -> Result<(), String> {
    let top = object(json, "the document")?;
    expect(
        top.get("directed") == Some(&Value::Bool(true)),
        "directed must be true",
    )?;
    expect(
        top.get("multigraph") == Some(&Value::Bool(true)),
        "multigraph must be true",
    )?;
    let graph = object(field(top, "graph")?, "graph")?;
    expect(
        graph.get("schema") == Some(&Value::String("provgraph/1".into())),
        "graph.schema must be provgraph/1",
    )?;
    string(field(graph, "generator")?, "graph.generator")?;
    let documents = check_documents(graph)?;
    let nodes = check_nodes(top, &documents)?;
    let edges = check_edges(top, &nodes)?;
    let made = check_attributions(top, &documents, &nodes)?;
    check_edges_are_made(&edges, &made)?;
    check_claims(top, graph)
}

/// The optional `claims` (issue 18): each names attributions that are there, with their
/// documents, dates and chains, spans two documents or more, lists its earliest appearance
/// first (dated ones first, by date, then by document); ids are unique and sorted, and an
/// attribution is in one claim at most.
fn check_claims(top: &Map<String, Value>, graph: &Map<String, Value>) -> Result<(), String> {
    let Some(claims) = top.get("claims") else {
        return Ok(());
    };
    let dates: BTreeMap<&str, Option<&str>> = array(field(graph, "documents")?, "documents")?
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap_or(""),
                d.get("date").and_then(Value::as_str),
            )
        })
        .collect();
    let attributions: BTreeMap<&str, (&str, &Value)> = array(field(top, "attributions")?, "")?
        .iter()
        .map(|a| {
            let id = a["id"].as_str().unwrap_or("");
            (id, (a["document"].as_str().unwrap_or(""), &a["chain"]))
        })
        .collect();
    let (mut ids, mut claimed) = (Vec::new(), BTreeSet::new());
    for (i, claim) in array(claims, "claims")?.iter().enumerate() {
        let at = format!("claims[{i}]");
        let claim = object(claim, &at)?;
        let id = string(field(claim, "id")?, &format!("{at}.id"))?;
        expect(
            id.starts_with("claim-"),
            &format!("{at}.id {id:?} is not claim-..."),
        )?;
        ids.push(id);
        string(field(claim, "text")?, &format!("{at}.text"))?;
        let earliest = string(field(claim, "earliest")?, &format!("{at}.earliest"))?;
        let mut keys = Vec::new();
        for (j, appearance) in array(field(claim, "appearances")?, &at)?.iter().enumerate() {
            let aat = format!("{at}.appearances[{j}]");
            let appearance = object(appearance, &aat)?;
            let attribution = string(field(appearance, "attribution")?, &aat)?;
            let document = string(field(appearance, "document")?, &aat)?;
            let date = appearance.get("date").and_then(Value::as_str);
            let Some((its_document, chain)) = attributions.get(attribution) else {
                return Err(format!(
                    "{aat} names attribution {attribution}, which is not there"
                ));
            };
            expect(
                *its_document == document,
                &format!("{aat}.document is not its attribution's"),
            )?;
            expect(
                field(appearance, "chain")? == *chain,
                &format!("{aat}.chain is not its attribution's"),
            )?;
            expect(
                dates.get(document) == Some(&date),
                &format!("{aat}.date is not its document's"),
            )?;
            expect(
                claimed.insert(attribution),
                &format!("{aat}: {attribution} in two claims"),
            )?;
            keys.push((date.is_none(), date, document));
        }
        expect(
            !keys.is_empty() && field(claim, "appearances")?[0]["attribution"] == earliest,
            &format!("{at}.earliest is not its first appearance"),
        )?;
        expect(
            keys.is_sorted(),
            &format!("{at}: appearances not earliest first"),
        )?;
        let documents: BTreeSet<&str> = keys.iter().map(|key| key.2).collect();
        expect(
            documents.len() >= 2,
            &format!("{at} is in fewer than two documents"),
        )?;
    }
    expect(
        ids.is_sorted() && ids.windows(2).all(|w| w[0] != w[1]),
        "claims not sorted by id, each once",
    )
}

/// The documents, by id, with their sizes and publishers.
fn check_documents(graph: &Map<String, Value>) -> Result<Documents, String> {
    let mut documents = Documents::new();
    for (i, document) in array(field(graph, "documents")?, "graph.documents")?
        .iter()
        .enumerate()
    {
        let at = format!("graph.documents[{i}]");
        let document = object(document, &at)?;
        let id = string(field(document, "id")?, &format!("{at}.id"))?;
        optional_string(field(document, "path")?, &format!("{at}.path"))?;
        optional_string(field(document, "title")?, &format!("{at}.title"))?;
        if let Some(date) = document.get("date") {
            string(date, &format!("{at}.date"))?;
        }
        let publisher = optional_string(field(document, "publisher")?, &format!("{at}.publisher"))?;
        let bytes = integer(field(document, "bytes")?, &format!("{at}.bytes"))?;
        if let Some(span) = optional_span(field(document, "publisher_mention")?, &at)? {
            expect(
                span.1 <= bytes,
                &format!("{at}.publisher_mention is past the end"),
            )?;
            expect(
                publisher.is_some(),
                &format!("{at} has a publisher mention, no publisher"),
            )?;
        }
        let publisher = publisher.map(String::from);
        expect(
            documents
                .insert(id.to_string(), (bytes, publisher))
                .is_none(),
            &format!("{at}: document {id} twice"),
        )?;
    }

    Ok(documents)
}

/// The nodes' ids, sorted and each once.
fn check_nodes(
    top: &Map<String, Value>,
    documents: &Documents,
) -> Result<BTreeSet<String>, String> {
    let mut nodes = BTreeSet::new();
    let mut previous_id: Option<String> = None;
    for (i, node) in array(field(top, "nodes")?, "nodes")?.iter().enumerate() {
        let at = format!("nodes[{i}]");
        let node = object(node, &at)?;
        let id = string(field(node, "id")?, &format!("{at}.id"))?;
        check_node_id(id, documents).map_err(|why| format!("{at}.id {id:?}: {why}"))?;
        string(field(node, "label")?, &format!("{at}.label"))?;
        let kind = string(field(node, "kind")?, &format!("{at}.kind"))?;
        expect(
            KINDS.contains(&kind),
            &format!("{at}.kind {kind:?} is not a kind"),
        )?;
        for list in ["aliases", "titles"] {
            for (j, item) in array(field(node, list)?, &format!("{at}.{list}"))?
                .iter()
                .enumerate()
            {
                string(item, &format!("{at}.{list}[{j}]"))?;
            }
        }
        integer(field(node, "mentions")?, &format!("{at}.mentions"))?;
        expect(
            previous_id.as_deref().is_none_or(|previous| previous < id),
            &format!("{at}: nodes are not sorted by id, or {id} is there twice"),
        )?;
        previous_id = Some(id.to_string());
        nodes.insert(id.to_string());
    }

    Ok(nodes)
}

/// The edges, by (source, target, relation), with the attributions each lists.
fn check_edges(top: &Map<String, Value>, nodes: &BTreeSet<String>) -> Result<Edges, String> {
    let mut edges = Edges::new();
    for (i, edge) in array(field(top, "edges")?, "edges")?.iter().enumerate() {
        let at = format!("edges[{i}]");
        let edge = object(edge, &at)?;
        let source = string(field(edge, "source")?, &format!("{at}.source"))?;
        let target = string(field(edge, "target")?, &format!("{at}.target"))?;
        for end in [source, target] {
            expect(
                nodes.contains(end),
                &format!("{at} names {end}, which is no node"),
            )?;
        }
        let relation = string(field(edge, "relation")?, &format!("{at}.relation"))?;
        expect(
            HOP_RELATIONS.contains(&relation) || relation == "published",
            &format!("{at}.relation {relation:?} is not a relation"),
        )?;
        expect(
            field(edge, "key")? == &Value::String(relation.to_string()),
            &format!("{at}.key must be its relation"),
        )?;
        let listed = array(field(edge, "attributions")?, &format!("{at}.attributions"))?;
        let weight = integer(field(edge, "weight")?, &format!("{at}.weight"))?;
        expect(
            weight == listed.len() as u64 && weight > 0,
            &format!("{at}.weight must count its attributions"),
        )?;
        let mut ids = BTreeSet::new();
        for (j, id) in listed.iter().enumerate() {
            ids.insert(string(id, &format!("{at}.attributions[{j}]"))?.to_string());
        }
        let key = (source.to_string(), target.to_string(), relation.to_string());
        expect(
            edges.insert(key, ids).is_none(),
            &format!("{at} is there twice"),
        )?;
    }

    Ok(edges)
}

/// The attributions, and the edges their chains make.
fn check_attributions(
    top: &Map<String, Value>,
    documents: &Documents,
    nodes: &BTreeSet<String>,
) -> Result<Edges, String> {
    let mut made = Edges::new();
    let mut ids = BTreeSet::new();
    for (i, attribution) in array(field(top, "attributions")?, "attributions")?
        .iter()
        .enumerate()
    {
        let at = format!("attributions[{i}]");
        let attribution = object(attribution, &at)?;
        let id = string(field(attribution, "id")?, &format!("{at}.id"))?;
        expect(
            ids.insert(id.to_string()),
            &format!("{at}: attribution {id} twice"),
        )?;
        let document = string(field(attribution, "document")?, &format!("{at}.document"))?;
        let Some((bytes, publisher)) = documents.get(document) else {
            return Err(format!(
                "{at} names document {document}, which is not there"
            ));
        };
        let number = id
            .strip_prefix(document)
            .and_then(|rest| rest.strip_prefix('#'));
        expect(
            number.is_some_and(|n| n.parse::<u64>().is_ok_and(|n| n > 0)),
            &format!("{at}.id {id:?} is not {document}#<n>"),
        )?;
        let in_document = |span: (u64, u64), what: &str| {
            expect(
                span.1 <= *bytes,
                &format!("{at}.{what} {span:?} is past the document's end"),
            )
        };
        let span = span(field(attribution, "span")?, &format!("{at}.span"))?;
        in_document(span, "span")?;
        if let Some(content) =
            optional_span(field(attribution, "content")?, &format!("{at}.content"))?
        {
            in_document(content, "content")?;
        }
        bool(field(attribution, "direct")?, &format!("{at}.direct"))?;
        let chain: Vec<&str> = array(field(attribution, "chain")?, &format!("{at}.chain"))?
            .iter()
            .enumerate()
            .map(|(j, node)| string(node, &format!("{at}.chain[{j}]")))
            .collect::<Result<_, _>>()?;
        let hops = array(field(attribution, "hops")?, &format!("{at}.hops"))?;
        expect(!hops.is_empty(), &format!("{at} has no hops"))?;
        expect(
            hops.len() == chain.len(),
            &format!("{at}: one hop per chain element"),
        )?;
        let mut relations = Vec::new();
        for (j, hop) in hops.iter().enumerate() {
            let hat = format!("{at}.hops[{j}]");
            let hop = object(hop, &hat)?;
            let node = string(field(hop, "node")?, &format!("{hat}.node"))?;
            expect(node == chain[j], &format!("{hat}.node is not chain[{j}]"))?;
            expect(
                nodes.contains(node),
                &format!("{hat}.node {node} is no node"),
            )?;
            for what in ["mention", "cue"] {
                if let Some(inner) = optional_span(field(hop, what)?, &format!("{hat}.{what}"))? {
                    in_document(inner, what)?;
                    expect(
                        span.0 <= inner.0 && inner.1 <= span.1,
                        &format!("{hat}.{what} is outside the attribution's span"),
                    )?;
                }
            }
            let relation = string(field(hop, "relation")?, &format!("{hat}.relation"))?;
            expect(
                HOP_RELATIONS.contains(&relation),
                &format!("{hat}.relation {relation:?} is not a hop's relation"),
            )?;
            relations.push(relation);
        }
        for j in 1..chain.len() {
            let key = (
                chain[j - 1].to_string(),
                chain[j].to_string(),
                relations[j].to_string(),
            );
            made.entry(key).or_default().insert(id.to_string());
        }
        if let Some(publisher) = publisher
            && chain.last() != Some(&publisher.as_str())
        {
            let last = chain.last().unwrap().to_string();
            let key = (last, publisher.clone(), "published".to_string());
            made.entry(key).or_default().insert(id.to_string());
        }
    }
    Ok(made)
}

/// Every edge is made by the chains that list it, and by no others.
fn check_edges_are_made(edges: &Edges, made: &Edges) -> Result<(), String> {
    for (key, ids) in made {
        match edges.get(key) {
            Some(listed) if listed == ids => {}
            Some(listed) => {
                return Err(format!(
                    "edge {key:?} lists {listed:?}, but the chains give {ids:?}"
                ));
            }
            None => return Err(format!("the chains make edge {key:?}, which is not there")),
        }
    }
    if let Some(key) = edges.keys().find(|key| !made.contains_key(*key)) {
        return Err(format!("edge {key:?} comes from no chain"));
    }
    Ok(())
}

/// A node id is a slug of its label (lower case ASCII letters and digits, hyphens); the ids of
/// sources that name nobody in particular end with `--<document id>`.
fn check_node_id(
    id: &str,
    documents: &BTreeMap<String, (u64, Option<String>)>,
) -> Result<(), String> {
    let slug = match id.split_once("--") {
        Some((slug, document)) if documents.contains_key(document) => slug,
        _ => id,
    };
    let ok = !slug.is_empty()
        && slug
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
    expect(ok, "not a slug (lower case ASCII, digits, hyphens)")
}

fn expect(holds: bool, why: &str) -> Result<(), String> {
    if holds { Ok(()) } else { Err(why.to_string()) }
}

fn field<'a>(object: &'a Map<String, Value>, name: &str) -> Result<&'a Value, String> {
    object.get(name).ok_or_else(|| format!("{name} is missing"))
}

fn object<'a>(value: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{at} must be an object"))
}

fn array<'a>(value: &'a Value, at: &str) -> Result<&'a Vec<Value>, String> {
    value
        .as_array()
        .ok_or_else(|| format!("{at} must be an array"))
}

fn string<'a>(value: &'a Value, at: &str) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("{at} must be a string"))
}

fn optional_string<'a>(value: &'a Value, at: &str) -> Result<Option<&'a str>, String> {
    match value {
        Value::Null => Ok(None),
        _ => string(value, at).map(Some),
    }
}

fn integer(value: &Value, at: &str) -> Result<u64, String> {
    value
        .as_u64()
        .ok_or_else(|| format!("{at} must be a whole number"))
}

fn bool(value: &Value, at: &str) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{at} must be true or false"))
}

/// `[start, end]`, start <= end.
fn span(value: &Value, at: &str) -> Result<(u64, u64), String> {
    match value.as_array().map(Vec::as_slice) {
        Some([start, end]) => {
            let (start, end) = (integer(start, at)?, integer(end, at)?);
            expect(start <= end, &format!("{at} ends before it starts"))?;
            Ok((start, end))
        }
        _ => Err(format!("{at} must be [start, end]")),
    }
}

fn optional_span(value: &Value, at: &str) -> Result<Option<(u64, u64)>, String> {
    match value {
        Value::Null => Ok(None),
        _ => span(value, at).map(Some),
    }
}

#[test]
fn the_bundled_article_and_the_example_graphs_keep_the_contract() {
    use provgraph::export::to_json;
    let text = crate::fixtures::ARTICLE;
    let analysis = provgraph::analyze(&provgraph::DocumentInput::new(crate::fixtures::DOC, text));
    for graph in [
        provgraph::build_graph([&analysis]),
        crate::fixtures::graph(),
    ] {
        let json: Value = serde_json::from_str(&to_json(&graph)).unwrap();
        check(&json).unwrap();
    }
}

#[test]
fn the_checker_finds_what_breaks_the_contract() {
    let graph = provgraph::export::to_json(&crate::fixtures::graph());
    let good: Value = serde_json::from_str(&graph).unwrap();
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut json = good.clone();
        change(&mut json);
        check(&json).unwrap_err()
    };
    assert_eq!(
        broken(&|json| json["directed"] = false.into()),
        "directed must be true"
    );
    assert_eq!(
        broken(&|json| json["nodes"][0]["kind"] = "robot".into()),
        "nodes[0].kind \"robot\" is not a kind"
    );
    assert_eq!(
        broken(&|json| json["nodes"][0]["id"] = "Not A Slug".into()),
        "nodes[0].id \"Not A Slug\": not a slug (lower case ASCII, digits, hyphens)"
    );
    assert!(broken(&|json| json["edges"][0]["weight"] = 7.into()).contains("weight"));
    assert!(
        broken(&|json| json["attributions"][0]["span"] = serde_json::json!([9, 1]))
            .contains("ends before it starts")
    );
    assert!(
        broken(&|json| {
            json["edges"].as_array_mut().unwrap().remove(0);
        })
        .contains("which is not there")
    );
    assert!(
        broken(&|json| json["attributions"][0]["chain"][0] = "nobody".into())
            .contains("is not chain[0]")
    );
}
