import { Migration } from '@mikro-orm/migrations';

/** Replies (`entities/tweet.ts`): what a tweet answers, its indexes, and the reply counts with their triggers. */
export class Migration20261207233703_replies extends Migration {
  override name = 'Migration20261207233703_replies';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`tweet_stats\` add column \`reply_count\` integer not null default 0;`);

    this.addSql(`drop index \`tweets_user_id_id_index\`;`);
    this.addSql(`alter table \`tweets\` add column \`in_reply_to_id\` integer null;`);
    this.addSql(`alter table \`tweets\` add column \`in_reply_to_user_id\` integer null;`);
    this.addSql(
      `create index \`tweets_user_id_id_in_reply_to_user_id_index\` on \`tweets\` (\`user_id\`, \`id\`, \`in_reply_to_user_id\`);`,
    );
    this.addSql(`create index \`tweets_in_reply_to_id_id_index\` on \`tweets\` (\`in_reply_to_id\`, \`id\`);`);
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
    this.addSql(`alter table \`tweet_stats\` drop column \`reply_count\`;`);

    this.addSql(`drop index \`tweets_user_id_id_in_reply_to_user_id_index\`;`);
    this.addSql(`drop index \`tweets_in_reply_to_id_id_index\`;`);
    this.addSql(`alter table \`tweets\` drop column \`in_reply_to_id\`;`);
    this.addSql(`alter table \`tweets\` drop column \`in_reply_to_user_id\`;`);
    this.addSql(`create index \`tweets_user_id_id_index\` on \`tweets\` (\`user_id\`, \`id\`);`);
  }
}
