#!/usr/bin/env bash
# Builds the reader's fuzz target with clang (libFuzzer, ASan, UBSan) into build/fuzz and runs
# it for SECONDS (default 30) from a seed corpus of the test fixtures. Any crash, leak or
# undefined behaviour fails the run and leaves the input in build/fuzz/. The test command runs
# it briefly; a long run is by hand: scripts/fuzz.sh 1800
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}

CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DTIERLENS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target ingest_fuzzer >/dev/null

corpus=build/fuzz/corpus
mkdir -p "$corpus"
# Seeds: every fixture, each behind a first byte that picks the chunk size and reading mode.
for file in tests/fixtures/*.* tests/fixtures/not-text/*; do
  for mode in 0 37 70 101; do
    { printf "\\$(printf %03o "$mode")"; cat "$file"; } > "$corpus/$(basename "$file").$mode"
  done
done

cd build/fuzz
status=0
./tests/fuzz/ingest_fuzzer corpus -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 > fuzz.log 2>&1 || status=$?
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" fuzz.log || true
if [ "$status" -ne 0 ]; then
  echo "fuzz: the reader failed on an input; see build/fuzz/fuzz.log and the crash-* file" >&2
  exit "$status"
fi
echo "fuzz: ${seconds} s, no crash"
