/** Shared by the queue tests: a catalog with listings and the fake optimizer. */
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { catalogWith, newListing } from '../edit/edit-catalog.js';

export { fakeProposal, fakeRunner, SUFFIX, type FakeRunner } from './fixtures/fake-optimizer.js';

/** A writer catalog with `count` listings (distinct titles and sources). */
export function catalogOf(count: number, path?: string): { catalog: Catalog; ids: number[]; path: string } {
  const listings = Array.from({ length: count }, (_, i) => newListing({ sourceId: `S${i}`, sku: `SKU-${i}`, title: `Listing number ${i}`, tags: ['tag'] }));
  return catalogWith(listings, { ...(path === undefined ? {} : { path }), scored: true });
}

export function countRows(catalog: Catalog, sql: string, ...args: unknown[]): number {
  return catalog.db.prepare(sql).pluck().get(...args) as number;
}
