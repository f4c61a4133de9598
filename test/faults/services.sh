#!/usr/bin/env bash
# The fault suite's own PostgreSQL cluster and Redis, started and stopped with the commands that
# start the machine's services (see run.sh for why they are not the machine's own instances).
#   services.sh up            create the cluster if missing; start both if down; wait until ready
#   services.sh pg-start | pg-stop | pg-restart
#   services.sh redis-start | redis-stop | redis-flushall
# Ports and names can be overridden with FAULTS_PG_PORT, FAULTS_PG_CLUSTER, FAULTS_REDIS_PORT.
set -euo pipefail

PG_PORT="${FAULTS_PG_PORT:-5440}"
PG_CLUSTER="${FAULTS_PG_CLUSTER:-tricolor_faults}"
REDIS_PORT="${FAULTS_REDIS_PORT:-6390}"
REDIS_DIR="${FAULTS_REDIS_DIR:-/tmp/tricolor-faults-redis-$REDIS_PORT}"

pg_version() {
  # The one PostgreSQL version installed, as the machine's own start command assumes.
  ls /etc/postgresql | head -n 1
}

pg_ready() { pg_isready -h 127.0.0.1 -p "$PG_PORT" -q; }
redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; }

wait_until() {
  local what=$1 check=$2
  for _ in $(seq 1 300); do
    if $check; then return 0; fi
    sleep 0.1
  done
  echo "services.sh: $what did not become ready" >&2
  return 1
}

pg_create_if_missing() {
  local version
  version=$(pg_version)
  if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/$PG_CLUSTER"; then
    # Run as root, pg_createcluster makes the cluster owned by `postgres`, its data under
    # /var/lib/postgresql/<version>/<name> and its config under /etc/postgresql/<version>/<name>.
    pg_createcluster "$version" "$PG_CLUSTER" --port "$PG_PORT" -- --auth=trust >/dev/null
  fi
}

pg_start() {
  pg_ready && return 0
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" "$PG_CLUSTER" start
  wait_until "PostgreSQL on port $PG_PORT" pg_ready
}

pg_stop() {
  # The default `fast` mode: open connections are terminated (57P01), as on a real restart.
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" "$PG_CLUSTER" stop
}

pg_restart() {
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" "$PG_CLUSTER" restart
  wait_until "PostgreSQL on port $PG_PORT" pg_ready
}

redis_start() {
  redis_ready && return 0
  mkdir -p "$REDIS_DIR"
  # The machine's own command, on another port, with its own dir, pid file and log.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" \
    --logfile "$REDIS_DIR/redis.log"
  wait_until "Redis on port $REDIS_PORT" redis_ready
}

redis_stop() {
  redis_ready || return 0
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  for _ in $(seq 1 100); do
    redis_ready || return 0
    sleep 0.1
  done
  echo "services.sh: Redis on port $REDIS_PORT did not stop" >&2
  return 1
}

case "${1:-}" in
  up)
    pg_create_if_missing
    pg_start
    redis_start
    ;;
  pg-start) pg_start ;;
  pg-stop) pg_stop ;;
  pg-restart) pg_restart ;;
  redis-start) redis_start ;;
  redis-stop) redis_stop ;;
  redis-flushall) redis-cli -h 127.0.0.1 -p "$REDIS_PORT" flushall >/dev/null ;;
  *)
    echo "usage: $0 up|pg-start|pg-stop|pg-restart|redis-start|redis-stop|redis-flushall" >&2
    exit 2
    ;;
esac
