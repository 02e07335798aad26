import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { randomInt } from './rounds.js';

/** b-tree page kinds (interior/leaf × index/table): the pages SQLite's checks walk. */
const BTREE_PAGE_TYPES = new Set([2, 5, 10, 13]);

/**
 * Overwrites `length` random bytes at the start of a random b-tree page from the middle half of
 * the file (its header and cell pointers), as a failing disk or a bad copy would. Returns the
 * page number hit. The file must have no WAL (checkpointed), so the damage is what SQLite reads.
 */
export function corruptMiddlePage(path: string, length: number): number {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    const rawSize = header.readUInt16BE(16);
    const pageSize = rawSize === 1 ? 65_536 : rawSize;
    const pages = Math.floor(fstatSync(fd).size / pageSize);
    const free = freePages(fd, header, pageSize);
    const type = Buffer.alloc(1);
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const page = randomInt(Math.ceil(pages / 4), Math.floor((3 * pages) / 4));
      // A free page may still hold an old b-tree header, but no check reads it: damage there is harmless.
      if (free.has(page)) continue;
      const offset = (page - 1) * pageSize;
      readSync(fd, type, 0, 1, offset);
      if (!BTREE_PAGE_TYPES.has(type[0]!)) continue;
      writeSync(fd, randomBytes(Math.min(length, pageSize)), 0, Math.min(length, pageSize), offset);
      return page;
    }
    throw new Error(`no b-tree page found in the middle of ${path}`);
  } finally {
    closeSync(fd);
  }
}

/** Pages on the freelist (trunks and leaves), from the header's first trunk pointer. */
function freePages(fd: number, header: Buffer, pageSize: number): Set<number> {
  const free = new Set<number>();
  const trunk = Buffer.alloc(pageSize);
  for (let page = header.readUInt32BE(32); page !== 0 && !free.has(page); ) {
    free.add(page);
    readSync(fd, trunk, 0, pageSize, (page - 1) * pageSize);
    const leaves = trunk.readUInt32BE(4);
    for (let i = 0; i < leaves && 8 + 4 * i + 4 <= pageSize; i++) free.add(trunk.readUInt32BE(8 + 4 * i));
    page = trunk.readUInt32BE(0);
  }
  return free;
}
