import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { XmlFeedRepair } from '../../../core/import/xml-feed-repair.js';
import { applyImport } from '../../../core/import/apply-import.js';
import { openImportSource } from '../../../core/import/open-import-source.js';
import { tempDbPath } from '../catalog/temp-catalog.js';
import { collect, fixture } from './helpers.js';

/**
 * Feeds a strict XML reader loses items of: a raw `&` in a link (real: airfeel-filters/airfeel-feed,
 * `…png?v=1748724578&width=990`), a CDATA section closed with `]]` (real: KirillKirpikin/bedoin-server).
 */

function repairInChunks(text: string, size: number): { out: string; fixer: XmlFeedRepair } {
  const fixer = new XmlFeedRepair();
  let out = '';
  for (let i = 0; i < text.length; i += size) out += fixer.push(text.slice(i, i + size));
  return { out: out + fixer.end(), fixer };
}

const item = (id: number, link: string): string =>
  `<item><g:id>AF-${id}</g:id><g:title>Filter ${id}</g:title><g:price>29.90 USD</g:price>\n<g:image_link>${link}</g:image_link></item>\n`;
const feed = (...items: string[]): string => `<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>\n${items.join('')}</channel></rss>\n`;

describe('a raw "&" in an XML feed', () => {
  it('becomes &amp; outside CDATA, whatever the chunk size; entities, character references and CDATA stay as written', () => {
    const text = 'a & b &amp; &#38; &#x26; &nbsp; <![CDATA[ x & y ]]> c&d\n&e;f <x a="1&2"/>';
    const expected = 'a &amp; b &amp; &#38; &#x26; &nbsp; <![CDATA[ x & y ]]> c&amp;d\n&e;f <x a="1&amp;2"/>';
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const { out, fixer } = repairInChunks(text, size);
      expect(out).toBe(expected);
      expect(fixer.bareAmpersands).toEqual({ count: 3, firstLine: 1 });
    }
  });

  it('counts the line of the first one', () => {
    const { fixer } = repairInChunks('<a>\n<b>\n<c>x & y</c>\n& </b></a>', 5);
    expect(fixer.bareAmpersands).toEqual({ count: 2, firstLine: 3 });
  });

  it('no longer swallows the rest of the feed: every item is read, the link keeps its "&", and the report says so', async () => {
    const path = fixture(feed(item(1, 'https://x.test/1.png'), item(2, 'https://x.test/2.png?v=17&width=990'), item(3, 'https://x.test/3.png')), 'xml');
    const { listings, rejected } = await collect(path, { defaultCurrency: 'USD' });
    expect(rejected).toEqual([]);
    expect(listings.map((l) => l.sourceId)).toEqual(['AF-1', 'AF-2', 'AF-3']);
    expect(listings[1]!.images).toEqual(['https://x.test/2.png?v=17&width=990']);

    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const report = await applyImport(catalog, await openImportSource(path, { fileName: 'feed.xml' }), { fileName: 'feed.xml', operationId: 'op' });
    expect({ dataRows: report.dataRows, imported: report.imported }).toEqual({ dataRows: 3, imported: 3 });
    expect(report.warnings).toContainEqual({ line: 6, column: null, message: expect.stringContaining('One "&" in the feed start') });
    catalog.close();
  });

  it('a CDATA section closed with "]]" before its element\'s closing tag ends there; "]]" elsewhere in CDATA stays text', () => {
    const text = '<d><![CDATA[ кава ]]</d>\n<e><![CDATA[ a ]] b </x> ]]></e><d><![CDATA[ ok ]]></d>';
    const expected = '<d><![CDATA[ кава ]]></d>\n<e><![CDATA[ a ]] b </x> ]]></e><d><![CDATA[ ok ]]></d>';
    for (const size of [1, 2, 5, 13, text.length]) {
      const { out, fixer } = repairInChunks(text, size);
      expect(out).toBe(expected);
      expect(fixer.unclosedCdata).toEqual({ count: 1, firstLine: 1 });
      expect(fixer.bareAmpersands.count).toBe(0);
    }
  });

  it('the real feed with "]]</g:description>": all 28 items instead of 2, with a warning', async () => {
    const item = (id: number, close: string): string => `<item><g:id>C-${id}</g:id><g:title>Coffee ${id}</g:title>\n<g:description><![CDATA[Кава ${id}${close}</g:description><g:price>225.00 UAH</g:price></item>\n`;
    const path = fixture(feed(item(1, ']]>'), item(2, ']]'), item(3, ']]>')), 'xml');
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const report = await applyImport(catalog, await openImportSource(path, { fileName: 'feed.xml' }), { fileName: 'feed.xml', operationId: 'op' });
    expect({ dataRows: report.dataRows, imported: report.imported }).toEqual({ dataRows: 3, imported: 3 });
    expect(report.warnings).toContainEqual({ line: 6, column: null, message: expect.stringContaining('One CDATA section in the feed end with "]]"') });
    expect(catalog.db.prepare("SELECT description FROM listings WHERE source_id = 'C-2'").pluck().get()).toBe('Кава 2');
    catalog.close();
  });

  it('a feed that breaks off after some items (a cut download) says the rest is missing instead of keeping quiet', async () => {
    const whole = feed(item(1, 'https://x.test/1.png'), item(2, 'https://x.test/2.png'));
    const cut = whole.slice(0, whole.indexOf('<g:price>', whole.indexOf('AF-2')));
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const path = fixture(cut, 'xml');
    const report = await applyImport(catalog, await openImportSource(path, { fileName: 'feed.xml', defaultCurrency: 'USD' }), { fileName: 'feed.xml', operationId: 'op' });
    expect(report.imported).toBe(1);
    expect(report.warnings).toContainEqual({ line: 0, column: null, message: expect.stringMatching(/not well-formed XML .*one item was read, and any after that point are missing/) });
    catalog.close();
  });
});
