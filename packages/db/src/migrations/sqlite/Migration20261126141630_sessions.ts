import { Migration } from '@mikro-orm/migrations';

export class Migration20261126141630_sessions extends Migration {
  override name = 'Migration20261126141630_sessions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`auth_sessions\` (\`id\` text not null primary key, \`user_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`auth_sessions_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`auth_sessions_user_id_index\` on \`auth_sessions\` (\`user_id\`);`);
    this.addSql(`create index \`auth_sessions_expires_at_index\` on \`auth_sessions\` (\`expires_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`auth_sessions\`;`);
  }
}
