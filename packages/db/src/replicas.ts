/**
 * Read replicas (`DATABASE_REPLICA_URLS`, MikroORM's `replicas`). MikroORM sends a read that asks for
 * a replica to a random one, with no health check. Here a replica gets reads only while it answers
 * and its lag, measured by a heartbeat row written through the primary, is within `maxLagMs`;
 * otherwise reads go to the primary. A read whose replica fails under it runs again on the primary.
 *
 * Which reads may go to a replica is the caller's choice, per entity manager (`readFromReplicas`):
 * only the queries that pass `readConnection(em)` ever do; everything else reads the primary.
 */
import type { ConnectionOptions, ConnectionType } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { type MySqlConnection, MySqlDriver } from '@mikro-orm/mysql';
import type { EntityManager } from '@mikro-orm/sql';
import { isDatabaseUnavailable } from './errors.ts';

export interface ReplicaOptions {
  /** `mysql://` or `mariadb://` URLs of the replicas. */
  urls: string[];
  /** A replica further behind the primary than this gets no reads. */
  maxLagMs: number;
}

/** How often each replica's lag is measured, and how long a measurement may take. */
const checkIntervalMs = 1000;
const checkTimeoutMs = 1000;

const readBeat = 'select beat_ms from replication_heartbeat where id = 1';
const writeBeat =
  'insert into replication_heartbeat (id, beat_ms) values (1, ?) on duplicate key update beat_ms = greatest(beat_ms, ?)';

