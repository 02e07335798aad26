import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMergedRowWarning } from '../../../common/import-report-text.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { collect, corpusFiles, corpusPath, fixture, importText } from './helpers.js';
import { importTwice, tilesAddUp } from './import-twice.js';
import { lostCells } from './no-cell-lost.js';

/**
 * Google Merchant feeds keep every field: the item id is the identity (a group's listing is keyed
 * by item_group_id, its items are variants keyed by their ids), attributes are written back to
 * their own columns, per-item fields that differ within a group are the variant's own columns, and
 * an availability word the status only approximates is kept.
 */

const TSV = [
  ['id', 'item_group_id', 'title', 'description', 'link', 'image_link', 'additional_image_link', 'availability', 'price', 'sale_price', 'brand', 'gtin', 'color', 'size', 'gender', 'age_group', 'custom_label_0', 'shipping(country:service:price)'],
  ['TEE-S', 'TEE', 'Heavy Tee', 'Soft cotton', 'https://s.example/tee?v=s', 'https://i.example/tee-s.jpg', 'https://i.example/a.jpg,https://i.example/b.jpg', 'in_stock', '12.00 USD', '', 'Acme', '00012345678905', 'Black', 'S', 'unisex', 'adult', 'summer', 'US:Standard:4.95 USD'],
  ['TEE-M', 'TEE', 'Heavy Tee', 'Soft cotton', 'https://s.example/tee?v=m', 'https://i.example/tee-m.jpg', 'https://i.example/a.jpg,https://i.example/b.jpg', 'backorder', '12.00 USD', '', 'Acme', '00012345678912', 'Black', 'M', 'unisex', 'adult', 'summer', 'US:Standard:4.95 USD'],
  ['TEE-L', 'TEE', 'Heavy Tee', 'Soft cotton', 'https://s.example/tee?v=l', 'https://i.example/tee-l.jpg', 'https://i.example/a.jpg,https://i.example/b.jpg', 'out_of_stock', '13.00 USD', '', 'Acme', '00012345678929', 'Black', 'L', 'unisex', 'adult', 'summer', 'US:Standard:4.95 USD'],
  ['MUG-1', '', 'Enamel Mug', 'Chipped', 'https://s.example/mug', 'https://i.example/mug.jpg', '', 'preorder', '6.50 USD', 'abc', 'Acme', '', '', '', '', '', 'winter', ''],
]
  .map((row) => row.join('\t'))
  .join('\n');

