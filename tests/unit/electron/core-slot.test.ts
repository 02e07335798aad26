import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../../../core/host/core-api.js';
import { CoreSlot } from '../../../main/electron/core-slot.js';

function fakeCore(name: string) {
  let listener: ((event: string, payload: unknown) => void) | undefined;
  const api = {
    stagingDir: `/staging/${name}`,
    closed: false,
    dispatch: async (method: string) => ({ ok: true as const, value: `${name}:${method}` }),
    onEvent: (l: typeof listener) => {
      listener = l;
      return () => (listener = undefined);
    },
    close: async () => {
      api.closed = true;
    },
    emit: (event: string) => listener?.(event, { from: name }),
  };
  return api;
}

describe('CoreSlot (core swapped by a restore)', () => {
  it('routes calls and events to the current core; calls wait while a new one opens', async () => {
    const slot = new CoreSlot();
    expect(await slot.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
    const a = fakeCore('a');
    await slot.set(Promise.resolve(a as unknown as CoreApi));
    const events: unknown[] = [];
    slot.onEvent((_e, p) => events.push(p));
    a.emit('catalog.changed');
    expect(await slot.dispatch('app.info', {})).toEqual({ ok: true, value: 'a:app.info' });

    await slot.close();
    expect(a.closed).toBe(true);
    let open!: (api: CoreApi) => void;
    const b = fakeCore('b');
    slot.set(new Promise<CoreApi>((resolve) => (open = resolve)));
    const pending = slot.dispatch('catalog.stats', {});
    open(b as unknown as CoreApi);
    expect(await pending).toEqual({ ok: true, value: 'b:catalog.stats' });
    await Promise.resolve();
    a.emit('catalog.changed'); // the old core is no longer heard
    b.emit('catalog.changed');
    expect(events).toEqual([{ from: 'a' }, { from: 'b' }]);
    expect(slot.stagingDir).toBe('/staging/b');

    slot.set(Promise.reject(new Error('locked')));
    expect(await slot.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
  });
});
