#!/usr/bin/env bash
# Build the local MariaDB image used by the Testcontainers tests, without any container
# registry: debootstrap a minimal Debian bookworm with mariadb-server from the machine's
# own apt mirror and `docker import` it. Reuses the image if it already exists.
set -euo pipefail

IMAGE=miniter/mariadb:10.11-local
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

ROOTFS_LOG_PREFIX=mariadb-image
# shellcheck source=../lib/debian-rootfs.sh
source "$HERE/../lib/debian-rootfs.sh"
log() { rootfs_log "$@"; }
die() { rootfs_die "$@"; }

docker info >/dev/null 2>&1 || die "no Docker engine answers; run scripts/container-engine.sh start first"
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "reusing $IMAGE"
  exit 0
fi

rootfs_debootstrap mariadb-server,mariadb-client

# The package's postinst already initialised a data dir; empty it so the entrypoint
# creates the root password, database and user from the container's environment.
rm -rf "${ROOTFS:?}"/var/lib/mysql/*
install -m 0755 "$HERE/entrypoint.sh" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
install -m 0644 "$HERE/mariadb.cnf" "$ROOTFS/etc/mysql/mariadb.conf.d/99-miniter.cnf"
mkdir -p "$ROOTFS/docker-entrypoint-initdb.d"

rootfs_slim

rootfs_import "$IMAGE" \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'EXPOSE 3306' \
  --change 'ENV LANG=C.UTF-8'
