#!/usr/bin/env bash
# npm run bench: compiles the benchmark (and the product code it drives) into
# node_modules/.cache/tricolor-bench, runs every stage, and writes bench/results/latest.{json,md}.
#   BENCH_QUICK=1      shortened run (smaller counts, shorter runs) for a smoke test
#   BENCH_STAGES=a,b   only these stages: transitions-postgres, transitions-sqlite, timers, scale, memory
#   BENCH_PROFILE=1    also CPU-profile the service and HTTP runs at concurrency 16 and the timer
#                      worker (bench/results/profiles.md and bench/results/profiles/*.cpuprofile)
# Needs PostgreSQL on 127.0.0.1:5432 (trust, user postgres) and Redis on 127.0.0.1:6379, as npm test does.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=node_modules/.cache/tricolor-bench
echo "bench: compiling into $OUT" >&2
rm -rf "$OUT"
npx tsc -p bench/tsconfig.json
npx tsc-alias -p bench/tsconfig.json

# The whole run is bounded: each stage has its own cap, and this is the backstop.
status=0
timeout --signal=TERM --kill-after=30 "${BENCH_TIMEOUT:-1200}" \
  node --max-old-space-size=2048 "$OUT/bench/src/main.js" || status=$?

# The results are part of the repository's formatting rules (npm run lint runs prettier --check).
if compgen -G "bench/results/*.md" > /dev/null || [ -f bench/results/latest.json ]; then
  npx prettier --log-level warn --write bench/results/*.md bench/results/*.json 2>/dev/null || true
fi
exit "$status"
