/**
 * The download queue of the local photo cache: at most `concurrency` downloads at a time, retries
 * with exponential backoff, a total size cap, an on/off switch, and an offline pause when the
 * network is gone. Runs on the host's event loop with async I/O only (fetch, sharp's libvips
 * threads, fs/promises), so it never blocks the catalog writer or the UI's calls.
 */
import type { PhotoSettings, PhotoSize, PhotoStatus } from '../../common/photo-types.js';
import { downloadPhoto, PhotoDownloadError } from './photo-download.js';
import { photoKey } from './photo-key.js';
import type { PhotoStore } from './photo-store.js';
import { makePhotoVariants } from './photo-variants.js';

export interface PhotoCacheOptions {
  settings: PhotoSettings;
  /** Downloads at once. */
  concurrency?: number;
  /** Tries per photo for failures worth retrying (timeouts, 5xx, 429, dropped connections). */
  attempts?: number;
  /** First retry after this long, doubling each time. */
  backoffMs?: number;
  timeoutMs?: number;
  /** One photo's download limit. */
  maxPhotoBytes?: number;
  /** After this many network failures in a row, wait `offlinePauseMs` before trying again. */
  offlineAfter?: number;
  offlinePauseMs?: number;
}

interface Job {
  key: string;
  url: string;
  attempts: number;
  waiters: ((cached: boolean) => void)[];
}

export class PhotoCache {
  private settings: PhotoSettings;
  private readonly pending: Job[] = [];
  private readonly jobs = new Map<string, Job>();
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();
  private running = 0;
  private networkFailures = 0;
  private offlineUntil = 0;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFailure: { url: string; reason: string } | null = null;
  /** A photo did not fit under the cap: stop until the seller raises it. */
  private reachedCap = false;
  private readonly abort = new AbortController();
  private readonly idleListeners = new Set<() => void>();
  private readonly options: Required<Omit<PhotoCacheOptions, 'settings'>>;

  constructor(
    private readonly store: PhotoStore,
    options: PhotoCacheOptions,
  ) {
    this.settings = { ...options.settings };
    this.options = {
      concurrency: options.concurrency ?? 3,
      attempts: options.attempts ?? 4,
      backoffMs: options.backoffMs ?? 2_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxPhotoBytes: options.maxPhotoBytes ?? 20 * 1_048_576,
      offlineAfter: options.offlineAfter ?? 3,
      offlinePauseMs: options.offlinePauseMs ?? 60_000,
    };
  }

  get capBytes(): number {
    return this.settings.capMb * 1_048_576;
  }

  get isFull(): boolean {
    return this.reachedCap || this.store.usedBytes >= this.capBytes;
  }

  /** Photos waiting or downloading (the sweep tops the queue up as it drains). */
  get queued(): number {
    return this.jobs.size;
  }

  configure(settings: PhotoSettings): void {
    this.settings = { ...settings };
    this.reachedCap = false;
    if (!settings.enabled) this.dropQueue();
    this.pump();
  }

  get currentSettings(): PhotoSettings {
    return { ...this.settings };
  }

  /** The local copy's path, or null when the photo is not cached. */
  localFile(url: string, size: PhotoSize): string | null {
    const key = photoKey(url);
    return this.store.has(key) ? this.store.pathOf(key, size) : null;
  }

  /** Whether the cache would download this photo now (not cached, not given up on). */
  wants(url: string): boolean {
    const key = photoKey(url);
    return !this.store.has(key) && !this.store.failures.has(key) && !this.jobs.has(key);
  }

  /** Queues photos (the background sweep); returns how many were new. */
  enqueue(urls: readonly string[]): number {
    if (!this.settings.enabled || this.isFull) return 0;
    let added = 0;
    for (const url of urls) {
      if (!this.wants(url)) continue;
      const job: Job = { key: photoKey(url), url, attempts: 0, waiters: [] };
      this.jobs.set(job.key, job);
      this.pending.push(job);
      added++;
    }
    this.pump();
    return added;
  }

