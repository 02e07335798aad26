import { describe, expect, it } from 'vitest';
import { getListing } from '../../../core/catalog/get-listing.js';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { newListing, tempDbPath } from './temp-catalog.js';

describe('getListing', () => {
  it('round-trips every field, JSON columns and variants in order', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const input = newListing({
      marketplace: 'shopify',
      sourceId: 'linen-apron',
      sku: 'AP-9',
      title: 'Linen apron — “Sage” 🌿',
      description: '<p>Stone washed.</p>',
      priceMinor: 4_250,
      currency: 'EUR',
      quantity: null,
      tags: ['apron', 'linen', 'gift for cook'],
      materials: ['Linen', 'Brass'],
      images: ['https://picsum.photos/seed/1/600', 'https://picsum.photos/seed/2/600'],
      category: 'Home & Living > Kitchen',
      brand: null,
      condition: 'new',
      attributes: { Colour: 'Sage', 'Pocket count': '2' },
      status: 'draft',
      createdAt: 1_690_000_000_123,
      updatedAt: 1_695_000_000_456,
      variants: [
        { sku: 'AP-9-S', options: [{ name: 'Size', value: 'S' }], priceMinor: null, quantity: 3, image: null },
        { sku: 'AP-9-L', options: [{ name: 'Size', value: 'L' }, { name: 'Colour', value: 'Sage' }], priceMinor: 4_450, quantity: 0, image: 'https://picsum.photos/seed/3/600' },
      ],
    });
    const [, id] = insertListings(catalog.db, [newListing(), input]);
    const listing = getListing(catalog, id!);
    expect(listing).not.toBeNull();
    const { variants, ...rest } = listing!;
    const { variants: inputVariants, ...inputRest } = input;
    expect(rest).toEqual({ id, ...inputRest });
    expect(variants.map(({ id: variantId, ...variant }) => (expect(variantId).toBeGreaterThan(0), variant))).toEqual(inputVariants);
    catalog.close();
  });

  it('returns null for a missing id', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    expect(getListing(catalog, 12345)).toBeNull();
    catalog.close();
  });

  it('reads malformed JSON elements defensively', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const [id] = insertListings(catalog.db, [newListing()]);
    catalog.db
      .prepare(`UPDATE listings SET tags = '["ok", 1, null, {"a": 1}]', images = '[]', attributes = '{"Size": "M", "Count": 3, "Nested": {"x": 1}, "Flag": true}' WHERE id = ?`)
      .run(id);
    catalog.db.prepare(`INSERT INTO variants (listing_id, options) VALUES (?, '[{"name": "Size"}, {"name": "Size", "value": "S"}, 5]')`).run(id);
    const listing = getListing(catalog, id!)!;
    expect(listing.tags).toEqual(['ok']);
    expect(listing.images).toEqual([]);
    expect(listing.attributes).toEqual({ Size: 'M', Count: '3', Flag: 'true' });
    expect(listing.variants[0]!.options).toEqual([{ name: 'Size', value: 'S' }]);
    catalog.close();
  });
});
