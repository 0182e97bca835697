#!/usr/bin/python3
"""Reads a relgraph output with a real reader and prints it canonically,
so that tests/interop can compare what every reader sees:

    N <id> <label> <mentions>          one line per node, sorted
    E <source> <target> <key> <weight>  one line per edge, sorted
                                        (undirected: ends sorted)

Usage: dump.py READER FILE [undirected]
(undirected: sort the ends of every edge — igraph holds a mixed file as an
undirected graph, so its ends of relation edges are in node order)   READER: igraph-graphml, networkx-graphml,
networkx-gexf, networkx-json, csv (FILE = the .nodes.csv; the .edges.csv
beside it).  The key is Gephi's edge type: "cooccurrence" or the relation
class.  Exit 2 when the reader's module is missing."""
import csv, json, sys

def key_of(kind, relation):
    return "cooccurrence" if kind == "cooccurrence" else (relation or "relation")

def num(x):
    return "%.6g" % float(x)

def out(nodes, edges):
    lines = ["N\t%s\t%s\t%s" % (i, l, num(m)) for i, l, m in nodes]
    for s, t, k, w, directed in edges:
        if (not directed or ALL_UNDIRECTED) and t < s:
            s, t = t, s
        lines.append("E\t%s\t%s\t%s\t%s" % (s, t, k, num(w)))
    sys.stdout.write("".join(sorted(l + "\n" for l in lines)))

reader, path = sys.argv[1], sys.argv[2]
ALL_UNDIRECTED = len(sys.argv) > 3 and sys.argv[3] == "undirected"
try:
    if reader == "igraph-graphml":
        import igraph
        g = igraph.Graph.Read_GraphML(path)
        out([(v["id"], v["label"], v["mentions"]) for v in g.vs],
            [(g.vs[e.source]["id"], g.vs[e.target]["id"],
              key_of(e["kind"], e["relation"]), e["weight"],
              e["kind"] != "cooccurrence") for e in g.es])
    elif reader.startswith("networkx-"):
        import networkx as nx
        if reader == "networkx-json":
            with open(path, encoding="utf-8") as f:
                G = nx.node_link_graph(json.load(f))
        elif reader == "networkx-gexf":
            # Debian 12's networkx 2.8 lacks the GEXF 1.3 namespace; register
            # it as networkx 3.x does (as ../shared/validate/gexf-networkx).
            from networkx.readwrite.gexf import GEXF
            GEXF.versions.setdefault("1.3", {
                "NS_GEXF": "http://gexf.net/1.3",
                "NS_VIZ": "http://gexf.net/1.3/viz",
                "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
                "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                "VERSION": "1.3"})
            G = nx.read_gexf(path)
        else:
            G = nx.read_graphml(path)
        out([(n, d["label"], d["mentions"]) for n, d in G.nodes(data=True)],
            [(s, t, key_of(d["kind"], d.get("relation", "")), d["weight"],
              G.is_directed() and d["kind"] != "cooccurrence")
             for s, t, d in G.edges(data=True)])
    elif reader == "csv":
        with open(path, newline="", encoding="utf-8") as f:
            nodes = [(r["Id"], r["Label"], r["mentions"]) for r in csv.DictReader(f)]
        with open(path[:-len(".nodes.csv")] + ".edges.csv", newline="",
                  encoding="utf-8") as f:
            edges = [(r["Source"], r["Target"], r["Kind"], r["Weight"],
                      r["Type"] == "Directed") for r in csv.DictReader(f)]
        out(nodes, edges)
    else:
        sys.exit("unknown reader " + reader)
except ImportError as e:
    print(e, file=sys.stderr)
    sys.exit(2)
