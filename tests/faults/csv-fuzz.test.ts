/**
 * CSV fuzz: every corpus file, damaged (byte flips, truncation, stray quotes and delimiters, NULs,
 * BOM changes, a huge field, mixed line ends), through the import's preview and parse paths.
 * 0 crashes: each file either parses or is refused with a ContractError a seller can read; and for
 * each file that parses, rows parsed + rows rejected = data rows reported, each row counted once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_DIALECTS } from '../../common/import-types.js';
import { ContractError } from '../../common/result.js';
import { SeededRandom } from '../../core/catalog/seeded-random.js';
import { openImportSource } from '../../core/import/open-import-source.js';
import { previewImport } from '../../core/import/preview-import.js';
import { corpusFiles, corpusPath } from '../corpus-files.js';
import { tempDir } from '../unit/paths.js';
import { MUTATIONS, mutate } from './support/mutate-bytes.js';
import { QUICK, rounds } from './support/rounds.js';
import { reportFault } from './support/summary.js';

const PER_FILE = rounds(3, 16);
/** Quick mode fuzzes each file's first 256 kB (itself a truncation); full mode the whole file. */
const MAX_INPUT_BYTES = QUICK ? 256 * 1024 : Number.POSITIVE_INFINITY;
const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 2 ** 31);

const workspace = tempDir('listsmith-fault-csv-');
afterAll(() => workspace.cleanup());

/** A refusal is fine only as a ContractError with a readable message; anything else is a crash. */
function refusal(error: unknown, what: string): string {
  if (error instanceof ContractError && error.message.length > 10) return error.code;
  throw new Error(`${what}: crashed with ${(error as Error)?.stack ?? String(error)}`);
}

describe('fault: CSV fuzz through import preview and parse', () => {
  it('0 crashes, every data row accounted for', { timeout: 900_000 }, async () => {
    const rng = new SeededRandom(SEED);
    const files = corpusFiles();
    const counts = { seed: SEED, files: files.length, mutatedFiles: 0, parsed: 0, refused: 0, previews: 0, previewRefused: 0, dataRows: 0, rowsParsed: 0, rowsRejected: 0, miscounted: 0, crashes: 0 };
    let n = 0;
    for (const name of files) {
      const original = readFileSync(corpusPath(name)).subarray(0, MAX_INPUT_BYTES);
      for (let round = 0; round < PER_FILE; round++) {
        const mutation = MUTATIONS[(round + n) % MUTATIONS.length]!;
        const path = join(workspace.dir, `f${n++}-${name}`);
        writeFileSync(path, mutate(rng, original, mutation));
        const dialect = rng.chance(0.25) ? rng.pick(IMPORT_DIALECTS) : undefined;
        const what = `${name} (${mutation}${dialect ? `, as ${dialect}` : ''}, seed ${SEED})`;
        counts.mutatedFiles++;

        try {
          const preview = await previewImport(path, { fileId: '0'.repeat(32), fileName: name, sizeBytes: 0, ...(dialect ? { dialect } : {}) });
          expect(preview, what).toBeTypeOf('object');
          counts.previews++;
        } catch (error) {
          refusal(error, `preview of ${what}`);
          counts.previewRefused++;
        }

        let tally: { parsed: number; rejected: number; lines: number[]; dataRows: number } | null;
        try {
          const source = await openImportSource(path, { fileName: name, ...(dialect ? { dialect } : {}) });
          tally = { parsed: 0, rejected: 0, lines: [], dataRows: 0 };
          for await (const record of source.records) {
            tally.lines.push(...record.lines);
            if (record.kind === 'listing') tally.parsed += record.lines.length;
            else tally.rejected += Math.max(1, record.lines.length);
          }
          tally.dataRows = source.dataRows();
        } catch (error) {
          refusal(error, `parse of ${what}`);
          counts.refused++;
          tally = null;
        }
        if (tally) {
          const { parsed, rejected, lines, dataRows } = tally;
          if (parsed + rejected !== dataRows || new Set(lines).size !== lines.length) counts.miscounted++;
          expect({ rows: parsed + rejected, distinct: new Set(lines).size }, what).toEqual({ rows: dataRows, distinct: lines.length });
          counts.parsed++;
          counts.dataRows += dataRows;
          counts.rowsParsed += parsed;
          counts.rowsRejected += rejected;
        }
      }
    }
    reportFault('csv fuzz (import preview + parse)', counts);
    expect(counts.parsed).toBeGreaterThan(counts.mutatedFiles / 2);
  });

});
