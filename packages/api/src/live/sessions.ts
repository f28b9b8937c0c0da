/**
 * Session checks remembered by a process, so that a signed-in call costs no statement of its own,
 * and an ended session is still refused at once on every instance: the rules are the session
 * epoch's (`@miniter/db` `queries/sessions.ts`).
 *
 * Worth it because the check was a third of a write's database work and of its server CPU
 * (`tweet.create` went from 1,670 to 2,510 a second on one process in the book's side-by-side).
 */
import { randomUUID } from 'node:crypto';
import {
  countLaggingInstances,
  type EntityManager,
  type LiveSession,
  type Orm,
  raiseSessionEpoch,
  removeInstance,
  sqlEm,
  tickInstance,
} from '@miniter/db';

export interface SessionCacheOptions {
  orm: Orm;
  /** How often the epoch is read. */
  tickMs?: number;
  /** Checks remembered at most (the oldest go first), and for how long each at most. */
  max?: number;
  maxAgeMs?: number;
  /** The epoch moved: sessions may have ended (the live hub checks its open streams then). */
  onChange?: () => void;
  onError?: (error: unknown) => void;
}

interface Entry {
  userId: number;
  session: LiveSession;
  rememberedAt: number;
}

/**
 * How long after a tick started what it read is trusted: a process that cannot tick (its database is
 * slow or gone) stops trusting its checks after this, and a change never waits longer for it. The
 * same for every process: a change counts on it.
 */
const trustMs = 1_000;
/** How often a change looks whether every process has seen it. */
const settlePollMs = 10;

export class SessionCache {
  readonly instanceId = randomUUID();
  private readonly options: Required<Omit<SessionCacheOptions, 'onChange'>> & Pick<SessionCacheOptions, 'onChange'>;
  private readonly entries = new Map<string, Entry>();
  /** The epoch this process trusts; -1 before its first tick. */
  private epoch = -1;
  /** When the last completed tick started (`performance.now()`). */
  private tickStarted = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(options: SessionCacheOptions) {
    this.options = { tickMs: 200, max: 10_000, maxAgeMs: 60_000, onError: () => {}, ...options };
  }

  private em(): EntityManager {
    return sqlEm(this.options.orm).fork();
  }

  async start(): Promise<void> {
    await this.tick();
    const loop = () => {
      this.timer = setTimeout(async () => {
        await this.tick().catch(this.options.onError);
        if (this.timer) loop();
      }, this.options.tickMs).unref();
    };
    loop();
  }

  /** Reads the epoch and reports it; one tick at a time, so that a late one never overwrites a newer. */
  tick(): Promise<void> {
    this.ticking ??= (async () => {
      try {
        const started = performance.now();
        await tickInstance(this.em(), this.instanceId, (epoch) => this.adopt(epoch));
        // A tick that took most of the window grants no trust: its report may have landed too late.
        if (performance.now() - started < trustMs / 2) this.tickStarted = started;
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  private adopt(epoch: number) {
    if (epoch <= this.epoch) return;
    const first = this.epoch < 0;
    this.epoch = epoch;
    this.entries.clear();
    if (!first) this.options.onChange?.();
  }

  private trusted() {
    return performance.now() - this.tickStarted < trustMs;
  }

  /** The remembered check of `sessionId` for `userId` (null: any user), if still trusted and not expired. */
  get(sessionId: string, userId: number | null): LiveSession | null {
    const entry = this.entries.get(sessionId);
    if (!entry || !this.trusted()) return null;
    const now = Date.now();
    if (
      (userId !== null && entry.userId !== userId) ||
      entry.session.expiresAtMs <= now ||
      now - entry.rememberedAt > this.options.maxAgeMs
    ) {
      this.entries.delete(sessionId);
      return null;
    }
    // Its own copy: a procedure may change the account it is given.
    return { ...entry.session, user: { ...entry.session.user } };
  }

  /** Remembers a check just made, unless the epoch it read is no longer the one trusted. */
  remember(sessionId: string, userId: number, session: LiveSession): void {
    this.adopt(session.epoch);
    if (session.epoch !== this.epoch || !this.trusted()) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, {
      userId,
      session: { ...session, user: { ...session.user } },
      rememberedAt: Date.now(),
    });
    if (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  /**
   * After sessions ended or an account changed (committed): raises the epoch and resolves once no
   * process may still trust a check from before it.
   */
  async changed(em: EntityManager): Promise<void> {
    await settleSessionChange(em, () => this.tick());
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => {});
    this.entries.clear();
    this.tickStarted = Number.NEGATIVE_INFINITY;
    await removeInstance(this.em(), this.instanceId).catch(this.options.onError);
  }
}

/**
 * Raises the session epoch and waits until no process may trust a check from before it: each that
 * remembers any reports the new epoch within a tick, or stops trusting within `trustMs`. With
 * `tickHere`, this process's own tick runs at once rather than on its timer.
 */
export async function settleSessionChange(em: EntityManager, tickHere?: () => Promise<void>): Promise<void> {
  const epoch = await raiseSessionEpoch(em);
  await tickHere?.();
  const deadline = performance.now() + 2 * trustMs;
  while ((await countLaggingInstances(em, epoch, trustMs)) > 0) {
    // A tick that started before the raise is trusted for `trustMs` at most, and every later one read
    // the new epoch: past this, nobody trusts an older one, whatever the reports' clock says.
    if (performance.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, settlePollMs));
  }
}
