#!/usr/bin/env bash
# The test command: set-up, build, then every test (unit tests, the program
# corpus in three modes, the stdlib-module oracle tests, the runner's own test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build -j"$(nproc)" --output-on-failure --timeout 300 "$@"