describe('Google Merchant TSV', () => {
  it('a group is one listing keyed by item_group_id; each item a variant keyed by its id, its own fields as columns', async () => {
    const { listings } = await importText(TSV, {}, 'tsv');
    const tee = listings.find((l) => l.sourceId === 'TEE')!;
    expect(tee).toMatchObject({ sku: null, title: 'Heavy Tee', priceMinor: 1200, status: 'active', lines: [2, 3, 4], images: ['https://i.example/tee-s.jpg', 'https://i.example/a.jpg', 'https://i.example/b.jpg'] });
    expect(tee.variants).toEqual([
      { sku: 'TEE-S', options: [{ name: 'Size', value: 'S' }], priceMinor: 1200, quantity: null, image: 'https://i.example/tee-s.jpg' },
      { sku: 'TEE-M', options: [{ name: 'Size', value: 'M' }], priceMinor: 1200, quantity: null, image: 'https://i.example/tee-m.jpg', columns: { link: 'https://s.example/tee?v=m', availability: 'backorder', gtin: '00012345678912' } },
      { sku: 'TEE-L', options: [{ name: 'Size', value: 'L' }], priceMinor: 1300, quantity: null, image: 'https://i.example/tee-l.jpg', columns: { link: 'https://s.example/tee?v=l', availability: 'out_of_stock', gtin: '00012345678929' } },
    ]);
  });

  it('attributes are written back to their own columns; grouped fields are kept as written', async () => {
    const { listings } = await importText(TSV, {}, 'tsv');
    const tee = listings.find((l) => l.sourceId === 'TEE')!;
    expect(tee.attributes).toEqual({ Link: 'https://s.example/tee?v=s', GTIN: '00012345678905', color: 'Black', gender: 'unisex', age_group: 'adult', custom_label_0: 'summer' });
    expect(tee.source?.attributeColumns).toEqual({ Link: 'link', GTIN: 'gtin', color: 'color', gender: 'gender', age_group: 'age_group', custom_label_0: 'custom_label_0' });
    expect(tee.source?.columns).toEqual({ 'shipping(country:service:price)': 'US:Standard:4.95 USD' });
    expect(tee.source?.unknown).toEqual(['category', 'condition', 'materials', 'quantity', 'tags']);
  });

  it('an availability word the status only approximates is kept; an unreadable sale price is kept with a warning', async () => {
    const { listings, rejected } = await importText(TSV, {}, 'tsv');
    expect(rejected).toEqual([]);
    const mug = listings.find((l) => l.sourceId === 'MUG-1')!;
    expect(mug).toMatchObject({ sku: 'MUG-1', status: 'active', priceMinor: 650 });
    expect(mug.source?.status).toBe('preorder');
    expect(mug.source?.columns).toEqual({ sale_price: 'abc' });
    expect(mug.warnings).toContainEqual({ line: 5, column: 'sale_price', message: 'Sale price "abc" is not a price; kept as written.' });
  });

  it('no cell is lost; re-importing the feed changes nothing', async () => {
    const path = fixture(TSV, 'tsv');
    expect(await lostCells(path, (await collect(path)).records)).toEqual([]);
    const [first, again] = await importTwice(path);
    expect(first.rows).toEqual({ new: 2, updated: 0, unchanged: 0, partOf: 2, merged: 0, rejected: 0 });
    expect(again.rows).toEqual({ new: 0, updated: 0, unchanged: 2, partOf: 2, merged: 0, rejected: 0 });
    expect([first, again].every(tilesAddUp)).toBe(true);
  });
});

