import { Migration } from '@mikro-orm/migrations';

/** The session epoch and the processes that remember session checks (`queries/sessions.ts`). */
export class Migration20261207044642_session_epoch extends Migration {
  override name = 'Migration20261207044642_session_epoch';

  override up(): void {
    this.addSql(
      'create table `server_instances` (`id` text not null primary key, `seen_epoch` bigint not null, `seen_at_ms` bigint not null);',
    );
    this.addSql('create table `session_epoch` (`id` integer not null primary key, `epoch` bigint not null);');
  }

  override down(): void {
    this.addSql('drop table if exists `server_instances`;');
    this.addSql('drop table if exists `session_epoch`;');
  }
}
