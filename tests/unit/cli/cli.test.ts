import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, hasCorpusFile } from '../../corpus-files.js';
import { repoRoot } from '../paths.js';
import { tempDir } from '../catalog/temp-catalog.js';

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');
const STOA = 'shopify_products_2025_newheaders__stoa.csv';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string; last: unknown } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n');
  let last: unknown;
  try {
    last = JSON.parse(lines.at(-1) ?? '');
  } catch {
    last = null;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last };
}

const CSV = 'Title,URL handle,Description,Vendor,Status,SKU,Price,Inventory quantity\r\nBlue shirt,blue-shirt,Soft,Acme,active,S-1,12.00,3\r\nRed shirt,red-shirt,Soft,Acme,active,S-2,14.00,1\r\n';

describe.skipIf(!fs.existsSync(cli))('listsmith CLI', () => {
  it('imports, re-imports, exports and reports stats with a JSON last line', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.sqlite');
    const file = path.join(dir, 'products.csv');
    fs.writeFileSync(file, hasCorpusFile(STOA) ? fs.readFileSync(corpusPath(STOA)) : CSV);
    // A Shopify export does not say its currency: the CLI never guesses one.
    const first = run('import', file, '--db', db, '--currency', 'USD', '--json');
    expect(first.status).toBe(0);
    expect(first.last).toMatchObject({ dialect: 'shopify', encoding: expect.any(String), dataRows: expect.any(Number), updated: 0, unchanged: 0, rejected: expect.any(Number), errors: expect.any(Array), warnings: expect.any(Array) });
    const imported = (first.last as { imported: number }).imported;
    expect(imported).toBeGreaterThan(0);
    expect(run('import', file, '--db', db, '--currency', 'USD', '--json').last).toMatchObject({ imported: 0, updated: 0, unchanged: imported });

    const out = path.join(dir, 'out.csv');
    const exported = run('export', '--format', 'shopify', '--out', out, '--db', db, '--json');
    expect(exported.status).toBe(0);
    expect(exported.last).toEqual({ format: 'shopify', rows: imported, skipped: 0, path: out, files: [{ path: out, rows: imported, note: `${imported} listings` }] });
    expect(fs.existsSync(out)).toBe(true);

    const stats = run('stats', '--db', db, '--json');
    expect(stats.last).toEqual({ listings: imported, byMarketplace: { shopify: imported }, byStatus: expect.any(Object) });
  });

  it('fails with one clear line (no stack) for an empty or binary file', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.sqlite');
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const binary = path.join(dir, 'photo.csv');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0, 0]));
    for (const file of [empty, binary]) {
      const result = run('import', file, '--db', db, '--json');
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^listsmith: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(run('import', '--db', db).status).toBe(2);
    expect(run('export', '--format', 'nope', '--out', 'x', '--db', db).status).toBe(2);
  });
});
