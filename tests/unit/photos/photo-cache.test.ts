import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { PhotoCache, type PhotoCacheOptions } from '../../../core/photos/photo-cache.js';
import { photoKey } from '../../../core/photos/photo-key.js';
import { PhotoStore } from '../../../core/photos/photo-store.js';
import { THUMB_PX, VIEW_PX } from '../../../core/photos/photo-variants.js';
import { tempDir } from '../catalog/temp-catalog.js';
import { startPhotoServer, type PhotoServer } from './photo-server.js';

let server: PhotoServer;
beforeAll(async () => {
  server = await startPhotoServer();
});
afterAll(async () => {
  await server.close();
});

const open: PhotoCache[] = [];
afterEach(() => {
  for (const cache of open.splice(0)) cache.close();
});

/** Short deadlines and backoff so retries and timeouts happen within the test. */
const FAST: Omit<PhotoCacheOptions, 'settings'> = { concurrency: 3, attempts: 3, backoffMs: 30, timeoutMs: 400, maxPhotoBytes: 1_048_576, offlineAfter: 3, offlinePauseMs: 60_000 };

async function newCache(overrides: Partial<PhotoCacheOptions> = {}, dir = tempDir()): Promise<{ cache: PhotoCache; store: PhotoStore; dir: string }> {
  const store = new PhotoStore(join(dir, 'catalog.sqlite.photos'));
  await store.open();
  const cache = new PhotoCache(store, { ...FAST, settings: { enabled: true, capMb: 500 }, ...overrides });
  open.push(cache);
  return { cache, store, dir };
}

