#!/usr/bin/env bash
# Build miniter/haproxy:2.6-local without any container registry: Debian bookworm's haproxy (2.6,
# the version compose.yaml's haproxy:2.6-bookworm runs) in a debootstrapped minimal rootfs, for
# deploy/rehearse.sh. Reuses the image if it exists. About a minute here.
#
# Verified here: built, and run by deploy/rehearse.sh with deploy/haproxy.cfg.
set -euo pipefail

IMAGE=miniter/haproxy:2.6-local
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOTFS_LOG_PREFIX=haproxy-image
# shellcheck source=../lib/debian-rootfs.sh
source "$HERE/../lib/debian-rootfs.sh"

docker info >/dev/null 2>&1 || rootfs_die "no Docker engine answers; run scripts/container-engine.sh start first"
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  rootfs_log "reusing $IMAGE"
  exit 0
fi
rootfs_debootstrap haproxy
rootfs_slim
# The official image's configuration path and command: master-worker, in the foreground.
mkdir -p "$ROOTFS/usr/local/etc/haproxy"
rootfs_import "$IMAGE" --change 'CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
