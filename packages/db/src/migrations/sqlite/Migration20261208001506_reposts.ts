import { Migration } from '@mikro-orm/migrations';

/** Reposts (`entities/tweet.ts`: a tweet row that passes another on), one per user and tweet, and their counts with the triggers that keep them. */
export class Migration20261208001506_reposts extends Migration {
  override name = 'Migration20261208001506_reposts';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`tweet_stats\` add column \`repost_count\` integer not null default 0;`);

    this.addSql(`alter table \`tweets\` add column \`repost_of_id\` integer null;`);
    this.addSql(`alter table \`tweets\` add column \`repost_of_user_id\` integer null;`);
    this.addSql(
      `create unique index \`tweets_repost_of_id_user_id_unique\` on \`tweets\` (\`repost_of_id\`, \`user_id\`);`,
    );
    this.addSql(
      `create trigger \`repost_counted\` AFTER INSERT on \`tweets\` for each ROW begin update tweet_stats set repost_count = repost_count + 1 where tweet_id = new.repost_of_id; end;`,
    );
    this.addSql(
      `create trigger \`repost_uncounted\` AFTER DELETE on \`tweets\` for each ROW begin update tweet_stats set repost_count = repost_count - 1 where tweet_id = old.repost_of_id; end;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`repost_counted\`;`);
    this.addSql(`drop trigger if exists \`repost_uncounted\`;`);
    this.addSql(`drop index \`tweets_repost_of_id_user_id_unique\`;`);
    this.addSql(`alter table \`tweets\` drop column \`repost_of_id\`;`);
    this.addSql(`alter table \`tweets\` drop column \`repost_of_user_id\`;`);
    this.addSql(`alter table \`tweet_stats\` drop column \`repost_count\`;`);
  }
}
