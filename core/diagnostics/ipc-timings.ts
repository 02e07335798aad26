import type { IpcMethodTiming } from '../../common/diagnostics-types.js';
import { RollingWindow } from './rolling-window.js';

export const DEFAULT_SAMPLES_PER_METHOD = 200;

interface MethodStats {
  window: RollingWindow;
  count: number;
  errors: number;
  lastAt: number;
}

/**
 * Per-method durations of contract calls as the host dispatch sees them (validation, queueing on
 * a thread and the handler: what the renderer waits for, minus the transport). Callers record
 * only known method names, so the map is bounded by the contract.
 */
export class IpcTimings {
  private readonly methods = new Map<string, MethodStats>();

  constructor(readonly samplesPerMethod = DEFAULT_SAMPLES_PER_METHOD) {}

  record(method: string, durationMs: number, ok: boolean, at = Date.now()): void {
    let stats = this.methods.get(method);
    if (!stats) this.methods.set(method, (stats = { window: new RollingWindow(this.samplesPerMethod), count: 0, errors: 0, lastAt: 0 }));
    stats.window.push(durationMs);
    stats.count++;
    if (!ok) stats.errors++;
    stats.lastAt = at;
  }

  /** Busiest methods first. */
  snapshot(): IpcMethodTiming[] {
    const out: IpcMethodTiming[] = [];
    for (const [method, stats] of this.methods) {
      const [p50, p95] = stats.window.percentiles([50, 95]) as [number, number];
      out.push({ method, count: stats.count, errors: stats.errors, p50Ms: round(p50), p95Ms: round(p95), maxMs: round(stats.window.max()), lastAt: stats.lastAt });
    }
    return out.sort((a, b) => b.count - a.count || a.method.localeCompare(b.method));
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
