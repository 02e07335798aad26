/**
 * The last N numbers of a stream in a fixed ring (no allocation per sample), with percentiles
 * computed only when asked. Recording is on every contract call, so it must cost next to nothing.
 */
export class RollingWindow {
  private readonly samples: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.samples = new Float64Array(capacity);
  }

  push(value: number): void {
    this.samples[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
  }

  get size(): number {
    return this.filled;
  }

  /** Nearest-rank percentile (p in 0–100) of the samples kept; 0 when empty. */
  percentile(p: number): number {
    return this.percentiles([p])[0]!;
  }

  /** Several percentiles from one sort. */
  percentiles(ps: readonly number[]): number[] {
    if (this.filled === 0) return ps.map(() => 0);
    const sorted = this.samples.slice(0, this.filled).sort();
    return ps.map((p) => sorted[Math.min(this.filled - 1, Math.max(0, Math.ceil((p / 100) * this.filled) - 1))]!);
  }

  max(): number {
    let max = 0;
    for (let i = 0; i < this.filled; i++) if (this.samples[i]! > max) max = this.samples[i]!;
    return max;
  }
}
