#!/usr/bin/env bash
# Run the built server image once against this machine's MariaDB (127.0.0.1:3306, root, empty
# password): a throwaway database, the container on the host's network (bound to 127.0.0.1) as
# it is (no --init: node is PID 1), two workers; then over HTTP: /readyz 200 and Docker's own
# HEALTHCHECK "healthy", the web page, /api/docs (swagger-ui-dist from node_modules), sign-up,
# login, tweet.create, the tweet in timeline.home, a live stream's first event, a profile picture
# (sharp and the writable .data); the process running as uid 10001; then `docker stop` (SIGTERM):
# /readyz 503 while still serving for DRAIN_DELAY (2 s), and the container exited 0 well within
# the stop timeout. Removes the container and the database.
#
# Verified here: this whole run, on miniter/server:local built by scripts/server-image/build.sh.
# Not verified here: MEDIA_DRIVER=s3, Redis, replicas, HAProxy (see compose.yaml), MySQL 8.4.
#
#   scripts/server-image/build.sh && scripts/server-image/smoke.sh
#   IMAGE=miniter/server:dev MYSQL_URL=mysql://user:pw@127.0.0.1:3306 scripts/server-image/smoke.sh
set -euo pipefail

IMAGE=${IMAGE:-miniter/server:local}
# A server where this user may create and drop databases.
MYSQL_URL=${MYSQL_URL:-mariadb://root@127.0.0.1:3306}
STOP_TIMEOUT=${STOP_TIMEOUT:-20}
DRAIN_SECONDS=2
NAME=miniter-smoke-$$
DB=miniter_smoke_$(date +%s)_$$

log() { echo "server-smoke: $*" >&2; }
fail() {
  log "FAILED: $*"
  if docker container inspect "$NAME" >/dev/null 2>&1; then
    log "last lines of the container's log:"
    docker logs --tail 40 "$NAME" 2>&1 | sed 's/^/  /' >&2
  fi
  exit 1
}

docker info >/dev/null 2>&1 || fail "no Docker engine answers; run scripts/container-engine.sh start first"
docker image inspect "$IMAGE" >/dev/null 2>&1 || fail "no image $IMAGE; run scripts/server-image/build.sh first"
command -v curl >/dev/null || fail "curl is needed"
SQL=$(command -v mariadb || command -v mysql) || fail "a mariadb or mysql client is needed"

# mysql://user[:password]@host[:port] for the client on this side.
[[ $MYSQL_URL =~ ^(mysql|mariadb)://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/?$ ]] ||
  fail "MYSQL_URL must look like mysql://user[:password]@host[:port]"
DB_USER=${BASH_REMATCH[2]} DB_PASSWORD=${BASH_REMATCH[4]} DB_HOST=${BASH_REMATCH[5]} DB_PORT=${BASH_REMATCH[7]:-3306}
sql() { MYSQL_PWD=$DB_PASSWORD "$SQL" --protocol=tcp -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -e "$1"; }

# A port nobody listens on (bash's /dev/tcp connects or fails), below Linux's ephemeral ports
# (32768 and up), which outgoing connections take.
PORT=
for candidate in $(shuf -i 20000-32000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate && break; fi
done
[[ -n $PORT ]] || fail "found no free port"
BASE=http://127.0.0.1:$PORT

WORK=$(mktemp -d)
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  sql "DROP DATABASE IF EXISTS \`$DB\`" 2>/dev/null || log "could not drop database $DB"
  rm -rf "$WORK"
}
trap cleanup EXIT

started=$SECONDS
sql "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4" || fail "could not create database $DB at $DB_HOST:$DB_PORT"
log "starting $IMAGE as $NAME on $BASE, database $DB"
docker run -d --name "$NAME" --network host \
  -e HOST=127.0.0.1 -e PORT="$PORT" -e WORKERS=2 \
  -e DATABASE_URL="${MYSQL_URL%/}/$DB" \
  -e JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" \
  -e BCRYPT_COST=10 -e LOG_LEVEL=info -e DRAIN_DELAY="${DRAIN_SECONDS}s" \
  "$IMAGE" >/dev/null || fail "docker run failed"

running() { [[ $(docker inspect -f '{{.State.Running}}' "$NAME" 2>/dev/null) == true ]]; }
deadline=$((SECONDS + 90))
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz") == 200 ]]; do
  running || fail "the container exited before it was ready"
  ((SECONDS < deadline)) || fail "/readyz did not answer 200 within 90 s"
  sleep 0.5
done
log "ready in $((SECONDS - started)) s"

[[ $(docker exec "$NAME" id -u) == 10001 ]] || fail "the server does not run as uid 10001"
pid1=$(docker exec "$NAME" cat /proc/1/cmdline | tr '\0' ' ')
[[ $pid1 == 'node '* ]] || fail "PID 1 is not node: $pid1"

# POST /trpc/<path> with a JSON body (and a token); prints the body, fails unless HTTP 200.
call() {
  local path=$1 body=$2 token=${3:-} out status
  out=$WORK/out
  status=$(curl -s -o "$out" -w '%{http_code}' "$BASE/trpc/$path" -H 'content-type: application/json' \
    ${token:+-H "authorization: Bearer $token"} -d "$body") || fail "$path: curl failed"
  [[ $status == 200 ]] || fail "$path answered $status: $(cat "$out")"
  cat "$out"
}
expect() { grep -q -- "$2" <<<"$1" || fail "expected $2 in: $1"; }

page=$(curl -s -H 'accept: text/html' "$BASE/u/1")
expect "$page" '<div id="root">'
docs=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/docs/swagger-ui-bundle.js")
[[ $docs == 200 ]] || fail "/api/docs/swagger-ui-bundle.js answered $docs"

email=smoke-$$@example.com
expect "$(call auth.signUp "{\"name\":\"Smoke\",\"email\":\"$email\",\"password\":\"correct horse\"}")" '"name":"Smoke"'
login=$(call auth.login "{\"email\":\"$email\",\"password\":\"correct horse\"}")
TOKEN=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$login")
[[ -n $TOKEN ]] || fail "no accessToken in: $login"
expect "$(call tweet.create '{"text":"안녕하세요 🌏 from the image"}' "$TOKEN")" '"text":"안녕하세요 🌏 from the image"'
home=$(curl -s -G "$BASE/trpc/timeline.home" -H "authorization: Bearer $TOKEN" --data-urlencode 'input={"limit":5}')
expect "$home" '안녕하세요 🌏 from the image'

# The first event of a live stream through the image (SSE), cut after 3 s.
live=$(curl -s -N --max-time 3 "$BASE/trpc/timeline.live" -H "authorization: Bearer $TOKEN" \
  -H 'accept: text/event-stream' || true)
expect "$live" 'event: connected'

# A 1×1 PNG as a profile picture: sharp's native module, and .data/media written by uid 10001.
base64 -d >"$WORK/face.png" <<<'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
upload=$(curl -s -w ' %{http_code}' -F "file=@$WORK/face.png;type=image/png" \
  -H "authorization: Bearer $TOKEN" "$BASE/trpc/user.uploadProfilePicture")
[[ $upload == *' 200' ]] || fail "user.uploadProfilePicture: $upload"
picture=$(sed -n 's/.*"profilePictureUrl":"\([^"]*\)".*/\1/p' <<<"$upload")
[[ -n $picture ]] || fail "no profilePictureUrl in: $upload"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE${picture#"$BASE"}") == 200 ]] || fail "$picture is not served"
log "sign-up, login, tweet, timeline, live stream, picture: OK"

# Docker's own health check (node -e fetch /readyz every 10 s).
deadline=$((SECONDS + 40))
until [[ $(docker inspect -f '{{.State.Health.Status}}' "$NAME") == healthy ]]; do
  ((SECONDS < deadline)) || fail "HEALTHCHECK: $(docker inspect -f '{{json .State.Health}}' "$NAME")"
  sleep 1
done
log "HEALTHCHECK: healthy"

# SIGTERM (docker stop): for DRAIN_DELAY /readyz says 503 while calls are still served, then the
# server stops and exits 0, long before docker's SIGKILL.
stop_started=$SECONDS
docker stop -t "$STOP_TIMEOUT" "$NAME" >/dev/null &
stopper=$!
deadline=$((SECONDS + DRAIN_SECONDS))
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz") == 503 ]]; do
  ((SECONDS < deadline)) || fail "/readyz did not turn 503 after SIGTERM"
  sleep 0.1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/trpc/health.ping") == 200 ]] || fail "not serving while draining"
wait "$stopper" || fail "docker stop failed"
took=$((SECONDS - stop_started))
code=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
[[ $code == 0 ]] || fail "exit code $code after docker stop (${took} s)"
((took >= DRAIN_SECONDS - 1 && took < STOP_TIMEOUT)) || fail "docker stop took ${took} s (DRAIN_DELAY ${DRAIN_SECONDS} s)"
docker logs "$NAME" 2>&1 | grep -c 'shutting down' >/dev/null || fail "no shutdown in the log"
log "docker stop: /readyz 503 while still serving, then exit 0 after ${took} s (DRAIN_DELAY ${DRAIN_SECONDS} s)"
log "passed in $((SECONDS - started)) s"