describe('Google Merchant XML', () => {
  const RSS = `<?xml version="1.0"?>
<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><title>Shop</title>
<item>
<g:id>W-16</g:id><g:item_group_id>W</g:item_group_id>
<g:variant_option><g:name>color</g:name><g:value>Natural Black</g:value></g:variant_option>
<g:variant_option><g:name>length</g:name><g:value>16inch/40cm</g:value></g:variant_option>
<title>Wig 16</title><g:title>Deep Wave Wig 16"</g:title>
<link>https://w.example/wig?v=16</link>
<g:image_link>https://w.example/1.jpg</g:image_link>
<g:additional_image_link>https://w.example/2.jpg</g:additional_image_link>
<g:additional_image_link>https://w.example/3.jpg</g:additional_image_link>
<g:product_highlight>Human hair</g:product_highlight><g:product_highlight>Pre-plucked</g:product_highlight>
<g:availability>in_stock</g:availability><g:price>199.00 USD</g:price>
<g:shipping><g:country>US</g:country><g:service>Standard</g:service><g:price>0.00 USD</g:price></g:shipping>
<g:shipping><g:country>CA</g:country><g:price>9.00 USD</g:price></g:shipping>
</item>
<item>
<g:id>W-20</g:id><g:item_group_id>W</g:item_group_id>
<g:variant_option><g:name>color</g:name><g:value>Natural Black</g:value></g:variant_option>
<g:variant_option><g:name>length</g:name><g:value>20inch/50cm</g:value></g:variant_option>
<g:title>Deep Wave Wig 20"</g:title>
<link>https://w.example/wig?v=20</link>
<g:image_link>https://w.example/1.jpg</g:image_link>
<g:availability>in_stock</g:availability><g:price>249.00 USD</g:price>
</item>
</channel></rss>`;

  it('a feed written on one line numbers its items: every item has its own number, a repeat is merged as "Item 2 … item 1"', async () => {
    const item = (id: string, title: string) => `<item><g:id>${id}</g:id><g:title>${title}</g:title><g:price>47.00 BGN</g:price></item>`;
    const oneLine = `<?xml version='1.0' encoding='utf-8'?><rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>${item('A', 'One')}${item('B', 'Two')}${item('A', 'One again')}</channel></rss>`;
    const { records, source } = await importText(oneLine, {}, 'xml');
    expect(source.rowUnit).toBe('item');
    expect(records.flatMap((r) => r.lines).sort()).toEqual([1, 2, 3]);
    const catalog = openCatalog(join(mkdtempSync(join(tmpdir(), 'listsmith-xml-items-')), 'c.sqlite'), { role: 'writer' });
    try {
      const report = await applyImport(catalog, await openImportSource(fixture(oneLine, 'xml'), { fileName: 'feed.xml' }), { fileName: 'feed.xml', operationId: 'xml-items' });
      expect(report.rowUnit).toBe('item');
      expect(report.rows).toMatchObject({ new: 2, merged: 1 });
      expect(report.warnings.filter(isMergedRowWarning).map((w) => w.message)).toEqual([expect.stringMatching(/^Item 3 names the same listing as item 1 \(id A\)/)]);
    } finally {
      catalog.close();
    }
  });

  it('variant_option pairs are the options; repeated and grouped elements are all kept', async () => {
    const path = fixture(RSS, 'xml');
    const { listings, records } = await collect(path);
    expect(listings).toHaveLength(1);
    const wig = listings[0]!;
    expect(wig).toMatchObject({ sourceId: 'W', sku: null, title: 'Deep Wave Wig 16"', priceMinor: 19900, images: ['https://w.example/1.jpg', 'https://w.example/2.jpg', 'https://w.example/3.jpg'] });
    expect(wig.variants.map((v) => [v.sku, v.options, v.priceMinor])).toEqual([
      ['W-16', [{ name: 'color', value: 'Natural Black' }, { name: 'length', value: '16inch/40cm' }], 19900],
      ['W-20', [{ name: 'color', value: 'Natural Black' }, { name: 'length', value: '20inch/50cm' }], 24900],
    ]);
    expect(wig.attributes['product_highlight']).toBe('Human hair,Pre-plucked');
    expect(wig.source?.columns).toEqual({ 'title (plain)': 'Wig 16', 'shipping(country:service:price)': 'US:Standard:0.00 USD,CA::9.00 USD' });
    expect(wig.variants[1]!.columns).toEqual({ title: 'Deep Wave Wig 20"', link: 'https://w.example/wig?v=20' });
    expect(await lostCells(path, records)).toEqual([]);
  });
});

const GOOGLE_FILES = corpusFiles().filter((f) => f.startsWith('google-merchant'));

describe.skipIf(GOOGLE_FILES.length === 0)('Google corpus files: every row accounted for, no cell lost', () => {
  it.each(GOOGLE_FILES)('%s', async (file) => {
    const path = corpusPath(file);
    const { source, records } = await collect(path);
    const lines = records.flatMap((r) => r.lines);
    expect(new Set(lines).size).toBe(source.dataRows());
    expect(lines).toHaveLength(source.dataRows());
    expect(await lostCells(path, records)).toEqual([]);
  });

  it('item groups (apparel RSS): one listing per group, each size a variant keyed by its id', async () => {
    const file = 'google-merchant_feed_rss_item-group-id_apparel__TumbleweedNO.xml';
    if (!GOOGLE_FILES.includes(file)) return;
    const { listings } = await collect(corpusPath(file));
    expect(listings).toHaveLength(73);
    expect(listings.reduce((n, l) => n + l.variants.length, 0)).toBe(317);
    const hoodie = listings.find((l) => l.sourceId === 'hoodie-001')!;
    expect(hoodie.variants.map((v) => [v.sku, v.options])).toEqual(['s', 'm', 'l', 'xl', '2xl'].map((size) => [`hoodie-001-${size}`, [{ name: 'Size', value: size.toUpperCase() }]]));
    expect(hoodie.source?.columns['shipping(country:service:price)']).toBeDefined();
  });
});
