/**
 * The live timeline's bus across instances: Redis pub/sub, one subscriber connection per process.
 * A message only says "the log has grown"; the hub reads what from the database. So a message lost
 * while Redis is down costs nothing but latency: each hub also reads the log on a timer.
 */
import type { LiveBus } from '@miniter/api';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

const channel = 'miniter:timeline';

export function redisLiveBus(url: string, logger: Logger): LiveBus {
  // Publishing fails at once while Redis is down rather than queueing; the subscriber reconnects and
  // subscribes again by itself (ioredis).
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  let warned = false;
  const warn = (error: unknown) => {
    if (warned) return;
    warned = true;
    logger.warn({ err: error }, 'live timeline: Redis unavailable, instances will catch up from the database');
  };
  for (const connection of [publisher, subscriber]) {
    connection.on('error', warn);
    connection.on('ready', () => {
      warned = false;
    });
  }
  return {
    publish(lastSeq) {
      publisher.publish(channel, String(lastSeq)).catch(warn);
    },
    subscribe(wake) {
      subscriber.on('message', wake);
      subscriber.subscribe(channel).catch(warn);
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
