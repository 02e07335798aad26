/**
 * SecretStore on Electron's safeStorage (macOS Keychain, Windows DPAPI, Linux libsecret/kwallet).
 * Ciphertext lives in `<userData>/secrets.json` (mode 0600). Uses the asynchronous API throughout
 * (`isAsyncEncryptionAvailable`, `encryptStringAsync`, `decryptStringAsync`; the synchronous ones
 * are deprecated in Electron 45) and re-encrypts a secret when safeStorage says its key rotated.
 * On Linux without a keyring the backend is `basic_text` (a hard-coded key: obfuscation, not
 * encryption): we warn and report it through `protection()` so the settings screen can tell the
 * user. Takes `safeStorage` as an argument (main.ts passes Electron's), so it is tested in Node.
 */
import type { SafeStorage } from 'electron';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isSecretName, type SecretName, type SecretStore } from '../../core/secrets/secret-store.js';

/** The part of Electron's safeStorage this store uses. */
export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export class SafeStorageSecretStore implements SecretStore {
  private readonly path: string;
  private readonly warn: (message: string) => void;
  private readonly storage: SafeStorageLike;
  private readonly platform: NodeJS.Platform;

  constructor(path: string, warn: (message: string) => void, storage: SafeStorageLike, platform: NodeJS.Platform = process.platform) {
    this.path = path;
    this.warn = warn;
    this.storage = storage;
    this.platform = platform;
    if (this.backend() === 'basic_text') warn('safeStorage uses the basic_text backend (no keyring found): secrets are only obfuscated on this machine');
  }

  private backend(): string | null {
    return this.platform === 'linux' ? this.storage.getSelectedStorageBackend() : null;
  }

  async protection(): Promise<{ level: 'os-encrypted' | 'plaintext'; detail: string }> {
    if (!(await this.storage.isAsyncEncryptionAvailable())) return { level: 'plaintext', detail: 'OS encryption is not available: the key is not saved' };
    const backend = this.backend();
    if (backend === 'basic_text') return { level: 'plaintext', detail: 'no keyring (GNOME Keyring / KWallet) found: the key is only obfuscated' };
    return { level: 'os-encrypted', detail: backend ? `encrypted with ${backend}` : 'encrypted by the operating system' };
  }

  async get(name: SecretName): Promise<string | null> {
    const cipher = this.read()[name];
    if (!cipher) return null;
    let plain: string;
    let shouldReEncrypt: boolean;
    try {
      ({ result: plain, shouldReEncrypt } = await this.storage.decryptStringAsync(Buffer.from(cipher, 'base64')));
    } catch {
      this.warn(`secret ${name} could not be decrypted (keyring changed?); it must be entered again`);
      return null;
    }
    if (shouldReEncrypt) {
      // The OS key rotated (or a stronger one became available): store it under the new key.
      await this.set(name, plain).catch((err: unknown) => this.warn(`secret ${name} could not be re-encrypted: ${(err as Error).message}`));
    }
    return plain;
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!isSecretName(name) || typeof value !== 'string' || value.length === 0 || value.length > 4096) throw new TypeError('invalid secret');
    if (!(await this.storage.isAsyncEncryptionAvailable())) throw new Error('The operating system cannot encrypt secrets right now, so the key was not saved.');
    const cipher = await this.storage.encryptStringAsync(value);
    this.write({ ...this.read(), [name]: cipher.toString('base64') });
  }

  async delete(name: SecretName): Promise<void> {
    const all = this.read();
    delete all[name];
    this.write(all);
  }

  private read(): Partial<Record<SecretName, string>> {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Record<SecretName, string>>;
    } catch {
      return {};
    }
  }

  private write(all: Partial<Record<SecretName, string>>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.path);
  }
}
