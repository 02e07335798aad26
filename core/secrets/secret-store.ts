/**
 * Where the Groq API key (and any later secret) is kept. The Electron shell implements it with
 * `safeStorage` (OS keychain / DPAPI / libsecret: main/electron/safe-storage-secret-store.ts); the
 * web harness and the CLI use FileSecretStore: a JSON file readable only by the user (0600, in a
 * 0700 folder). Secrets never go to the renderer, the catalog or the logs.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SECRET_NAMES = ['groq.apiKey'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  /** How well the store protects secrets, for the settings screen (and a warning when weak). */
  protection(): Promise<{ level: 'os-encrypted' | 'file-permissions' | 'plaintext'; detail: string }>;
}

export function isSecretName(value: unknown): value is SecretName {
  return typeof value === 'string' && (SECRET_NAMES as readonly string[]).includes(value);
}

const MAX_SECRET_LENGTH = 4096;

function checkValue(value: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_LENGTH) throw new TypeError('A secret must be a non-empty string of at most 4096 characters.');
}

/** Plain-Node store: one JSON file, mode 0600, written atomically. */
export class FileSecretStore implements SecretStore {
  private readonly path: string;
  constructor(path: string) {
    this.path = path;
  }

  async get(name: SecretName): Promise<string | null> {
    return this.read()[name] ?? null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!isSecretName(name)) throw new TypeError('unknown secret name');
    checkValue(value);
    this.write({ ...this.read(), [name]: value });
  }

  async delete(name: SecretName): Promise<void> {
    const all = this.read();
    delete all[name];
    this.write(all);
  }

  async protection(): Promise<{ level: 'file-permissions'; detail: string }> {
    return { level: 'file-permissions', detail: `stored unencrypted in ${this.path}, readable only by your user account` };
  }

  private read(): Partial<Record<SecretName, string>> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return {};
    }
    if (process.platform !== 'win32' && (statSync(this.path).mode & 0o077) !== 0) {
      // Someone loosened the permissions: tighten them again before trusting the file.
      chmodSync(this.path, 0o600);
    }
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const out: Partial<Record<SecretName, string>> = {};
      for (const name of SECRET_NAMES) if (typeof parsed[name] === 'string') out[name] = parsed[name];
      return out;
    } catch {
      return {};
    }
  }

  private write(all: Partial<Record<SecretName, string>>): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      // mode applies at creation; chmod again in case the umask or an old file interfered.
      writeFileSync(temp, JSON.stringify(all), { mode: 0o600, flag: 'w' });
      chmodSync(temp, 0o600);
      renameSync(temp, this.path);
    } finally {
      rmSync(temp, { force: true });
    }
  }
}
