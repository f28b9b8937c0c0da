import { Migration } from '@mikro-orm/migrations';

export class Migration20261126141631_sessions extends Migration {
  override name = 'Migration20261126141631_sessions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`auth_sessions\` (\`id\` varchar(32) not null, \`user_id\` int unsigned not null, \`created_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`auth_sessions\` add index \`auth_sessions_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`auth_sessions\` add index \`auth_sessions_expires_at_index\` (\`expires_at\`);`);

    this.addSql(
      `alter table \`auth_sessions\` add constraint \`auth_sessions_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`auth_sessions\`;`);
  }
}
