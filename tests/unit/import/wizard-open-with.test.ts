import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../common/client.js';
import type { EventName, MethodName } from '../../../common/contract-names.js';
import type { Envelope } from '../../../common/result.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';

/**
 * "Open with Listsmith" (macOS open-file, a second launch with a file): the shell stages the file
 * and sends the `import` command with its fileId; the wizard opens on that file and previews it
 * without asking for a file again. The menu's Import… (no fileId) still asks for one.
 */

const FILE_ID = 'a'.repeat(32);

function fakeCore() {
  const calls: { method: MethodName; input: Record<string, unknown> }[] = [];
  const listeners = new Map<EventName, ((payload: unknown) => void)[]>();
  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method, input: input as Record<string, unknown> });
      await Promise.resolve();
      if (method === 'import.preview') return { ok: true, value: { fileId: FILE_ID, fileName: 'shop.csv', dialect: 'shopify', listings: [], columns: [], problems: [], warnings: [] } } as Envelope<unknown>;
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
    },
  };
  const emit = (event: EventName, payload: unknown) => (listeners.get(event) ?? []).forEach((l) => l(payload));
  return { calls, emit, client: createClient(transport) };
}

async function until(test: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const clicked: string[] = [];
beforeEach(() => {
  clicked.length = 0;
  vi.stubGlobal('window', { localStorage: { getItem: () => null, setItem: () => {} } });
  vi.stubGlobal('document', { querySelector: (selector: string) => ({ click: () => clicked.push(selector) }) });
});
afterEach(() => vi.unstubAllGlobals());

describe('import command from the shell', () => {
  it('opens the wizard on a staged file and previews it, without a file picker', async () => {
    const core = fakeCore();
    const app = createAppStore({ client: core.client, transportKind: 'web' });
    const stop = app.start();
    core.emit('app.command', { id: 'import', fileId: FILE_ID, name: 'shop.csv' });
    await until(() => app.store.getState().importWizard.step === 'preview');
    expect(app.store.getState().importWizard).toMatchObject({ open: true, fileId: FILE_ID, fileName: 'shop.csv' });
    expect(core.calls.find((c) => c.method === 'import.preview')?.input).toMatchObject({ fileId: FILE_ID });
    expect(clicked).toEqual([]);
    stop();
  });

  it('asks for a file when the command names none (File › Import…)', () => {
    const core = fakeCore();
    const app = createAppStore({ client: core.client, transportKind: 'web' });
    const stop = app.start();
    core.emit('app.command', { id: 'import' });
    expect(clicked).toEqual(['[data-testid="import-file-input"]']);
    expect(app.store.getState().importWizard.open).toBe(false);
    stop();
  });
});
