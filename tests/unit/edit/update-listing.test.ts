import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { updateListing } from '../../../core/edit/update-listing.js';
import { catalogWith, count, expectedQuality, ftsIds, listing, newListing, snapshot, storedQuality } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

function setup(scored = true) {
  const made = catalogWith(
    [
      newListing({ marketplace: 'etsy', title: 'Sterling silver ring', sku: 'A' }),
      newListing({ marketplace: 'ebay', title: 'Copper bracelet', sku: 'B', tags: [] }),
    ],
    { scored },
  );
  open.push(made.catalog);
  return made;
}

describe('listing.update', () => {
  it('writes the changed fields, updated_at, quality, a change set and a revision', () => {
    const { catalog, ids } = setup();
    const id = ids[0]!;
    const before = listing(catalog, id);
    const outcome = updateListing(catalog, { id, changes: { title: 'Gold ring with garnet', priceMinor: 2500, sku: 'A' }, expectedUpdatedAt: before.updatedAt }, 1_800_000_000_000);

    expect(outcome.listing).toMatchObject({ id, title: 'Gold ring with garnet', priceMinor: 2500, sku: 'A', updatedAt: 1_800_000_000_000 });
    expect(outcome.changeSet).toMatchObject({ author: 'user', kind: 'edit', summary: 'Edited title and price of “Gold ring with garnet”', listingCount: 1, state: 'applied' });
    expect(storedQuality(catalog, id)).toEqual(expectedQuality(outcome.listing));

    const revisions = catalog.db.prepare('SELECT listing_id, author, created_at, changes, change_set_id FROM revisions').all();
    expect(revisions).toEqual([
      {
        listing_id: id,
        author: 'user',
        created_at: 1_800_000_000_000,
        changes: JSON.stringify({ title: { before: 'Sterling silver ring', after: 'Gold ring with garnet' }, priceMinor: { before: 1000, after: 2500 } }),
        change_set_id: outcome.changeSet!.id,
      },
    ]);
    // The other listing is untouched.
    expect(listing(catalog, ids[1]!).title).toBe('Copper bracelet');
  });

  it('lists, records and nulls round-trip', () => {
    const { catalog, ids } = setup();
    const outcome = updateListing(catalog, { id: ids[0]!, changes: { tags: ['gift', 'Ring'], attributes: { Size: '7' }, brand: null, quantity: null } });
    expect(outcome.listing).toMatchObject({ tags: ['gift', 'Ring'], attributes: { Size: '7' }, brand: null, quantity: null });
    const changes = JSON.parse(catalog.db.prepare('SELECT changes FROM revisions').pluck().get() as string) as Record<string, unknown>;
    expect(changes).toEqual({
      tags: { before: ['tag'], after: ['gift', 'Ring'] },
      attributes: { before: { Colour: 'Red' }, after: { Size: '7' } },
      brand: { before: 'Brand', after: null },
      quantity: { before: 1, after: null },
    });
  });

  it('fails with conflict when the listing changed since the editor loaded it, and writes nothing', () => {
    const { catalog, ids } = setup();
    const id = ids[0]!;
    const loaded = listing(catalog, id).updatedAt;
    updateListing(catalog, { id, changes: { priceMinor: 1200 }, expectedUpdatedAt: loaded });
    const state = snapshot(catalog);
    expect(() => updateListing(catalog, { id, changes: { title: 'Stale edit' }, expectedUpdatedAt: loaded })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('was changed elsewhere') }),
    );
    expect(snapshot(catalog)).toEqual(state);
  });

  it('moves updated_at forward even within the same millisecond, so a second stale save conflicts', () => {
    const { catalog, ids } = setup();
    const id = ids[0]!;
    const first = updateListing(catalog, { id, changes: { priceMinor: 1 } }, 1_800_000_000_000);
    const second = updateListing(catalog, { id, changes: { priceMinor: 2 }, expectedUpdatedAt: first.listing.updatedAt }, 1_800_000_000_000);
    expect(second.listing.updatedAt).toBe(first.listing.updatedAt + 1);
    expect(() => updateListing(catalog, { id, changes: { priceMinor: 3 }, expectedUpdatedAt: first.listing.updatedAt }, 1_800_000_000_000)).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it('an edit that changes nothing writes nothing (even from a stale editor)', () => {
    const { catalog, ids } = setup();
    const state = snapshot(catalog);
    const outcome = updateListing(catalog, { id: ids[0]!, changes: { title: 'Sterling silver ring', tags: ['tag'], attributes: { Colour: 'Red' } }, expectedUpdatedAt: 1 });
    expect(outcome.changeSet).toBeNull();
    expect(outcome.listing.title).toBe('Sterling silver ring');
    expect(updateListing(catalog, { id: ids[0]!, changes: {} }).changeSet).toBeNull();
    expect(snapshot(catalog)).toEqual(state);
  });

  it('rejects a title over the marketplace hard limit and writes nothing', () => {
    const { catalog, ids } = setup();
    const state = snapshot(catalog);
    const call = () => updateListing(catalog, { id: ids[1]!, changes: { title: 'x'.repeat(152), priceMinor: 5 } });
    expect(call).toThrow(expect.objectContaining({ code: 'invalid_input', message: 'Title is 152 characters; eBay allows 80. Shorten it by 72. Nothing was saved.' }));
    expect(snapshot(catalog)).toEqual(state);
    // The limit is the listing's own marketplace's: 100 characters fit Etsy's 140.
    expect(updateListing(catalog, { id: ids[0]!, changes: { title: 'y'.repeat(100) } }).changeSet).not.toBeNull();
  });

  it('rejects a 14th Etsy tag', () => {
    const { catalog, ids } = setup();
    const tags = Array.from({ length: 14 }, (_, i) => `tag${i}`);
    expect(() => updateListing(catalog, { id: ids[0]!, changes: { tags } })).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('Etsy allows 13') }));
  });

  it('fails not_found for a missing listing', () => {
    const { catalog } = setup();
    expect(() => updateListing(catalog, { id: 999, changes: { title: 'x' } })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(count(catalog, 'change_sets')).toBe(0);
  });

  it('scores a listing that was not scored yet', () => {
    const { catalog, ids } = setup(false);
    expect(storedQuality(catalog, ids[0]!).quality_score).toBeNull();
    const outcome = updateListing(catalog, { id: ids[0]!, changes: { priceMinor: 0 } });
    expect(storedQuality(catalog, ids[0]!)).toEqual(expectedQuality(outcome.listing));
    expect(storedQuality(catalog, ids[0]!).failing_rules).toContain('etsy.price.positive');
  });

  it('full-text search finds the new title and no longer the old one', () => {
    const { catalog, ids } = setup();
    expect(ftsIds(catalog, 'sterling')).toEqual([ids[0]]);
    updateListing(catalog, { id: ids[0]!, changes: { title: 'Garnet pendant' } });
    expect(ftsIds(catalog, 'garnet')).toEqual([ids[0]]);
    expect(ftsIds(catalog, 'sterling')).toEqual([]);
    updateListing(catalog, { id: ids[1]!, changes: { tags: ['handmade'] } });
    expect(ftsIds(catalog, 'handmade')).toEqual([ids[1]]);
  });
});
