import { Migration } from '@mikro-orm/migrations';

export class Migration20261201151709_live_timeline extends Migration {
  override name = 'Migration20261201151709_live_timeline';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`timeline_events\` (\`id\` int unsigned not null auto_increment primary key, \`seq\` int null, \`kind\` varchar(8) not null, \`user_id\` int not null, \`subject_id\` int not null, \`logged_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`timeline_events\` add unique \`timeline_events_seq_unique\` (\`seq\`);`);

    this.addSql(
      `create table \`timeline_sequence\` (\`id\` int unsigned not null, \`last_seq\` int not null, \`pruned_through\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
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
