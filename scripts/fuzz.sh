#!/usr/bin/env bash
# Builds a fuzz target with clang (libFuzzer, ASan, UBSan) into build/fuzz and runs it for
# SECONDS (default 30) from a seed corpus of the test fixtures. TARGET is ingest (default: the
# CSV/JSON reader) or xlsx (the workbook reader: zip, DEFLATE, XML, cells). Any crash, leak or
# undefined behaviour fails the run and leaves the input in build/fuzz/. The test command runs
# it briefly; a long run is by hand: scripts/fuzz.sh 1800 [TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
target=${2:-ingest}

CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DTIERLENS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target "${target}_fuzzer" >/dev/null

if [ "$target" = xlsx ]; then
  corpus=corpus-xlsx
  log=fuzz-xlsx.log
  mkdir -p "build/fuzz/$corpus"
  # Seeds: the workbooks LibreOffice wrote, and the same with stored (uncompressed) entries,
  # so that mutations reach the XML directly and not only the compressed stream.
  cp tests/fixtures/xlsx/*.xlsx "build/fuzz/$corpus/"
  python3 - "build/fuzz/$corpus" tests/fixtures/xlsx/*.xlsx <<'PY'
import os, sys, zipfile
for path in sys.argv[2:]:
    stored = os.path.join(sys.argv[1], "stored-" + os.path.basename(path))
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as out:
        for item in source.infolist():
            out.writestr(item.filename, source.read(item.filename))
PY
else
  corpus=corpus
  log=fuzz.log
  mkdir -p "build/fuzz/$corpus"
  # Seeds: every fixture, each behind a first byte that picks the chunk size and reading mode.
  for file in tests/fixtures/*.* tests/fixtures/*/*.csv tests/fixtures/not-text/* tests/fixtures/xlsx/*.xlsx; do
    for mode in 0 37 70 101; do
      { printf "\\$(printf %03o "$mode")"; cat "$file"; } > "build/fuzz/$corpus/$(basename "$file").$mode"
    done
  done
fi

cd build/fuzz
status=0
"./tests/fuzz/${target}_fuzzer" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1 || status=$?
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" "$log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz: the $target reader failed on an input; see build/fuzz/$log and the crash-* file" >&2
  exit "$status"
fi
echo "fuzz: $target, ${seconds} s, no crash"
