import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210303_replicas_idempotency extends Migration {
  override name = 'Migration20261201210303_replicas_idempotency';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`idempotency_keys\` (\`user_id\` int unsigned not null, \`idem_key\` varchar(255) not null, \`fingerprint\` varchar(64) not null, \`response\` text not null, \`created_at\` datetime(3) not null, primary key (\`user_id\`, \`idem_key\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`replication_heartbeat\` (\`id\` int unsigned not null, \`beat_ms\` bigint not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `alter table \`timeline_events\` add index \`timeline_events_user_id_logged_at_index\` (\`user_id\`, \`logged_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`idempotency_keys\`;`);
    this.addSql(`drop table if exists \`replication_heartbeat\`;`);

    this.addSql(`alter table \`timeline_events\` drop index \`timeline_events_user_id_logged_at_index\`;`);
  }
}
