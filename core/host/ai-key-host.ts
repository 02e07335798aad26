/**
 * The Groq key on the host side: read from the environment (GROQ_API_KEY, as the SDK does — the web
 * harness and the CLI) or from the app's secret store (safeStorage in Electron, a 0600 file in the
 * web harness), and pushed to the writer thread, which alone calls Groq. The key goes renderer →
 * host → writer only; no call ever returns it.
 */
import { ContractError } from '../../common/result.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { AiKeySource } from './worker-protocol.js';

export interface AiKeyOptions {
  /** Where pasted keys are kept; absent: keys cannot be saved (only the environment's is used). */
  secrets?: SecretStore;
  /** GROQ_API_KEY from the environment: wins over a stored key while set. */
  envKey?: string | null;
}

export class AiKeyHost {
  constructor(
    private readonly options: AiKeyOptions,
    private readonly push: (key: string | null, info: AiKeySource) => Promise<void>,
  ) {}

  /** At start: the environment's key, else the stored one. */
  async load(): Promise<void> {
    if (this.options.envKey) return this.push(this.options.envKey, { source: 'environment', protection: 'set in the environment (GROQ_API_KEY)', warning: null });
    const stored = this.options.secrets ? await this.options.secrets.get('groq.apiKey').catch(() => null) : null;
    return this.push(stored, stored ? await this.describe() : { source: 'none', protection: null, warning: null });
  }

  async set(key: string): Promise<void> {
    const store = this.requireStore();
    await store.set('groq.apiKey', key);
    if (this.options.envKey) return; // the environment's key stays in force; the status says so
    await this.push(key, await this.describe());
  }

  async remove(): Promise<void> {
    const store = this.requireStore();
    await store.delete('groq.apiKey');
    if (this.options.envKey) return;
    await this.push(null, { source: 'none', protection: null, warning: null });
  }

  private requireStore(): SecretStore {
    if (!this.options.secrets) throw new ContractError('invalid_input', 'This copy of Listsmith cannot store keys; set GROQ_API_KEY in the environment instead.');
    return this.options.secrets;
  }

  private async describe(): Promise<AiKeySource> {
    const protection = await this.options.secrets!.protection();
    return {
      source: 'stored',
      protection: protection.detail,
      warning: protection.level === 'plaintext' ? `Your key is stored without encryption (${protection.detail}). Anyone with access to your user account can read it.` : null,
    };
  }
}
