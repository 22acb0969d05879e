"""Reads provgraph's exports with the real readers and prints what they saw as canonical JSON.

Usage: python3 readers.py FORMAT PATH, where FORMAT is one of json, graphml, gexf, cytoscape
(networkx), prov-json, prov-n (the prov package), neo4j (a directory; Python's csv module),
csv, or html (Python's html.parser). The Rust tests (tests/it/readers.rs) compare the output across formats and with the graph.

Graph formats print {"nodes": {id: attributes}, "edges": [[source, target, attributes]],
"graph": {...}}, with lists that the format holds as JSON strings decoded, and with what the
reader adds on its own (yEd and GEXF drawing data, edge ids) left out.
"""

import csv
import json
import re
import sys
import urllib.parse
import warnings

warnings.simplefilter("error")  # a reader's warning is a failure


def edge_list(graph, drop):
    edges = []
    for source, target, data in graph.edges(data=True):
        data = {k: v for k, v in data.items() if k not in drop}
        edges.append([source, target, data])
    edges.sort(key=lambda e: (e[0], e[1], e[2].get("relation", "")))
    return edges


def node_map(graph, drop):
    return {
        node: {k: v for k, v in data.items() if k not in drop}
        for node, data in graph.nodes(data=True)
    }


def decode_lists(attributes, names):
    for name in names:
        if name in attributes:
            attributes[name] = json.loads(attributes[name])
    return attributes


def read_json(path):
    import networkx as nx

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.is_directed() and graph.is_multigraph()
    meta = dict(graph.graph)
    return {
        # label_counts and kind_counts are what `provgraph merge` needs, not graph data.
        "nodes": node_map(graph, ("label_counts", "kind_counts")),
        "edges": edge_list(graph, ()),
        "graph": {k: meta[k] for k in ("schema", "documents")}
        | {"attributions": data["attributions"]},
    }


def read_graphml(path):
    import networkx as nx

    graph = nx.read_graphml(path)
    assert graph.is_directed()
    nodes = node_map(graph, ("shape_type",))
    for attributes in nodes.values():
        decode_lists(attributes, ("aliases", "titles"))
    edges = edge_list(graph, ("id", "label"))
    for _, _, attributes in edges:
        decode_lists(attributes, ("attributions",))
    meta = graph.graph
    return {
        "nodes": nodes,
        "edges": edges,
        "graph": {
            "schema": meta["schema"],
            "documents": json.loads(meta["documents"]),
            "attributions": json.loads(meta["attributions"]),
        },
    }


def read_gexf(path):
    import networkx as nx

    graph = nx.read_gexf(path, version="1.3")
    assert graph.is_directed()
    nodes = node_map(graph, ("viz",))
    for attributes in nodes.values():
        decode_lists(attributes, ("aliases", "titles"))
    edges = edge_list(graph, ("id",))
    for _, _, attributes in edges:
        decode_lists(attributes, ("attributions",))
        assert attributes.pop("label") == attributes["relation"], attributes
        weight = attributes["weight"]
        assert weight == int(weight), weight
        attributes["weight"] = int(weight)
    return {"nodes": nodes, "edges": edges, "graph": {}}


def read_cytoscape(path):
    import networkx as nx

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    graph = nx.cytoscape_graph(data)
    assert graph.is_directed() and graph.is_multigraph()
    nodes = node_map(graph, ("id", "value", "name", "color", "border"))
    edges = edge_list(graph, ("id", "source", "target", "key"))
    ids = [n["data"]["id"] for n in data["elements"]["nodes"]]
    ids += [e["data"]["id"] for e in data["elements"]["edges"]]
    assert len(ids) == len(set(ids)), "element ids are unique"
    return {
        "nodes": nodes,
        "edges": edges,
        "graph": {k: data["data"][k] for k in ("schema", "documents", "attributions")},
    }


def local(name):
    """A qualified name's local part, decoded."""
    return urllib.parse.unquote(str(name.localpart))


def read_prov(path, fmt):
    import prov
    from prov.model import ProvAgent, ProvAttribution, ProvDerivation, ProvEntity

    document = prov.read(path, format=fmt)
    agents = {}
    entities = {}
    relations = []
    for record in document.get_records():
        attributes = {}
        for name, value in record.attributes:
            key = str(name)
            attributes.setdefault(key, []).append(
                value if isinstance(value, (str, int, bool)) else str(value)
            )
        if isinstance(record, ProvAgent):
            agents[local(record.identifier)] = attributes
        elif isinstance(record, ProvEntity):
            entities[str(record.identifier)] = attributes
        elif isinstance(record, ProvAttribution):
            relations.append(["wasAttributedTo", str(attributes["prov:entity"][0]),
                              str(attributes["prov:agent"][0])])
        elif isinstance(record, ProvDerivation):
            kind = attributes.get("prov:type", ["plain"])[0]
            relation = ["wasDerivedFrom " + str(kind),
                        str(attributes["prov:generatedEntity"][0]),
                        str(attributes["prov:usedEntity"][0])]
            # A claim's later appearance derived from its earliest (issue 18).
            relation += [str(claim) for claim in attributes.get("pg:claim", [])]
            relations.append(relation)
        else:
            raise AssertionError(f"unexpected record {record}")
    return {
        "agents": {
            node: {
                "label": a["prov:label"][0],
                "type": a.get("prov:type", [None])[0],
                "kind": a["pg:kind"][0],
                "aliases": sorted(a.get("pg:alias", [])),
                "titles": sorted(a.get("pg:title", [])),
                "mentions": a["pg:mentions"][0],
            }
            for node, a in agents.items()
        },
        "entities": {
            e: {k: v for k, v in a.items() if k in ("prov:type", "prov:label", "pg:hop", "pg:direct")}
            for e, a in entities.items()
        },
        "relations": sorted(relations),
    }


