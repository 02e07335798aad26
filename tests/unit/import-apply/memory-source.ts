import type { RowProblem } from '../../../common/import-types.js';
import type { NewListing } from '../../../core/catalog/insert-listings.js';
import type { ImportSource, MappedRecord } from '../../../core/import/mapped-record.js';

export type Entry = NewListing | { rejected: RowProblem } | { throws: string };

/** An in-memory ImportSource: one record per entry, one file line each (line = index + 2). */
export function memorySource(entries: readonly Entry[], options: { beforeEach?: (index: number) => void | Promise<void> } = {}): ImportSource {
  let read = 0;
  async function* records(): AsyncGenerator<MappedRecord> {
    for (const [index, entry] of entries.entries()) {
      await options.beforeEach?.(index);
      read = index + 1;
      const line = index + 2;
      if ('throws' in entry) throw new Error(entry.throws);
      if ('rejected' in entry) yield { kind: 'rejected', lines: [line], problem: entry.rejected };
      else yield { kind: 'listing', lines: [line], listing: entry, warnings: [] };
    }
  }
  return {
    dialect: 'jsonl',
    encoding: 'utf-8',
    encodingNote: null,
    containerNote: null,
    records: records(),
    bytesRead: () => read * 100,
    totalBytes: entries.length * 100,
    dataRows: () => read,
  };
}
