#!/usr/bin/env bash
# Builds grate (release) and grades the bundled exemplary sample with the bundled default system.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target grate
build/release/grate evaluate samples/exemplary/plant.yaml "$@"