/** `work`, or `timedOut` once it has taken `checkTimeoutMs`. */
async function within<T, U>(work: Promise<T>, timedOut: U): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<U>((resolve) => {
    timer = setTimeout(resolve, checkTimeoutMs, timedOut);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The heartbeat a server has; `'down'` when it cannot be reached, null when it is slow or failing. */
async function beatOf(connection: MySqlConnection): Promise<number | 'down' | null> {
  try {
    const rows = connection.execute<{ beat_ms: number | string }[]>(readBeat, [], 'all');
    const [row] = (await within(rows, null)) ?? [];
    return row ? Number(row.beat_ms) : null;
  } catch (error) {
    return isDatabaseUnavailable(error) ? 'down' : null;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a mixin's base must take `any[]` (TypeScript's rule)
type MySqlDriverClass = new (...args: any[]) => MySqlDriver;

function withReplicaRouting<T extends MySqlDriverClass>(Base: T, maxLagMs: number) {
  return class ReplicaRoutingDriver extends Base {
    /** The replicas fit to read from now. */
    fit: MySqlConnection[] = [];
    readonly maxLagMs = maxLagMs;
    #timer: NodeJS.Timeout | undefined;
    #checking = false;
    /** The primary's beat when last read, and when that was. */
    #primaryBeat: { beat: number; at: number } | null = null;
    /** `fit` holds until then, unless a check renews it. */
    #fitUntil = 0;

    /** Measures the replicas now and every `checkIntervalMs` until the ORM closes. */
    async watch(): Promise<void> {
      this.#timer ??= setInterval(() => void this.check(), checkIntervalMs).unref();
      await this.check();
    }

    override async close(force?: boolean) {
      clearInterval(this.#timer);
      this.#timer = undefined;
      await super.close(force);
    }

    replicaCount(): number {
      return this.replicas.length;
    }

    /** The replicas to read from now: those measured fit, while that measurement holds. */
    usable(): MySqlConnection[] {
      return Date.now() > this.#fitUntil ? [] : this.fit;
    }

    override getConnection(type: ConnectionType = 'write') {
      const usable = type === 'read' ? this.usable() : [];
      return usable[Math.floor(Math.random() * usable.length)] ?? this.connection;
    }

    /**
     * Each replica connection runs a read that fails because the replica went away (refused, reset,
     * lost) again on the primary, and gives that replica no more reads until it is measured fit:
     * both the reads written as SQL and those of the ORM's query builder go through here.
     */
    override createReplicas(create: (config: ConnectionOptions) => MySqlConnection): MySqlConnection[] {
      return super.createReplicas((config) => {
        const replica = create(config);
        const execute = replica.execute.bind(replica);
        replica.execute = (async (...args: Parameters<MySqlConnection['execute']>) => {
          try {
            return await execute(...args);
          } catch (error) {
            if (!isDatabaseUnavailable(error)) throw error;
            this.fit = this.fit.filter((fit) => fit !== replica);
            return this.connection.execute(...args);
          }
        }) as MySqlConnection['execute'];
        return replica;
      });
    }

    /**
     * Reads the heartbeat on the primary and on every replica at once: a replica's lag is how far
     * its beat is behind the primary's. Then beats again. A primary that is slow to answer is taken
     * to have beaten on time since its last answer (so a stalled replica falls behind all the same);
     * a primary that is down takes no writes, so replicas that answer keep their standing: reads go
     * on from them. Beats come from every instance's clock (the greatest is kept), so lag is measured
     * to within the instances' clock difference. A standing lasts two intervals unless renewed: a
     * check that hangs cannot keep a replica in use.
     */
    async check(): Promise<void> {
      if (this.#checking) return;
      this.#checking = true;
      try {
        const [primary, ...replicas] = await Promise.all([this.connection, ...this.replicas].map(beatOf));
        const now = Date.now();
        if (typeof primary === 'number') this.#primaryBeat = { beat: primary, at: now };
        const expected = this.#primaryBeat ? this.#primaryBeat.beat + (now - this.#primaryBeat.at) : null;
        this.fit = this.replicas.filter((replica, i) => {
          const beat = replicas[i];
          if (typeof beat !== 'number') return false;
          if (primary === 'down') return this.fit.includes(replica);
          return expected !== null && expected - beat <= this.maxLagMs;
        });
        this.#fitUntil = now + 2 * checkIntervalMs;
        await within(
          this.connection.execute(writeBeat, [now, now], 'run').catch(() => {}),
          null,
        );
      } finally {
        this.#checking = false;
      }
    }
  };
}

type ReplicaRoutingDriver = InstanceType<ReturnType<typeof withReplicaRouting>>;

/** MySQL's or MariaDB's driver, routing reads as above. */
export const replicaRoutingDriver = (mariadb: boolean, maxLagMs: number) =>
  withReplicaRouting(mariadb ? MariaDbDriver : MySqlDriver, maxLagMs);

const routingOf = (em: EntityManager): ReplicaRoutingDriver | null => {
  const driver = em.getDriver() as unknown as Partial<ReplicaRoutingDriver>;
  return typeof driver.check === 'function' ? (driver as ReplicaRoutingDriver) : null;
};

/** Starts measuring the replicas, if there are any: they get reads once measured fit. */
export async function watchReplicas(em: EntityManager): Promise<void> {
  await routingOf(em)?.watch();
}

const replicaReaders = new WeakSet<EntityManager>();

/** Lets the queries run through `em` that may be a moment stale read from a replica. */
export function readFromReplicas(em: EntityManager): EntityManager {
  replicaReaders.add(em);
  return em;
}

/** Where a query that may be a moment stale reads, through `em`. */
export const readConnection = (em: EntityManager): ConnectionType => (replicaReaders.has(em) ? 'read' : 'write');

/**
 * How long after a write its writer's reads stay on the primary, in seconds, or null without
 * replicas: a replica in use was at most `maxLagMs` behind the primary's beat when measured, that
 * beat is at most one check interval old, and a measurement holds two intervals; so after this long
 * every replica in use has the write.
 */
export function writerStickinessSeconds(em: EntityManager): number | null {
  const routing = routingOf(em);
  return routing ? Math.ceil((routing.maxLagMs + 3 * checkIntervalMs) / 1000) : null;
}

/** How many replicas there are, and how many are fit to read from now (for health reports). */
export function replicaStatus(em: EntityManager): { configured: number; fit: number } | null {
  const routing = routingOf(em);
  return routing ? { configured: routing.replicaCount(), fit: routing.usable().length } : null;
}
