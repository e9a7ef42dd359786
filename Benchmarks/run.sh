#!/usr/bin/env bash
# Prints the performance figures of the rules-engine issue, on a release build:
#   (a) requests screened per second, end to end (JSONL in, JSONL out), 100,000 requests
#   (b) the same for json-floor: Foundation decoding and re-encoding the same lines only
#   (c) the engine's own cost per request (evaluation only, data already decoded), with the
#       shipped rules and with 4,000 extra synthetic rules that never fire
#   (d) peak memory of `screen` for 100,000 and 1,000,000 requests
#   (e) wall time of `crs-intake check` on the shipped rules
# and for the interview and narratives:
#   (f) start to first prompt, interview fed from a pipe, against a Swift hello-world
#   (g) handling one typed answer (matching it and planning the next question)
#   (h) reading a 2,000-character narrative with the shipped lexicon
#   (i) 1,000,000 random inputs through the narrative reader and the answer reader: no crash,
#       no hang, every reading a value its fact holds
# Usage: Benchmarks/run.sh [RUNS]   (default 3 runs per timing; the median is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }

swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/crs-intake-bench" generate 100000 2026 > "$work/100k.jsonl"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
wall() { # wall seconds of one run of "$@" with stdin from $input
  /usr/bin/time -f %e -o "$work/t" "$@" < "$input" > /dev/null 2>/dev/null || true
  cat "$work/t"
}

input="$work/100k.jsonl"
screen_s=$(for _ in $(seq "$runs"); do wall "$bin/crs-intake" screen --format jsonl; done | median)
floor_s=$(for _ in $(seq "$runs"); do wall "$bin/json-floor"; done | median)
awk -v s="$screen_s" -v f="$floor_s" 'BEGIN {
  printf "(a) screen, 100000 requests JSONL->JSONL: %.2f s, %.0f requests/s\n", s, 100000 / s
  printf "(b) json-floor (Foundation decode + encode only): %.2f s, %.0f requests/s\n", f, 100000 / f
  printf "    ratio screen/floor throughput: %.2fx (target >= 0.8x)\n", f / s
}'

echo "(c) engine cost per request (median of 7 passes over 100000 decoded requests):"
"$bin/crs-intake-bench" engine 100000 0 | sed 's/^/    shipped rules: /'
"$bin/crs-intake-bench" engine 100000 4000 | sed 's/^/    +4000 rules:   /'

for n in 100000 1000000; do
  "$bin/crs-intake-bench" generate "$n" 7 > "$work/n.jsonl"
  input="$work/n.jsonl"
  /usr/bin/time -f %M -o "$work/m" "$bin/crs-intake" screen --format jsonl < "$input" > /dev/null 2>&1 || true
  awk -v n="$n" -v k="$(cat "$work/m")" 'BEGIN { printf "(d) peak memory, screen %d requests: %.1f MiB\n", n, k / 1024 }'
  rm -f "$work/n.jsonl"
done

input=/dev/null
check_s=$(for _ in $(seq $((runs + 2))); do wall "$bin/crs-intake" check; done | median)
awk -v s="$check_s" 'BEGIN { printf "(e) crs-intake check on the shipped rules: %.0f ms (target < 50 ms)\n", s * 1000 }'

# (f) Start-up: median of 21 runs each, measured around the whole process in nanoseconds.
swiftc -O Benchmarks/hello-world.swift -o "$work/hello-world" 2>/dev/null
startup() { # median wall milliseconds of "$@" < /dev/null
  for _ in $(seq 21); do
    local start end
    start=$(date +%s%N)
    "$@" < /dev/null > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done | median
}
# The release build as shipped: the Swift runtime and Foundation linked in statically.
swift build -c release --static-swift-stdlib --scratch-path .build-static --product crs-intake >/dev/null
static="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/crs-intake"
"$static" --lang en < /dev/null > /dev/null 2>&1 || true   # fills the data cache
hello_us=$(startup "$work/hello-world")
for build in static dynamic; do
  program="$static"; [ "$build" = dynamic ] && program="$bin/crs-intake"
  interview_us=$(startup "$program" --lang en)
  version_us=$(startup "$program" --version)
  awk -v b="$build" -v i="$interview_us" -v h="$hello_us" -v v="$version_us" 'BEGIN {
    printf "(f) %s build, start to first prompt (piped): %.1f ms (target < 30 ms); hello-world %.1f ms; ratio %.1fx (target 3x)\n", b, i / 1000, h / 1000, i / h
    printf "    of which process start, loading and argument parsing (crs-intake --version): %.1f ms\n", v / 1000
  }'
done
"$bin/crs-intake-bench" answer | sed 's/^/(g) /'
"$bin/crs-intake-bench" narrative | sed 's/^/(h) /; s/$/ (target: read_median < 0.3 ms)/'
# (i) Two halves in parallel (one per core), different seeds.
"$bin/crs-intake-bench" fuzz 500000 1 > "$work/fuzz1" & first=$!
"$bin/crs-intake-bench" fuzz 500000 2 > "$work/fuzz2" & second=$!
status=0
wait "$first" || status=$?
wait "$second" || status=$?
sed 's/^/(i) /' "$work/fuzz1" "$work/fuzz2"
[ "$status" -eq 0 ] && echo "(i) 1000000 random inputs: no crash, every reading valid (target: no crash in 1,000,000)" || echo "(i) FAILED: exit $status"

