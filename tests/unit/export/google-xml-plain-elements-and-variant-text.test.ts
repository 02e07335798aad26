import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { exportListings } from '../../../core/export/export-listings.js';
import { tempDir } from '../catalog/temp-catalog.js';
import { readAllListings } from '../fidelity/catalog-state.js';
import { catalogFromText, reimport } from './export-helpers.js';

/**
 * Two real RSS feeds that changed on the way through our XML feed export:
 * - team340/purasynth merchant-feed.xml has a plain `<link>` beside `<g:link>`: kept as
 *   `link (plain)`, it went out as `<g:link__plain_>` and came back as another attribute;
 * - jshermanj1-cpu/sherman-artworks-site merchant-feed.xml names its items' sizes in their titles
 *   (`Custom Ram's Horn Shofar, Symbol &amp; Text - S`): a variant's own title was kept undecoded,
 *   the export escaped it once more, and it came back as `Symbol &amp; Text`.
 */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Shop</title>
<item><g:id>W-1</g:id><title>Wheel Set</title><link>https://shop.example/w</link><g:link>https://shop.example/w</g:link><g:description>Six wheels</g:description><g:image_link>https://img.example/w.jpg</g:image_link><g:availability>in_stock</g:availability><g:price>2899.00 USD</g:price><g:condition>new</g:condition></item>
<item><g:id>S-S</g:id><g:item_group_id>S</g:item_group_id><g:title>Shofar, Symbol &amp; Text - S</g:title><g:description>Horn</g:description><g:image_link>https://img.example/s.jpg</g:image_link><g:availability>in_stock</g:availability><g:price>751.00 USD</g:price><g:size>S</g:size></item>
<item><g:id>S-M</g:id><g:item_group_id>S</g:item_group_id><g:title>Shofar, Symbol &amp; Text - M</g:title><g:description>Horn</g:description><g:image_link>https://img.example/s.jpg</g:image_link><g:availability>in_stock</g:availability><g:price>851.00 USD</g:price><g:size>M</g:size></item>
</channel></rss>`;

describe('Google XML feed export: plain elements and variants own text', () => {
  it('reads back unchanged', async () => {
    const catalog = await catalogFromText(FEED, { ext: 'xml' });
    const before = readAllListings(catalog);
    const shofar = before.find((l) => l.sourceId === 'S')!;
    expect(shofar.variants.map((v) => v.columns?.['title'])).toEqual([undefined, 'Shofar, Symbol & Text - M']);
    const summary = await exportListings(catalog, { format: 'google_merchant_xml', scope: { kind: 'all' }, outPath: path.join(tempDir(), 'feed.xml') });
    const back = await reimport(summary);
    const view = (l: (typeof before)[number]): unknown[] => [l.sourceId, l.title, l.attributes, l.source?.attributeColumns, l.variants.map((v) => v.columns)];
    expect(back.map(view).sort()).toEqual(before.map(view).sort());
    catalog.close();
  });
});
