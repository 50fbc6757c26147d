#!/usr/bin/env bash
# Runs one fuzz target for SECONDS: each ctest entry fuzz.TARGET (briefly)
# and `tools/obole soak fuzz` (for long) run them this way.
#   tests/fuzz/run_fuzzer.sh FUZZ_TREE TARGET SECONDS
# FUZZ_TREE is the clang build tree (build/native/fuzz); TARGET names a
# tests/fuzz/TARGET_fuzzer.cpp. What the fuzzer learns is kept in
# FUZZ_TREE/corpus/TARGET across runs, next to the committed seeds
# (tests/fuzz/corpus/TARGET, never written) and those the build makes
# (FUZZ_TREE/seeds/TARGET); a failing input goes to FUZZ_TREE/artifacts/TARGET/.
# The last line of its output and of FUZZ_TREE/logs/TARGET.log is how much
# ran, from libFuzzer's final statistics:
#   fuzz TARGET: EXECUTIONS executions in SECONDS s, RATE/s
set -euo pipefail
usage="usage: run_fuzzer.sh FUZZ_TREE TARGET SECONDS"
tree=${1:?$usage}
target=${2:?$usage}
seconds=${3:?$usage}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fuzzer=$tree/tests/fuzz/obole_${target}_fuzzer
[[ -x $fuzzer ]] || { echo "no fuzz target at $fuzzer (needs clang-14 and libFuzzer)" >&2; exit 1; }
learned=$tree/corpus/$target
artifacts=$tree/artifacts/$target
log=$tree/logs/$target.log
mkdir -p "$learned" "$artifacts" "$tree/logs"
seeds=()
for dir in "$here/corpus/$target" "$tree/seeds/$target"; do
  [[ -d $dir ]] && seeds+=("$dir")
done

# -rss_limit_mb: ASan's and libFuzzer's own memory grow by some 20 MB per
# 100,000 inputs (the HTTP target's server is made anew every 100,000), so
# an hour-long soak would pass libFuzzer's default limit (2 GB) without any
# leak of ours.
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=6144 -print_final_stats=1
  -artifact_prefix="$artifacts/")
[[ -f $here/$target.dict ]] && options+=(-dict="$here/$target.dict")
# Request bodies reach the server's limits only past libFuzzer's default
# longest input (the longest seed, at least 4096 bytes).
[[ $target == http_request ]] && options+=(-max_len=16384)

status=0
"$fuzzer" "${options[@]}" "$learned" "${seeds[@]}" 2>&1 | tee "$log" || status=$?
stat() { sed -n "s/^stat::$1: *//p" "$log"; }
echo "fuzz $target: $(stat number_of_executed_units) executions in $seconds s, $(stat average_exec_per_sec)/s" |
  tee -a "$log"
if ((status != 0)); then
  echo "The fuzzer found a failure; its input is in $artifacts/." >&2
  echo "Replay it with: $fuzzer $artifacts/<file>" >&2
  echo "Then make it a test: over real HTTP in tests/server/ for a route, in tests/unit/ or tests/sync/ otherwise." >&2
fi
exit "$status"
