#!/usr/bin/python3
"""Checks relgraph's metrics against networkx on the same graph.

    metrics_networkx.py RELGRAPH EXAMPLES_DIR WORK_DIR

Runs relgraph on EXAMPLES_DIR for each one-layer network networkx can read
(--layer cooccurrence, and --layer relations when there are relation
edges), then recomputes every metric with networkx from the GraphML relgraph
wrote, and compares with (1) the metrics in that GraphML file and (2) the
JSON report of `relgraph report FILE.graphml` (igraph's reader, metrics
computed again).  Prints the largest difference per metric; exit status 0
when every difference is below 1e-6, 1 otherwise, 77 when networkx (or
scipy, for the eigenvector) is missing.

Conventions matched (relgraph.h documents them):
  - every metric but PageRank reads the *ties*: an undirected simple graph,
    one edge per tied pair, weight = sum of the pair's edge weights;
  - betweenness unnormalised, length 1/weight, undirected
    (betweenness_centrality(normalized=False, weight=length)); lengths as
    exact fractions, because igraph treats path lengths equal within a
    tolerance as ties (1/3 + 1/6 = 1/2) and networkx compares floats exactly;
  - closeness with length 1/weight, Wasserman-Faust (wf_improved=True);
  - eigenvector: the weighted leading eigenvector scaled to max 1
    (networkx scales to unit length; eigenvector_centrality_numpy, which
    also handles disconnected graphs);
  - clustering and k-core unweighted on the ties;
  - PageRank weighted, damping 0.85, dead ends jump uniformly (networkx's
    default); undirected on co-occurrence, directed on relations;
  - modularity of relgraph's own partition (the `community` attribute) on
    the weighted ties.
"""
import json
import math
from fractions import Fraction
import os
import subprocess
import sys

try:
    import networkx as nx
    import scipy  # noqa: F401  (eigenvector_centrality_numpy needs it)
except ImportError as e:
    print("SKIP: %s" % e)
    sys.exit(77)

TOL = 1e-6


def ties(g):
    t = nx.Graph()
    t.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        w = float(d.get("weight", 1.0))
        if u == v or not w > 0:
            continue
        if t.has_edge(u, v):
            t[u][v]["weight"] += w
        else:
            t.add_edge(u, v, weight=w)
    for u, v, d in t.edges(data=True):
        # Exact lengths: networkx compares path lengths exactly, igraph
        # with a tolerance, so that 1/3 + 1/6 and 1/2 are equally short
        # as they are in arithmetic; fractions make networkx agree.
        d["length"] = 1 / Fraction(d["weight"])
    return t


def walk(g):
    """The graph PageRank walks: directed as read, weights summed."""
    if not g.is_directed():
        return ties(g)
    w = nx.DiGraph()
    w.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        x = float(d.get("weight", 1.0))
        if u == v or not x > 0:
            continue
        if w.has_edge(u, v):
            w[u][v]["weight"] += x
        else:
            w.add_edge(u, v, weight=x)
    return w


def reference(g):
    t = ties(g)
    m = {}
    m["degree"] = dict(t.degree())
    m["strength"] = dict(t.degree(weight="weight"))
    m["betweenness"] = {k: float(x) for k, x in nx.betweenness_centrality(
        t, normalized=False, weight="length").items()}
    m["closeness"] = {k: float(x) for k, x in nx.closeness_centrality(
        t, distance="length").items()}
    if t.number_of_edges() > 0:
        ev = nx.eigenvector_centrality_numpy(t, weight="weight")
        top = max(abs(x) for x in ev.values())
        m["eigenvector"] = {k: abs(x) / top for k, x in ev.items()}
        for k in t.nodes:
            if t.degree(k) == 0:
                m["eigenvector"][k] = 0.0
    m["clustering"] = nx.clustering(t)
    m["kcore"] = nx.core_number(t)
    m["pagerank"] = nx.pagerank(walk(g), alpha=0.85, weight="weight",
                                tol=1e-13, max_iter=10000)
    fig = {
        "nodes": t.number_of_nodes(),
        "density": nx.density(t),
        "components": nx.number_connected_components(t),
        "largest_component_share":
            (max(len(c) for c in nx.connected_components(t)) / len(t)
             if len(t) else 0),
    }
    return t, m, fig


def compare(name, got, want, worst):
    for metric, ref in want.items():
        for node, x in ref.items():
            y = got.get(node, {}).get(metric)
            if y is None:
                print("FAIL %s: %s has no %s" % (name, node, metric))
                worst[metric] = math.inf
                continue
            d = abs(float(y) - float(x))
            worst[metric] = max(worst.get(metric, 0.0), d)


def run(args, **kw):
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        print("FAIL: %s exited %d: %s" % (" ".join(args), r.returncode,
                                          r.stderr))
        sys.exit(1)
    return r


