#!/usr/bin/env bash
# npm run test:faults: the fault suite, against real processes (the compiled API and timer
# workers) on a real PostgreSQL and Redis, with timer durations of seconds.
#
# Which PostgreSQL and Redis: the fault suite stops, restarts and FLUSHALLs them, while other
# engineers' tests and CI's `npm test` use the machine's own instances (PostgreSQL cluster 15/main
# on 5432, Redis on 6379). So it never touches those: it runs its OWN instances, started and
# stopped with the same commands that start the machine's services:
#   - PostgreSQL: a second Debian cluster `tricolor_faults` on 127.0.0.1:5440 with trust auth,
#     created if missing by `pg_createcluster <version> tricolor_faults --port 5440 --
#     --auth=trust` (as root it is owned by `postgres`, data under
#     /var/lib/postgresql/<version>/tricolor_faults), and driven by
#     `pg_ctlcluster --skip-systemctl-redirect <version> tricolor_faults start|stop|restart`;
#   - Redis: `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6390 --save ""
#     --appendonly no --dir /tmp/tricolor-faults-redis-6390 --pidfile … --logfile …`, stopped
#     with `redis-cli -p 6390 shutdown nosave`.
# Both commands live in test/faults/services.sh, which the specs call to inject the faults.
# Each spec uses its own database on that cluster (dropped afterwards) and its own Redis key
# prefix. Both services are left running at the end, whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/../.."

SERVICES=test/faults/services.sh
started=$(date +%s)

# Leave both services running, even when a spec failed in the middle of an outage.
trap 'bash "$SERVICES" up >/dev/null 2>&1 || echo "run.sh: could not restart the fault services" >&2' EXIT

# What each scenario measured (one JSON line each), and the processes' output.
export FAULTS_METRICS_FILE="${FAULTS_METRICS_FILE:-/tmp/tricolor-faults-metrics.jsonl}"
export FAULTS_LOG_DIR="${FAULTS_LOG_DIR:-/tmp/tricolor-faults-logs}"
: >"$FAULTS_METRICS_FILE"
rm -rf "$FAULTS_LOG_DIR"

bash "$SERVICES" up
npm run build
npx jest --config test/faults/jest.config.js --runInBand "$@"
echo "fault suite: $(($(date +%s) - started)) s in all, build included;" \
  "measurements in $FAULTS_METRICS_FILE, process output in $FAULTS_LOG_DIR"
