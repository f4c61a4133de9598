#!/usr/bin/env bash
# Mutation-tests only the workflow rule files (the workflow scope of stryker.config.mjs) that
# differ from a base, for CI: npm run test:mutation:changed [-- BASE]. BASE defaults to
# $MUTATION_BASE, else main. Nothing changed: nothing to do. The committed incremental file
# means only mutants whose code or tests changed are run again. Fails below MUTATION_BREAK
# (default 85 %, the workflow target).
set -euo pipefail
cd "$(dirname "$0")/.."

base="${1:-${MUTATION_BASE:-main}}"
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  echo "test:mutation:changed: base '$base' not found; set MUTATION_BASE" >&2
  exit 2
fi
from="$(git merge-base "$base" HEAD)"

# The files of the workflow scope: machine, actions, rules, access, timers, triage.
mapfile -t files < <(
  git diff --name-only --diff-filter=AMR "$from" -- libs/workflow/src |
    grep -E '^libs/workflow/src/((machine|actions|rules|access|timers)|triage/[^/]+)\.ts$' |
    grep -v '\.spec\.ts$' || true
)
if [ "${#files[@]}" -eq 0 ]; then
  echo "test:mutation:changed: no workflow rule file changed since $base ($from)"
  exit 0
fi
echo "test:mutation:changed: ${files[*]}"
mutate="$(IFS=,; echo "${files[*]}")"
MUTATION_SCOPE=workflow MUTATION_BREAK="${MUTATION_BREAK:-85}" npx stryker run --mutate "$mutate"
