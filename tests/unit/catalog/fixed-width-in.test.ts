import { describe, expect, it } from 'vitest';
import { padIds, placeholders } from '../../../core/catalog/fixed-width-in.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { tempDbPath } from './temp-catalog.js';

describe('fixed-width IN (…)', () => {
  it('pads a short chunk with its first id, leaves a full one as is, refuses empty or too long', () => {
    expect(placeholders(3)).toBe('?, ?, ?');
    expect(padIds([7, 9], 4)).toEqual([7, 9, 7, 7]);
    const full = [1, 2, 3];
    expect(padIds(full, 3)).toBe(full);
    expect(() => padIds([], 3)).toThrow(RangeError);
    expect(() => padIds([1, 2, 3, 4], 3)).toThrow(RangeError);
  });

  it('a padded statement matches exactly the ids asked for, once each', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    catalog.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    for (let id = 1; id <= 10; id++) catalog.db.prepare('INSERT INTO t VALUES (?)').run(id);
    const statement = catalog.db.prepare(`SELECT id FROM t WHERE id IN (${placeholders(8)}) ORDER BY id`).pluck();
    expect(statement.all(...padIds([3, 5, 11], 8))).toEqual([3, 5]);
    catalog.close();
  });
});
