/**
 * SecretStore on Electron's safeStorage (macOS Keychain, Windows DPAPI, Linux libsecret/kwallet).
 * Ciphertext lives in `<userData>/secrets.json` (mode 0600). Uses the async API when this Electron
 * has it (`encryptStringAsync`/`decryptStringAsync`), else the sync one. On Linux without a keyring
 * the backend is `basic_text` (a hard-coded key: obfuscation, not encryption): we warn and report
 * it through `protection()` so the settings screen can tell the user.
 */
import { safeStorage } from 'electron';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isSecretName, type SecretName, type SecretStore } from '../../core/secrets/secret-store.js';

type AsyncSafeStorage = {
  encryptStringAsync?: (plain: string) => Promise<Buffer>;
  decryptStringAsync?: (cipher: Buffer) => Promise<{ result: string } | string>;
};

export class SafeStorageSecretStore implements SecretStore {
  private readonly path: string;
  private readonly warn: (message: string) => void;
  constructor(path: string, warn: (message: string) => void) {
    this.path = path;
    this.warn = warn;
    if (this.backend() === 'basic_text') warn('safeStorage uses the basic_text backend (no keyring found): secrets are only obfuscated on this machine');
  }

  private backend(): string | null {
    return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  }

  async protection(): Promise<{ level: 'os-encrypted' | 'plaintext'; detail: string }> {
    if (!safeStorage.isEncryptionAvailable()) return { level: 'plaintext', detail: 'OS encryption is not available: the key is not saved' };
    const backend = this.backend();
    if (backend === 'basic_text') return { level: 'plaintext', detail: 'no keyring (GNOME Keyring / KWallet) found: the key is only obfuscated' };
    return { level: 'os-encrypted', detail: backend ? `encrypted with ${backend}` : 'encrypted by the operating system' };
  }

  async get(name: SecretName): Promise<string | null> {
    const cipher = this.read()[name];
    if (!cipher) return null;
    try {
      const api = safeStorage as unknown as AsyncSafeStorage;
      const buffer = Buffer.from(cipher, 'base64');
      if (api.decryptStringAsync) {
        const out = await api.decryptStringAsync(buffer);
        return typeof out === 'string' ? out : out.result;
      }
      return safeStorage.decryptString(buffer);
    } catch {
      this.warn(`secret ${name} could not be decrypted (keyring changed?); it must be entered again`);
      return null;
    }
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!isSecretName(name) || typeof value !== 'string' || value.length === 0 || value.length > 4096) throw new TypeError('invalid secret');
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The operating system cannot encrypt secrets right now, so the key was not saved.');
    const api = safeStorage as unknown as AsyncSafeStorage;
    const cipher = api.encryptStringAsync ? await api.encryptStringAsync(value) : safeStorage.encryptString(value);
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
