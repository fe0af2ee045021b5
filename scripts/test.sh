#!/usr/bin/env bash
# Runs every test layer over the same fixtures: GoogleTest natively, the wasm build under
# Node (byte-identical to the CLI), and the page in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

shared_data=${TIERLENS_SHARED_DATA:-../shared/data}
if [ ! -f "$shared_data/online-retail-uci/online_retail.csv" ]; then
  echo "NOTE: $shared_data/online-retail-uci/online_retail.csv not found: the real-data tests"
  echo "      will be SKIPPED (set TIERLENS_SHARED_DATA to the shared data folder to run them)."
fi

echo "== native: GoogleTest =="
ctest --test-dir build/native --output-on-failure -j"$(nproc)"

echo "== wasm under Node =="
node --test tests/wasm/

echo "== the command line's own commands =="
node --test tests/cli/

echo "== the policy as SQL, proven on DuckDB and PostgreSQL =="
node --test tests/sql/

echo "== the page's languages (string tables) =="
node --test tests/web/

echo "== page in headless Chromium =="
node --test --test-concurrency=1 tests/e2e/

echo "== the benchmark, smoke run (100 k rows, once: that it still runs and the engines agree; figures: bench/RESULTS.md) =="
node bench/run.mjs --smoke

echo "== the reader under libFuzzer (30 s, then 20 s of the workbook reader; longer: scripts/fuzz.sh 1800 [xlsx]) =="
bash scripts/fuzz.sh 30
bash scripts/fuzz.sh 20 xlsx
