import { Migration } from '@mikro-orm/migrations';

/** The session epoch and the processes that remember session checks (`queries/sessions.ts`). */
export class Migration20261207044646_session_epoch extends Migration {
  override name = 'Migration20261207044646_session_epoch';

  override up(): void {
    this.addSql(
      'create table `server_instances` (`id` varchar(36) not null, `seen_epoch` bigint not null, `seen_at_ms` bigint not null, primary key (`id`)) default character set utf8mb4 engine = InnoDB;',
    );
    this.addSql(
      'create table `session_epoch` (`id` int unsigned not null, `epoch` bigint not null, primary key (`id`)) default character set utf8mb4 engine = InnoDB;',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `server_instances`;');
    this.addSql('drop table if exists `session_epoch`;');
  }
}
