/**
 * The desktop secret store (main/electron/safe-storage-secret-store.ts) with a stand-in for
 * Electron's safeStorage: availability is asked asynchronously, a rotated key re-encrypts, and a
 * store that cannot encrypt refuses to save rather than writing the key in the clear.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../../main/electron/safe-storage-secret-store.js';
import { tempDir } from '../paths.js';

/** Reversible stand-in "encryption" tagged with a key generation, like a rotating OS key. */
class StandInSafeStorage implements SafeStorageLike {
  available = true;
  keyGeneration = 1;
  backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret';
  syncCalls = 0;
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  async encryptStringAsync(plain: string): Promise<Buffer> {
    return Buffer.from(`k${this.keyGeneration}:${Buffer.from(plain).toString('hex')}`);
  }
  async decryptStringAsync(cipher: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const match = /^k(\d+):([0-9a-f]*)$/.exec(cipher.toString());
    if (!match) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(match[2]!, 'hex').toString(), shouldReEncrypt: Number(match[1]) !== this.keyGeneration };
  }
  getSelectedStorageBackend(): ReturnType<SafeStorageLike['getSelectedStorageBackend']> {
    return this.backend;
  }
  // The deprecated synchronous API: the store must not use it.
  isEncryptionAvailable(): boolean {
    this.syncCalls++;
    return this.available;
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(platform: NodeJS.Platform = 'linux') {
  const { dir, cleanup } = tempDir('listsmith-safe-storage-');
  cleanups.push(cleanup);
  const storage = new StandInSafeStorage();
  const warnings: string[] = [];
  const path = join(dir, 'secrets.json');
  const make = () => new SafeStorageSecretStore(path, (m) => warnings.push(m), storage, platform);
  return { storage, warnings, path, make };
}

describe('SafeStorageSecretStore', () => {
  it('stores the key encrypted, reads it back, and never uses the deprecated sync availability check', async () => {
    const { storage, path, make } = setup();
    const store = make();
    await store.set('groq.apiKey', 'gsk_secret_value');
    expect(readFileSync(path, 'utf8')).not.toContain('gsk_secret_value');
    expect(await store.get('groq.apiKey')).toBe('gsk_secret_value');
    expect(await store.protection()).toEqual({ level: 'os-encrypted', detail: 'encrypted with gnome_libsecret' });
    expect(storage.syncCalls).toBe(0);
  });

  it('refuses to save when the OS cannot encrypt (asked asynchronously) and says so', async () => {
    const { storage, path, make } = setup('win32');
    storage.available = false;
    const store = make();
    await expect(store.set('groq.apiKey', 'gsk_x')).rejects.toThrow(/cannot encrypt secrets right now/);
    expect(() => readFileSync(path)).toThrow();
    expect((await store.protection()).level).toBe('plaintext');
  });

  it('re-encrypts a secret when safeStorage reports a rotated key', async () => {
    const { storage, path, make } = setup('darwin');
    const store = make();
    await store.set('groq.apiKey', 'gsk_rotating');
    const storedCipher = () => Buffer.from((JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>)['groq.apiKey']!, 'base64').toString();
    expect(storedCipher()).toMatch(/^k1:/);
    storage.keyGeneration = 2;
    expect(await store.get('groq.apiKey')).toBe('gsk_rotating');
    expect(storedCipher()).toMatch(/^k2:/);
  });

  it('warns about the basic_text backend on Linux and reports it as plaintext', async () => {
    const { storage, warnings, make } = setup('linux');
    storage.backend = 'basic_text';
    const store = make();
    expect(warnings[0]).toMatch(/basic_text/);
    expect((await store.protection()).level).toBe('plaintext');
  });

  it('a secret that no longer decrypts is reported and asked for again, not thrown', async () => {
    const { warnings, path, make } = setup();
    const store = make();
    await store.set('groq.apiKey', 'gsk_old');
    writeFileSync(path, JSON.stringify({ 'groq.apiKey': Buffer.from('garbage').toString('base64') }));
    expect(await store.get('groq.apiKey')).toBeNull();
    expect(warnings.some((w) => /could not be decrypted/.test(w))).toBe(true);
  });
});
