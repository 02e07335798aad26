import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { newListing } from '../catalog/temp-catalog.js';
import { catalogWith, exportAll, reimport } from './export-helpers.js';

/**
 * Google reads a TSV feed with "quoted fields" on by default (support.google.com/merchants/answer/14998273):
 * a value in quotes is one attribute, and a quote inside it is doubled. The export's titles and
 * descriptions with quotes must come back as the seller wrote them, read as Google reads them (an
 * RFC 4180 parser with a tab delimiter) and read by Listsmith's own import.
 */

const TITLES = ['"Vintage" lamp', '12" record', 'Lamp "Aurora" 40 cm', 'Poster 24"', '"Quoted"', '""'];

/** The feed as Google reads it with quoted fields on: a strict RFC 4180 reader (tab-delimited), which refuses a stray quote. */
function readAsGoogle(file: string): string[][] {
  return parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { delimiter: '\t', quote: '"', escape: '"' }) as string[][];
}

describe('Google TSV: quotes in values', () => {
  it('titles with quotes, at the start or inside, read back exactly by Google and by Listsmith', async () => {
    const catalog = catalogWith(TITLES.map((title, i) => newListing({ marketplace: 'google', sourceId: `G${i}`, sku: `G${i}`, title, description: `About ${title}` })));
    const { summary } = await exportAll(catalog, 'google_merchant');
    catalog.close();
    const [header, ...rows] = readAsGoogle(summary.files[0]!.path);
    expect(rows.map((row) => row[header!.indexOf('title')])).toEqual(TITLES);
    expect(rows.map((row) => row[header!.indexOf('description')])).toEqual(TITLES.map((title) => `About ${title}`));
    const back = await reimport(summary);
    expect(back.map((l) => l.title).sort()).toEqual([...TITLES].sort());
  });

  it('tabs and line breaks become spaces, the row stays whole, and a quote next to them still comes back', async () => {
    const title = '"Boxed"\tset\nof 3';
    const catalog = catalogWith([newListing({ marketplace: 'google', sourceId: 'T1', sku: 'T1', title, description: 'Line one\r\nLine two\twith a tab' })]);
    const { summary } = await exportAll(catalog, 'google_merchant');
    catalog.close();
    const [header, ...rows] = readAsGoogle(summary.files[0]!.path);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(header!.length);
    expect(rows[0]![header!.indexOf('title')]).toBe('"Boxed" set of 3');
    const [back] = await reimport(summary);
    expect(back!.title).toBe('"Boxed" set of 3');
    expect(back!.description).toBe('Line one Line two with a tab');
  });

  it('a description that starts with a blank line gets no apostrophe: its line breaks are spaces before the formula guard looks', async () => {
    // A Meta catalog's descriptions (somtoZikora/leibig facebook_catalog.csv) start with "\n\n".
    const description = '\n\nJahrgang: 2019 | Rebsorte: Riesling';
    const catalog = catalogWith([
      newListing({ marketplace: 'google', sourceId: 'W1', sku: 'W1', title: 'Riesling', description }),
      newListing({ marketplace: 'google', sourceId: 'W2', sku: 'W2', title: 'Formula', description: '=1+1 tasting notes' }),
    ]);
    const { summary } = await exportAll(catalog, 'google_merchant');
    catalog.close();
    const [header, ...rows] = readAsGoogle(summary.files[0]!.path);
    const written = (id: string): string => rows.find((row) => row[header!.indexOf('id')] === id)![header!.indexOf('description')]!;
    expect(written('W1')).toBe(' Jahrgang: 2019 | Rebsorte: Riesling');
    // A value that still starts like a formula once flattened keeps its guard.
    expect(written('W2')).toBe("'=1+1 tasting notes");
    const back = await reimport(summary);
    expect(back.find((l) => l.sourceId === 'W1')!.description.trim()).toBe('Jahrgang: 2019 | Rebsorte: Riesling');
  });
});
