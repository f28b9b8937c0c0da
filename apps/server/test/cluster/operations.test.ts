/**
 * What an operator watches: each instance's Prometheus metrics on its METRICS_PORT (not on the
 * public port, so not through HAProxy), labelled with the instance, counting what it served.
 */
import { describe, expect, it } from 'vitest';
import { signedIn } from './clients.ts';
import { useCluster } from './control.ts';

const cluster = useCluster();
const { info } = cluster;

/** One sample's value from a Prometheus text exposition, by metric name and labels; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('metrics', () => {
  it('are served per instance on METRICS_PORT: calls by procedure and status, pool, streams', async () => {
    const scrape = () => Promise.all(info.instances.map(async (i) => (await fetch(i.metricsUrl)).text()));
    const pings = (text: string) =>
      sample(text, 'miniter_http_request_duration_seconds_count', { route: '/trpc/health.ping', status: '200' });
    const before = await scrape();
    for (let i = 0; i < 20; i++) expect((await fetch(`${info.url}/trpc/health.ping`)).status).toBe(200);
    const { api } = await signedIn(info, 'metrics');
    const subscription = api.timeline.live.subscribe(undefined, { onData: () => {} });
    try {
      await expect
        .poll(async () => (await scrape()).reduce((sum, text) => sum + sample(text, 'miniter_live_streams', {}), 0))
        .toBeGreaterThanOrEqual(1);
      const after = await scrape();
      // HAProxy spread the 20 pings over both; each instance counts its own, under its own name.
      const served = after.map((text, n) => pings(text) - pings(before[n] ?? ''));
      expect(served.reduce((a, b) => a + b, 0)).toBe(20);
      expect(served.every((count) => count > 0)).toBe(true);
      const instances = after.map((text) => /instance="([^"]+)"/.exec(text)?.[1]);
      expect(new Set(instances).size).toBe(2);
      for (const text of after) {
        expect(text).toMatch(/^miniter_db_pool_connections\{.*state="idle"/m);
        expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{/m);
        expect(text).toMatch(/^miniter_admission_queued_requests\{/m);
      }
    } finally {
      subscription.unsubscribe();
    }
    // Not public: the API's port (and so HAProxy) has no /metrics (a browser would get the web page).
    const exposed = await fetch(`${info.url}/metrics`, { headers: { accept: 'text/plain' } });
    expect(await exposed.text()).not.toContain('miniter_http_request_duration_seconds');
  });
});
