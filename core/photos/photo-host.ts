/**
 * The photo cache as the app host runs it: loads the seller's settings from the catalog, sweeps
 * the catalog's photo addresses in the background (a page of listings at a time from the
 * background reader, topping the queue up as it drains), sweeps again after imports and edits, and
 * answers the two hosts' `/photos` requests with local files only.
 */
import type { PhotoSettings, PhotoSize, PhotoSourcePage, PhotoStatus } from '../../common/photo-types.js';
import { ContractError } from '../../common/result.js';
import { PhotoCache, type PhotoCacheOptions } from './photo-cache.js';
import { PhotoStore, photoDirFor } from './photo-store.js';

export interface PhotoHostDeps {
  catalogPath: string;
  loadSettings: () => Promise<PhotoSettings>;
  saveSettings: (settings: PhotoSettings) => Promise<PhotoSettings>;
  sources: (afterId: number, limit: number) => Promise<PhotoSourcePage>;
  /** Overrides for tests (timeouts, backoff). */
  cache?: Omit<PhotoCacheOptions, 'settings'>;
  onError?: (message: string, error: unknown) => void;
}

/** Listings per sweep page, and how full the queue may be before the sweep waits for it to drain. */
const SWEEP_PAGE = 1_000;
const QUEUE_HIGH_WATER = 300;
/** After an import or edit, sweep again once things are quiet (a burst of edits is one sweep). */
const RESWEEP_DELAY_MS = 30_000;
/** And now and then anyway: photos that failed with a network error are tried again. */
const RESWEEP_EVERY_MS = 15 * 60_000;
/** How long a request for a photo not cached yet waits for its priority download. */
const REQUEST_WAIT_MS = 8_000;

export class PhotoHost {
  private cache: PhotoCache | null = null;
  private store: PhotoStore | null = null;
  private sweeping: Promise<void> | null = null;
  private sweepAgain = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private startError: string | null = null;

  constructor(private readonly deps: PhotoHostDeps) {}

  async start(): Promise<void> {
    const settings = await this.deps.loadSettings();
    const store = new PhotoStore(photoDirFor(this.deps.catalogPath));
    try {
      await store.open();
    } catch (error) {
      // A read-only or full disk: the app works without photos, and the settings say why.
      this.startError = `Photos cannot be saved beside the catalog (${store.dir}): ${(error as Error).message}. Check that the folder is writable and the disk has room, then restart Listsmith.`;
      throw error;
    }
    this.store = store;
    this.cache = new PhotoCache(store, { ...this.deps.cache, settings });
    this.scheduleSweep(0);
  }

  status(): PhotoStatus {
    return this.started().status();
  }

  async configure(change: Partial<PhotoSettings>): Promise<PhotoStatus> {
    const cache = this.started();
    const saved = await this.deps.saveSettings({ ...cache.currentSettings, ...change });
    cache.configure(saved);
    if (saved.enabled) this.scheduleSweep(0);
    return cache.status();
  }

  private started(): PhotoCache {
    if (this.cache !== null) return this.cache;
    throw new ContractError('database_unavailable', this.startError ?? 'The photo cache is still starting; try again in a moment.');
  }

  /** The catalog changed (import, edit, demo): new photos may be there. */
  catalogChanged(): void {
    this.scheduleSweep(RESWEEP_DELAY_MS);
  }

  /**
   * The local copy of a photo for `/photos`, downloading it first (ahead of the sweep) when it is
   * missing and the cache may. Null: no local copy; the page shows its placeholder.
   */
  async file(url: string, size: PhotoSize): Promise<string | null> {
    const cache = this.cache;
    if (cache === null) return null;
    const local = cache.localFile(url, size);
    if (local !== null) return local;
    if (!/^https?:\/\//i.test(url)) return null;
    return (await cache.request(url, REQUEST_WAIT_MS)) ? cache.localFile(url, size) : null;
  }

  /** Waits for the running sweep and the downloads it queued (tests). */
  async settled(): Promise<void> {
    while (this.sweeping !== null) await this.sweeping;
    await this.cache?.idle();
    await this.store?.flush();
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.cache?.close();
  }

  private scheduleSweep(delayMs: number): void {
    if (this.closed) return;
    if (this.sweeping !== null) {
      this.sweepAgain = true;
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweeping = this.sweep()
        .catch((error: unknown) => this.deps.onError?.('photo cache: the background sweep stopped', error))
        .finally(() => {
          this.sweeping = null;
          const again = this.sweepAgain;
          this.sweepAgain = false;
          this.scheduleSweep(again ? RESWEEP_DELAY_MS : RESWEEP_EVERY_MS);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    const cache = this.cache;
    if (cache === null) return;
    let afterId: number | null = 0;
    while (afterId !== null && !this.closed) {
      const { settings } = cache.status();
      if (!settings.enabled || cache.isFull) return;
      if (cache.queued >= QUEUE_HIGH_WATER) {
        await cache.idle();
        continue;
      }
      const page: PhotoSourcePage = await this.deps.sources(afterId, SWEEP_PAGE);
      cache.enqueue(page.urls);
      afterId = page.nextAfterId;
    }
  }
}
