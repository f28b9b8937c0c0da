import { Migration } from '@mikro-orm/migrations';

/** OAuth 2 for Mastodon apps: applications, authorization codes, app tokens; sessions gain an application and scopes. */
export class Migration20261207143256_oauth extends Migration {
  override name = 'Migration20261207143256_oauth';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`oauth_applications\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(255) not null, \`website\` varchar(2000) null, \`redirect_uris\` text not null, \`scopes\` varchar(1000) not null, \`client_id\` varchar(64) not null, \`client_secret_hash\` varchar(64) not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`oauth_applications\` add unique \`oauth_applications_client_id_unique\` (\`client_id\`);`,
    );

    this.addSql(
      `create table \`oauth_app_tokens\` (\`id\` varchar(64) not null, \`application_id\` int unsigned not null, \`scopes\` varchar(1000) not null, \`created_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`oauth_app_tokens\` add index \`oauth_app_tokens_application_id_index\` (\`application_id\`);`,
    );

    this.addSql(
      `create table \`oauth_authorization_codes\` (\`id\` varchar(64) not null, \`application_id\` int unsigned not null, \`user_id\` int unsigned not null, \`redirect_uri\` text not null, \`scopes\` varchar(1000) not null, \`code_challenge\` varchar(128) null, \`expires_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`oauth_authorization_codes\` add index \`oauth_authorization_codes_application_id_index\` (\`application_id\`);`,
    );
    this.addSql(
      `alter table \`oauth_authorization_codes\` add index \`oauth_authorization_codes_user_id_index\` (\`user_id\`);`,
    );

    this.addSql(`alter table \`users\` modify \`profile\` varchar(2000) not null default '';`);
    this.addSql(`alter table \`users\` modify \`profile_picture\` varchar(255) null;`);

    this.addSql(
      `alter table \`auth_sessions\` add \`application_id\` int unsigned null, add \`scopes\` varchar(1000) null, add \`last_used_at\` datetime(3) null;`,
    );
    this.addSql(
      `alter table \`auth_sessions\` add constraint \`auth_sessions_application_id_foreign\` foreign key (\`application_id\`) references \`oauth_applications\` (\`id\`) on delete cascade;`,
    );
    this.addSql(`alter table \`auth_sessions\` add index \`auth_sessions_application_id_index\` (\`application_id\`);`);

    this.addSql(
      `alter table \`oauth_app_tokens\` add constraint \`oauth_app_tokens_application_id_foreign\` foreign key (\`application_id\`) references \`oauth_applications\` (\`id\`) on delete cascade;`,
    );

    this.addSql(
      `alter table \`oauth_authorization_codes\` add constraint \`oauth_authorization_codes_application_id_foreign\` foreign key (\`application_id\`) references \`oauth_applications\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`oauth_authorization_codes\` add constraint \`oauth_authorization_codes_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`oauth_app_tokens\` drop foreign key \`oauth_app_tokens_application_id_foreign\`;`);
    this.addSql(`alter table \`auth_sessions\` drop foreign key \`auth_sessions_application_id_foreign\`;`);
    this.addSql(
      `alter table \`oauth_authorization_codes\` drop foreign key \`oauth_authorization_codes_application_id_foreign\`;`,
    );

    this.addSql(`drop table if exists \`oauth_applications\`;`);
    this.addSql(`drop table if exists \`oauth_app_tokens\`;`);
    this.addSql(`drop table if exists \`oauth_authorization_codes\`;`);

    this.addSql(`alter table \`auth_sessions\` drop index \`auth_sessions_application_id_index\`;`);
    this.addSql(
      `alter table \`auth_sessions\` drop column \`application_id\`, drop column \`scopes\`, drop column \`last_used_at\`;`,
    );

    this.addSql(`alter table \`users\` modify \`profile\` varchar(2000) not null default '\\'\\'';`);
    this.addSql(`alter table \`users\` modify \`profile_picture\` varchar(255) null default 'NULL';`);
  }
}
