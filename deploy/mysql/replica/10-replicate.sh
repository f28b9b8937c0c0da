# shellcheck shell=bash
# compose.yaml's mysql-replica (mysql:8.4): replicate mysql-primary by GTID auto-position, from its
# first transaction (the miniter database and users included), over TLS (MySQL's own generated
# certificates), then read-only for everyone but replication. Sourced (hence not executable) by the
# image's entrypoint on the first start, on an empty data directory; docker_process_sql is the
# entrypoint's own. The source is remembered in the data directory, so later starts replicate by
# themselves. read_only and super_read_only are persisted (mysqld-auto.cnf) rather than given on the
# command line, which would make the entrypoint's own set-up fail.
#
# Verified here: nothing (no mysql:8.4 image can be pulled here); the same GTID set-up runs for real
# on MariaDB in the cluster test suite (packages/db/src/testing/replica-set.ts).
docker_process_sql <<-SQL
	CHANGE REPLICATION SOURCE TO
	  SOURCE_HOST = 'mysql-primary',
	  SOURCE_PORT = 3306,
	  SOURCE_USER = 'repl',
	  SOURCE_PASSWORD = '${MYSQL_REPLICATION_PASSWORD:?}',
	  SOURCE_AUTO_POSITION = 1,
	  SOURCE_SSL = 1,
	  SOURCE_CONNECT_RETRY = 5;
	START REPLICA;
	SET PERSIST read_only = ON;
	SET PERSIST super_read_only = ON;
SQL
