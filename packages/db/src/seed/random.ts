/** Deterministic randomness for the seed: the same seed gives the same data on every machine. */

export type Random = () => number;

/** sfc32, a small fast PRNG with a 128-bit state: uniform in [0, 1). */
export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < 16; i++) next(); // let the seed spread through the state
  return next;
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates, in place. */
export function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Zipf-like choice among `items`: the item at rank r (0-based) is drawn with weight 1 / (r + 1)^s,
 * so a few items are drawn very often and most rarely (popular accounts, prolific authors).
 */
export function zipf<T>(random: Random, items: readonly T[], s: number): () => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let r = 0; r < items.length; r++) {
    total += 1 / (r + 1) ** s;
    cumulative[r] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}
