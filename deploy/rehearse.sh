#!/usr/bin/env bash
# A rehearsal of compose.yaml's front half with images built here, since compose.yaml itself cannot
# be pulled here: on a Docker network of its own, MariaDB (miniter/mariadb:10.11-local) as
# mysql-primary, the server image twice as server-1 and server-2 (compose.yaml's TRUST_PROXY,
# DRAIN_DELAY=8s, WORKERS=2, --init, a 30 s stop timeout), and HAProxy 2.6 from Debian running
# deploy/haproxy.cfg as it is (its resolvers on Docker's DNS). Checks: both servers UP in HAProxy,
# calls reach both, a request id made (a UUID) or kept, the web page, a live stream's first event,
# then a rolling restart (docker stop = SIGTERM, then start, one server after the other) under a
# loop of tweet.create and timeline.home calls: no call fails, each stop exits 0 after the drain,
# and every acknowledged tweet is stored once. Removes everything it started.
#
# Verified here: this whole run passes (about 50 s, plus the images: scripts/server-image/build.sh,
# scripts/mariadb-image/build.sh, scripts/server-image/haproxy-image.sh). Not rehearsed: MySQL 8.4
# and its replica, Redis, MinIO (pictures), which compose.yaml adds.
#
#   scripts/server-image/build.sh && deploy/rehearse.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGE=${IMAGE:-miniter/server:local}
DB_IMAGE=miniter/mariadb:10.11-local
LB_IMAGE=miniter/haproxy:2.6-local
RUN=miniter-rehearsal-$$
DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=')

log() { echo "rehearsal: $*" >&2; }
fail() {
  log "FAILED: $*"
  for c in server-1 server-2 haproxy; do
    docker container inspect "$RUN-$c" >/dev/null 2>&1 || continue
    log "last lines of $c:"
    docker logs --tail 5 "$RUN-$c" 2>&1 | sed 's/^/  /' >&2
  done
  exit 1
}

docker info >/dev/null 2>&1 || fail "no Docker engine answers; run scripts/container-engine.sh start first"
docker image inspect "$IMAGE" >/dev/null 2>&1 || fail "no image $IMAGE; run scripts/server-image/build.sh first"
"$ROOT/scripts/mariadb-image/build.sh"
"$ROOT/scripts/server-image/haproxy-image.sh"

WORK=$(mktemp -d)

