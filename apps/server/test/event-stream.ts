/**
 * Reading server-sent events as a plain client does (`curl -N`), and waiting for what they bring:
 * for the streaming tests that check the raw protocol rather than a client library's view of it.
 */

/** A raw server-sent-event reader (`curl -N`): events and comments as they come, and its end. */
export async function openEvents(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: Array<{ event: string; data: string }> = [];
  const comments: string[] = [];
  const ended = (async () => {
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { event: '', data: '' };
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 1);
          if (line.startsWith(':')) comments.push(line.slice(1));
          else if (line.startsWith('event: ')) event.event = line.slice(7);
          else if (line.startsWith('data: ')) event.data = line.slice(6);
          else if (line === '' && event.event) {
            events.push(event);
            event = { event: '', data: '' };
          }
        }
      }
    } catch {
      // Aborted by the test.
    }
  })();
  return { res, events, comments, ended, close: () => controller.abort() };
}

/** `read()`'s first defined value, polled until `ms` have passed. */
export async function until<T>(read: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
