import { Migration } from '@mikro-orm/migrations';

/**
 * Replies (`entities/tweet.ts`): what a tweet answers, its indexes, and the reply counts
 * (`entities/tweet-stats.ts`) with their triggers. The new author index is made before the old one
 * goes: the foreign key on `user_id` needs one at every moment.
 */
export class Migration20261207233704_replies extends Migration {
  override name = 'Migration20261207233704_replies';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`tweet_stats\` add \`reply_count\` int not null default 0;`);

    this.addSql(`alter table \`tweets\` add \`in_reply_to_id\` int null, add \`in_reply_to_user_id\` int null;`);
    this.addSql(
      `alter table \`tweets\` add index \`tweets_user_id_id_in_reply_to_user_id_index\` (\`user_id\`, \`id\`, \`in_reply_to_user_id\`);`,
    );
    this.addSql(`alter table \`tweets\` drop index \`tweets_user_id_id_index\`;`);
    this.addSql(`alter table \`tweets\` add index \`tweets_in_reply_to_id_id_index\` (\`in_reply_to_id\`, \`id\`);`);
    this.addSql(
      `create trigger \`reply_counted\` AFTER INSERT on \`tweets\` for each ROW begin update tweet_stats set reply_count = reply_count + 1 where tweet_id = new.in_reply_to_id; end;`,
    );
    this.addSql(
      `create trigger \`reply_uncounted\` AFTER DELETE on \`tweets\` for each ROW begin update tweet_stats set reply_count = reply_count - 1 where tweet_id = old.in_reply_to_id; end;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`reply_counted\`;`);
    this.addSql(`drop trigger if exists \`reply_uncounted\`;`);
    this.addSql(`alter table \`tweets\` add index \`tweets_user_id_id_index\` (\`user_id\`, \`id\`);`);
    this.addSql(`alter table \`tweets\` drop index \`tweets_user_id_id_in_reply_to_user_id_index\`;`);
    this.addSql(`alter table \`tweets\` drop index \`tweets_in_reply_to_id_id_index\`;`);
    this.addSql(`alter table \`tweets\` drop column \`in_reply_to_id\`, drop column \`in_reply_to_user_id\`;`);

    this.addSql(`alter table \`tweet_stats\` drop column \`reply_count\`;`);
  }
}
