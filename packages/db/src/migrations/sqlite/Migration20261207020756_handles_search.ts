import { Migration } from '@mikro-orm/migrations';
import { insertIgnoreIn } from '../../queries/dialect.ts';
import { backfillHandles } from '../backfill-handles.ts';

/**
 * Handles (derived for existing accounts) and the terms names are found by. SQLite cannot make a
 * column required in place: the table is rebuilt once the handles are written (`migrateSqlite` runs
 * migrations with foreign keys off, so dropping the old table cascades nowhere).
 */
export class Migration20261207020756_handles_search extends Migration {
  override name = 'Migration20261207020756_handles_search';

  override async up(): Promise<void> {
    const run = (sql: string, params?: unknown[]) => this.execute(sql, params);
    await run(
      'create table `user_search_terms` (`term` text not null, `user_id` integer not null, primary key (`term`, `user_id`));',
    );
    await run('create index `user_search_terms_user_id_term_index` on `user_search_terms` (`user_id`, `term`);');
    await run('alter table `users` add column `username` text null;');
    await run('alter table `users` add column `username_key` text null;');
    await backfillHandles(run, insertIgnoreIn('sqlite'));
    this.addSql(
      "create table `users__temp_alter` (`id` integer not null primary key autoincrement, `name` text not null, `username` text not null, `username_key` text not null, `email` text not null, `hashed_password` text not null, `profile` text not null default '', `profile_picture` text null, `created_at` datetime not null, `updated_at` datetime not null);",
    );
    this.addSql(
      'insert into `users__temp_alter` select `id`, `name`, `username`, `username_key`, `email`, `hashed_password`, `profile`, `profile_picture`, `created_at`, `updated_at` from `users`;',
    );
    this.addSql('drop table `users`;');
    this.addSql('alter table `users__temp_alter` rename to `users`;');
    this.addSql('create unique index `users_username_key_unique` on `users` (`username_key`);');
    this.addSql('create unique index `users_email_unique` on `users` (`email`);');
  }

  override down(): void {
    this.addSql('drop table if exists `user_search_terms`;');
    this.addSql('drop index `users_username_key_unique`;');
    this.addSql('alter table `users` drop column `username`;');
    this.addSql('alter table `users` drop column `username_key`;');
  }
}
