#!/usr/bin/env bash
# The command line end to end on newswire text: `build` (to JSON) and `extract`, with 1 and 2
# threads, on ../shared/bench/newswire.jsonl (1x) and the same file concatenated 10 times (10x).
# Prints a Markdown table: best wall time of RUNS runs (3 unless given), MB/s of article text,
# CPU seconds (user + system, all threads: with 2, the reader, the analysis threads and the
# graph's; with 1, the one thread that does it all), MB of text per CPU second (what one core does), peak RSS
# (/usr/bin/time -v) and output size. A last row runs `build` on 10x with one thread pinned to
# one core (taskset -c 0), as on a machine of one core with nothing else to run.
# Usage: bash benches/cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
corpus=../shared/bench/newswire.jsonl
[ -f "$corpus" ] || { echo "benches/cli.sh: $corpus is missing" >&2; exit 1; }
cargo build --release --quiet
bin=$PWD/target/release/provgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$corpus" "$work/1x.jsonl"
for _ in $(seq 10); do cat "$corpus"; done > "$work/10x.jsonl"
# MB of article text (the records' "text"), not of JSON.
text_mb() { python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])) / 1e6)' "$1"; }
declare -A mb=([1x]=$(text_mb "$work/1x.jsonl") [10x]=$(text_mb "$work/10x.jsonl"))

echo "cores: $(nproc), $(lscpu | sed -n 's/^Model name: *//p')"
echo
echo "| command | input | threads | wall s | MB/s | MB/s per thread | CPU s | MB per CPU s | peak RSS MB | output MB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
# One run: sets wall, cpu and rss. Arguments: the command line (after the binary) and a
# prefix (taskset) or nothing.
measure() {
    local prefix=$1 command=$2 size=$3 threads=$4
    out="$work/out-$command.json"
    /usr/bin/time -v -o "$work/time" $prefix "$bin" "$command" "$work/$size.jsonl" -j "$threads" \
        -o "$out" 2>/dev/null
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" |
        awk -F: '{ print ($1 * 60) + $2 }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
}

# The best of the runs, as a row of the table.
row() {
    local prefix=$1 command=$2 size=$3 threads=$4 label=$5
    best=""
    for _ in $(seq "$runs"); do
        measure "$prefix" "$command" "$size" "$threads"
        if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
            best=$wall best_cpu=$cpu best_rss=$rss
        fi
    done
    size_mb=$(stat -c %s "$out" | awk '{ printf "%.1f", $1 / 1e6 }')
    awk -v c="$label" -v s="$size" -v t="$threads" -v w="$best" -v m="${mb[$size]}" \
        -v cpu="$best_cpu" -v r="$best_rss" -v o="$size_mb" 'BEGIN {
        printf "| %s | %s | %d | %.2f | %.1f | %.1f | %.2f | %.1f | %.0f | %s |\n",
            c, s, t, w, m / w, m / w / t, cpu, m / cpu, r / 1024, o }'
}

for command in build extract; do
    for size in 1x 10x; do
        for threads in 1 2; do
            row "" "$command" "$size" "$threads" "$command"
        done
    done
done
if command -v taskset > /dev/null; then
    row "taskset -c 0" build 10x 1 "build, one core"
fi
