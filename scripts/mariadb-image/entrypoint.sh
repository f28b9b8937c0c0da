#!/bin/bash
# Entrypoint of miniter/mariadb:10.11-local (installed as /usr/local/bin/docker-entrypoint.sh).
# A small stand-in for the official mysql/mariadb images' entrypoint, so Testcontainers'
# MySqlContainer (MYSQL_* variables) and MariaDbContainer (MARIADB_* variables) work:
# on first start it initialises the data dir and creates root/database/user, then it
# execs mariadbd listening on 0.0.0.0:3306.
set -euo pipefail

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

log() { echo "entrypoint: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# `docker run IMAGE mariadbd --opt` and `docker run IMAGE --opt` both start the server;
# anything else (`bash`, `mariadb -h ...`) is run as-is, for debugging.
if [[ ${1:-} == mariadbd || ${1:-} == mysqld ]]; then shift; fi
if [[ $# -gt 0 && $1 != -* ]]; then exec "$@"; fi

# Accept the official mariadb image's MARIADB_* names as aliases of MYSQL_*.
ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD:-${MARIADB_ROOT_PASSWORD:-}}
ALLOW_EMPTY=${MYSQL_ALLOW_EMPTY_PASSWORD:-${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:-}}
DATABASE=${MYSQL_DATABASE:-${MARIADB_DATABASE:-}}
USER_NAME=${MYSQL_USER:-${MARIADB_USER:-}}
USER_PASSWORD=${MYSQL_PASSWORD:-${MARIADB_PASSWORD:-}}

# Escape for use inside '...' string literals and `...` identifiers in SQL.
sql_str() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\\\'}"; }
# shellcheck disable=SC2016 # the backticks are literal SQL identifier quotes
sql_id() { printf '`%s`' "${1//\`/\`\`}"; }

init_datadir() {
  if [[ -z $ROOT_PASSWORD && -z $ALLOW_EMPTY ]]; then
    die "database is uninitialized and no root password given; set MYSQL_ROOT_PASSWORD or MYSQL_ALLOW_EMPTY_PASSWORD=yes"
  fi
  [[ $USER_NAME != root ]] || die "MYSQL_USER=root is not allowed; use MYSQL_ROOT_PASSWORD for root"

  log "initialising database in $DATADIR"
  mariadb-install-db --user=mysql --datadir="$DATADIR" --skip-test-db \
    --auth-root-authentication-method=normal --skip-name-resolve >/dev/null

  # Temporary server on the socket only, so nobody (e.g. a Testcontainers port check)
  # can connect over TCP before the accounts below exist.
  mariadbd --user=mysql --datadir="$DATADIR" --skip-networking --socket="$SOCKET" &
  local pid=$! i
  for ((i = 0; i < 60; i++)); do
    mariadb --protocol=socket --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || die "temporary server exited during initialisation"
    sleep 0.5
  done
  ((i < 60)) || die "temporary server did not start within 30s"

  local pw
  pw=$(sql_str "$ROOT_PASSWORD")
  {
    # mariadb-install-db also creates anonymous users and password-less root@127.0.0.1,
    # root@::1 and root@<hostname>; drop them like the official image does.
    echo "DELETE FROM mysql.global_priv WHERE User NOT IN ('root', 'mysql', 'mariadb.sys') OR (User = 'root' AND Host <> 'localhost');"
    echo "DELETE FROM mysql.proxies_priv WHERE NOT (User = 'root' AND Host = 'localhost');"
    echo "FLUSH PRIVILEGES;"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $pw;"
    echo "CREATE USER 'root'@'%' IDENTIFIED BY $pw;"
    echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    if [[ -n $DATABASE ]]; then
      echo "CREATE DATABASE IF NOT EXISTS $(sql_id "$DATABASE");"
    fi
    if [[ -n $USER_NAME ]]; then
      echo "CREATE USER $(sql_str "$USER_NAME")@'%' IDENTIFIED BY $(sql_str "$USER_PASSWORD");"
      if [[ -n $DATABASE ]]; then
        echo "GRANT ALL ON $(sql_id "$DATABASE").* TO $(sql_str "$USER_NAME")@'%';"
      fi
    fi
  } | mariadb --protocol=socket --socket="$SOCKET" -uroot

  # Optional init scripts, as in the official image (run in MYSQL_DATABASE, if any).
  local f
  for f in /docker-entrypoint-initdb.d/*.sql; do
    [[ -e $f ]] || continue
    log "running $f"
    # MYSQL_PWD rather than -p: an empty -p would prompt for a password.
    MYSQL_PWD=$ROOT_PASSWORD mariadb --protocol=socket --socket="$SOCKET" -uroot ${DATABASE:+"$DATABASE"} <"$f"
  done

  kill -TERM "$pid"
  wait "$pid" || die "temporary server did not shut down cleanly"
  log "initialisation done"
}

mkdir -p /run/mysqld "$DATADIR"
chown mysql:mysql /run/mysqld "$DATADIR"

if [[ ! -d $DATADIR/mysql ]]; then
  init_datadir
fi

# mariadbd logs to stderr (no log_error set), so "ready for connections" shows in `docker logs`.
exec mariadbd --user=mysql --datadir="$DATADIR" --socket="$SOCKET" --bind-address=0.0.0.0 "$@"
