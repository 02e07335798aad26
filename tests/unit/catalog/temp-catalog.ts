import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { NewListing } from '../../../core/catalog/insert-listings.js';

const made: string[] = [];

/** A fresh directory under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'listsmith-catalog-'));
  made.push(dir);
  return dir;
}

export function tempDbPath(): string {
  return path.join(tempDir(), 'catalog.sqlite');
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A valid listing with every field set; override what the test cares about. */
export function newListing(overrides: Partial<NewListing> = {}): NewListing {
  return {
    marketplace: 'etsy',
    sourceId: null,
    sku: 'SKU-1',
    title: 'Plain listing',
    description: 'A description.',
    priceMinor: 1000,
    currency: 'USD',
    quantity: 1,
    tags: ['tag'],
    materials: ['cotton'],
    images: ['https://picsum.photos/seed/1/600'],
    category: 'Test',
    brand: 'Brand',
    condition: 'new',
    attributes: { Colour: 'Red' },
    variants: [],
    status: 'active',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
