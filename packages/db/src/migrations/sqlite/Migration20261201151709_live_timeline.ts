import { Migration } from '@mikro-orm/migrations';

export class Migration20261201151709_live_timeline extends Migration {
  override name = 'Migration20261201151709_live_timeline';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`timeline_events\` (\`id\` integer not null primary key autoincrement, \`seq\` integer null, \`kind\` text not null, \`user_id\` integer not null, \`subject_id\` integer not null, \`logged_at\` datetime not null);`,
    );
    this.addSql(`create unique index \`timeline_events_seq_unique\` on \`timeline_events\` (\`seq\`);`);

    this.addSql(
      `create table \`timeline_sequence\` (\`id\` integer not null primary key, \`last_seq\` integer not null, \`pruned_through\` integer not null);`,
    );

    this.addSql(
      `create trigger \`tweet_written_log\` AFTER INSERT on \`tweets\` for each ROW begin insert into timeline_events (kind, user_id, subject_id, logged_at) values ('tweet', new.user_id, new.id, current_timestamp); end;`,
    );
    this.addSql(
      `create trigger \`tweet_deleted_log\` AFTER DELETE on \`tweets\` for each ROW begin insert into timeline_events (kind, user_id, subject_id, logged_at) values ('delete', old.user_id, old.id, current_timestamp); end;`,
    );

    this.addSql(
      `create trigger \`follow_made_log\` AFTER INSERT on \`users_follow_list\` for each ROW begin insert into timeline_events (kind, user_id, subject_id, logged_at) values ('follow', new.user_id, new.follow_user_id, current_timestamp); end;`,
    );
    this.addSql(
      `create trigger \`follow_ended_log\` AFTER DELETE on \`users_follow_list\` for each ROW begin insert into timeline_events (kind, user_id, subject_id, logged_at) values ('unfollow', old.user_id, old.follow_user_id, current_timestamp); end;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`timeline_events\`;`);
    this.addSql(`drop table if exists \`timeline_sequence\`;`);

    this.addSql(`drop trigger if exists \`tweet_written_log\`;`);
    this.addSql(`drop trigger if exists \`tweet_deleted_log\`;`);

    this.addSql(`drop trigger if exists \`follow_made_log\`;`);
    this.addSql(`drop trigger if exists \`follow_ended_log\`;`);
  }
}
