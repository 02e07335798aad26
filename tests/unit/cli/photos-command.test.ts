import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { downloadCatalogPhotos } from '../../../core/cli/photos-command.js';
import { writePhotoSettings } from '../../../core/photos/photo-settings.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { startPhotoServer, type PhotoServer } from '../photos/photo-server.js';

let server: PhotoServer;
beforeAll(async () => {
  server = await startPhotoServer();
});
afterAll(async () => {
  await server.close();
});

describe('listsmith photos', () => {
  it('saves every photo of the catalog for offline use and reports what it could not', async () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    insertListings(catalog.db, [
      newListing({ sku: 'a', images: [`${server.base}/photo.jpg`, `${server.base}/photo.png`] }),
      newListing({ sku: 'b', images: [`${server.base}/photo.webp`, `${server.base}/missing.jpg`] }),
    ]);
    const status = await downloadCatalogPhotos(catalog);
    expect(status).toMatchObject({ state: 'idle', cached: 3, failed: 1, queued: 0, lastFailure: { url: `${server.base}/missing.jpg` } });
    expect(existsSync(`${catalog.path}.photos`)).toBe(true);
    // Run again: nothing new to fetch.
    const hits = server.hits.get('/photo.jpg');
    expect((await downloadCatalogPhotos(catalog)).cached).toBe(3);
    expect(server.hits.get('/photo.jpg')).toBe(hits);
    catalog.close();
  });

  it('stops and says so when the network is unreachable, and refuses when downloads are off', async () => {
    const dead = await startPhotoServer();
    await dead.close();
    const catalog = openCatalog(join(tempDbPath()), { role: 'writer' });
    insertListings(catalog.db, Array.from({ length: 6 }, (_, i) => newListing({ sku: `d${i}`, images: [`${dead.base}/p${i}.jpg`] })));
    const status = await downloadCatalogPhotos(catalog);
    expect(status.state).toBe('offline');
    expect(status.cached).toBe(0);
    expect(status.failed).toBe(0);

    writePhotoSettings(catalog.db, { enabled: false, capMb: 500 });
    await expect(downloadCatalogPhotos(catalog)).rejects.toThrow(/turned off for this catalog/);
    catalog.close();
  });
});
