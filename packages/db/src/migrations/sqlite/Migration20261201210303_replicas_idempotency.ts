import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210303_replicas_idempotency extends Migration {
  override name = 'Migration20261201210303_replicas_idempotency';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`idempotency_keys\` (\`user_id\` integer not null, \`idem_key\` text not null, \`fingerprint\` text not null, \`response\` text not null, \`created_at\` datetime not null, primary key (\`user_id\`, \`idem_key\`));`,
    );

    this.addSql(
      `create table \`replication_heartbeat\` (\`id\` integer not null primary key, \`beat_ms\` bigint not null);`,
    );

    this.addSql(
      `create index \`timeline_events_user_id_logged_at_index\` on \`timeline_events\` (\`user_id\`, \`logged_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`idempotency_keys\`;`);
    this.addSql(`drop table if exists \`replication_heartbeat\`;`);

    this.addSql(`drop index \`timeline_events_user_id_logged_at_index\`;`);
  }
}
