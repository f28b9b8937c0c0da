import { Migration } from '@mikro-orm/migrations';

export class Migration20261126133523_initial extends Migration {
  override name = 'Migration20261126133523_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`users\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`email\` text not null, \`hashed_password\` text not null, \`profile\` text not null default '', \`profile_picture\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`,
    );
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);

    this.addSql(
      `create table \`tweets\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer not null, \`tweet\` text not null, \`created_at\` datetime not null, constraint \`tweets_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`tweets_user_id_id_index\` on \`tweets\` (\`user_id\`, \`id\`);`);

    this.addSql(
      `create table \`users_follow_list\` (\`user_id\` integer not null, \`follow_user_id\` integer not null, \`created_at\` datetime not null, primary key (\`user_id\`, \`follow_user_id\`), constraint \`users_follow_list_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade, constraint \`users_follow_list_follow_user_id_foreign\` foreign key (\`follow_user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade);`,
    );
    this.addSql(
      `create index \`users_follow_list_follow_user_id_created_at_index\` on \`users_follow_list\` (\`follow_user_id\`, \`created_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`users\`;`);
    this.addSql(`drop table if exists \`tweets\`;`);
    this.addSql(`drop table if exists \`users_follow_list\`;`);
  }
}
