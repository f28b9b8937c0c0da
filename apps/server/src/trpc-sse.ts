/**
 * A tRPC subscription's server-sent events, written straight to Node's response in tRPC's wire
 * format (its `sseStreamProducer`, which `httpSubscriptionLink` reads): `connected` first, then
 * each value as `data:` (with `id:` when tracked), `ping` while idle, and `return` when the
 * subscription ends, or `serialized-error` when it fails.
 *
 * tRPC's own producer keeps a chain of WebStreams and generator wrappers, and its adapter a Fetch
 * `Request`, for every open stream: about 57 KiB of heap and 160–200 µs of CPU per stream for each
 * event (bench scenario 11), so a process ran out of heap at about 900 streams. Here a stream is
 * its response, two timers and the subscription's own generator, and an event's frame is
 * serialised once per process however many streams carry it (the live hub hands each the same
 * data object). `trpc-direct.test.ts` pins the bytes to tRPC's own adapter.
 */
import { once } from 'node:events';
import { setTimeout } from 'node:timers/promises';
import type { AnyTRPCRouter } from '@trpc/server';
import { isAbortError, isTrackedEnvelope, sseHeaders } from '@trpc/server/unstable-core-do-not-import';
import type { Response } from 'express';

/** How long a stream's reader may leave a write unread before the stream is closed. */
const slowReaderMs = 30_000;

/**
 * Writes `chunk` and resolves to false when the reader does not take it: it left, or read nothing
 * for `slowReaderMs` (then its response is destroyed rather than buffered without end).
 */
export async function write(res: Response, chunk: Uint8Array | string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  const drained = await Promise.race([
    once(res, 'drain').then(() => true),
    once(res, 'close').then(() => false),
    setTimeout(slowReaderMs, false, { ref: false }),
  ]);
  if (!drained) res.destroy();
  return drained;
}

const frame = (fields: { event?: string; data: string; id?: string }) =>
  `${fields.event === undefined ? '' : `event: ${fields.event}\n`}data: ${fields.data}\n${
    fields.id === undefined ? '' : `id: ${fields.id}\n`
  }\n\n`;

const pingFrame = frame({ event: 'ping', data: '' });
const returnFrame = frame({ event: 'return', data: '' });

/**
 * A tracked value's frame, kept for as long as its data is: the next stream that carries the same
 * data with the same id writes the same bytes. (A value is taken as unchanging once yielded.)
 */
const trackedFrames = new WeakMap<object, { id: string; bytes: Buffer }>();

export interface SubscriptionStream {
  config: AnyTRPCRouter['_def']['_config'];
  /** What the procedure returned, or what it threw. */
  events: AsyncIterable<unknown> | { error: unknown };
  /** The client's `Last-Event-ID`, as tRPC reads it. */
  lastEventId: string | null;
  /** Stops the subscription: aborts the signal its procedure was given. */
  stop: () => void;
  /** The error's shape to send, once reported (tRPC's `onError`, then `getErrorShape`). */
  formatError: (cause: unknown) => unknown;
}

/** Streams a subscription to `res` until it ends, fails, reaches `maxDurationMs` or its reader leaves. */
export async function streamSubscription(
  res: Response,
  { config, events, lastEventId, stop, formatError }: SubscriptionStream,
): Promise<void> {
  const serialize = (value: unknown) => JSON.stringify(config.transformer.output.serialize(value));
  let resumeId = lastEventId && !/[\0\n\r]/.test(lastEventId) ? lastEventId : null;
  const frameOf = (value: unknown): Uint8Array | string => {
    if (!isTrackedEnvelope(value)) {
      const data = frame({ data: serialize(value), ...(resumeId === null ? {} : { id: '' }) });
      // An untracked value between tracked ones: the client is told to keep its resume point.
      return resumeId === null ? data : data + frame({ event: 'restore-id', data: '', id: resumeId });
    }
    const [id, data] = value;
    resumeId = id;
    const known = typeof data === 'object' && data !== null ? trackedFrames.get(data) : undefined;
    if (known?.id === id) return known.bytes;
    const bytes = Buffer.from(frame({ data: serialize(data), id }));
    if (typeof data === 'object' && data !== null) trackedFrames.set(data, { id, bytes });
    return bytes;
  };

  res.statusCode = 200;
  res.setHeader('vary', 'trpc-accept, accept');
  for (const [name, value] of Object.entries(sseHeaders)) res.setHeader(name, value);
  const { sse } = config;
  const ping = sse?.ping?.enabled ? (sse.ping.intervalMs ?? 1000) : 0;
  const pings =
    ping > 0 && ping !== Number.POSITIVE_INFINITY
      ? setInterval(() => res.writableNeedDrain || res.write(pingFrame), ping)
      : null;
  // At its maximum duration a stream just ends, as tRPC's does: the client resumes from its last id.
  const end = () => {
    stop();
    res.end();
  };
  const ending = sse?.maxDurationMs ? globalThis.setTimeout(end, sse.maxDurationMs) : null;
  const iterator = 'error' in events ? null : events[Symbol.asyncIterator]();
  const open = () => !res.writableEnded && !res.destroyed;
  try {
    if (!(await write(res, frame({ event: 'connected', data: JSON.stringify(sse?.client ?? {}) })))) return;
    if (!iterator) throw (events as { error: unknown }).error;
    for (;;) {
      const result = await iterator.next();
      if (!open()) return;
      if (result.done) break;
      pings?.refresh();
      if (!(await write(res, frameOf(result.value)))) return;
    }
    if (open()) res.write(returnFrame);
  } catch (cause) {
    if (!isAbortError(cause) && open())
      res.write(frame({ event: 'serialized-error', data: serialize(formatError(cause)) }));
  } finally {
    if (pings) clearInterval(pings);
    if (ending) clearTimeout(ending);
    if (open()) res.end();
    stop();
    // A generator still suspended at a yield (its reader left) runs its cleanup now.
    void iterator?.return?.()?.catch(() => {});
  }
}
