#!/usr/bin/env bash
# Validates docker/compose.yaml without a Docker daemon (CI: `npm run compose:check`).
# Uses the compose plugin (`docker compose`) when present, else Debian's `docker-compose`.
set -euo pipefail
cd "$(dirname "$0")"
created=""
if [ ! -f .env ]; then
  cp .env.example .env
  created=1
fi
trap '[ -n "$created" ] && rm -f .env' EXIT
if docker compose version >/dev/null 2>&1; then
  docker compose -f compose.yaml config --quiet
elif command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f compose.yaml config --quiet
else
  echo "neither 'docker compose' nor 'docker-compose' is installed (apt-get install docker-compose)" >&2
  exit 1
fi
echo "docker/compose.yaml is valid"
