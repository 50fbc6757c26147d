#!/usr/bin/env bash
# Runs the HTTP fuzz target for SECONDS: the ctest entry fuzz.http_request
# (briefly) and `tools/obole soak fuzz` (for long) both run it this way.
#   tests/fuzz/run_http_fuzzer.sh FUZZ_TREE SECONDS
# FUZZ_TREE is the clang build tree (build/native/fuzz). What the fuzzer
# learns is kept in FUZZ_TREE/corpus across runs, next to the committed
# seeds (tests/fuzz/corpus, never written); a crash goes to FUZZ_TREE/artifacts/.
set -euo pipefail
tree=${1:?usage: run_http_fuzzer.sh FUZZ_TREE SECONDS}
seconds=${2:?usage: run_http_fuzzer.sh FUZZ_TREE SECONDS}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fuzzer=$tree/tests/fuzz/obole_http_fuzzer
[[ -x $fuzzer ]] || { echo "no fuzz target at $fuzzer (needs clang-14 and libFuzzer)" >&2; exit 1; }
mkdir -p "$tree/corpus" "$tree/artifacts"

# -rss_limit_mb: ASan's and libFuzzer's own memory grow by some 20 MB per
# 100,000 inputs (the server's is made anew every 100,000), so an hour-long
# soak would pass libFuzzer's default limit (2 GB) without any leak of ours.
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -max_len=16384 -rss_limit_mb=6144 -print_final_stats=1 \
  -dict="$here/http.dict" -artifact_prefix="$tree/artifacts/" \
  "$tree/corpus" "$here/corpus" || status=$?
if ((status != 0)); then
  echo "The fuzzer found a failure; its input is in $tree/artifacts/." >&2
  echo "Replay it with: $fuzzer $tree/artifacts/<file>" >&2
  echo "Then make it a test over real HTTP in tests/server/ (hostile_requests_http_test.cpp)." >&2
fi
exit "$status"
