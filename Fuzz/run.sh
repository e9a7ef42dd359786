#!/usr/bin/env bash
# Builds the libFuzzer targets (release, -sanitize=fuzzer,address) and runs each for SECONDS
# (default 30) on a fresh copy of its seed corpus. Exits non-zero on any crash, leak, timeout
# or out-of-memory, naming the input that caused it. See README.md beside this script.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]       targets: screen yaml conversation narrative session cache
#
# Environment: FUZZ_ARGS adds libFuzzer options (e.g. FUZZ_ARGS=-runs=1000000 to stop after a
# number of executions); FUZZ_ARTIFACTS is where findings are written (default
# Fuzz/.build/artifacts); FUZZ_SKIP_BUILD=1 runs what was built last; FUZZ_CORPUS=DIR keeps each
# target's corpus in DIR/TARGET (seeded from Corpus/TARGET when empty), so a long run can stop
# and go on where it was.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
all=(screen yaml conversation narrative session cache)

seconds="${1:-30}"
if [ $# -gt 0 ]; then shift; fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all[@]}"); fi
case "$seconds" in '' | *[!0-9]*) echo "run.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 64 ;; esac
for target in "${targets[@]}"; do
  case " ${all[*]} " in *" $target "*) ;; *) echo "run.sh: unknown target '$target' (one of: ${all[*]})" >&2; exit 64 ;; esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/crs-intake-fuzz-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
build=(swift build --package-path "$here" -c release -Xswiftc -sanitize=fuzzer,address)
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  started=$SECONDS
  if ! "${build[@]}" > "$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "run.sh: the build failed" >&2
    exit 1
  fi
  # gold's note about an ASan symbol is not a problem of ours.
  grep -v "Cannot export local symbol '__asan_extra_spill_area'" "$work/build.log" | tail -3 || true
  echo "run.sh: built in $((SECONDS - started)) s"
fi
bin="$("${build[@]}" --show-bin-path)"
artifacts="${FUZZ_ARTIFACTS:-$here/.build/artifacts}"
# Leaks are findings too; a report names the allocation's stack.
export ASAN_OPTIONS="detect_leaks=1:symbolize=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Only memory that globals hold for the whole process is exempt (see lsan.supp).
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=()
summary=()
for target in "${targets[@]}"; do
  corpus="${FUZZ_CORPUS:+$FUZZ_CORPUS/$target}"
  corpus="${corpus:-$work/$target}"
  mkdir -p "$corpus" "$artifacts/$target"
  # The committed seeds are never grown: the run works on a copy (kept if FUZZ_CORPUS says where).
  if [ -z "$(ls -A "$corpus")" ]; then cp -R "$here/Corpus/$target/." "$corpus/"; fi
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1
    -artifact_prefix="$artifacts/$target/")
  if [ -f "$here/Dictionaries/$target.dict" ]; then options+=(-dict="$here/Dictionaries/$target.dict"); fi
  # The longest input worth mutating: a few interview answers, a rule file of some rules.
  case "$target" in
    conversation) options+=(-max_len=1024) ;;
    yaml | cache) options+=(-max_len=8192) ;;
    *) options+=(-max_len=4096) ;;
  esac
  # shellcheck disable=SC2206
  extra=(${FUZZ_ARGS:-})
  log="$work/$target.log"
  echo "run.sh: fuzz-$target for ${seconds} s on $(find "$corpus" -type f | wc -l | tr -d ' ') seeds"
  status=0
  started=$SECONDS
  "$bin/fuzz-$target" "${options[@]}" "${extra[@]}" "$corpus" > "$log" 2>&1 || status=$?
  took=$((SECONDS - started))
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  runs="${runs:-$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)}"
  artifact="$(sed -n "s/.*Test unit written to \(.*\)$/\1/p" "$log" | tail -1)"
  if [ "$status" -ne 0 ] || [ -z "$runs" ]; then
    failed+=("$target")
    echo "run.sh: fuzz-$target FAILED (exit $status) after ${runs:-?} executions; input: ${artifact:-none written}" >&2
    grep -E "==ERROR|ERROR: libFuzzer|SUMMARY|Fatal error|detected memory leaks|ALARM|out-of-memory|timeout" "$log" | head -20 >&2 || true
    cp "$log" "$artifacts/$target/last-run.log"
    echo "run.sh: the whole log: $artifacts/$target/last-run.log" >&2
  fi
  summary+=("$(printf '%-13s %10s executions in %6s s, corpus %6s  %s' "$target" "${runs:-?}" "$took" \
    "$(find "$corpus" -type f | wc -l | tr -d ' ')" "$([ "$status" -eq 0 ] && [ -n "$runs" ] && echo ok || echo "FAILED: ${artifact:-see the log}")")")
done

echo "run.sh: summary (at most ${seconds} s each)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "run.sh: findings in: ${failed[*]} (reproduce: $bin/fuzz-TARGET ARTIFACT)" >&2
  exit 1
fi
