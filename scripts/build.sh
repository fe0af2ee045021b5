#!/usr/bin/env bash
# Builds both halves of the one CMake tree: native (core, CLI, tests) into build/native and
# WebAssembly (the page's module) into build/wasm, which copies it to web/dist/, where the
# page is then also bundled into one self-contained HTML file.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
# Debian's Emscripten finds its JS optimizer's dependencies (acorn) only through NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

what=${1:-all}
if [ "$what" = all ] || [ "$what" = native ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
fi
if [ "$what" = all ] || [ "$what" = wasm ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j"$jobs"
  # The page's charting library, from the npm package pinned by package-lock.json.
  mkdir -p web/dist/vendor
  cp node_modules/echarts/dist/echarts.esm.min.js node_modules/echarts/LICENSE web/dist/vendor/
  # The page in one HTML file that works from file:// (web/dist/tierlens-standalone.html).
  node scripts/build-single-file.mjs
fi
