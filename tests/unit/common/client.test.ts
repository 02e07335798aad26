import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../common/client.js';
import { ContractError, fail } from '../../../common/result.js';

function transport(invoke: Transport['invoke']): Transport {
  return { invoke, subscribe: () => () => undefined };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createClient', () => {
  it('unwraps a successful envelope into its value', async () => {
    const client = createClient(transport(async () => ({ ok: true, value: { listings: 3, byMarketplace: {}, byStatus: {} } })));
    await expect(client.call('catalog.stats', {})).resolves.toEqual({ listings: 3, byMarketplace: {}, byStatus: {} });
  });

  it('turns an error envelope into a ContractError with its code and message', async () => {
    const client = createClient(transport(async () => fail('not_found', 'Listing #4 is no longer in the catalog.')));
    const error = await client.call('listing.get', { id: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'not_found', message: 'Listing #4 is no longer in the catalog.' });
  });

  it('fails a call that overruns its deadline with a timeout instead of hanging', async () => {
    vi.useFakeTimers();
    const client = createClient(transport(() => new Promise(() => undefined)));
    const pending = client.call('catalog.stats', {}).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    const error = await pending;
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('timeout');
    expect((error as ContractError).message).toContain('catalog.stats');
  });

  it('treats a malformed error envelope as an internal error', async () => {
    const client = createClient(transport(async () => ({ ok: false, error: { code: 'made_up', message: 1 } }) as never));
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
