/**
 * Load generation and statistics. HTTP load is autocannon's (programmatic); loads that are not HTTP
 * (the SQL and bcrypt ceilings) run the same closed loop here: N workers, each starting its next
 * operation when the previous one ends. Every figure is the median of several runs, and runs of
 * things that are compared are interleaved, so that a noisy neighbour slows both sides alike.
 */
import autocannon from 'autocannon';

export interface Load {
  /** Completed operations per second. */
  rps: number;
  /** Latency percentiles, ms. autocannon records whole milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  /** Responses other than 2xx, of which 5xx; connection errors and timeouts. */
  non2xx: number;
  status5xx: number;
  errors: number;
}

export interface Timing {
  /** Load each freshly started server takes before any case is measured. */
  serverWarmupSeconds: number;
  /** Load each runner of a case takes before its measured runs. */
  warmupSeconds: number;
  runs: number;
  seconds: number;
}

export type Runner = (seconds: number) => Promise<Load>;

export interface HttpRequest {
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpLoad {
  baseUrl: string;
  connections: number;
  method?: 'GET' | 'POST';
  /**
   * The next request to send (called for every request), given its connection's context: a
   * connection has one request at a time, so what `next` keeps there `onResponse` finds again.
   */
  next: (connection: Record<string, unknown>) => HttpRequest;
  onResponse?: (status: number, body: string, connection: Record<string, unknown>) => void;
}

export function http(load: HttpLoad): Runner {
  return async (seconds) => {
    const first = load.next({});
    const result = await autocannon({
      url: load.baseUrl,
      connections: load.connections,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: load.method ?? 'GET',
          path: first.path,
          headers: { 'content-type': 'application/json', ...first.headers },
          setupRequest: (request, connection) => {
            const next = load.next(connection as Record<string, unknown>);
            return { ...request, ...next, headers: { ...request.headers, ...next.headers } };
          },
          ...(load.onResponse
            ? {
                onResponse: (status: number, body: string, connection: object) =>
                  load.onResponse?.(status, body, connection as Record<string, unknown>),
              }
            : {}),
        },
      ],
    });
    return {
      rps: result.requests.total / result.duration,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      status5xx: result['5xx'],
      errors: result.errors,
    };
  };
}

/** `concurrency` workers running `operation` back to back for `seconds`. */
export function closedLoop(concurrency: number, operation: () => Promise<unknown>): Runner {
  return async (seconds) => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        const at = performance.now();
        try {
          await operation();
          latencies.push(performance.now() - at);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      requests: latencies.length,
      non2xx: 0,
      status5xx: 0,
      errors,
    };
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Measured {
  /** Field by field median over the runs; counts (requests, errors) are summed. */
  median: Load;
  runs: Load[];
}

function summarize(runs: Load[]): Measured {
  const med = (key: 'rps' | 'p50' | 'p90' | 'p99') => median(runs.map((r) => r[key]));
  const sum = (key: 'requests' | 'non2xx' | 'status5xx' | 'errors') => runs.reduce((n, r) => n + r[key], 0);
  return {
    median: {
      rps: med('rps'),
      p50: med('p50'),
      p90: med('p90'),
      p99: med('p99'),
      requests: sum('requests'),
      non2xx: sum('non2xx'),
      status5xx: sum('status5xx'),
      errors: sum('errors'),
    },
    runs,
  };
}

/**
 * Warms each runner up, then runs them in turn, `timing.runs` rounds: the same runners measured in
 * the same stretch of time, so their ratios hold even when absolute figures drift.
 */
export async function measureTogether<K extends string>(
  timing: Timing,
  runners: Record<K, Runner>,
  onRun?: (key: K, load: Load) => void,
): Promise<Record<K, Measured>> {
  const keys = Object.keys(runners) as K[];
  for (const key of keys) await runners[key](timing.warmupSeconds);
  const runs = Object.fromEntries(keys.map((key) => [key, [] as Load[]])) as Record<K, Load[]>;
  for (let round = 0; round < timing.runs; round++) {
    for (const key of keys) {
      const load = await runners[key](timing.seconds);
      runs[key].push(load);
      onRun?.(key, load);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, summarize(runs[key])])) as Record<K, Measured>;
}

/** The median over rounds of `a`'s rate divided by `b`'s, each pair measured back to back. */
export function medianRatio(a: Measured, b: Measured, key: 'rps' | 'p50' | 'p99' = 'rps'): number {
  return median(a.runs.map((run, i) => run[key] / ((b.runs[i]?.[key] ?? Number.NaN) || Number.NaN)));
}
