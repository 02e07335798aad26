import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../common/result.js';
import { readStagedFile, safeDisplayName, stagedFilePath, sweepStagingDir } from '../../../core/host/file-staging.js';
import { openDownload, stageUpload } from '../../../core/host/file-transfer.js';
import { tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function staging(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('file staging', () => {
  it('stages an upload under an opaque id and reads it back', async () => {
    const dir = staging();
    const file = await stageUpload(dir, 'C:\\Users\\me\\Etsy export.csv', Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]));
    expect(file.name).toBe('Etsy export.csv');
    expect(file.sizeBytes).toBe(8);
    expect(readFileSync(file.path, 'utf8')).toBe('a,b\n1,2\n');
    expect(readStagedFile(dir, file.fileId)).toMatchObject({ name: 'Etsy export.csv', sizeBytes: 8 });
    const download = openDownload(dir, file.fileId);
    const chunks: Buffer[] = [];
    for await (const chunk of download.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('a,b\n1,2\n');
    expect(download.contentDisposition).toContain('filename="Etsy export.csv"');
  });

  it('refuses an upload over the size limit and leaves nothing behind', async () => {
    const dir = staging();
    const error = await stageUpload(dir, 'big.csv', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('payload_too_large');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never turns an id into a path outside the folder', () => {
    const dir = staging();
    for (const id of ['../catalog.sqlite', '..', '', 'A'.repeat(32), `${'a'.repeat(32)}/x`]) {
      expect(() => stagedFilePath(dir, id)).toThrow(ContractError);
    }
    expect(() => readStagedFile(dir, 'b'.repeat(32))).toThrow(/no longer available/);
  });

  it('keeps display names plain', () => {
    expect(safeDisplayName('../../etc/passwd')).toBe('passwd');
    expect(safeDisplayName('a\u0000b\nc.csv')).toBe('abc.csv');
    expect(safeDisplayName('   ')).toBe('file');
  });

  it('sweeps files older than a day', async () => {
    const dir = staging();
    const file = await stageUpload(dir, 'old.csv', Readable.from([Buffer.from('x')]));
    sweepStagingDir(dir, Date.now() + 25 * 60 * 60 * 1000);
    expect(existsSync(file.path)).toBe(false);
  });
});
