#!/usr/bin/env bash
# Static checks of the deployment files, runnable anywhere: deploy/haproxy.cfg with `haproxy -c`,
# the init scripts' shell syntax, and compose.yaml with `docker compose config` when the compose
# plugin is installed (read with deploy/example.env's placeholder values). Each check that cannot
# run here says so and is skipped; any that runs and fails makes the script fail.
#
# Verified here: the haproxy and shell checks pass (HAProxy 2.6.12); the compose plugin is not
# installed here, so that check was skipped (compose.yaml was checked against the Compose
# Specification's JSON schema by hand instead, see compose.yaml).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=0
check() {
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what" >&2 && failed=1; fi
}

if command -v haproxy >/dev/null; then
  # Quiet: the replicas' and MinIO's names resolve only on the compose network (warnings).
  check "deploy/haproxy.cfg (haproxy -c)" haproxy -c -q -f deploy/haproxy.cfg
else
  echo "skipped: deploy/haproxy.cfg (no haproxy here; apt-get install haproxy)"
fi

for script in deploy/mysql/*/*.sh; do check "$script (bash -n)" bash -n "$script"; done
check "deploy/minio/init.sh (sh -n)" sh -n deploy/minio/init.sh

if docker compose version >/dev/null 2>&1; then
  check "compose.yaml (docker compose config)" \
    docker compose --env-file deploy/example.env -f compose.yaml config --quiet
else
  echo "skipped: compose.yaml (no docker compose plugin here)"
fi
exit "$failed"
