/**
 * The catalog's photo addresses for the background download sweep: listings in id order, a page at
 * a time (one primary-key range scan on a reader, so a million listings cost ~500 short calls),
 * each listing's http(s) image URLs in the order the listing shows them (the main photo first).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PhotoSourcePage } from '../../common/photo-types.js';

export function readPhotoSources(db: BetterSqlite3.Database, afterId: number, limit: number): PhotoSourcePage {
  const rows = db.prepare('SELECT id, images FROM listings WHERE id > ? ORDER BY id LIMIT ?').raw().all(afterId, limit) as [number, string][];
  const urls: string[] = [];
  for (const [, images] of rows) {
    let list: unknown;
    try {
      list = JSON.parse(images);
    } catch {
      continue;
    }
    if (!Array.isArray(list)) continue;
    for (const url of list) if (typeof url === 'string' && /^https?:\/\//i.test(url)) urls.push(url);
  }
  return { urls, nextAfterId: rows.length < limit ? null : rows[rows.length - 1]![0] };
}
