# shellcheck shell=bash
# Sourced, not run: build a minimal Debian bookworm root filesystem with debootstrap from the
# machine's own apt mirror, and `docker import` it as an image, without any container registry.
# Used by scripts/mariadb-image/build.sh, scripts/server-image/build.sh and haproxy-image.sh.
#
# Verified here (Debian 12, docker.io 20.10 engine): building miniter/mariadb:10.11-local,
# miniter/node:24-local and miniter/haproxy:2.6-local with it.
#
#   source scripts/lib/debian-rootfs.sh
#   ROOTFS_LOG_PREFIX=my-image
#   rootfs_debootstrap pkg1,pkg2     # sets ROOTFS (and WORK, removed at exit)
#   ...customise "$ROOTFS"...
#   rootfs_slim
#   rootfs_import my/image:tag --change 'ENV LANG=C.UTF-8'

ROOTFS_LOG_PREFIX=${ROOTFS_LOG_PREFIX:-debian-rootfs}

rootfs_log() { echo "$ROOTFS_LOG_PREFIX: $*" >&2; }
rootfs_die() { rootfs_log "ERROR: $*"; exit 1; }

# The mirror this machine's apt already uses (it may be the only one reachable); MIRROR overrides.
rootfs_apt_mirror() {
  local f=/etc/apt/sources.list.d/debian.sources
  if [[ -n ${MIRROR:-} ]]; then
    echo "$MIRROR"
  elif [[ -r $f ]]; then
    awk '/^URIs:/ && !/security/ { print $2; exit }' "$f"
  elif [[ -r /etc/apt/sources.list ]]; then
    sed -E -n '/security/d; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' \
      /etc/apt/sources.list | head -n 1
  fi
}

rootfs_cleanup() {
  [[ -n ${WORK:-} && -d $WORK ]] || return 0
  # An interrupted debootstrap can leave proc/sys mounted inside the rootfs: unmount them
  # first, and never let rm cross into another filesystem.
  grep -o " $WORK/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l || true
  rm -rf --one-file-system "$WORK"
}

# rootfs_debootstrap <comma-separated packages, or empty>: a minbase bookworm in $ROOTFS.
rootfs_debootstrap() {
  local include=${1:-} mirror
  [[ $(id -u) -eq 0 ]] || rootfs_die "debootstrap needs root; try: sudo $0"
  mirror=$(rootfs_apt_mirror)
  [[ -n $mirror ]] || rootfs_die "could not read a Debian mirror from the apt sources; set MIRROR=..."
  if ! command -v debootstrap >/dev/null 2>&1; then
    rootfs_log "installing debootstrap via apt..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/miniter-rootfs.XXXXXX")
  ROOTFS=$WORK/rootfs
  trap rootfs_cleanup EXIT
  rootfs_log "debootstrapping bookworm${include:+ + $include} into $ROOTFS..."
  if ! debootstrap --variant=minbase ${include:+--include="$include"} \
    bookworm "$ROOTFS" "$mirror" >"$WORK/debootstrap.log" 2>&1; then
    tail -n 30 "$WORK/debootstrap.log" >&2
    rootfs_die "debootstrap failed"
  fi
}

# Apt caches and lists, docs, man pages and translations are never used in these images; the
# sources list names this machine's mirror, which means nothing inside an image.
rootfs_slim() {
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/log/*.log \
    "$ROOTFS"/usr/share/{doc,man,info,locale}/* "$ROOTFS"/etc/apt/sources.list
}

# rootfs_import <image> [docker import options, e.g. --change '...']
rootfs_import() {
  local image=$1
  shift
  rootfs_log "importing rootfs as $image..."
  tar --numeric-owner -C "$ROOTFS" -c . | docker import "$@" - "$image" >/dev/null
  rootfs_log "built $image ($(docker image inspect -f '{{.Size}}' "$image" | numfmt --to=iec))"
}
