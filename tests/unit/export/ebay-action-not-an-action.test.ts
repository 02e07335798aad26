import { describe, expect, it } from 'vitest';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, exportAll, reimport } from './export-helpers.js';

/**
 * A trading-card seller's File Exchange file (bidcoinauction/soccer_listings data/ebay_listing.csv)
 * has its rows shifted under a doubled `*Action` header: 12 rows hold a team name ("Seattle
 * Sounders FC") in the first Action column. Read as an active listing, it went out as a Draft (no
 * eBay action to write back) and came back a draft: the round trip changed its status.
 */
const HEADER = '*Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8),CustomLabel,*Category,*Title,*ConditionID,PicURL,*Description,*Format,*StartPrice,*Quantity';
const CSV = [
  HEADER,
  'Seattle Sounders FC,C-1,261328,2024 Topps Finest MLS 65 Tyler Wolff Refractor,4000,https://img.example/1.jpg,Card,FixedPrice,4.99,1',
  ',C-2,261328,2024 Topps Finest MLS 101 Cristian Arango,4000,https://img.example/2.jpg,Card,FixedPrice,3.99,1',
  'Add,C-3,261328,2024 Topps Finest MLS 137 Liel Abada,4000,https://img.example/3.jpg,Card,FixedPrice,2.99,1',
].join('\n');

describe('eBay upload: an Action cell that is no eBay action', () => {
  it('is read as a draft (eBay would not list it), kept as written, and the round trip keeps every status', async () => {
    const catalog = await catalogFromText(CSV);
    const before = readAllListings(catalog);
    expect(Object.fromEntries(before.map((l) => [l.sku, l.status]))).toEqual({ 'C-1': 'draft', 'C-2': 'draft', 'C-3': 'active' });
    expect(before.find((l) => l.sku === 'C-1')!.source?.columns[HEADER.split(',')[0]!]).toBe('Seattle Sounders FC');
    const { summary } = await exportAll(catalog, 'ebay_seller_hub');
    const back = await reimport(summary);
    expect(Object.fromEntries(back.map((l) => [l.sku, l.status]))).toEqual({ 'C-1': 'draft', 'C-2': 'draft', 'C-3': 'active' });
    catalog.close();
  });
});