def check_layer(relgraph, examples, work, layer):
    path = os.path.join(work, "net-%s.graphml" % layer)
    run([relgraph, examples, "-q", "--layer", layer, "-o", path])
    g = nx.read_graphml(path)
    if g.number_of_edges() == 0:
        print("SKIP layer %s: no edges" % layer)
        return True
    t, want, fig = reference(g)
    ok = True

    # (1) the metrics relgraph wrote into the GraphML file
    worst = {}
    compare("graphml", {n: d for n, d in g.nodes(data=True)}, want, worst)
    comms = {}
    for n, d in g.nodes(data=True):
        comms.setdefault(d["community"], set()).add(n)
    q = nx.community.modularity(t, comms.values(), weight="weight")

    # (2) `relgraph report` on that file (igraph's reader, recomputed)
    rep = os.path.join(work, "report-%s.json" % layer)
    run([relgraph, "report", path, "--top", "0", "--report", rep])
    with open(rep, encoding="utf-8") as f:
        report = json.load(f)
    worst2 = {}
    compare("report", {a["id"]: a for a in report["actors"]}, want, worst2)
    gr = report["graph"]
    figs = {
        "density": abs(gr["density"] - fig["density"]),
        "components": abs(gr["components"] - fig["components"]),
        "largest_component_share":
            abs(gr["largest_component_share"] - fig["largest_component_share"]),
        "modularity": abs(gr["modularity"] - q),
        "nodes": abs(gr["nodes"] - fig["nodes"]),
    }
    louvain = nx.community.louvain_communities(t, weight="weight", seed=1)
    qnx = nx.community.modularity(t, louvain, weight="weight")

    print("layer %s: %d nodes, %d ties, %s" % (
        layer, t.number_of_nodes(), t.number_of_edges(),
        "directed PageRank" if g.is_directed() else "undirected"))
    print("  %-12s %14s %14s" % ("metric", "max |d| graphml", "max |d| report"))
    for k in sorted(want):
        a, b = worst.get(k, math.inf), worst2.get(k, math.inf)
        flag = "" if a < TOL and b < TOL else "  FAIL"
        ok = ok and not flag
        print("  %-12s %14.3g %14.3g%s" % (k, a, b, flag))
    for k, d in figs.items():
        flag = "" if d < TOL else "  FAIL"
        ok = ok and not flag
        print("  %-12s %14s %14.3g%s" % (k, "", d, flag))
    print("  (information: relgraph's Louvain modularity %.6f, networkx's "
          "Louvain %.6f, %d vs %d communities)" % (
              gr["modularity"], qnx, gr["communities"], len(louvain)))
    return ok


def check_synthetic(relgraph, work):
    """Graphs the examples do not have: directed relations with dead ends
    and parallel edges (PageRank directed, ties summed), and an undirected
    graph in three components with fractional weights, written by networkx
    without relgraph's attributes (the reader fills them in)."""
    ok = True
    d = nx.MultiDiGraph()
    d.add_nodes_from("abcdefg")
    for u, v, w in [("a", "b", 2), ("a", "b", 1), ("b", "c", 1),
                    ("c", "a", 3), ("c", "d", 1), ("e", "d", 2),
                    ("b", "a", 1), ("f", "e", 1)]:
        d.add_edge(u, v, weight=float(w), kind="relation")
    u = nx.Graph()
    u.add_nodes_from(["n%d" % i for i in range(12)])
    for i, j, w in [(0, 1, 0.5), (1, 2, 2.5), (2, 0, 1.0), (2, 3, 0.25),
                    (3, 4, 4.0), (4, 5, 1.5), (5, 3, 1.0), (6, 7, 3.0),
                    (7, 8, 0.75), (8, 6, 2.0), (8, 9, 1.0), (1, 4, 0.5)]:
        u.add_edge("n%d" % i, "n%d" % j, weight=w)
    for name, g in [("directed", d), ("fractional", u)]:
        path = os.path.join(work, "synthetic-%s.graphml" % name)
        nx.write_graphml(g, path)
        back = nx.read_graphml(path)
        _, want, fig = reference(back)
        rep = os.path.join(work, "synthetic-%s.json" % name)
        run([relgraph, "report", path, "--top", "0", "--report", rep])
        with open(rep, encoding="utf-8") as f:
            report = json.load(f)
        worst = {}
        compare("report", {a["id"]: a for a in report["actors"]}, want, worst)
        worst["density"] = abs(report["graph"]["density"] - fig["density"])
        worst["components"] = abs(report["graph"]["components"] -
                                  fig["components"])
        bad = [k for k, x in worst.items() if not x < TOL]
        ok = ok and not bad
        print("synthetic %s (%s): max |d| %.3g over %s%s" % (
            name, report["graph"]["layer"], max(worst.values()),
            ", ".join(sorted(worst)), "  FAIL " + ",".join(bad) if bad else ""))
    return ok


def main():
    relgraph, examples, work = sys.argv[1:4]
    ok = check_layer(relgraph, examples, work, "cooccurrence")
    ok = check_synthetic(relgraph, work) and ok
    r = run([relgraph, examples, "-q", "--layer", "relations", "--report",
             os.path.join(work, "rel.json")])
    with open(os.path.join(work, "rel.json"), encoding="utf-8") as f:
        if json.load(f)["graph"]["edges"] > 0:
            ok = check_layer(relgraph, examples, work, "relations") and ok
        else:
            print("SKIP layer relations: the examples have no relation edges")
    print("OK" if ok else "FAIL: a metric differs from networkx by 1e-6 or more")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
