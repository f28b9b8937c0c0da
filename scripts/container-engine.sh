#!/usr/bin/env bash
# Start/stop a local Docker engine for Testcontainers-based tests.
#
#   scripts/container-engine.sh start   # no-op if `docker info` already works
#   scripts/container-engine.sh stop    # stops the daemon only if `start` launched it
#
# Meant for CI sandboxes and dev VMs without systemd, where nobody else starts dockerd.
set -euo pipefail

PIDFILE=/var/run/docker.pid
# Marker next to the pidfile: proves that THIS script started the daemon, so `stop`
# never kills an engine that someone else (systemd, Docker Desktop, a developer) runs.
MARKER=/var/run/docker.started-by-container-engine-sh
LOGFILE=/var/log/dockerd.log
START_TIMEOUT=60
STOP_TIMEOUT=30

log() { echo "container-engine: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

engine_up() { docker info >/dev/null 2>&1; }

# Only trust the pidfile if it still names a live dockerd (pids get reused after reboots).
daemon_pid() {
  local pid
  [[ -s $PIDFILE ]] || return 1
  pid=$(<"$PIDFILE")
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]] || return 1
  echo "$pid"
}

start() {
  if engine_up; then
    log "Docker engine already running; nothing to do."
    return 0
  fi
  [[ $(id -u) -eq 0 ]] || die "no Docker engine answers and starting one needs root (try: sudo $0 start)."
  local pid

  if ! command -v dockerd >/dev/null 2>&1; then
    log "dockerd not found; installing docker.io + iptables via apt..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends docker.io iptables >/dev/null
    # On hosts with systemd the package starts the service itself; don't start a second one.
    if engine_up; then
      log "Docker engine started by the package's service; nothing more to do."
      return 0
    fi
  fi

  if pid=$(daemon_pid); then
    log "dockerd (pid $pid) is running but not answering yet; waiting for it."
  else
    # No flags are needed here: dockerd picks overlay2 itself and falls back to another
    # storage driver on its own if overlay is unusable; bridge networking with the
    # default (nft-based) iptables works in this sandbox. Extra flags can be passed via
    # DOCKERD_FLAGS, e.g. DOCKERD_FLAGS="--storage-driver=vfs".
    # shellcheck disable=SC2086 # DOCKERD_FLAGS is intentionally word-split.
    # setsid: own session, so the daemon outlives the CI step / terminal that started it.
    setsid dockerd --pidfile "$PIDFILE" ${DOCKERD_FLAGS:-} </dev/null >>"$LOGFILE" 2>&1 &
    pid=$!
    touch "$MARKER"
    log "started dockerd (pid $pid), log: $LOGFILE"
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  until engine_up; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$MARKER"
      tail -n 20 "$LOGFILE" >&2 || true
      die "dockerd exited during startup; see $LOGFILE"
    fi
    ((SECONDS < deadline)) || die "dockerd did not answer within ${START_TIMEOUT}s; see $LOGFILE"
    sleep 0.5
  done
  log "Docker engine is ready."
}

stop() {
  if [[ ! -e $MARKER ]]; then
    log "engine was not started by this script; leaving it alone."
    return 0
  fi
  local pid
  if pid=$(daemon_pid); then
    log "stopping dockerd (pid $pid)..."
    kill -TERM "$pid"
    # dockerd needs a moment to stop containers and its managed containerd.
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
      ((SECONDS < deadline)) || die "dockerd (pid $pid) still running after ${STOP_TIMEOUT}s"
      sleep 0.5
    done
    log "dockerd stopped."
  else
    log "dockerd is no longer running."
  fi
  rm -f "$MARKER"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
