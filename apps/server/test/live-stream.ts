/** A raw server-sent-events reader for `timeline.live`, as `curl -N` sees the stream. */

export interface SseEvent {
  /** Absent for tRPC's own events (connected, ping, serialized-error, return). */
  id?: string;
  event?: string;
  data: unknown;
}

export interface LiveStream {
  /** The tracked events so far (each carries an id). */
  events: SseEvent[];
  /** Every event, tRPC's own included. */
  all: SseEvent[];
  /** The response's status and whether the server has ended the stream. */
  status: number;
  ended: Promise<void>;
  /** Resolves once `count` tracked events have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

export async function openLiveStream(
  baseUrl: string,
  token: string | undefined,
  { lastEventId, path = '/trpc/timeline.live' }: { lastEventId?: string; path?: string } = {},
): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: {
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const all: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const event: SseEvent = { data: undefined };
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') event.data = JSON.parse(value);
          }
          if (event.data === undefined && !event.event) continue;
          all.push(event);
          if (event.id !== undefined) events.push(event);
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Closed by us.
    }
  })();
  return {
    events,
    all,
    status: response.status,
    ended,
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`${events.length} of ${count} events within ${timeoutMs} ms: ${JSON.stringify(all)}`);
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 50);
        });
      }
      return events.slice(0, count);
    },
    close: () => controller.abort(),
  };
}
