import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { createClient, type Transport } from '../../../common/client.js';
import type { MethodName } from '../../../common/contract-names.js';
import type { Envelope } from '../../../common/result.js';
import { createWsTransport, NOT_SENT_MESSAGE, type WsTransport } from '../../../renderer/src/bridge/ws-transport.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';

/**
 * A lost connection (issue 17, item 5): the store says offline from the drop until the core
 * answers a call again (an open socket is not enough), and the web transport refuses a change
 * made after the drop at once instead of queueing it to be sent after the reconnect.
 */
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(test: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await tick(5);
  }
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('store: offline until the core answers again', () => {
  it('sets offline on a drop, keeps it while the socket is open but app.info is unanswered, clears it on the answer', async () => {
    let release: (() => void) | null = null;
    const transport: Transport = {
      invoke(method: MethodName) {
        if (method !== 'app.info') return new Promise<Envelope<unknown>>(() => {});
        return new Promise((resolve) => {
          release = () => resolve({ ok: true, value: { name: 'Listsmith', version: 'test', schemaVersion: 6, databasePath: '/x', transport: 'web' } });
        });
      },
      subscribe: () => () => {},
    };
    const handle = createAppStore({ client: createClient(transport), transportKind: 'web', initialConnection: { state: 'open', retryAt: null, everOpened: true } });
    const { store } = handle;
    expect(store.getState().offline).toBe(false);
    handle.connectionChanged({ state: 'closed', retryAt: Date.now() + 500, everOpened: true });
    expect(store.getState().offline).toBe(true);
    handle.connectionChanged({ state: 'open', retryAt: null, everOpened: true });
    await tick(20);
    expect(store.getState().offline).toBe(true);
    expect(release).not.toBeNull();
    release!();
    await until(() => !store.getState().offline);
    expect(store.getState().notice?.text).toMatch(/Connected again/);
  });

  it('a first connection that has not opened yet is not an outage', () => {
    const transport: Transport = { invoke: () => new Promise(() => {}), subscribe: () => () => {} };
    const handle = createAppStore({ client: createClient(transport), transportKind: 'web', initialConnection: { state: 'connecting', retryAt: null, everOpened: false } });
    handle.connectionChanged({ state: 'closed', retryAt: Date.now() + 500, everOpened: false });
    expect(handle.store.getState().offline).toBe(false);
  });
});

describe('web transport: no change queued across an outage', () => {
  it('refuses a write at once after the drop, holds a read until the reconnect, and never sends the write', async () => {
    const received: string[] = [];
    const sockets = new Set<ServerSocket>();
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (protocols) => [...protocols][0] ?? false });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id: number; method: string };
        received.push(message.method);
        socket.send(JSON.stringify({ type: 'result', id: message.id, envelope: { ok: true, value: { answered: message.method } } }));
      });
    });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const transport: WsTransport = createWsTransport(`ws://127.0.0.1:${port}/rpc`, 'a'.repeat(64));
    cleanups.push(() => transport.close());
    await until(() => transport.connection().state === 'open');
    expect(await transport.invoke('listing.update', { id: 1, changes: {} })).toMatchObject({ ok: true });

    // The connection drops (and the server refuses to talk for a while).
    server.removeAllListeners('connection');
    let accept = false;
    server.on('connection', (socket) => {
      if (!accept) return socket.terminate();
      sockets.add(socket);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id: number; method: string };
        received.push(message.method);
        socket.send(JSON.stringify({ type: 'result', id: message.id, envelope: { ok: true, value: { answered: message.method } } }));
      });
    });
    for (const socket of sockets) socket.terminate();
    sockets.clear();
    await until(() => transport.connection().state !== 'open');

    const write = await transport.invoke('listing.update', { id: 1, changes: { title: 'typed during the outage' } });
    expect(write).toEqual({ ok: false, error: { code: 'disconnected', message: NOT_SENT_MESSAGE } });
    const read = transport.invoke('app.info', {});
    accept = true;
    expect(await read).toEqual({ ok: true, value: { answered: 'app.info' } });
    await tick(100);
    expect(received).toEqual(['listing.update', 'app.info']);
  });
});
