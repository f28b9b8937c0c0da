import { Migration } from '@mikro-orm/migrations';

/** Hashtags and mentions (`entities/tweet-entities.ts`), stored when a tweet is written, and the triggers that delete them with it. */
export class Migration20261207235332_mentions_hashtags extends Migration {
  override name = 'Migration20261207235332_mentions_hashtags';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`hashtags\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(300) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`hashtags\` add unique \`hashtags_name_unique\` (\`name\`);`);

    this.addSql(
      `create table \`tweet_hashtags\` (\`hashtag_id\` int unsigned not null, \`tweet_id\` int unsigned not null, primary key (\`hashtag_id\`, \`tweet_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`tweet_hashtags\` add index \`tweet_hashtags_tweet_id_index\` (\`tweet_id\`);`);

    this.addSql(
      `create table \`tweet_mentions\` (\`tweet_id\` int unsigned not null, \`user_id\` int unsigned not null, primary key (\`tweet_id\`, \`user_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`tweet_mentions\` add index \`tweet_mentions_user_id_tweet_id_index\` (\`user_id\`, \`tweet_id\`);`,
    );

    this.addSql(
      `create trigger \`tweet_hashtags_deleted\` AFTER DELETE on \`tweets\` for each ROW begin delete from tweet_hashtags where tweet_id = old.id; end;`,
    );
    this.addSql(
      `create trigger \`tweet_mentions_deleted\` AFTER DELETE on \`tweets\` for each ROW begin delete from tweet_mentions where tweet_id = old.id; end;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`tweet_hashtags_deleted\`;`);
    this.addSql(`drop trigger if exists \`tweet_mentions_deleted\`;`);
    this.addSql(`drop table if exists \`hashtags\`;`);
    this.addSql(`drop table if exists \`tweet_hashtags\`;`);
    this.addSql(`drop table if exists \`tweet_mentions\`;`);
  }
}
