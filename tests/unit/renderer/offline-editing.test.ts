import { describe, expect, it } from 'vitest';
import type { AiStatus } from '../../../common/ai-types.js';
import { createClient, type Transport } from '../../../common/client.js';
import type { MethodName } from '../../../common/contract-names.js';
import type { GridRow } from '../../../common/listing.js';
import { aiRewriteBlocked } from '../../../renderer/src/features/ai/ai-blocked.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';
import { startEdit } from '../../../renderer/src/features/edit/inline-edit.js';
import { OFFLINE_REASON } from '../../../renderer/src/features/connection/offline.js';

/**
 * While the connection to the core is lost, the grid's inline editor and "Rewrite with AI" are
 * disabled and say why, instead of taking input that then fails with "Not saved".
 */
const row: GridRow = {
  id: 7,
  marketplace: 'etsy',
  sku: 'A-1',
  title: 'Blue mug',
  priceMinor: 1299,
  currency: 'USD',
  quantity: 3,
  status: 'active',
  variantCount: 0,
  updatedAt: 1_700_000_000_000,
  score: 80,
  errors: 0,
  pendingProposals: false,
  mainImage: null,
};

describe('editing while offline', () => {
  it('an inline edit is not sent while offline and keeps what was typed; it saves once the core answers', async () => {
    const sent: MethodName[] = [];
    const transport: Transport = {
      invoke(method: MethodName) {
        sent.push(method);
        if (method === 'listing.update') return Promise.resolve({ ok: false, error: { code: 'disconnected', message: 'Not saved' } });
        return new Promise(() => {});
      },
      subscribe: () => () => {},
    };
    const handle = createAppStore({ client: createClient(transport), transportKind: 'web', initialConnection: { state: 'open', retryAt: null, everOpened: true } });
    const { store } = handle;
    handle.connectionChanged({ state: 'closed', retryAt: Date.now() + 500, everOpened: true });
    expect(store.getState().offline).toBe(true);
    store.setState({ inlineEdit: { ...startEdit(row, 0, 'title'), text: 'Red mug' } });
    expect(await store.getState().commitInlineEdit()).toBe(false);
    expect(sent).not.toContain('listing.update');
    expect(store.getState().inlineEdit).toMatchObject({ text: 'Red mug', saving: false, error: null });

    store.setState({ offline: false });
    expect(await store.getState().commitInlineEdit()).toBe(false);
    expect(sent).toContain('listing.update');
    expect(store.getState().inlineEdit?.error).toBe('Not saved');
  });

  it('opening the listing already shown when the connection drops keeps showing it; the error goes to the banner', async () => {
    const listing = { id: 7, title: 'Blue mug' };
    let reachable = true;
    const transport: Transport = {
      invoke(method: MethodName) {
        if (method !== 'listing.get') return new Promise(() => {});
        return Promise.resolve(reachable ? { ok: true, value: listing } : { ok: false, error: { code: 'disconnected', message: 'The connection to Listsmith was lost.' } });
      },
      subscribe: () => () => {},
    };
    const { store } = createAppStore({ client: createClient(transport), transportKind: 'web', initialConnection: { state: 'open', retryAt: null, everOpened: true } });
    store.getState().openDetail(7);
    await expect.poll(() => store.getState().detail?.listing).toEqual(listing);
    reachable = false;
    store.getState().openDetail(7);
    await expect.poll(() => store.getState().detail?.loading).toBe(false);
    expect(store.getState().detail).toMatchObject({ id: 7, listing, error: null });
    // Another listing that could not be loaded has nothing to show but the error.
    store.getState().openDetail(8);
    await expect.poll(() => store.getState().detail?.loading).toBe(false);
    expect(store.getState().detail).toMatchObject({ id: 8, listing: null, error: expect.stringContaining('connection') });
  });

  it('"Rewrite with AI" says the connection is lost before anything else', () => {
    const ai = { key: { present: true } } as AiStatus;
    expect(aiRewriteBlocked({ offline: true, ai, dirty: false })).toBe(OFFLINE_REASON);
    expect(aiRewriteBlocked({ offline: true, ai: null, dirty: true })).toBe(OFFLINE_REASON);
    expect(aiRewriteBlocked({ offline: false, ai, dirty: false })).toBeNull();
    expect(aiRewriteBlocked({ offline: false, ai, dirty: true })).toMatch(/Save or discard/);
    expect(aiRewriteBlocked({ offline: false, ai: { key: { present: false } } as AiStatus, dirty: false })).toMatch(/Groq API key/);
  });
});