describe('photo cache', () => {
  it('downloads JPEG, PNG and WebP over plain http and keeps a 96 px thumbnail and a ≤ 640 px view copy', async () => {
    const { cache, store } = await newCache();
    const urls = ['photo.jpg', 'photo.png', 'photo.webp'].map((name) => `${server.base}/${name}`);
    expect(cache.enqueue(urls)).toBe(3);
    await cache.idle();
    expect(cache.status()).toMatchObject({ state: 'idle', cached: 3, failed: 0, queued: 0 });
    for (const url of urls) {
      const thumb = await sharp(cache.localFile(url, 'thumb')!).metadata();
      expect(thumb).toMatchObject({ format: 'webp', width: THUMB_PX, height: THUMB_PX });
      const view = await sharp(cache.localFile(url, 'view')!).metadata();
      expect(view.format).toBe('webp');
      expect(Math.max(view.width, view.height)).toBeLessThanOrEqual(VIEW_PX);
    }
    // The 1200 × 900 WebP keeps its aspect; the 300 × 500 PNG is not enlarged.
    expect(await sharp(cache.localFile(urls[2]!, 'view')!).metadata()).toMatchObject({ width: 640, height: 480 });
    expect(await sharp(cache.localFile(urls[1]!, 'view')!).metadata()).toMatchObject({ width: 300, height: 500 });
    // Named by the URL's hash, beside the catalog.
    expect(store.pathOf(photoKey(urls[0]!), 'thumb')).toContain(`catalog.sqlite.photos`);
    expect(cache.status().usedBytes).toBeGreaterThan(0);
    // Already cached: not queued or fetched again.
    expect(cache.enqueue(urls)).toBe(0);
    expect(server.hits.get('/photo.jpg')).toBe(1);
  });

  it('retries a server error with backoff and gets the photo on the third try', async () => {
    const { cache } = await newCache();
    const url = `${server.base}/flaky.jpg`;
    // The page asking for it gets its placeholder at once rather than waiting through the retries…
    expect(await cache.request(url, 5_000)).toBe(false);
    // …and the retries go on in the background.
    await cache.idle();
    expect(server.hits.get('/flaky.jpg')).toBe(3);
    expect(await cache.request(url, 5_000)).toBe(true);
    expect(cache.localFile(url, 'thumb')).not.toBeNull();
  });

  it('gives up on what cannot work (404, corrupt, not an image, too large, too slow, always 503) with a reason, and nothing crashes', async () => {
    const { cache, store } = await newCache();
    const names = ['missing.jpg', 'corrupt.jpg', 'not-an-image.jpg', 'big.png', 'big-chunked.png', 'slow.jpg', 'down.jpg'];
    const urls = names.map((name) => `${server.base}/${name}`);
    cache.enqueue([...urls, `${server.base}/photo.jpg`]);
    await cache.idle();
    const status = cache.status();
    const reasons = Object.fromEntries(names.map((name, i) => [name, store.failures.get(photoKey(urls[i]!))?.reason ?? '']));
    expect(reasons).not.toEqual({});
    expect(status.failed, JSON.stringify(reasons)).toBe(names.length);
    expect(reasons['missing.jpg']).toMatch(/HTTP 404/);
    expect(reasons['corrupt.jpg']).toMatch(/Not a readable image/);
    expect(reasons['not-an-image.jpg']).toMatch(/Not a readable image/);
    expect(reasons['big.png']).toMatch(/over the 1\.0 MB limit/);
    expect(reasons['big-chunked.png']).toMatch(/over the 1\.0 MB limit/);
    expect(reasons['slow.jpg']).toMatch(/Gave up after 3 tries/);
    expect(reasons['down.jpg']).toMatch(/HTTP 503.*Gave up after 3 tries/);
    // Final answers are asked once; retryable ones up to the attempt limit.
    expect(server.hits.get('/missing.jpg')).toBe(1);
    expect(server.hits.get('/corrupt.jpg')).toBe(1);
    expect(server.hits.get('/down.jpg')).toBe(3);
    for (const url of urls) expect(cache.localFile(url, 'thumb')).toBeNull();
    // The good photo among them still made it.
    expect(cache.localFile(`${server.base}/photo.jpg`, 'thumb')).not.toBeNull();
    // Failures are remembered across restarts: a reopened cache does not ask for them again.
    await store.flush();
    const reopened = new PhotoStore(store.dir);
    await reopened.open();
    expect(reopened.failures.size).toBe(names.length);
    expect(reopened.count).toBe(1);
  });

  it('stops at the size cap', async () => {
    const { cache, store } = await newCache({ settings: { enabled: true, capMb: 1 }, concurrency: 1, maxPhotoBytes: 4 * 1_048_576 });
    const urls = Array.from({ length: 12 }, (_, i) => `${server.base}/noise/${i}.png`);
    cache.enqueue(urls);
    await cache.idle();
    const status = cache.status();
    expect(status.cached).toBeGreaterThan(0);
    expect(status.cached).toBeLessThan(12);
    expect(store.usedBytes).toBeLessThanOrEqual(1_048_576);
    expect(status.state).toBe('full');
    expect(status.failed).toBe(0);
    // Full: nothing more is queued, and a request is answered at once.
    expect(cache.enqueue([`${server.base}/photo.png`])).toBe(0);
    expect(await cache.request(`${server.base}/photo.webp`, 5_000)).toBe(false);
    // Raising the cap lets it go on.
    cache.configure({ enabled: true, capMb: 50 });
    expect(cache.enqueue(urls)).toBeGreaterThan(0);
    await cache.idle();
    expect(cache.status().cached).toBe(12);
  });

  it('downloads nothing when the setting is off, and drops its queue when turned off', async () => {
    const { cache } = await newCache({ settings: { enabled: false, capMb: 500 } });
    const before = server.hits.get('/noise/5.png') ?? 0;
    expect(cache.enqueue([`${server.base}/noise/5.png`])).toBe(0);
    expect(await cache.request(`${server.base}/noise/5.png`, 5_000)).toBe(false);
    expect(cache.status()).toMatchObject({ state: 'off', queued: 0, cached: 0 });
    expect(server.hits.get('/noise/5.png') ?? 0).toBe(before);

    cache.configure({ enabled: true, capMb: 500 });
    cache.enqueue([`${server.base}/slow.jpg`]);
    expect(cache.status().state).toBe('downloading');
    cache.configure({ enabled: false, capMb: 500 });
    expect(cache.status()).toMatchObject({ state: 'off', queued: 0 });
    await cache.idle();
  });

  it('goes offline when the network is unreachable, without counting it against the photos', async () => {
    const { cache, store } = await newCache({ concurrency: 1 });
    // A closed port: connection refused, as when the network is down.
    const dead = await startPhotoServer();
    const deadBase = dead.base;
    await dead.close();
    const urls = Array.from({ length: 4 }, (_, i) => `${deadBase}/p${i}.jpg`);
    cache.enqueue(urls);
    await expect.poll(() => cache.status().state, { timeout: 5_000 }).toBe('offline');
    expect(cache.status().queued).toBe(4);
    expect(store.failures.size).toBe(0);
    expect(await cache.request(urls[0]!, 5_000)).toBe(false);
  });

  it('keeps copies across restarts and ignores half-written pairs', async () => {
    const dir = tempDir();
    const first = await newCache({}, dir);
    await first.cache.request(`${server.base}/photo.jpg`, 5_000);
    const second = await newCache({}, dir);
    expect(second.cache.localFile(`${server.base}/photo.jpg`, 'view')).not.toBeNull();
    expect(second.store.usedBytes).toBe(first.store.usedBytes);
    const shard = join(second.store.dir, photoKey(`${server.base}/photo.jpg`).slice(0, 2));
    expect(readdirSync(shard).every((name) => name.endsWith('.webp'))).toBe(true);
    expect(existsSync(join(second.store.dir, 'failed.json'))).toBe(false);
  });
});

describe('photo host', () => {
  it('says plainly why photos cannot be saved when the folder beside the catalog cannot be made', async () => {
    const { PhotoHost } = await import('../../../core/photos/photo-host.js');
    const { writeFileSync } = await import('node:fs');
    const dir = tempDir();
    // A file where the photo folder would go: mkdir fails as on a read-only disk.
    writeFileSync(join(dir, 'catalog.sqlite.photos'), 'not a folder');
    const host = new PhotoHost({
      catalogPath: join(dir, 'catalog.sqlite'),
      loadSettings: async () => ({ enabled: true, capMb: 500 }),
      saveSettings: async (settings) => settings,
      sources: async () => ({ urls: [], nextAfterId: null }),
    });
    await expect(host.start()).rejects.toThrow();
    expect(() => host.status()).toThrow(/Photos cannot be saved beside the catalog .*writable/);
    await expect(host.configure({ enabled: false })).rejects.toThrow(/Photos cannot be saved/);
    // The pages still get an answer: no photo, the placeholder.
    expect(await host.file(`${server.base}/photo.jpg`, 'thumb')).toBeNull();
    host.close();
  });
});
