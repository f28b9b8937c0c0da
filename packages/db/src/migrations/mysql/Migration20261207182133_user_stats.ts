import { Migration } from '@mikro-orm/migrations';
import { backfillUserStats } from '../backfill-user-stats.ts';

/** Users' counts (`entities/user-stats.ts`): the table, filled from the rows, then the triggers that keep it. */
export class Migration20261207182133_user_stats extends Migration {
  override name = 'Migration20261207182133_user_stats';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`user_stats\` (\`user_id\` int unsigned not null, \`follower_count\` int not null default 0, \`following_count\` int not null default 0, \`tweet_count\` int not null default 0, \`last_tweet_at\` datetime(3) null, primary key (\`user_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(backfillUserStats);

    this.addSql(
      `create trigger \`user_stats_created\` AFTER INSERT on \`users\` for each ROW begin insert into user_stats (user_id) values (new.id); end;`,
    );
    this.addSql(
      `create trigger \`user_stats_deleted\` AFTER DELETE on \`users\` for each ROW begin delete from user_stats where user_id = old.id; end;`,
    );

    this.addSql(
      `create trigger \`tweet_counted\` AFTER INSERT on \`tweets\` for each ROW begin update user_stats set tweet_count = tweet_count + 1, last_tweet_at = new.created_at where user_id = new.user_id; end;`,
    );
    this.addSql(
      `create trigger \`tweet_uncounted\` AFTER DELETE on \`tweets\` for each ROW begin update user_stats set tweet_count = tweet_count - 1 where user_id = old.user_id; end;`,
    );

    this.addSql(
      `create trigger \`follow_counted\` AFTER INSERT on \`users_follow_list\` for each ROW begin update user_stats set follower_count = follower_count + (user_id = new.follow_user_id), following_count = following_count + (user_id = new.user_id) where user_id in (new.user_id, new.follow_user_id); end;`,
    );
    this.addSql(
      `create trigger \`follow_uncounted\` AFTER DELETE on \`users_follow_list\` for each ROW begin update user_stats set follower_count = follower_count - (user_id = old.follow_user_id), following_count = following_count - (user_id = old.user_id) where user_id in (old.user_id, old.follow_user_id); end;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`user_stats\`;`);

    this.addSql(`drop trigger if exists \`tweet_counted\`;`);
    this.addSql(`drop trigger if exists \`tweet_uncounted\`;`);

    this.addSql(`drop trigger if exists \`user_stats_created\`;`);
    this.addSql(`drop trigger if exists \`user_stats_deleted\`;`);

    this.addSql(`drop trigger if exists \`follow_counted\`;`);
    this.addSql(`drop trigger if exists \`follow_uncounted\`;`);
  }
}
