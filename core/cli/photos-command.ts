/**
 * `listsmith photos [--db PATH] [--json]`: downloads the catalog's listing photos for offline use
 * now — what the app does in the background — with the same cache, settings and size limit, and
 * reports what it saved. Stops early (and says so) when the network is unreachable.
 */
import type { PhotoStatus } from '../../common/photo-types.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { PhotoCache } from '../photos/photo-cache.js';
import { readPhotoSettings } from '../photos/photo-settings.js';
import { readPhotoSources } from '../photos/photo-sources.js';
import { PhotoStore, photoDirFor } from '../photos/photo-store.js';

export const PHOTOS_USAGE = `  listsmith photos [--db PATH] [--json]
      downloads every listing photo for offline use now (as the app does in the background),
      into CATALOG.photos/ beside the catalog, within the size limit set in the app`;

const PAGE = 1_000;
const QUEUE_HIGH_WATER = 300;

/** Resolves when the queue is empty, or as soon as the cache finds the network unreachable. */
async function drained(cache: PhotoCache): Promise<void> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const offline = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      if (cache.status().state === 'offline') resolve();
    }, 250);
  });
  try {
    await Promise.race([cache.idle(), offline]);
  } finally {
    clearInterval(timer);
  }
}

export async function downloadCatalogPhotos(catalog: Catalog, onProgress: (status: PhotoStatus) => void = () => {}): Promise<PhotoStatus> {
  const settings = readPhotoSettings(catalog.db);
  if (!settings.enabled) throw new Error("Photo downloads are turned off for this catalog: turn them on in the app (the grid's Photo header) first.");
  const store = new PhotoStore(photoDirFor(catalog.path));
  await store.open();
  const cache = new PhotoCache(store, { settings });
  const progress = setInterval(() => onProgress(cache.status()), 1_000);
  try {
    let afterId: number | null = 0;
    while (afterId !== null && !cache.isFull) {
      if (cache.queued >= QUEUE_HIGH_WATER) {
        await drained(cache);
        if (cache.status().state === 'offline') break;
        continue;
      }
      const page = readPhotoSources(catalog.db, afterId, PAGE);
      cache.enqueue(page.urls);
      afterId = page.nextAfterId;
    }
    if (cache.status().state !== 'offline') await drained(cache);
    await store.flush();
    return cache.status();
  } finally {
    clearInterval(progress);
    cache.close();
  }
}
