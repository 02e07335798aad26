/**
 * The photo copies on disk, beside the catalog (`<catalog>.photos/`): `<ab>/<key>.thumb.webp` and
 * `<ab>/<key>.view.webp` under the first two hex digits of the URL's hash (no folder holds more
 * than a few thousand files), and `failed.json`, the photos given up on with why (so a 404 is not
 * asked for again at every start). Async I/O only: this runs on the host's event loop.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PHOTO_SIZES, type PhotoSize } from '../../common/photo-types.js';

export interface PhotoFailure {
  url: string;
  reason: string;
  at: number;
}

export function photoDirFor(catalogPath: string): string {
  return `${catalogPath}.photos`;
}

export class PhotoStore {
  private readonly cached = new Map<string, number>();
  private used = 0;
  readonly failures = new Map<string, PhotoFailure>();
  private failuresDirty = false;
  private failuresWrite: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Reads what is on disk: the cached keys, their sizes, the failures. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const shard of await readdir(this.dir, { withFileTypes: true })) {
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
      const files = new Set(await readdir(join(this.dir, shard.name)));
      const sizes = new Map<string, number>();
      for (const name of files) {
        const match = /^([0-9a-f]{64})\.(thumb|view)\.webp$/.exec(name);
        if (match === null) continue;
        const info = await stat(join(this.dir, shard.name, name)).catch(() => null);
        if (info === null) continue;
        sizes.set(match[1]!, (sizes.get(match[1]!) ?? 0) + info.size);
      }
      for (const [key, bytes] of sizes) {
        // Both copies, or it did not finish (a crash between the two writes): count it as missing.
        if (files.has(`${key}.thumb.webp`) && files.has(`${key}.view.webp`)) this.remember(key, bytes);
      }
    }
    try {
      const saved = JSON.parse(await readFile(join(this.dir, 'failed.json'), 'utf8')) as Record<string, PhotoFailure>;
      for (const [key, failure] of Object.entries(saved)) if (typeof failure?.url === 'string') this.failures.set(key, failure);
    } catch {
      // None yet, or unreadable: those photos are simply tried again.
    }
  }

  has(key: string): boolean {
    return this.cached.has(key);
  }

  get count(): number {
    return this.cached.size;
  }

  get usedBytes(): number {
    return this.used;
  }

  pathOf(key: string, size: PhotoSize): string {
    return join(this.dir, key.slice(0, 2), `${key}.${size}.webp`);
  }

  /** Writes both copies (temp file + rename each, the view first: the pair is complete once the thumb lands). */
  async save(key: string, copies: Record<PhotoSize, Buffer>): Promise<void> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    for (const size of ['view', 'thumb'] as const) {
      const target = this.pathOf(key, size);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, copies[size]);
      await rename(temp, target);
    }
    this.remember(key, PHOTO_SIZES.reduce((sum, size) => sum + copies[size].byteLength, 0));
    if (this.failures.delete(key)) this.saveFailures();
  }

  async remove(key: string): Promise<void> {
    for (const size of PHOTO_SIZES) await unlink(this.pathOf(key, size)).catch(() => {});
    this.used -= this.cached.get(key) ?? 0;
    this.cached.delete(key);
  }

  fail(key: string, failure: PhotoFailure): void {
    this.failures.set(key, failure);
    this.saveFailures();
  }

  /** Coalesced: a burst of failures is one write. */
  private saveFailures(): void {
    if (this.failuresDirty) return;
    this.failuresDirty = true;
    this.failuresWrite = this.failuresWrite.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200).unref());
      this.failuresDirty = false;
      const file = join(this.dir, 'failed.json');
      await writeFile(`${file}.tmp`, JSON.stringify(Object.fromEntries(this.failures)));
      await rename(`${file}.tmp`, file);
    }).catch(() => {});
  }

  /** Waits for the pending failures write (tests, shutdown). */
  flush(): Promise<void> {
    return this.failuresWrite;
  }

  private remember(key: string, bytes: number): void {
    this.used += bytes - (this.cached.get(key) ?? 0);
    this.cached.set(key, bytes);
  }
}
