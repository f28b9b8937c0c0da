import { Migration } from '@mikro-orm/migrations';

/** OAuth 2 for Mastodon apps: applications, authorization codes, app tokens; sessions gain an application and scopes. */
export class Migration20261207143255_oauth extends Migration {
  override name = 'Migration20261207143255_oauth';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`oauth_applications\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`website\` text null, \`redirect_uris\` text not null, \`scopes\` text not null, \`client_id\` text not null, \`client_secret_hash\` text not null, \`created_at\` datetime not null);`,
    );
    this.addSql(
      `create unique index \`oauth_applications_client_id_unique\` on \`oauth_applications\` (\`client_id\`);`,
    );

    this.addSql(
      `create table \`oauth_app_tokens\` (\`id\` text not null primary key, \`application_id\` integer not null, \`scopes\` text not null, \`created_at\` datetime not null, constraint \`oauth_app_tokens_application_id_foreign\` foreign key (\`application_id\`) references \`oauth_applications\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`oauth_app_tokens_application_id_index\` on \`oauth_app_tokens\` (\`application_id\`);`);

    this.addSql(
      `create table \`oauth_authorization_codes\` (\`id\` text not null primary key, \`application_id\` integer not null, \`user_id\` integer not null, \`redirect_uri\` text not null, \`scopes\` text not null, \`code_challenge\` text null, \`expires_at\` datetime not null, constraint \`oauth_authorization_codes_application_id_foreign\` foreign key (\`application_id\`) references \`oauth_applications\` (\`id\`) on delete cascade, constraint \`oauth_authorization_codes_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade);`,
    );
    this.addSql(
      `create index \`oauth_authorization_codes_application_id_index\` on \`oauth_authorization_codes\` (\`application_id\`);`,
    );
    this.addSql(
      `create index \`oauth_authorization_codes_user_id_index\` on \`oauth_authorization_codes\` (\`user_id\`);`,
    );

    this.addSql(
      `alter table \`auth_sessions\` add column \`application_id\` integer null constraint \`auth_sessions_application_id_foreign\` references \`oauth_applications\` (\`id\`) on delete cascade;`,
    );
    this.addSql(`alter table \`auth_sessions\` add column \`scopes\` text null;`);
    this.addSql(`alter table \`auth_sessions\` add column \`last_used_at\` datetime null;`);
    this.addSql(`create index \`auth_sessions_application_id_index\` on \`auth_sessions\` (\`application_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`oauth_applications\`;`);
    this.addSql(`drop table if exists \`oauth_app_tokens\`;`);
    this.addSql(`drop table if exists \`oauth_authorization_codes\`;`);

    this.addSql(`drop index \`auth_sessions_application_id_index\`;`);
    this.addSql(`alter table \`auth_sessions\` drop column \`application_id\`;`);
    this.addSql(`alter table \`auth_sessions\` drop column \`scopes\`;`);
    this.addSql(`alter table \`auth_sessions\` drop column \`last_used_at\`;`);
  }
}
