import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_PLACES, type MethodPlace } from '../../../common/contract.js';
import { METHOD_NAMES, type MethodName } from '../../../common/contract-names.js';
import { GridViews } from '../../../core/catalog/grid-views.js';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { createHostHandlers } from '../../../core/host/host-handlers.js';
import type { HostHandlers, ShellHandlers } from '../../../core/host/place-handlers.js';
import { routeCall, type CallPlaces } from '../../../core/host/route-call.js';
import { createReaderHandlers } from '../../../core/service/reader-handlers.js';
import { createWriterHandlers } from '../../../core/service/writer-handlers.js';
import { createElectronShellHandlers } from '../../../main/electron/shell-handlers.js';
import { webShellHandlers } from '../../../main/web/web-shell-handlers.js';
import { tempDbPath } from '../catalog/temp-catalog.js';

/** The places' real handler maps, over a real catalog file (the host's deps are never called: only its keys are read). */
function placeMaps(shell: ShellHandlers) {
  const path = tempDbPath();
  const writer = openCatalog(path, { role: 'writer' });
  const reader = openCatalog(path, { role: 'reader' });
  const info = { appVersion: '0.0.0', transport: 'web' as const, stagingDir: join(dirname(path), 'staging') };
  const maps = {
    writer: createWriterHandlers({ catalog: writer, info }),
    reader: createReaderHandlers({ catalog: reader, views: new GridViews(reader), info }),
    host: createHostHandlers({} as Parameters<typeof createHostHandlers>[0]),
    shell,
  };
  return { maps, close: () => (reader.close(), writer.close()) };
}

/** Which map holds a method declared to run at each place. */
const MAP_OF: Record<MethodPlace, 'writer' | 'reader' | 'host' | 'shell'> = {
  writer: 'writer',
  'writer-unqueued': 'writer',
  reader: 'reader',
  background: 'reader',
  host: 'host',
  shell: 'shell',
};

const electronShell = createElectronShellHandlers({ restore: () => Promise.reject(new Error('not in this test')), updater: () => undefined });

describe('where each contract method runs', () => {
  for (const [name, shell] of [
    ['the web host', webShellHandlers],
    ['the Electron shell', electronShell],
  ] as const) {
    it(`every method has exactly one handler across the places' maps, with ${name}`, () => {
      const { maps, close } = placeMaps(shell);
      try {
        const holders = new Map<string, string[]>();
        for (const [place, map] of Object.entries(maps)) for (const method of Object.keys(map)) holders.set(method, [...(holders.get(method) ?? []), place]);
        for (const method of METHOD_NAMES) expect(holders.get(method), method).toHaveLength(1);
        // Nothing that is not a contract method.
        expect([...holders.keys()].sort()).toEqual([...METHOD_NAMES].sort());
      } finally {
        close();
      }
    });

    it(`each place's map holds only the methods declared to run there, with ${name}`, () => {
      const { maps, close } = placeMaps(shell);
      try {
        for (const [place, map] of Object.entries(maps)) {
          for (const method of Object.keys(map)) expect(`${method} → ${MAP_OF[contract[method as MethodName].runs]}`).toBe(`${method} → ${place}`);
        }
      } finally {
        close();
      }
    });
  }

  it('routeCall sends each validated call to the place the contract names, and nowhere else', async () => {
    const reached: string[] = [];
    const thread = (place: string) => async (method: MethodName) => (reached.push(`${method}@${place}`), { ok: true as const, value: null });
    const recorder = <H>(place: string, runs: MethodPlace): H =>
      Object.fromEntries(METHOD_NAMES.filter((m) => contract[m].runs === runs).map((m) => [m, async () => void reached.push(`${m}@${place}`)])) as H;
    const places: CallPlaces = {
      writer: thread('writer'),
      reader: thread('reader'),
      background: thread('background'),
      host: recorder<HostHandlers>('host', 'host'),
      shell: recorder<ShellHandlers>('shell', 'shell'),
    };
    const placeOf: Record<MethodPlace, string> = { writer: 'writer', 'writer-unqueued': 'writer', reader: 'reader', background: 'background', host: 'host', shell: 'shell' };
    for (const method of METHOD_NAMES) {
      reached.length = 0;
      const envelope = await routeCall({ ok: true, method, input: {} }, places);
      expect(envelope.ok, method).toBe(true);
      expect(reached).toEqual([`${method}@${placeOf[contract[method].runs]}`]);
    }
  });

  it('without a shell, the core refuses shell methods with a clear error', async () => {
    const never = async () => {
      throw new Error('must not run');
    };
    const envelope = await routeCall({ ok: true, method: 'update.check', input: {} }, { writer: never, reader: never, background: never, host: {} as HostHandlers });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_method', message: expect.stringContaining('update.check') } });
  });

  it('declares every place some method runs at, and derives access from runs', () => {
    expect(new Set(METHOD_NAMES.map((m) => contract[m].runs))).toEqual(new Set(METHOD_PLACES));
    expect(contract['grid.rows'].access).toBe('read');
    expect(contract['ai.status'].access).toBe('write');
    expect(contract['export.start'].access).toBe('background');
    expect(contract['diagnostics.get'].access).toBe('control');
    expect(contract['update.check'].access).toBe('control');
  });
});
