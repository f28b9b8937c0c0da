import { Migration } from '@mikro-orm/migrations';
import { insertIgnoreIn } from '../../queries/dialect.ts';
import { backfillHandles } from '../backfill-handles.ts';

/** Handles (derived for existing accounts) and the terms names are found by. */
export class Migration20261207020758_handles_search extends Migration {
  override name = 'Migration20261207020758_handles_search';

  override async up(): Promise<void> {
    const run = (sql: string, params?: unknown[]) => this.execute(sql, params);
    await run(
      'create table `user_search_terms` (`term` varchar(50) not null, `user_id` int unsigned not null, primary key (`term`, `user_id`), index `user_search_terms_user_id_term_index` (`user_id`, `term`)) default character set utf8mb4 engine = InnoDB;',
    );
    await run('alter table `users` add `username` varchar(30) null, add `username_key` varchar(30) null;');
    await backfillHandles(run, insertIgnoreIn('mysql'));
    await run(
      'alter table `users` modify `username` varchar(30) not null, modify `username_key` varchar(30) not null, ' +
        'add unique `users_username_key_unique` (`username_key`);',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `user_search_terms`;');
    this.addSql(
      'alter table `users` drop index `users_username_key_unique`, drop column `username`, drop column `username_key`;',
    );
  }
}
