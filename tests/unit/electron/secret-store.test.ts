import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../core/secrets/secret-store.js';
import { tempDir } from '../paths.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const store = () => {
  const t = tempDir('listsmith-secrets-');
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'nested', 'secrets.json');
  return { path, s: new FileSecretStore(path) };
};
const posix = process.platform !== 'win32';

describe('FileSecretStore (web harness / CLI)', () => {
  it('stores, reads, replaces and deletes the Groq key', async () => {
    const { s } = store();
    expect(await s.get('groq.apiKey')).toBeNull();
    await s.set('groq.apiKey', 'gsk_first');
    expect(await s.get('groq.apiKey')).toBe('gsk_first');
    await s.set('groq.apiKey', 'gsk_second');
    expect(await new FileSecretStore((s as unknown as { path: string }).path).get('groq.apiKey')).toBe('gsk_second');
    await s.delete('groq.apiKey');
    expect(await s.get('groq.apiKey')).toBeNull();
    expect((await s.protection()).level).toBe('file-permissions');
  });

  it.skipIf(!posix)('the file is 0600 in a 0700 folder, and loosened permissions are tightened', async () => {
    const { s, path } = store();
    await s.set('groq.apiKey', 'gsk_x');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    chmodSync(path, 0o644);
    expect(await s.get('groq.apiKey')).toBe('gsk_x');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses unknown names and bad values; survives a garbage file', async () => {
    const { s, path } = store();
    await expect(s.set('other' as never, 'x')).rejects.toThrow();
    await expect(s.set('groq.apiKey', '')).rejects.toThrow();
    await expect(s.set('groq.apiKey', 'x'.repeat(5000))).rejects.toThrow();
    await s.set('groq.apiKey', 'gsk_ok');
    writeFileSync(path, '{not json');
    expect(await s.get('groq.apiKey')).toBeNull();
    await s.set('groq.apiKey', 'gsk_again');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ 'groq.apiKey': 'gsk_again' });
  });
});
