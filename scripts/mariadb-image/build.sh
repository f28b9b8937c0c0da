#!/usr/bin/env bash
# Build the local MariaDB image used by the Testcontainers tests, without any container
# registry: debootstrap a minimal Debian bookworm with mariadb-server from the machine's
# own apt mirror and `docker import` it. Reuses the image if it already exists.
set -euo pipefail

IMAGE=miniter/mariadb:10.11-local
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { echo "mariadb-image: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

docker info >/dev/null 2>&1 || die "no Docker engine answers; run scripts/container-engine.sh start first"
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "reusing $IMAGE"
  exit 0
fi
[[ $(id -u) -eq 0 ]] || die "building $IMAGE needs root (debootstrap); try: sudo $0"

# Use the mirror this machine's apt already uses (it may be the only one reachable).
apt_mirror() {
  local f=/etc/apt/sources.list.d/debian.sources
  if [[ -r $f ]]; then
    awk '/^URIs:/ && !/security/ { print $2; exit }' "$f"
  elif [[ -r /etc/apt/sources.list ]]; then
    sed -E -n '/security/d; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' \
      /etc/apt/sources.list | head -n 1
  fi
}
MIRROR=${MIRROR:-$(apt_mirror)}
[[ -n $MIRROR ]] || die "could not read a Debian mirror from the apt sources; set MIRROR=..."

if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap via apt..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/miniter-mariadb.XXXXXX")
ROOTFS=$WORK/rootfs
cleanup() {
  # An interrupted debootstrap can leave proc/sys mounted inside the rootfs: unmount
  # them first, and never let rm cross into another filesystem.
  grep -o " $ROOTFS/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l || true
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT

log "debootstrapping bookworm + mariadb-server into $ROOTFS (takes a few minutes)..."
if ! debootstrap --variant=minbase --include=mariadb-server,mariadb-client \
  bookworm "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1; then
  tail -n 30 "$WORK/debootstrap.log" >&2
  die "debootstrap failed"
fi

# The package's postinst already initialised a data dir; empty it so the entrypoint
# creates the root password, database and user from the container's environment.
rm -rf "${ROOTFS:?}"/var/lib/mysql/*
install -m 0755 "$HERE/entrypoint.sh" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
install -m 0644 "$HERE/mariadb.cnf" "$ROOTFS/etc/mysql/mariadb.conf.d/99-miniter.cnf"
mkdir -p "$ROOTFS/docker-entrypoint-initdb.d"

# Slim down: apt caches/lists, docs, man pages and translations are never used here.
# The sources list names this machine's mirror, which means nothing inside the image.
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/log/*.log \
  "$ROOTFS"/usr/share/{doc,man,info,locale}/* "$ROOTFS"/etc/apt/sources.list

log "importing rootfs as $IMAGE..."
tar --numeric-owner -C "$ROOTFS" -c . | docker import \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'EXPOSE 3306' \
  --change 'ENV LANG=C.UTF-8' \
  - "$IMAGE" >/dev/null
log "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | numfmt --to=iec))"