  /**
   * A photo someone is looking at: moved to the front of the queue, and the answer says whether a
   * local copy exists once it is done (false at once when the cache is off, full or offline).
   */
  request(url: string, waitMs: number): Promise<boolean> {
    const key = photoKey(url);
    if (this.store.has(key)) return Promise.resolve(true);
    if (!this.settings.enabled || this.isFull || this.store.failures.has(key) || Date.now() < this.offlineUntil) return Promise.resolve(false);
    let job = this.jobs.get(key);
    if (job === undefined) {
      job = { key, url, attempts: 0, waiters: [] };
      this.jobs.set(key, job);
      this.pending.unshift(job);
    } else {
      const at = this.pending.indexOf(job);
      if (at > 0) this.pending.unshift(...this.pending.splice(at, 1));
    }
    const waiting = job;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        waiting.waiters = waiting.waiters.filter((w) => w !== done);
        resolve(false);
      }, waitMs);
      timer.unref();
      const done = (cached: boolean) => {
        clearTimeout(timer);
        resolve(cached);
      };
      waiting.waiters.push(done);
      this.pump();
    });
  }

  status(): PhotoStatus {
    const offline = Date.now() < this.offlineUntil;
    const state: PhotoStatus['state'] = !this.settings.enabled
      ? 'off'
      : this.isFull
        ? 'full'
        : offline
          ? 'offline'
          : this.jobs.size > 0
            ? 'downloading'
            : 'idle';
    return {
      settings: { ...this.settings },
      state,
      cached: this.store.count,
      usedBytes: this.store.usedBytes,
      queued: this.jobs.size,
      failed: this.store.failures.size,
      lastFailure: this.lastFailure,
    };
  }

  /** Resolves when nothing is queued or downloading (tests, the sweep's pacing). */
  idle(): Promise<void> {
    if (this.jobs.size === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleListeners.add(resolve));
  }

  close(): void {
    this.abort.abort();
    this.dropQueue();
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer);
  }

  private dropQueue(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    for (const job of this.jobs.values()) for (const waiter of job.waiters) waiter(false);
    this.jobs.clear();
    this.pending.length = 0;
    this.checkIdle();
  }

  private pump(): void {
    if (this.abort.signal.aborted || !this.settings.enabled) return;
    const wait = this.offlineUntil - Date.now();
    if (wait > 0) {
      if (this.wakeTimer === null) {
        this.wakeTimer = setTimeout(() => {
          this.wakeTimer = null;
          this.pump();
        }, wait);
        this.wakeTimer.unref();
      }
      return;
    }
    while (this.running < this.options.concurrency && this.pending.length > 0) {
      if (this.isFull) {
        this.dropQueue();
        return;
      }
      const job = this.pending.shift()!;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.pump();
        this.checkIdle();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    job.attempts++;
    try {
      const bytes = await downloadPhoto(job.url, { timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxPhotoBytes, signal: this.abort.signal });
      this.networkFailures = 0;
      const copies = await makePhotoVariants(bytes);
      if (this.abort.signal.aborted || !this.jobs.has(job.key)) return;
      const size = copies.thumb.byteLength + copies.view.byteLength;
      if (this.store.usedBytes + size > this.capBytes) {
        // The cap is reached: nothing more is stored (the seller can raise it or turn downloads off).
        this.reachedCap = true;
        this.finish(job, false);
        this.dropQueue();
        return;
      }
      await this.store.save(job.key, copies);
      this.finish(job, true);
    } catch (error) {
      if (this.abort.signal.aborted || !this.jobs.has(job.key)) return;
      const failure = error instanceof PhotoDownloadError ? error : new PhotoDownloadError('retry', (error as Error).message);
      // Whoever is looking at this photo gets the placeholder now, not after the retries.
      for (const waiter of job.waiters.splice(0)) waiter(false);
      if (failure.kind === 'network' && ++this.networkFailures >= this.options.offlineAfter) {
        // The network is gone: pause everything, this photo not counted against its tries.
        this.offlineUntil = Date.now() + this.options.offlinePauseMs;
        job.attempts--;
        this.pending.unshift(job);
        for (const queued of this.jobs.values()) for (const waiter of queued.waiters.splice(0)) waiter(false);
        return;
      }
      if (failure.kind !== 'final' && job.attempts < this.options.attempts) {
        const timer = setTimeout(() => {
          this.retryTimers.delete(timer);
          if (!this.jobs.has(job.key)) return;
          this.pending.push(job);
          this.pump();
        }, this.options.backoffMs * 2 ** (job.attempts - 1));
        timer.unref();
        this.retryTimers.add(timer);
        return;
      }
      const reason = failure.kind === 'final' ? failure.message : `${failure.message} Gave up after ${job.attempts} tries.`;
      this.lastFailure = { url: job.url, reason };
      this.store.fail(job.key, { url: job.url, reason, at: Date.now() });
      this.finish(job, false);
    }
  }

  private finish(job: Job, cached: boolean): void {
    this.jobs.delete(job.key);
    for (const waiter of job.waiters.splice(0)) waiter(cached);
  }

  private checkIdle(): void {
    if (this.jobs.size > 0 || this.running > 0) return;
    for (const listener of this.idleListeners) listener();
    this.idleListeners.clear();
  }
}
