#!/usr/bin/env bash
# Start/stop a local Docker engine for Testcontainers-based tests.
#
#   scripts/container-engine.sh start   # no-op if `docker info` already works
#   scripts/container-engine.sh stop    # stops the daemon only if `start` launched it
#
# Meant for CI sandboxes and dev VMs without systemd, where nobody else starts dockerd.
set -euo pipefail

PIDFILE=/var/run/docker.pid
# Marker next to the pidfile, holding the pid of the dockerd THIS script started, so
# `stop` never kills an engine that someone else (systemd, a developer) runs.
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
    # No flags needed (tested in the CI sandbox): overlay2 works on its ext4 root, and
    # Debian's default nft-based iptables handles the bridge and published ports. Were
    # overlay unusable, dockerd would pick another storage driver by itself; to force
    # one, pass e.g. DOCKERD_FLAGS="--storage-driver=vfs".
    # setsid: own session, so the daemon outlives the CI step / terminal that started it.
    # shellcheck disable=SC2086 # DOCKERD_FLAGS is intentionally word-split.
    setsid dockerd --pidfile "$PIDFILE" ${DOCKERD_FLAGS:-} </dev/null >"$LOGFILE" 2>&1 &
    pid=$!
    echo "$pid" >"$MARKER"
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
    if engine_up; then
      log "engine was not started by this script; leaving it alone."
    else
      log "no engine running; nothing to do."
    fi
    return 0
  fi
  local pid
  # A dockerd with another pid was started by someone else after ours died.
  if pid=$(daemon_pid) && [[ $pid == "$(<"$MARKER")" ]]; then
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
    log "the dockerd this script started is no longer running."
  fi
  rm -f "$MARKER"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
