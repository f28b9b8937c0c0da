import { Migration } from '@mikro-orm/migrations';

/** Likes (`entities/like.ts`) and tweets' counts (`entities/tweet-stats.ts`), with the triggers that keep them. */
export class Migration20261207213723_likes extends Migration {
  override name = 'Migration20261207213723_likes';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`tweet_stats\` (\`tweet_id\` int unsigned not null, \`like_count\` int not null default 0, primary key (\`tweet_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`tweet_likes\` (\`id\` int unsigned not null auto_increment primary key, \`user_id\` int unsigned not null, \`tweet_id\` int unsigned not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`tweet_likes\` add index \`tweet_likes_user_id_id_index\` (\`user_id\`, \`id\`);`);
    this.addSql(`alter table \`tweet_likes\` add index \`tweet_likes_tweet_id_id_index\` (\`tweet_id\`, \`id\`);`);
    this.addSql(
      `alter table \`tweet_likes\` add unique \`tweet_likes_user_id_tweet_id_unique\` (\`user_id\`, \`tweet_id\`);`,
    );

    this.addSql(
      `create trigger \`tweet_likes_deleted\` AFTER DELETE on \`tweets\` for each ROW begin delete from tweet_likes where tweet_id = old.id; end;`,
    );
    this.addSql(
      `create trigger \`tweet_stats_deleted\` AFTER DELETE on \`tweets\` for each ROW begin delete from tweet_stats where tweet_id = old.id; end;`,
    );

    this.addSql(
      `alter table \`tweet_likes\` add constraint \`tweet_likes_user_id_foreign\` foreign key (\`user_id\`) references \`users\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`tweet_likes\` add constraint \`tweet_likes_tweet_id_foreign\` foreign key (\`tweet_id\`) references \`tweets\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `create trigger \`like_counted\` AFTER INSERT on \`tweet_likes\` for each ROW begin update tweet_stats set like_count = like_count + 1 where tweet_id = new.tweet_id; end;`,
    );
    this.addSql(
      `create trigger \`like_uncounted\` AFTER DELETE on \`tweet_likes\` for each ROW begin update tweet_stats set like_count = like_count - 1 where tweet_id = old.tweet_id; end;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`tweet_stats\`;`);
    this.addSql(`drop trigger if exists \`like_counted\`;`);
    this.addSql(`drop trigger if exists \`like_uncounted\`;`);
    this.addSql(`drop table if exists \`tweet_likes\`;`);

    this.addSql(`drop trigger if exists \`tweet_likes_deleted\`;`);
    this.addSql(`drop trigger if exists \`tweet_stats_deleted\`;`);
  }
}
