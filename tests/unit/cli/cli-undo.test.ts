import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.js';
import { tempDir } from '../catalog/temp-catalog.js';

/**
 * `listsmith undo` / `listsmith redo` as a seller runs them (the built CLI, `npm run build` first):
 * an import undone and redone from the command line, `--change-set` refusing to undo anything but
 * the change named, and the messages the app's status bar uses.
 */

const cli = path.join(repoRoot, 'out', 'cli', 'cli.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: result.status, stderr: result.stderr.trim(), json };
}

const SHOPIFY = [
  'Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Variant Inventory Qty',
  'apron,Linen Apron,<p>Linen</p>,Atelier,AP-1,89.00,4',
  'board,Oak Board,<p>Oak</p>,Atelier,BOARD,12.00,6',
  '',
].join('\n');

describe.skipIf(!fs.existsSync(cli))('listsmith undo / redo (built CLI)', () => {
  it('undoes an import (its listings removed), refuses a change set that is not the newest, and redoes it', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.sqlite');
    const file = path.join(dir, 'products.csv');
    fs.writeFileSync(file, SHOPIFY);
    const listings = (): number => (run('stats', '--db', db, '--json').json as { listings: number }).listings;

    const imported = run('import', file, '--currency', 'USD', '--db', db, '--json');
    expect(imported.status).toBe(0);
    const changeSetId = imported.json?.changeSetId as number;
    expect(listings()).toBe(2);

    const wrong = run('undo', '--change-set', String(changeSetId + 1), '--db', db, '--json');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe(`listsmith: Change #${changeSetId + 1} is not in this catalog's history. Nothing was undone.`);
    expect(run('undo', '--change-set', 'last', '--db', db).status).toBe(2);
    expect(listings()).toBe(2);

    const undone = run('undo', '--change-set', String(changeSetId), '--db', db, '--json');
    expect(undone.status).toBe(0);
    expect(undone.stderr).toBe(`Undid: Import of ${file}: 2 new, 0 changed — 2 listings removed`);
    expect(undone.json).toMatchObject({ removed: 2, putBack: 0, conflicts: 0, changeSet: { id: changeSetId, state: 'undone' }, next: { undo: null, redo: `Import of ${file}: 2 new, 0 changed` } });
    expect(listings()).toBe(0);
    expect(run('undo', '--db', db).stderr).toBe('Nothing to undo.');

    const redone = run('redo', '--db', db, '--json');
    expect(redone.stderr).toBe(`Redid: Import of ${file}: 2 new, 0 changed — 2 listings back`);
    expect(listings()).toBe(2);
    expect(run('redo', '--change-set', '1', '--db', db).status).toBe(2);
  });
});
