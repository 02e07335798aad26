import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertListings } from '../../../core/catalog/insert-listings.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { checkCatalog, type CheckLine } from '../../../core/cli/check.js';
import { newListing, tempDbPath } from '../catalog/temp-catalog.js';
import { repoRoot } from '../paths.js';

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');

function catalogWith(titles: { marketplace: 'ebay' | 'etsy'; title: string }[]): string {
  const db = tempDbPath();
  const catalog = openCatalog(db, { role: 'writer' });
  insertListings(
    catalog.db,
    titles.map(({ marketplace, title }, i) => newListing({ marketplace, title, sku: `CHK-${i}`, description: 'A plain description of the item, long enough to read as one.' })),
  );
  catalog.close();
  return db;
}

const LONG = 'Handmade Sterling Silver Moonstone Ring with Hammered Band, Minimalist Stacking Ring Gift for Her';

describe('listsmith check', () => {
  it('reports every listing with its score and findings, against its own marketplace or one chosen', () => {
    const db = catalogWith([
      { marketplace: 'ebay', title: LONG },
      { marketplace: 'etsy', title: LONG },
    ]);
    const catalog = openCatalog(db, { role: 'writer' });
    const lines: CheckLine[] = [];
    const totals = checkCatalog(catalog, { scope: { kind: 'all' }, emit: (line) => lines.push(line) });
    expect(totals).toMatchObject({ listings: 2, withErrors: 1 });
    // Over eBay's 80 characters: an error there, fine on Etsy (140).
    expect(lines[0]).toMatchObject({ sku: 'CHK-0', marketplace: 'ebay', title: LONG });
    expect(lines[0]!.findings).toContainEqual(expect.objectContaining({ severity: 'error', field: 'title' }));
    expect(lines[1]!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(lines[1]!.score).toBeGreaterThan(lines[0]!.score);

    const asEbay: CheckLine[] = [];
    checkCatalog(catalog, { scope: { kind: 'all' }, marketplace: 'ebay', emit: (line) => asEbay.push(line) });
    expect(asEbay.map((line) => line.marketplace)).toEqual(['ebay', 'ebay']);
    expect(asEbay[1]!.findings).toContainEqual(expect.objectContaining({ severity: 'error', field: 'title' }));
    catalog.close();
  });

  it.skipIf(!fs.existsSync(cli))('prints one JSON line per listing and exits 1 when any has an error, like a linter', () => {
    const failing = spawnSync(process.execPath, [cli, 'check', '--db', catalogWith([{ marketplace: 'ebay', title: LONG }, { marketplace: 'etsy', title: 'Silver ring' }]), '--json'], { encoding: 'utf8' });
    expect(failing.status).toBe(1);
    const lines = failing.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0]!).sort()).toEqual(['findings', 'id', 'marketplace', 'score', 'sku', 'title']);
    expect(lines.at(-1)).toEqual({ listings: 2, withErrors: 1, withWarnings: expect.any(Number) });

    const passing = spawnSync(process.execPath, [cli, 'check', '--db', catalogWith([{ marketplace: 'etsy', title: 'Silver ring' }]), '--filter', 'marketplace=etsy', '--json'], { encoding: 'utf8' });
    expect(passing.status).toBe(0);
    const bad = spawnSync(process.execPath, [cli, 'check', '--filter', 'colour=red', '--db', catalogWith([])], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown key "colour"/);
  });
});
