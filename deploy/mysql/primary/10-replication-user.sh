# shellcheck shell=bash
# compose.yaml's mysql-primary (mysql:8.4): the user its replica replicates as. Sourced (hence not
# executable) by the image's entrypoint on the first start, on an empty data directory, after it
# created MYSQL_DATABASE and MYSQL_USER; docker_process_sql is the entrypoint's own.
# Not binlog-free on purpose: the replica gets this user too, so that it can be promoted.
#
# Verified here: nothing (no mysql:8.4 image can be pulled here); the same GTID set-up runs for real
# on MariaDB in the cluster test suite (packages/db/src/testing/replica-set.ts).
docker_process_sql <<-SQL
	CREATE USER 'repl'@'%' IDENTIFIED BY '${MYSQL_REPLICATION_PASSWORD:?}' REQUIRE SSL;
	GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';
SQL
