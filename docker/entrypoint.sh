#!/bin/sh
# The image's one command: which process to run. `exec` so tini's SIGTERM reaches Node.
set -eu
cmd="${1:-all}"
[ "$#" -gt 0 ] && shift
case "$cmd" in
  all) exec node dist/apps/api/src/main.js "$@" ;;                          # API + worker
  api) RUN_WORKER=false exec node dist/apps/api/src/main.js "$@" ;;         # API only
  worker) exec node dist/apps/worker/src/main.js "$@" ;;                    # timer worker only
  backup) exec node dist/scripts/ops/backup.js "$@" ;;
  restore) exec node dist/scripts/ops/restore.js "$@" ;;
  verify-all) exec node dist/scripts/ops/verify-all.js "$@" ;;
  *) exec "$cmd" "$@" ;;
esac
