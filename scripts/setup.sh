#!/usr/bin/env bash
# Installs what TierLens needs on a fresh Debian bookworm machine (run as root), and nothing
# that is already there: Debian's compilers, Emscripten, nlohmann_json, GoogleTest, Chromium,
# and the npm packages. Safe to run again; `npm start` and `npm test` run it first.
set -euo pipefail
cd "$(dirname "$0")/.."

# package → a file that proves it is installed (cheaper and quieter than asking dpkg).
declare -A wanted=(
  [cmake]=/usr/bin/cmake
  [g++]=/usr/bin/g++
  [make]=/usr/bin/make
  [python3]=/usr/bin/python3  # generates the GB18030 tables at build time
  [emscripten]=/usr/bin/emcc
  [nlohmann-json3-dev]=/usr/include/nlohmann/json.hpp
  [libgtest-dev]=/usr/include/gtest/gtest.h
  [zlib1g-dev]=/usr/include/zlib.h  # the reference the tests check the core's DEFLATE decoder against
  [chromium]=/usr/bin/chromium
  [fonts-wqy-microhei]=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc  # Chinese text in screenshots
  [clang-14]=/usr/bin/clang++-14  # the fuzz target
  [libclang-rt-14-dev]=/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a
  [postgresql]=/usr/lib/postgresql/15/bin/initdb  # tests/sql/ runs `tierlens sql` on it (bookworm's is 15)
)
missing=()
for package in "${!wanted[@]}"; do
  [ -e "${wanted[$package]}" ] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: run as root (or install those packages yourself) and try again" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# echarts draws the page's charts (build.sh copies it into web/dist/vendor/); playwright-core
# drives Chromium in tests/e2e/; xlsx (SheetJS) reads the page's workbook there; axe-core
# checks the page's accessibility there; @duckdb/node-api runs `tierlens sql` in tests/sql/;
# @duckdb/duckdb-wasm is the in-browser engine bench/run.mjs measures TierLens against.
if [ ! -d node_modules/echarts ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/xlsx ] ||
   [ ! -d node_modules/axe-core ] || [ ! -d node_modules/@duckdb/node-api ] ||
   [ ! -d node_modules/@duckdb/duckdb-wasm ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  # `npm install`, not `npm ci`: the lock pins every version, but the registry these machines
  # use has no DuckDB binaries for other platforms (macOS, Windows, ARM), so the lock cannot
  # list those optional packages and `npm ci` refuses it as out of sync. `npm install` takes
  # the lock's versions and leaves it as it is.
  npm install --no-audit --no-fund --loglevel=error
fi
