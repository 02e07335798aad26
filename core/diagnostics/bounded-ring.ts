/** The last `capacity` items pushed, oldest dropped first: a memory bound for diagnostic records. */
export class BoundedRing<T> {
  private readonly items: T[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** Newest first (what a person reading diagnostics wants to see). */
  newestFirst(): T[] {
    return this.items.slice().reverse();
  }

  get size(): number {
    return this.items.length;
  }
}
