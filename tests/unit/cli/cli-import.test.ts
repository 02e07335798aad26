import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../corpus-files.js';
import { repoRoot } from '../paths.js';
import { tempDir } from '../catalog/temp-catalog.js';

/**
 * `listsmith import` as a seller runs it (the built CLI, `npm run build` first): a file that does not
 * say its currency is refused in one line unless --currency is given or the file hints one (said in
 * the output); --map reads any column as a field; --match title is the only way a file without ids
 * or SKUs updates listings; the output accounts for every row.
 */

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');

interface Run {
  status: number | null;
  stderr: string;
  json: Record<string, unknown> | null;
}

function run(...args: string[]): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: result.status, stderr: result.stderr, json };
}

function workspace(files: Record<string, string>) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { db: path.join(dir, 'c.sqlite'), file: (name: string) => path.join(dir, name) };
}

const listings = (db: string): number => (run('stats', '--db', db, '--json').json as { listings: number }).listings;

const SHOPIFY = [
  'Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Image Src,Shop name',
  'apron,Linen Apron,<p>Linen</p>,Atelier,Colour,Sand,AP-SND,89.00,4,https://i.example/a.jpg,Atelier apron',
  'apron,,,,,Slate,AP-SLT,89.00,2,https://i.example/b.jpg,',
  'board,Oak Board,<p>Oak</p>,Atelier,Title,Default Title,BOARD,1200,6,,Atelier board',
  '',
].join('\n');

describe.skipIf(!fs.existsSync(cli))('listsmith import (built CLI)', () => {
  it('refuses a file that does not say its currency, in one line, and writes nothing', () => {
    const w = workspace({ 'products.csv': SHOPIFY });
    const result = run('import', w.file('products.csv'), '--db', w.db, '--json');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([`listsmith: ${w.file('products.csv')} does not say what currency its prices are in; add --currency CODE (e.g. --currency EUR).`]);
    expect(listings(w.db)).toBe(0);
  });

  it('imports in the --currency given, and the JSON accounts for every row', () => {
    const w = workspace({ 'products.csv': SHOPIFY });
    const result = run('import', w.file('products.csv'), '--db', w.db, '--currency', 'eur', '--json');
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({
      dialect: 'shopify',
      dataRows: 3,
      imported: 2,
      rows: { new: 2, updated: 0, unchanged: 0, partOf: 1, merged: 0, rejected: 0 },
      variants: 2,
      currency: { defaultCurrency: 'EUR', origin: 'chosen', fromFile: 0, fromDefault: 2 },
      matchBy: 'key',
      changeSetId: expect.any(Number),
    });
    expect(result.stderr).toContain('Rows: 2 new + 0 updated + 0 unchanged + 1 part of a listing + 0 merged + 0 rejected = 3 data rows');
    expect(result.stderr).toContain('Prices: 2 listings in EUR, the currency you chose');
    expect(run('import', w.file('products.csv'), '--db', w.db, '--currency', 'EURO').status).toBe(2);
  });

  it('takes the file’s hint when it has one, and says so', () => {
    const w = workspace({});
    const polish = corpusPath('shopify_products_export_2024_POLISH_market-price-columns__mikolajroszak.csv');
    const result = run('import', polish, '--db', w.db, '--json');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Prices without a currency of their own are read as PLN: Shopify market: Poland (--currency CODE to choose another).');
    expect(result.stderr).toMatch(/Prices: \d+ listings in PLN, as the file suggests \(Shopify market: Poland\)/);
    expect(result.json).toMatchObject({ currency: { defaultCurrency: 'PLN', origin: 'hint', hint: 'Shopify market: Poland' } });
    const rows = result.json!.rows as Record<string, number>;
    expect(Object.values(rows).reduce((a, b) => a + b, 0)).toBe(result.json!.dataRows);
  });

  it('--map reads a marketplace file’s column as a field and keeps the column it displaced', () => {
    const w = workspace({ 'products.csv': SHOPIFY });
    const result = run('import', w.file('products.csv'), '--db', w.db, '--currency', 'USD', '--map', 'Shop name=title', '--json');
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({ imported: 2, rejected: 0 });
    const export_ = path.join(path.dirname(w.db), 'out.jsonl');
    expect(run('export', '--format', 'jsonl', '--out', export_, '--db', w.db).status).toBe(0);
    const exported = fs.readFileSync(export_, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { title: string; source?: { columns: Record<string, string> } });
    expect(exported.map((l) => l.title).sort()).toEqual(['Atelier apron', 'Atelier board']);
    expect(exported.map((l) => l.source?.columns.Title).sort()).toEqual(['Linen Apron', 'Oak Board']);
  });

  it('--map on a sheet with unknown headers; without it the error names --map', () => {
    const w = workspace({ 'sheet.csv': 'Produkt,Preis,Bestand\nLampe,12,3\nTisch,40,1\n' });
    const refused = run('import', w.file('sheet.csv'), '--db', w.db, '--currency', 'EUR');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^listsmith: .*does not recognise the columns.*--map "Column=field".*import wizard/);
    const mapped = run('import', w.file('sheet.csv'), '--db', w.db, '--currency', 'EUR', '--map', 'Produkt=title,2=price,Bestand=quantity', '--json');
    expect(mapped.status).toBe(0);
    expect(mapped.json).toMatchObject({ dialect: 'generic_csv', imported: 2, rejected: 0 });
    const bad = run('import', w.file('sheet.csv'), '--db', w.db, '--currency', 'EUR', '--map', 'Produkt=colour');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"colour" is not a field Other CSV columns can be read as\. Valid fields: sourceId, sku, title/);
  });

  it('a file without ids or SKUs adds new listings unless --match title is given', () => {
    const w = workspace({ 'a.csv': 'name,price\nBlue mug,12\nRed mug,14\n', 'b.csv': 'name,price\nBlue mug,13\nRed mug,14\n' });
    const common = ['--db', w.db, '--currency', 'EUR', '--json'];
    expect(run('import', w.file('a.csv'), ...common).json).toMatchObject({ imported: 2 });
    const byTitle = run('import', w.file('b.csv'), ...common, '--match', 'title');
    expect(byTitle.json).toMatchObject({ imported: 0, updated: 1, unchanged: 1, matchBy: 'title', rows: { new: 0, updated: 1, unchanged: 1 } });
    expect(listings(w.db)).toBe(2);
    const byKey = run('import', w.file('b.csv'), ...common);
    expect(byKey.stderr).toContain('2 of 2 listings have the title of a stored listing; they are added as new ones (--match title updates those instead).');
    expect(byKey.json).toMatchObject({ imported: 2, updated: 0, matchBy: 'key' });
    expect(listings(w.db)).toBe(4);
    expect(run('import', w.file('b.csv'), ...common, '--match', 'name').status).toBe(2);
  });
});
