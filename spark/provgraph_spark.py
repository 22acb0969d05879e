"""provgraph on Apache Spark: `provgraph extract` is the map step, `provgraph merge` the reduce.

    python spark/provgraph_spark.py ARCHIVE.jsonl GRAPH.json [--provgraph PATH]
        [--master local[2]] [--partitions N]

The archive is JSON Lines, one article per line with a unique "id" (documents are named by it:
a shard cannot see the other shards' ids to make them unique). Each partition's lines are piped
through `provgraph extract` (RDD.pipe), each partition's analyses are merged into one graph
(`provgraph merge -`), and the partitions' graphs are merged pairwise (RDD.reduce). Merging is
associative and commutative, so GRAPH.json is byte for byte what `provgraph build ARCHIVE.jsonl`
writes. On a cluster, ARCHIVE may be any path Spark reads (hdfs://, s3a://) and the provgraph
binary must be at PATH on every worker.
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from pyspark import SparkConf, SparkContext


def merge(provgraph, inputs, stdin=None):
    """Runs `provgraph merge` on files (or `-` with stdin) and returns the JSON graph it writes."""
    done = subprocess.run(
        [provgraph, "merge", *inputs],
        input=stdin,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8")


def merge_partition(provgraph, lines):
    """The combine step: one partition's analyses (extract output lines) become one graph."""
    stdin = "".join(line + "\n" for line in lines).encode("utf-8")
    yield merge(provgraph, ["-"], stdin)


def merge_two(provgraph, graph_a, graph_b):
    """The reduce step: two JSON graphs become one."""
    with tempfile.TemporaryDirectory(prefix="provgraph-") as tmp:
        paths = [os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")]
        for path, graph in zip(paths, (graph_a, graph_b)):
            with open(path, "w", encoding="utf-8") as out:
                out.write(graph)
        return merge(provgraph, paths)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", help="JSON Lines, one article per line with text and id")
    parser.add_argument("output", help="where to write the JSON graph")
    parser.add_argument("--provgraph", default=shutil.which("provgraph") or "provgraph",
                        help="the provgraph binary, on every worker [default: from PATH]")
    parser.add_argument("--master", default="local[2]", help="Spark master [default: local[2]]")
    parser.add_argument("--partitions", type=int, default=2, help="at least this many partitions")
    args = parser.parse_args(argv)
    provgraph = os.path.abspath(args.provgraph) if os.path.exists(args.provgraph) else args.provgraph

    conf = (
        SparkConf()
        .setMaster(args.master)
        .setAppName("provgraph")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    if args.master.startswith("local"):
        conf = conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        articles = sc.textFile(args.archive, minPartitions=args.partitions)
        # Map: each partition's lines through `provgraph extract`, one analysis per line out.
        # One thread per task: Spark runs the tasks in parallel.
        extract = f"{shlex.quote(provgraph)} extract --input-format jsonl --threads 1 -"
        analyses = articles.pipe(extract)
        # Combine and reduce: merge each partition's analyses, then the partitions' graphs.
        graph = analyses.mapPartitions(lambda lines: merge_partition(provgraph, lines)).reduce(
            lambda a, b: merge_two(provgraph, a, b)
        )
    finally:
        sc.stop()
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(graph)
    return 0


if __name__ == "__main__":
    sys.exit(main())
