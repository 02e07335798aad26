import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertListings } from '../../core/catalog/insert-listings.js';
import { openCatalog } from '../../core/catalog/open-catalog.js';
import type { NewListing } from '../../core/catalog/insert-listings.js';
import { startPhotoServer, type PhotoServer } from '../unit/photos/photo-server.js';
import { startHost, type RunningHost } from './hosts.js';

/**
 * A small catalog for the photo and column specs, served by its own web host: listings whose photos
 * live on a local plain-http photo server (real JPEG, PNG and WebP made with sharp), SKU twins that
 * differ only at the end (`…-FBA`), large quantities and prices in three currencies.
 */
export interface PhotoCatalog {
  url: string;
  photos: PhotoServer;
  listings: number;
  stop(): Promise<void>;
}

export const LONG_SKU = 'MUG-BLUE-CERAMIC-LARGE-12OZ-HANDMADE';
export const CURRENCIES = ['USD', 'GBP', 'EUR'] as const;

function listing(i: number, photoBase: string): NewListing {
  const photo = ['photo.jpg', 'photo.png', 'photo.webp'][i % 3]!;
  return {
    marketplace: i % 2 === 0 ? 'etsy' : 'amazon',
    sourceId: `e2e-${i}`,
    sku: i === 0 ? LONG_SKU : i === 1 ? `${LONG_SKU}-FBA` : `SKU-${String(i).padStart(4, '0')}`,
    title: `Photo test listing ${i}: ceramic mug`,
    description: 'A mug.',
    priceMinor: 500 + ((i * 7_919) % 20_000),
    currency: CURRENCIES[i % 3]!,
    quantity: i === 2 ? 1_234_567 : i === 3 ? 14_500 : i,
    tags: ['mug'],
    materials: [],
    // A query string per listing: distinct URLs, so every listing has its own cached copy.
    images: [`${photoBase}/${photo}?listing=${i}`],
    category: 'Mugs',
    brand: null,
    condition: 'new',
    status: 'active',
    attributes: {},
    variants: [],
    createdAt: 1_750_000_000_000 + i * 60_000,
    updatedAt: 1_750_000_000_000 + i * 60_000,
  };
}

export async function startPhotoCatalog(count = 60): Promise<PhotoCatalog> {
  const photos = await startPhotoServer();
  const dir = mkdtempSync(join(tmpdir(), 'listsmith-e2e-photos-'));
  const databasePath = join(dir, 'catalog.sqlite');
  const writer = openCatalog(databasePath, { role: 'writer' });
  insertListings(
    writer.db,
    Array.from({ length: count }, (_, i) => listing(i, photos.base)),
  );
  writer.close();
  let host: RunningHost;
  try {
    host = await startHost(databasePath);
  } catch (error) {
    await photos.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: host.url,
    photos,
    listings: count,
    async stop() {
      host.process.kill('SIGTERM');
      await new Promise((resolve) => host.process.once('exit', resolve));
      await photos.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
