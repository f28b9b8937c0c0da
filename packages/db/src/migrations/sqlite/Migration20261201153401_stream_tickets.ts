import { Migration } from '@mikro-orm/migrations';

export class Migration20261201153401_stream_tickets extends Migration {
  override name = 'Migration20261201153401_stream_tickets';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`stream_tickets\` (\`id\` text not null primary key, \`session_id\` text not null, \`expires_at\` datetime not null, constraint \`stream_tickets_session_id_foreign\` foreign key (\`session_id\`) references \`auth_sessions\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`stream_tickets_session_id_index\` on \`stream_tickets\` (\`session_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`stream_tickets\`;`);
  }
}