cleanup() {
  [[ -z ${loader:-} ]] || kill "$loader" 2>/dev/null || true
  docker rm -f "$RUN-db" "$RUN-server-1" "$RUN-server-2" "$RUN-haproxy" >/dev/null 2>&1 || true
  docker network rm "$RUN" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
started=$SECONDS

docker network create "$RUN" >/dev/null
docker run -d --name "$RUN-db" --network "$RUN" --network-alias mysql-primary \
  -e MYSQL_ROOT_PASSWORD="$DB_PASSWORD" -e MYSQL_DATABASE=miniter -e MYSQL_USER=miniter \
  -e MYSQL_PASSWORD="$DB_PASSWORD" "$DB_IMAGE" >/dev/null
sql() { docker exec "$RUN-db" mariadb -uroot -p"$DB_PASSWORD" -N -e "$1" 2>/dev/null; }
deadline=$((SECONDS + 60))
until sql 'select 1' >/dev/null; do ((SECONDS < deadline)) || fail "MariaDB did not start"; sleep 0.5; done

in_container_ready() {
  docker exec "$RUN-$1" node -e \
    'fetch("http://127.0.0.1:4000/readyz").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))'
}
start_server() {
  docker run -d --name "$RUN-$1" --network "$RUN" --network-alias "$1" --init --stop-timeout 30 \
    -e DATABASE_URL="mariadb://miniter:$DB_PASSWORD@mysql-primary:3306/miniter" -e JWT_SECRET="$JWT_SECRET" \
    -e TRUST_PROXY=1 -e DRAIN_DELAY=8s -e WORKERS=2 -e INSTANCE_NAME="$1" \
    -e BCRYPT_COST=10 -e RATE_LIMIT_CALLS=100000/5m "$IMAGE" >/dev/null
  local deadline=$((SECONDS + 60))
  until in_container_ready "$1" 2>/dev/null; do ((SECONDS < deadline)) || fail "$1 not ready"; sleep 0.5; done
}
# One after the other, as compose.yaml starts them: the first applies the migrations.
start_server server-1
start_server server-2
docker run -d --name "$RUN-haproxy" --network "$RUN" \
  -p 127.0.0.1::8080 -p 127.0.0.1::8404 \
  -v "$ROOT/deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" "$LB_IMAGE" >/dev/null
# The host ports Docker picked.
WEB_PORT=$(docker port "$RUN-haproxy" 8080/tcp | head -n 1 | sed 's/.*://')
STATS_PORT=$(docker port "$RUN-haproxy" 8404/tcp | head -n 1 | sed 's/.*://')
B=http://127.0.0.1:$WEB_PORT

# The servers' state in HAProxy: "miniter/server-1=UP live/server-1=UP ...".
status() {
  { curl -s "http://127.0.0.1:$STATS_PORT/;csv" || true; } |
    awk -F, '($1 == "miniter" || $1 == "live") && $2 ~ /^server-/ { printf "%s/%s=%s ", $1, $2, $18 }'
}
wait_status() { # <what> <pattern...>: until every pattern is in the status
  local what=$1 deadline=$((SECONDS + 30)) now p ok
  shift
  while :; do
    now=$(status) ok=1
    for p in "$@"; do [[ $now == *"$p"* ]] || ok=; done
    [[ -n $ok ]] && return 0
    ((SECONDS < deadline)) || fail "$what: HAProxy says: $now"
    sleep 0.25
  done
}
all_up=(miniter/server-1=UP miniter/server-2=UP live/server-1=UP live/server-2=UP)
wait_status "both servers up" "${all_up[@]}"
log "HAProxy: $(status)"

id=$(curl -s -D - -o /dev/null "$B/trpc/health.ping" | tr -d '\r' | sed -n 's/^x-request-id: //Ip' || true)
[[ $id =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || fail "request id made by HAProxy: '$id'"
id=$(curl -s -D - -o /dev/null -H 'x-request-id: client.id-12345' "$B/trpc/health.ping" | tr -d '\r' |
  sed -n 's/^x-request-id: //Ip' || true)
[[ $id == client.id-12345 ]] || fail "the client's request id was not kept: '$id'"
curl -s -H 'accept: text/html' "$B/" | grep -q '<div id="root">' || fail "no web page through HAProxy"
for _ in $(seq 20); do curl -s -o /dev/null "$B/trpc/health.ping"; done
for s in server-1 server-2; do
  # grep -c reads it all: grep -q would stop early and fail the pipe (pipefail).
  docker logs "$RUN-$s" 2>&1 | grep -c '"url":"/trpc/health.ping"' >/dev/null || fail "no call reached $s"
done

curl -s -o /dev/null "$B/trpc/auth.signUp" -H 'content-type: application/json' \
  -d '{"name":"Rehearsal","email":"rehearsal@example.com","password":"correct horse"}'
TOKEN=$(curl -s "$B/trpc/auth.login" -H 'content-type: application/json' \
  -d '{"email":"rehearsal@example.com","password":"correct horse"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true)
[[ -n $TOKEN ]] || fail "could not log in through HAProxy"
live=$(curl -s -N --max-time 2 "$B/trpc/timeline.live" -H "authorization: Bearer $TOKEN" \
  -H 'accept: text/event-stream' || true)
[[ $live == *'event: connected'* ]] || fail "no live stream through HAProxy: $live"
log "request ids, web page, both servers, live stream: OK"

# Calls one after the other until told to stop; a line per call: "<procedure> <HTTP status>".
load() {
  local n=0
  while [[ ! -e $WORK/stop ]]; do
    echo "tweet $(curl -s -o /dev/null -w '%{http_code}' "$B/trpc/tweet.create" -H "authorization: Bearer $TOKEN" \
      -H 'content-type: application/json' -H "idempotency-key: rehearsal-$n" -d "{\"text\":\"rehearsal $n\"}")"
    echo "home $(curl -s -o /dev/null -w '%{http_code}' -G "$B/trpc/timeline.home" \
      --data-urlencode 'input={"limit":5}' -H "authorization: Bearer $TOKEN")"
    n=$((n + 1))
  done >"$WORK/calls"
}
load &
loader=$!
sleep 1
for s in server-1 server-2; do
  t0=$SECONDS
  docker stop "$RUN-$s" >/dev/null
  took=$((SECONDS - t0)) code=$(docker inspect -f '{{.State.ExitCode}}' "$RUN-$s")
  [[ $code == 0 ]] || fail "$s exited $code"
  ((took >= 7 && took < 30)) || fail "$s stopped in $took s (DRAIN_DELAY 8 s, timeout 30 s)"
  wait_status "$s out" "miniter/$s=DOWN" "live/$s=DOWN"
  log "$s: SIGTERM, drained, exit 0 after $took s; HAProxy: $(status)"
  docker start "$RUN-$s" >/dev/null
  wait_status "$s back" "${all_up[@]}"
done
sleep 1
touch "$WORK/stop"
wait "$loader"
loader=
calls=$(wc -l <"$WORK/calls")
failed=$(grep -vc ' 200$' "$WORK/calls" || true)
acknowledged=$(grep -c '^tweet 200$' "$WORK/calls" || true)
stored=$(sql "select count(*), count(distinct tweet) from miniter.tweets where tweet like 'rehearsal %'")
((failed == 0)) || fail "$failed of $calls calls failed during the rolling restart: $(grep -v ' 200$' "$WORK/calls" | sort | uniq -c | tr '\n' ' ')"
[[ $stored == "$acknowledged"$'\t'"$acknowledged" ]] || fail "$acknowledged tweets acknowledged, stored (all, distinct): $stored"
log "rolling restart under load: $calls calls, none failed; $acknowledged tweets acknowledged, each stored once"
log "passed in $((SECONDS - started)) s"