HEADER_FIELD = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*)?(?::(?:ID|LABEL|START_ID|END_ID|TYPE|"
                          r"(?:string|int|long|float|double|boolean|byte|short|char|date|"
                          r"localtime|time|localdatetime|datetime|duration|point)(?:\[\])?))?$")


def neo4j_file(path, required):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    header = rows[0]
    for field in header:
        assert field and HEADER_FIELD.match(field), f"bad header field {field!r}"
    for name in required:
        assert header.count(name) == 1, f"{path}: {name} once in {header}"
    records = []
    for row in rows[1:]:
        assert len(row) == len(header), row
        record = {}
        for field, value in zip(header, row):
            name, _, kind = field.partition(":")
            name = name or kind
            if kind == "int":
                value = int(value)
            elif kind.endswith("[]"):
                value = value.split("\x1f") if value else []
            record[name] = value
        records.append(record)
    return {"header": header, "rows": records}


def read_neo4j(path):
    return {
        "nodes": neo4j_file(f"{path}/nodes.csv", (":LABEL",)),
        "relationships": neo4j_file(f"{path}/relationships.csv", (":START_ID", ":END_ID", ":TYPE")),
    }


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, strict=True))


def read_html(path):
    """What an HTML page (ours, or Chromium's dump of its DOM) holds: the body's attributes, the
    attribution rows shown (their ids, sources and texts), the diagram's nodes, the source chips
    and options, the outlet rows, the diagram's replacement text, the links to sources left out
    of the diagram, and the report's data block (parsed JSON, or None)."""
    import json
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.body = {}
            self.rows = []
            self.svg_nodes = []
            self.chips = []
            self.options = []
            self.outlets = []
            self.missing = []
            self.left_out = []
            self.marks = []
            self.data = None
            self.title = ""
            self.stack = []  # (tag, attrs, text parts)

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "body":
                self.body = attrs
            if tag == "tr" and "data-sources" in attrs:
                self.rows.append({"sources": attrs["data-sources"], "hidden": "hidden" in attrs,
                                  "id": attrs.get("data-attribution"), "text": ""})
            if tag == "a" and attrs.get("href", "").startswith("#source="):
                self.left_out.append(attrs["href"])
            if tag == "tr" and "data-id" in attrs:
                self.outlets.append(attrs["data-id"])
            if tag in ("meta", "input", "br", "link", "img", "path", "polygon", "ellipse",
                       "polyline", "stop", "use"):
                return
            self.stack.append((tag, attrs, []))

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)

        def handle_data(self, data):
            for _, _, parts in self.stack:
                parts.append(data)

        def handle_endtag(self, tag):
            while self.stack:
                open_tag, attrs, parts = self.stack.pop()
                text = "".join(parts)
                classes = attrs.get("class", "").split()
                if open_tag == "span" and "chip" in classes:
                    self.chips.append(text)
                if open_tag == "tr" and "data-sources" in attrs:
                    self.rows[-1]["text"] = text
                if open_tag == "mark":
                    self.marks.append(text)
                if open_tag == "script" and attrs.get("type") == "application/json":
                    self.data = json.loads(text)
                if open_tag == "option" and "data-id" in attrs:
                    self.options.append([attrs["data-id"], text])
                if open_tag == "p" and "missing" in classes:
                    self.missing.append(text)
                if open_tag == "title" and self.stack and self.stack[-1][0] == "g" \
                        and "node" in self.stack[-1][1].get("class", "").split():
                    self.svg_nodes.append(text)
                if open_tag == "title" and not any(t == "svg" for t, _, _ in self.stack):
                    self.title = text
                if open_tag == tag:
                    break

    page = Page()
    with open(path, encoding="utf-8", newline="") as f:
        page.feed(f.read())
    page.close()
    return {
        "body": page.body,
        "rows": page.rows,
        "svg_nodes": page.svg_nodes,
        "chips": page.chips,
        "options": page.options,
        "outlets": page.outlets,
        "missing": page.missing,
        "left_out": page.left_out,
        "marks": page.marks,
        "data": page.data,
        "title": page.title,
    }


def read_svg(path):
    """An SVG as a strict XML parser (expat) reads it: the texts drawn and the titles."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    root = ET.parse(path).getroot()
    return {
        "texts": ["".join(t.itertext()) for t in root.iter(ns + "text")],
        "titles": ["".join(t.itertext()) for t in root.iter(ns + "title")],
    }


READERS = {
    "html": read_html,
    "svg": read_svg,
    "json": read_json,
    "graphml": read_graphml,
    "gexf": read_gexf,
    "cytoscape": read_cytoscape,
    "prov-json": lambda path: read_prov(path, "json"),
    "prov-n": lambda path: read_prov(path, "provn"),
    "neo4j": read_neo4j,
    "csv": read_csv,
}

if __name__ == "__main__":
    fmt, path = sys.argv[1], sys.argv[2]
    json.dump(READERS[fmt](path), sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)
    sys.stdout.write("\n")
