/**
 * The fake model's thinking time: a fixed delay plus seeded jitter, so benchmarks see realistic
 * overlap between requests and still repeat run to run.
 */

export interface LatencyOptions {
  /** Base delay before answering, ms. */
  latencyMs: number;
  /** Extra delay drawn uniformly from [0, jitterMs), ms. */
  jitterMs: number;
  /** Seed of the jitter sequence. */
  seed: number;
}

/** A function returning the next delay (mulberry32: tiny, fast and good enough for jitter). */
export function latencySource(options: LatencyOptions): () => number {
  let state = options.seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => Math.max(0, options.latencyMs + (options.jitterMs > 0 ? random() * options.jitterMs : 0));
}
