import { Migration } from '@mikro-orm/migrations';

export class Migration20261126133524_initial extends Migration {
  override name = 'Migration20261126133524_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`users\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(50) not null, \`email\` varchar(255) not null, \`hashed_password\` varchar(255) not null, \`profile\` varchar(2000) not null default '', \`profile_picture\` varchar(255) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`users\` add unique \`users_email_unique\` (\`email\`);`);

    this.addSql(
      `create table \`tweets\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`tweet\` varchar(300) not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`tweets\` add index \`tweets_user_id_id_index\` (\`user_id\`, \`id\`);`);

    this.addSql(
      `create table \`users_follow_list\` (\`user_id\` int unsigned not null, \`follow_user_id\` int unsigned not null, \`created_at\` datetime(3) not null, primary key (\`user_id\`, \`follow_user_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`users_follow_list\` add index \`users_follow_list_follow_user_id_created_at_index\` (\`follow_user_id\`, \`created_at\`);`,
    );

    this.addSql(
      `alter table \`tweets\` add constraint \`tweets_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`,
    );

    this.addSql(
      `alter table \`users_follow_list\` add constraint \`users_follow_list_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table \`users_follow_list\` add constraint \`users_follow_list_follow_user_id_foreign\` foreign key (\`follow_user_id\`) references \`users\` (\`id\`) on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`tweets\` drop foreign key \`tweets_user_id_foreign\`;`);
    this.addSql(`alter table \`users_follow_list\` drop foreign key \`users_follow_list_user_id_foreign\`;`);
    this.addSql(`alter table \`users_follow_list\` drop foreign key \`users_follow_list_follow_user_id_foreign\`;`);

    this.addSql(`drop table if exists \`users\`;`);
    this.addSql(`drop table if exists \`tweets\`;`);
    this.addSql(`drop table if exists \`users_follow_list\`;`);
  }
}
