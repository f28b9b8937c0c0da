import { Migration } from '@mikro-orm/migrations';

export class Migration20261201153402_stream_tickets extends Migration {
  override name = 'Migration20261201153402_stream_tickets';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`stream_tickets\` (\`id\` varchar(64) not null, \`session_id\` varchar(32) not null, \`expires_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`stream_tickets\` add index \`stream_tickets_session_id_index\` (\`session_id\`);`);

    this.addSql(
      `alter table \`stream_tickets\` add constraint \`stream_tickets_session_id_foreign\` foreign key (\`session_id\`) references \`auth_sessions\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`stream_tickets\`;`);
  }
}
