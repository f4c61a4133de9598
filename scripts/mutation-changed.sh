#!/usr/bin/env bash
# Mutation-tests only what changed in the workflow rule files (the workflow scope of
# stryker.config.mjs) since a base, for CI: npm run test:mutation:changed [-- BASE]. BASE defaults
# to $MUTATION_BASE, else main. Nothing changed: nothing to do. Fails below MUTATION_BREAK
# (default 85 %, the workflow target).
#
# By default only the changed lines are mutated (Stryker's `file:start-end` ranges, from
# `git diff -U0`): a commit to machine.ts or rules.ts would otherwise mutate the whole file, 400-650
# mutants that each run the statechart walk, hours instead of minutes. MUTATION_WHOLE_FILES=1
# mutates the changed files whole. The committed incremental file means mutants whose code and
# tests did not change keep their earlier result either way.
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

targets=()
for file in "${files[@]}"; do
  if [ "${MUTATION_WHOLE_FILES:-}" = 1 ]; then
    targets+=("$file")
    continue
  fi
  # Hunk headers "@@ -a,b +start,count @@": the new side's lines (count 0: only deletions, whose
  # neighbours are what changed behaviour; take the line after).
  while read -r start count; do
    [ "$count" -eq 0 ] && count=1
    targets+=("$file:$start-$((start + count - 1))")
  done < <(
    git diff -U0 "$from" -- "$file" |
      sed -nE 's/^@@ -[0-9,]+ \+([0-9]+)(,([0-9]+))? @@.*/\1 \3/p' |
      awk '{ print $1, ($2 == "" ? 1 : $2) }'
  )
done
if [ "${#targets[@]}" -eq 0 ]; then
  echo "test:mutation:changed: the workflow rule files changed since $base only by renames"
  exit 0
fi
echo "test:mutation:changed: ${targets[*]}"
mutate="$(IFS=,; echo "${targets[*]}")"
MUTATION_SCOPE=workflow MUTATION_BREAK="${MUTATION_BREAK:-85}" npx stryker run --mutate "$mutate"
