import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../../../common/client.js';
import type { MethodName } from '../../../common/contract-names.js';
import type { Envelope } from '../../../common/result.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';

/**
 * A core that is still opening its catalog (as while the first start after an update migrates a
 * large one): calls are held until `open()`, as the Electron shell and the web host hold them.
 */
function openingCore(options: { refuse?: boolean } = {}) {
  const calls: MethodName[] = [];
  let held: (() => void)[] = [];
  let isOpen = false;
  const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value });
  const answer = (method: MethodName): Envelope<unknown> => {
    switch (method) {
      case 'app.info':
        return ok({ name: 'Listsmith', version: 'test', schemaVersion: 6, databasePath: '/x', transport: 'web' });
      case 'catalog.stats':
        return ok({ listings: 0, byMarketplace: {}, byStatus: {} });
      case 'history.state':
        return ok({ undo: null, redo: null });
      case 'grid.open':
        return ok({ viewId: 'v1', total: 0 });
      default:
        return { ok: false, error: { code: 'unknown_method', message: method } };
    }
  };
  const transport: Transport = {
    invoke(method) {
      calls.push(method);
      if (options.refuse) return Promise.resolve({ ok: false, error: { code: 'disconnected', message: 'Listsmith is not connected.' } });
      if (isOpen) return Promise.resolve(answer(method));
      return new Promise((resolve) => held.push(() => resolve(answer(method))));
    },
    subscribe: () => () => {},
  };
  const open = (): void => {
    isOpen = true;
    for (const release of held) release();
    held = [];
  };
  // Short deadlines so a test sees several timeouts in milliseconds.
  const client = createClient(transport, { 'app.info': 40, 'catalog.stats': 40, 'history.state': 40, 'grid.open': 40 });
  return { calls, open, client };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(test: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await tick(5);
  }
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('app store: start while the core is still opening the catalog', () => {
  it('says so and waits, then opens the grid once the core answers, with no timeout errors shown', async () => {
    const core = openingCore();
    const { store, start } = createAppStore({ client: core.client, transportKind: 'electron' });
    stop = start();
    await until(() => store.getState().coreOpening);
    await tick(150); // several app.info deadlines pass
    expect(core.calls.filter((method) => method === 'app.info').length).toBeGreaterThan(2);
    expect(core.calls).not.toContain('grid.open');
    expect(store.getState().errors).toEqual([]);

    core.open();
    await until(() => store.getState().viewState === 'ready');
    expect(store.getState().coreOpening).toBe(false);
    expect(store.getState().appInfo?.schemaVersion).toBe(6);
    expect(core.calls).toEqual(expect.arrayContaining(['catalog.stats', 'history.state', 'grid.open']));
    expect(store.getState().errors).toEqual([]);
  });

  it('does not wait on a failure other than a timeout: it is shown and the grid is asked for at once', async () => {
    const core = openingCore({ refuse: true });
    const { store, start } = createAppStore({ client: core.client, transportKind: 'web' });
    stop = start();
    await until(() => core.calls.includes('grid.open'));
    expect(store.getState().coreOpening).toBe(false);
    expect(store.getState().errors.map((error) => error.code)).toContain('disconnected');
  });
});
